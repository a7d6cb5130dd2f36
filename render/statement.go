package render

import (
	"math"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
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
	type part = spaced
	parts, err := l.kop(w)
	if err != nil {
		return Mark{}, err
	}

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
		parts = append(parts, part{l.templateBox(b.name, ps, w, b.size), b.after})
	}

	type party struct {
		who          *model.Pihak
		key, sebutan string
	}
	parties := []party{{&l.doc.PihakPertama, "pihak_pertama", "sebutan_pertama"}}
	if l.doc.PihakKedua != nil {
		parties = append(parties, party{l.doc.PihakKedua, "pihak_kedua", "sebutan_kedua"})
	}
	for _, pt := range parties {
		b, err := l.party(pt.who, pt.key, pt.sebutan, d, x+8, w-8)
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
		b := l.templateBox(name, ps, w, sizeBody)
		if name == "mengubah" && l.doc.Perubahan != nil {
			b.From[0].key = within(name, paraText(ps), [2]string{"perubahan.keterangan", l.doc.Perubahan.Keterangan})
		}
		parts = append(parts, part{b, 3})
	}
	blk, err := l.signatures(d, true, w, sizeBody)
	if err != nil {
		return Mark{}, err
	}
	// Everything stands on the one page, the signatures with at least
	// their least room to sign: else the input taking the most room is the
	// one to shorten.
	tooLong := func() error {
		need, from := 6+blk.tighten(math.Inf(1)).h, blk.from()
		if f.foot > 0 {
			from = append(from, source{key: "paraf", h: f.foot, lines: len(l.doc.Paraf)})
		}
		for _, pt := range parts {
			need += pt.box.H + pt.after
			from = append(from, pt.box.From...)
		}
		c := culprit(from)
		return layoutErrorf(c.key, "%s: halaman pernyataan %.1f mm lebih panjang dari satu halaman; teks ini mengisi %.1f mm (%d baris): persingkat agar pernyataan dan tanda tangannya muat di halaman 1",
			need-f.Full(), c.h, c.lines)
	}
	for _, pt := range parts {
		if _, err := f.Place(pt.box, OnThisPage()); err != nil {
			return Mark{}, tooLong()
		}
		f.Space(pt.after)
	}
	f.Space(6)
	r := f.Region()
	if over := r.Y + blk.h - r.Bottom; over > 0 {
		blk = blk.tighten(over)
	}
	// Never split a signature block, and never leave it for a second page.
	if _, err := f.Place(blk.box(), OnThisPage()); err != nil {
		return Mark{}, tooLong()
	}
	return start, nil
}

// paraText is the text of paragraphs, for telling what most of it is.
func paraText(ps []Para) string {
	var b strings.Builder
	for _, p := range ps {
		for _, sp := range p.Spans {
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// templateBox is a template block's paragraphs laid out w wide as a block
// of the flow, the block named as its source.
func (l *layouter) templateBox(block string, ps []Para, w, size float64) Box {
	lines := l.m.Block(ps, w, size, leading)
	b := linesBox(lines, 0, w, "block")
	b.What, b.From = pesan.Key("teks templat"), []source{linesSource(templateKey(block), lines)}
	return b
}

// party prints "Nama : …" and "Jabatan : …" with aligned colons, then the
// sentence that names the party, from x in width w; key is the party's
// table ("pihak_pertama").
func (l *layouter) party(who *model.Pihak, key, sebutan string, d data, x, w float64) (Box, error) {
	labels := [2]string{}
	var err error
	if labels[0], err = l.words("label_nama", d); err != nil {
		return Box{}, err
	}
	if labels[1], err = l.words("label_jabatan", d); err != nil {
		return Box{}, err
	}
	rows := l.labelled(labels[:], []string{l.f.nama(*who, true), who.JabatanLengkap()},
		[]string{key + ".nama", jabatanKey(key, who.Jabatan, who.UnitKerja)}, x, w, sizeBody)
	ps, err := l.rich(sebutan, d, fonts.Regular, AlignLeft)
	if err != nil {
		return Box{}, err
	}
	lines := l.m.Block(ps, w, sizeBody, leading)
	from := append(rows.from, linesSource(templateKey(sebutan), lines))
	return Box{H: rows.h + 1 + height(lines), Draw: func(p *Page, _, y float64) float64 {
		y = rows.draw(p, y)
		return p.put(lines, x, y+1, w, "block")
	}, What: pesan.Key("pihak"), From: from}, nil
}

// labelledRows are "label : value" lines with the colons aligned, laid out
// to be drawn from x; long values wrap under themselves.
type labelledRows struct {
	x, lw, colon, vx, vw float64         // left edge, label width, colon and value x, value width
	rows                 [][3][]TextLine // label, colon, value
	h                    float64
	from                 []source // the values, by their keys
}

// labelled lays out the rows: keys name the values' inputs.
func (l *layouter) labelled(labels, values, keys []string, x, w, size float64) labelledRows {
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
		b.from = append(b.from, linesSource(keys[i], value))
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
