package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"pkgen/fonts"
	"pkgen/render"
)

// The chart is drawn as the PDF draws it (render/chart.go): a row per
// indicator (its kode and name, cut to two lines), a bar from 0 in its
// category's colour, the value at the bar's end, grid lines at the ticks,
// the 0 and 100% lines, and the scale under the rows. A PNG is the one
// picture both Word and LibreOffice show the same; a DrawingML chart
// would be editable, but its layout (labels, the 100% line, values past
// the bars) is the application's, and LibreOffice draws it differently
// from Word. The pixels depend on the data alone: the bytes are the same
// on every run.

// Chart geometry, mm and pt, as the PDF's.
const (
	chartDPI      = 150
	chartRowH     = 5.0
	chartBarH     = 3.2
	chartValuePad = 0.8
	chartSmallPt  = 7
	chartLabelPt  = 8
	chartAxisH    = 8.0 // the scale under the rows: ticks, labels, title
)

// chartImage is one page's share of the chart as a PNG, w × h mm.
type chartImage struct {
	png  []byte
	w, h float64
}

// fontFaces parses the embedded fonts once.
var parsedFonts = sync.OnceValues(func() (map[fonts.Style]*opentype.Font, error) {
	out := map[fonts.Style]*opentype.Font{}
	for _, st := range fonts.Styles {
		f, err := opentype.Parse(fonts.TTF(st))
		if err != nil {
			return nil, err
		}
		out[st] = f
	}
	return out, nil
})

// canvas draws in mm on an image.
type canvas struct {
	img   *image.RGBA
	k     float64 // px per mm
	faces map[[2]int]font.Face
	fonts map[fonts.Style]*opentype.Font
}

func (c *canvas) px(mm float64) int { return int(math.Round(mm * c.k)) }

func (c *canvas) rect(x, y, w, h float64, col color.Color) {
	r := image.Rect(c.px(x), c.px(y), c.px(x+w), c.px(y+h))
	if r.Dx() == 0 && w > 0 {
		r.Max.X++
	}
	if r.Dy() == 0 && h > 0 {
		r.Max.Y++
	}
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Src)
}

func (c *canvas) face(st fonts.Style, pt float64) (font.Face, error) {
	key := [2]int{int(st), int(pt * 10)}
	if f, ok := c.faces[key]; ok {
		return f, nil
	}
	f, err := opentype.NewFace(c.fonts[st], &opentype.FaceOptions{Size: pt, DPI: chartDPI, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	c.faces[key] = f
	return f, nil
}

// text draws s with its top-left corner at x, y (mm).
func (c *canvas) text(s string, st fonts.Style, pt, x, y float64) error {
	f, err := c.face(st, pt)
	if err != nil {
		return err
	}
	ascent := fonts.MustFace(st).Ascent
	base := y + float64(ascent)/1000*pt*25.4/72
	dr := font.Drawer{Dst: c.img, Src: image.Black, Face: f, Dot: fixed.Point26_6{X: fixed.Int26_6(x * c.k * 64), Y: fixed.Int26_6(base * c.k * 64)}}
	dr.DrawString(s)
	return nil
}

// lineH is a line's height at pt, mm (leading 1).
func lineH(pt float64) float64 { return pt * 25.4 / 72 }

// drawChart draws ch w mm wide in images at most room mm tall.
func drawChart(ch *render.ChartWords, w, room float64) ([]chartImage, error) {
	fs, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	// The labels column, at most 30% of the width: the kode and the name
	// on one line when it fits, else two, the name cut with "…".
	kodeW, fullW, valueW := 0.0, 0.0, 0.0
	for _, it := range ch.Items {
		if it.Group != "" {
			continue
		}
		kw := width(fonts.Bold, chartSmallPt, it.Kode)
		kodeW = max(kodeW, kw)
		fullW = max(fullW, kw+width(fonts.Regular, chartSmallPt, " "+it.Uraian))
		if it.Has {
			valueW = max(valueW, width(fonts.Regular, chartSmallPt, it.Text))
		}
	}
	labelW := min(fullW, max(kodeW, 0.3*w)) + 0.5
	rowH := chartRowH
	labels := make([][]string, len(ch.Items))
	for i, it := range ch.Items {
		if it.Group == "" {
			labels[i] = chartLabel(it.Kode, it.Uraian, labelW)
			rowH = max(rowH, float64(len(labels[i]))*lineH(chartSmallPt)+1.6)
		}
	}
	valueW += chartValuePad + 0.5
	right := max(valueW, width(fonts.Regular, chartSmallPt, ch.TickLabels[len(ch.TickLabels)-1])/2)
	left := 0.0
	if ch.Lo < 0 {
		left = valueW
	}
	x0, x1 := labelW+3+left, w-right-4
	sx := func(v float64) float64 { return x0 + (v-ch.Lo)/(ch.Hi-ch.Lo)*(x1-x0) }

	// Rows per image; a group label never ends one.
	per := max(1, int((room-chartAxisH)/rowH))
	var out []chartImage
	for start := 0; start < len(ch.Items); {
		n := min(per, len(ch.Items)-start)
		for n > 1 && start+n < len(ch.Items) && ch.Items[start+n-1].Group != "" {
			n--
		}
		h := float64(n)*rowH + chartAxisH
		c := &canvas{k: chartDPI / 25.4, faces: map[[2]int]font.Face{}, fonts: fs}
		c.img = image.NewRGBA(image.Rect(0, 0, c.px(w), c.px(h)))
		draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)
		if err := c.rows(ch, ch.Items[start:start+n], labels[start:start+n], rowH, labelW, w, sx); err != nil {
			return nil, err
		}
		if err := c.axis(ch, float64(n)*rowH, sx, x0, x1); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, c.img); err != nil {
			return nil, err
		}
		out = append(out, chartImage{png: buf.Bytes(), w: w, h: h})
		start += n
	}
	return out, nil
}

var (
	gridGrey = color.Gray{Y: 204}
	black    = color.Gray{Y: 0}
)

// rows draws the rows from the top: grid lines along each run of
// indicators, then labels, bars and values.
func (c *canvas) rows(ch *render.ChartWords, items []render.ChartItem, labels [][]string, rowH, labelW, w float64, sx func(float64) float64) error {
	for i := 0; i < len(items); {
		if items[i].Group != "" {
			i++
			continue
		}
		j := i
		for j < len(items) && items[j].Group == "" {
			j++
		}
		y0, y1 := float64(i)*rowH, float64(j)*rowH
		for v := ch.Lo; v <= ch.Hi+ch.Step/2; v += ch.Step {
			if v != 0 && v != 100 {
				c.rect(sx(v)-0.075, y0, 0.15, y1-y0, gridGrey)
			}
		}
		c.rect(sx(0)-0.125, y0, 0.25, y1-y0, black)
		c.rect(sx(100)-0.25, y0, 0.5, y1-y0, black)
		i = j
	}
	for i, it := range items {
		y := float64(i) * rowH
		mid := func(lines int, pt float64) float64 { return y + (rowH-float64(lines)*lineH(pt))/2 }
		if it.Group != "" {
			if err := c.text(cut(it.Group, fonts.Bold, chartLabelPt, w), fonts.Bold, chartLabelPt, 0, mid(1, chartLabelPt)); err != nil {
				return err
			}
			continue
		}
		ly := mid(len(labels[i]), chartSmallPt)
		for k, line := range labels[i] {
			x := 0.0
			if k == 0 {
				// The kode in bold leads the first line.
				if err := c.text(it.Kode, fonts.Bold, chartSmallPt, 0, ly); err != nil {
					return err
				}
				x = width(fonts.Bold, chartSmallPt, it.Kode)
				line = strings.TrimPrefix(line, it.Kode)
			}
			if err := c.text(line, fonts.Regular, chartSmallPt, x, ly+float64(k)*lineH(chartSmallPt)); err != nil {
				return err
			}
		}
		if !it.Has {
			x := sx(0) + 1
			if err := c.text(cut(it.Text, fonts.Italic, chartSmallPt, sx(ch.Hi)-x), fonts.Italic, chartSmallPt, x, mid(1, chartSmallPt)); err != nil {
				return err
			}
			continue
		}
		x0, xv := sx(0), sx(it.Value)
		bw := math.Abs(xv - x0)
		if bw > 0 {
			c.rect(min(x0, xv), y+(rowH-chartBarH)/2, bw, chartBarH, color.RGBA{R: it.Color.R, G: it.Color.G, B: it.Color.B, A: 255})
		}
		vw := width(fonts.Regular, chartSmallPt, it.Text) + 0.5
		if err := c.text(it.Text, fonts.Regular, chartSmallPt, render.ChartValueX(xv, bw, vw, it.Value < 0, sx(100)), mid(1, chartSmallPt)); err != nil {
			return err
		}
	}
	return nil
}

// axis draws the scale at y: the line, the ticks and their labels, and the
// axis title.
func (c *canvas) axis(ch *render.ChartWords, y float64, sx func(float64) float64, x0, x1 float64) error {
	c.rect(x0, y-0.125, x1-x0, 0.25, black)
	i := 0
	for v := ch.Lo; v <= ch.Hi+ch.Step/2 && i < len(ch.TickLabels); v += ch.Step {
		tx := sx(v)
		c.rect(tx-0.125, y, 0.25, 1, black)
		s := ch.TickLabels[i]
		if err := c.text(s, fonts.Regular, chartSmallPt, tx-width(fonts.Regular, chartSmallPt, s)/2, y+1.2); err != nil {
			return err
		}
		i++
	}
	tw := width(fonts.Italic, chartSmallPt, ch.Axis)
	return c.text(ch.Axis, fonts.Italic, chartSmallPt, x0+(x1-x0-tw)/2, y+1.2+lineH(chartSmallPt)+0.5)
}

// chartLabel breaks "KODE name" into at most two lines w wide, the name
// cut with "…" when longer.
func chartLabel(kode, name string, w float64) []string {
	lines := wrap(kode+" "+name, w)
	if len(lines) <= 2 {
		return lines
	}
	runes := []rune(name)
	lo, hi := 0, min(len(runes), 1000)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(wrap(kode+" "+strings.TrimRight(string(runes[:mid]), " ")+"…", w)) <= 2 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return wrap(kode+" "+strings.TrimRight(string(runes[:lo]), " ")+"…", w)
}

// wrap breaks s between words into lines w mm wide at the chart's small
// size (the first word, the kode, measured bold).
func wrap(s string, w float64) []string {
	var lines []string
	cur := ""
	for i, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		st := fonts.Regular
		if i == 0 {
			st = fonts.Bold
		}
		if cur != "" && width(st, chartSmallPt, next) > w {
			lines = append(lines, cur)
			next = word
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// cut shortens s with "…" to fit w mm.
func cut(s string, st fonts.Style, pt, w float64) string {
	if width(st, pt, s) <= w {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, min(len(runes), 1000)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if width(st, pt, string(runes[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}
