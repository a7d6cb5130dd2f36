package render

import "pkgen/pesan"

// A Flow places blocks one below another down the pages of a Document, and
// owns those pages: it opens them in the orientation asked, offers each
// block the room left on the current page and fresh pages after it
// (Regions), moves a block that should stay whole to a fresh page when one
// holds it, and keeps a block's end on one page with what must follow it.
//
// It is Typst's flow on a small scale. Blocks are boxes that never break,
// tables that break between and inside rows, stacks of them, and the
// capaian chart, which breaks into pages of its own. Where Typst makes a
// block sticky so that it moves on with the start of the next one, here the
// block after is what sticks (KeepWithNext): its height is reserved in the
// regions of the block before, so a table carries its last row over to the
// page of the signatures rather than leave them alone.

// Margins are the distances from the paper's edges to the room for blocks,
// mm.
type Margins struct{ Top, Right, Bottom, Left float64 }

// PageStyle is the kind of page a flow opens.
type PageStyle struct {
	Landscape bool
	Margins   Margins
}

// The pages of a PK: the portrait statement, then landscape pages for the
// lampiran, the change list and the capaian annex.
var (
	statementPage = PageStyle{Margins: statementMargins}
	lampiranPage  = PageStyle{Landscape: true, Margins: lampiranMargins}
)

// Region is the room left on the page a flow is filling: W wide from X,
// from Y down to Bottom, mm, on a page of the given orientation.
type Region struct {
	Page      int // index into Document.Pages
	X, Y, W   float64
	Bottom    float64
	Landscape bool
}

// H is the height left.
func (r Region) H() float64 { return r.Bottom - r.Y }

// Mark is a place in the document, where a block or a table row begins:
// what a bookmark points at.
type Mark struct {
	Page int
	Y    float64 // mm from the page's top
}

// Flow fills pages with blocks. Its zero value is not usable; see NewFlow.
type Flow struct {
	doc   *Document
	paper [2]float64 // portrait width and height, mm
	style PageStyle
	page  int     // the page being filled; -1 before the first
	y     float64 // top of the room left on it
	foot  float64 // room kept free above the bottom margin (the paraf table)
}

// KeepFoot keeps h mm above the bottom margin of this page and the next
// free of blocks, for what layout draws there afterwards.
func (f *Flow) KeepFoot(h float64) { f.foot = h }

// NewFlow returns a flow adding pages of the given paper (portrait width
// and height, mm) to doc.
func NewFlow(doc *Document, paper [2]float64) *Flow {
	return &Flow{doc: doc, paper: paper, page: -1}
}

// NewPage opens a page of style s; the pages the flow opens later, when
// blocks need them, have the same style.
func (f *Flow) NewPage(s PageStyle) Mark {
	f.style = s
	f.Break()
	return f.Mark()
}

// Break ends the current page and opens the next, in the current style.
func (f *Flow) Break() {
	w, h := f.size()
	f.doc.Pages = append(f.doc.Pages, Page{Width: w, Height: h})
	f.page = len(f.doc.Pages) - 1
	f.y = f.style.Margins.Top
}

// size is the paper as the current style places it.
func (f *Flow) size() (w, h float64) {
	w, h = f.paper[0], f.paper[1]
	if f.style.Landscape {
		w, h = h, w
	}
	return w, h
}

// Page is the page being filled.
func (f *Flow) Page() *Page { return &f.doc.Pages[f.page] }

// Mark is where the next block would begin if it fits in the room left.
func (f *Flow) Mark() Mark { return Mark{Page: f.page, Y: f.y} }

// Region is the room left on the current page.
func (f *Flow) Region() Region {
	p := f.Page()
	mg := f.style.Margins
	return Region{Page: f.page, X: mg.Left, Y: f.y, W: p.Width - mg.Left - mg.Right, Bottom: p.Height - mg.Bottom - f.foot,
		Landscape: f.style.Landscape}
}

// Full is the height of the room on a fresh page.
func (f *Flow) Full() float64 {
	_, h := f.size()
	mg := f.style.Margins
	return h - mg.Bottom - mg.Top - f.foot
}

// atTop reports whether nothing is placed yet on the current page.
func (f *Flow) atTop() bool { return f.y == f.style.Margins.Top }

// Space adds vertical space below what is placed. Space at the top of a
// page is dropped, and a block that moves to a fresh page leaves the space
// before it behind.
func (f *Flow) Space(h float64) {
	if !f.atTop() {
		f.y += h
	}
}

// Block is what a flow places: a Box, a *TableBlock, a Stack, a Gap, or the
// capaian chart.
type Block interface {
	// height is the block laid out in one piece w wide, mm.
	height(w float64) (float64, error)
	// flow places the block from the flow's position, leaving keep free
	// below its end where it can, and opens pages as it needs them. It
	// returns where the block begins.
	flow(f *Flow, keep float64, here bool) (Mark, error)
}

// Option changes how Place places a block.
type Option func(*placement)

type placement struct {
	next  Block
	whole bool
	tall  bool
	here  bool
	fill  bool
}

// KeepWithNext places next right after the block, its start on the page of
// the block's end: the room next takes is reserved below the block (a table
// moves its end over to a fresh page, with at least its last row part,
// rather than leave next alone).
func KeepWithNext(next Block) Option { return func(p *placement) { p.next = next } }

// KeepWhole keeps the block, and what is kept with it, on one page when a
// fresh page can hold them: it starts on a fresh page when the room left is
// too small. Taller than a page, it breaks where it is (see TallOnNewPage).
func KeepWhole() Option { return func(p *placement) { p.whole = true } }

// FillPage lets a block kept whole break where it is after all when moving
// it to a fresh page would leave more than a third of this page empty: a
// budget table kept with the closing signatures then splits rather than
// leave half a page blank (what is kept with it still takes at least its
// last row along).
func FillPage() Option { return func(p *placement) { p.fill = true } }

// TallOnNewPage starts a block kept whole but taller than a page on a fresh
// page, so that every part of it begins at the top of a page.
func TallOnNewPage() Option { return func(p *placement) { p.tall = true } }

// OnThisPage keeps the block on the current page: when it does not fit in
// the room left, Place fails with a *LayoutError instead of opening a page.
func OnThisPage() Option { return func(p *placement) { p.here = true } }

// Place puts b below what the flow holds, and what is kept with it after
// it, and returns where b begins.
func (f *Flow) Place(b Block, opts ...Option) (Mark, error) {
	var o placement
	for _, opt := range opts {
		opt(&o)
	}
	r := f.Region()
	keep := 0.0
	if o.next != nil {
		h, err := o.next.height(r.W)
		if err != nil {
			return Mark{}, err
		}
		keep = h
	}
	if o.whole || o.tall {
		h, err := b.height(r.W)
		if err != nil {
			return Mark{}, err
		}
		need := h + keep
		wasteful := o.fill && r.Bottom-f.y > f.Full()/3
		if f.y+need > r.Bottom && !f.atTop() && !o.here && (need <= f.Full() || o.tall) && !wasteful {
			f.Break()
		}
	}
	m, err := b.flow(f, keep, o.here)
	if err != nil || o.next == nil {
		return m, err
	}
	_, err = o.next.flow(f, 0, o.here)
	return m, err
}

// Box is a block that never breaks: H tall, painted by Draw with its
// top-left corner at (x, y), where Draw returns the y below it. What (a
// catalogue word: "blok tanda tangan") and From (the inputs it prints)
// make the error when it is taller than a page.
type Box struct {
	H    float64
	Draw func(p *Page, x, y float64) float64
	What string
	From []source
}

func (b Box) height(float64) (float64, error) { return b.H, nil }

// flow places the box in the room left, or at the top of a fresh page: with
// what is kept with it when that page holds both.
func (b Box) flow(f *Flow, keep float64, here bool) (Mark, error) {
	r := f.Region()
	switch {
	case here:
		if f.y+b.H > r.Bottom+tableEps {
			return Mark{}, noRoom(b.What, b.H, r.H(), b.From)
		}
	case f.atTop():
	case f.y+b.H > r.Bottom:
		f.Break()
	case keep > 0 && f.y+b.H+keep > r.Bottom && b.H+keep <= f.Full():
		f.Break() // what follows would stand alone on the next page
	}
	if full := f.Full(); b.H > full+tableEps {
		return Mark{}, tooTall(b.What, b.H, full, b.From)
	}
	m := f.Mark()
	f.y = b.Draw(f.Page(), f.Region().X, f.y)
	return m, nil
}

// Gap is vertical space inside a Stack or before a block kept with another
// (KeepWithNext(Stack{Gap(6), signatures})); at the top of a page it is
// dropped.
type Gap float64

func (g Gap) height(float64) (float64, error) { return float64(g), nil }

func (g Gap) flow(f *Flow, _ float64, _ bool) (Mark, error) {
	f.Space(float64(g))
	return f.Mark(), nil
}

// Stack is blocks placed one below another as one block: a heading and its
// table. What is kept with the stack is kept with its last block.
type Stack []Block

func (s Stack) height(w float64) (float64, error) {
	h := 0.0
	for _, b := range s {
		bh, err := b.height(w)
		if err != nil {
			return 0, err
		}
		h += bh
	}
	return h, nil
}

func (s Stack) flow(f *Flow, keep float64, here bool) (Mark, error) {
	var first Mark
	for i, b := range s {
		k := 0.0
		if i == len(s)-1 {
			k = keep
		}
		m, err := b.flow(f, k, here)
		if err != nil {
			return Mark{}, err
		}
		if i == 0 {
			first = m
		}
	}
	return first, nil
}

// TableBlock is a table in a flow, Width wide (0: the width of the region)
// and centred in it. After it is placed, Rows tells where each body row
// begins.
type TableBlock struct {
	Table *Table
	Width float64
	Rows  []Mark

	grid  *tableGrid // built once per width
	gridW float64
}

// width is the table's width in a region w wide.
func (t *TableBlock) width(w float64) float64 {
	if t.Width > 0 {
		return t.Width
	}
	return w
}

func (t *TableBlock) gridFor(w float64) (*tableGrid, error) {
	w = t.width(w)
	if t.grid == nil || t.gridW != w {
		g, err := newTableGrid(t.Table, w)
		if err != nil {
			return nil, err
		}
		t.grid, t.gridW = g, w
	}
	return t.grid, nil
}

func (t *TableBlock) height(w float64) (float64, error) {
	g, err := t.gridFor(w)
	if err != nil {
		return 0, err
	}
	return g.wholeHeight(), nil
}

// flow lays the table out over the room left and fresh pages, and places a
// fragment in each.
func (t *TableBlock) flow(f *Flow, keep float64, here bool) (Mark, error) {
	r := f.Region()
	g, err := t.gridFor(r.W)
	if err != nil {
		return Mark{}, err
	}
	lay, err := g.layout(Regions{First: r.Bottom - r.Y, Full: f.Full(), Keep: keep})
	if err != nil {
		return Mark{}, err
	}
	if here && (lay.Start > 0 || len(lay.Fragments) > 1) {
		return Mark{}, noRoom(pesan.Key("tabel"), g.wholeHeight(), r.H(), g.headSources())
	}
	x := r.X + (r.W-t.width(r.W))/2
	tops := make([]Mark, len(lay.Fragments))
	for i, fr := range lay.Fragments {
		if lay.Start+i > 0 {
			f.Break()
		}
		if full := f.Full(); fr.Height > full+tableEps {
			// Only a header (with the first lines under it) taller than a
			// page does this with text.
			return Mark{}, tooTall(pesan.Key("kepala tabel"), fr.Height, full, g.headSources())
		}
		tops[i] = f.Mark()
		f.Page().Place(fr, x, f.y)
		f.y += fr.Height
	}
	t.Rows = make([]Mark, len(lay.Rows))
	for i, m := range lay.Rows {
		top := tops[m.Fragment]
		t.Rows[i] = Mark{Page: top.Page, Y: top.Y + m.Y}
	}
	return tops[0], nil
}

// Captioned is a heading over a table (a section's "A. Sasaran Program",
// the budget table's title): the heading goes to the next page with the
// table's start rather than stand alone at the foot of a page.
type Captioned struct {
	Heading Box
	Gap     float64 // between heading and table, mm
	Table   *TableBlock
}

func (c *Captioned) height(w float64) (float64, error) {
	h, err := c.Table.height(w)
	return c.Heading.H + c.Gap + h, err
}

func (c *Captioned) flow(f *Flow, keep float64, here bool) (Mark, error) {
	if !here && !f.atTop() {
		// Would the table start under the heading, on this page? The
		// table engine answers from its first region alone: not even its
		// header and first row part fit.
		r := f.Region()
		g, err := c.Table.gridFor(r.W)
		if err != nil {
			return Mark{}, err
		}
		first := r.H() - c.Heading.H - c.Gap
		later, err := g.startsLater(Regions{First: max(first, 0), Full: f.Full(), Keep: keep})
		if err != nil {
			return Mark{}, err
		}
		if first <= 0 || later {
			f.Break()
		}
	}
	m, err := c.Heading.flow(f, 0, here)
	if err != nil {
		return Mark{}, err
	}
	f.Space(c.Gap)
	if _, err := c.Table.flow(f, keep, here); err != nil {
		return Mark{}, err
	}
	return m, nil
}
