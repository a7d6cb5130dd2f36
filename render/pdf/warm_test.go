package pdf

import (
	"bytes"
	"sync"
	"testing"

	"pkgen/fonts"
	"pkgen/render"
)

// TestWarmWhileWriting: documents written while the fonts are being
// prepared in the background are the same as documents written after
// (go test -race checks the sharing).
func TestWarmWhileWriting(t *testing.T) {
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	doc.Pages[0].Texts = []render.Text{
		text(20, 20, fonts.Regular, 11, "Perjanjian Kinerja 2024"),
		text(20, 30, fonts.Bold, 11, "PIHAK PERTAMA — “ĀăĞş”"),
		text(20, 40, fonts.Italic, 9, "catatan"),
		text(20, 50, fonts.BoldItalic, 9, "tebal miring"),
	}
	Warm()
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Go(func() {
			b, err := Bytes(doc, Options{PDFA: true})
			if err != nil {
				t.Error(err)
			}
			outs[i] = b
		})
	}
	wg.Wait()
	Warm() // a second call does nothing
	after, err := Bytes(doc, Options{PDFA: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range outs {
		if !bytes.Equal(b, after) {
			t.Errorf("document %d, written while warming, differs from one written after", i)
		}
	}
	validate(t, after)
}
