package docx

import (
	"pkgen/render"
)

// cellMargin is a cell's left and right padding, mm, as the PDF's.
const cellMargin = 1.2

// headShade is the header's grey (the PDF's 0.85).
const headShade = "D9D9D9"

// tableStart opens a fixed-layout table of the given column widths (mm),
// ruled or borderless.
func (d *writer) tableStart(widths []float64, ruled bool) {
	b := &d.b
	total := 0
	for _, w := range widths {
		total += twips(w)
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + itoa(total) + `" w:type="dxa"/>`)
	if d.centred {
		b.WriteString(`<w:jc w:val="center"/>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	if ruled {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="nil"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	m := itoa(twips(cellMargin))
	b.WriteString(`<w:tblCellMar><w:top w:w="` + itoa(twips(1)) + `" w:type="dxa"/><w:left w:w="` + m + `" w:type="dxa"/><w:bottom w:w="` + itoa(twips(1)) +
		`" w:type="dxa"/><w:right w:w="` + m + `" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + itoa(twips(w)) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
}

// cellStart opens a cell w mm wide over span grid columns: merge is
// "restart" or "continue" for a vertical merge, shaded a header's grey,
// valign "center" or "".
func (d *writer) cellStart(w float64, span int, merge string, shaded bool, valign string) {
	fill := ""
	if shaded {
		fill = headShade
	}
	d.cellStartFill(w, span, merge, fill, valign)
}

// cellStartFill is cellStart with a background colour (hex, "" none).
func (d *writer) cellStartFill(w float64, span int, merge string, fill string, valign string) {
	b := &d.b
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(twips(w)) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + itoa(span) + `"/>`)
	}
	switch merge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	if fill != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/>`)
	}
	if valign != "" {
		b.WriteString(`<w:vAlign w:val="` + valign + `"/>`)
	}
	b.WriteString(`</w:tcPr>`)
}

// table writes a lampiran table: its header rows marked to repeat on
// every page (w:tblHeader) and never split, body rows free to break
// across pages, group rows kept with the next, and every cell spanning
// rows vertically merged (w:vMerge) with the empty cells under it. A
// whole table keeps every row with the next; keepEnd keeps its last row
// with what follows (the closing signatures).
func (d *writer) table(t render.WordsTable, keepEnd bool) {
	d.tableStart(t.Widths, true)
	d.rows(t.Widths, t.Header, true, false, false)
	d.rows(t.Widths, t.Rows, false, t.Whole, keepEnd)
	d.b.WriteString(`</w:tbl>`)
}

func (d *writer) rows(widths []float64, rows []render.WordsRow, header, whole, keepEnd bool) {
	b := &d.b
	n := len(widths)
	// cover[c] is how many more rows the cell started above at column c
	// spans, span[c] how many columns.
	cover, span := make([]int, n), make([]int, n)
	at := make([]int, n) // cell index at each column in the current row, -1 none
	for ri, r := range rows {
		keep := r.Group || whole || keepEnd && ri == len(rows)-1
		for c := range at {
			at[c] = -1
		}
		for i, c := range r.Cells {
			if c.Col >= 0 && c.Col < n {
				at[c.Col] = i
			}
		}
		b.WriteString(`<w:tr>`)
		if header {
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		} else if whole {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for c := 0; c < n; {
			if cover[c] > 0 {
				cover[c]--
				s := span[c]
				d.cellStart(sum(widths[c:min(c+s, n)]), s, "continue", header, "")
				b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:tc>`)
				c += s
				continue
			}
			if at[c] < 0 {
				d.cellStart(widths[c], 1, "", false, "")
				b.WriteString(`<w:p/></w:tc>`)
				c++
				continue
			}
			cell := r.Cells[at[c]]
			s := min(cell.ColSpan, n-c)
			merge := ""
			if cell.RowSpan > 1 {
				merge = "restart"
				cover[c], span[c] = cell.RowSpan-1, s
			}
			valign := ""
			if header {
				valign = "center"
			}
			fill := ""
			if cell.Color != nil {
				fill = hex(*cell.Color)
			} else if cell.Shaded {
				fill = headShade
			}
			d.cellStartFill(sum(widths[c:c+s]), s, merge, fill, valign)
			o := paraOpt{size: render.SizeTable, keepNext: keep, right: cell.Number}
			if len(cell.Small) == 0 {
				d.cellParas(cell.Paras, o)
			} else {
				d.paras(cell.Paras, o)
				o.size = render.SizeSmall
				d.paras(cell.Small, o)
			}
			b.WriteString(`</w:tc>`)
			c += s
		}
		b.WriteString(`</w:tr>`)
	}
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
