package render

import (
	"math"

	"pkgen/pesan"
)

// tableEps absorbs rounding when comparing lengths in mm.
const tableEps = 1e-9

func tableFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// tableCell is a cell resolved onto the grid, with its content laid out.
type tableCell struct {
	row, end  int // first and last row covered
	col, span int // first column and number of columns
	fill      float64
	color     *RGB
	middle    bool
	kind      string // Frame.Kind of its parts
	key       string // Cell.Key
	lines     []TextLine
	off       int // start of its prefix sums in tableGrid.sum and .txt
	// cont is the index in tableGrid.cells of the cell's continuation
	// (Cell.Continued), 0 without one; shadow marks such a continuation,
	// which covers the cell's rows but is in no row's list (see
	// tablePager.resume).
	cont   int
	shadow bool
}

// tablePart is the piece of a cell placed in one fragment: lines [from, to)
// in the rectangle between top and bottom.
type tablePart struct {
	cell        int
	from, to    int
	top, bottom float64
}

// tableGrid is a validated table with column positions fixed and every
// cell's lines known; pagination only reads it.
type tableGrid struct {
	padX, padY, border float64
	minLines           int
	colX               []float64 // left edge of each column, then the right edge
	width              float64

	head      []tableCell
	headParts []tablePart // the header as placed at the top of a fragment
	headH     float64

	cells   []tableCell
	group   []bool
	nrows   int
	rowAt   []int // cells covering row r: rowList[rowAt[r]:rowAt[r+1]]
	rowList []int

	// Prefix sums over each cell's lines, so fitting is a binary search:
	// sum[off+i] is the height of lines[:i], txt[off+i] how many of them
	// carry text.
	sum []float64
	txt []int

	// Scratch for border strokes: the horizontal edges, and the vertical
	// ones placed by column edge, edges[e] the next place for edge e.
	hsegs, vsegs []tableSeg
	edges        []int
}

func newTableGrid(t *Table, width float64) (*tableGrid, error) {
	for _, v := range []struct {
		name string
		v    float64
	}{{"PadX", t.PadX}, {"PadY", t.PadY}, {"Border", t.Border}} {
		if !tableFinite(v.v) || v.v < 0 {
			return nil, pesan.Errorf("tabel: %s harus panjang terhingga >= 0, bukan %v", v.name, v.v)
		}
	}
	if t.MinLines < 0 {
		return nil, pesan.Errorf("tabel: MinLines harus >= 0, bukan %d", t.MinLines)
	}
	colX, err := tableColumns(t.Columns, width)
	if err != nil {
		return nil, err
	}
	g := &tableGrid{
		padX: t.PadX, padY: t.PadY, border: t.Border,
		minLines: max(t.MinLines, 1),
		colX:     colX,
		width:    colX[len(colX)-1],
		nrows:    len(t.Rows),
	}
	if g.head, err = g.resolve(t.Header, true); err != nil {
		return nil, err
	}
	if g.cells, err = g.resolve(t.Rows, false); err != nil {
		return nil, err
	}
	g.addSums()
	g.group = make([]bool, len(t.Rows))
	for i, r := range t.Rows {
		g.group[i] = r.Group
	}
	g.layoutHeader(len(t.Header))
	g.indexRows()
	return g, nil
}

// tableColumns turns column specs into column edges: fixed widths first,
// then weights share what is left.
func tableColumns(cols []Column, width float64) ([]float64, error) {
	if len(cols) == 0 {
		return nil, pesan.Errorf("tabel: tidak ada kolom")
	}
	if !tableFinite(width) || width <= 0 {
		return nil, pesan.Errorf("tabel: lebar harus positif, bukan %v", width)
	}
	var fixed, weights float64
	for i, c := range cols {
		switch {
		case !tableFinite(c.Width) || !tableFinite(c.Weight) || c.Width < 0 || c.Weight < 0:
			return nil, pesan.Errorf("tabel: kolom %d: lebar %v dan bobot %v harus terhingga dan >= 0", i+1, c.Width, c.Weight)
		case c.Width > 0 && c.Weight > 0:
			return nil, pesan.Errorf("tabel: kolom %d: beri lebar tetap atau bobot, bukan keduanya", i+1)
		case c.Width == 0 && c.Weight == 0:
			return nil, pesan.Errorf("tabel: kolom %d: tanpa lebar dan tanpa bobot", i+1)
		}
		fixed += c.Width
		weights += c.Weight
	}
	rest := width - fixed
	if rest < -1e-6 {
		return nil, pesan.Errorf("tabel: kolom berlebar tetap (%.2f mm) lebih lebar dari tabel (%.2f mm)", fixed, width)
	}
	if weights > 0 && rest <= 1e-6 {
		return nil, pesan.Errorf("tabel: kolom berlebar tetap (%.2f mm) tidak menyisakan lebar untuk kolom berbobot", fixed)
	}
	colX := make([]float64, len(cols)+1)
	for i, c := range cols {
		w := c.Width
		if w == 0 {
			w = rest * c.Weight / weights
		}
		if !tableFinite(w) || w <= 0 {
			return nil, pesan.Errorf("tabel: kolom %d tidak mendapat lebar", i+1)
		}
		colX[i+1] = colX[i] + w
	}
	return colX, nil
}

// resolve checks the rows' cells against the grid and lays out their
// content at the width of their columns.
func (g *tableGrid) resolve(rows []Row, header bool) ([]tableCell, error) {
	ncols := len(g.colX) - 1
	section := pesan.M("baris")
	if header {
		section = pesan.M("baris kepala")
	}
	taken := make([]bool, len(rows)*ncols)
	n, nShadow := 0, 0
	for _, row := range rows {
		n += len(row.Cells)
		for _, c := range row.Cells {
			if c.Continued != nil && !header {
				nShadow++
			}
		}
	}
	// Room for the continuations too: they are appended at the end.
	cells := make([]tableCell, 0, n+nShadow)
	shadows := make([]tableCell, 0, nShadow)
	for i, row := range rows {
		for j, c := range row.Cells {
			cellErr := func(msg pesan.Pesan) error {
				return pesan.Errorf("tabel: %s %d, sel %d: %v", section, i+1, j+1, msg)
			}
			cs, rs := max(c.ColSpan, 1), max(c.RowSpan, 1)
			switch {
			case c.ColSpan < 0 || c.RowSpan < 0:
				return nil, cellErr(pesan.M("rentang negatif"))
			case c.Col < 0 || c.Col >= ncols:
				return nil, cellErr(pesan.M("kolom %d di luar jangkauan (tabel punya %d)", c.Col, ncols))
			case cs > ncols-c.Col:
				return nil, cellErr(pesan.M("merentang %d kolom dari kolom %d, melewati kolom terakhir", cs, c.Col))
			case rs > len(rows)-i:
				return nil, cellErr(pesan.M("merentang %d baris, melewati baris terakhir", rs))
			case !header && rs > 1 && row.Group:
				return nil, cellErr(pesan.M("sel baris kelompok tidak boleh merentang baris"))
			case math.IsNaN(c.Fill) || c.Fill > 1:
				return nil, cellErr(pesan.M("isian %v bukan tingkat abu-abu (0..1, atau negatif untuk tanpa isian)", c.Fill))
			}
			if !header {
				for k := i + 1; k < i+rs; k++ {
					if rows[k].Group {
						return nil, cellErr(pesan.M("rentang baris melintasi baris kelompok %d", k+1))
					}
				}
			}
			for r := i; r < i+rs; r++ {
				for col := c.Col; col < c.Col+cs; col++ {
					if taken[r*ncols+col] {
						return nil, cellErr(pesan.M("menimpa sel lain di baris %d, kolom %d", r+1, col))
					}
					taken[r*ncols+col] = true
				}
			}
			inner := g.colX[c.Col+cs] - g.colX[c.Col] - 2*g.padX
			if inner <= 0 {
				return nil, cellErr(pesan.M("lebar kolom %.2f mm tidak menyisakan ruang di dalam bantalan", g.colX[c.Col+cs]-g.colX[c.Col]))
			}
			var lines []TextLine
			if c.Content != nil {
				lines = c.Content(inner)
			}
			for k, ln := range lines {
				if !tableFinite(ln.Height) || ln.Height < 0 || !tableFinite(ln.Ascent) {
					return nil, cellErr(pesan.M("baris teks %d setinggi %v, ascent %v", k+1, ln.Height, ln.Ascent))
				}
			}
			kind := "cell"
			switch {
			case header:
				kind = "header"
			case row.Group:
				kind = "group"
			}
			cell := tableCell{
				row: i, end: i + rs - 1, col: c.Col, span: cs,
				fill: c.Fill, color: c.Color, middle: c.Middle, kind: kind, key: c.Key,
				lines: lines,
			}
			if c.Continued != nil && !header {
				more := c.Continued(inner)
				for k, ln := range more {
					if !tableFinite(ln.Height) || ln.Height < 0 || !tableFinite(ln.Ascent) {
						return nil, cellErr(pesan.M("baris teks %d setinggi %v, ascent %v", k+1, ln.Height, ln.Ascent))
					}
				}
				cell.cont = len(shadows) + 1 // made an index below
				sh := cell
				sh.lines, sh.shadow, sh.cont, sh.kind = more, true, 0, "continued"
				shadows = append(shadows, sh)
			}
			cells = append(cells, cell)
		}
	}
	for i := range cells {
		if cells[i].cont > 0 {
			cells[i].cont += len(cells) - 1
		}
	}
	return append(cells, shadows...), nil
}

// addSums fills the prefix sums of every cell's lines, sized in one go.
func (g *tableGrid) addSums() {
	n := 0
	for _, cells := range [][]tableCell{g.head, g.cells} {
		for i := range cells {
			n += len(cells[i].lines) + 1
		}
	}
	g.sum = make([]float64, 0, n)
	g.txt = make([]int, 0, n)
	for _, cells := range [][]tableCell{g.head, g.cells} {
		for i := range cells {
			cells[i].off = len(g.sum)
			h, k := 0.0, 0
			g.sum = append(g.sum, 0)
			g.txt = append(g.txt, 0)
			for _, ln := range cells[i].lines {
				h += ln.Height
				if len(ln.Runs) > 0 {
					k++
				}
				g.sum = append(g.sum, h)
				g.txt = append(g.txt, k)
			}
		}
	}
}

// layoutHeader sizes the header rows once; they are never split, and a cell
// spanning header rows grows the last of them.
func (g *tableGrid) layoutHeader(nrows int) {
	top := make([]float64, nrows+1)
	for r := range nrows {
		h := 0.0
		for i := range g.head {
			c := &g.head[i]
			if c.end == r {
				h = max(h, g.height(c, 0, len(c.lines))+2*g.padY-(top[r]-top[c.row]))
			}
		}
		top[r+1] = top[r] + h
	}
	g.headH = top[nrows]
	g.headParts = make([]tablePart, len(g.head))
	for i := range g.head {
		c := &g.head[i]
		g.headParts[i] = tablePart{cell: i, to: len(c.lines), top: top[c.row], bottom: top[c.end+1]}
	}
}

// indexRows lists, for every body row, the cells covering it.
func (g *tableGrid) indexRows() {
	g.rowAt = make([]int, g.nrows+1)
	for i := range g.cells {
		if g.cells[i].shadow {
			continue
		}
		for r := g.cells[i].row; r <= g.cells[i].end; r++ {
			g.rowAt[r+1]++
		}
	}
	for r := range g.nrows {
		g.rowAt[r+1] += g.rowAt[r]
	}
	g.rowList = make([]int, g.rowAt[g.nrows])
	next := make([]int, g.nrows)
	copy(next, g.rowAt)
	for i := range g.cells {
		if g.cells[i].shadow {
			continue
		}
		for r := g.cells[i].row; r <= g.cells[i].end; r++ {
			g.rowList[next[r]] = i
			next[r]++
		}
	}
}

// headSources are the header cells' inputs with the room their text takes,
// for the error when the header cannot fit on a page.
func (g *tableGrid) headSources() []source {
	var out []source
	for i := range g.head {
		if c := &g.head[i]; c.key != "" {
			out = append(out, linesSource(c.key, c.lines))
		}
	}
	return out
}

// active lists the cells covering body row r.
func (g *tableGrid) active(r int) []int { return g.rowList[g.rowAt[r]:g.rowAt[r+1]] }
