package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pkgen/pesan"
)

// Limits of a workbook Import reads. The workbook arrives from anyone (the
// browser workbench takes it over the network), and an XLSX is a ZIP of
// XML that excelize unpacks into memory and decodes: a 3 MB file can unzip
// to gigabytes, one cell at row 1,048,576 makes excelize lay out a million
// rows, and a million tiny elements of shared strings or styles decode
// into hundreds of megabytes. A PK of 10,000 indicators, the largest pkgen
// is built for, fits inside every limit: 10,001 rows of 17 columns, 15 to
// 30 MB unzipped, about 50,000 XML elements outside its sheets. At the
// limits, Import uses a few hundred megabytes at most and writes no
// temporary file.
const (
	MaxRows     = 12_000   // rows of a sheet, its header row included
	MaxColumns  = 50       // columns of a sheet
	MaxUnzipped = 64 << 20 // bytes of the workbook's parts together, unzipped
	MaxParts    = 1_000    // files inside the XLSX; a pkgen workbook has about 15
	// MaxElements bounds the XML elements outside the worksheets (which
	// Import streams): excelize decodes those parts whole.
	MaxElements = 500_000
)

// maxProblems is how many problems Import reports before it stops adding
// them: a hostile sheet can have one in every cell.
const maxProblems = 200

// archive is an XLSX checked against the limits, before excelize reads it,
// and the part that holds each sheet.
type archive struct {
	zr     *zip.Reader
	sheets []sheetPart
}

type sheetPart struct {
	name, part string
}

// openArchive checks data against the limits that need no sheet to be
// named: the number of parts, their size unzipped, the XML elements
// excelize decodes whole.
func openArchive(data []byte) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, pesan.Errorf("bukan berkas XLSX yang dapat dibaca: %v", err)
	}
	if len(zr.File) > MaxParts {
		return nil, pesan.Errorf("berkas XLSX berisi %d bagian, lebih dari batas %d; lembar kerja dari pkgen berisi belasan bagian", len(zr.File), MaxParts)
	}
	// The sizes are the ones the ZIP declares; archive/zip fails a part
	// that unzips to more than its declared size.
	var total uint64
	for _, f := range zr.File {
		total += min(f.UncompressedSize64, MaxUnzipped+1)
		if total > MaxUnzipped {
			return nil, pesan.Errorf("isi berkas XLSX lebih dari %d MB setelah dibuka, batas untuk lembar kerja (cukup untuk PK dengan 10.000 indikator)", MaxUnzipped>>20)
		}
	}
	elements := 0
	for _, f := range zr.File {
		n, err := countElements(f, MaxElements-elements)
		if err != nil {
			return nil, err
		}
		elements += n
		if elements > MaxElements {
			return nil, pesan.Errorf("isi berkas XLSX lebih dari %d unsur XML di luar lembar-lembarnya, batas untuk lembar kerja (cukup untuk PK dengan 10.000 indikator)", MaxElements)
		}
	}
	a := &archive{zr: zr}
	a.sheets = a.sheetParts()
	return a, nil
}

// countElements counts the XML elements of a part, up to limit+1; a
// worksheet counts none (Import streams it, see scanSheet), nor does a
// part that is not XML (an image). A part in another encoding than UTF-8
// is refused: excelize would decode it, this count could not.
func countElements(f *zip.File, limit int) (int, error) {
	r, err := f.Open()
	if err != nil {
		return 0, pesan.Errorf("bukan berkas XLSX yang dapat dibaca: %v", err)
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	var refused error
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		refused = pesan.Errorf("bagian %s memakai pengodean %q, bukan UTF-8; simpan ulang lembar kerja dengan Excel atau LibreOffice", f.Name, label)
		return nil, refused
	}
	n := 0
	for n <= limit {
		tok, err := d.RawToken()
		if err != nil {
			if refused != nil {
				return 0, refused
			}
			return n, nil // the end, or not XML: excelize decodes no more of it
		}
		if se, ok := tok.(xml.StartElement); ok {
			if n == 0 && se.Name.Local == "worksheet" {
				return 0, nil
			}
			n++
		}
	}
	return n, nil
}

// sheetParts finds each sheet's part as excelize does: the workbook named
// by _rels/.rels, its sheets, their targets in the workbook's rels.
func (a *archive) sheetParts() []sheetPart {
	type rel struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	}
	var root struct {
		Rels []rel `xml:"Relationship"`
	}
	if a.decode("_rels/.rels", &root) != nil {
		return nil
	}
	book := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var bookRels struct {
		Rels []rel `xml:"Relationship"`
	}
	if book == "" || a.decode(book, &wb) != nil ||
		a.decode(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"), &bookRels) != nil {
		return nil
	}
	var out []sheetPart
	for _, s := range wb.Sheets {
		id := ""
		for _, at := range s.Attrs {
			if at.Name.Local == "id" && at.Name.Space != "" { // r:id
				id = at.Value
			}
		}
		for _, r := range bookRels.Rels {
			if r.ID == id && id != "" {
				t := strings.ReplaceAll(r.Target, "\\", "/")
				target := path.Join(path.Dir(book), t)
				if strings.HasPrefix(t, "/") {
					target = path.Clean(t)
				}
				out = append(out, sheetPart{s.Name, strings.TrimPrefix(target, "/")})
			}
		}
	}
	return out
}

// decode unmarshals one small part (its elements are counted already).
func (a *archive) decode(name string, v any) error {
	r, err := a.zr.Open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	return xml.NewDecoder(r).Decode(v)
}

// cellAttr is what Import needs of a cell besides its value.
type cellAttr struct {
	t excelize.CellType
	s int // style id; 0 for none
}

// sheetScan is a sheet's cells' types and styles, its row and column
// styles and its merged ranges, by row and column (1-based), as excelize's
// row iterator places values.
type sheetScan struct {
	cells     [][]cellAttr
	rowStyles map[int]int
	colStyles []colStyle
	merged    []string
}

type colStyle struct{ min, max, s int }

// attr returns a cell's attributes; the zero value outside the scan.
func (s *sheetScan) attr(col, row int) cellAttr {
	if row < 1 || row > len(s.cells) || col < 1 || col > len(s.cells[row-1]) {
		return cellAttr{}
	}
	return s.cells[row-1][col-1]
}

// style is a cell's style id, falling back to its row's and its column's
// as excelize's GetCellStyle does.
func (s *sheetScan) style(col, row int) int {
	if id := s.attr(col, row).s; id != 0 {
		return id
	}
	if id := s.rowStyles[row]; id != 0 {
		return id
	}
	for _, c := range s.colStyles {
		if c.min <= col && col <= c.max && c.s != 0 {
			return c.s
		}
	}
	return 0
}

// cellTypes are the cell types by their t attribute, as excelize reads them.
var cellTypes = map[string]excelize.CellType{
	"b": excelize.CellTypeBool, "d": excelize.CellTypeDate, "n": excelize.CellTypeNumber,
	"e": excelize.CellTypeError, "s": excelize.CellTypeSharedString,
	"str": excelize.CellTypeFormula, "inlineStr": excelize.CellTypeInlineString,
}

// scanSheet streams a sheet's XML once, refusing a row or a cell past the
// limits before excelize is asked for anything of the sheet: its own
// reading of a sheet lays out every row and column up to the last one
// named, even empty.
func (a *archive) scanSheet(sheet string) (*sheetScan, error) {
	part := ""
	for _, s := range a.sheets {
		if strings.EqualFold(s.name, sheet) {
			part = s.part
		}
	}
	f, err := a.zr.Open(part)
	if part == "" || err != nil {
		return nil, pesan.Errorf("isi lembar tidak ditemukan di dalam berkas XLSX")
	}
	defer f.Close()
	s := &sheetScan{rowStyles: map[int]int{}}
	d := xml.NewDecoder(f)
	row, col, cells := 0, 0, 0
	inData := false // inside sheetData, where excelize's iterator reads
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, pesan.Errorf("tidak dapat dibaca: %v", err)
		}
		if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "sheetData" {
			inData = false
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch name := se.Name.Local; {
		case name == "sheetData":
			inData = true
		case name == "row" && inData:
			// As excelize's iterator: the r attribute, else the next row.
			if v := attrOf(se, "r"); v != "" {
				n, err := strconv.Atoi(v)
				switch {
				case err != nil || n < 0:
					return nil, pesan.Errorf("nomor baris %q tidak sah", v)
				case n > 0:
					row = n - 1
				}
			}
			row++
			col, cells = 0, 0
			if row > MaxRows {
				return nil, rowLimit(row)
			}
			if v, err := strconv.Atoi(attrOf(se, "s")); err == nil && v > 0 {
				s.rowStyles[row] = v
			}
		case name == "c" && inData:
			col++
			cells++
			if ref := attrOf(se, "r"); ref != "" {
				c, r, err := excelize.CellNameToCoordinates(ref)
				if err != nil {
					return nil, pesan.Errorf("tidak dapat dibaca: %v", err)
				}
				if r > MaxRows {
					return nil, rowLimit(r)
				}
				col = c
			}
			if col > MaxColumns {
				return nil, columnLimit(col)
			}
			if cells > MaxColumns {
				return nil, pesan.Errorf("baris %d berisi lebih dari %d sel", row, MaxColumns)
			}
			if row < 1 {
				continue // a cell before any row: excelize's iterator skips it too
			}
			for len(s.cells) < row {
				s.cells = append(s.cells, nil)
			}
			r := &s.cells[row-1]
			for len(*r) < col {
				*r = append(*r, cellAttr{})
			}
			st, _ := strconv.Atoi(attrOf(se, "s"))
			(*r)[col-1] = cellAttr{t: cellTypes[attrOf(se, "t")], s: st}
		case name == "col":
			lo, _ := strconv.Atoi(attrOf(se, "min"))
			hi, _ := strconv.Atoi(attrOf(se, "max"))
			if st, _ := strconv.Atoi(attrOf(se, "style")); st > 0 {
				s.colStyles = append(s.colStyles, colStyle{lo, hi, st})
			}
		case name == "mergeCell":
			s.merged = append(s.merged, attrOf(se, "ref"))
		}
	}
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

func rowLimit(row int) error {
	return pesan.Errorf("baris %d melewati batas %d baris per lembar (cukup untuk 10.000 indikator); hapus baris di bawah tabel, juga baris kosong yang diberi format", row, MaxRows)
}

func columnLimit(col int) error {
	return pesan.Errorf("kolom %s melewati batas %d kolom per lembar (kolom terakhir yang boleh: %s); hapus kolom di kanan tabel", colName(col), MaxColumns, colName(MaxColumns))
}
