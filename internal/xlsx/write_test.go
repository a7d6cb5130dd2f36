package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// book is one workbook written twice, with this package and with
// excelize, through the same calls: the two must give the same bytes.
type book struct {
	t  *testing.T
	f  *File
	ex *excelize.File
}

func newBook(t *testing.T) *book {
	return &book{t: t, f: New(), ex: excelize.NewFile()}
}

func (b *book) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) sheet(name string) {
	b.f.AddSheet(name)
	if list := b.ex.GetSheetList(); len(list) == 1 && list[0] == "Sheet1" {
		b.must(b.ex.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.ex.NewSheet(name)
	b.must(err)
}

func (b *book) style(st Style) int {
	id := b.f.NewStyle(st)
	es := &excelize.Style{NumFmt: st.NumFmt}
	if st.Font != nil {
		es.Font = &excelize.Font{Bold: st.Font.Bold, Family: st.Font.Family, Size: st.Font.Size}
	}
	if st.Fill != "" {
		es.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{st.Fill}}
	}
	if st.CustomNumFmt != "" {
		es.CustomNumFmt = &st.CustomNumFmt
	}
	if st.Alignment != nil {
		es.Alignment = &excelize.Alignment{Vertical: st.Alignment.Vertical, WrapText: st.Alignment.WrapText}
	}
	eid, err := b.ex.NewStyle(es)
	b.must(err)
	if id != eid {
		b.t.Fatalf("style %+v: id %d, excelize %d", st, id, eid)
	}
	return id
}

func (b *book) put(sheet string, col, row int, v any) {
	b.t.Helper()
	sh, cell := b.f.Sheet(sheet), CellName(col, row)
	switch x := v.(type) {
	case string:
		sh.SetStr(col, row, x)
		b.must(b.ex.SetCellStr(sheet, cell, x))
	case int:
		sh.SetInt(col, row, int64(x))
		b.must(b.ex.SetCellInt(sheet, cell, int64(x)))
	case float64:
		sh.SetFloat(col, row, x)
		b.must(b.ex.SetCellFloat(sheet, cell, x, -1, 64))
	case bool:
		sh.SetBool(col, row, x)
		b.must(b.ex.SetCellBool(sheet, cell, x))
	case time.Time:
		sh.SetTime(col, row, x)
		b.must(b.ex.SetCellValue(sheet, cell, x))
	default:
		b.t.Fatalf("value %T", v)
	}
}

func (b *book) setStyle(sheet string, c1, r1, c2, r2, style int) {
	b.f.Sheet(sheet).SetStyle(c1, r1, c2, r2, style)
	b.must(b.ex.SetCellStyle(sheet, CellName(c1, r1), CellName(c2, r2), style))
}

func (b *book) colWidth(sheet string, col int, w float64) {
	b.f.Sheet(sheet).SetColWidth(col, w)
	b.must(b.ex.SetColWidth(sheet, ColumnName(col), ColumnName(col), w))
}

func (b *book) colStyle(sheet string, col, style int) {
	b.f.Sheet(sheet).SetColStyle(col, style)
	b.must(b.ex.SetColStyle(sheet, ColumnName(col), style))
}

func (b *book) rowHeight(sheet string, row int, ht float64) {
	b.f.Sheet(sheet).SetRowHeight(row, ht)
	b.must(b.ex.SetRowHeight(sheet, row, ht))
}

func (b *book) freeze(sheet string, x, y int, topLeft, active string) {
	b.f.Sheet(sheet).FreezePanes(x, y, topLeft, active)
	b.must(b.ex.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: x, YSplit: y, TopLeftCell: topLeft, ActivePane: active}))
}

func (b *book) dropdown(sheet, sqref string, items []string, prompt bool) {
	dv := DataValidation{Sqref: sqref}
	ev := excelize.NewDataValidation(true)
	ev.Sqref = sqref
	ok, err := dv.SetDropList(items), ev.SetDropList(items)
	if ok != (err == nil) {
		b.t.Fatalf("drop list %q: %v, excelize %v", items, ok, err)
	}
	if !ok {
		return
	}
	dv.SetError("Salah", "Pilih: "+strings.Join(items, ", "))
	ev.SetError(excelize.DataValidationErrorStyleStop, "Salah", "Pilih: "+strings.Join(items, ", "))
	if prompt {
		dv.SetInput("Isi", "pilih satu")
		ev.SetInput("Isi", "pilih satu")
	}
	b.f.Sheet(sheet).AddDataValidation(dv)
	b.must(b.ex.AddDataValidation(sheet, ev))
}

func (b *book) custom(sheet, sqref, formula string) {
	dv := DataValidation{Sqref: sqref, Type: "custom", Formula1: formula}
	dv.SetError("Nilai tidak sah", "angka")
	dv.SetInput("Nilai", "angka")
	ev := excelize.NewDataValidation(true)
	ev.Sqref, ev.Type, ev.Formula1 = sqref, "custom", formula
	ev.SetError(excelize.DataValidationErrorStyleStop, "Nilai tidak sah", "angka")
	ev.SetInput("Nilai", "angka")
	b.f.Sheet(sheet).AddDataValidation(dv)
	b.must(b.ex.AddDataValidation(sheet, ev))
}

func (b *book) printSetup(sheet string, onePage bool) {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if onePage {
		tall = 1
	}
	yes := true
	sh := b.f.Sheet(sheet)
	sh.SetPageSetup(PageSetup{PaperSize: 9, Orientation: "landscape", FitToWidth: 1, FitToHeight: tall})
	sh.SetFitToPage()
	b.must(b.ex.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}))
	b.must(b.ex.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	if !onePage {
		b.f.SetPrintTitles(sh, "$1:$1")
		b.must(b.ex.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet}))
	}
}

// chart adds the same chart to both; excelize's content types are then
// sorted, as pkgen did, for bytes that do not depend on map order.
func (b *book) chart(sheet string, c Chart) {
	b.f.Sheet(sheet).AddChart(c)
	b.must(b.ex.AddChart(sheet, "A1", &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{{Name: c.SeriesName, Categories: c.Categories, Values: c.Values}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		YAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.ValueFormat}},
		Dimension: excelize.ChartDimension{Width: uint(c.Width), Height: uint(c.Height)},
	}))
	ct := b.ex.ContentTypes
	sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
}

// formula sets a formula over a number; excelize marks the cached value
// as text, which pkgen used to rewrite to a number: compare without it.
func (b *book) formula(sheet string, col, row int, v float64, formula string) {
	b.put(sheet, col, row, v)
	b.f.Sheet(sheet).SetFormula(col, row, formula)
	b.must(b.ex.SetCellFormula(sheet, CellName(col, row), formula))
}

func (b *book) active(sheet string) {
	b.f.SetActiveSheet(b.f.Sheet(sheet))
	idx, err := b.ex.GetSheetIndex(sheet)
	b.must(err)
	b.ex.SetActiveSheet(idx)
}

// compare checks that both workbooks have the same bytes; on a
// difference it names the first part that differs.
func (b *book) compare() []byte {
	b.t.Helper()
	got, err := b.f.Bytes()
	b.must(err)
	var buf bytes.Buffer
	_, err = b.ex.WriteTo(&buf)
	b.must(err)
	want := bytes.ReplaceAll(buf.Bytes(), nil, nil)
	if bytes.Equal(got, want) {
		return got
	}
	gp, wp := unzip(b.t, got), unzip(b.t, want)
	for _, name := range wp.names {
		g, w := gp.parts[name], wp.parts[name]
		if w != nil && strings.HasPrefix(name, "xl/worksheets/sheet") {
			w = bytes.ReplaceAll(w, []byte(` t="str"><f>`), []byte(`><f>`))
		}
		if !bytes.Equal(g, w) {
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			b.t.Fatalf("%s differs at byte %d:\n got  %q\n want %q", name, i, snippet(g, i), snippet(w, i))
		}
	}
	if !slices.Equal(gp.names, wp.names) {
		b.t.Fatalf("entries %q, excelize %q", gp.names, wp.names)
	}
	return got // the same parts: differs only by the formulas' cached type
}

func snippet(b []byte, i int) string {
	lo, hi := max(0, i-60), min(len(b), i+60)
	return string(b[lo:hi])
}

type unzipped struct {
	names []string
	parts map[string][]byte
}

func unzip(t *testing.T, data []byte) unzipped {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	u := unzipped{parts: map[string][]byte{}}
	for _, e := range zr.File {
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		u.names = append(u.names, e.Name)
		u.parts[e.Name] = content
	}
	return u
}

// nasty is text a spreadsheet must carry: markup characters, quotes, line
// breaks, leading and trailing white space, control characters (which XML
// cannot hold), literal _xHHHH_ escapes, non-ASCII and invalid UTF-8.
var nasty = []string{
	`a < b & c > d`, `"quoted" and 'single'`, "two\nlines", "tab\there", "cr\rlf",
	" leading", "trailing ", "\ttabbed", "bell\x07 and nul\x00", "_x0041_ literal", "_x005F_x0041_",
	"_xD800_ surrogate", "Rp 1.000.000 – ±5 % ≥ 3 “kutip” 漢字 😀", "bad \xff utf-8", "=SUM(A1:A2)", "",
	strings.Repeat("panjang ", 5000),
}

func TestWriterMatchesExcelize(t *testing.T) {
	b := newBook(t)
	b.sheet("Dokumen")
	header := b.style(Style{Font: &Font{Bold: true, Family: "Calibri", Size: 11}, Fill: "D9E1F2", Alignment: &Alignment{Vertical: "center", WrapText: true}})
	body := b.style(Style{Alignment: &Alignment{Vertical: "top", WrapText: true}})
	grey := b.style(Style{Fill: "EDEDED", Alignment: &Alignment{Vertical: "top", WrapText: true}})
	text := b.style(Style{NumFmt: 49, Alignment: &Alignment{Vertical: "top", WrapText: true}})
	pct := b.style(Style{CustomNumFmt: "0.00%", Alignment: &Alignment{Vertical: "top", WrapText: true}})
	date := b.style(Style{CustomNumFmt: "yyyy-mm-dd", Alignment: &Alignment{Vertical: "top", WrapText: true}})
	if again := b.style(Style{Alignment: &Alignment{Vertical: "top", WrapText: true}}); again != body {
		t.Errorf("the same style twice: %d and %d", body, again)
	}
	for i, h := range []string{"kunci", "nilai", "keterangan"} {
		b.setStyle("Dokumen", i+1, 1, i+1, 1, header)
		b.put("Dokumen", i+1, 1, h)
	}
	b.colWidth("Dokumen", 1, 32)
	b.colWidth("Dokumen", 2, 60)
	b.colWidth("Dokumen", 3, 70.5)
	for i, s := range nasty {
		b.setStyle("Dokumen", 1, i+2, 1, i+2, body)
		b.put("Dokumen", 1, i+2, fmt.Sprintf("k%d", i))
		if s != "" {
			b.put("Dokumen", 2, i+2, s)
		}
		b.setStyle("Dokumen", 3, i+2, 3, i+2, grey)
		b.put("Dokumen", 3, i+2, s+" (catatan)")
	}
	row := len(nasty) + 2
	for _, v := range []any{2023, -7, 86.75, 0.1 + 0.2, 1e21, 1.0 / 3, 123456789012345678.0, true, false} {
		b.put("Dokumen", 2, row, v)
		row++
	}
	b.setStyle("Dokumen", 2, row, 2, row, body)
	b.put("Dokumen", 2, row, time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC))
	b.setStyle("Dokumen", 2, row, 2, row, date)
	b.put("Dokumen", 2, row+1, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	b.setStyle("Dokumen", 2, row+2, 2, row+2, text)
	b.dropdown("Dokumen", "B3", []string{"pk", "perubahan"}, false)
	b.dropdown("Dokumen", "B4", []string{`a"b`, "c&d", "<e>"}, true)
	b.dropdown("Dokumen", "B5", []string{strings.Repeat("x", 300)}, false) // too long: not added
	b.freeze("Dokumen", 0, 1, "A2", "bottomLeft")

	b.sheet("Lampiran")
	for i := 1; i <= 6; i++ {
		b.put("Lampiran", i, 1, fmt.Sprintf("kolom %d", i))
		b.colWidth("Lampiran", i, []float64{18, 8, 11, 11, 11, 40}[i-1])
		if i != 2 && i != 4 {
			b.colStyle("Lampiran", i, body)
			b.setStyle("Lampiran", i, 1, i, 1, header)
		}
	}
	for r := 2; r <= 30; r++ {
		b.put("Lampiran", 1, r, fmt.Sprintf("sasaran %d", r%4))
		b.put("Lampiran", 2, r, r)
		b.put("Lampiran", 3, r, float64(r)/8)
		b.setStyle("Lampiran", 4, r, 4, r, pct)
		b.formula("Lampiran", 4, r, float64(r)/80, fmt.Sprintf("C%d/B%d", r, r))
		if r%3 == 0 {
			b.put("Lampiran", 6, r, "teks yang panjang\nberbaris dua")
			b.rowHeight("Lampiran", r, 30)
		}
		b.custom("Lampiran", CellName(5, r), fmt.Sprintf(`OR(ISNUMBER(E%[1]d),E%[1]d="N/A")`, r))
	}
	b.rowHeight("Lampiran", 40, 45) // a row with a height and no cells
	b.freeze("Lampiran", 3, 1, "D2", "bottomRight")
	b.printSetup("Lampiran", false)

	b.sheet("Ringkasan")
	b.colWidth("Ringkasan", 1, 30)
	b.put("Ringkasan", 1, 1, "Kelompok")
	b.printSetup("Ringkasan", false)
	b.freeze("Ringkasan", 0, 1, "A2", "bottomLeft")

	b.sheet("Grafik")
	b.printSetup("Grafik", true)
	b.chart("Grafik", Chart{Title: "Capaian s.d. TW III & <lain>", SeriesName: "'Lampiran'!$D$1",
		Categories: "'Lampiran'!$A$2:$A$30", Values: "'Lampiran'!$D$2:$D$30", ValueFormat: "0%", Width: 1160, Height: 320})
	b.active("Lampiran")
	data := b.compare()
	checkWellFormed(t, data)
	b.readBack(data)
}

// readBack opens the workbook with excelize and checks what it holds.
func (b *book) readBack(data []byte) {
	t := b.t
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Dokumen", "Lampiran", "Ringkasan", "Grafik"}) {
		t.Errorf("sheets %q", got)
	}
	if got := f.GetActiveSheetIndex(); got != 1 {
		t.Errorf("active sheet %d", got)
	}
	for i, s := range nasty {
		if s == "" {
			continue
		}
		got, err := f.GetCellValue("Dokumen", CellName(2, i+2))
		want := strings.Map(func(r rune) rune {
			if r == 0 || r == 7 || r == 0xFFFD {
				return -1
			}
			return r
		}, strings.ToValidUTF8(truncateUTF16(s), ""))
		got = strings.Map(func(r rune) rune {
			if r == 0xFFFD {
				return -1
			}
			return r
		}, got)
		if err != nil || (got != want && !strings.Contains(s, "_x")) {
			t.Errorf("B%d: %.80q (%d bytes), %v; want %.80q (%d bytes)", i+2, got, len(got), err, want, len(want))
		}
	}
	if v, _ := f.GetCellValue("Lampiran", "B7", excelize.Options{RawCellValue: true}); v != "7" {
		t.Errorf("B7 %q", v)
	}
	if v, _ := f.GetCellFormula("Lampiran", "D9"); v != "C9/B9" {
		t.Errorf("D9 formula %q", v)
	}
	if v, _ := f.GetCellValue("Lampiran", "D10", excelize.Options{RawCellValue: true}); v != "0.125" {
		t.Errorf("D10 cached %q", v)
	}
	if id, _ := f.GetCellStyle("Lampiran", "D10"); id == 0 {
		t.Error("D10 lost its style")
	} else if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00%" {
		t.Errorf("D10 style %+v", st)
	}
	if id, _ := f.GetCellStyle("Dokumen", "A1"); id == 0 {
		t.Error("A1 lost its style")
	} else if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "D9E1F2" {
		t.Errorf("A1 style %+v", st)
	}
	if w, _ := f.GetColWidth("Dokumen", "C"); w != 70.5 {
		t.Errorf("C width %g", w)
	}
	if h, _ := f.GetRowHeight("Lampiran", 6); h != 30 {
		t.Errorf("row 6 height %g", h)
	}
	// excelize reads a doubled quote of a list back as one.
	dvs, _ := f.GetDataValidations("Dokumen")
	if len(dvs) != 2 || dvs[1].Formula1 != `"a"b,c&d,<e>"` || dvs[1].Sqref != "B4" {
		for _, dv := range dvs {
			t.Errorf("validation %+v", *dv)
		}
	}
	charts := 0
	for _, name := range f.GetSheetList() {
		if pics, _ := f.GetPictures(name, "A1"); len(pics) > 0 {
			t.Errorf("%s: pictures", name)
		}
	}
	if _, ok := f.Pkg.Load("xl/charts/chart1.xml"); ok {
		charts++
	}
	if charts != 1 {
		t.Error("no chart part")
	}
	if names := f.GetDefinedName(); len(names) != 2 || names[0].RefersTo != "'Lampiran'!$1:$1" || names[0].Scope != "Lampiran" {
		t.Errorf("defined names %+v", names)
	}
}

// checkWellFormed parses every XML part.
func checkWellFormed(t *testing.T, data []byte) {
	t.Helper()
	u := unzip(t, data)
	for _, name := range u.names {
		d := xml.NewDecoder(bytes.NewReader(u.parts[name]))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// TestLargeSheetMatchesExcelize writes a sheet of many rows of random
// text and numbers both ways.
func TestLargeSheetMatchesExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := newBook(t)
	b.sheet("Data")
	body := b.style(Style{Alignment: &Alignment{Vertical: "top", WrapText: true}})
	b.colStyle("Data", 3, body)
	words := []string{"kinerja", "target", "realisasi", "<x>", "&", "\n", " ", "Ω", "_x0009_", "\x01"}
	for r := 1; r <= 3000; r++ {
		for c := 1; c <= 8; c++ {
			switch rng.IntN(4) {
			case 0:
				var s strings.Builder
				for range rng.IntN(6) + 1 {
					s.WriteString(words[rng.IntN(len(words))])
				}
				b.put("Data", c, r, s.String())
			case 1:
				b.put("Data", c, r, rng.Float64()*1e6)
			case 2:
				b.put("Data", c, r, rng.IntN(1_000_000)-500_000)
			}
		}
	}
	b.active("Data")
	checkWellFormed(t, b.compare())
}

func TestEscapingMatchesEncodingXML(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		n := rng.IntN(12)
		raw := make([]byte, n)
		for k := range raw {
			raw[k] = byte(rng.IntN(256))
		}
		s := string(raw)
		if i%2 == 0 {
			s = string([]rune{rune(rng.IntN(0x11000)), '<', rune(rng.IntN(0x30))}) + s
		}
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendEscaped(nil, s)); got != want.String() {
			t.Fatalf("%q: %q, encoding/xml %q", s, got, want.String())
		}
	}
}

func TestCellNames(t *testing.T) {
	for _, col := range []int{1, 2, 26, 27, 52, 53, 702, 703, 16384} {
		want, _ := excelize.ColumnNumberToName(col)
		if got := ColumnName(col); got != want {
			t.Errorf("column %d: %q, want %q", col, got, want)
		}
		cell, _ := excelize.CoordinatesToCellName(col, 1048576)
		if got := CellName(col, 1048576); got != cell {
			t.Errorf("cell %d: %q, want %q", col, got, cell)
		}
	}
	if ColumnName(0) != "" || ColumnName(16385) != "" {
		t.Error("a column outside the sheet has a name")
	}
}

func TestErrorsAreReturned(t *testing.T) {
	f := New()
	sh := f.AddSheet("A")
	sh.SetStr(0, 1, "x")
	if _, err := f.Bytes(); err == nil {
		t.Error("column 0 written")
	}
	f = New()
	f.AddSheet("A").SetStyle(1, 1, 1, 1, 5)
	if _, err := f.Bytes(); err == nil {
		t.Error("a style that does not exist accepted")
	}
	f = New()
	sh = f.AddSheet("A")
	sh.AddChart(Chart{Width: 10, Height: 10})
	sh.AddChart(Chart{Width: 10, Height: 10})
	if _, err := f.Bytes(); err == nil {
		t.Error("two charts on a sheet accepted")
	}
}

func TestFormatFloat(t *testing.T) {
	for _, v := range []float64{0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345678, 1.0 / 3, 2.675} {
		ex := excelize.NewFile()
		if err := ex.SetCellFloat("Sheet1", "A1", v, -1, 64); err != nil {
			t.Fatal(err)
		}
		want, _ := ex.GetCellValue("Sheet1", "A1", excelize.Options{RawCellValue: true})
		if got := formatFloat(v); got != want {
			t.Errorf("%v: %q, excelize %q", v, got, want)
		}
	}
}
