package render

import (
	"cmp"
	"slices"
)

// tableSeg is one edge of a cell part: at is its y (horizontal) or x
// (vertical), a..b its extent.
type tableSeg struct{ at, a, b float64 }

// compose turns the header and the body parts placed in one region into a
// fragment height tall.
func (g *tableGrid) compose(parts []tablePart, height float64) Fragment {
	texts, rects := 0, 0
	count := func(cells []tableCell, parts []tablePart) {
		for _, pt := range parts {
			c := &cells[pt.cell]
			for _, ln := range c.lines[pt.from:pt.to] {
				texts += len(ln.Runs)
			}
			if c.fill >= 0 {
				rects++
			}
		}
	}
	count(g.head, g.headParts)
	count(g.cells, parts)
	f := Fragment{
		Width:  g.width,
		Height: height,
		Texts:  make([]Text, 0, texts+pageAfter),
		Rects:  make([]Rect, 0, rects+pageAfter),
		Frames: make([]Frame, 0, len(g.headParts)+len(parts)+pageAfter),
	}
	g.countEdges(parts)
	for _, pt := range g.headParts {
		g.emit(&f, &g.head[pt.cell], pt)
	}
	// Emit body parts in reading order (top, then column), so a spanning
	// cell's text comes before the cells beside it in the content stream and
	// text extraction reads rows as a person does.
	parts = slices.Clone(parts)
	slices.SortStableFunc(parts, func(a, b tablePart) int {
		return cmp.Or(cmp.Compare(a.top, b.top), cmp.Compare(g.cells[a.cell].col, g.cells[b.cell].col))
	})
	for _, pt := range parts {
		g.emit(&f, &g.cells[pt.cell], pt)
	}
	f.Lines = g.strokes()
	return f
}

// emit adds one cell part: its frame, its fill, its text and its edges.
func (g *tableGrid) emit(f *Fragment, c *tableCell, pt tablePart) {
	x0, x1 := g.colX[c.col], g.colX[c.col+c.span]
	f.Frames = append(f.Frames, Frame{X: x0, Y: pt.top, W: x1 - x0, H: pt.bottom - pt.top, Kind: c.kind})
	frame := len(f.Frames)
	if c.fill >= 0 {
		f.Rects = append(f.Rects, Rect{X: x0, Y: pt.top, W: x1 - x0, H: pt.bottom - pt.top, Fill: c.fill, Color: c.color})
	}
	y := pt.top + g.padY
	if c.middle {
		if extra := pt.bottom - pt.top - 2*g.padY - g.height(c, pt.from, pt.to); extra > 0 {
			y += extra / 2
		}
	}
	for i := pt.from; i < pt.to; i++ {
		ln := &c.lines[i]
		for j := range ln.Runs {
			r := &ln.Runs[j]
			f.Texts = append(f.Texts, Text{
				X: x0 + g.padX + r.X, Y: y + ln.Ascent,
				Style: r.Style, Size: r.Size, S: r.Text, Width: r.Width,
				Underline: r.Underline, Frame: frame,
			})
		}
		y += ln.Height
	}
	g.hsegs = append(g.hsegs, tableSeg{at: pt.top, a: x0, b: x1}, tableSeg{at: pt.bottom, a: x0, b: x1})
	for _, e := range [2]int{c.col, c.col + c.span} {
		g.vsegs[g.edges[e]] = tableSeg{at: g.colX[e], a: pt.top, b: pt.bottom}
		g.edges[e]++
	}
}

// countEdges makes room for the edges of the header and body parts: the
// vertical ones counted by column edge, so that emit puts each in its
// column's place (colX rises strictly, so that orders them by x).
func (g *tableGrid) countEdges(parts []tablePart) {
	n := len(g.colX)
	g.edges = slices.Grow(g.edges[:0], n+1)[:n+1]
	clear(g.edges)
	for _, ps := range [2]struct {
		cells []tableCell
		parts []tablePart
	}{{g.head, g.headParts}, {g.cells, parts}} {
		for _, pt := range ps.parts {
			c := &ps.cells[pt.cell]
			g.edges[c.col+1]++
			g.edges[c.col+c.span+1]++
		}
	}
	for i := 1; i <= n; i++ {
		g.edges[i] += g.edges[i-1]
	}
	m := 2 * (len(g.headParts) + len(parts))
	g.hsegs = slices.Grow(g.hsegs[:0], m)
	g.vsegs = slices.Grow(g.vsegs[:0], m)[:m]
}

// strokes merges the edges of all parts into as few lines as cover them, so
// an edge shared by two cells is stroked once: the horizontal ones ordered
// by y then x, the vertical ones by x then y. Edges equal in both may come
// in any order, since merging them gives the same line.
func (g *tableGrid) strokes() []Line {
	if g.border <= 0 || len(g.hsegs) == 0 {
		return nil
	}
	// The edges are finite (tableFinite), so plain comparisons order them
	// as cmp.Compare would, without its NaN checks: this sort was a tenth
	// of a seed render's CPU time.
	slices.SortFunc(g.hsegs, func(s, t tableSeg) int {
		switch {
		case s.at < t.at:
			return -1
		case s.at > t.at:
			return 1
		case s.a < t.a:
			return -1
		case s.a > t.a:
			return 1
		}
		return 0
	})
	hs, vs := mergeSegs(g.hsegs), mergeSegs(g.sortVertical())
	lines := make([]Line, 0, len(hs)+len(vs))
	for _, s := range hs {
		if s.b-s.a > tableEps { // else a zero-width part's edge: nothing to stroke
			lines = append(lines, Line{X1: s.a, Y1: s.at, X2: s.b, Y2: s.at, Width: g.border})
		}
	}
	for _, s := range vs {
		if s.b-s.a > tableEps {
			lines = append(lines, Line{X1: s.at, Y1: s.a, X2: s.at, Y2: s.b, Width: g.border})
		}
	}
	return lines
}

// sortVertical orders the vertical edges by x, then y: emit placed them by
// column edge; within one they come nearly sorted by y already (parts are
// emitted top to bottom), which insertion sorts in about one pass.
func (g *tableGrid) sortVertical() []tableSeg {
	start := 0
	for _, end := range g.edges[:len(g.colX)] {
		col := g.vsegs[start:end]
		for i := 1; i < len(col); i++ {
			for j := i; j > 0 && col[j].a < col[j-1].a; j-- {
				col[j], col[j-1] = col[j-1], col[j]
			}
		}
		start = end
	}
	return g.vsegs
}

// mergeSegs merges sorted edges of one direction in place: an edge on the
// line of the one before (within 1e-6 mm) that touches or overlaps it.
func mergeSegs(segs []tableSeg) []tableSeg {
	n := 0
	for _, s := range segs {
		if n > 0 {
			last := &segs[n-1]
			if s.at-last.at <= 1e-6 && s.a <= last.b+1e-6 {
				last.a, last.b = min(last.a, s.a), max(last.b, s.b)
				continue
			}
		}
		segs[n] = s
		n++
	}
	return segs[:n]
}
