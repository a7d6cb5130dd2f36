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
	inML := ""                 // open multi-line string delimiter
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1
		s := strings.TrimSpace(line)
		if inML != "" {
			if strings.Count(s, inML)%2 == 1 {
				inML = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if strings.HasPrefix(s, "[[") {
			if end := strings.Index(s, "]]"); end > 0 {
				name := normKey(s[2:end])
				parent := l.arrayParent(name, table)
				full := joinPath(parent, lastSeg(name))
				counts[full]++
				table = full + "[" + strconv.Itoa(counts[full]) + "]"
				l.set(table, lineNo)
				continue
			}
		}
		if s[0] == '[' {
			if end := strings.Index(s, "]"); end > 0 {
				name := normKey(s[1:end])
				table = l.arrayParent(name, table)
				table = joinPath(table, lastSeg(name))
				l.set(table, lineNo)
				continue
			}
		}
		eq := strings.Index(s, "=")
		if eq <= 0 {
			continue
		}
		key := normKey(s[:eq])
		path := joinPath(table, key)
		l.set(path, lineNo)
		rest := strings.TrimSpace(s[eq+1:])
		if strings.HasPrefix(rest, "{") {
			l.inline(path, rest, lineNo)
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, d) && strings.Count(rest, d)%2 == 1 {
				inML = d
			}
		}
	}
	return l
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
