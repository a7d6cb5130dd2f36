package render

import (
	"pkgen/fonts"
	"pkgen/model"
)

// statement lays out page 1: heading, title, the parties, the two promises,
// the place and date, and the signature blocks side by side. All of it must
// stand on the one page; it returns where the page begins.
func (l *layouter) statement() (Mark, error) {
	d, err := l.data()
	if err != nil {
		return Mark{}, err
	}
	f := l.flow
	start := f.NewPage(statementPage)
	x, w := f.Region().X, f.Region().W

	// Each part with the space after it.
	type part struct {
		box   Box
		after float64
	}
	var parts []part
	if len(l.opt.Logo) > 0 {
		const lh = 22.0
		lw, kind, err := logoSize(l.opt.Logo, lh)
		if err != nil {
			return Mark{}, err
		}
		parts = append(parts, part{Box{H: lh, Draw: func(p *Page, x, y float64) float64 {
			p.Images = append(p.Images, Image{X: x + (w-lw)/2, Y: y, W: lw, H: lh, Data: l.opt.Logo, Type: kind, Name: "logo"})
			return y + lh
		}}, 3})
	}
	var kop []Para
	for _, line := range l.doc.Instansi.Kop {
		kop = append(kop, PlainParas(line, fonts.Bold, AlignCenter)...)
	}
	kopLines := l.m.Block(kop, w, sizeHeading, leading)
	// The kop is closed by a thick and a thin rule, as on official letters;
	// the thin one lies in the space below.
	parts = append(parts, part{Box{H: height(kopLines) + 2.5, Draw: func(p *Page, x, y float64) float64 {
		y = p.put(kopLines, x, y, w, "block") + 1.5
		p.Lines = append(p.Lines, Line{X1: x, Y1: y, X2: x + w, Y2: y, Width: 0.6}, Line{X1: x, Y1: y + 1, X2: x + w, Y2: y + 1, Width: 0.2})
		return y
	}}, 7})

	for _, b := range []struct {
		name  string
		style fonts.Style
		align Align
		size  float64
		after float64
	}{
		{"judul", fonts.Bold, AlignCenter, sizeHeading, 7},
		{"pembuka", fonts.Regular, AlignJustify, sizeBody, 3},
	} {
		ps, err := l.rich(b.name, d, b.style, b.align)
		if err != nil {
			return Mark{}, err
		}
		parts = append(parts, part{linesBox(l.m.Block(ps, w, b.size, leading), 0, w, "block"), b.after})
	}

	parties := []struct {
		who     *model.Pihak
		sebutan string
	}{{&l.doc.PihakPertama, "sebutan_pertama"}}
	if l.doc.PihakKedua != nil {
		parties = append(parties, struct {
			who     *model.Pihak
			sebutan string
		}{l.doc.PihakKedua, "sebutan_kedua"})
	}
	for _, pt := range parties {
		b, err := l.party(pt.who, pt.sebutan, d, x+8, w-8)
		if err != nil {
			return Mark{}, err
		}
		parts = append(parts, part{b, 3})
	}
	for _, name := range []string{"janji", "target_tahun", "pengawasan", "mengubah"} {
		ps, err := l.rich(name, d, fonts.Regular, AlignJustify)
		if err != nil {
			return Mark{}, err
		}
		if len(ps) == 0 {
			continue
		}
		parts = append(parts, part{linesBox(l.m.Block(ps, w, sizeBody, leading), 0, w, "block"), 3})
	}
	for _, pt := range parts {
		if _, err := f.Place(pt.box, OnThisPage()); err != nil {
			return Mark{}, err
		}
		f.Space(pt.after)
	}
	f.Space(6)
	blk, err := l.signatures(d, true, w, sizeBody)
	if err != nil {
		return Mark{}, err
	}
	r := f.Region()
	if over := r.Y + blk.h - r.Bottom; over > 0 {
		blk = blk.tighten(over)
	}
	// Never split a signature block, and never leave it for a second page.
	if _, err := f.Place(blk.box(), OnThisPage()); err != nil {
		return Mark{}, err
	}
	return start, nil
}

// party prints "Nama : …" and "Jabatan : …" with aligned colons, then the
// sentence that names the party, from x in width w.
func (l *layouter) party(who *model.Pihak, sebutan string, d data, x, w float64) (Box, error) {
	labels := [2]string{}
	var err error
	if labels[0], err = l.words("label_nama", d); err != nil {
		return Box{}, err
	}
	if labels[1], err = l.words("label_jabatan", d); err != nil {
		return Box{}, err
	}
	rows := l.labelled(labels[:], []string{l.f.nama(*who, true), who.JabatanLengkap()}, x, w, sizeBody)
	ps, err := l.rich(sebutan, d, fonts.Regular, AlignLeft)
	if err != nil {
		return Box{}, err
	}
	lines := l.m.Block(ps, w, sizeBody, leading)
	return Box{H: rows.h + 1 + height(lines), Draw: func(p *Page, _, y float64) float64 {
		y = rows.draw(p, y)
		return p.put(lines, x, y+1, w, "block")
	}}, nil
}

// labelledRows are "label : value" lines with the colons aligned, laid out
// to be drawn from x; long values wrap under themselves.
type labelledRows struct {
	x, lw, colon, vx, vw float64         // left edge, label width, colon and value x, value width
	rows                 [][3][]TextLine // label, colon, value
	h                    float64
}

func (l *layouter) labelled(labels, values []string, x, w, size float64) labelledRows {
	b := labelledRows{x: x}
	for _, s := range labels {
		b.lw = max(b.lw, l.m.Width(fonts.Regular, size, s))
	}
	b.colon = x + b.lw + 1.5
	b.vx = b.colon + l.m.Width(fonts.Regular, size, ": ")
	b.vw = x + w - b.vx
	for i := range labels {
		value := l.m.Block(PlainParas(values[i], fonts.Regular, AlignLeft), b.vw, size, leading)
		b.rows = append(b.rows, [3][]TextLine{
			l.m.Block(PlainParas(labels[i], fonts.Regular, AlignLeft), b.lw, size, leading),
			l.m.Block(PlainParas(":", fonts.Regular, AlignLeft), b.vx-b.colon, size, leading),
			value,
		})
		b.h += height(value)
	}
	return b
}

// draw prints the rows from y and returns the y below the last.
func (b labelledRows) draw(p *Page, y float64) float64 {
	for _, r := range b.rows {
		p.put(r[0], b.x, y, b.lw, "block")
		p.put(r[1], b.colon, y, b.vx-b.colon, "block")
		y = p.put(r[2], b.vx, y, b.vw, "block")
	}
	return y
}
