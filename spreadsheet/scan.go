package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"pkgen/internal/xlsx"
	"pkgen/pesan"
)

// Limits of a workbook Import reads. The workbook arrives from anyone (the
// browser workbench takes it over the network), and an XLSX is a ZIP of
// XML: a 3 MB file can unzip to gigabytes, one cell at row 1,048,576
// names a million rows, and a million tiny elements of shared strings or
// styles decode into hundreds of megabytes. A PK of 10,000 indicators, the largest pkgen
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
	// Import streams): the shared strings and styles are decoded whole.
	MaxElements = 500_000
)

// maxProblems is how many problems Import reports before it stops adding
// them: a hostile sheet can have one in every cell.
const maxProblems = 200

// archive is an XLSX checked against the limits, its workbook, shared
// strings and styles read.
type archive struct {
	book *xlsx.Reader
}

// openArchive checks data against the limits that need no sheet to be
// named: the number of parts, their size unzipped, the XML elements of
// the parts outside the sheets; and reads the workbook.
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
	// The parts read whole count their elements as they are read; the
	// others are counted after.
	book, err := xlsx.NewReader(zr, xlsx.ReadLimits{Elements: MaxElements})
	if err != nil {
		return nil, bookError(err)
	}
	elements := book.Elements()
	for _, f := range zr.File {
		if book.Decoded(f.Name) {
			continue
		}
		n, err := countElements(f, MaxElements-elements)
		if err != nil {
			return nil, err
		}
		elements += n
		if elements > MaxElements {
			return nil, elementLimit()
		}
	}
	return &archive{book: book}, nil
}

// bookError is the message of an error reading the workbook.
func bookError(err error) error {
	var enc *xlsx.EncodingError
	var many *xlsx.ElementsError
	switch {
	case errors.As(err, &enc):
		return encodingRefused(enc.Part, enc.Label)
	case errors.As(err, &many):
		return elementLimit()
	}
	return pesan.Errorf("bukan berkas XLSX yang dapat dibaca: %v", err)
}

func elementLimit() error {
	return pesan.Errorf("isi berkas XLSX lebih dari %d unsur XML di luar lembar-lembarnya, batas untuk lembar kerja (cukup untuk PK dengan 10.000 indikator)", MaxElements)
}

func encodingRefused(part, label string) error {
	return pesan.Errorf("bagian %s memakai pengodean %q, bukan UTF-8; simpan ulang lembar kerja dengan Excel atau LibreOffice", part, label)
}

// countElements counts the XML elements of a part, up to limit+1; a
// worksheet counts none (Import streams it, see scanSheet), nor does a
// part that is not XML (an image). A part in another encoding than UTF-8
// is refused.
func countElements(f *zip.File, limit int) (int, error) {
	r, err := f.Open()
	if err != nil {
		return 0, pesan.Errorf("bukan berkas XLSX yang dapat dibaca: %v", err)
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	var refused error
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		refused = encodingRefused(f.Name, label)
		return nil, refused
	}
	n := 0
	for n <= limit {
		tok, err := d.RawToken()
		if err != nil {
			if refused != nil {
				return 0, refused
			}
			return n, nil // the end, or not XML: nothing reads more of it
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

// sheetCell is a cell as read: its value as stored, its type, its style.
type sheetCell struct {
	v string
	t xlsx.Kind
	s int // style id; 0 for none
}

// sheetScan is a sheet's cells, by row and column (1-based), placed as
// excelize's row iterator placed them, its row and column styles and its
// merged ranges.
type sheetScan struct {
	cells     [][]sheetCell
	last      int // the last row with a value (or a formula)
	rowStyles map[int]int
	colStyles []colStyle
	merged    []string
	valueErr  error // the first cell whose value cannot be read
}

type colStyle struct{ min, max, s int }

// at returns a cell; the zero value outside the scan.
func (s *sheetScan) at(col, row int) sheetCell {
	if row < 1 || row > len(s.cells) || col < 1 || col > len(s.cells[row-1]) {
		return sheetCell{}
	}
	return s.cells[row-1][col-1]
}

// style is a cell's style id, falling back to its row's and its column's
// as excelize's GetCellStyle does.
func (s *sheetScan) style(col, row int) int {
	if id := s.at(col, row).s; id != 0 {
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

// scanSheet streams a sheet's XML once, refusing a row or a cell past the
// limits as soon as it is named, even empty (a spreadsheet program lays
// out every row and column up to the last one named).
func (a *archive) scanSheet(sheet string) (*sheetScan, error) {
	part := ""
	for _, s := range a.book.Sheets() {
		if strings.EqualFold(s.Name, sheet) {
			part = s.Part
		}
	}
	if part == "" {
		return nil, pesan.Errorf("isi lembar tidak ditemukan di dalam berkas XLSX")
	}
	sc, err := a.book.OpenSheet(part)
	if err != nil {
		return nil, pesan.Errorf("isi lembar tidak ditemukan di dalam berkas XLSX")
	}
	defer sc.Close()
	s := &sheetScan{rowStyles: map[int]int{}}
	row, col, cells := 0, 0, 0
	for {
		it, err := sc.Next()
		if err == io.EOF {
			return s, nil
		}
		var enc *xlsx.EncodingError
		if errors.As(err, &enc) {
			return nil, encodingRefused(enc.Part, enc.Label)
		}
		if err != nil {
			return nil, pesan.Errorf("tidak dapat dibaca: %v", err)
		}
		switch it.What {
		case xlsx.ItemRow:
			// As excelize's iterator: the r attribute, else the next row.
			if v := it.Ref; v != "" {
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
			if it.Style > 0 {
				s.rowStyles[row] = it.Style
			}
		case xlsx.ItemCell:
			col++
			cells++
			if it.Ref != "" {
				c, r, err := xlsx.ParseRef(it.Ref)
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
			if it.Err != nil && s.valueErr == nil {
				s.valueErr = it.Err
			}
			for len(s.cells) < row {
				s.cells = append(s.cells, nil)
			}
			r := &s.cells[row-1]
			if len(*r) < col {
				*r = append(*r, make([]sheetCell, col-len(*r))...)
			}
			(*r)[col-1] = sheetCell{v: it.Value, t: it.Type, s: it.Style}
			if it.Value != "" || it.Formula {
				s.last = max(s.last, row)
			}
		case xlsx.ItemCol:
			if it.Style > 0 {
				s.colStyles = append(s.colStyles, colStyle{it.Min, it.Max, it.Style})
			}
		case xlsx.ItemMerge:
			s.merged = append(s.merged, it.Ref)
		}
	}
}

func rowLimit(row int) error {
	return pesan.Errorf("baris %d melewati batas %d baris per lembar (cukup untuk 10.000 indikator); hapus baris di bawah tabel, juga baris kosong yang diberi format", row, MaxRows)
}

func columnLimit(col int) error {
	return pesan.Errorf("kolom %s melewati batas %d kolom per lembar (kolom terakhir yang boleh: %s); hapus kolom di kanan tabel", colName(col), MaxColumns, colName(MaxColumns))
}
