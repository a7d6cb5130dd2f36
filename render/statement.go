package render

import (
	"pkgen/fonts"
	"pkgen/model"
)

// statement lays out page 1: heading, title, the parties, the two promises,
// the place and date, and the signature blocks side by side.
func (l *layouter) statement() error {
	d, err := l.data()
	if err != nil {
		return err
	}
	pi := l.newPage(false)
	p := l.page(pi)
	mg := statementMargins
	x, w := mg.left, p.Width-mg.left-mg.right
	y := mg.top

	if len(l.opt.Logo) > 0 {
		const lh = 22.0
		lw, kind, err := logoSize(l.opt.Logo, lh)
		if err != nil {
			return err
		}
		p.Images = append(p.Images, Image{X: x + (w-lw)/2, Y: y, W: lw, H: lh, Data: l.opt.Logo, Type: kind, Name: "logo"})
		y += lh + 3
	}
	var kop []Para
	for _, line := range l.doc.Instansi.Kop {
		kop = append(kop, PlainParas(line, fonts.Bold, AlignCenter)...)
	}
	y = p.put(l.m.Block(kop, w, sizeHeading, leading), x, y, w, "block")
	// The kop is closed by a thick and a thin rule, as on official letters.
	y += 1.5
	p.Lines = append(p.Lines, Line{X1: x, Y1: y, X2: x + w, Y2: y, Width: 0.6}, Line{X1: x, Y1: y + 1, X2: x + w, Y2: y + 1, Width: 0.2})
	y += 7

	blocks := []struct {
		name  string
		style fonts.Style
		align Align
		size  float64
		after float64
	}{
		{"judul", fonts.Bold, AlignCenter, sizeHeading, 7},
		{"pembuka", fonts.Regular, AlignJustify, sizeBody, 3},
	}
	for _, b := range blocks {
		ps, err := l.rich(b.name, d, b.style, b.align)
		if err != nil {
			return err
		}
		y = p.put(l.m.Block(ps, w, b.size, leading), x, y, w, "block") + b.after
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
		y, err = l.party(p, pt.who, pt.sebutan, d, x+8, w-8, y)
		if err != nil {
			return err
		}
		y += 3
	}
	for _, name := range []string{"janji", "target_tahun", "pengawasan", "mengubah"} {
		ps, err := l.rich(name, d, fonts.Regular, AlignJustify)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			continue
		}
		y = p.put(l.m.Block(ps, w, sizeBody, leading), x, y, w, "block") + 3
	}
	y += 6

	blk, err := l.signatures(d, true, w, sizeBody)
	if err != nil {
		return err
	}
	if over := y + blk.h - (p.Height - mg.bottom); over > 0 {
		blk = blk.tighten(over)
	}
	if y+blk.h > p.Height-mg.bottom {
		// Never split a signature block: it goes whole onto a new page.
		pi = l.newPage(false)
		p = l.page(pi)
		y = mg.top
	}
	blk.place(p, x, y)
	return nil
}

// party prints "Nama : …" and "Jabatan : …" with aligned colons, then the
// sentence that names the party.
func (l *layouter) party(p *Page, who *model.Pihak, sebutan string, d data, x, w, y float64) (float64, error) {
	labels := [2]string{}
	var err error
	if labels[0], err = l.words("label_nama", d); err != nil {
		return y, err
	}
	if labels[1], err = l.words("label_jabatan", d); err != nil {
		return y, err
	}
	y = l.labelled(p, labels[:], []string{l.f.nama(*who, true), who.JabatanLengkap()}, x, w, y, sizeBody)
	ps, err := l.rich(sebutan, d, fonts.Regular, AlignLeft)
	if err != nil {
		return y, err
	}
	return p.put(l.m.Block(ps, w, sizeBody, leading), x, y+1, w, "block"), nil
}

// labelled prints "label : value" lines with the colons aligned; long
// values wrap under themselves. It returns the y below the last line.
func (l *layouter) labelled(p *Page, labels, values []string, x, w, y, size float64) float64 {
	lw := 0.0
	for _, s := range labels {
		lw = max(lw, l.m.Width(fonts.Regular, size, s))
	}
	colon := x + lw + 1.5
	vx := colon + l.m.Width(fonts.Regular, size, ": ")
	for i := range labels {
		p.put(l.m.Block(PlainParas(labels[i], fonts.Regular, AlignLeft), lw, size, leading), x, y, lw, "block")
		p.put(l.m.Block(PlainParas(":", fonts.Regular, AlignLeft), vx-colon, size, leading), colon, y, vx-colon, "block")
		y = p.put(l.m.Block(PlainParas(values[i], fonts.Regular, AlignLeft), x+w-vx, size, leading), vx, y, x+w-vx, "block")
	}
	return y
}
