package pdf

import (
	"unicode/utf8"

	"pkgen/render"
)

// contentSize is a little more than the size of p's content stream as
// fpdf writes it (TestContentSizeAbove), so that the page's buffer is made
// once (fpdf.SetNextPageSize): a text is its operators and two bytes a
// rune, a line or rectangle some fifty bytes.
func contentSize(p *render.Page) int {
	n := 256
	for _, ts := range [][]render.Text{p.Background, p.Texts} {
		for i := range ts {
			n += 40 + 2*utf8.RuneCountInString(ts[i].S)
		}
	}
	n += 48*(len(p.Lines)+len(p.Rects)) + 128*len(p.Images)
	return n + n/4
}
