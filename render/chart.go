package render

import (
	"math"
	"math/big"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// The annex's bar chart of the year-to-date capaian: one row per indicator
// (label: its kode and as much of its name as two lines hold), bars from 0
// coloured by category, the value at the end of its bar (inside a bar long
// enough to hold it, else just past its end), a vertical line at 100%, a
// scale under every page's part and a legend on top. It is a block of the
// flow that breaks into pages of its own, each with the title, the legend
// and the scale.

// Chart geometry, mm and pt.
const (
	chartRowH     = 5.0 // one indicator per row, its label on one line
	chartValuePad = 0.8 // between a bar's end and its value
	chartBarH     = 3.2
	chartLabelPt  = 8
	chartSmallPt  = 7
	chartGap      = 3.0
)

// chartScale maps capaian percentages to x: lo..hi percent over x0..x1,
// with ticks every step.
type chartScale struct {
	lo, hi, step float64
	x0, x1       float64
}

func (s chartScale) x(v float64) float64 { return s.x0 + (v-s.lo)/(s.hi-s.lo)*(s.x1-s.x0) }

// niceScale chooses a scale from 0 (or below, for negative capaian) to at
// least 100 that holds every value, with at most ten steps of 1, 2, 2.5 or
// 5 times a power of ten.
func niceScale(minV, maxV float64) (lo, hi, step float64) {
	lo, hi = min(0, minV), max(100, maxV)
	span := hi - lo
	step = 10
	for _, mag := range []float64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9} {
		found := false
		for _, m := range []float64{1, 2, 2.5, 5} {
			if s := m * mag; s >= 10 && span/s <= 10 {
				step, found = s, true
				break
			}
		}
		if found {
			break
		}
	}
	if span/step > 10 { // beyond the table: a power of ten that fits
		step = math.Pow(10, math.Ceil(math.Log10(span/10)))
	}
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	return lo, hi, step
}

// chartItem is one row of the chart: a group label or an indicator.
type chartItem struct {
	group string
	row   *model.BarisCapaian
}

// chartBlock is the chart laid out for a region's width, ready to place.
type chartBlock struct {
	a         *annex
	items     []chartItem
	x, w      float64 // the region's left edge and width
	labelW    float64
	labels    [][]TextLine // per item: an indicator's label, nil for a group
	rowH      float64
	sc        chartScale
	colors    map[string]RGB
	legend    chartLegend
	tickLabel func(float64) string
	whole     float64 // height in one piece
}

// chartAxisH is the room under the rows for the scale and its title.
const chartAxisH = 10.0

// chart places the chart below the summary, 8 mm under it when it fits
// there whole, else from a fresh page, and marks its bookmark. closing (the
// signatures, or nil) follows it, on the page of its end.
func (a *annex) chart(closing Block) error {
	f := a.flow
	c, err := a.newChart(f.Region())
	if err != nil {
		return err
	}
	if c == nil {
		// No indicator, no chart: the signatures follow the summary.
		if closing != nil {
			_, err = f.Place(closing)
		}
		return err
	}
	f.Space(8)
	opts := []Option{KeepWhole(), TallOnNewPage()}
	if closing != nil {
		opts = append(opts, KeepWithNext(closing))
	}
	m, err := f.Place(c, opts...)
	if err != nil {
		return err
	}
	return a.mark("capaian_bookmark_grafik", m)
}

// newChart lays the chart out for region r's width; nil without rows.
func (a *annex) newChart(r Region) (*chartBlock, error) {
	var items []chartItem
	minV, maxV := 0.0, 100.0
	for i := range a.rows {
		row := &a.rows[i]
		if row.Kelompok != "" && (i == 0 || row.Kelompok != a.rows[i-1].Kelompok) {
			items = append(items, chartItem{group: row.Kelompok})
		}
		items = append(items, chartItem{row: row})
		if c := row.CapaianSD; c.Ada() {
			v, _ := c.Nilai.Float64()
			minV, maxV = min(minV, v), max(maxV, v)
		}
	}
	if len(items) == 0 {
		return nil, nil
	}
	x, w := r.X, r.W

	// Columns: labels, the plot, the values past the longest bars. A
	// label holds the kode and the name, on one line when the column,
	// at most labelShare of the width, allows, else on two, cut with "…"
	// (the table has the name whole).
	const labelShare = 0.3
	kodeW, fullW, valueW := 0.0, 0.0, 0.0
	for _, it := range items {
		if it.row == nil {
			continue
		}
		ind := it.row.Indikator
		kw := a.m.Width(fonts.Bold, chartSmallPt, ind.Kode)
		kodeW = max(kodeW, kw)
		fullW = max(fullW, kw+a.m.Width(fonts.Regular, chartSmallPt, " "+ind.Uraian))
		if s, ok, _ := a.percent(it.row.CapaianSD); ok {
			valueW = max(valueW, a.m.Width(fonts.Regular, chartSmallPt, s))
		}
	}
	labelW := min(fullW, max(kodeW, labelShare*w)) + 0.5
	labels := make([][]TextLine, len(items))
	rowH := chartRowH
	for i, it := range items {
		if it.row != nil {
			labels[i] = a.chartLabel(it.row.Indikator, labelW)
			rowH = max(rowH, height(labels[i])+1.6)
		}
	}
	lo, hi, step := niceScale(minV, maxV)
	tickLabel := func(v float64) string {
		return model.FormatRat(new(big.Rat).SetFloat64(v), 0, a.doc.FormatAngka) + "%"
	}
	valueW += chartValuePad + 0.5
	right := max(valueW, a.m.Width(fonts.Regular, chartSmallPt, tickLabel(hi))/2)
	left := 0.0
	if lo < 0 {
		// A value past the end of a negative bar stands left of it.
		left = valueW
	}
	c := &chartBlock{a: a, items: items, x: x, w: w, labelW: labelW, labels: labels, rowH: rowH, tickLabel: tickLabel,
		sc:     chartScale{lo: lo, hi: hi, step: step, x0: x + labelW + 3 + left, x1: x + w - right - 4},
		colors: KategoriColors(a.bands)}
	var err error
	if c.legend, err = a.legend(w); err != nil {
		return nil, err
	}
	t0, err := c.title(false)
	if err != nil {
		return nil, err
	}
	c.whole = height(t0) + 2 + c.legend.h + chartGap + float64(len(items))*rowH + chartAxisH
	return c, nil
}

// title is the chart's title, marked as continued on later pages.
func (c *chartBlock) title(cont bool) ([]TextLine, error) {
	suffix := ""
	if cont {
		var err error
		if suffix, err = c.a.words("capaian_grafik_lanjutan"); err != nil {
			return nil, err
		}
	}
	return c.a.heading("capaian_grafik_judul", c.w, sizeIdent, suffix)
}

func (c *chartBlock) height(float64) (float64, error) { return c.whole, nil }

// flow draws the chart from the flow's position, continuing on fresh
// pages: on each, the title, the legend, as many rows as fit above the
// scale (a group label is never the last row of a page, and every page
// holds an indicator) and the scale. The last page leaves keep free under
// the scale: when it cannot, the last row moves on to a fresh page, so
// that what follows (the signatures) never stands there alone.
func (c *chartBlock) flow(f *Flow, keep float64, _ bool) (Mark, error) {
	a, x, w := c.a, c.x, c.w
	var start Mark
	items := c.items
	for first := true; len(items) > 0; first = false {
		if !first {
			f.Break()
		}
		r := f.Region()
		p, y, bottom := f.Page(), r.Y, r.Bottom
		if first {
			start = f.Mark()
		}
		lines, err := c.title(!first)
		if err != nil {
			return Mark{}, err
		}
		// A page holds the title, the legend, an indicator and the scale.
		if need := height(lines) + 2 + c.legend.h + chartGap + c.rowH + chartAxisH; need > f.Full()+tableEps {
			from := append(c.legend.from, linesSource(templateKey("capaian_grafik_judul"), lines))
			return Mark{}, tooTall(pesan.Key("judul dan legenda grafik"), need, f.Full(), from)
		}
		y = p.put(lines, x, y, w, "block") + 2
		c.legend.draw(p, x, y)
		y += c.legend.h + chartGap

		n := int(math.Floor((bottom - y - chartAxisH + 1e-9) / c.rowH))
		n = max(1, min(n, len(items)))
		// Two rows go on with what is kept with the chart (one when that is
		// all a fresh page holds with it), as a table's widow lines do.
		head := height(lines) + 2 + c.legend.h + chartGap
		if n == len(items) && n > 1 && keep > 0 && y+float64(n)*c.rowH+chartAxisH+keep > bottom+tableEps {
			for _, move := range []int{2, 1} {
				if move < n && head+float64(move)*c.rowH+chartAxisH+keep <= f.Full()+tableEps {
					n -= move
					break
				}
			}
		}
		for n > 1 && items[n-1].row == nil {
			n--
		}
		if n == 1 && items[0].row == nil && len(items) > 1 {
			n = 2
		}
		rows, labels := items[:n], c.labels[len(c.items)-len(items):][:n]
		items = items[n:]
		c.lines(p, rows, y)
		for i, it := range rows {
			if err := c.row(p, it, labels[i], y); err != nil {
				return Mark{}, err
			}
			y += c.rowH
		}
		if y, err = a.chartAxis(p, c.sc, y, c.tickLabel); err != nil {
			return Mark{}, err
		}
		f.y = y // the flow goes on below the scale
	}
	return start, nil
}

// lines draws the vertical lines behind and over the bars, along
// each run of indicator rows (group labels interrupt them): light grid
// lines at the ticks, the zero line the bars start from and the 100%
// line.
func (c *chartBlock) lines(p *Page, rows []chartItem, y float64) {
	sc, rowH := c.sc, c.rowH
	x0, x100 := sc.x(0), sc.x(100)
	for i := 0; i < len(rows); {
		if rows[i].row == nil {
			i++
			continue
		}
		j := i
		for j < len(rows) && rows[j].row != nil {
			j++
		}
		y0, y1 := y+float64(i)*rowH, y+float64(j)*rowH
		for v := sc.lo; v <= sc.hi+sc.step/2; v += sc.step {
			if v != 0 && v != 100 {
				p.Rects = append(p.Rects, Rect{X: sc.x(v) - 0.075, Y: y0, W: 0.15, H: y1 - y0, Fill: 0.8})
			}
		}
		p.Lines = append(p.Lines,
			Line{X1: x0, Y1: y0, X2: x0, Y2: y1, Width: 0.25},
			Line{X1: x100, Y1: y0, X2: x100, Y2: y1, Width: 0.5})
		i = j
	}
}

// row draws one row: a group label, or an indicator's label, its bar and
// its value at the bar's end (or, without a bar, why there is none).
func (c *chartBlock) row(p *Page, it chartItem, label []TextLine, y float64) error {
	a, sc, x, right := c.a, c.sc, c.x, c.x+c.w
	mid := func(lines []TextLine) float64 { return y + (c.rowH-height(lines))/2 }
	if it.row == nil {
		lines := a.oneLine(it.group, fonts.Bold, AlignLeft, right-x, chartLabelPt)
		p.put(lines, x, mid(lines), right-x, "chart")
		return nil
	}
	r := it.row
	p.put(label, x, mid(label), c.labelW, "chart")
	s, ok, err := a.percent(r.CapaianSD)
	if err != nil {
		return err
	}
	if !ok {
		why := a.oneLine(s, fonts.Italic, AlignLeft, sc.x1-sc.x0-1, chartSmallPt)
		p.put(why, sc.x(0)+1, mid(why), sc.x1-sc.x(0)-1, "chart")
		return nil
	}
	v, _ := r.CapaianSD.Nilai.Float64()
	x0, xv := sc.x(0), sc.x(v)
	bw := math.Abs(xv - x0)
	if bw > 0 {
		col := c.colors[r.CapaianSD.Kategori]
		p.Rects = append(p.Rects, Rect{X: min(x0, xv), Y: y + (c.rowH-chartBarH)/2, W: bw, H: chartBarH, Fill: 0, Color: &col})
	}
	vw := a.m.Width(fonts.Regular, chartSmallPt, s) + 0.5
	val := a.m.Block(PlainParas(s, fonts.Regular, AlignLeft), vw, chartSmallPt, 1.0)
	p.put(val, ChartValueX(xv, bw, vw, v < 0, sc.x(100)), mid(val), vw, "chart")
	return nil
}

// ChartValueX is where a bar's value (vw wide) starts: inside the bar against
// its end when the bar holds it, else just past its end; never across the
// 100% line (at x100), which a value inside or past the end would hide.
// The DOCX chart places its values with it too.
func ChartValueX(end, bw, vw float64, negative bool, x100 float64) float64 {
	fits := bw >= vw+2*chartValuePad
	if negative {
		if fits {
			return end + chartValuePad
		}
		return end - chartValuePad - vw
	}
	const clear = 0.4 // between a value and the 100% line
	crosses := func(at float64) bool { return at < x100+clear && at+vw > x100-clear }
	in, out := end-chartValuePad-vw, end+chartValuePad
	switch {
	case fits && !crosses(in):
		return in
	case !crosses(out):
		return out
	case fits:
		return in
	}
	return x100 + clear // a short bar ending just before the line
}

// chartLabel is an indicator's label in the chart, w wide: its kode in
// bold and its name, on at most two lines, the name cut with "…" when
// longer.
func (a *annex) chartLabel(ind *model.Indikator, w float64) []TextLine {
	para := func(name string) []TextLine {
		spans := []Span{{Text: ind.Kode, Style: fonts.Bold}}
		if name != "" {
			spans = append(spans, Span{Text: " " + name, Style: fonts.Regular})
		}
		return a.m.Block([]Para{{Spans: spans, Align: AlignLeft}}, w, chartSmallPt, 1.0)
	}
	const most = 2
	if lines := para(ind.Uraian); len(lines) <= most {
		return lines
	}
	runes := []rune(ind.Uraian)
	runes = runes[:min(len(runes), 1000)]
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(para(strings.TrimRight(string(runes[:mid]), " ")+"…")) <= most {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	name := ""
	if lo > 0 {
		name = strings.TrimRight(string(runes[:lo]), " ") + "…"
	}
	lines := para(name)
	return lines[:min(len(lines), most)]
}

// chartAxis draws the scale under the rows: the axis line, ticks and
// their labels centred on them, and the axis title. It returns the y below.
func (a *annex) chartAxis(p *Page, sc chartScale, y float64, label func(float64) string) (float64, error) {
	p.Lines = append(p.Lines, Line{X1: sc.x0, Y1: y, X2: sc.x1, Y2: y, Width: 0.25})
	ty := y + 1.2
	bottom := ty
	for v := sc.lo; v <= sc.hi+sc.step/2; v += sc.step {
		tx := sc.x(v)
		p.Lines = append(p.Lines, Line{X1: tx, Y1: y, X2: tx, Y2: y + 1, Width: 0.25})
		s := label(v)
		tw := a.m.Width(fonts.Regular, chartSmallPt, s) + 1
		lines := a.m.Block(PlainParas(s, fonts.Regular, AlignCenter), tw, chartSmallPt, 1.0)
		bottom = max(bottom, p.put(lines, tx-tw/2, ty, tw, "axis"))
	}
	title, err := a.words("capaian_grafik_sumbu")
	if err != nil {
		return 0, err
	}
	lines := a.m.Block(PlainParas(title, fonts.Italic, AlignCenter), sc.x1-sc.x0, chartSmallPt, 1.0)
	return p.put(lines, sc.x0, bottom+0.5, sc.x1-sc.x0, "chart"), nil
}

// oneLine lays text out on one line w wide, cut with an ellipsis when it
// is longer: chart labels, whose full text is in the table.
func (a *annex) oneLine(text string, style fonts.Style, align Align, w, size float64) []TextLine {
	lines := a.m.Block(PlainParas(text, style, align), w, size, 1.0)
	if len(lines) <= 1 {
		return lines
	}
	runes := []rune(text)
	runes = runes[:min(len(runes), 1000)] // no label holds more
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if a.m.Width(style, size, string(runes[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	lines = a.m.Block(PlainParas(strings.TrimRight(string(runes[:lo]), " ")+"…", style, align), w, size, 1.0)
	return lines[:min(len(lines), 1)]
}

// chartLegend is the chart's legend laid out: drawn at its top-left
// corner, h tall, printing the inputs from.
type chartLegend struct {
	draw func(p *Page, x, y float64)
	h    float64
	from []source
}

// legend lays out the chart's legend (a swatch per category and the 100%
// line) for width w.
func (a *annex) legend(w float64) (chartLegend, error) {
	pita, err := a.bandLabels()
	if err != nil {
		return chartLegend{}, err
	}
	garis, err := a.words("capaian_grafik_garis")
	if err != nil {
		return chartLegend{}, err
	}
	colors := KategoriColors(a.bands)
	type entry struct {
		text  string
		color *RGB // nil: the 100% line sample
		dx    float64
		row   int
	}
	const sw, sh, gapIn, gapOut = 4.0, 3.0, 1.5, 6.0
	lineH := chartLabelPt * leading * PtToMM
	var entries []entry
	cx, row := 0.0, 0
	for i, s := range append(pita, garis) {
		e := entry{text: s}
		if i < len(a.bands) {
			c := colors[a.bands[i].Nama]
			e.color = &c
		}
		ew := sw + gapIn + a.m.Width(fonts.Regular, chartLabelPt, s)
		if ew > w {
			key := templateKey("capaian_grafik_garis")
			if i < len(a.bands) {
				key = a.bandKey(i)
			}
			return chartLegend{}, layoutErrorf(key, "%s: teks di legenda grafik selebar %.1f mm, lebih lebar dari halaman (%.1f mm): persingkat", ew, w)
		}
		if cx > 0 && cx+ew > w {
			cx, row = 0, row+1
		}
		e.dx, e.row = cx, row
		entries = append(entries, e)
		cx += ew + gapOut
	}
	lg := chartLegend{h: float64(row+1) * lineH}
	for i := range a.bands {
		// Each entry takes its share of the height, for errors.
		lg.from = append(lg.from, source{key: a.bandKey(i), h: lg.h / float64(len(entries)), lines: 1})
	}
	lg.draw = func(p *Page, x, y float64) {
		for _, e := range entries {
			ey := y + float64(e.row)*lineH
			ex := x + e.dx
			if e.color != nil {
				p.Rects = append(p.Rects, Rect{X: ex, Y: ey + (lineH-sh)/2, W: sw, H: sh, Fill: 0, Color: e.color})
			} else {
				p.Lines = append(p.Lines, Line{X1: ex + sw/2, Y1: ey + 0.3, X2: ex + sw/2, Y2: ey + lineH - 0.3, Width: 0.5})
			}
			tw := a.m.Width(fonts.Regular, chartLabelPt, e.text) + 0.5
			lines := a.m.Block(PlainParas(e.text, fonts.Regular, AlignLeft), tw, chartLabelPt, leading)
			p.put(lines, ex+sw+gapIn, ey, tw, "legend")
		}
	}
	return lg, nil
}
