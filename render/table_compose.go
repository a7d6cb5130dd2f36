package render

import (
	"cmp"
	"slices"
)

// tableSeg is one edge of a cell part: at is its y (horizontal) or x
// (vertical), a..b its extent.
type tableSeg struct {
	vert     bool
	at, a, b float64
}

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
	segs := g.segs[:0]
	for _, pt := range g.headParts {
		segs = g.emit(&f, &g.head[pt.cell], pt, segs)
	}
	// Emit body parts in reading order (top, then column), so a spanning
	// cell's text comes before the cells beside it in the content stream and
	// text extraction reads rows as a person does.
	parts = slices.Clone(parts)
	slices.SortStableFunc(parts, func(a, b tablePart) int {
		return cmp.Or(cmp.Compare(a.top, b.top), cmp.Compare(g.cells[a.cell].col, g.cells[b.cell].col))
	})
	for _, pt := range parts {
		segs = g.emit(&f, &g.cells[pt.cell], pt, segs)
	}
	f.Lines = g.strokes(segs)
	g.segs = segs
	return f
}

// emit adds one cell part: its frame, its fill, its text and its edges.
func (g *tableGrid) emit(f *Fragment, c *tableCell, pt tablePart, segs []tableSeg) []tableSeg {
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
	return append(segs,
		tableSeg{at: pt.top, a: x0, b: x1},
		tableSeg{at: pt.bottom, a: x0, b: x1},
		tableSeg{vert: true, at: x0, a: pt.top, b: pt.bottom},
		tableSeg{vert: true, at: x1, a: pt.top, b: pt.bottom},
	)
}

// strokes merges the edges of all parts into as few lines as cover them, so
// an edge shared by two cells is stroked once.
func (g *tableGrid) strokes(segs []tableSeg) []Line {
	if g.border <= 0 || len(segs) == 0 {
		return nil
	}
	// The edges are finite (tableFinite), so plain comparisons order them
	// as cmp.Compare would, without its NaN checks: this sort was a tenth
	// of a seed render's CPU time.
	slices.SortFunc(segs, func(s, t tableSeg) int {
		switch {
		case s.vert != t.vert:
			if s.vert {
				return 1
			}
			return -1
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
	n := 0
	for _, s := range segs {
		if n > 0 {
			last := &segs[n-1]
			if last.vert == s.vert && s.at-last.at <= 1e-6 && s.a <= last.b+1e-6 {
				last.a, last.b = min(last.a, s.a), max(last.b, s.b)
				continue
			}
		}
		segs[n] = s
		n++
	}
	lines := make([]Line, 0, n)
	for _, s := range segs[:n] {
		switch {
		case s.b-s.a <= tableEps:
			// A zero-height part's sides: nothing to stroke.
		case s.vert:
			lines = append(lines, Line{X1: s.at, Y1: s.a, X2: s.at, Y2: s.b, Width: g.border})
		default:
			lines = append(lines, Line{X1: s.a, Y1: s.at, X2: s.b, Y2: s.at, Width: g.border})
		}
	}
	return lines
}
