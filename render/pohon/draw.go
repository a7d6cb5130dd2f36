package pohon

import (
	"strconv"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
)

// Sizes of the page's own texts, pt.
const (
	sizeTitle    = 12.0
	sizeSubtitle = 9.5
	sizeFoot     = 7.0
)

// Frame kinds of the boxes this package places (render.Frame.Kind).
const (
	FrameNode   = "pohon-node"
	FrameStub   = "pohon-stub"
	FrameMark   = "pohon-mark"
	FrameTitle  = "pohon-title"
	FrameLegend = "pohon-legend"
	FrameFolio  = "folio"
)

func defaultBands() []model.PitaKategori { return model.KategoriBawaan() }

func (l *layouter) tooSmall() error {
	return pesan.Errorf("pohon: kertas %.0f×%.0f mm terlalu kecil untuk kotak selebar %.0f mm dengan tepi ini", l.pageW, l.pageH, l.o.BoxWidth)
}

// titleArt is the title block: the first line large, the others smaller,
// all bold and centred.
func (l *layouter) titleArt() *art {
	w := l.pageW - l.o.Margins.Left - l.o.Margins.Right
	a := &art{w: w}
	title := l.t.Title
	if len(title) == 0 {
		title = []string{l.o.Printer.Sprintf("POHON KINERJA")}
	}
	y := 0.0
	for i, s := range title {
		size := sizeSubtitle
		if i == 0 {
			size = sizeTitle
		}
		y = a.addLines(l.bm.lines(s, fonts.Bold, render.AlignCenter, w, size), 0, y)
	}
	a.h = y
	return a
}

// legendArt is the key at the foot of every page, left of the page
// number: the warning marks, the continuation marks and, when indicators
// carry a category, its colours.
func (l *layouter) legendArt(bands []model.PitaKategori) *art {
	p := l.o.Printer
	folioW := l.m().Width(fonts.Regular, sizeFoot, p.Sprintf("Halaman %d dari %d", 9999, 9999)) + 4
	w := l.pageW - l.o.Margins.Left - l.o.Margins.Right - folioW
	a := &art{w: w}
	lineH := sizeFoot * leading * render.PtToMM
	sw := lineH * 0.8 // a swatch's side
	x, y := 0.0, 0.0
	// put adds a swatch (drawn by mark at its top-left) and its text,
	// wrapping to a new line when the pair does not fit.
	put := func(mark func(x, y float64) float64, text string, style fonts.Style) {
		tw := l.m().Width(style, sizeFoot, text)
		need := tw
		if mark != nil {
			need += sw + 1
		}
		if x > 0 && x+need > w {
			x, y = 0, y+lineH+0.6
		}
		if mark != nil {
			x += mark(x, y+(lineH-sw)/2) + 1
		}
		a.addLines(l.bm.lines(text, style, render.AlignLeft, max(w-x, tw+0.01), sizeFoot), x, y)
		x += tw + 4
	}
	swatch := func(fill render.RGB, stroke float64, bang bool) func(x, y float64) float64 {
		return func(x, y float64) float64 {
			c := fill
			a.rects = append(a.rects, render.Rect{X: x, Y: y, W: sw, H: sw, Fill: 1, Color: &c, Stroke: stroke})
			if bang {
				ls := l.bm.lines("!", fonts.Bold, render.AlignCenter, sw, sizeFoot)
				a.addLines(ls, x, y+(sw-height(ls))/2)
			}
			return sw
		}
	}
	grey := uint8(stubFill * 255)
	put(nil, p.Sprintf("Keterangan:"), fonts.Bold)
	put(swatch(warnStrong, thinLine, true), p.Sprintf("PK dengan peringatan (bingkai tebal; peringatannya di bawah kotak)"), fonts.Regular)
	put(func(x, y float64) float64 {
		ls := l.bm.lines("!", fonts.Bold, render.AlignCenter, sw, sizeFoot)
		a.addLines(ls, x, y+(sw-height(ls))/2)
		return sw
	}, p.Sprintf("indikator dengan peringatan"), fonts.Regular)
	put(swatch(render.RGB{R: grey, G: grey, B: grey}, thinLine, false), p.Sprintf("rujukan ke halaman lain (lanjut di / dari halaman N)"), fonts.Regular)
	if l.legendUsesCategories {
		put(nil, p.Sprintf("Kategori capaian:"), fonts.Bold)
		colors := render.KategoriColors(bands)
		for _, b := range bands {
			put(swatch(render.Tint(colors[b.Nama]), thinLine/2, false), b.Nama, fonts.Regular)
		}
	}
	a.h = y + lineH
	return a
}

func (l *layouter) m() *render.Measurer { return &l.bm.m }

// stubArt is the small box standing for a parent drawn on another page:
// its unit, and the page of its full box.
func (l *layouter) stubArt(n *Node, from int) *art {
	bw := l.o.BoxWidth
	a := &art{w: bw}
	y := a.addLines(l.bm.lines(n.Unit, fonts.Bold, render.AlignCenter, bw-2*pad, l.o.Size), pad, 0.8)
	y = a.addLines(l.bm.lines(l.o.Printer.Sprintf("(dari halaman %d)", from+1), fonts.Italic, render.AlignCenter, bw-2*pad, l.o.Size), pad, y)
	a.h = y + 0.8
	a.rects = append([]render.Rect{{W: bw, H: a.h, Fill: stubFill, Stroke: thinLine}}, a.rects...)
	return a
}

// markArt is a continuation mark: "lanjut di halaman N" (or N–M), at
// most a box wide, l.markH tall.
func (l *layouter) markArt(first, last int) *art {
	pages := strconv.Itoa(first + 1)
	if last > first {
		pages += "–" + strconv.Itoa(last+1)
	}
	s := l.o.Printer.Sprintf("lanjut di halaman %s", pages)
	w := min(l.m().Width(fonts.Italic, l.o.Size, s)+2*pad+0.2, l.o.BoxWidth)
	a := &art{w: w, h: l.markH}
	a.rects = append(a.rects, render.Rect{W: w, H: a.h, Fill: stubFill, Stroke: thinLine})
	ls := l.bm.lines(s, fonts.Italic, render.AlignCenter, w-2*pad, l.o.Size)
	a.addLines(ls, pad, (a.h-height(ls))/2)
	return a
}

// sideWidth is the width of the widest side mark the pages may need: a
// page holds at least one full box, so there are no more pages than nodes.
func (l *layouter) sideWidth() float64 {
	n := l.maxPage()
	return l.markArt(n-1, n).w
}

// maxPage bounds the page count: every page holds a node's full box.
func (l *layouter) maxPage() int { return len(l.boxes) }

// draw lays out every planned page.
func (l *layouter) draw() (*Result, error) {
	doc := &render.Document{Meta: l.o.Meta}
	res := &Result{Document: doc}
	n := len(l.pages)
	for i := range l.pages {
		doc.Pages = append(doc.Pages, render.Page{Width: l.pageW, Height: l.pageH})
		p := &doc.Pages[i]
		m := l.o.Margins
		put(p, l.title, m.Left, m.Top, FrameTitle)
		l.drawTree(p, i, res)
		fy := l.pageH - m.Bottom - l.legend.h
		put(p, l.legend, m.Left, fy, FrameLegend)
		folio := l.bm.lines(l.o.Printer.Sprintf("Halaman %d dari %d", i+1, n), fonts.Regular, render.AlignRight, l.pageW-m.Left-m.Right-l.legend.w, sizeFoot)
		fa := &art{w: l.pageW - m.Left - m.Right - l.legend.w, h: height(folio)}
		fa.addLines(folio, 0, 0)
		put(p, fa, m.Left+l.legend.w, l.pageH-m.Bottom-fa.h, FrameFolio)
	}
	return res, nil
}

// put copies a drawing onto a page at (x, y) inside a frame of its own.
func put(p *render.Page, a *art, x, y float64, kind string) {
	p.Frames = append(p.Frames, render.Frame{X: x, Y: y, W: a.w, H: a.h, Kind: kind})
	f := len(p.Frames)
	for _, r := range a.rects {
		r.X, r.Y = r.X+x, r.Y+y
		p.Rects = append(p.Rects, r)
	}
	for _, ln := range a.lines {
		ln.X1, ln.Y1, ln.X2, ln.Y2 = ln.X1+x, ln.Y1+y, ln.X2+x, ln.Y2+y
		p.Lines = append(p.Lines, ln)
	}
	for _, t := range a.texts {
		t.X, t.Y, t.Frame = t.X+x, t.Y+y, f
		p.Texts = append(p.Texts, t)
	}
}

// pageDrawer draws one page's tree.
type pageDrawer struct {
	l      *layouter
	p      *render.Page
	i      int
	res    *Result
	g      *geometry
	x0, y0 float64 // the forest's top-left corner on the page
}

func (d *pageDrawer) link(x1, y1, x2, y2 float64) {
	d.p.Lines = append(d.p.Lines, render.Line{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: thinLine})
}

// fan joins a parent's bottom centre to its children's top centres
// through a bus halfway down the gap.
func (d *pageDrawer) fan(px, pBottom float64, cxs []float64, cTop float64) {
	if len(cxs) == 1 && cxs[0] == px {
		d.link(px, pBottom, px, cTop)
		return
	}
	bus := cTop - vGap/2
	d.link(px, pBottom, px, bus)
	lo, hi := px, px
	for _, cx := range cxs {
		lo, hi = min(lo, cx), max(hi, cx)
	}
	d.link(lo, bus, hi, bus)
	for _, cx := range cxs {
		d.link(cx, bus, cx, cTop)
	}
}

// place puts a box centred on cx with its top at y, and records it.
func (d *pageDrawer) place(a *art, cx, y float64, kind Kind, frame, id string, from, to int) {
	x := cx - a.w/2
	put(d.p, a, x, y, frame)
	d.res.Boxes = append(d.res.Boxes, Placed{Page: d.i, Kind: kind, ID: id, X: x, Y: y, W: a.w, H: a.h, From: from, To: to})
}

func (d *pageDrawer) rowTop(level int) float64 { return d.y0 + d.g.rowY[level] }

// drawTree draws page i's groups, their stubs, marks and connectors,
// centred in the tree's area.
func (l *layouter) drawTree(p *render.Page, i int, res *Result) {
	pg := &l.pages[i]
	g := l.place(pg)
	d := &pageDrawer{l: l, p: p, i: i, res: res, g: g, x0: l.areaX + (l.areaW-g.w)/2, y0: l.areaY}
	for gi, gr := range pg.groups {
		if gr.stub != nil {
			d.stub(gr, g.groups[gi])
		}
		gg := g.groups[gi]
		gr.forEach(func(n *Node, level int) {
			a := l.boxes[n]
			x := d.x0 + g.x[n]
			d.place(a, x, d.rowTop(level), KindNode, FrameNode, n.ID, i, i)
			kids := gr.children(n)
			if level+1 < gr.depth && len(kids) > 0 {
				cxs := make([]float64, len(kids))
				for j, c := range kids {
					cxs[j] = d.x0 + g.x[c]
				}
				if n == gr.open {
					// The rest of its children: the bus leads on to the side mark.
					cxs = append(cxs, d.x0+gg.sideX)
					c := l.cont[n]
					d.place(l.markArt(c[0], c[1]), d.x0+gg.sideX, d.rowTop(1), KindMark, FrameMark, n.ID, c[0], c[1])
				}
				d.fan(x, d.rowTop(level)+a.h, cxs, d.rowTop(level+1))
			}
		})
	}
	for _, n := range g.cut {
		c := l.cont[n]
		x := d.x0 + g.x[n]
		d.link(x, d.rowTop(g.level[n])+l.boxes[n].h, x, d.y0+g.marksY)
		d.place(l.markArt(c[0], c[1]), x, d.y0+g.marksY, KindMark, FrameMark, n.ID, c[0], c[1])
	}
}

// stub draws a group's parent as a stub joined to the group's first
// level, and the side mark when the run goes on.
func (d *pageDrawer) stub(gr group, gg groupGeometry) {
	l := d.l
	from := l.pageOf[gr.stub]
	s := l.stubArt(gr.stub, from)
	s.h = l.stubH[gr.stub] // as measured for the plan
	s.rects[0].H = s.h
	sx := d.x0 + gg.stubX
	d.place(s, sx, d.y0, KindStub, FrameStub, gr.stub.ID, from, from)
	var cxs []float64
	for _, r := range gr.roots {
		cxs = append(cxs, d.x0+d.g.x[r])
	}
	if gr.next {
		// The run goes on: the bus leads on to the side mark.
		cxs = append(cxs, d.x0+gg.sideX)
		last := l.cont[gr.stub][1]
		d.place(l.markArt(d.i+1, last), d.x0+gg.sideX, d.rowTop(0), KindMark, FrameMark, gr.stub.ID, d.i+1, last)
	}
	d.fan(sx, d.y0+s.h, cxs, d.rowTop(0))
}
