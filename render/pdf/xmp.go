package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"time"

	"pkgen/render"
)

// xmpPacket is the document's XMP metadata for PDF/A-3b: the PDF/A
// identification, the Info entries in their XMP form (dc:title,
// dc:creator, dc:description, pdf:Keywords, pdf:Producer,
// xmp:CreatorTool, xmp:CreateDate and xmp:ModifyDate, equal to the Info
// dictionary), and pkgen:sumber, the name and SHA-256 of every embedded
// source, with the PDF/A extension schema that declares it.
func xmpPacket(m render.Meta, created time.Time, srcs []Source, names []string) []byte {
	var b bytes.Buffer
	esc := func(s string) {
		xml.EscapeText(&b, []byte(s)) // invalid runes become U+FFFD
	}
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
`)
	if m.Title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`)
		esc(m.Title)
		b.WriteString("</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>")
		esc(m.Author)
		b.WriteString("</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">`)
		esc(m.Subject)
		b.WriteString("</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString(`</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
`)
	date := xmpDate(created)
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	if m.Creator != "" {
		b.WriteString("<xmp:CreatorTool>")
		esc(m.Creator)
		b.WriteString("</xmp:CreatorTool>\n")
	}
	b.WriteString(`</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>` + producer + "</pdf:Producer>\n")
	if m.Keywords != "" {
		b.WriteString("<pdf:Keywords>")
		esc(m.Keywords)
		b.WriteString("</pdf:Keywords>\n")
	}
	b.WriteString("</rdf:Description>\n")
	if len(srcs) > 0 {
		b.WriteString(extensionSchema)
		data := make([][]byte, len(srcs))
		for i, s := range srcs {
			data[i] = s.Data
		}
		b.Write(sourceList(names, data))
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	// Room for an editor to update the packet in place, as XMP advises.
	for range 8 {
		b.WriteString("                                                                                                   \n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}

// sourceList is the rdf:Description of pkgen:sumber: each source's name
// and the SHA-256 of its data.
func sourceList(names []string, data [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pkgen="` + nsSumber + `" xmlns:pkgenBerkas="` + nsBerkas + `">
<pkgen:sumber><rdf:Seq>
`)
	for i, name := range names {
		sum := sha256.Sum256(data[i])
		b.WriteString(`<rdf:li rdf:parseType="Resource"><pkgenBerkas:nama>`)
		xml.EscapeText(&b, []byte(name)) // invalid runes become U+FFFD
		b.WriteString("</pkgenBerkas:nama><pkgenBerkas:sha256>" + hex.EncodeToString(sum[:]) + "</pkgenBerkas:sha256></rdf:li>\n")
	}
	b.WriteString("</rdf:Seq></pkgen:sumber>\n</rdf:Description>\n")
	return b.Bytes()
}

// producer is the Info /Producer and pdf:Producer.
const producer = "pkgen"

// extensionSchema declares pkgen:sumber for PDF/A validators: a property
// outside the predefined schemas is allowed only with such a declaration,
// and a value type outside XMP's own only with its fields. Array value
// types are written as XMP writes them, "seq Sumber" (PDFBox reads only
// the lower-case form).
const extensionSchema = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:pdfaType="http://www.aiim.org/pdfa/ns/type#" xmlns:pdfaField="http://www.aiim.org/pdfa/ns/field#">
<pdfaExtension:schemas><rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>pkgen: berkas sumber dokumen</pdfaSchema:schema>
<pdfaSchema:namespaceURI>` + nsSumber + `</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pkgen</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>sumber</pdfaProperty:name>
<pdfaProperty:valueType>seq Sumber</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>Berkas TOML tempat dokumen ini dibuat, yang dilampirkan di dalamnya</pdfaProperty:description>
</rdf:li>
</rdf:Seq></pdfaSchema:property>
<pdfaSchema:valueType><rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaType:type>Sumber</pdfaType:type>
<pdfaType:namespaceURI>` + nsBerkas + `</pdfaType:namespaceURI>
<pdfaType:prefix>pkgenBerkas</pdfaType:prefix>
<pdfaType:description>Satu berkas sumber: nama dan sidik SHA-256</pdfaType:description>
<pdfaType:field><rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaField:name>nama</pdfaField:name>
<pdfaField:valueType>Text</pdfaField:valueType>
<pdfaField:description>Nama berkas lampiran</pdfaField:description>
</rdf:li>
<rdf:li rdf:parseType="Resource">
<pdfaField:name>sha256</pdfaField:name>
<pdfaField:valueType>Text</pdfaField:valueType>
<pdfaField:description>SHA-256 isi berkas, heksadesimal</pdfaField:description>
</rdf:li>
</rdf:Seq></pdfaType:field>
</rdf:li>
</rdf:Seq></pdfaSchema:valueType>
</rdf:li>
</rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`
