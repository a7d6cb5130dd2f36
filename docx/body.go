package docx

import (
	"pkgen/fonts"
	"pkgen/render"
)

// Spaces between blocks, mm, as the PDF's.
const (
	afterKop    = 7
	afterJudul  = 7
	afterBlock  = 3
	partyIndent = 8
	signRoom    = 24 // room to sign, mm
	signGap     = 6  // above the signatures
	logoGap     = 4  // between a logo and the kop lines beside it
)

// bodyLine is the text's line spacing, near the PDF's 1.25 of the size
// (Word's single spacing is already about 1.15).
const bodyLine = 260

func (d *writer) textWidth(landscape bool) float64 {
	w := d.w
	if landscape {
		return w.Paper[1] - w.LampiranMargins.Left - w.LampiranMargins.Right
	}
	return w.Paper[0] - w.StatementMargins.Left - w.StatementMargins.Right
}

// kop writes the letterhead: the logo beside the lines (a borderless
// two-column table) or centred above them, closed by the thick and thin
// rules (a paragraph border).
func (d *writer) kop() {
	w := d.w
	lines := func(border bool) {
		for i, k := range w.Kop {
			last := i == len(w.Kop)-1
			o := paraOpt{size: k.Size, border: border && last}
			if last && border {
				o.after = afterKop
			}
			d.text(k.Text, k.Style, render.AlignCenter, o)
		}
	}
	if len(w.Logo) > 0 && w.LogoBeside {
		tw := d.textWidth(false)
		widths := []float64{w.LogoW + logoGap, tw - w.LogoW - logoGap}
		d.tableStart(widths, false)
		d.b.WriteString(`<w:tr>`)
		d.cellStart(widths[0], 1, "", false, "center")
		d.b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>`)
		d.image()
		d.b.WriteString(`</w:p></w:tc>`)
		d.cellStart(widths[1], 1, "", false, "center")
		lines(false)
		d.b.WriteString(`</w:tc></w:tr></w:tbl>`)
		// The rules under both.
		d.b.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="1" w:color="000000"/></w:pBdr>`)
		d.spacing(0, afterKop, 0)
		d.b.WriteString(`<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>`)
		return
	}
	if len(w.Logo) > 0 {
		after := 3.0
		if len(w.Kop) == 0 {
			after = afterKop
		}
		d.b.WriteString(`<w:p><w:pPr>`)
		d.spacing(0, after, 0)
		d.b.WriteString(`<w:jc w:val="center"/></w:pPr>`)
		d.image()
		d.b.WriteString(`</w:p>`)
	}
	lines(true)
}

// image writes the logo as an inline picture run.
func (d *writer) image() {
	w := d.w
	lw, lh := w.LogoW, w.LogoH
	if tw := d.textWidth(false); lw > tw {
		lh, lw = lh*tw/lw, tw
	}
	d.picture("rIdLogo", 1, "logo", lw, lh)
}

// picture writes an inline picture run of the related image rel, w × h
// mm; id is unique in the document.
func (d *writer) picture(rel string, id int, name string, w, h float64) {
	cx, cy := itoa(emu(w)), itoa(emu(h))
	n := itoa(id)
	d.b.WriteString(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="` + cx + `" cy="` + cy +
		`"/><wp:docPr id="` + n + `" name="` + name + `"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="` + n + `" name="` + name + `"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + rel + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` +
		cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
}

// statement writes the statement page's blocks.
func (d *writer) statement(s *render.StatementWords) {
	d.paras(s.Judul, paraOpt{size: render.SizeHeading, after: afterJudul, line: bodyLine})
	d.paras(s.Pembuka, paraOpt{size: render.SizeBody, after: afterBlock, line: bodyLine})
	for _, p := range s.Parties {
		d.labelled([][2]string{{p.Labels[0], p.Values[0]}, {p.Labels[1], p.Values[1]}}, partyIndent, render.SizeBody, 0)
		d.paras(p.Sebutan, paraOpt{size: render.SizeBody, before: 1, after: afterBlock, indent: partyIndent, line: bodyLine})
	}
	for _, ps := range s.Body {
		d.paras(ps, paraOpt{size: render.SizeBody, after: afterBlock, line: bodyLine})
	}
	d.signatures(s.Signatures, d.textWidth(false), render.SizeBody)
}

// lampiran writes the annex: title, identity lines, tables, signatures.
func (d *writer) lampiran() {
	w := d.w
	d.paras(w.LampiranTitle, paraOpt{size: render.SizeHeading, after: 4, line: bodyLine})
	d.labelled(w.Identity, 0, render.SizeIdent, afterBlock)
	for i, t := range w.Tables {
		if i > 0 {
			d.text("", fonts.Regular, render.AlignLeft, paraOpt{size: render.SizeTable, after: signGap - 3})
		}
		if t.Caption != "" {
			d.text(t.Caption, fonts.Bold, render.AlignLeft, paraOpt{size: render.SizeIdent, after: 1.5, keepNext: true})
		}
		d.table(t, i == len(w.Tables)-1 && w.Closing != nil)
	}
	if w.Closing != nil {
		d.signatures(*w.Closing, d.textWidth(true), render.SizeIdent)
	}
}

// signatures writes the signature block as a borderless table: a row of
// the lines above the room to sign, a row of the names (so the names
// share a line), then the Mengetahui across both columns. A single
// signatory stands on the right half.
func (d *writer) signatures(s render.Signatures, tw, size float64) {
	b := &d.b
	b.WriteString(`<w:p><w:pPr><w:keepNext/>`)
	d.spacing(0, 0, 0)
	b.WriteString(`<w:rPr><w:sz w:val="` + itoa(halfPt(size)) + `"/></w:rPr></w:pPr></w:p>`)
	half := tw / 2
	widths := []float64{half, tw - half}
	d.tableStart(widths, false)
	cols := s.Columns
	if len(cols) == 1 {
		cols = []render.SignerWords{{}, cols[0]}
	}
	row := func(part func(render.SignerWords) []render.Para, before float64, last bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i, c := range cols {
			d.cellStart(widths[i], 1, "", false, "")
			d.cellParas(part(c), paraOpt{size: size, before: before, keepNext: !last})
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	pre := func(c render.SignerWords) []render.Para { return c.Pre }
	name := func(c render.SignerWords) []render.Para { return c.Name }
	row(pre, 0, false)
	row(name, signRoom, s.Third == nil)
	if t := s.Third; t != nil {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		d.cellStart(tw, 2, "", false, "")
		d.cellParas(t.Pre, paraOpt{size: size, before: signGap, keepNext: true})
		d.cellParas(t.Name, paraOpt{size: size, before: signRoom})
		b.WriteString(`</w:tc></w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// cellParas writes a cell's paragraphs; a cell holds at least one.
func (d *writer) cellParas(ps []render.Para, o paraOpt) {
	if len(ps) == 0 {
		d.para(render.Para{}, o)
		return
	}
	d.paras(ps, o)
}

// parafTable is the paraf koordinasi boxes as a footer's table: a column
// per official, the jabatan over the room to initial, the nama small at
// its foot. It uses the writer's buffer: call it once the body is done.
func (d *writer) parafTable() string {
	b := &d.b
	b.Reset()
	widths := make([]float64, len(d.w.Paraf))
	for i := range widths {
		widths[i] = render.ParafBoxW
	}
	d.tableStart(widths, true)
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for i, p := range d.w.Paraf {
		d.cellStart(widths[i], 1, "", false, "center")
		d.text(p.Jabatan, fonts.Regular, render.AlignCenter, paraOpt{size: render.SizeParaf})
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr><w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="` + itoa(twips(render.ParafBoxH+3)) + `" w:hRule="atLeast"/></w:trPr>`)
	for i, p := range d.w.Paraf {
		d.cellStart(widths[i], 1, "", false, "bottom")
		d.text(p.Nama, fonts.Regular, render.AlignCenter, paraOpt{size: render.SizeParafNama})
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr></w:tbl>`)
	return b.String()
}

// changes writes a PK Perubahan's Daftar Perubahan from a new page: its
// title, the amendment sentence and the table of changes.
func (d *writer) changes(c *render.ChangesWords) {
	d.paras(c.Title, paraOpt{size: render.SizeHeading, line: bodyLine, pageBreak: true})
	d.paras(c.Sub, paraOpt{size: render.SizeIdent, before: 3, after: 4, line: bodyLine})
	d.table(c.Table, false)
}
