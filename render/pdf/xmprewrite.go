package pdf

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// XMP namespaces the rewrite looks for.
const (
	nsRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsPDFAID = "http://www.aiim.org/pdfa/ns/id/"
)

// claimsPDFA reports whether an XMP packet holds a PDF/A identification.
func claimsPDFA(packet []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(packet))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok {
			if t.Name.Space == nsPDFAID {
				return true
			}
			for _, a := range t.Attr {
				if a.Name.Space == nsPDFAID {
					return true
				}
			}
		}
	}
}

// rewriteXMP copies an XMP packet without its PDF/A identification
// (pdfaid properties, as elements or attributes) and without an earlier
// pkgen:sumber list, with list (an rdf:Description, or nothing) added at
// the end of rdf:RDF. Everything else is copied token by token, prefixes
// as written. ok is false when the packet is not XML with an rdf:RDF.
func rewriteXMP(packet, list []byte) (out []byte, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var b bytes.Buffer
	var scopes []map[string]string // prefix → namespace, innermost last
	resolve := func(prefix string) string {
		for i := len(scopes) - 1; i >= 0; i-- {
			if ns, found := scopes[i][prefix]; found {
				return ns
			}
		}
		if prefix == "xml" {
			return "http://www.w3.org/XML/1998/namespace"
		}
		return ""
	}
	dropped := func(n xml.Name) bool {
		ns := resolve(n.Space)
		return ns == nsPDFAID || ns == nsSumber && n.Local == "sumber"
	}
	skip := 0 // depth inside a dropped element
	found := false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := map[string]string{}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					scope[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					scope[""] = a.Value
				}
			}
			scopes = append(scopes, scope)
			if skip > 0 || dropped(t.Name) {
				skip++
				continue
			}
			b.WriteString("<" + qname(t.Name))
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && a.Name.Space != "" && dropped(a.Name) {
					continue
				}
				b.WriteString(" " + qname(a.Name) + `="`)
				escapeXML(&b, a.Value, true)
				b.WriteString(`"`)
			}
			b.WriteString(">")
		case xml.EndElement:
			if len(scopes) == 0 {
				return nil, false
			}
			if skip > 0 {
				skip--
				scopes = scopes[:len(scopes)-1]
				continue
			}
			if resolve(t.Name.Space) == nsRDF && t.Name.Local == "RDF" {
				found = true
				b.Write(list)
			}
			scopes = scopes[:len(scopes)-1]
			b.WriteString("</" + qname(t.Name) + ">")
		case xml.CharData:
			if skip == 0 {
				escapeXML(&b, string(t), false)
			}
		case xml.Comment:
			if skip == 0 {
				b.WriteString("<!--" + string(t) + "-->")
			}
		case xml.ProcInst:
			b.WriteString("<?" + t.Target)
			if len(t.Inst) > 0 {
				b.WriteString(" " + string(t.Inst))
			}
			b.WriteString("?>")
		case xml.Directive:
			return nil, false // a DTD: not an XMP packet
		}
	}
	if !found || skip != 0 || len(scopes) != 0 {
		return nil, false
	}
	return b.Bytes(), true
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// escapeXML writes s as character data, or as an attribute value (where
// whitespace other than spaces is written as references, so it survives
// attribute-value normalisation).
func escapeXML(b *bytes.Buffer, s string, attr bool) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
	}
	r.WriteString(b, s)
}

// plainPacket is an XMP packet holding list alone.
func plainPacket(list []byte) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="` + nsRDF + `">
`)
	b.Write(list)
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}
