package spreadsheet

import (
	"strings"

	"pkgen/fonts"
	"pkgen/internal/xlsx"
)

// Printing the capaian workbook: a spreadsheet grows a row to its wrapped
// text only when the application recalculates heights, which LibreOffice
// Calc does not do for a file that sets none (the text then runs over the
// next rows). Each row's height is set from its wrapped line count,
// estimated with the font metrics; every sheet prints landscape on A4,
// as wide as a page, its header row repeated on every page.

// Calibri 11 (the workbook's font): a column of width w holds w digits of
// 7 px, plus 5 px of padding; a line is 15 pt.
const (
	digitPx = 7.0
	linePt  = 15.0
	// calibriScale is Calibri's width against Liberation Sans's (Arial's),
	// whose metrics fonts has: a little narrower on average, so the
	// estimate errs on the tall side.
	calibriScale = 0.92
	textPx       = 11 * 96 / 72.0 // 11 pt at 96 dpi
)

// wrappedLines estimates how many lines s wraps to in a column of width w
// (in digit widths), breaking between words.
func wrappedLines(s string, w float64, bold bool) int {
	if s == "" {
		return 1
	}
	st := fonts.Regular
	if bold {
		st = fonts.Bold
	}
	face := fonts.MustFace(st)
	room := w*digitPx + 5 - 2*3 // the cell's inner padding
	px := func(t string) float64 { return float64(face.Width(t)) / 1000 * textPx * calibriScale }
	lines := 0
	for para := range strings.SplitSeq(s, "\n") {
		lines++
		cur := 0.0
		space := px(" ")
		for _, word := range strings.Fields(para) {
			ww := px(word)
			switch {
			case cur == 0:
				cur = ww
			case cur+space+ww <= room:
				cur += space + ww
			default:
				lines++
				cur = ww
			}
			for cur > room { // a word wider than the column breaks inside
				lines++
				cur -= room
			}
		}
	}
	return lines
}

// wrapCell is a wrapped cell's text and its column's width.
type wrapCell struct {
	text  string
	width float64
	bold  bool
}

// fitRow sets row's height to its tallest wrapped cell.
func (b *workbook) fitRow(sheet string, row int, cells ...wrapCell) {
	lines := 1
	for _, c := range cells {
		lines = max(lines, wrappedLines(c.text, c.width, c.bold))
	}
	if lines > 1 {
		b.sh(sheet).SetRowHeight(row, float64(lines)*linePt)
	}
}

// printLandscape prints sheet on landscape A4, all its columns on a page's
// width, its first row repeated at the top of every page; onePage fits it
// all on one page (the chart).
func (b *workbook) printLandscape(sheet string, onePage bool) {
	tall := 0
	if onePage {
		tall = 1
	}
	sh := b.sh(sheet)
	sh.SetPageSetup(xlsx.PageSetup{PaperSize: 9, Orientation: "landscape", FitToWidth: 1, FitToHeight: tall})
	sh.SetFitToPage()
	if !onePage {
		b.f.SetPrintTitles(sh, "$1:$1")
	}
}
