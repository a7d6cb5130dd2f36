package pdf

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"pkgen/fonts"
)

// TestFontIDs checks the kept IDs against fpdf's own computation: a wrong
// one would rename the fonts in every page (the golden outputs would
// change too, but this names the fix).
func TestFontIDs(t *testing.T) {
	for _, st := range fonts.Styles {
		id, err := fpdf.UTF8FontID(fonts.Family, st.String(), fonts.TTF(st))
		if err != nil {
			t.Fatalf("%v: %v", st, err)
		}
		if fontIDs[st] != id {
			t.Errorf("fontIDs[fonts.%v] = %q, fpdf computes %q: update render/pdf/fontid.go", st, fontIDs[st], id)
		}
	}
}
