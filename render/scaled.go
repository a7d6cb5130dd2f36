package render

import (
	"sync"

	"pkgen/model"
	"pkgen/templates"
)

// A larger type size can be given up without measuring its table at all:
// its rows are at least the smallest size's rows with every line of text
// grown in proportion to the type. The argument, for each paragraph of a
// cell:
//   - the words' widths are in units of the type size, the same at every
//     size, and the line breaker is greedy: a line holding no more units
//     never ends later in the text, so the paragraph takes no fewer lines;
//   - a line holds no more units when the room, in units, does not grow
//     (roomShrinks): the proportional columns narrow as the fixed ones
//     widen, and a widened target column grows at most with its type
//     (fitTargets), each checked here rather than assumed;
//   - a text line is as tall as its type; the space between paragraphs
//     stays what it is.
//
// TestScaledBoundBelowMeasured checks the bound against measured tables.

// baseTable is the lampiran table of the smallest size, as the base layout
// of a Layout call measured it.
type baseTable struct {
	table *Table
	grid  *tableGrid
	gridW float64
	size  float64
}

// tableStart is where the lampiran's only table begins, and what its
// pages' bound needs of the flow (tablePagesAtLeast): the page, the room
// left on it, a whole page's room and the closing kept with the table's
// end.
type tableStart struct {
	page             int
	room, full, keep float64
}

// startOf is where a table in l's flow begins now, with closing (may be
// nil) kept with its end.
func (l *layouter) startOf(closing Block) (tableStart, error) {
	f := l.flow
	r := f.Region()
	s := tableStart{page: f.page, room: r.H(), full: f.Full()}
	if closing != nil {
		var err error
		if s.keep, err = closing.height(r.W); err != nil {
			return tableStart{}, err
		}
	}
	return s, nil
}

// pagesAtLeast is a lower bound on the pages of the document to the end of
// a table of grid g beginning at s.
func (s tableStart) pagesAtLeast(g *tableGrid) int {
	body := g.wholeHeight() - g.headH
	return s.page + tablePagesAtLeast(body, g.headH, s.keep, s.room, s.full)
}

// baseHolder passes the base layout's table to the later layouts of the
// same Layout call, which read it only after the base is done (pageLimit).
type baseHolder struct{ t *baseTable }

// keepBase records tb, placed at l.tableSize, for the later layouts.
func (l *layouter) keepBase(tb *TableBlock) {
	if l.base == nil || l.pageLimit != nil || tb.grid == nil {
		return
	}
	l.base.t = &baseTable{table: tb.Table, grid: tb.grid, gridW: tb.gridW, size: l.tableSize}
}

// scaledOverLimit tells whether the lampiran's only table, of sasaran in
// column set set, with closing kept with its end, needs more pages than
// l.pageLimit by the base's table grown to this size: true only when that
// is sure, without laying a line out at this size.
func (l *layouter) scaledOverLimit(set templates.Lampiran, sasaran []model.Sasaran, closing Block) (bool, error) {
	if l.pageLimit == nil || l.base == nil {
		return false, nil
	}
	limit := l.pageLimit()
	if limit <= 0 {
		return false, nil
	}
	g := l.scaledBase(set, sasaran, l.flow.Region().W)
	if g == nil {
		return false, nil
	}
	start, err := l.startOf(closing)
	if err != nil {
		return false, err
	}
	over := start.pagesAtLeast(g) > limit
	if over && countScaled != nil {
		countScaled()
	}
	return over, nil
}

// scaledBase is a lower bound on the grid of the table of sasaran in
// column set set at l.tableSize, in a region w wide: the base's grid with
// its lines of text grown to this size. Every cell is at most as tall as
// measured, and so are the rows and the header. nil when there is no base
// of a smaller size or the argument above does not hold for every
// paragraph.
func (l *layouter) scaledBase(set templates.Lampiran, sasaran []model.Sasaran, w float64) *tableGrid {
	b := l.base.t
	if b == nil || !(b.size < l.tableSize) {
		return nil
	}
	t := &TableBlock{Table: &Table{PadX: b.table.PadX}}
	if b.gridW != t.width(w) {
		return nil
	}
	for _, k := range set.Kolom {
		t.Table.Columns = append(t.Table.Columns, Column{Width: k.Lebar, Weight: k.Bobot})
	}
	l.fitTargets(t.Table, set, sasaran)
	colX, err := tableColumns(t.Table.Columns, b.gridW)
	if err != nil || len(colX) != len(b.grid.colX) {
		return nil // the measured table reports it
	}
	for part, rows := range [][]Row{b.table.Header, b.table.Rows} {
		cells := [][]tableCell{b.grid.head, b.grid.cells}[part]
		k := 0 // the cell's index in the grid (continuations come last)
		for _, row := range rows {
			for _, c := range row.Cells {
				k++
				if len(cells[k-1].lines) == 0 {
					continue // no lines: no height to grow
				}
				if c.paras == nil || c.small != nil {
					return nil
				}
				cs := max(c.ColSpan, 1)
				w0 := b.grid.colX[c.Col+cs] - b.grid.colX[c.Col] - 2*b.grid.padX
				w1 := colX[c.Col+cs] - colX[c.Col] - 2*b.grid.padX
				for i := range c.paras {
					if !l.m.roomShrinks(&c.paras[i], w0, b.size, w1, l.tableSize) {
						return nil
					}
				}
			}
		}
	}
	return b.grid.scaledBy(l.tableSize/b.size, len(b.table.Header))
}

// roomShrinks tells whether p, w1 mm wide at size1, holds no more units on
// a line than w0 mm wide at size0, its marker hanging at both or at
// neither: then its lines at size1 are never fewer.
func (m *Measurer) roomShrinks(p *Para, w0, size0, w1, size1 float64) bool {
	_, mu := m.markerUnits(p)
	k0, k1 := unitScale(size0), unitScale(size1)
	w0, w1 = lineWidth(w0), lineWidth(w1)
	ind0, hang0 := paraIndent(p, w0, k0, mu)
	ind1, hang1 := paraIndent(p, w1, k1, mu)
	return hang0 == hang1 && availUnits(w1, ind1, k1) <= availUnits(w0, ind0, k0)
}

// scaledBy is g with every line of text ratio times as tall (a line with an
// ascent: the space before a paragraph has none) and its header sized
// again; it shares g's cells, which neither changes. A continuation
// (shadow) keeps its lines: it is set at the smallest size whatever the
// table's, and no row's height counts it.
func (g *tableGrid) scaledBy(ratio float64, headRows int) *tableGrid {
	s := *g
	s.sum = make([]float64, len(g.sum))
	for _, cells := range [][]tableCell{g.head, g.cells} {
		for i := range cells {
			c := &cells[i]
			h := 0.0
			for j, ln := range c.lines {
				if ln.Ascent > 0 && !c.shadow {
					h += ln.Height * ratio
				} else {
					h += ln.Height
				}
				s.sum[c.off+j+1] = h
			}
		}
	}
	s.hsegs, s.vsegs, s.edges = nil, nil, nil
	s.layoutHeader(headRows)
	return &s
}

// specTable is the lampiran table of one larger size measured ahead, by the
// layout beside the base while it would wait for the base's page count:
// the size the bisection tries next when the middle one does not fit. Its
// layout then takes the grid as it is (specTableBlock) instead of
// measuring it again; measured or not, the grid is the same.
type specTable struct {
	size float64
	doc  *model.Document
	tpl  *templates.Set
	opt  Options

	once  sync.Once
	table *Table // nil: not a table alone, or it failed (its layout tells)
	grid  *tableGrid
	gridW float64
}

// measure measures the table once, whoever asks first.
func (s *specTable) measure() *specTable {
	s.once.Do(func() {
		defer func() {
			if recover() != nil {
				s.table = nil // the layout measures it again and reports it
			}
		}()
		// A layouter of its own, never returned to the pool: the table's
		// contents measure with its Measurer.
		l := newLayouter(s.doc, s.tpl, s.opt)
		l.tableSize = s.size
		sections := s.doc.Sections()
		cols, err := l.tpl.Lampiran(s.doc.Lampiran)
		if len(sections) != 1 || err != nil || cols.Anggaran != nil {
			return
		}
		set, err := l.tpl.Lampiran(sections[0].Lampiran)
		if err != nil {
			return
		}
		l.flow.NewPage(lampiranPage)
		t, err := l.table(set, sections[0].Sasaran)
		if err != nil {
			return
		}
		tb := &TableBlock{Table: t}
		g, err := tb.gridFor(l.flow.Region().W)
		if err != nil {
			return
		}
		s.table, s.grid, s.gridW = t, g, tb.gridW
	})
	return s
}

// specTableBlock is the lampiran's only table measured ahead at this size,
// ready to place in a region of the flow's width; nil if there is none.
func (l *layouter) specTableBlock() *TableBlock {
	if l.spec == nil || l.spec.size != l.tableSize {
		return nil
	}
	s := l.spec.measure()
	tb := &TableBlock{Table: s.table, grid: s.grid, gridW: s.gridW}
	if s.table == nil || tb.width(l.flow.Region().W) != s.gridW {
		return nil
	}
	if countSpec != nil {
		countSpec()
	}
	return tb
}
