package pdf

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render"
)

// contentSize is at least each page's content stream and at most twice it,
// for every page of every example PK: a page's buffer is made once, and
// not much larger than it needs.
func TestContentSizeAbove(t *testing.T) {
	fsys := os.DirFS(testutil.Example(t, ""))
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	stream := regexp.MustCompile(`(?s)<</Length (\d+)>>\nstream\n(.*?)\nendstream`)
	pages := 0
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if model.IsRealisasi(raw) {
			continue
		}
		doc, probs, err := model.Load(fsys, name)
		if err != nil || doc == nil {
			t.Fatalf("%s: %v %v", name, err, probs)
		}
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
	}
	if pages < 50 {
		t.Errorf("only %d pages compared", pages)
	}
}
