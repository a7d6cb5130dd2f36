package pdf

import (
	"sync"
	"testing"

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
