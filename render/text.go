package render

import (
	"math"
	"strings"
	"unicode/utf8"

	"pkgen/fonts"
)

// Align is the horizontal alignment of a paragraph's lines.
type Align uint8

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignJustify
)

// Span is a run of text in one style; "\n" inside Text is a hard line break.
type Span struct {
	Text      string
	Style     fonts.Style
	Underline bool
}

// Para is a paragraph of inline content.
type Para struct {
	Spans []Span
	Align Align
	// Indent (mm) shifts all lines right; it is capped at half the width so
	// deep nesting in a narrow column still leaves room for text.
	Indent float64
	// Marker (a list marker like "1." or "•") hangs in the indent of the
	// first line, right-aligned, MarkerGap before the text start. The indent
	// widens to fit it; if it cannot, the marker leads the text instead.
	Marker      string
	MarkerStyle fonts.Style
	SpaceBefore float64 // mm
	// List says which Markdown list item a paragraph with a Marker
	// begins, for formats with lists of their own (Word numbering).
	List ListItem
}

// ListKind is the kind of a Markdown list.
type ListKind uint8

const (
	NotList      ListKind = iota
	ListBullet            // "-", "*", "+"
	ListDecimal           // "1."
	ListDecimalR          // "1)"
)

// ListItem places a list item: its list's kind, its nesting Level (0 the
// outermost), First for the first item of its list, and the list's Start
// number.
type ListItem struct {
	Kind  ListKind
	Level int
	First bool
	Start int
}

// MarkerGap is the space between a hung marker and its text, mm.
const MarkerGap = 1.0

// maxMeasureCache bounds the width cache; it is simply emptied when full.
const maxMeasureCache = 1 << 14

type measureKey struct {
	s     string
	style fonts.Style
}

// Measurer measures and breaks text. Its zero value is ready to use; it
// caches word widths and reuses buffers, so keep one per goroutine.
type Measurer struct {
	cache map[measureKey]int // thousandths of an em

	// ASCII advances per style, so plain words are summed while scanning
	// instead of hashed: cheaper than a map lookup for short words.
	ascii  [4][128]int32
	loaded [4]bool

	// Scratch reused between calls.
	pieces []piece
	words  []word
	line   []frag
	pre    []Span    // marker + spans when the marker cannot hang
	arena  []byte    // texts of merged runs, made one string in finish
	later  []textRef // runs whose Text lies in arena
	out    []TextLine
	starts []int // index into runs of each line in out
	runs   []Run

	// Per-paragraph state while breaking.
	spans   []Span
	lineU   int     // natural width of line, in units
	availU  float64 // available width, in units
	k       float64 // mm per unit at the current size
	indent  float64
	align   Align
	size    float64
	height  float64
	ascent  float64
	marker  string
	markerS fonts.Style
	markerU int
}

// piece is a maximal stretch of non-space text inside one span.
type piece struct {
	span       int
	start, end int // byte offsets in the span's text
	style      fonts.Style
	under      bool
	units      int
}

// word is pieces[p0:p1] with no space between them, or a hard break.
type word struct {
	p0, p1 int
	units  int
	gap    int // a space in the first piece's style, used unless first on its line
	brk    bool
}

type textRef struct{ run, start, end int }

// frag is the part of a piece placed on the current line.
type frag struct {
	piece      int
	start, end int
	units      int
	gap        int  // space before it, units
	ws         bool // starts a word after a space (a justification point)
}

func normStyle(s fonts.Style) fonts.Style {
	if s > fonts.BoldItalic {
		return fonts.Regular
	}
	return s
}

// units returns the width of s in thousandths of an em (style normalised).
func (m *Measurer) units(st fonts.Style, s string) int {
	if s == "" {
		return 0
	}
	if w, ok := m.cache[measureKey{s, st}]; ok {
		return w
	}
	w := fonts.MustFace(st).Width(s)
	if m.cache == nil {
		m.cache = make(map[measureKey]int, 256)
	} else if len(m.cache) >= maxMeasureCache {
		clear(m.cache)
	}
	// Clone so the cache never pins a caller's large string.
	m.cache[measureKey{strings.Clone(s), st}] = w
	return w
}

func unitScale(sizePt float64) float64 { return sizePt / 1000 * PtToMM }

// Width returns the advance of s in mm.
func (m *Measurer) Width(style fonts.Style, sizePt float64, s string) float64 {
	return float64(m.units(normStyle(style), s)) * unitScale(sizePt)
}

// Lines breaks a paragraph into lines at most width mm wide. leading is the
// line height as a multiple of sizePt.
func (m *Measurer) Lines(p Para, width, sizePt, leading float64) []TextLine {
	m.layout(&p, width, sizePt, leading)
	return m.finish()
}

// Block breaks paragraphs one after the other.
func (m *Measurer) Block(paras []Para, width, sizePt, leading float64) []TextLine {
	for i := range paras {
		m.layout(&paras[i], width, sizePt, leading)
	}
	return m.finish()
}

// finish copies the scratch lines out, with all runs in one allocation.
func (m *Measurer) finish() []TextLine {
	if len(m.out) == 0 {
		return nil
	}
	out := make([]TextLine, len(m.out))
	var all []Run
	if len(m.runs) > 0 {
		all = make([]Run, len(m.runs))
		copy(all, m.runs)
	}
	if len(m.later) > 0 {
		arena := string(m.arena)
		for _, r := range m.later {
			all[r.run].Text = arena[r.start:r.end]
		}
	}
	for i, l := range m.out {
		s, e := m.starts[i], len(all)
		if i+1 < len(m.starts) {
			e = m.starts[i+1]
		}
		if e > s {
			l.Runs = all[s:e:e]
		}
		out[i] = l
	}
	clear(m.runs) // drop string references
	m.runs, m.out, m.starts = m.runs[:0], m.out[:0], m.starts[:0]
	m.arena, m.later = m.arena[:0], m.later[:0]
	m.spans = nil
	clear(m.pre)
	m.pre = m.pre[:0]
	return out
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func (m *Measurer) asciiTable(st fonts.Style) *[128]int32 {
	t := &m.ascii[st]
	if !m.loaded[st] {
		f := fonts.MustFace(st)
		for r := range t {
			t[r] = int32(f.Advance(rune(r)))
		}
		m.loaded[st] = true
	}
	return t
}

// tokenize splits spans into words and hard breaks.
func (m *Measurer) tokenize(spans []Span) {
	m.pieces, m.words = m.pieces[:0], m.words[:0]
	inWord := false
	for si := range spans {
		sp := &spans[si]
		st := normStyle(sp.Style)
		tab := m.asciiTable(st)
		space := int(tab[' '])
		t := sp.Text
		for i := 0; i < len(t); {
			c := t[i]
			if isSpaceByte(c) {
				inWord = false
				i++
				continue
			}
			if c == '\n' {
				inWord = false
				m.words = append(m.words, word{brk: true})
				i++
				continue
			}
			j, u, ascii := i, 0, true
			for ; j < len(t); j++ {
				c := t[j]
				if c > ' ' {
					if c < utf8.RuneSelf {
						u += int(tab[c])
					} else {
						ascii = false
					}
					continue
				}
				if isSpaceByte(c) || c == '\n' {
					break
				}
				u += int(tab[c])
			}
			if !ascii {
				u = m.units(st, t[i:j])
			}
			m.pieces = append(m.pieces, piece{span: si, start: i, end: j, style: st, under: sp.Underline, units: u})
			if inWord {
				// A style change inside a word: no space.
				w := &m.words[len(m.words)-1]
				w.p1++
				w.units += u
			} else {
				n := len(m.pieces)
				m.words = append(m.words, word{p0: n - 1, p1: n, units: u, gap: space})
				inWord = true
			}
			i = j
		}
	}
}

// layout breaks one paragraph into m.out/m.runs.
func (m *Measurer) layout(p *Para, width, sizePt, leading float64) {
	m.size = sizePt
	m.k = unitScale(sizePt)
	w := lineWidth(width)
	spans := p.Spans
	m.marker = ""
	ms, mu := m.markerUnits(p)
	ind, hang := paraIndent(p, w, m.k, mu)
	if p.Marker != "" {
		if hang {
			m.marker, m.markerS, m.markerU = p.Marker, ms, mu
		} else {
			// No room to hang it: it leads the text instead.
			m.pre = append(m.pre[:0], Span{Text: p.Marker, Style: ms}, Span{Text: " ", Style: ms})
			m.pre = append(m.pre, p.Spans...)
			spans = m.pre
		}
	}
	m.tokenize(spans)
	if len(m.words) == 0 && m.marker == "" {
		return
	}
	m.spans = spans
	m.indent = ind
	m.align = p.Align
	m.height = sizePt * leading * PtToMM
	reg := fonts.MustFace(fonts.Regular)
	m.ascent = (m.height-float64(reg.Ascent+reg.Descent)*m.k)/2 + float64(reg.Ascent)*m.k
	m.availU = availUnits(w, ind, m.k)

	if p.SpaceBefore > 0 {
		m.starts = append(m.starts, len(m.runs))
		m.out = append(m.out, TextLine{Height: p.SpaceBefore})
	}

	m.line, m.lineU = m.line[:0], 0
	for _, w := range m.words {
		if w.brk {
			m.flush(true, false)
			continue
		}
		if len(m.line) > 0 {
			if float64(m.lineU+w.gap+w.units) <= m.availU {
				m.addWord(w)
				continue
			}
			m.flush(false, false)
		}
		if float64(w.units) <= m.availU {
			m.addWord(w)
			continue
		}
		m.split(w)
	}
	if len(m.line) > 0 || m.marker != "" {
		m.flush(false, true)
	}
}

// lineWidth is a paragraph's width as layout takes it: never negative.
func lineWidth(width float64) float64 {
	if !(width > 0) {
		return 0
	}
	return width
}

// markerUnits is p's marker style and width in units (0 without one).
func (m *Measurer) markerUnits(p *Para) (fonts.Style, int) {
	if p.Marker == "" {
		return 0, 0
	}
	ms := normStyle(p.MarkerStyle)
	return ms, m.units(ms, p.Marker)
}

// paraIndent is the indent of p's lines in a line w mm wide at k mm per
// unit, and whether its marker, mu units wide, hangs in it (false: it leads
// the text, or there is none).
func paraIndent(p *Para, w, k float64, mu int) (ind float64, hang bool) {
	ind = p.Indent
	if !(ind > 0) || math.IsInf(ind, 1) {
		ind = 0
	}
	// Keep at least half the column for text, however deep the nesting.
	if ind > w/2 {
		ind = w / 2
	}
	if p.Marker == "" {
		return ind, false
	}
	need := float64(mu)*k + MarkerGap
	if need > ind && need <= w/2 {
		ind = need // widen the indent rather than overlap the text
	}
	return ind, need <= ind
}

// availUnits is the room of a line w mm wide with indent ind, in units of
// k mm.
func availUnits(w, ind, k float64) float64 {
	if k > 0 && !math.IsInf(k, 1) {
		return (w-ind)/k + 1e-7 // tolerance for the mm->units division
	}
	return math.Inf(1)
}

func (m *Measurer) addWord(w word) {
	for pi := w.p0; pi < w.p1; pi++ {
		pc := &m.pieces[pi]
		f := frag{piece: pi, start: pc.start, end: pc.end, units: pc.units}
		if pi == w.p0 && len(m.line) > 0 {
			f.gap, f.ws = w.gap, true
			m.lineU += w.gap
		}
		m.lineU += pc.units
		m.line = append(m.line, f)
	}
}

// split places a word wider than the line on an empty line, breaking after
// the last hyphen that fits ("LLDIKTI-XII-" / "IKU-01"), else after the last
// character that fits (at least one character per line).
func (m *Measurer) split(w word) {
	for pi := w.p0; pi < w.p1; pi++ {
		pc := m.pieces[pi]
		text := m.spans[pc.span].Text
		face := fonts.MustFace(pc.style)
		start, u := pc.start, 0
		hy, hyU := start, 0 // just after the last hyphen since start
		for i := pc.start; i < pc.end; {
			r, size := utf8.DecodeRuneInString(text[i:pc.end])
			a := face.Advance(r)
			if float64(m.lineU+u+a) > m.availU && (len(m.line) > 0 || i > start) {
				if hy > start {
					m.line = append(m.line, frag{piece: pi, start: start, end: hy, units: hyU})
					m.lineU += hyU
					m.flush(false, false)
					start, u = hy, u-hyU
					hyU = 0
					continue // the same rune, on the new line
				}
				if i > start {
					m.line = append(m.line, frag{piece: pi, start: start, end: i, units: u})
					m.lineU += u
				}
				m.flush(false, false)
				start, u = i, 0
				hy, hyU = start, 0
			}
			u += a
			i += size
			if isBreakHyphen(r) && i-size > pc.start && i < pc.end {
				// Not inside a run of them ("https://", "--").
				if next, _ := utf8.DecodeRuneInString(text[i:pc.end]); !isBreakHyphen(next) {
					hy, hyU = i, u
				}
			}
		}
		if pc.end > start {
			m.line = append(m.line, frag{piece: pi, start: start, end: pc.end, units: u})
			m.lineU += u
		}
	}
}

// isBreakHyphen tells the characters a word too wide for its line may
// break after: hyphens and dashes between parts of a code, slashes.
func isBreakHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2013' || r == '/' }

// flush emits the current line. hard: it ends at a hard break; last: it ends
// the paragraph. Neither is justified.
func (m *Measurer) flush(hard, last bool) {
	line := TextLine{Height: m.height, Ascent: m.ascent}
	m.starts = append(m.starts, len(m.runs))
	if m.marker != "" {
		mw := float64(m.markerU) * m.k
		m.runs = append(m.runs, Run{
			X: m.indent - MarkerGap - mw, Style: m.markerS, Size: m.size,
			Text: m.marker, Width: mw,
		})
		line.Width = m.indent - MarkerGap
		m.marker = ""
	}
	if len(m.line) == 0 {
		m.out = append(m.out, line)
		return
	}

	gaps := 0
	for i := 1; i < len(m.line); i++ {
		if m.line[i].ws {
			gaps++
		}
	}
	var off, extra float64 // units
	finite := !math.IsInf(m.availU, 0)
	slack := m.availU - float64(m.lineU)
	if finite && slack > 0 {
		switch m.align {
		case AlignCenter:
			off = slack / 2
		case AlignRight:
			off = slack
		case AlignJustify:
			if !hard && !last && gaps > 0 {
				extra = slack / float64(gaps)
			}
		}
	}
	justify := extra > 0

	pos, ngap := 0, 0
	for i := 0; i < len(m.line); {
		f := m.line[i]
		if i > 0 && f.ws {
			pos += f.gap
			ngap++
		}
		x := off + float64(pos) + float64(ngap)*extra
		pc := &m.pieces[f.piece]
		j := i + 1
		units := f.units
		if !justify {
			// Merge following fragments of the same style into one run.
			for j < len(m.line) {
				g := m.line[j]
				q := &m.pieces[g.piece]
				if q.style != pc.style || q.under != pc.under {
					break
				}
				units += g.gap + g.units
				j++
			}
		}
		m.runs = append(m.runs, Run{
			X: m.indent + x*m.k, Style: pc.style, Size: m.size,
			Width: float64(units) * m.k, Underline: pc.under,
		})
		m.setText(i, j)
		pos += units
		i = j
	}
	lr := &m.runs[len(m.runs)-1]
	line.Width = lr.X + lr.Width
	m.out = append(m.out, line)
	m.line, m.lineU = m.line[:0], 0
}

// setText sets the last run's text to line[i:j] with single spaces at word
// starts: a slice of the source when contiguous there, else a piece of the
// arena, so merging costs no allocation per run.
func (m *Measurer) setText(i, j int) {
	r := &m.runs[len(m.runs)-1]
	f := m.line[i]
	src := m.spans[m.pieces[f.piece].span].Text
	if j == i+1 {
		r.Text = src[f.start:f.end]
		return
	}
	contiguous := true
	for t := i + 1; t < j && contiguous; t++ {
		g, prev := m.line[t], m.line[t-1]
		if m.pieces[g.piece].span != m.pieces[f.piece].span {
			contiguous = false
		} else if g.ws {
			contiguous = g.start == prev.end+1 && src[prev.end] == ' '
		} else {
			contiguous = g.start == prev.end
		}
	}
	if contiguous {
		r.Text = src[f.start:m.line[j-1].end]
		return
	}
	start := len(m.arena)
	for t := i; t < j; t++ {
		g := m.line[t]
		if t > i && g.ws {
			m.arena = append(m.arena, ' ')
		}
		m.arena = append(m.arena, m.spans[m.pieces[g.piece].span].Text[g.start:g.end]...)
	}
	m.later = append(m.later, textRef{len(m.runs) - 1, start, len(m.arena)})
}
