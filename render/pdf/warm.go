package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"pkgen/fonts"
)

// warmStyles are the faces every document so far uses (the statement's
// bold, the regular text, the italic of the lampiran's notes).
var warmStyles = [...]fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic}

var warmOnce sync.Once

// Warm prepares the fonts in the background and returns at once: their
// metrics for layout (package fonts) and their parse for the PDF library,
// both kept for the rest of the process. A command that renders one
// document calls it before loading the input, so that this work (about a
// fifth of a small document's CPU time) runs on another core meanwhile
// instead of on the way. Documents are the same with or without it; a
// document needing a font still being prepared waits for it.
func Warm() {
	warmOnce.Do(func() { go warm() })
}

func warm() {
	for _, st := range warmStyles {
		fonts.Face(st) // an error shows where the face is used
	}
	// Adding a font to a document parses it into the library's per-process
	// cache (third_party/fpdf, utf8cache.go); the document is dropped.
	f := fpdf.New("P", "mm", "A4", "")
	for _, st := range warmStyles {
		addFace(f, st)
	}
}
