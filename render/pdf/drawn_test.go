package pdf

import (
	"math/rand"
	"testing"

	"pkgen/fonts"
	"pkgen/render"
)

// TestDrawnASCII: drawn, with its path for printable ASCII, gives what
// cleanText and (for PDF/A) knownGlyphs give, for every style and texts of
// printable ASCII, control characters, other runes and invalid UTF-8.
func TestDrawnASCII(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	pool := []string{"a", "Z", " ", "~", "(", "\\", "\t", "\n", "\x7f", "\x00", "é", "—", "\U0001F600", "\xff", "\u0fff", "?"}
	texts := []string{"", " ", "Perjanjian Kinerja 2023", "100%", "a\tb", "\x7f"}
	for range 4000 {
		s := ""
		for range rng.Intn(8) {
			s += pool[rng.Intn(len(pool))]
		}
		texts = append(texts, s)
	}
	for _, s := range texts {
		for _, st := range fonts.Styles {
			for _, pdfa := range []bool{false, true} {
				want := cleanText(s)
				if pdfa && want != "" {
					want = knownGlyphs(want, st)
				}
				got, ok := drawn(&render.Text{S: s, Style: st}, pdfa)
				if got != want || ok != (want != "") {
					t.Fatalf("%q, style %d, PDF/A %v: %q %v, want %q %v", s, st, pdfa, got, ok, want, want != "")
				}
			}
		}
	}
	for _, st := range fonts.Styles {
		if !asciiCovered(st) {
			t.Errorf("style %v: the face lacks a printable ASCII character, so every text takes the slow path", st)
		}
	}
}
