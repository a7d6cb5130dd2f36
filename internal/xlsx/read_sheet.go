package xlsx

import (
	"encoding/xml"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// ItemKind is what a sheet's Item is.
type ItemKind uint8

// The items of a sheet, in the order of its XML.
const (
	ItemRow   ItemKind = iota + 1 // a row of sheetData: Ref (its r attribute) and Style
	ItemCell                      // a cell of sheetData: Ref, Type, Style, Value, Formula, Err
	ItemCol                       // a column format: Min, Max and Style
	ItemMerge                     // a merged range: Ref ("C2:C4")
)

// Item is one row, cell, column format or merged range of a sheet. Its
// numbers are its attributes as written; 0 when absent or not a number.
type Item struct {
	What  ItemKind
	Ref   string // the r attribute of a row or cell (as written, maybe ""), a merged range
	Style int    // the cell format (s attribute; style of a col)

	// Cells only.
	Type    Kind
	Value   string // as stored: a number as written, the text, "1"/"0" for a boolean
	Formula bool   // the cell has a formula
	Err     error  // the value cannot be read (a shared string index out of range); Value is ""

	Min, Max int // col only
}

// SheetScanner streams a worksheet's items; the rows and cells of its
// sheetData only, where excelize's row iterator reads them.
type SheetScanner struct {
	r      *Reader
	d      *decoder
	inData bool
}

// OpenSheet streams a sheet's part (SheetRef.Part). Close it.
func (r *Reader) OpenSheet(part string) (*SheetScanner, error) {
	d, err := r.stream(part)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, &PartError{part, fs.ErrNotExist}
	}
	return &SheetScanner{r: r, d: d}, nil
}

// Close closes the sheet's part.
func (s *SheetScanner) Close() error { return s.d.rc.Close() }

// Next returns the sheet's next item; io.EOF after the last.
func (s *SheetScanner) Next() (Item, error) {
	for {
		tok, err := s.d.token()
		if err != nil {
			return Item{}, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				s.inData = false
			}
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "sheetData":
				s.inData = true
			case name == "row" && s.inData:
				return Item{What: ItemRow, Ref: attr(t, "r"), Style: number(attr(t, "s"))}, nil
			case name == "c" && s.inData:
				return s.cell(t)
			case name == "col":
				return Item{What: ItemCol, Min: number(attr(t, "min")), Max: number(attr(t, "max")), Style: number(attr(t, "style"))}, nil
			case name == "mergeCell":
				return Item{What: ItemMerge, Ref: attr(t, "ref")}, nil
			}
		}
	}
}

// cell reads a cell after its start element, up to its end, and its
// value as excelize's row iterator gives it with RawCellValue.
func (s *SheetScanner) cell(se xml.StartElement) (Item, error) {
	it := Item{What: ItemCell, Ref: attr(se, "r"), Type: kindOf(attr(se, "t")), Style: number(attr(se, "s"))}
	var v []byte
	is, hasIS := "", false
	depth, inV := 0, false
loop:
	for {
		tok, err := s.d.token()
		if err == io.EOF {
			break // a sheet cut short: the cell as read so far
		}
		if err != nil {
			return it, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth != 1 {
				continue
			}
			switch t.Name.Local {
			case "v":
				v, inV = v[:0], true // the last v, as excelize decodes it
			case "f":
				it.Formula = true
			case "is":
				if is, err = s.d.stringItem(); err != nil {
					return it, err
				}
				hasIS = true
				depth--
			}
		case xml.EndElement:
			if depth == 0 {
				break loop
			}
			if depth == 1 {
				inV = false
			}
			depth--
		case xml.CharData:
			if inV && depth == 1 {
				v = append(v, t...)
			}
		}
	}
	switch {
	case it.Type == KindSharedString && len(v) > 0:
		i, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || i < 0 || i >= len(s.r.strings) {
			it.Err = &StringIndexError{it.Ref, string(v)}
			return it, nil
		}
		it.Value = s.r.strings[i]
	case it.Type == KindInlineString && hasIS:
		it.Value = is
	default:
		it.Value = string(v)
	}
	return it, nil
}

// number is an attribute's integer value; 0 when it is none.
func number(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
