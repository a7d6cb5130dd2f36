package pohon

// A tidy tree, Reingold–Tilford style without the spreading of inner
// subtrees: each subtree is laid out on its own, siblings are pushed right
// until their contours (the leftmost and rightmost box centre on each
// level) clear the ones before by a box and a gap, and a parent is
// centred over its first and last child. Boxes have one width, so a
// contour is two numbers per level.

// contour holds, per level below a subtree's root (0 = the root), the
// smallest and largest box centre relative to the root's centre.
type contour struct{ lo, hi []float64 }

// geometry is a page's forest placed: x centres from the forest's left
// edge, row tops from the area's top.
type geometry struct {
	w, h   float64
	x      map[*Node]float64
	level  map[*Node]int
	rowY   []float64
	rowH   []float64
	groups []groupGeometry
	marksY float64 // the top of the continuation marks under the last level
	cut    []*Node // nodes at the last level whose children are elsewhere
}

// groupGeometry is where a group's stub and side mark go.
type groupGeometry struct {
	stubX        float64 // the stub's centre, when the group has one
	sideX, sideW float64 // the side mark's centre and width, when the run goes on
}

type tidy struct {
	l     *layouter
	g     *group
	depth int
	step  float64 // centre to centre of two neighbours
	rel   map[*Node]float64
}

// subtree lays out n's subtree, cut below level depth-1, and records each
// child's centre relative to its parent.
func (t *tidy) subtree(n *Node, level int) contour {
	kids := t.g.children(n)
	if level+1 >= t.depth || len(kids) == 0 {
		return contour{lo: []float64{0}, hi: []float64{0}}
	}
	offs, acc := t.row(kids, level+1)
	mid := (offs[0] + offs[len(offs)-1]) / 2
	for i, c := range kids {
		t.rel[c] = offs[i] - mid
	}
	out := contour{lo: make([]float64, 1, len(acc.lo)+1), hi: make([]float64, 1, len(acc.hi)+1)}
	for i := range acc.lo {
		out.lo = append(out.lo, acc.lo[i]-mid)
		out.hi = append(out.hi, acc.hi[i]-mid)
	}
	return out
}

// row places siblings side by side; it returns each one's centre relative
// to the first's and the contour of all of them.
func (t *tidy) row(nodes []*Node, level int) ([]float64, contour) {
	offs := make([]float64, len(nodes))
	var acc contour
	for i, c := range nodes {
		cc := t.subtree(c, level)
		if i == 0 {
			acc = cc
			continue
		}
		off := -1e18
		for d := 0; d < len(cc.lo) && d < len(acc.hi); d++ {
			off = max(off, acc.hi[d]-cc.lo[d]+t.step)
		}
		offs[i] = off
		for d := range cc.lo {
			if d < len(acc.lo) {
				acc.lo[d] = min(acc.lo[d], cc.lo[d]+off)
				acc.hi[d] = max(acc.hi[d], cc.hi[d]+off)
			} else {
				acc.lo = append(acc.lo, cc.lo[d]+off)
				acc.hi = append(acc.hi, cc.hi[d]+off)
			}
		}
	}
	return offs, acc
}

// groupGap separates two groups side by side, mm.
const groupGap = 10.0

// place lays out a page's groups side by side and measures them.
func (l *layouter) place(pg *pagePlan) *geometry {
	bw := l.o.BoxWidth
	g := &geometry{x: map[*Node]float64{}, level: map[*Node]int{}}
	levels, side := 0, false
	left := 0.0
	for gi, gr := range pg.groups {
		if gi > 0 {
			left += groupGap
		}
		depth := min(gr.depth, l.maxLevels)
		t := &tidy{l: l, g: &gr, depth: depth, step: bw + hGap, rel: map[*Node]float64{}}
		offs, acc := t.row(gr.roots, 0)
		lo, hi := acc.lo[0], acc.hi[0]
		for d := range acc.lo {
			lo, hi = min(lo, acc.lo[d]), max(hi, acc.hi[d])
		}
		right := hi + bw/2
		var gg groupGeometry
		if gr.next && gr.stub != nil {
			side = true
			gg.sideW = l.sideWidth()
			gg.sideX = acc.hi[0] + bw/2 + hGap + gg.sideW/2
			right = max(right, gg.sideX+gg.sideW/2)
		}
		if gr.open != nil {
			// The open node's side mark, right of its children.
			side = true
			gg.sideW = l.sideWidth()
			gg.sideX = acc.hi[1] + bw/2 + hGap + gg.sideW/2
			right = max(right, gg.sideX+gg.sideW/2)
		}
		shift := left - (lo - bw/2)
		gg.stubX = (offs[0]+offs[len(offs)-1])/2 + shift
		gg.sideX += shift
		g.groups = append(g.groups, gg)
		left = right + shift

		var set func(n *Node, x float64, level int)
		set = func(n *Node, x float64, level int) {
			g.x[n], g.level[n] = x, level
			levels = max(levels, level+1)
			if level+1 < depth {
				for _, c := range gr.children(n) {
					set(c, x+t.rel[c], level+1)
				}
			} else if len(n.Children) > 0 {
				g.cut = append(g.cut, n)
			}
		}
		for i, r := range gr.roots {
			set(r, offs[i]+shift, 0)
		}
	}
	g.w = left

	// Rows: each as tall as its tallest box, under the tallest stub.
	g.rowH = make([]float64, levels)
	for n := range g.x {
		g.rowH[g.level[n]] = max(g.rowH[g.level[n]], l.boxes[n].h)
	}
	if side {
		for _, gr := range pg.groups {
			if gr.open != nil {
				g.rowH[1] = max(g.rowH[1], l.markH)
			} else if gr.next && gr.stub != nil {
				g.rowH[0] = max(g.rowH[0], l.markH)
			}
		}
	}
	y := 0.0
	for _, gr := range pg.groups {
		if gr.stub != nil {
			y = max(y, l.stubH[gr.stub]+vGap)
		}
	}
	g.rowY = make([]float64, levels)
	for i := range g.rowH {
		g.rowY[i] = y
		y += g.rowH[i] + vGap
	}
	y -= vGap
	g.marksY = y + markGap
	if len(g.cut) > 0 {
		y = g.marksY + l.markH
	}
	g.h = y
	return g
}
