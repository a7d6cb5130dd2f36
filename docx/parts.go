package docx

import (
	"encoding/xml"
	"strings"
	"time"

	"pkgen/fonts"
	"pkgen/render"
)

func (d *writer) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	if d.w.LogoType == "png" || len(d.media) > 0 {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	if d.w.LogoType == "jpg" {
		b.WriteString(`<Default Extension="jpg" ContentType="image/jpeg"/>`)
	}
	overrides := [][2]string{
		{"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
		{"/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
		{"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
	}
	for i := range d.footers {
		overrides = append(overrides, [2]string{"/word/footer" + itoa(i+2) + ".xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"})
	}
	overrides = append(overrides, [][2]string{
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
		{"/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"},
	}...)
	if len(d.nums) > 0 {
		overrides = append(overrides, [2]string{"/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"})
	}
	for _, o := range overrides {
		b.WriteString(`<Override PartName="` + o[0] + `" ContentType="` + o[1] + `"/>`)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

func (d *writer) rels() []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`)
	for i := range d.footers {
		b.WriteString(`<Relationship Id="rIdFooter` + itoa(i+2) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer` + itoa(i+2) + `.xml"/>`)
	}
	if len(d.nums) > 0 {
		b.WriteString(`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	}
	for i, m := range d.media {
		b.WriteString(`<Relationship Id="rIdMedia` + itoa(i+1) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/` + m.name + `"/>`)
	}
	if len(d.w.Logo) > 0 {
		b.WriteString(`<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.` + d.w.LogoType + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// core is docProps/core.xml: the PDF's title, subject and keywords, pkgen
// as the creator, the PDF's date.
func (d *writer) core() []byte {
	m := d.w.Meta
	var b strings.Builder
	b.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range [][2]string{{"dc:title", m.Title}, {"dc:subject", m.Subject}, {"dc:creator", "pkgen"}, {"cp:keywords", m.Keywords}} {
		b.WriteString(`<` + e[0] + `>`)
		esc(&b, e[1])
		b.WriteString(`</` + e[0] + `>`)
	}
	at := m.Created.UTC().Format(time.RFC3339)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified></cp:coreProperties>`)
	return []byte(b.String())
}

// custom is docProps/custom.xml: the source's hash, so a DOCX can be
// traced to the TOML it was made from.
func custom(p Properties) []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="` + SourceProperty + `"><vt:lpwstr>`)
	esc(&b, p.SourceSHA256)
	b.WriteString(`</vt:lpwstr></property></Properties>`)
	return []byte(b.String())
}

const appXML = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>pkgen</Application></Properties>`

// footer is a footer: the paraf boxes when paraf, then the page number
// line when folio: the words of the "halaman" block with the PAGE and
// NUMPAGES fields in place of the numbers.
func (d *writer) footer(paraf, folio bool) []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:ftr ` + wordNS + `>`)
	if paraf {
		b.WriteString(d.parafTable())
	}
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>`)
	sz := itoa(halfPt(render.SizeFolio))
	rpr := `<w:rPr><w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/></w:rPr>`
	if !folio {
		b.WriteString(`</w:p></w:ftr>`)
		return []byte(b.String())
	}
	for _, p := range d.w.Folio {
		if p.Field != "" {
			b.WriteString(`<w:fldSimple w:instr=" ` + p.Field + ` "><w:r>` + rpr + `<w:t>1</w:t></w:r></w:fldSimple>`)
			continue
		}
		b.WriteString(`<w:r>` + rpr + `<w:t xml:space="preserve">`)
		esc(&b, p.Text)
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p></w:ftr>`)
	return []byte(b.String())
}

const settings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// styles names Liberation Sans everywhere (fontTable offers Arial in its
// place) and sets the Indonesian language and no space after paragraphs.
const styles = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + fonts.Name + `" w:hAnsi="` + fonts.Name + `" w:eastAsia="` + fonts.Name + `" w:cs="` + fonts.Name + `"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

const fontTable = xml.Header + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="` + fonts.Name + `"><w:altName w:val="Arial"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>`

// Abstract lists of numbering.xml: a bullet, "1." and "1)", every level
// showing its own counter only (a nested list is a list of its own).
var abstractOf = map[render.ListKind]int{render.ListBullet: 1, render.ListDecimal: 2, render.ListDecimalR: 3}

// numbering is word/numbering.xml: the three abstract lists and one
// instance per Markdown list, restarting at the list's start number.
func (d *writer) numbering() []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	for _, kind := range []render.ListKind{render.ListBullet, render.ListDecimal, render.ListDecimalR} {
		b.WriteString(`<w:abstractNum w:abstractNumId="` + itoa(abstractOf[kind]) + `"><w:multiLevelType w:val="multilevel"/>`)
		for lvl := range 9 {
			format, text := "decimal", "%"+itoa(lvl+1)+"."
			switch kind {
			case render.ListBullet:
				format, text = "bullet", "\u2022"
			case render.ListDecimalR:
				text = "%" + itoa(lvl+1) + ")"
			}
			left := twips(render.ListIndent * float64(lvl+1))
			b.WriteString(`<w:lvl w:ilvl="` + itoa(lvl) + `"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text +
				`"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + itoa(left) + `" w:hanging="` + itoa(twips(render.ListIndent)) + `"/></w:pPr>`)
			if kind == render.ListBullet {
				b.WriteString(`<w:rPr><w:rFonts w:ascii="` + fonts.Name + `" w:hAnsi="` + fonts.Name + `"/></w:rPr>`)
			}
			b.WriteString(`</w:lvl>`)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	for i, n := range d.nums {
		b.WriteString(`<w:num w:numId="` + itoa(i+1) + `"><w:abstractNumId w:val="` + itoa(abstractOf[n.Kind]) + `"/>`)
		start := n.Start
		if n.Kind == render.ListBullet {
			start = 1
		}
		b.WriteString(`<w:lvlOverride w:ilvl="` + itoa(min(n.Level, 8)) + `"><w:startOverride w:val="` + itoa(start) + `"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}
