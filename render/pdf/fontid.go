package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"pkgen/fonts"
)

// fontIDs are fpdf's IDs of the embedded faces (fpdf.UTF8FontID; they
// name the fonts in every page, /F<id>). fpdf computes one by hashing the
// face's 65,536-entry width table: about a millisecond and 128 freshly
// touched memory pages per face in each new process, for a value that only
// changes with the font files. TestFontIDs checks them against
// fpdf.UTF8FontID and prints the new values when a font file changes.
var fontIDs = [len(fonts.Styles)]string{
	fonts.Regular:    "f96a375179510612675913f972febd364284e8f1",
	fonts.Bold:       "38e0c4184d50cc5d89eb9206fdad8913b820ec60",
	fonts.Italic:     "70f25b92ff8b7ee8df80cdbabd28be51360f6142",
	fonts.BoldItalic: "cb0d997f4923b925b8481062a0ec4532313b1e3d",
}

var knownIDs sync.Once

// addFace adds the embedded face st to f, under its known ID.
func addFace(f *fpdf.Fpdf, st fonts.Style) {
	knownIDs.Do(func() {
		for _, st := range fonts.Styles {
			fpdf.KnownUTF8FontID(fonts.Family, st.String(), fonts.TTF(st), fontIDs[st])
		}
	})
	f.AddUTF8FontFromBytes(fonts.Family, st.String(), fonts.TTF(st))
}
