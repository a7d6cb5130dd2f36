package render

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"pkgen/fonts"
)

// ListIndent is the indent added per list nesting level, mm.
const ListIndent = 5.0

// ParaGapLines is the space between rich-text blocks, in line heights.
const ParaGapLines = 0.6

// ParaGap returns the gap to pass to RichParas for a size and leading, mm.
func ParaGap(sizePt, leading float64) float64 {
	return ParaGapLines * sizePt * leading * PtToMM
}

// mdParser is the CommonMark parser, made once: making one (its block and
// inline parser tables) allocated more than parsing a definition. A
// goldmark parser keeps no state between Parse calls and may be shared
// between goroutines.
var mdParser = sync.OnceValue(goldmark.DefaultParser)

// RichParas maps CommonMark to paragraphs in base style; gap (mm) separates
// consecutive blocks except items of a tight list. Raw HTML is shown as text.
func RichParas(markdown string, base fonts.Style, gap float64) []Para {
	src := []byte(strings.ToValidUTF8(markdown, "\uFFFD"))
	doc := mdParser().Parse(text.NewReader(src))
	base = normStyle(base)
	b := richBuilder{src: src, base: base, gap: gap, bullet: "-"}
	if fonts.MustFace(base).Has('•') {
		b.bullet = "•"
	}
	b.blocks(doc, 0)
	return b.paras
}

// RawHTML returns the raw HTML snippets (inline and block) in markdown, so a
// validator can warn that they are printed literally.
func RawHTML(markdown string) []string {
	src := []byte(strings.ToValidUTF8(markdown, "\uFFFD"))
	doc := mdParser().Parse(text.NewReader(src))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			out = append(out, rawInline(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			out = append(out, htmlBlockText(n, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// PlainParas splits plain text into paragraphs at blank lines; single
// newlines are hard breaks. SpaceBefore is left 0 for the caller to set.
func PlainParas(s string, style fonts.Style, align Align) []Para {
	if !strings.ContainsAny(s, "\r\n") && utf8.ValidString(s) {
		// One line, as most table cells are: its paragraph and span in
		// one allocation (this was a fifth of a layout's allocations).
		if strings.Trim(s, " \t\v\f") == "" {
			return nil
		}
		one := &struct {
			p [1]Para
			s [1]Span
		}{}
		one.s[0] = Span{Text: s, Style: style}
		one.p[0] = Para{Spans: one.s[:], Align: align}
		return one.p[:]
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var paras []Para
	var cur []string
	end := func() {
		if len(cur) > 0 {
			paras = append(paras, Para{Spans: []Span{{Text: strings.Join(cur, "\n"), Style: style}}, Align: align})
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Trim(line, " \t\v\f") == "" {
			end()
		} else {
			cur = append(cur, line)
		}
	}
	end()
	return paras
}

type richBuilder struct {
	src    []byte
	base   fonts.Style
	gap    float64
	bullet string
	paras  []Para

	// Inline text being collected: finished spans plus a pending one.
	spans  []Span
	buf    []byte
	bufSty fonts.Style

	marker       string // marker of the list item whose first block is pending
	markerIndent float64
	item         ListItem // the pending marker's item
	level        int      // lists open around the current block
	tight        int      // > 0 inside a tight list
	listHead     bool     // the next block opens an outermost tight list
}

func (b *richBuilder) blocks(n ast.Node, indent float64) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.block(c, indent)
	}
}

func (b *richBuilder) block(n ast.Node, indent float64) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		b.inline(n, b.base)
		b.emit(indent)
	case *ast.Heading:
		b.inline(n, b.base.With(true, false))
		b.emit(indent)
	case *ast.ThematicBreak:
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		b.literal(linesText(n, b.src))
		b.emit(indent)
	case *ast.HTMLBlock:
		b.literal(htmlBlockText(n, b.src))
		b.emit(indent)
	case *ast.List:
		b.list(n, indent)
	default:
		if n.Type() == ast.TypeInline {
			return
		}
		if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
			b.inline(n, b.base)
			b.emit(indent)
			return
		}
		b.blocks(n, indent) // document, block quote, unknown containers
	}
}

func (b *richBuilder) list(l *ast.List, indent float64) {
	saved := b.tight
	if l.IsTight {
		if b.tight == 0 {
			b.listHead = true
		}
		b.tight++
	} else {
		b.tight = 0
	}
	num := l.Start
	delim := "."
	item := ListItem{Kind: ListBullet, Level: b.level, First: true, Start: l.Start}
	if l.IsOrdered() {
		item.Kind = ListDecimal
	}
	if l.Marker == ')' {
		delim = ")"
		if l.IsOrdered() {
			item.Kind = ListDecimalR
		}
	}
	b.level++
	defer func() { b.level-- }()
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		marker := b.bullet
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + delim
			num++
		}
		b.flushMarker()
		b.marker, b.markerIndent, b.item = marker, indent+ListIndent, item
		item.First = false
		b.blocks(it, indent+ListIndent)
		b.flushMarker()
	}
	b.tight, b.listHead = saved, false
}

// flushMarker emits an item's marker on its own when no block took it (an
// empty item, or one starting with a nested list).
func (b *richBuilder) flushMarker() {
	if b.marker != "" {
		b.emit(b.markerIndent)
	}
}

// emit turns the collected inline text into a paragraph.
func (b *richBuilder) emit(indent float64) {
	b.endSpan()
	p := Para{Spans: b.spans, Indent: indent}
	b.spans = nil
	if b.marker != "" {
		p.Marker, p.MarkerStyle, p.Indent, p.List = b.marker, b.base, b.markerIndent, b.item
		b.marker = ""
	} else if !hasText(p.Spans) {
		return
	}
	if len(b.paras) > 0 && (b.tight == 0 || b.listHead) {
		p.SpaceBefore = b.gap
	}
	b.listHead = false
	b.paras = append(b.paras, p)
}

func hasText(spans []Span) bool {
	for _, s := range spans {
		if strings.TrimLeft(s.Text, " \t\r\n\v\f") != "" {
			return true
		}
	}
	return false
}

func (b *richBuilder) add(s string, st fonts.Style) {
	if s == "" {
		return
	}
	if st != b.bufSty && len(b.buf) > 0 {
		b.endSpan()
	}
	b.bufSty = st
	b.buf = append(b.buf, s...)
}

func (b *richBuilder) addBytes(s []byte, st fonts.Style) {
	if len(s) == 0 {
		return
	}
	if st != b.bufSty && len(b.buf) > 0 {
		b.endSpan()
	}
	b.bufSty = st
	b.buf = append(b.buf, s...)
}

func (b *richBuilder) endSpan() {
	if len(b.buf) > 0 {
		b.spans = append(b.spans, Span{Text: string(b.buf), Style: b.bufSty})
		b.buf = b.buf[:0]
	}
}

// literal adds source text verbatim (code, raw HTML); newlines stay hard breaks.
func (b *richBuilder) literal(s string) {
	b.add(strings.TrimRight(s, "\n"), b.base)
}

func (b *richBuilder) inline(n ast.Node, st fonts.Style) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(b.src)
			if c.IsRaw() {
				b.addBytes(v, st)
			} else {
				b.add(unescape(v), st)
			}
			if c.HardLineBreak() {
				b.add("\n", st)
			} else if c.SoftLineBreak() {
				b.add(" ", st)
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.addBytes(c.Value, st)
			} else {
				b.add(unescape(c.Value), st)
			}
		case *ast.CodeSpan:
			// Shown as ordinary text; line endings inside become spaces.
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.add(newlinesToSpaces(tx.Segment.Value(b.src)), st)
				}
			}
		case *ast.Emphasis:
			b.inline(c, st.With(c.Level >= 2, c.Level == 1))
		case *ast.AutoLink:
			b.addBytes(c.Label(b.src), st)
		case *ast.RawHTML:
			b.add(newlinesToSpaces([]byte(rawInline(c, b.src))), st)
		default:
			b.inline(c, st) // links and images: their text
		}
	}
}

func newlinesToSpaces(v []byte) string {
	s := string(v)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

func rawInline(n *ast.RawHTML, src []byte) string {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		sb.Write(seg.Value(src))
	}
	return sb.String()
}

func linesText(n ast.Node, src []byte) string {
	var sb strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.Write(seg.Value(src))
	}
	return sb.String()
}

func htmlBlockText(n *ast.HTMLBlock, src []byte) string {
	s := linesText(n, src)
	if n.HasClosure() {
		s += string(n.ClosureLine.Value(src))
	}
	return strings.TrimRight(s, "\r\n")
}

// unescape resolves backslash escapes and entity/numeric references in one
// pass, as goldmark's HTML writer does (goldmark leaves them in Text nodes).
func unescape(v []byte) string {
	plain := true
	for _, c := range v {
		if c == '\\' || c == '&' || c == 0 {
			plain = false
			break
		}
	}
	if plain {
		return string(v)
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			out = append(out, v[i+1])
			i++
		case c == 0:
			out = utf8.AppendRune(out, utf8.RuneError)
		case c == '&':
			if r, n := charRef(v[i:]); n > 0 {
				out = append(out, r...)
				i += n - 1
			} else {
				out = append(out, c)
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// charRef decodes an entity or numeric reference at the start of v
// ("&amp;", "&#65;", "&#x41;"), returning its text and source length.
func charRef(v []byte) ([]byte, int) {
	if len(v) < 3 || v[0] != '&' {
		return nil, 0
	}
	semi := -1
	for i := 1; i < len(v) && i < 40; i++ {
		if v[i] == ';' {
			semi = i
			break
		}
	}
	if semi < 0 {
		return nil, 0
	}
	body := string(v[1:semi])
	if body == "" {
		return nil, 0
	}
	if body[0] != '#' {
		for i := 0; i < len(body); i++ {
			if !util.IsAlphaNumeric(body[i]) {
				return nil, 0
			}
		}
		if e, ok := util.LookUpHTML5EntityByName(body); ok {
			return e.Characters, semi + 1
		}
		return nil, 0
	}
	digits, base, max := body[1:], 10, 7
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base, max = digits[1:], 16, 6
	}
	if len(digits) == 0 || len(digits) > max {
		return nil, 0
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return nil, 0
	}
	return utf8.AppendRune(nil, util.ToValidRune(rune(n))), semi + 1
}
