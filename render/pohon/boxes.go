package pohon

import (
	"strings"

	"pkgen/fonts"
	"pkgen/pesan"
	"pkgen/render"
)

// Box geometry, mm.
const (
	pad       = 1.5  // inside a box's border
	gutter    = 2.4  // left of an indicator: room for its "!"
	colGap    = 2.0  // at least, between an indicator's text and its target on one line
	itemGap   = 0.5  // between two items of a box
	leading   = 1.2  // line height, times the type size
	thinLine  = 0.2  // border and connector strokes
	warnLine  = 0.6  // the border of a box with warnings
	badgeSide = 3.2  // the square "!" of a box with warnings
	sizeStep  = 0.25 // pt, when shrinking a tall box
)

// Colours. Text is always black (render/pdf draws it so): colours are
// fills behind it. Never changed; rects get copies.
var (
	headFill   = 0.90                               // grey band of a box's unit
	stubFill   = 0.95                               // a stub and a continuation mark
	warnStrong = render.RGB{R: 255, G: 204}         // the "!" badge
	warnLight  = render.RGB{R: 255, G: 243, B: 176} // the band of a box with warnings
)

// art is a drawing relative to its top-left corner, made once and copied
// wherever it is placed.
type art struct {
	w, h  float64
	texts []render.Text
	rects []render.Rect
	lines []render.Line
}

// addLines appends laid-out lines at (x, y) and returns the y below them.
func (a *art) addLines(lines []render.TextLine, x, y float64) float64 {
	for _, ln := range lines {
		for _, r := range ln.Runs {
			a.texts = append(a.texts, render.Text{X: x + r.X, Y: y + ln.Ascent, Style: r.Style,
				Size: r.Size, S: r.Text, Width: r.Width})
		}
		y += ln.Height
	}
	return y
}

func height(lines []render.TextLine) float64 {
	h := 0.0
	for _, ln := range lines {
		h += ln.Height
	}
	return h
}

// boxMaker measures the boxes of one tree with one options set.
type boxMaker struct {
	m       render.Measurer
	p       *pesan.Printer
	w       float64 // box width
	minSize float64 // pt, the smallest type of a box
	colors  map[string]render.RGB
}

func (b *boxMaker) para(s string, st fonts.Style, al render.Align) []render.Para {
	return render.PlainParas(s, st, al)
}

// lines breaks plain text at width w.
func (b *boxMaker) lines(s string, st fonts.Style, al render.Align, w, size float64) []render.TextLine {
	return b.m.Block(b.para(s, st, al), w, size, leading)
}

// item is one sasaran heading or one indicator row of a box, measured.
type item struct {
	sasaran bool
	h       float64
	draw    func(a *art, y float64)
}

// node makes a node's box at the largest size from o.Size down to
// o.MinSize that is at most maxH tall; failing that, at MinSize with as
// many items as fit and a "… dan N indikator lagi" line.
func (b *boxMaker) node(n *Node, o Options, maxH float64) (*art, error) {
	for size := o.Size; size >= o.MinSize-1e-9; size -= sizeStep {
		p := b.frame(n, size)
		if p.fixed()+sum(p.items) <= maxH {
			return p.finish(p.items, nil), nil
		}
	}
	p := b.frame(n, o.MinSize)
	for keep := len(p.items) - 1; keep >= 0; keep-- {
		// A sasaran heading is not kept without any of its indicators.
		k := keep
		for k > 0 && p.items[k-1].sasaran && !p.items[k].sasaran {
			k--
		}
		more := b.more(p.items[k:], o.MinSize)
		if p.fixed()+sum(p.items[:k])+height(more)+itemGap <= maxH {
			return p.finish(p.items[:k], more), nil
		}
	}
	return nil, pesan.Errorf("pohon: kotak PK %q tidak muat di satu halaman walau tanpa indikator: persingkat unit, jabatan atau peringatannya", n.ID)
}

func sum(items []item) float64 {
	h := 0.0
	for _, it := range items {
		h += it.h
	}
	return h
}

// more is the line saying what a truncated box leaves out.
func (b *boxMaker) more(left []item, size float64) []render.TextLine {
	var ind, sas int
	for _, it := range left {
		if it.sasaran {
			sas++
		} else {
			ind++
		}
	}
	s := b.p.Sprintf("… dan %d indikator lagi", ind)
	if sas > 0 {
		s = b.p.Sprintf("… dan %d sasaran, %d indikator lagi", sas, ind)
	}
	return b.lines(s, fonts.Italic, render.AlignLeft, b.w-2*pad, size)
}

// parts is a box measured at one size: the head and pihak drawn in a,
// the items to place under them, the warnings to place last.
type parts struct {
	a     *art
	items []item
	warn  []render.TextLine
	warnH float64
}

func (p *parts) fixed() float64 { return p.a.h + p.warnH + 0.3 }

// frame draws the fixed parts of a box (head, pihak) with a.h their
// height, and measures the items and the warnings.
func (b *boxMaker) frame(n *Node, size float64) *parts {
	a := &art{w: b.w}
	inner := b.w - 2*pad
	warned := len(n.Warnings) > 0

	// Head: the unit, on grey (yellow with the badge when warned).
	headW := inner
	if warned {
		headW -= 2 * (badgeSide + 0.8) // centred text clear of the badge
	}
	unit := b.lines(n.Unit, fonts.Bold, render.AlignCenter, headW, size+0.5)
	headH := height(unit) + 2*1.0
	if warned {
		headH = max(headH, badgeSide+2*0.8)
	}
	band := render.Rect{X: 0, Y: 0, W: b.w, H: headH, Fill: headFill}
	if warned {
		c := warnLight // a copy: the document must not point at package state
		band.Color = &c
	}
	a.rects = append(a.rects, band)
	a.addLines(unit, pad+(inner-headW)/2, (headH-height(unit))/2)
	if warned {
		bx, by := b.w-0.8-badgeSide, 0.8
		c := warnStrong
		a.rects = append(a.rects, render.Rect{X: bx, Y: by, W: badgeSide, H: badgeSide, Fill: 0, Color: &c, Stroke: thinLine})
		bang := b.lines("!", fonts.Bold, render.AlignCenter, badgeSide, size+1)
		a.addLines(bang, bx, by+(badgeSide-height(bang))/2)
	}
	a.lines = append(a.lines, render.Line{X1: 0, Y1: headH, X2: b.w, Y2: headH, Width: thinLine})

	// Pihak pertama: jabatan, then nama in bold.
	y := headH + 0.8
	y = a.addLines(b.lines(n.Jabatan, fonts.Regular, render.AlignCenter, inner, size), pad, y)
	y = a.addLines(b.lines(n.Nama, fonts.Bold, render.AlignCenter, inner, size), pad, y)
	if n.Note != "" {
		y = a.addLines(b.lines(n.Note, fonts.Italic, render.AlignCenter, inner, size), pad, y)
	}
	y += 0.8
	p := &parts{a: a, items: b.items(n, size, inner)}
	if len(p.items) > 0 {
		a.lines = append(a.lines, render.Line{X1: 0, Y1: y, X2: b.w, Y2: y, Width: thinLine / 2})
		y += 0.6
	}
	a.h = y

	if warned {
		var ps []render.Para
		for _, w := range n.Warnings {
			ps = append(ps, render.Para{Spans: []render.Span{{Text: w, Style: fonts.Italic}},
				Marker: "!", MarkerStyle: fonts.Bold, Indent: 2})
		}
		p.warn = b.m.Block(ps, inner, max(size-0.5, b.minSize), leading)
		p.warnH = height(p.warn) + 2*0.8
	}
	return p
}

// finish places items and the truncation line under the head, the
// warnings on yellow under them, and the border around all.
func (p *parts) finish(items []item, more []render.TextLine) *art {
	a := p.a
	y := a.h
	for _, it := range items {
		it.draw(a, y)
		y += it.h
	}
	if more != nil {
		y = a.addLines(more, pad, y+itemGap/2) + itemGap/2
	}
	if p.warn != nil {
		c := warnLight
		a.rects = append(a.rects, render.Rect{X: 0, Y: y, W: a.w, H: p.warnH, Fill: 1, Color: &c})
		a.lines = append(a.lines, render.Line{X1: 0, Y1: y, X2: a.w, Y2: y, Width: thinLine / 2})
		a.addLines(p.warn, pad, y+0.8)
		y += p.warnH
	}
	a.h = y + 0.3
	border := render.Rect{X: 0, Y: 0, W: a.w, H: a.h, Fill: -1, Stroke: thinLine}
	if p.warn != nil {
		border.Stroke = warnLine
	}
	a.rects = append(a.rects, border)
	return a
}

// items measures the sasaran headings and indicator rows of a node.
func (b *boxMaker) items(n *Node, size, inner float64) []item {
	var out []item
	for i, s := range n.Sasaran {
		head := []render.Span{{Text: b.p.Sprintf("Sasaran %d:", i+1) + " ", Style: fonts.Bold}, {Text: s.Uraian, Style: fonts.Regular}}
		ps := []render.Para{{Spans: head}}
		if len(s.Mendukung) > 0 {
			ps = append(ps, render.Para{Spans: []render.Span{{Text: b.p.Sprintf("mendukung %s", strings.Join(s.Mendukung, ", ")), Style: fonts.Italic}}, Indent: 2})
		}
		ls := b.m.Block(ps, inner, size, leading)
		out = append(out, item{sasaran: true, h: height(ls) + itemGap, draw: func(a *art, y float64) {
			a.addLines(ls, pad, y+itemGap/2)
		}})
		for _, ind := range s.Indikator {
			out = append(out, b.indicator(ind, size, inner))
		}
	}
	return out
}

// indicator is one row: "!" gutter, kode and uraian, and the target
// right-aligned on the last line when it fits there, else on a line of
// its own; tinted by its capaian category when it has one.
func (b *boxMaker) indicator(ind Indikator, size, inner float64) item {
	var spans []render.Span
	if ind.Kode != "" {
		spans = append(spans, render.Span{Text: ind.Kode + " ", Style: fonts.Bold})
	}
	spans = append(spans, render.Span{Text: ind.Uraian, Style: fonts.Regular})
	if len(ind.Mendukung) > 0 {
		spans = append(spans, render.Span{Text: " (" + b.p.Sprintf("mendukung %s", strings.Join(ind.Mendukung, ", ")) + ")", Style: fonts.Italic})
	}
	textW := inner - gutter
	left := b.m.Lines(render.Para{Spans: spans}, textW, size, leading)
	target := strings.TrimSpace(ind.Target)
	right := b.lines(target, fonts.Bold, render.AlignRight, textW, size)
	rightY := height(left) // on a line of its own
	if len(left) > 0 && len(right) == 1 && left[len(left)-1].Width+colGap+right[0].Width <= textW {
		rightY -= left[len(left)-1].Height
	}
	h := max(height(left), rightY+height(right)) + itemGap
	color, tinted := b.colors[ind.Kategori]
	return item{h: h, draw: func(a *art, y float64) {
		if tinted && ind.Kategori != "" {
			c := render.Tint(color)
			a.rects = append(a.rects, render.Rect{X: pad / 2, Y: y, W: b.w - pad, H: h, Fill: 1, Color: &c})
			a.rects = append(a.rects, render.Rect{X: pad / 2, Y: y, W: 0.8, H: h, Fill: 1, Color: &color})
		}
		if ind.Warned {
			a.addLines(b.lines("!", fonts.Bold, render.AlignCenter, gutter, size), pad, y+itemGap/2)
		}
		a.addLines(left, pad+gutter, y+itemGap/2)
		a.addLines(right, pad+gutter, y+itemGap/2+rightY)
	}}
}
