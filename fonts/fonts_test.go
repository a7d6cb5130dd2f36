package fonts

import "testing"

func TestEveryStyleParses(t *testing.T) {
	for _, s := range Styles {
		m, err := Face(s)
		if err != nil {
			t.Fatalf("style %q: %v", s, err)
		}
		if m.Ascent <= 0 || m.Descent <= 0 {
			t.Errorf("style %q: ascent %d descent %d", s, m.Ascent, m.Descent)
		}
	}
}

// Liberation Sans is metric-compatible with Arial: these are Arial's widths.
func TestArialCompatibleWidths(t *testing.T) {
	cases := []struct {
		s    Style
		text string
		want int
	}{
		{Regular, " ", 278},
		{Regular, "a", 556},
		{Regular, "W", 944},
		{Bold, "W", 944},
		{Bold, "a", 556},
		{Regular, "PIHAK", 667 + 278 + 722 + 667 + 667},
		{Italic, "i", 222},
	}
	for _, c := range cases {
		if got := MustFace(c.s).Width(c.text); got != c.want {
			t.Errorf("%q %q: width %d, want %d", c.s, c.text, got, c.want)
		}
	}
}

func TestRunesBeyondLatin(t *testing.T) {
	m := MustFace(Regular)
	for _, r := range "≤–—“”…" {
		if !m.Has(r) {
			t.Errorf("no glyph for %q", r)
		}
	}
	if m.Has('\U0001F600') {
		t.Errorf("unexpected emoji glyph")
	}
	// The PDF's /DW for Liberation Sans: the .notdef advance.
	if got := m.Advance('\U0001F600'); got != 750 {
		t.Errorf("missing glyph width %d, want 750", got)
	}
}

func TestWith(t *testing.T) {
	if Regular.With(true, false) != Bold || Bold.With(false, true) != BoldItalic || Italic.With(false, false) != Italic {
		t.Fatal("With combines styles wrongly")
	}
}

// TestStylesShareOneCharacterMap: Covers answers for every style because
// the four faces have glyphs for the same characters.
func TestStylesShareOneCharacterMap(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		has := Covers(r)
		if has {
			n++
		}
		for _, s := range Styles[1:] {
			if MustFace(s).Has(r) != has {
				t.Fatalf("%U: Regular has a glyph %v, %q %v", r, has, s, !has)
			}
		}
	}
	if n < 2000 {
		t.Errorf("only %d characters covered", n)
	}
}

func TestCovers(t *testing.T) {
	for _, r := range "aZ09 Āā–—“”…≤≥×€\u00a0" {
		if !Covers(r) {
			t.Errorf("%U %q not covered", r, r)
		}
	}
	for _, r := range "中ع😀\t\n\x00\x07\ufeff" {
		if Covers(r) {
			t.Errorf("%U %q covered", r, r)
		}
	}
}
