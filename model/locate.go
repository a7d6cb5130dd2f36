package model

import (
	"strconv"
	"strings"
)

// locator maps key paths ("sasaran[3].indikator[1].target.tw2", indices
// 1-based) to the line that defines them. The TOML decoder does not expose
// positions of keys inside arrays of tables, so the source is scanned for
// table headers and key assignments; a path it cannot place falls back to its
// nearest located parent.
type locator struct {
	lines map[string]int
}

func newLocator(src string) *locator {
	l := &locator{lines: map[string]int{}}
	counts := map[string]int{} // array-of-tables path -> elements seen
	table := ""                // current table path with indices
	var sc valueScanner        // strings and brackets left open by earlier lines
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1
		s := strings.TrimSpace(line)
		if sc.open() {
			// Inside a multi-line string or array: nothing here is a
			// header or a key of the table.
			sc.feed(s)
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if key, ok := matchHeader(s, true); ok {
			name := normKey(key)
			parent := l.arrayParent(name, table)
			full := joinPath(parent, lastSeg(name))
			counts[full]++
			table = full + "[" + strconv.Itoa(counts[full]) + "]"
			l.set(table, lineNo)
			continue
		}
		if key, ok := matchHeader(s, false); ok {
			name := normKey(key)
			table = l.arrayParent(name, table)
			table = joinPath(table, lastSeg(name))
			l.set(table, lineNo)
			continue
		}
		key, end, ok := matchKeyLine(s)
		if !ok {
			sc.feed(s)
			continue
		}
		path := joinPath(table, normKey(key))
		l.set(path, lineNo)
		rest := strings.TrimSpace(s[end:])
		if strings.HasPrefix(rest, "{") {
			l.inline(path, rest, lineNo)
		}
		sc.feed(rest)
	}
	return l
}

// keyName is a TOML key: bare or quoted parts joined by dots. The
// locator matches it by hand (scanKeyName), as regexps cost about 2% of a
// render there; keyName stays for recover.go and as the tests' reference.
const keyName = `(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*`

// The matchers below give what the regexps
//
//	^\[\[\s*(keyName)\s*\]\]\s*(?:#.*)?$   (array header)
//	^\[\s*(keyName)\s*\]\s*(?:#.*)?$       (table header)
//	^(keyName)\s*=                        (key line)
//
// give on any input (matchers_test.go compares them). Each part and dot
// is decided by its first byte and stopping a key early leaves a '.' or
// key byte nothing after it accepts, so the greedy scan is the submatch.

// isSpace is regexp's \s: ASCII only, no \v.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func isBareKeyByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// scanKeyPart is the length of the bare, "double-quoted" or 'single-quoted'
// key part at the start of s, 0 if none.
func scanKeyPart(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '"':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '"':
				return i + 1
			case '\\':
				// \\. in the regexp: '.' takes anything but a newline.
				if i+1 == len(s) || s[i+1] == '\n' {
					return 0
				}
				i++
			}
		}
		return 0
	case '\'':
		if j := strings.IndexByte(s[1:], '\''); j >= 0 {
			return j + 2
		}
		return 0
	}
	i := 0
	for i < len(s) && isBareKeyByte(s[i]) {
		i++
	}
	return i
}

// scanKeyName is the length of the dotted key at the start of s, 0 if none.
func scanKeyName(s string) int {
	n := scanKeyPart(s)
	if n == 0 {
		return 0
	}
	for {
		i := skipSpace(s, n)
		if i == len(s) || s[i] != '.' {
			return n
		}
		i = skipSpace(s, i+1)
		p := scanKeyPart(s[i:])
		if p == 0 {
			return n
		}
		n = i + p
	}
}

// matchHeader returns the key of a table header ("[a.b]") or, with array,
// of an array-of-tables header ("[[a.b]]"), with an optional comment after.
func matchHeader(s string, array bool) (key string, ok bool) {
	brackets := 1
	if array {
		brackets = 2
	}
	if len(s) < brackets || s[:brackets] != "[["[:brackets] {
		return "", false
	}
	i := skipSpace(s, brackets)
	n := scanKeyName(s[i:])
	if n == 0 {
		return "", false
	}
	key = s[i : i+n]
	i = skipSpace(s, i+n)
	if len(s)-i < brackets || s[i:i+brackets] != "]]"[:brackets] {
		return "", false
	}
	i = skipSpace(s, i+brackets)
	// (?:#.*)?$: '.' takes anything but a newline.
	if i == len(s) || s[i] == '#' && strings.IndexByte(s[i:], '\n') < 0 {
		return key, true
	}
	return "", false
}

// matchKeyLine returns the key at the start of s when '=' follows it, and
// the length of s up to and including that '='.
func matchKeyLine(s string) (key string, end int, ok bool) {
	n := scanKeyName(s)
	if n == 0 {
		return "", 0, false
	}
	i := skipSpace(s, n)
	if i == len(s) || s[i] != '=' {
		return "", 0, false
	}
	return s[:n], i + 1, true
}

// valueScanner follows TOML values across lines, so that a line inside a
// multi-line string or a multi-line array is not taken for a header or key.
type valueScanner struct {
	ml    string // open multi-line string delimiter
	depth int    // open [ and { outside strings
}

func (v *valueScanner) open() bool { return v.ml != "" || v.depth > 0 }

// feed scans one line (or the value part of a key line). It sees every
// byte of the file, so bytes are compared before strings.
func (v *valueScanner) feed(s string) {
	for i := 0; i < len(s); {
		if v.ml != "" {
			switch {
			case v.ml == `"""` && s[i] == '\\':
				i += 2
			case s[i] == v.ml[0] && strings.HasPrefix(s[i:], v.ml):
				i += 3
				// Up to two quotes right before the delimiter belong to
				// the string: """a""""" ends with a"".
				for extra := 0; extra < 2 && i < len(s) && s[i] == v.ml[0]; extra++ {
					i++
				}
				v.ml = ""
			default:
				i++
			}
			continue
		}
		switch c := s[i]; {
		case c == '#':
			return
		case (c == '"' || c == '\'') && i+2 < len(s) && s[i+1] == c && s[i+2] == c:
			v.ml = s[i : i+3]
			i += 3
		case c == '"' || c == '\'':
			i++
			for i < len(s) && s[i] != c {
				if c == '"' && s[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case c == '[' || c == '{':
			v.depth++
			i++
		case c == ']' || c == '}':
			if v.depth > 0 {
				v.depth--
			}
			i++
		default:
			i++
		}
	}
}

// arrayParent resolves a dotted header name against the indexed parents
// seen so far: "sasaran.indikator" under "sasaran[3]" becomes "sasaran[3]".
func (l *locator) arrayParent(name, current string) string {
	segs := strings.Split(name, ".")
	if len(segs) == 1 {
		return ""
	}
	parent := strings.Join(segs[:len(segs)-1], ".")
	if stripIdx(current) == parent || strings.HasPrefix(stripIdx(current), parent+".") {
		// Keep the indices of the current element for the shared prefix.
		cur := current
		for stripIdx(cur) != parent {
			i := strings.LastIndex(cur, ".")
			if i < 0 {
				return parent
			}
			cur = cur[:i]
		}
		return cur
	}
	return parent
}

func (l *locator) inline(path, rest string, line int) {
	body := strings.TrimSuffix(strings.TrimPrefix(rest, "{"), "}")
	for _, part := range strings.Split(body, ",") {
		if eq := strings.Index(part, "="); eq > 0 {
			l.set(joinPath(path, normKey(part[:eq])), line)
		}
	}
}

func (l *locator) set(path string, line int) {
	if _, ok := l.lines[path]; !ok {
		l.lines[path] = line
	}
}

// line returns the line of path or of its nearest located ancestor.
func (l *locator) line(path string) int {
	for path != "" {
		if n, ok := l.lines[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

func normKey(k string) string {
	segs := strings.Split(strings.TrimSpace(k), ".")
	for i, s := range segs {
		segs[i] = strings.Trim(strings.TrimSpace(s), `"'`)
	}
	return strings.Join(segs, ".")
}

func lastSeg(name string) string {
	if i := strings.LastIndex(name, "."); i >= 0 {
		return name[i+1:]
	}
	return name
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// stripIdx removes "[n]" indices: "sasaran[3].indikator[1]" -> "sasaran.indikator".
func stripIdx(p string) string {
	var b strings.Builder
	skip := false
	for _, r := range p {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line is the line of d's file that defines the key path (or its nearest
// located parent), 0 if none: for messages about a value found wrong after
// loading (a logo or template that cannot be read).
func (d *Document) Line(path string) int {
	return newLocator(string(d.Raw)).line(path)
}

// Locator returns the line of a key path in src (or of its nearest
// located parent), 0 if none: one scan of src for many messages about
// the same file (package kaskade's, made after loading).
func Locator(src []byte) func(path string) int {
	return newLocator(string(src)).line
}

// pendingLocator is newLocator of a text made on another goroutine, begun
// when the text is read so that the scan (a tenth of loading the seed)
// runs beside the TOML decoder rather than after it.
type pendingLocator struct {
	src      string
	done     chan struct{}
	loc      *locator
	panicked any // the scan's panic, raised again where the locator is asked for
}

// concurrentLocate is the size from which the locator is made beside the
// decoder; a smaller text is scanned when asked, in no time. (A variable
// for TestLocatorBeside.)
var concurrentLocate = 8 << 10

// startLocator begins the locator of src; nil for a short src.
func startLocator(src string) *pendingLocator {
	if len(src) < concurrentLocate {
		return nil
	}
	p := &pendingLocator{src: src, done: make(chan struct{})}
	go func() {
		defer func() {
			p.panicked = recover()
			close(p.done)
		}()
		p.loc = newLocator(src)
	}()
	return p
}

// get is the locator of text: the one begun, if it was begun for text
// (not for a text whose broken lines the decoder replaced since), else a
// new one.
func (p *pendingLocator) get(text string) *locator {
	if p != nil {
		<-p.done
		if p.panicked != nil {
			panic(p.panicked)
		}
		if p.src == text {
			return p.loc
		}
	}
	return newLocator(text)
}
