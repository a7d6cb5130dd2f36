package render

import (
	"math"
	"slices"

	"pkgen/pesan"
)

// Distribution of rows over regions. Each region gets the header, then whole
// rows while they fit; the first row that does not fit either moves to the
// next region or splits at a line boundary, and a split ends the region.
// Spanning cells take their lines as their rows are placed: their part in a
// region is the height of the rows (or row parts) they cover there, and the
// last spanned row grows so that whatever is left of them fits. The last row
// of the table obeys one more rule, closing: it leaves Regions.Keep free
// below it for what follows the table.

// tablePager carries the layout state from one region to the next.
type tablePager struct {
	g       *tableGrid
	full    float64 // height of a fresh region
	reserve float64 // Regions.Keep: room the last fragment leaves free, mm
	row     int     // first body row not finished
	cur     []int   // per cell: next line to place

	// Where each cell's part in the current region began; valid when
	// partGen matches gen, the number of the region being filled.
	partTop []float64
	partGen []int
	gen     int

	// alt marks the cells showing their continuation (tableCell.cont)
	// instead of their own lines; cur then counts its lines.
	alt []bool

	cut   []int // lines per active cell chosen by the last plan
	parts []tablePart
	steps int // rows finished and cursor moves: the progress made

	frag  int       // index of the fragment being filled
	marks []RowMark // where each row placed so far begins
}

func (g *tableGrid) newPager(full, reserve float64) *tablePager {
	return &tablePager{
		g:       g,
		full:    full,
		reserve: reserve,
		cur:     make([]int, len(g.cells)),
		alt:     make([]bool, len(g.cells)),
		partTop: make([]float64, len(g.cells)),
		partGen: make([]int, len(g.cells)),
		marks:   make([]RowMark, 0, g.nrows),
	}
}

func (g *tableGrid) paginate(first, full, reserve float64) (TableLayout, error) {
	if g.nrows == 0 {
		// Only a header: nothing to keep it with, so it stands alone.
		lay := TableLayout{Fragments: []Fragment{g.compose(nil, g.headH)}}
		if g.headOnlyLater(first, full) {
			lay.Start = 1
		}
		return lay, nil
	}
	p := g.newPager(full, reserve)
	// Every region after the first makes progress, so this bounds the loop.
	limit := len(g.sum) + g.nrows + 2
	var lay TableLayout
	region, fresh := first, first >= full
	for i := 0; p.row < g.nrows; i++ {
		steps := p.steps
		if i > limit {
			return TableLayout{}, pesan.Errorf("tabel: tata letak tidak maju")
		}
		p.frag = len(lay.Fragments)
		end := p.fill(region, fresh)
		switch {
		case p.steps > steps:
			lay.Fragments = append(lay.Fragments, g.compose(p.parts, end))
		case i == 0:
			lay.Start = 1 // nothing fits in the first region
		default:
			return TableLayout{}, pesan.Errorf("tabel: tata letak tidak maju")
		}
		region, fresh = full, true
	}
	lay.Rows = p.marks
	return lay, nil
}

// headOnlyLater reports whether a table without body rows starts on the
// next region: its header does not fit in the first, and a fresh one is
// more room.
func (g *tableGrid) headOnlyLater(first, full float64) bool {
	return g.headH > first+tableEps && first < full
}

// wholeHeight is the height of the table laid out in one piece, for a flow
// deciding whether it fits whole somewhere.
func (g *tableGrid) wholeHeight() float64 {
	if g.nrows == 0 {
		return g.headH
	}
	return g.newPager(math.Inf(1), 0).fill(math.Inf(1), true)
}

// mark records where row r begins, the first time a part of it is placed.
func (p *tablePager) mark(r int, y float64) {
	if r == len(p.marks) {
		p.marks = append(p.marks, RowMark{Fragment: p.frag, Y: y})
	}
}

// fill places rows into a region of the given height and returns the
// bottom of what it placed. In a fresh region (a whole page) it must make
// progress, so the first row goes in even when that breaks the keep rules.
func (p *tablePager) fill(region float64, fresh bool) float64 {
	g := p.g
	p.gen++
	p.resume()
	p.parts = p.parts[:0]
	y := g.headH
	placed := false // a non-group row part is in the region
	for p.row < g.nrows {
		r := p.row
		forced := fresh && !placed
		h := p.need(r, y)
		bottom, move := p.closing(r, y, h, region, forced)
		if move {
			break
		}
		space := bottom - y
		if g.group[r] {
			if fits := h <= space+tableEps; fits && (forced || p.canFollow(r+1, y+h, region)) {
				p.placeWhole(r, y, h)
				y += h
				continue
			}
			if !forced {
				break
			}
			// Taller than a whole region: it splits like any row.
		}
		if h <= space+tableEps {
			p.placeWhole(r, y, h)
			y += h
			placed = true
			continue
		}
		h, move = p.plan(r, y, space, true)
		if move {
			if !forced {
				break
			}
			h = p.force(r, y, space)
		}
		p.split(r, y, h)
		return y + h
	}
	p.closeSpans(y)
	return y
}

// need is the height row r takes when placed whole at y: its tallest cell
// ending there, counting for a spanning cell only what its earlier rows in
// this region do not already hold.
func (p *tablePager) need(r int, y float64) float64 {
	g := p.g
	h := 0.0
	for _, id := range g.active(r) {
		c := p.cellOf(id)
		if c.end == r {
			h = max(h, g.height(c, p.cur[id], len(c.lines))+2*g.padY-p.before(id, y))
		}
	}
	return h
}

// before is how much of cell id's part in this region lies above y.
func (p *tablePager) before(id int, y float64) float64 {
	if p.partGen[id] == p.gen {
		return y - p.partTop[id]
	}
	return 0
}

// canFollow reports whether row r (after a group row) can start at y: whole,
// or split with its tallest cell keeping its first lines. Group rows in a run
// are all kept with the row after them.
func (p *tablePager) canFollow(r int, y, region float64) bool {
	g := p.g
	for ; r < g.nrows; r++ {
		h := p.need(r, y)
		bottom, move := p.closing(r, y, h, region, false)
		if move {
			return false
		}
		if !g.group[r] {
			if h <= bottom-y+tableEps {
				return true
			}
			_, move := p.plan(r, y, bottom-y, true)
			return !move
		}
		if h > bottom-y+tableEps {
			return false
		}
		y += h
	}
	return true
}

// closing applies Keep to row r, h tall whole at y, and returns the bottom
// the row may fill in the region. Only the last row is concerned, and only
// when it would end here leaving less than Keep below it. Then it goes whole
// to the next region if it fits there with Keep under it; or else it breaks
// here (see endBreak) so that its last part stands on the next region with
// Keep under it; or else it goes to the next region to break there. Moving
// must make progress, and when nothing works the row is placed as if there
// were no Keep: what follows then starts a region of its own.
func (p *tablePager) closing(r int, y, h, region float64, forced bool) (bottom float64, move bool) {
	g := p.g
	space := region - y
	if r != g.nrows-1 || h+p.reserve <= space+tableEps || h > space+tableEps {
		return region, false
	}
	// On the next region, the group rows right above the row go with it.
	var next *tablePager
	top := g.headH + g.groupsAbove(r)
	if !forced {
		next = p.next(y)
		if top+next.need(r, top)+p.reserve <= p.full+tableEps {
			return region, true
		}
	}
	if brk, ok := p.endBreak(r, y, space); ok {
		return y + brk, false
	}
	if next != nil {
		_, ok := next.endBreak(r, top, p.full-top)
		return region, ok
	}
	return region, false
}

// groupsAbove is the height of the group rows right above row r.
func (g *tableGrid) groupsAbove(r int) float64 {
	h := 0.0
	for i := r - 1; i >= 0 && g.group[i]; i-- {
		row := 0.0
		for _, id := range g.active(i) {
			c := &g.cells[id]
			row = max(row, g.height(c, 0, len(c.lines))+2*g.padY)
		}
		h += row
	}
	return h
}

// endBreak is where row r, placed at y with space below, breaks so that its
// last part, with its tallest cell's last lines, fits on a fresh region with
// Keep under it: Keep above the bottom here if that is enough, lower when
// the last part would not fit. ok is false when the row does not end in
// space or no break gives such a last part within the keep rules.
func (p *tablePager) endBreak(r int, y, space float64) (brk float64, ok bool) {
	g := p.g
	room := p.full - g.headH - p.reserve - 2*g.padY // inside the last part
	h := p.need(r, y)
	if room < 0 || h > space+tableEps {
		return 0, false
	}
	brk = space - p.reserve
	act := g.active(r)
	for _, id := range act {
		c := p.cellOf(id)
		s, n := p.cur[id], len(c.lines)
		if j := n - g.fitEnd(c, s, room); j > s {
			brk = max(brk, g.height(c, s, j)+2*g.padY-p.before(id, y))
		}
	}
	if brk >= h-tableEps {
		return 0, false
	}
	if _, move := p.plan(r, y, brk, true); move {
		return 0, false
	}
	text := false
	for i, id := range act {
		c := p.cellOf(id)
		from, n := g.skipSpace(c, p.cur[id]+p.cut[i]), len(c.lines)
		if g.height(c, from, n) > room+tableEps {
			return 0, false
		}
		text = text || g.texts(c, from, n) > 0
	}
	return brk, text
}

// next is a copy of the pager as it would start the next region if this one
// broke at y, for closing to look ahead. It shares partTop and partGen,
// which it only reads.
func (p *tablePager) next(y float64) *tablePager {
	q := *p
	q.cur = slices.Clone(p.cur)
	q.alt = slices.Clone(p.alt)
	q.cut, q.parts = nil, nil
	q.closeSpans(y)
	q.gen++
	q.resume()
	return &q
}

// cellOf is the cell whose lines cell id shows: its own, or its
// continuation.
func (p *tablePager) cellOf(id int) *tableCell { return &p.g.cells[p.shown(id)] }

// shown is the index of the cell whose lines cell id shows.
func (p *tablePager) shown(id int) int {
	if p.alt[id] {
		return p.g.cells[id].cont
	}
	return id
}

// resume starts a region: a cell with a continuation that goes on from an
// earlier region, all its text shown there, shows its continuation from
// the start (again on every region after). A cell whose text breaks over
// regions goes on with it: its words are printed once.
func (p *tablePager) resume() {
	g := p.g
	if p.row >= g.nrows {
		return
	}
	for _, id := range g.active(p.row) {
		c := &g.cells[id]
		if c.cont == 0 || p.partGen[id] == 0 || p.partGen[id] == p.gen {
			continue
		}
		if shown := p.cellOf(id); g.texts(shown, p.cur[id], len(shown.lines)) == 0 {
			p.alt[id], p.cur[id] = true, 0
		}
	}
}

// plan chooses where row r breaks when split at y with space left: each
// cell keeps the lines that fit above the break (trimmed for orphans and
// widows when asked), and the row part is as tall as its fullest cell. It
// advises moving the row instead when nothing would show here, or when the
// cell that needs the most of this row would show none of its lines in it.
// The choice is left in p.cut.
func (p *tablePager) plan(r int, y, space float64, orphans bool) (h float64, move bool) {
	g := p.g
	act := g.active(r)
	p.cut = p.cut[:0]
	took := false
	tall, tallNeed := -1, math.Inf(-1)
	for i, id := range act {
		c := p.cellOf(id)
		s := p.cur[id]
		before := p.before(id, y)
		k := g.fit(c, s, before+space-2*g.padY)
		if orphans {
			k = g.keep(c, s, k)
		}
		p.cut = append(p.cut, k)
		if k > 0 {
			// A cell taking no lines only needs the part height below, so
			// the part never reaches past the space.
			h = max(h, g.height(c, s, s+k)+2*g.padY-before)
		}
		if g.texts(c, s, s+k) > 0 {
			took = true
		}
		if need := g.height(c, s, len(c.lines)) + 2*g.padY - before; need > tallNeed {
			tall, tallNeed = i, need
		}
	}
	h = max(h, min(2*g.padY, max(space, 0)))
	if !took {
		return h, true
	}
	// A spanning cell's first lines sit beside the rows above; count only
	// what reaches into this row.
	id := act[tall]
	c, s, k := p.cellOf(id), p.cur[id], p.cut[tall]
	above := 0
	if before := p.before(id, y); before > 0 {
		above = min(g.fit(c, s, before-2*g.padY), k)
	}
	if g.texts(c, s+above, s+k) == 0 && g.texts(c, s+above, len(c.lines)) > 0 {
		return h, true
	}
	return h, false
}

// force plans a split of row r that makes progress whatever the space: the
// lines that fit regardless of orphans, or else the next line of text of
// every cell, overflowing the region (a line taller than a whole region).
func (p *tablePager) force(r int, y, space float64) float64 {
	g := p.g
	h, _ := p.plan(r, y, space, false)
	for i, id := range g.active(r) {
		c := p.cellOf(id)
		if g.texts(c, p.cur[id], p.cur[id]+p.cut[i]) > 0 {
			return h
		}
	}
	for i, id := range g.active(r) {
		c := p.cellOf(id)
		s, n := p.cur[id], len(c.lines)
		k := n - s // only spacing left: take it all
		if g.texts(c, s, n) > 0 {
			k = g.skipSpace(c, s) + 1 - s
		}
		p.cut[i] = k
		h = max(h, g.height(c, s, s+k)+2*g.padY-p.before(id, y))
	}
	return h
}

// open starts cell id's part in this region at y unless it already has one.
func (p *tablePager) open(id int, y float64) {
	if p.partGen[id] != p.gen {
		p.partGen[id] = p.gen
		p.partTop[id] = y
	}
}

// close ends cell id's part in this region at bottom, holding the lines up
// to to, and moves its cursor past them.
func (p *tablePager) close(id, to int, bottom float64) {
	c := p.cellOf(id)
	from := p.cur[id]
	p.parts = append(p.parts, tablePart{cell: p.shown(id), from: from, to: to, top: p.partTop[id], bottom: bottom})
	if to > from {
		p.steps++
	}
	if to < len(c.lines) {
		to = p.g.skipSpace(c, to)
	}
	p.cur[id] = to
}

// placeWhole places row r at y with height h; cells ending at r are done.
func (p *tablePager) placeWhole(r int, y, h float64) {
	g := p.g
	p.mark(r, y)
	for _, id := range g.active(r) {
		p.open(id, y)
		if c := p.cellOf(id); c.end == r {
			p.close(id, len(c.lines), y+h)
		}
	}
	p.row++
	p.steps++
}

// split places the part of row r chosen by the last plan and ends every
// active cell's part there. The row is done if its own cells are.
func (p *tablePager) split(r int, y, h float64) {
	g := p.g
	p.mark(r, y)
	done := true
	for i, id := range g.active(r) {
		p.open(id, y)
		p.close(id, p.cur[id]+p.cut[i], y+h)
		if c := p.cellOf(id); c.end == r && p.cur[id] < len(c.lines) {
			done = false
		}
	}
	if done {
		p.row++
		p.steps++
	}
}

// closeSpans ends, at a break between rows, the parts of the spanning cells
// that go on below it: each keeps the lines that fit in its rows here.
func (p *tablePager) closeSpans(y float64) {
	g := p.g
	if p.row == 0 || p.row == g.nrows {
		return
	}
	last := p.row - 1
	for _, id := range g.active(last) {
		c := p.cellOf(id)
		if c.end == last || p.partGen[id] != p.gen {
			continue
		}
		s := p.cur[id]
		k := g.keep(c, s, g.fit(c, s, y-p.partTop[id]-2*g.padY))
		p.close(id, s+k, y)
	}
}
