// Package docx writes a PK as a Word document (WordprocessingML, .docx)
// from the words the PDF prints (render.Words): the statement page in a
// portrait section, the lampiran in a landscape one, with real Word
// tables (a repeated header row, vertically merged sasaran cells) and the
// page numbers as fields. The XML is written directly, with archive/zip:
// the document needs sections, vMerge, tblHeader, footers with fields and
// custom properties, which no Go library we could use expresses whole,
// and the bytes must be the same on every run (fixed order and times).
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"pkgen/fonts"
	"pkgen/render"
)

// Properties are the document's core and custom properties.
type Properties struct {
	// SourceSHA256 is the hex SHA-256 of the TOML the document is made
	// from, kept as the custom property SourceProperty.
	SourceSHA256 string
}

// SourceProperty names the custom property holding the source's hash.
const SourceProperty = "pkgen-sumber-sha256"

// zipTime is every part's time: the bytes never depend on the clock.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Bytes writes the document of w.
func Bytes(w *render.Words, p Properties) ([]byte, error) {
	d := &writer{w: w}
	return d.pack(d.document(), p)
}

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// pack zips the parts around body (word/document.xml), in a fixed order
// with fixed times.
func (d *writer) pack(body []byte, p Properties) ([]byte, error) {
	w := d.w
	parts := []part{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/app.xml", []byte(appXML)},
		{"docProps/core.xml", d.core()},
		{"docProps/custom.xml", custom(p)},
		{"word/_rels/document.xml.rels", d.rels()},
		{"word/document.xml", body},
		{"word/fontTable.xml", []byte(fontTable)},
		{"word/footer1.xml", d.footer(false, true)},
	}
	for i, folio := range d.footers {
		parts = append(parts, part{"word/footer" + itoa(i+2) + ".xml", d.footer(true, folio)})
	}
	if len(d.nums) > 0 {
		parts = append(parts, part{"word/numbering.xml", d.numbering()})
	}
	parts = append(parts, part{"word/settings.xml", []byte(settings)}, part{"word/styles.xml", []byte(styles)})
	if len(w.Logo) > 0 {
		parts = append(parts, part{"word/media/logo." + w.LogoType, w.Logo})
	}
	for _, m := range d.media {
		parts = append(parts, part{"word/media/" + m.name, m.data})
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(part.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Units: Word measures in twentieths of a point (twips), type in half
// points, images in EMU.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }
func emu(mm float64) int   { return int(mm*36000 + 0.5) }
func halfPt(pt float64) int {
	return int(pt*2 + 0.5)
}

func itoa(n int) string { return strconv.Itoa(n) }

// esc escapes text for XML.
func esc(b *strings.Builder, s string) {
	_ = xml.EscapeText(b, []byte(s))
}

type writer struct {
	w *render.Words
	b strings.Builder
	// media are the images besides the logo (the capaian chart), each
	// related as rIdMedia<i+1>.
	media []media
	// nums are the list instances (w:num) the body uses, in numId order;
	// listNum[level] is the instance of the list open at each level.
	nums    []render.ListItem
	listNum [9]int
	// centred centres the tables started (the capaian summary).
	centred bool
	// footers are the footers with paraf boxes, footer2.xml on: with the
	// page numbers under them or not.
	footers []bool
}

type media struct {
	name string // under word/media
	data []byte
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

// document is word/document.xml: the statement section (ended by a
// paragraph holding its section properties), then the lampiran, whose
// properties close the body.
func (d *writer) document() []byte {
	b := &d.b
	b.Reset()
	b.WriteString(xml.Header)
	b.WriteString(`<w:document ` + wordNS + `><w:body>`)
	w := d.w
	paraf := len(w.Paraf) > 0
	if s := w.Statement; s != nil {
		d.kop()
		d.statement(s)
		b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`)
		// The paraf boxes stand at the foot of the statement's first page
		// (a first-page footer), or of every page.
		f := sectFooters{def: d.footerRel(paraf && w.ParafEvery, w.FolioStatement)}
		if paraf && !w.ParafEvery {
			f.first = d.footerRel(true, w.FolioStatement)
		}
		d.sectPr(false, f)
		b.WriteString(`</w:pPr></w:p>`)
	}
	d.lampiran()
	if c := w.Changes; c != nil {
		d.changes(c)
	}
	d.sectPr(true, sectFooters{def: d.footerRel(paraf && w.ParafEvery, true)})
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// sectFooters are a section's footers' relationship ids, "" none: the
// default one and the first page's.
type sectFooters struct{ def, first string }

// footerRel is the relationship id of the footer with the paraf boxes
// and/or the page numbers, "" for neither; the page numbers alone are
// footer1.xml, the others are made when first asked for.
func (d *writer) footerRel(paraf, folio bool) string {
	if !paraf {
		if folio {
			return "rIdFooter"
		}
		return ""
	}
	for i, f := range d.footers {
		if f == folio {
			return "rIdFooter" + itoa(i+2)
		}
	}
	d.footers = append(d.footers, folio)
	return "rIdFooter" + itoa(len(d.footers)+1)
}

// sectPr writes a section's page: landscape or portrait, its margins, its
// footers.
func (d *writer) sectPr(landscape bool, f sectFooters) {
	b := &d.b
	w := d.w
	b.WriteString(`<w:sectPr>`)
	if f.def != "" {
		b.WriteString(`<w:footerReference w:type="default" r:id="` + f.def + `"/>`)
	}
	if f.first != "" {
		b.WriteString(`<w:footerReference w:type="first" r:id="` + f.first + `"/>`)
	}
	pw, ph := twips(w.Paper[0]), twips(w.Paper[1])
	m := w.StatementMargins
	if landscape {
		pw, ph = ph, pw
		m = w.LampiranMargins
		b.WriteString(`<w:type w:val="nextPage"/>`)
	}
	b.WriteString(`<w:pgSz w:w="` + itoa(pw) + `" w:h="` + itoa(ph) + `"`)
	if landscape {
		b.WriteString(` w:orient="landscape"`)
	}
	// The numbers stand 4 mm under the text, as in the PDF.
	footer := max(m.Bottom-4-3.5, 2)
	b.WriteString(`/><w:pgMar w:top="` + itoa(twips(m.Top)) + `" w:right="` + itoa(twips(m.Right)) + `" w:bottom="` + itoa(twips(m.Bottom)) +
		`" w:left="` + itoa(twips(m.Left)) + `" w:header="` + itoa(twips(m.Top/2)) + `" w:footer="` + itoa(twips(footer)) + `" w:gutter="0"/>`)
	if f.first != "" {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
}

// paraOpt is how a paragraph is set besides its own alignment and indent.
type paraOpt struct {
	size     float64
	before   float64 // mm, added to the paragraph's own
	after    float64 // mm
	indent   float64 // mm, added to the paragraph's own
	keepNext bool
	border   bool // the kop's closing rules under it
	line     int  // line spacing in 240ths; 0: single
	right    bool // aligned right whatever the paragraph's alignment (figures)
	// rightIndent (mm) narrows the paragraph from the right.
	rightIndent float64
	pageBreak   bool // on a new page
}

var jc = map[render.Align]string{render.AlignLeft: "left", render.AlignCenter: "center", render.AlignRight: "right", render.AlignJustify: "both"}

// paras writes paragraphs; after applies to the last one.
func (d *writer) paras(ps []render.Para, o paraOpt) {
	for i, p := range ps {
		po := o
		if i < len(ps)-1 {
			po.after = 0
			po.border = false
		}
		if i > 0 {
			po.before = 0
			po.pageBreak = false
		}
		d.para(p, po)
	}
}

func (d *writer) para(p render.Para, o paraOpt) {
	b := &d.b
	b.WriteString(`<w:p><w:pPr>`)
	if o.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if o.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	numbered := p.List.Kind != render.NotList && p.Marker != ""
	if numbered {
		lvl := min(p.List.Level, len(d.listNum)-1)
		id := d.listNum[lvl]
		if p.List.First || id == 0 {
			d.nums = append(d.nums, p.List)
			id = len(d.nums)
			d.listNum[lvl] = id
			clear(d.listNum[lvl+1:])
		}
		b.WriteString(`<w:numPr><w:ilvl w:val="` + itoa(lvl) + `"/><w:numId w:val="` + itoa(id) + `"/></w:numPr>`)
	}
	if o.border {
		b.WriteString(`<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="4" w:color="000000"/></w:pBdr>`)
	}
	d.spacing(p.SpaceBefore+o.before, o.after, o.line)
	left := p.Indent + o.indent
	if p.Marker != "" {
		hang := 5.0
		b.WriteString(`<w:ind w:left="` + itoa(twips(max(left, hang))) + `" w:hanging="` + itoa(twips(hang)) + `"/>`)
	} else if left > 0 || o.rightIndent > 0 {
		b.WriteString(`<w:ind w:left="` + itoa(twips(left)) + `"`)
		if o.rightIndent > 0 {
			b.WriteString(` w:right="` + itoa(twips(o.rightIndent)) + `"`)
		}
		b.WriteString(`/>`)
	}
	align := p.Align
	if o.right {
		align = render.AlignRight
	}
	b.WriteString(`<w:jc w:val="` + jc[align] + `"/>`)
	if numbered {
		// The number takes the paragraph mark's type.
		d.rPr(p.MarkerStyle, false, o.size)
	}
	b.WriteString(`</w:pPr>`)
	if p.Marker != "" && !numbered {
		d.run(p.Marker, p.MarkerStyle, false, o.size)
		b.WriteString(`<w:r>`)
		d.rPr(p.MarkerStyle, false, o.size)
		b.WriteString(`<w:tab/></w:r>`)
	}
	for _, sp := range p.Spans {
		d.run(sp.Text, sp.Style, sp.Underline, o.size)
	}
	b.WriteString(`</w:p>`)
}

func (d *writer) spacing(before, after float64, line int) {
	b := &d.b
	b.WriteString(`<w:spacing w:before="` + itoa(twips(before)) + `" w:after="` + itoa(twips(after)) + `"`)
	if line > 0 {
		b.WriteString(` w:line="` + itoa(line) + `" w:lineRule="auto"`)
	}
	b.WriteString(`/>`)
}

func (d *writer) rPr(st fonts.Style, underline bool, size float64) {
	b := &d.b
	b.WriteString(`<w:rPr>`)
	if st == fonts.Bold || st == fonts.BoldItalic {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if st == fonts.Italic || st == fonts.BoldItalic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if underline {
		b.WriteString(`<w:u w:val="single"/>`)
	}
	if size > 0 {
		hp := itoa(halfPt(size))
		b.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	b.WriteString(`</w:rPr>`)
}

// run writes text in one style; a newline is a line break.
func (d *writer) run(text string, st fonts.Style, underline bool, size float64) {
	if text == "" {
		return
	}
	b := &d.b
	b.WriteString(`<w:r>`)
	d.rPr(st, underline, size)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		if line == "" {
			continue
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		esc(b, line)
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// text writes a one-run paragraph.
func (d *writer) text(s string, st fonts.Style, align render.Align, o paraOpt) {
	d.para(render.Para{Spans: []render.Span{{Text: s, Style: st}}, Align: align}, o)
}

// labelled writes "label<tab>:<tab>value" lines, the colons aligned past
// the widest label and long values wrapping under themselves, from indent
// (mm).
func (d *writer) labelled(rows [][2]string, indent, size float64, after float64) {
	lw := 0.0
	for _, r := range rows {
		lw = max(lw, width(fonts.Regular, size, r[0]))
	}
	colon := indent + lw + 1.5
	value := colon + width(fonts.Regular, size, ": ")
	b := &d.b
	for i, r := range rows {
		b.WriteString(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="` + itoa(twips(colon)) + `"/><w:tab w:val="left" w:pos="` + itoa(twips(value)) + `"/></w:tabs>`)
		a := 0.0
		if i == len(rows)-1 {
			a = after
		}
		d.spacing(0, a, 0)
		b.WriteString(`<w:ind w:left="` + itoa(twips(value)) + `" w:hanging="` + itoa(twips(value-indent)) + `"/><w:jc w:val="left"/></w:pPr>`)
		d.run(r[0], fonts.Regular, false, size)
		b.WriteString(`<w:r>`)
		d.rPr(fonts.Regular, false, size)
		b.WriteString(`<w:tab/><w:t>:</w:t><w:tab/></w:r>`)
		d.run(r[1], fonts.Regular, false, size)
		b.WriteString(`</w:p>`)
	}
}

// width is the advance of s in mm, as the PDF measures it.
func width(st fonts.Style, size float64, s string) float64 {
	return float64(fonts.MustFace(st).Width(s)) / 1000 * size * 25.4 / 72
}
