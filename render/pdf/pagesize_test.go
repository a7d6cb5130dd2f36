package pdf

import (
	"bytes"
	"io/fs"
	"regexp"
	"testing"

	"pkgen/model"
	"pkgen/render"
)

// contentSize is at least each page's content stream and at most twice it,
// for every page of every example PK: a page's buffer is made once, and
// not much larger than it needs.
func TestContentSizeAbove(t *testing.T) {
	stream := regexp.MustCompile(`(?s)<</Length (\d+)>>\nstream\n(.*?)\nendstream`)
	pages := 0
	eachExamplePK(t, func(name string, fsys fs.FS, doc *model.Document) {
		laid, err := render.Layout(doc, render.Options{Templates: templateSet(t, fsys, doc)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := build(laid, Options{}, testOptions{noCompress: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The page contents, in page order: the streams drawing text or
		// lines (fonts and images are compressed, so they do not match).
		var sizes []int
		for _, m := range stream.FindAllSubmatch(b, -1) {
			if bytes.Contains(m[2], []byte(" Tj")) || bytes.Contains(m[2], []byte(" re")) {
				sizes = append(sizes, len(m[2]))
			}
		}
		if len(sizes) != len(laid.Pages) {
			t.Fatalf("%s: %d content streams for %d pages", name, len(sizes), len(laid.Pages))
		}
		for i, size := range sizes {
			pages++
			if est := contentSize(&laid.Pages[i]); est < size || est > 2*size {
				t.Errorf("%s page %d: %d bytes of content, estimated %d", name, i+1, size, est)
			}
		}
	})
	if pages < 50 {
		t.Errorf("only %d pages compared", pages)
	}
}
