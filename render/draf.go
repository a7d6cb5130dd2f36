package render

import (
	"math"
	"strings"

	"pkgen/fonts"
	"pkgen/pesan"
)

// A draft (Options.Draf) carries on every page a light grey word (template
// block draf_tanda, "DRAF") across the page's diagonal, under everything
// else, and a note (draf_catatan, "DRAF — belum ditandatangani") at the
// right of the bottom margin. A draft is not signed: it gets no
// electronic-signature note, and pkgen writes it as a plain PDF.

// Looks of the draft marks.
const (
	drafGray = 0.86 // light enough to read the page through
	drafFill = 0.6  // the word spans this share of the page's diagonal
)

// draftMarks adds the marks to every page.
func (l *layouter) draftMarks() error {
	d, err := l.data()
	if err != nil {
		return err
	}
	word, err := l.words("draf_tanda", d)
	if err != nil {
		return err
	}
	note, err := l.words("draf_catatan", d)
	if err != nil {
		return err
	}
	word, note = strings.TrimSpace(word), strings.TrimSpace(note)
	l.noteX = make([]float64, len(l.out.Pages))
	for i := range l.out.Pages {
		p := &l.out.Pages[i]
		if word != "" {
			p.Background = append(p.Background, l.diagonal(p, word))
		}
		if note == "" {
			continue
		}
		mg := lampiranMargins
		if !p.Landscape() {
			mg = statementMargins
		}
		left, right := mg.Left, p.Width-mg.Right
		if i < len(l.folioX) && l.folioX[i] != 0 {
			// Right of the centred page number, clear of it.
			left = p.Width - l.folioX[i] + 4
		}
		lines := l.m.Block(PlainParas(note, fonts.Bold, AlignRight), right-left, sizeFolio, leading)
		if err := inMargin(lines, mg.Bottom-4-3, "draf_catatan", pesan.Key("catatan draf")); err != nil {
			return err
		}
		p.put(lines, left, p.Height-mg.Bottom+4, right-left, "catatan")
		l.noteX[i] = right
		for _, ln := range lines {
			for _, r := range ln.Runs {
				l.noteX[i] = min(l.noteX[i], left+r.X)
			}
		}
	}
	return nil
}

// diagonal is the word centred on the page along its rising diagonal, as
// large as drafFill of the diagonal's length allows.
func (l *layouter) diagonal(p *Page, word string) Text {
	diag := math.Hypot(p.Width, p.Height)
	unit := l.m.Width(fonts.Bold, 1, word) // mm per pt
	size := math.Min(drafFill*diag/unit, 200)
	tw := unit * size
	capH := 0.72 * size * PtToMM // Liberation Sans' capital height
	theta := math.Atan2(p.Height, p.Width)
	// The start of the baseline, so that the word's middle is the page's:
	// back half the width along the text and half a capital down.
	dx, dy := math.Cos(theta), -math.Sin(theta)  // along the text (y grows down)
	ux, uy := -math.Sin(theta), -math.Cos(theta) // up the letters
	cx, cy := p.Width/2, p.Height/2
	x := cx - tw/2*dx - capH/2*ux
	y := cy - tw/2*dy - capH/2*uy
	return Text{X: x, Y: y, Style: fonts.Bold, Size: size, S: word, Width: tw, Gray: drafGray, Angle: theta * 180 / math.Pi}
}
