package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"time"

	"pkgen/pesan"
)

// File is a workbook being written. Its methods record the first error
// (a bad cell reference, a style that does not exist), which Bytes and
// WriteTo return; the writing code can then read as a list of cells.
type File struct {
	sheets    []*Sheet
	styles    styleSheet
	strings   sharedStrings
	overrides []override // [Content_Types].xml overrides, in the order parts appeared
	rels      []string   // xl/_rels/workbook.xml.rels targets; rId is the index + 1
	relTypes  []string
	names     []definedName
	active    int
	charts    int
	err       error

	// ModTime, when set, is every ZIP entry's modification time, written
	// as a DOS time and an extended timestamp; when zero, entries carry
	// neither (as excelize writes them).
	ModTime time.Time
}

type override struct{ part, contentType string }

type definedName struct {
	name, refersTo string
	sheet          int // local sheet index
}

const (
	relWorksheet     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relStyles        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relTheme         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
	relSharedStrings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	relDrawing       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
	relChart         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"

	ctWorksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)

// New returns a workbook with one sheet, "Sheet1", which the first
// AddSheet renames.
func New() *File {
	f := &File{
		overrides: []override{
			{"/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"},
			{"/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"},
			{"/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"},
			{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
			{"/xl/worksheets/sheet1.xml", ctWorksheet},
			{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		},
		rels:     []string{"worksheets/sheet1.xml", "styles.xml", "theme/theme1.xml"},
		relTypes: []string{relWorksheet, relStyles, relTheme},
		styles:   newStyleSheet(),
	}
	f.strings.index = map[string]int{}
	// The template's sheet: it keeps the relationships namespace and the
	// default row height new sheets lack.
	f.sheets = []*Sheet{{file: f, name: "Sheet1", id: 1, rID: 1, template: true, formatPr: true}}
	return f
}

func (f *File) fail(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// Err is the first error recorded.
func (f *File) Err() error { return f.err }

// AddSheet adds a sheet named name; the first call renames the template's
// "Sheet1" instead. A name already used returns that sheet.
func (f *File) AddSheet(name string) *Sheet {
	if sh := f.Sheet(name); sh != nil {
		return sh
	}
	if len(f.sheets) == 1 && f.sheets[0].name == "Sheet1" {
		f.sheets[0].name = name
		return f.sheets[0]
	}
	if len(name) == 0 || len([]rune(name)) > 31 {
		f.fail(pesan.Errorf("xlsx: nama lembar %q harus 1 sampai 31 karakter", name))
	}
	id := 0
	for _, sh := range f.sheets {
		id = max(id, sh.id)
	}
	id++
	f.overrides = append(f.overrides, override{fmt.Sprintf("/xl/worksheets/sheet%d.xml", id), ctWorksheet})
	f.rels = append(f.rels, fmt.Sprintf("worksheets/sheet%d.xml", id))
	f.relTypes = append(f.relTypes, relWorksheet)
	sh := &Sheet{file: f, name: name, id: id, rID: len(f.rels)}
	f.sheets = append(f.sheets, sh)
	return sh
}

// Sheet returns the sheet named name, or nil.
func (f *File) Sheet(name string) *Sheet {
	for _, sh := range f.sheets {
		if sh.name == name {
			return sh
		}
	}
	return nil
}

// SetActiveSheet makes sh the sheet shown on opening.
func (f *File) SetActiveSheet(sh *Sheet) {
	if i := slices.Index(f.sheets, sh); i >= 0 {
		f.active = i
	}
}

// SetPrintTitles repeats rows (as "$1:$1") of sh at the top of every
// printed page: the sheet-local name _xlnm.Print_Titles.
func (f *File) SetPrintTitles(sh *Sheet, rows string) {
	i := slices.Index(f.sheets, sh)
	if i < 0 {
		f.fail(pesan.Errorf("xlsx: judul cetak untuk lembar buku kerja lain"))
		return
	}
	f.names = append(f.names, definedName{name: "_xlnm.Print_Titles", refersTo: "'" + sh.name + "'!" + rows, sheet: i})
}

// sharedString returns the index of s in the shared strings, adding it
// (and, the first time, the part itself).
func (f *File) sharedString(s string) int {
	if len(f.strings.list) == 0 && !f.strings.used {
		f.strings.used = true
		f.overrides = append(f.overrides, override{"/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"})
		f.rels = append(f.rels, "/xl/sharedStrings.xml")
		f.relTypes = append(f.relTypes, relSharedStrings)
	}
	return f.strings.add(s)
}

// Bytes returns the workbook as an XLSX file.
func (f *File) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteTo writes the workbook as an XLSX file: its parts in reverse order
// of their names, each deflated, as excelize writes them.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	if f.err != nil {
		return 0, f.err
	}
	parts := f.parts()
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	for _, name := range names {
		var (
			e   io.Writer
			err error
		)
		if f.ModTime.IsZero() {
			e, err = zw.Create(name)
		} else {
			e, err = zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: f.ModTime})
		}
		if err != nil {
			return cw.n, err
		}
		if _, err := e.Write(parts[name]); err != nil {
			return cw.n, err
		}
	}
	err := zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// parts returns every part of the package by its name.
func (f *File) parts() map[string][]byte {
	p := map[string][]byte{
		"[Content_Types].xml":        f.contentTypesXML(),
		"_rels/.rels":                []byte(rootRelsXML),
		"docProps/app.xml":           []byte(appXML),
		"docProps/core.xml":          []byte(coreXML),
		"xl/_rels/workbook.xml.rels": f.workbookRelsXML(),
		"xl/workbook.xml":            f.workbookXML(),
		"xl/styles.xml":              f.styles.xml(),
		"xl/theme/theme1.xml":        []byte(themeXML),
	}
	if f.strings.used {
		p["xl/sharedStrings.xml"] = f.strings.xml()
	}
	for i, sh := range f.sheets {
		p[fmt.Sprintf("xl/worksheets/sheet%d.xml", sh.id)] = sh.xml(i == f.active)
		if sh.chart != nil {
			n := sh.chart.n
			p[fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", sh.id)] = relsXML([]string{fmt.Sprintf("../drawings/drawing%d.xml", n)}, []string{relDrawing})
			p[fmt.Sprintf("xl/drawings/drawing%d.xml", n)] = sh.drawingXML()
			p[fmt.Sprintf("xl/drawings/_rels/drawing%d.xml.rels", n)] = relsXML([]string{fmt.Sprintf("../charts/chart%d.xml", n)}, []string{relChart})
			p[fmt.Sprintf("xl/charts/chart%d.xml", n)] = sh.chart.xml()
		}
	}
	return p
}

// relsXML is a relationships part; target i has the id rId(i+1).
func relsXML(targets, types []string) []byte {
	b := []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, t := range targets {
		b = append(b, `<Relationship Id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" Target="`...)
		b = appendEscaped(b, t)
		b = append(b, `" Type="`...)
		b = append(b, types[i]...)
		b = append(b, `"></Relationship>`...)
	}
	return append(b, `</Relationships>`...)
}

func (f *File) workbookRelsXML() []byte { return relsXML(f.rels, f.relTypes) }

// imageExtensions are the image types excelize declares with a chart, in
// order of extension.
var imageExtensions = []struct{ ext, contentType string }{
	{"bmp", "image/bmp"}, {"emf", "image/x-emf"}, {"emz", "image/x-emz"}, {"gif", "image/gif"},
	{"ico", "image/x-ico"}, {"jpeg", "image/jpeg"}, {"png", "image/png"},
	{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
	{"svg", "image/svg"}, {"tiff", "image/tiff"}, {"wmf", "image/x-wmf"}, {"wmz", "image/x-wmz"},
	{"xml", "application/xml"},
}

func (f *File) contentTypesXML() []byte {
	b := []byte(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	for _, d := range imageExtensions {
		if f.charts == 0 && d.ext != "rels" && d.ext != "xml" {
			continue
		}
		b = append(b, `<Default Extension="`+d.ext+`" ContentType="`+d.contentType+`"></Default>`...)
	}
	for _, o := range f.overrides {
		b = append(b, `<Override PartName="`...)
		b = appendEscaped(b, o.part)
		b = append(b, `" ContentType="`+o.contentType+`"></Override>`...)
	}
	return append(b, `</Types>`...)
}

func (f *File) workbookXML() []byte {
	b := []byte(xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="6" lowestEdited="6" rupBuild="14420"></fileVersion><workbookPr filterPrivacy="true" defaultThemeVersion="164011"></workbookPr><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010"`)
	if f.active != 0 {
		b = append(b, ` activeTab="`...)
		b = strconv.AppendInt(b, int64(f.active), 10)
		b = append(b, '"')
	}
	b = append(b, `></workbookView></bookViews><sheets>`...)
	for _, sh := range f.sheets {
		b = append(b, `<sheet name="`...)
		b = appendEscaped(b, sh.name)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(sh.id), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(sh.rID), 10)
		b = append(b, `"></sheet>`...)
	}
	b = append(b, `</sheets>`...)
	if len(f.names) > 0 {
		b = append(b, `<definedNames>`...)
		for _, n := range f.names {
			b = append(b, `<definedName localSheetId="`...)
			b = strconv.AppendInt(b, int64(n.sheet), 10)
			b = append(b, `" name="`...)
			b = appendEscaped(b, n.name)
			b = append(b, `">`...)
			b = appendEscaped(b, n.refersTo)
			b = append(b, `</definedName>`...)
		}
		b = append(b, `</definedNames>`...)
	}
	return append(b, `<calcPr calcId="122211"></calcPr></workbook>`...)
}

// The fixed parts, as excelize writes its templates.
const (
	rootRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Target="docProps/app.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"></Relationship><Relationship Id="rId2" Target="docProps/core.xml" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"></Relationship><Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"></Relationship></Relationships>`
	appXML      = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><TotalTime>0</TotalTime><Application>Go Excelize</Application></Properties>`
	coreXML     = xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>xuri</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:modified></cp:coreProperties>`
)
