package pdf

import (
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"pkgen/fonts"
	"pkgen/render"
)

// prepareSubsets has the document's font subsets made and compressed on
// another goroutine while the pages are drawn (fpdf.PrepareUTF8Subset):
// fpdf makes them when the document is closed, after the last page, where
// they were about a tenth of a small document's CPU time, on the way. The
// runes are the ones the pages will mark (drawn), so the document takes
// the prepared subsets; if it did not, it would make its own, the same.
func (w *writer) prepareSubsets(styles []fonts.Style) {
	// Only with a core to spare: in a batch every core already writes a
	// document, and the subsets of the same runes are kept by fpdf for
	// the next documents anyway; collecting the runes would be extra work.
	if !spareCore() && !prepareInline.Load() {
		return
	}
	doc, pdfa := w.doc, w.opt.PDFA
	var all [len(fonts.Styles)][]rune
	var runs []func()
	for _, st := range styles {
		if run := w.f.PrepareUTF8Subset(fonts.Family, st.String(), func() []rune { return all[st] }); run != nil {
			runs = append(runs, run)
		}
	}
	if len(runs) == 0 {
		return
	}
	// One goroutine for all faces: each compression holds a zlib writer
	// of about 0.6 MB, and the pages take a while to draw anyway.
	prepare := func() {
		all = drawnRunes(doc, pdfa)
		for _, run := range runs {
			run()
		}
	}
	if prepareInline.Load() {
		prepare()
		return
	}
	// The document is the caller's again once Bytes returns: run waits
	// for this goroutine (w.prepared), which gives up if the pages are
	// already written (fpdf then made the subsets itself).
	w.prepared.Add(1)
	go func() {
		defer w.prepared.Done()
		if !w.drawn.Load() {
			prepare()
		}
	}()
}

// writing counts the documents being written at this moment (run).
var writing atomic.Int32

// spareCore tells a document being written (run) whether a core is free
// for work beside it: fewer documents are being written than there are
// cores.
func spareCore() bool {
	return writing.Load() < int32(runtime.GOMAXPROCS(0))
}

// prepareInline makes the subsets before the pages are drawn, on the
// caller's goroutine, so that a test sees every one taken.
var prepareInline atomic.Bool

// subsetsDone, if set, is told how many of a document's prepared subsets
// were taken (tests).
var subsetsDone atomic.Pointer[func(doc *render.Document, taken, late, madeAgain int)]

// drawnRunes lists, per style, the runes the document's texts put on its
// pages, as texts and background draw them (drawn).
func drawnRunes(doc *render.Document, pdfa bool) [len(fonts.Styles)][]rune {
	// A bit set per style: drawn texts hold runes of the Basic
	// Multilingual Plane only (cleanText). A map lookup per rune drawn was
	// a tenth of making the subsets.
	var seen [len(fonts.Styles)]*[1 << 16 / 64]uint64
	for i := range doc.Pages {
		for _, t := range texts(&doc.Pages[i]) {
			s, ok := drawn(t, pdfa)
			if !ok {
				continue
			}
			set := seen[t.Style]
			if set == nil {
				set = new([1 << 16 / 64]uint64)
				// Written once before it is read: a fresh page first
				// read maps the kernel's zero page, and the write after
				// it faults again and flushes the other core's TLB.
				clear(set[:])
				seen[t.Style] = set
			}
			for _, r := range s {
				if r < 1<<16 { // else fpdf makes the subset itself
					set[r>>6] |= 1 << (r & 63)
				}
			}
		}
	}
	var out [len(fonts.Styles)][]rune
	for st, set := range seen {
		if set == nil {
			continue
		}
		for w, word := range set {
			for ; word != 0; word &= word - 1 {
				out[st] = append(out[st], rune(w<<6+bits.TrailingZeros64(word)))
			}
		}
	}
	return out
}

// drawn is the string a text is drawn as; ok is false for a text not
// drawn at all. A text of printable ASCII (most of a document's) is drawn
// as it is in a face that has all of it: one pass over its bytes instead
// of cleanText's two and knownGlyphs' lookup per rune (TestDrawnASCII).
func drawn(t *render.Text, pdfa bool) (s string, ok bool) {
	if printableASCII(t.S) && (!pdfa || asciiCovered(t.Style)) {
		return t.S, t.S != ""
	}
	if s = cleanText(t.S); s == "" {
		return "", false
	}
	if pdfa {
		s = knownGlyphs(s, t.Style)
	}
	return s, true
}

// printableASCII tells whether s holds only the characters ' ' to '~'.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// asciiFaces says, per style, whether its face has a glyph for every
// printable ASCII character.
var asciiFaces = sync.OnceValue(func() (has [len(fonts.Styles)]bool) {
	for _, st := range fonts.Styles {
		face := fonts.MustFace(st)
		has[st] = true
		for r := rune(' '); r <= '~'; r++ {
			if !face.Has(r) {
				has[st] = false
				break
			}
		}
	}
	return has
})

// asciiCovered tells whether st's face has every printable ASCII
// character.
func asciiCovered(st fonts.Style) bool {
	return int(st) < len(fonts.Styles) && asciiFaces()[st]
}

// PrepareFonts starts making, on another goroutine, the font subsets of a
// document with doc's texts and returns at once. fpdf keeps a font's
// subsets per rune set (utf8prepare.go), so a later Bytes of a document
// marking the same runes (doc itself, or a layout of the same text at
// another type size, as Layout's first layout is of its result) takes them
// instead of making them: the work moves to a core that is otherwise idle
// while the layout finishes. A document with other runes makes its own,
// so the bytes never depend on it. wait returns once the goroutine no
// longer reads doc.
func PrepareFonts(doc *render.Document, opt Options) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Like a failed prepared run, a panic only loses the head start.
		defer func() { recover() }()
		styles := usedStyles(doc)
		f := newFpdf(doc, true)
		for _, st := range styles {
			addFace(f, st)
		}
		all := drawnRunes(doc, opt.PDFA)
		for _, st := range styles {
			if run := f.PrepareUTF8Subset(fonts.Family, st.String(), func() []rune { return all[st] }); run != nil {
				run()
			}
		}
		// Then the sources, if PrepareSources left them to deflate: with
		// the zlib writer the subsets made warm, and out of the way of
		// the layouts still running beside (the writer's first use faults
		// in a megabyte).
		opt.ahead.run()
	}()
	return func() { <-done }
}
