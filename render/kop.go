package render

import (
	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// The heading (kop) of the statement page. With a logo and kop lines, the
// default is a Dinas's letterhead: the logo on the left, the lines centred
// in the width beside it; [instansi] tata_kop = "tengah" puts the logo
// centred above the lines instead. Without lines (a ministry's Garuda) the
// logo stands alone, centred; without a logo the lines are centred. Lines
// are closed by a thick and a thin rule, as on official letters.

// Sizes of the kop, mm.
const (
	logoHeight  = 22.0 // the logo's height in either form
	logoMaxSide = 30.0 // a wide logo beside the lines is shrunk to this width
	logoGap     = 4.0  // between the logo and the lines beside it
)

// kopStyles are each kop style's face and size (pt).
var kopStyles = map[model.GayaKop]struct {
	style fonts.Style
	size  float64
}{
	model.KopNama:   {fonts.Bold, sizeHeading},
	model.KopBesar:  {fonts.Bold, 14},
	model.KopAlamat: {fonts.Regular, 9},
}

// spaced is a block of the flow and the space after it.
type spaced struct {
	box   Box
	after float64
}

// kopLines lays the kop lines out centred in width w, each in its style.
func (l *layouter) kopLines(w float64) []TextLine {
	var out []TextLine
	for _, k := range l.doc.Instansi.Kop {
		st, ok := kopStyles[k.Gaya]
		if !ok {
			st = kopStyles[model.KopNama]
		}
		out = append(out, l.m.Block(PlainParas(k.Teks, st.style, AlignCenter), w, st.size, leading)...)
	}
	return out
}

// kop lays out the heading, w wide: the logo, the lines and the rules.
func (l *layouter) kop(w float64) ([]spaced, error) {
	var logo *Image
	if len(l.opt.Logo) > 0 {
		lh := logoHeight
		lw, kind, err := logoSize(l.opt.Logo, lh)
		if err != nil {
			return nil, err
		}
		logo = &Image{W: lw, H: lh, Data: l.opt.Logo, Type: kind, Name: "logo"}
	}
	beside := logo != nil && len(l.doc.Instansi.Kop) > 0 && l.doc.Instansi.TataKop != model.KopTengah
	if beside {
		return l.kopBeside(*logo, w)
	}
	var parts []spaced
	if logo != nil {
		lw, lh := logo.W, logo.H
		if lw > w {
			// A banner wider than the text: as wide as the text, less high.
			lh, lw = lh*w/lw, w
		}
		img := *logo
		parts = append(parts, spaced{Box{H: lh, Draw: func(p *Page, x, y float64) float64 {
			img.X, img.Y, img.W, img.H = x+(w-lw)/2, y, lw, lh
			p.Images = append(p.Images, img)
			return y + lh
		}, What: pesan.Key("logo")}, 3})
	}
	// A heading of the emblem alone (a ministry's) has no kop and no rules.
	if len(l.doc.Instansi.Kop) == 0 {
		if len(parts) > 0 {
			parts[len(parts)-1].after = 7
		}
		return parts, nil
	}
	lines := l.kopLines(w)
	parts = append(parts, spaced{Box{H: height(lines) + 2.5, Draw: func(p *Page, x, y float64) float64 {
		return rules(p, x, p.put(lines, x, y, w, "block")+1.5, w)
	}, What: pesan.Key("kop"), From: l.kopSources(lines)}, 7})
	return parts, nil
}

// kopBeside is the Dinas form: the logo at the left edge, the lines
// centred in the width left beside it, the taller of the two setting the
// height and the other centred against it, then the rules across.
func (l *layouter) kopBeside(logo Image, w float64) ([]spaced, error) {
	if logo.W > logoMaxSide {
		logo.H, logo.W = logo.H*logoMaxSide/logo.W, logoMaxSide
	}
	tw := w - logo.W - logoGap
	lines := l.kopLines(tw)
	th := height(lines)
	h := max(th, logo.H)
	return []spaced{{Box{H: h + 2.5, Draw: func(p *Page, x, y float64) float64 {
		img := logo
		img.X, img.Y = x, y+(h-logo.H)/2
		p.Images = append(p.Images, img)
		p.put(lines, x+logo.W+logoGap, y+(h-th)/2, tw, "block")
		return rules(p, x, y+h+1.5, w)
	}, What: pesan.Key("kop"), From: l.kopSources(lines)}, 7}}, nil
}

// rules draws the kop's closing thick and thin rules from y, w wide, and
// returns y: the thin one lies in the space below.
func rules(p *Page, x, y, w float64) float64 {
	p.Lines = append(p.Lines, Line{X1: x, Y1: y, X2: x + w, Y2: y, Width: 0.6}, Line{X1: x, Y1: y + 1, X2: x + w, Y2: y + 1, Width: 0.2})
	return y
}

// kopSources names the kop lines as the input of a page too full.
func (l *layouter) kopSources(lines []TextLine) []source {
	return []source{linesSource("instansi.kop", lines)}
}
