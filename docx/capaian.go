package docx

import (
	"pkgen/fonts"
	"pkgen/render"
)

// Capaian writes a capaian annex (render.GatherCapaian) as a Word
// document: one landscape section with the title and identity, the
// capaian table (header rows repeated, sasaran merged down, figures
// aligned right), the summary, the chart as images and the signatures.
func Capaian(c *render.CapaianWords, p Properties) ([]byte, error) {
	// The page, meta data and folio go through the PK's parts.
	shell := &render.Words{Meta: c.Meta, Paper: c.Paper, StatementMargins: c.Margins, LampiranMargins: c.Margins, Folio: c.Folio}
	d := &writer{w: shell}
	body, err := d.capaianDocument(c)
	if err != nil {
		return nil, err
	}
	return d.pack(body, p)
}

func (d *writer) capaianDocument(c *render.CapaianWords) ([]byte, error) {
	b := &d.b
	b.Reset()
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<w:document ` + wordNS + `><w:body>`)
	tw := d.textWidth(true)
	d.paras(c.Title, paraOpt{size: render.SizeHeading, after: 4, line: bodyLine})
	d.labelled(c.Identity, 0, render.SizeIdent, afterBlock)
	d.table(c.Table, false)
	if len(c.Note) > 0 {
		d.paras(c.Note, paraOpt{size: render.SizeTable, before: 1.5})
	}

	d.paras(c.SummaryTitle, paraOpt{size: render.SizeIdent, before: 6, after: 2, keepNext: true})
	d.centred = true
	d.table(c.Summary, true)
	d.centred = false
	note := paraOpt{size: render.SizeTable, before: 2}
	if side := (tw - c.SummaryWidth) / 2; side > 0 {
		note.indent, note.rightIndent = side, side
	}
	d.paras(c.SummaryNote, note)

	if ch := c.Chart; ch != nil {
		if err := d.chart(ch, tw, c.Closing != nil); err != nil {
			return nil, err
		}
	}
	if c.Closing != nil {
		d.text("", fonts.Regular, render.AlignLeft, paraOpt{size: render.SizeIdent, after: 8 - 3, keepNext: true})
		d.signatures(*c.Closing, tw, render.SizeIdent)
	}
	d.sectPr(true, sectFooters{def: "rIdFooter"})
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String()), nil
}

// chart writes the chart's title and legend as text (editable, found by a
// search) and its bars as PNG images, one per page's share of the rows;
// keepEnd keeps the last with what follows (the signatures), as the PDF
// keeps the chart's end with them.
func (d *writer) chart(ch *render.ChartWords, tw float64, keepEnd bool) error {
	// Each image fits a page under the title and legend.
	room := d.w.Paper[0] - d.w.LampiranMargins.Top - d.w.LampiranMargins.Bottom - 30
	images, err := drawChart(ch, tw, room)
	if err != nil {
		return err
	}
	b := &d.b
	for i, img := range images {
		d.chartHead(ch, i > 0)
		d.media = append(d.media, media{name: "grafik" + itoa(len(d.media)+1) + ".png", data: img.png})
		b.WriteString(`<w:p><w:pPr>`)
		if keepEnd && i == len(images)-1 {
			b.WriteString(`<w:keepNext/>`)
		}
		d.spacing(0, 0, 0)
		b.WriteString(`<w:jc w:val="center"/></w:pPr>`)
		d.picture("rIdMedia"+itoa(len(d.media)), 100+len(d.media), "grafik", img.w, img.h)
		b.WriteString(`</w:p>`)
	}
	return nil
}

// chartHead is the chart's title (on later pages from a new page, marked
// as continued, as the PDF's) and its legend, kept with the picture.
func (d *writer) chartHead(ch *render.ChartWords, cont bool) {
	title := ch.Title
	if cont && len(title) > 0 && ch.Continued != "" {
		title = append([]render.Para(nil), title...)
		last := &title[len(title)-1]
		last.Spans = append(append([]render.Span(nil), last.Spans...), render.Span{Text: " " + ch.Continued, Style: fonts.Bold})
	}
	o := paraOpt{size: render.SizeIdent, before: 8, after: 2, keepNext: true}
	if cont {
		o.before, o.pageBreak = 0, true
	}
	d.paras(title, o)
	b := &d.b
	b.WriteString(`<w:p><w:pPr><w:keepNext/>`)
	d.spacing(0, 3, 0)
	b.WriteString(`<w:jc w:val="left"/></w:pPr>`)
	for i, e := range ch.Legend {
		if i > 0 {
			d.run("\u2003\u2003", fonts.Regular, false, chartLegendPt)
		}
		mark, color := "\u2502", "000000" // the 100% line
		if e.Color != nil {
			mark, color = "\u25a0", hex(*e.Color)
		}
		b.WriteString(`<w:r><w:rPr><w:color w:val="` + color + `"/><w:sz w:val="` + itoa(halfPt(chartLegendPt)) + `"/></w:rPr><w:t>` + mark + `</w:t></w:r>`)
		d.run(" "+e.Text, fonts.Regular, false, chartLegendPt)
	}
	b.WriteString(`</w:p>`)
}

// chartLegendPt is the legend's size, as the PDF's.
const chartLegendPt = 8

// hex is a colour as Word writes it.
func hex(c render.RGB) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 6)
	for _, v := range []uint8{c.R, c.G, c.B} {
		out = append(out, digits[v>>4], digits[v&15])
	}
	return string(out)
}
