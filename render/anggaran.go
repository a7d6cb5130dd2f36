package render

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/templates"
)

// rupiah prints an amount with the document's grouping: "Rp 12.345.678.900".
func (f formatter) rupiah(prefix string, v *big.Int) string {
	s := f.integer(v) // a sum may pass int64; validation bounds each row
	if prefix == "" {
		return s
	}
	return prefix + " " + s
}

// TotalAnggaran adds the budget rows exactly (integers of rupiah).
func TotalAnggaran(rows []model.Anggaran) *big.Int {
	sum := new(big.Int)
	for _, r := range rows {
		sum.Add(sum, big.NewInt(r.Jumlah))
	}
	return sum
}

// anggaranTable builds the regulation's second table: No | Program |
// Anggaran (Rp) | Keterangan, closed by the total pkgen computes.
func (l *layouter) anggaranTable(a *templates.Anggaran, key string, numbered bool) *Table {
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2}
	t.Columns = []Column{{Width: 10}, {Weight: 1}, {Width: 48}, {Width: 50}}
	heads := []string{"No", a.Uraian, a.Jumlah, a.Keterangan}
	withKet := a.Keterangan != ""
	if !withKet {
		t.Columns, heads = t.Columns[:3], heads[:3]
	}
	h := Row{}
	for i, s := range heads {
		h.Cells = append(h.Cells, l.headCell(i, 1, 1, s, key))
	}
	t.Header = []Row{h}
	if numbered {
		t.Header = append(t.Header, l.columnNumbers(len(heads)))
	}
	amount := func(v *big.Int) string {
		prefix := a.Mata
		if prefix != "" && strings.Contains(a.Jumlah, prefix) {
			prefix = ""
		}
		s := l.f.rupiah(prefix, v)
		if a.Sen {
			s += l.f.decimalSep() + "00"
		}
		return s
	}
	body := func(col int, s string, style fonts.Style, align Align) Cell {
		return l.textCell(Cell{Col: col, ColSpan: 1, RowSpan: 1, Fill: -1}, PlainParas(s, style, align))
	}
	for i, r := range l.doc.Anggaran {
		row := Row{Cells: []Cell{
			body(0, strconv.Itoa(i+1), fonts.Regular, AlignCenter),
			body(1, r.Uraian, fonts.Regular, AlignLeft),
			body(2, amount(big.NewInt(r.Jumlah)), fonts.Regular, AlignRight),
		}}
		if withKet {
			row.Cells = append(row.Cells, body(3, r.Keterangan, fonts.Regular, AlignLeft))
		}
		t.Rows = append(t.Rows, row)
	}
	total := Row{Cells: []Cell{
		l.textCell(Cell{Col: 0, ColSpan: 2, RowSpan: 1, Fill: -1}, PlainParas(a.Total, fonts.Bold, AlignCenter)),
		body(2, amount(TotalAnggaran(l.doc.Anggaran)), fonts.Bold, AlignRight),
	}}
	if withKet {
		total.Cells = append(total.Cells, body(3, "", fonts.Regular, AlignLeft))
	}
	t.Rows = append(t.Rows, total)
	return t
}

// columnNumbers is the header row "(1) (2) (3) …".
func (l *layouter) columnNumbers(n int) Row {
	r := Row{}
	for i := range n {
		r.Cells = append(r.Cells, l.textCell(Cell{Col: i, ColSpan: 1, RowSpan: 1, Fill: headFill, Middle: true},
			PlainParas(fmt.Sprintf("(%d)", i+1), fonts.Italic, AlignCenter)))
	}
	return r
}
