package pdf

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"sync"
	"testing"

	"pkgen/fonts"
	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render"
)

// Every example's document takes the font subsets prepared for it: the
// runes drawnRunes collects are the ones its pages mark (else fpdf makes
// the subsets again when the document is closed, and the head start is
// lost; the bytes are the same either way, TestOutputsByteIdentical).
func TestSubsetsPrepared(t *testing.T) {
	var (
		mu   sync.Mutex
		seen = map[*render.Document][3]int{}
	)
	h := func(doc *render.Document, taken, late, madeAgain int) {
		mu.Lock()
		defer mu.Unlock()
		seen[doc] = [3]int{taken, late, madeAgain}
	}
	subsetsDone.Store(&h)
	defer subsetsDone.Store(nil)
	prepareInline.Store(true)
	defer prepareInline.Store(false)
	pdfa, plain := exampleOutputs(t)
	if len(plain) == 0 {
		t.Fatal("no plain PDF")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) < len(pdfa) {
		t.Fatalf("%d documents reported, %d made", len(seen), len(pdfa))
	}
	for doc, n := range seen {
		if n[0] != len(usedStyles(doc)) || n[1] != 0 || n[2] != 0 {
			t.Errorf("document of %d pages: %d subsets taken as prepared, %d late, %d made again; %d faces", len(doc.Pages), n[0], n[1], n[2], len(usedStyles(doc)))
		}
	}
}

// Layout's first layout of every example PK marks the same runes in the
// same faces as the layout it returns, so the subsets PrepareFonts makes
// from it are the ones the document takes (else the head start is lost).
// And a document written after PrepareFonts is the one written without.
func TestPrepareFontsFromFirstLayout(t *testing.T) {
	pks := 0
	eachExamplePK(t, func(name string, fsys fs.FS, doc *model.Document) {
		pks++
		var firsts []*render.Document
		opt := render.Options{Templates: templateSet(t, fsys, doc),
			FirstLayout: func(d *render.Document) { firsts = append(firsts, d) }}
		laid, err := render.Layout(doc, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(firsts) != 1 {
			t.Fatalf("%s: FirstLayout called %d times", name, len(firsts))
		}
		first := firsts[0]
		if len(first.Pages) != len(laid.Pages) {
			t.Errorf("%s: first layout %d pages, result %d", name, len(first.Pages), len(laid.Pages))
		}
		if a, b := usedStyles(first), usedStyles(laid); !slices.Equal(a, b) {
			t.Errorf("%s: faces %v in the first layout, %v in the result", name, a, b)
		}
		a, b := drawnRunes(first, true), drawnRunes(laid, true)
		for st := range a {
			if !slices.Equal(a[st], b[st]) {
				t.Errorf("%s: style %d: first layout draws %q, result %q", name, st, string(a[st]), string(b[st]))
			}
		}
		if pks == 1 {
			opt := Options{PDFA: true, Sources: versions(doc)}
			want, err := Bytes(laid, opt)
			if err != nil {
				t.Fatal(err)
			}
			PrepareFonts(first, opt)()
			got, err := Bytes(laid, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the PDF differs after PrepareFonts", name)
			}
		}
	})
	if pks < 10 {
		t.Fatalf("only %d example PKs", pks)
	}
	t.Logf("%d example PKs", pks)
}

// eachExamplePK calls f with every example PK (not the realisasi
// reports), loaded from fsys, the examples folder.
func eachExamplePK(t *testing.T, f func(name string, fsys fs.FS, doc *model.Document)) {
	t.Helper()
	fsys := os.DirFS(testutil.Example(t, ""))
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples: %v", err)
	}
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
		f(name, fsys, doc)
	}
}

// drawnRunes gives each style's runes once, in order, as the texts are
// drawn (a rune beyond the Basic Multilingual Plane as U+FFFD).
func TestDrawnRunes(t *testing.T) {
	pg := page(a4L)
	pg.Texts = append(pg.Texts,
		text(10, 10, fonts.Regular, 9, "ba\U0001F600b"),
		text(10, 20, fonts.Bold, 9, "\u00e9a"),
		text(10, 30, fonts.Regular, 9, "c\U00010348"))
	got := drawnRunes(&render.Document{Pages: []render.Page{pg}}, false)
	want := map[fonts.Style]string{fonts.Regular: "abc\uFFFD", fonts.Bold: "a\u00e9"}
	for st := range got {
		if string(got[st]) != want[fonts.Style(st)] {
			t.Errorf("style %d: %q, want %q", st, string(got[st]), want[fonts.Style(st)])
		}
	}
}
