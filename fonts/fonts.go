// Package fonts embeds the TrueType fonts pkgen draws with (Liberation Sans,
// metric-compatible with Arial; SIL OFL 1.1, see LICENSE-OFL.txt) and exposes
// their advance widths so layout can measure text without a PDF library.
package fonts

import (
	_ "embed"
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Style is one face of the family.
type Style uint8

const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
	numStyles
)

// Styles lists every face, in a fixed order.
var Styles = [...]Style{Regular, Bold, Italic, BoldItalic}

// String returns the fpdf-style code: "", "B", "I" or "BI".
func (s Style) String() string {
	switch s {
	case Bold:
		return "B"
	case Italic:
		return "I"
	case BoldItalic:
		return "BI"
	}
	return ""
}

// With returns the style with bold and/or italic added.
func (s Style) With(bold, italic bool) Style {
	b := bold || s == Bold || s == BoldItalic
	i := italic || s == Italic || s == BoldItalic
	switch {
	case b && i:
		return BoldItalic
	case b:
		return Bold
	case i:
		return Italic
	}
	return Regular
}

// Family is the name fonts are registered under in the PDF.
const Family = "LiberationSans"

var (
	//go:embed LiberationSans-Regular.ttf
	regular []byte
	//go:embed LiberationSans-Bold.ttf
	bold []byte
	//go:embed LiberationSans-Italic.ttf
	italic []byte
	//go:embed LiberationSans-BoldItalic.ttf
	boldItalic []byte
)

// TTF returns the font file of a style. The slice must not be modified.
func TTF(s Style) []byte {
	switch s {
	case Bold:
		return bold
	case Italic:
		return italic
	case BoldItalic:
		return boldItalic
	}
	return regular
}

// eager covers Latin, Latin-1 and Latin Extended; other runes are looked up
// on demand (rare in Indonesian documents).
const eager = 0x250

// Metrics holds advance widths in thousandths of an em, rounded the way the
// PDF backend (fpdf) rounds them, so measured and drawn widths agree exactly.
type Metrics struct {
	f       *sfnt.Font
	upem    fixed.Int26_6
	widths  [eager]int16 // -1: no glyph
	Ascent  int          // thousandths of an em, positive
	Descent int          // thousandths of an em, positive below the baseline
	missing int          // advance of .notdef, drawn for a rune without a glyph

	mu    sync.Mutex
	other map[rune]int16
}

var (
	once    [numStyles]sync.Once
	metrics [numStyles]*Metrics
	errs    [numStyles]error
)

// Face returns the metrics of a style, parsed once per process.
func Face(s Style) (*Metrics, error) {
	if s >= numStyles {
		return nil, fmt.Errorf("fonts: unknown style %d", s)
	}
	once[s].Do(func() { metrics[s], errs[s] = parse(TTF(s)) })
	return metrics[s], errs[s]
}

// MustFace is Face for the embedded fonts, which are known to parse (a test
// checks every style); it panics only if the embedded files are corrupt.
func MustFace(s Style) *Metrics {
	m, err := Face(s)
	if err != nil {
		panic(err)
	}
	return m
}

func parse(data []byte) (*Metrics, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm()) << 6
	m := &Metrics{f: f, upem: upem, other: map[rune]int16{}}
	mm, err := f.Metrics(&buf, upem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	if adv, err := f.GlyphAdvance(&buf, 0, upem, font.HintingNone); err == nil {
		m.missing = scale(adv, f.UnitsPerEm())
	}
	m.Ascent = scale(mm.Ascent, f.UnitsPerEm())
	m.Descent = scale(mm.Descent, f.UnitsPerEm())
	for r := rune(0); r < eager; r++ {
		m.widths[r] = m.lookup(&buf, r)
	}
	return m, nil
}

func scale(v fixed.Int26_6, upem sfnt.Units) int {
	units := float64(v) / 64
	return int(units*1000/float64(upem) + 0.5)
}

func (m *Metrics) lookup(buf *sfnt.Buffer, r rune) int16 {
	gi, err := m.f.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return -1
	}
	adv, err := m.f.GlyphAdvance(buf, gi, m.upem, font.HintingNone)
	if err != nil {
		return -1
	}
	return int16(scale(adv, m.f.UnitsPerEm()))
}

// Has reports whether the font has a glyph for r.
func (m *Metrics) Has(r rune) bool { return m.width(r) >= 0 }

// Advance returns the width of r in thousandths of an em; a rune without a
// glyph measures as the .notdef glyph the PDF shows in its place.
func (m *Metrics) Advance(r rune) int {
	if w := m.width(r); w >= 0 {
		return int(w)
	}
	return m.missing
}

func (m *Metrics) width(r rune) int16 {
	if r >= 0 && r < eager {
		return m.widths[r]
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	w, ok := m.other[r]
	if !ok {
		var buf sfnt.Buffer
		w = m.lookup(&buf, r)
		m.other[r] = w
	}
	return w
}

// Width returns the width of s in thousandths of an em.
func (m *Metrics) Width(s string) int {
	w := 0
	for _, r := range s {
		w += m.Advance(r)
	}
	return w
}

// Name is the family's name as users know it, for messages.
const Name = "Liberation Sans"

// Covers reports whether the embedded fonts have a glyph for r; the PDF
// prints a rune without one as "?". The four styles share one
// character map (a test checks), so this holds for every style; per style,
// Metrics.Has says the same.
func Covers(r rune) bool {
	m, err := Face(Regular)
	return err == nil && m.Has(r)
}
