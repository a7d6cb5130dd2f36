package pohon

import (
	"math"

	"pkgen/fonts"
	"pkgen/render"
)

// Page geometry, mm.
const (
	hGap     = 4.0 // between two boxes side by side
	vGap     = 9.0 // between two levels: the connectors' room
	markGap  = 3.0 // between the last level and the continuation marks
	titleGap = 4.0 // under the title block
	footGap  = 3.0 // above the legend
)

// full is a depth deeper than any tree: whole subtrees.
const full = math.MaxInt32

// layouter holds the measured boxes and the page plan of one tree.
type layouter struct {
	t  *Tree
	o  Options
	bm boxMaker

	pageW, pageH         float64
	areaX, areaY         float64 // the tree's area on every page
	areaW, areaH         float64
	title                *art
	stubH                map[*Node]float64
	stubMax              float64
	markH                float64
	boxes                map[*Node]*art
	depth                map[*Node]int // levels in the node's subtree
	maxLevels            int           // more levels than a page can hold
	pages                []pagePlan
	pageOf               map[*Node]int    // the page of the node's full box
	cont                 map[*Node][2]int // the pages its children are on
	legend               *art
	legendUsesCategories bool
}

// pagePlan is what one page holds: groups side by side.
type pagePlan struct{ groups []group }

// group is the parent of some boxes, drawn as a stub (nil for roots), a
// run of its children drawn depth levels deep, and whether the run goes
// on to the next page.
type group struct {
	stub  *Node
	roots []*Node
	depth int
	next  bool
	// open, when set, is the group's one root shown with only its first
	// children, kids; the others continue on the next page.
	open *Node
	kids []*Node
}

// children are the children of n drawn in the group.
func (g *group) children(n *Node) []*Node {
	if n == g.open {
		return g.kids
	}
	return n.Children
}

// job is a run of siblings still to place, with their parent.
type job struct {
	parent *Node
	sibs   []*Node
}

func newLayouter(t *Tree, o Options) *layouter {
	l := &layouter{t: t, o: o,
		pageW: o.Paper[0], pageH: o.Paper[1],
		stubH: map[*Node]float64{}, boxes: map[*Node]*art{}, depth: map[*Node]int{},
		pageOf: map[*Node]int{}, cont: map[*Node][2]int{}}
	l.bm = boxMaker{p: o.Printer, w: o.BoxWidth, minSize: o.MinSize}
	return l
}

// measure makes the title, the legend and every box, and fixes the
// tree's area: what is left of the page between them.
func (l *layouter) measure() error {
	o := l.o
	bands := o.Kategori
	used := false
	l.walk(func(n *Node) {
		for _, s := range n.Sasaran {
			for _, ind := range s.Indikator {
				used = used || ind.Kategori != ""
			}
		}
	})
	if bands == nil {
		bands = defaultBands()
	}
	l.bm.colors = render.KategoriColors(bands)
	l.legendUsesCategories = used || o.Kategori != nil

	l.title = l.titleArt()
	l.legend = l.legendArt(bands)
	m := o.Margins
	l.areaX, l.areaW = m.Left, l.pageW-m.Left-m.Right
	l.areaY = m.Top + l.title.h + titleGap
	l.areaH = l.pageH - m.Bottom - l.legend.h - footGap - l.areaY

	l.markH = height(l.bm.lines(l.o.Printer.Sprintf("lanjut di halaman %s", "9999–9999"), fonts.Italic, render.AlignCenter, o.BoxWidth-2*pad, o.Size)) + 2*0.8
	l.walk(func(n *Node) {
		if len(n.Children) > 0 {
			l.stubH[n] = l.stubArt(n, 9999).h
			l.stubMax = max(l.stubMax, l.stubH[n])
		}
	})
	maxH := l.areaH - l.stubMax - vGap - markGap - l.markH
	if maxH < 30 {
		return l.tooSmall()
	}
	if k := float64(o.Levels); k > 1 {
		if per := (l.areaH-l.stubMax-markGap-l.markH)/k - vGap; per >= 30 {
			maxH = min(maxH, per)
		}
	}
	var err error
	l.walk(func(n *Node) {
		if err != nil {
			return
		}
		l.boxes[n], err = l.bm.node(n, o, maxH)
	})
	if err != nil {
		return err
	}
	for _, r := range l.t.Roots {
		l.depthOf(r)
	}
	// No page holds more levels than the lowest boxes stacked: a deeper
	// layout is never tried further than one level past that.
	low := maxH
	for _, a := range l.boxes {
		low = min(low, a.h)
	}
	l.maxLevels = int((l.areaH+vGap)/(low+vGap)) + 1
	return nil
}

func (l *layouter) depthOf(n *Node) int {
	d := 0
	for _, c := range n.Children {
		d = max(d, l.depthOf(c))
	}
	l.depth[n] = d + 1
	return d + 1
}

// walk visits every node, parents first, in order.
func (l *layouter) walk(f func(*Node)) {
	var rec func(n *Node)
	rec = func(n *Node) {
		f(n)
		for _, c := range n.Children {
			rec(c)
		}
	}
	for _, r := range l.t.Roots {
		rec(r)
	}
}

// paginate cuts the tree into pages, level by level: a queue of runs of
// siblings, each page starting with the next run (as much of it as fits,
// the rest going on the next page) and taking the following runs whole
// while they fit beside it. The children of a node cut at a page's last
// level join the queue.
func (l *layouter) paginate() {
	queue := []job{{nil, l.t.Roots}}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		var pg pagePlan
		k, d := l.choose(&pg, j.parent, j.sibs)
		if g, ok := l.opened(j, k, d); ok {
			// Only the node fits, not its children: it goes with as many
			// of them as fit, the rest on the next pages under its stub.
			pg.groups = append(pg.groups, g)
			queue = append([]job{{g.open, g.open.Children[len(g.kids):]}}, queue...)
		} else if pg.groups = append(pg.groups, group{stub: j.parent, roots: j.sibs[:k], depth: d, next: k < len(j.sibs)}); k < len(j.sibs) {
			queue = append([]job{{j.parent, j.sibs[k:]}}, queue...)
		} else {
			for len(queue) > 0 {
				nj := queue[0]
				d := l.whole(&pg, nj)
				if d == 0 {
					break
				}
				pg.groups = append(pg.groups, group{stub: nj.parent, roots: nj.sibs, depth: d})
				queue = queue[1:]
			}
		}
		p := len(l.pages)
		l.pages = append(l.pages, pg)
		for _, g := range pg.groups {
			if g.stub != nil {
				c, ok := l.cont[g.stub]
				if !ok {
					c[0] = p
				}
				c[1] = p
				l.cont[g.stub] = c
			}
			g.forEach(func(n *Node, level int) {
				l.pageOf[n] = p
				if level == g.depth-1 && len(n.Children) > 0 {
					queue = append(queue, job{n, n.Children})
				}
			})
		}
	}
}

// forEach visits the nodes of a group, parents first, with their level.
func (g *group) forEach(f func(n *Node, level int)) {
	var rec func(n *Node, level int)
	rec = func(n *Node, level int) {
		f(n, level)
		if level+1 < g.depth {
			for _, c := range g.children(n) {
				rec(c, level+1)
			}
		}
	}
	for _, r := range g.roots {
		rec(r, 0)
	}
}

// opened is the group of a job's one node whose children do not all fit
// below it (choose gave the node alone): the node with its first
// children, as deep and as many as fit.
func (l *layouter) opened(j job, k, d int) (group, bool) {
	if k != 1 || d != 1 || len(j.sibs) != 1 || len(j.sibs[0].Children) < 2 {
		return group{}, false
	}
	n := j.sibs[0]
	for d := l.depth[n]; d >= 2; d-- {
		kk := 0
		for kk+1 < len(n.Children) {
			g := group{stub: j.parent, roots: j.sibs, depth: d, open: n, kids: n.Children[:kk+1]}
			if !l.fits(&pagePlan{}, g) {
				break
			}
			kk++
		}
		if kk > 0 {
			return group{stub: j.parent, roots: j.sibs, depth: d, open: n, kids: n.Children[:kk]}, true
		}
	}
	return group{}, false
}

// choose picks how many of sibs start a page and how deep: as many whole
// subtrees as fit; else the deepest cut of the first that fits, with as
// many of its siblings as fit at that depth.
func (l *layouter) choose(pg *pagePlan, parent *Node, sibs []*Node) (k, depth int) {
	if k := l.prefix(pg, parent, sibs, full); k > 0 {
		return k, full
	}
	for d := l.depth[sibs[0]] - 1; d >= 1; d-- {
		if k := l.prefix(pg, parent, sibs, d); k > 0 {
			return k, d
		}
	}
	return 1, 1 // measure made every box fit alone; not reached
}

// whole is the deepest depth at which all of a job's siblings fit beside
// the page's groups; 0 if none.
func (l *layouter) whole(pg *pagePlan, j job) int {
	d := full
	for {
		if l.fits(pg, group{stub: j.parent, roots: j.sibs, depth: d}) {
			return d
		}
		if d == full {
			d = 0
			for _, s := range j.sibs {
				d = max(d, l.depth[s])
			}
		}
		if d--; d < 1 {
			return 0
		}
	}
}

// prefix is the largest k such that sibs[:k], depth levels deep, fit on
// the page.
func (l *layouter) prefix(pg *pagePlan, parent *Node, sibs []*Node, depth int) int {
	k := 0
	for k < len(sibs) {
		if !l.fits(pg, group{stub: parent, roots: sibs[:k+1], depth: depth, next: k+1 < len(sibs)}) {
			break
		}
		k++
	}
	return k
}

// fits reports whether the page with one more group fits the tree's area.
func (l *layouter) fits(pg *pagePlan, g group) bool {
	try := pagePlan{groups: append(pg.groups[:len(pg.groups):len(pg.groups)], g)}
	geo := l.place(&try)
	return geo.w <= l.areaW+1e-9 && geo.h <= l.areaH+1e-9
}
