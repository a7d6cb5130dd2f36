package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

const (
	mainNS   = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	relNS    = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	pkgRelNS = `http://schemas.openxmlformats.org/package/2006/relationships`
	relType  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// zipOf is an archive of the parts.
func zipOf(t testing.TB, parts map[string]string) *zip.Reader {
	t.Helper()
	data := zipBytes(t, parts)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// zipBytes is the file of an archive of the parts.
func zipBytes(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// workbook is the parts of a workbook of one sheet, "Satu", whose
// sheetData is rows; more replaces or adds parts.
func workbook(rows string, more map[string]string) map[string]string {
	parts := map[string]string{
		"_rels/.rels": `<Relationships xmlns="` + pkgRelNS + `"><Relationship Id="rId1" Type="` + relType +
			`officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS +
			`"><sheets><sheet name="Satu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="` + pkgRelNS + `"><Relationship Id="rId1" Type="` + relType +
			`worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + mainNS + `"><sheetData>` +
			rows + `</sheetData></worksheet>`,
	}
	for k, v := range more {
		parts[k] = v
	}
	return parts
}

func sst(items ...string) string {
	return `<sst xmlns="` + mainNS + `"><si>` + strings.Join(items, `</si><si>`) + `</si></sst>`
}

// items reads every item of a sheet.
func items(t *testing.T, r *Reader, part string) []Item {
	t.Helper()
	sc, err := r.OpenSheet(part)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	var out []Item
	for {
		it, err := sc.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
	}
}

func open(t *testing.T, parts map[string]string) *Reader {
	t.Helper()
	r, err := NewReader(zipOf(t, parts), ReadLimits{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReadCells: each kind of cell gives its type and value as stored.
func TestReadCells(t *testing.T) {
	strs := map[string]string{"xl/sharedStrings.xml": sst(`<t>nol</t>`, `<t>satu</t>`)}
	cases := []struct {
		name, cell string
		want       Item
	}{
		{"number", `<c r="A1"><v>12.5</v></c>`, Item{Ref: "A1", Value: "12.5"}},
		{"number typed", `<c r="A1" t="n"><v>-3E-2</v></c>`, Item{Ref: "A1", Type: KindNumber, Value: "-3E-2"}},
		{"styled", `<c r="B2" s="7"><v>0.145</v></c>`, Item{Ref: "B2", Style: 7, Value: "0.145"}},
		{"shared string", `<c r="A1" t="s"><v>1</v></c>`, Item{Ref: "A1", Type: KindSharedString, Value: "satu"}},
		{"shared string index padded", `<c r="A1" t="s"><v> 0 </v></c>`, Item{Ref: "A1", Type: KindSharedString, Value: "nol"}},
		{"shared string without value", `<c r="A1" t="s" s="2"/>`, Item{Ref: "A1", Type: KindSharedString, Style: 2}},
		{"inline string", `<c r="A1" t="inlineStr"><is><t>teks</t></is></c>`, Item{Ref: "A1", Type: KindInlineString, Value: "teks"}},
		{"inline string with runs", `<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>te</t></r><r><t xml:space="preserve">ks </t></r></is></c>`,
			Item{Ref: "A1", Type: KindInlineString, Value: "teks "}},
		{"inline string without is", `<c r="A1" t="inlineStr"><v>v</v></c>`, Item{Ref: "A1", Type: KindInlineString, Value: "v"}},
		{"formula text", `<c r="A1" t="str"><f>B1&amp;"x"</f><v>ax</v></c>`, Item{Ref: "A1", Type: KindFormula, Value: "ax", Formula: true}},
		{"formula number", `<c r="A1"><f>1+1</f><v>2</v></c>`, Item{Ref: "A1", Value: "2", Formula: true}},
		{"formula not computed", `<c r="A1"><f>1+1</f></c>`, Item{Ref: "A1", Formula: true}},
		{"shared formula", `<c r="A2"><f t="shared" si="0"/><v>3</v></c>`, Item{Ref: "A2", Value: "3", Formula: true}},
		{"boolean", `<c r="A1" t="b"><v>1</v></c>`, Item{Ref: "A1", Type: KindBool, Value: "1"}},
		{"error", `<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, Item{Ref: "A1", Type: KindError, Value: "#DIV/0!", Formula: true}},
		{"date", `<c r="A1" t="d"><v>2024-02-15T00:00:00</v></c>`, Item{Ref: "A1", Type: KindDate, Value: "2024-02-15T00:00:00"}},
		{"unknown type", `<c r="A1" t="x"><v>5</v></c>`, Item{Ref: "A1", Value: "5"}},
		{"no reference", `<c><v>5</v></c>`, Item{Value: "5"}},
		{"entities and line ends", `<c r="A1" t="inlineStr"><is><t>a &lt;b&gt; &amp;&#10;c&#13;&#10;d</t></is></c>`,
			Item{Ref: "A1", Type: KindInlineString, Value: "a <b> &\nc\r\nd"}},
		{"text after a nested element", `<c r="A1" t="inlineStr"><is><t>a<x>b</x>c</t></is></c>`, Item{Ref: "A1", Type: KindInlineString, Value: "ac"}},
		{"last value", `<c r="A1"><v>1</v><v>2</v></c>`, Item{Ref: "A1", Value: "2"}},
		{"value not a direct child", `<c r="A1"><extLst><v>9</v></extLst></c>`, Item{Ref: "A1"}},
		{"prefixed", `<x:c r="A1" t="s"><x:v>0</x:v></x:c>`, Item{Ref: "A1", Type: KindSharedString, Value: "nol"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := open(t, workbook(`<row r="1">`+c.cell+`</row>`, strs))
			got := items(t, r, "xl/worksheets/sheet1.xml")
			c.want.What = ItemCell
			want := []Item{{What: ItemRow, Ref: "1"}, c.want}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestReadSharedStringIndex: a shared string index that names no string
// is the cell's error, and the sheet reads on.
func TestReadSharedStringIndex(t *testing.T) {
	for _, v := range []string{"2", "-1", "satu", "99999999999999999999"} {
		r := open(t, workbook(`<row r="1"><c r="A1" t="s"><v>`+v+`</v></c><c r="B1"><v>4</v></c></row>`,
			map[string]string{"xl/sharedStrings.xml": sst(`<t>nol</t>`, `<t>satu</t>`)}))
		got := items(t, r, "xl/worksheets/sheet1.xml")
		var ie *StringIndexError
		if len(got) != 3 || !errors.As(got[1].Err, &ie) || ie.Ref != "A1" || got[1].Value != "" || got[2].Value != "4" {
			t.Errorf("%s: %+v", v, got)
		}
	}
}

// TestReadSharedStrings: a shared string is the text of its t, or of its
// runs' t, without its phonetic runs, its escapes decoded as excelize
// decodes them.
func TestReadSharedStrings(t *testing.T) {
	cases := []struct{ name, si, want string }{
		{"plain", `<t>Dinas Kesehatan</t>`, "Dinas Kesehatan"},
		{"spaces kept", `<t xml:space="preserve">  dua  </t>`, "  dua  "},
		{"runs", `<r><t>Sa</t></r><r><rPr><i/><sz val="11"/></rPr><t xml:space="preserve">saran </t></r><r><t>1</t></r>`, "Sasaran 1"},
		{"text and runs", `<t>a</t><r><t>b</t></r>`, "ab"},
		{"phonetic runs left out", `<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>`, "東京"},
		{"runs and phonetic runs", `<r><t>東</t></r><r><t>京</t></r><rPh sb="0" eb="1"><t>トウ</t></rPh>`, "東京"},
		{"empty", ``, ""},
		{"empty t", `<t/>`, ""},
		{"escaped control", `<t>a_x000D_b_x0009_c</t>`, "a\rb\tc"},
		{"escaped underscore", `<t>_x005F_x0041_</t>`, "_x0041_"},
		{"escaped letter", `<t>_x0041__x0062_</t>`, "Ab"},
		{"escape in lower case", `<t>_x004a_</t>`, "J"},
		{"surrogate dropped", `<t>a_xD83D_b</t>`, "ab"},
		{"not an escape", `<t>_x12_ _xZZZZ_ x0041_ _x0041</t>`, "_x12_ _xZZZZ_ x0041_ _x0041"},
		{"escape across runs", `<r><t>_x00</t></r><r><t>41_</t></r>`, "A"},
		{"prefixed", `<x:t>x</x:t>`, "x"},
	}
	var sis []string
	for _, c := range cases {
		sis = append(sis, c.si)
	}
	for _, sstPart := range []string{
		sst(sis...),
		`<x:sst xmlns:x="` + mainNS + `"><x:si>` + strings.Join(sis, `</x:si><x:si>`) + `</x:si></x:sst>`,
	} {
		r := open(t, workbook("", map[string]string{"xl/sharedStrings.xml": sstPart}))
		if len(r.strings) != len(cases) {
			t.Fatalf("%d strings, want %d: %q", len(r.strings), len(cases), r.strings)
		}
		for i, c := range cases {
			if r.strings[i] != c.want {
				t.Errorf("%s: %q, want %q", c.name, r.strings[i], c.want)
			}
		}
	}
}

// TestReadRowsAndColumns: rows and cells come as written, without r
// attributes too; column formats and merged ranges anywhere; rows and
// cells outside sheetData not at all.
func TestReadRowsAndColumns(t *testing.T) {
	parts := workbook("", nil)
	parts["xl/worksheets/sheet1.xml"] = `<worksheet xmlns="` + mainNS + `"><cols><col min="2" max="4" width="9" style="3"/><col min="5" max="5"/></cols>` +
		`<row r="9"><c><v>0</v></c></row>` +
		`<sheetData><row><c><v>1</v></c><c s="2"/></row><row r="3" s="5" customFormat="1"><c r="C3"><v>2</v></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	got := items(t, open(t, parts), "xl/worksheets/sheet1.xml")
	want := []Item{
		{What: ItemCol, Min: 2, Max: 4, Style: 3}, {What: ItemCol, Min: 5, Max: 5},
		{What: ItemRow}, {What: ItemCell, Value: "1"}, {What: ItemCell, Style: 2},
		{What: ItemRow, Ref: "3", Style: 5}, {What: ItemCell, Ref: "C3", Value: "2"},
		{What: ItemMerge, Ref: "A1:B1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadStyles: a cell format's number format, built in or custom, as
// excelize's GetStyle gives it.
func TestReadStyles(t *testing.T) {
	styles := `<styleSheet xmlns="` + mainNS + `">` +
		`<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0"/><numFmt numFmtId="14" formatCode="0%"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>` +
		`<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/>` +
		`<xf numFmtId="14"/><xf/><xf numFmtId="170"/></cellXfs>` +
		`<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0%"/></dxf></dxfs></styleSheet>`
	r := open(t, workbook("", map[string]string{"xl/styles.xml": styles}))
	type nf struct {
		id   int
		code string
		ok   bool
	}
	for style, want := range []nf{
		{0, "", true},       // General
		{9, "", true},       // built-in 0%
		{164, "0.0%", true}, // custom
		{165, "#,##0", true},
		{14, "", true}, // built in: the custom format of the same id is not read
		{0, "", true},  // no numFmtId
		{0, "", true},  // a custom id without its format (only a dxf has it)
		{0, "", false}, // no such cell format
	} {
		id, code, ok := r.NumberFormat(style)
		if got := (nf{id, code, ok}); got != want {
			t.Errorf("style %d: %+v, want %+v", style, got, want)
		}
	}
	if _, _, ok := r.NumberFormat(-1); ok {
		t.Error("style -1 found")
	}
}

// TestReadWorkbooks: the sheets in workbook order and their parts, as
// Excel, LibreOffice and other writers place and name them.
func TestReadWorkbooks(t *testing.T) {
	rel := func(id, typ, target string) string {
		return `<Relationship Id="` + id + `" Type="` + relType + typ + `" Target="` + target + `"/>`
	}
	rels := func(r ...string) string {
		return `<Relationships xmlns="` + pkgRelNS + `">` + strings.Join(r, "") + `</Relationships>`
	}
	book := `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `"><sheets>` +
		`<sheet name="Dokumen" sheetId="1" r:id="rId2"/><sheet name="Lampiran" sheetId="2" r:id="rId1"/><sheet name="Tanpa" sheetId="3" r:id="rId9"/>` +
		`</sheets></workbook>`
	want := []SheetRef{{"Dokumen", "xl/worksheets/sheet2.xml"}, {"Lampiran", "xl/worksheets/sheet1.xml"}, {"Tanpa", ""}}
	cases := []struct {
		name  string
		parts map[string]string
		want  []SheetRef
	}{
		{"relative targets", map[string]string{
			"xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "worksheets/sheet1.xml"), rel("rId2", "worksheet", "worksheets/sheet2.xml")),
		}, want},
		{"absolute targets", map[string]string{
			"xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "/xl/worksheets/sheet1.xml"), rel("rId2", "worksheet", "/xl/worksheets/sheet2.xml")),
		}, want},
		{"targets with dots and backslashes", map[string]string{
			"xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "../xl/worksheets/sheet1.xml"), rel("rId2", "worksheet", `worksheets\sheet2.xml`)),
		}, want},
		{"absolute workbook target, prefixed elements", map[string]string{
			"_rels/.rels": rels(rel("rId1", "officeDocument", "/xl/workbook.xml")),
			"xl/workbook.xml": `<x:workbook xmlns:x="` + mainNS + `" xmlns:r="` + relNS + `"><x:sheets>` +
				`<x:sheet name="Dokumen" sheetId="1" r:id="rId2"/><x:sheet name="Lampiran" sheetId="2" r:id="rId1"/><x:sheet name="Tanpa" sheetId="3" r:id="rId9"/>` +
				`</x:sheets></x:workbook>`,
			"xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "worksheets/sheet1.xml"), rel("rId2", "worksheet", "worksheets/sheet2.xml")),
		}, want},
		{"strict namespaces", map[string]string{
			"_rels/.rels": `<Relationships xmlns="` + pkgRelNS + `"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/_rels/workbook.xml.rels": `<Relationships xmlns="` + pkgRelNS + `">` +
				`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
				`<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
		}, want},
		{"workbook in another folder", map[string]string{
			"_rels/.rels":                     rels(rel("rId1", "officeDocument", "book/main.xml")),
			"xl/workbook.xml":                 "",
			"book/main.xml":                   book,
			"book/_rels/main.xml.rels":        rels(rel("rId1", "worksheet", "s/one.xml"), rel("rId2", "worksheet", "/s/two.xml")),
			"xl/_rels/workbook.xml.rels":      "",
			"book/s/one.xml":                  "",
			"s/two.xml":                       "",
			"xl/worksheets/sheet1.xml":        "",
			"xl/worksheets/sheet2.xml":        "",
			"xl/sharedStrings.xml":            "",
			"book/_rels/unrelated.xml.rels":   "",
			"docProps/app.xml":                "",
			"[Content_Types].xml":             "",
			"xl/theme/theme1.xml":             "",
			"xl/worksheets/_rels/sheet1.rels": "",
		}, []SheetRef{{"Dokumen", "s/two.xml"}, {"Lampiran", "book/s/one.xml"}, {"Tanpa", ""}}},
		{"no workbook", map[string]string{"_rels/.rels": rels()}, nil},
		{"no package relationships", map[string]string{"_rels/.rels": ""}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parts := map[string]string{
				"_rels/.rels":              rels(rel("rId1", "officeDocument", "xl/workbook.xml")),
				"xl/workbook.xml":          book,
				"xl/worksheets/sheet1.xml": `<worksheet/>`,
				"xl/worksheets/sheet2.xml": `<worksheet/>`,
			}
			for k, v := range c.parts {
				parts[k] = v
				if v == "" {
					delete(parts, k)
				}
			}
			r := open(t, parts)
			if got := r.Sheets(); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// TestReadPartNames: part names are found whatever their case and
// separators, and the shared strings and styles by the workbook's
// relationships.
func TestReadPartNames(t *testing.T) {
	parts := workbook(`<row r="1"><c r="A1" t="s" s="1"><v>0</v></c></row>`, nil)
	delete(parts, "xl/worksheets/sheet1.xml")
	parts[`XL\Worksheets\Sheet1.XML`] = `<worksheet><sheetData><row r="1"><c r="A1" t="s" s="1"><v>0</v></c></row></sheetData></worksheet>`
	parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="` + pkgRelNS + `">` +
		`<Relationship Id="rId1" Type="` + relType + `worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + relType + `sharedStrings" Target="strings.xml"/>` +
		`<Relationship Id="rId3" Type="` + relType + `styles" Target="/xl/gaya.xml"/></Relationships>`
	parts["xl/Strings.xml"] = sst(`<t>ketemu</t>`)
	parts["xl/gaya.xml"] = `<styleSheet><cellXfs><xf/><xf numFmtId="10"/></cellXfs></styleSheet>`
	r := open(t, parts)
	got := items(t, r, r.Sheets()[0].Part)
	if len(got) != 2 || got[1].Value != "ketemu" {
		t.Errorf("items %+v", got)
	}
	if id, _, _ := r.NumberFormat(1); id != 10 {
		t.Errorf("number format %d, want 10", id)
	}
	for _, p := range []string{"xl/strings.xml", "XL/GAYA.XML", "xl/workbook.xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"} {
		if !r.Decoded(p) {
			t.Errorf("%s not decoded", p)
		}
	}
	if r.Decoded("xl/worksheets/sheet1.xml") {
		t.Error("the sheet counted as decoded whole")
	}
	if _, err := r.OpenSheet("xl/worksheets/sheet9.xml"); err == nil {
		t.Error("a sheet without a part opened")
	}
}

// TestReadRefusals: the elements of the parts decoded whole are bounded,
// another encoding than UTF-8 is refused, a part that is not XML is an
// error naming it.
func TestReadRefusals(t *testing.T) {
	many := sst(strings.Repeat(`<t>x</t></si><si>`, 100) + `<t>x</t>`)
	if _, err := NewReader(zipOf(t, workbook("", map[string]string{"xl/sharedStrings.xml": many})), ReadLimits{Elements: 150}); !errors.As(err, new(*ElementsError)) {
		t.Errorf("150 elements: %v", err)
	}
	if _, err := NewReader(zipOf(t, workbook("", map[string]string{"xl/sharedStrings.xml": many})), ReadLimits{Elements: 250}); err != nil {
		t.Errorf("250 elements: %v", err)
	}
	var enc *EncodingError
	_, err := NewReader(zipOf(t, workbook("", map[string]string{"xl/styles.xml": `<?xml version="1.0" encoding="ISO-8859-1"?><styleSheet/>`})), ReadLimits{})
	if !errors.As(err, &enc) || enc.Part != "xl/styles.xml" || enc.Label != "ISO-8859-1" {
		t.Errorf("encoding: %v", err)
	}
	var pe *PartError
	_, err = NewReader(zipOf(t, workbook("", map[string]string{"xl/workbook.xml": `<workbook><sheets><sheet name="a" </sheets>`})), ReadLimits{})
	if !errors.As(err, &pe) || pe.Part != "xl/workbook.xml" {
		t.Errorf("not XML: %v", err)
	}
	r := open(t, workbook(`<row><c><v>1</v></c></row><row <`, nil))
	sc, err := r.OpenSheet("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	for err == nil {
		_, err = sc.Next()
	}
	if err == io.EOF {
		t.Error("a sheet that is not XML read to its end")
	}
	parts := workbook("", nil)
	parts["xl/worksheets/sheet1.xml"] = `<?xml version="1.0" encoding="UTF-16"?><worksheet/>`
	sc, err = open(t, parts).OpenSheet("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	if _, err := sc.Next(); !errors.As(err, &enc) {
		t.Errorf("sheet encoding: %v", err)
	}
}

// TestParseRef: cell references as excelize reads them.
func TestParseRef(t *testing.T) {
	for _, c := range []struct {
		ref      string
		col, row int
	}{
		{"A1", 1, 1}, {"b7", 2, 7}, {"$C$9", 3, 9}, {"AX12000", 50, 12000}, {"XFD1048576", 16384, 1048576},
		{"A+5", 1, 5}, {"Aa1", 27, 1},
	} {
		col, row, err := ParseRef(c.ref)
		if err != nil || col != c.col || row != c.row {
			t.Errorf("%s: %d %d %v, want %d %d", c.ref, col, row, err, c.col, c.row)
		}
	}
	for _, ref := range []string{"", "A", "1", "A0", "A-1", "XFE1", "A1048577", "A1B2", "$1", "$$1", " A1", "A 1", "É1", "A1.5", "AAAAAAAAAAAAAAAAAAAAAAAAAA1"} {
		if _, _, err := ParseRef(ref); !errors.As(err, new(*RefError)) {
			t.Errorf("%q: %v", ref, err)
		}
	}
}

// TestSerialTime: dates of Excel's 1900 calendar, its fictitious 29
// February 1900 and time of day included.
func TestSerialTime(t *testing.T) {
	for _, c := range []struct {
		serial float64
		want   string
	}{
		{0, "1899-12-30T00:00:00Z"}, {1, "1900-01-01T00:00:00Z"}, {59, "1900-02-28T00:00:00Z"},
		{60, "1900-02-28T00:00:00Z"}, {61, "1900-03-01T00:00:00Z"}, {45337, "2024-02-15T00:00:00Z"},
		{45337.5, "2024-02-15T12:00:00Z"}, {45337.99999999, "2024-02-16T00:00:00Z"},
	} {
		got, err := SerialTime(c.serial, false)
		if err != nil || got.Format("2006-01-02T15:04:05Z07:00") != c.want {
			t.Errorf("%v: %v %v, want %s", c.serial, got, err, c.want)
		}
	}
	if _, err := SerialTime(-1, false); err == nil {
		t.Error("-1 is a date")
	}
}

// FuzzReadSheet: no sheet or shared strings make the reader panic, and a
// sheet reads to its end or to an error.
func FuzzReadSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row><row><c r="C2" s="1" t="str"><f>1</f><v>x</v></c></row>`,
		sst(`<t>_x0041_</t>`, `<r><t xml:space="preserve"> a </t></r>`))
	f.Add(`<row r="-1"/><c><v>1</v></c><mergeCell ref="A1:B2"/>`, `<sst><si><t>a`)
	f.Fuzz(func(t *testing.T, rows, strs string) {
		r, err := NewReader(zipOf(t, workbook(rows, map[string]string{"xl/sharedStrings.xml": strs})), ReadLimits{Elements: 10_000})
		if err != nil {
			return
		}
		sc, err := r.OpenSheet("xl/worksheets/sheet1.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer sc.Close()
		for n := 0; ; n++ {
			it, err := sc.Next()
			if err != nil {
				break
			}
			if it.What == ItemCell && it.Ref != "" {
				ParseRef(it.Ref)
			}
			if n > len(rows) {
				t.Fatalf("%d items from %d bytes", n, len(rows))
			}
		}
	})
}
