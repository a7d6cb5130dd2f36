package model

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"pkgen/pesan"
)

// decoder walks the decoded TOML tree into typed values, recording every
// problem with its key path and line instead of stopping at the first.
type decoder struct {
	file string
	// text is the text decoded; loc its locator once a problem asks for
	// it, taken from pending when that was begun for the same text.
	text    string
	pending *pendingLocator
	loc     *locator
	probs   Problems
	// skip holds the lines a syntax error replaced (see decodeRecovering):
	// their values are placeholders, so their problems are not reported.
	skip map[int]bool
	// failed holds the key paths with an error, and their ancestors:
	// checks of relations skip values that could not be read.
	failed map[string]bool
	// dropped counts the problems past maxProblems, by severity.
	dropped [2]int
}

// maxProblems bounds the problems listed for one file: a file with
// hundreds of thousands of wrong keys is reported in bounded time and
// memory, the rest counted in one closing line.
const maxProblems = 1000

// newDecoder walks what dec decoded; its syntax errors come first.
func newDecoder(file string, dec decoded) *decoder {
	return &decoder{file: file, text: dec.text, pending: dec.loc, probs: dec.probs, skip: dec.skip, failed: map[string]bool{}}
}

// locate is the locator of the text decoded, made on first use.
func (d *decoder) locate() *locator {
	if d.loc == nil {
		d.loc = d.pending.get(d.text)
	}
	return d.loc
}

// add records a problem; format is a catalogue key (package pesan) and
// the Indonesian message is fmt.Sprintf(format, args...).
func (d *decoder) add(sev Severity, path, format string, args ...any) {
	d.record(problemf(d.file, d.locate().line(path), path, sev, format, args...))
}

// record keeps p unless it is about a replaced line, and marks its path
// failed when it is an error.
func (d *decoder) record(p Problem) {
	if p.Severity == Galat {
		for path := p.Path; path != "" && !d.failed[path]; {
			d.failed[path] = true
			i := strings.LastIndexAny(path, ".[")
			if i < 0 {
				break
			}
			path = path[:i]
		}
	}
	switch {
	case d.skip[p.Line]:
	case len(d.probs) >= maxProblems:
		d.dropped[p.Severity]++
	default:
		d.probs = append(d.probs, p)
	}
}

// full reports whether the list is at maxProblems: a message need not be
// built, only counted (see drop).
func (d *decoder) full() bool { return len(d.probs) >= maxProblems }

// drop counts a problem at path that is not listed.
func (d *decoder) drop(path string, sev Severity) {
	d.record(Problem{Path: path, Line: d.locate().line(path), Severity: sev})
}

// finish sorts the problems by line and closes them with the count of
// those not listed.
func (d *decoder) finish() {
	d.probs.sortByLine()
	if n := d.dropped[Galat] + d.dropped[Peringatan]; n > 0 {
		sev := Galat
		if d.dropped[Galat] == 0 {
			sev = Peringatan
		}
		d.probs = append(d.probs, problemf(d.file, 0, "", sev, "%d masalah lain tidak ditampilkan; perbaiki masalah di atas lalu periksa lagi", n))
	}
}

// hasFailed reports whether path, or any key under it, has an error.
func (d *decoder) hasFailed(path string) bool { return d.failed[path] }

func (d *decoder) errf(path, format string, args ...any)  { d.add(Galat, path, format, args...) }
func (d *decoder) warnf(path, format string, args ...any) { d.add(Peringatan, path, format, args...) }

// errOf records err as an error: its catalogue message when it is one
// (pesan.Errorf), else its text.
func (d *decoder) errOf(path string, err error) {
	d.record(problemOf(d.file, d.locate().line(path), path, err))
}

// tbl is one TOML table being read; keys not read by the time done is called
// are reported as unknown.
type tbl struct {
	d    *decoder
	path string
	m    map[string]any
	used map[string]bool
}

func (d *decoder) table(path string, m map[string]any) *tbl {
	return &tbl{d: d, path: path, m: m, used: map[string]bool{}}
}

func (t *tbl) keyPath(key string) string { return joinPath(t.path, key) }

func (t *tbl) get(key string) (any, bool) {
	t.used[key] = true
	v, ok := t.m[key]
	return v, ok
}

// done reports keys the schema does not know, suggesting the nearest known one.
func (t *tbl) done() {
	var unknown []string
	for k := range t.m {
		if !t.used[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	known := make([]string, 0, len(t.used))
	for k := range t.used {
		known = append(known, k)
	}
	sort.Strings(known)
	allowed := strings.Join(known, ", ")
	for _, k := range unknown {
		if t.d.full() {
			t.d.drop(t.keyPath(k), Galat)
			continue
		}
		if s := nearest(k, known); s != "" {
			t.d.errf(t.keyPath(k), "kunci %q tidak dikenal; maksud Anda %q?", k, s)
		} else {
			t.d.errf(t.keyPath(k), "kunci %q tidak dikenal; kunci yang boleh di sini: %s", k, allowed)
		}
	}
}

// typeName names the TOML type of v for messages: a catalogue word
// (pesan.Pesan), or the Go type for a value TOML never decodes to.
func typeName(v any) any {
	switch v.(type) {
	case string:
		return pesan.M("teks")
	case int64:
		return pesan.M("bilangan bulat")
	case float64:
		return pesan.M("bilangan desimal")
	case bool:
		return pesan.M("boolean")
	case time.Time:
		return pesan.M("tanggal/waktu")
	case []map[string]any:
		return pesan.M("daftar tabel")
	case []any:
		return pesan.M("daftar")
	case map[string]any:
		return pesan.M("tabel")
	}
	return fmt.Sprintf("%T", v)
}

func (t *tbl) str(key string, required bool) string {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.d.errf(t.keyPath(key), "wajib diisi (teks)")
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.d.errf(t.keyPath(key), "harus teks dalam tanda kutip, bukan %s", typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.d.errf(t.keyPath(key), "tidak boleh kosong")
	}
	return strings.TrimSpace(s)
}

// text is str without trimming inner layout (for Markdown), trailing space trimmed.
func (t *tbl) text(key string) string {
	v, ok := t.get(key)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.d.errf(t.keyPath(key), "harus teks dalam tanda kutip, bukan %s", typeName(v))
		return ""
	}
	// A file saved with CRLF line ends keeps them inside multi-line
	// strings; Markdown wants plain newlines.
	return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), " \t\r\n")
}

func (t *tbl) integer(key string, required bool) (int, bool) {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.d.errf(t.keyPath(key), "wajib diisi (bilangan bulat)")
		}
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		t.d.errf(t.keyPath(key), "harus bilangan bulat tanpa tanda kutip, bukan %s", typeName(v))
		return 0, false
	}
	return int(n), true
}

func (t *tbl) enum(key string, def string, allowed ...string) string {
	s := t.str(key, false)
	if s == "" {
		return def
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	t.d.errf(t.keyPath(key), "nilai %q tidak dikenal; pilih salah satu: %s", s, quoteAll(allowed))
	return def
}

func (t *tbl) strs(key string, required bool) []string {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.d.errf(t.keyPath(key), "wajib diisi (daftar teks, mis. [\"BARIS 1\", \"BARIS 2\"])")
		}
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.d.errf(t.keyPath(key), "harus daftar teks, mis. [\"BARIS 1\", \"BARIS 2\"], bukan %s", typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.d.errf(fmt.Sprintf("%s[%d]", t.keyPath(key), i+1), "harus teks, bukan %s", typeName(e))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	if required && len(out) == 0 {
		t.d.errf(t.keyPath(key), "tidak boleh kosong")
	}
	return out
}

func (t *tbl) date(key string) *time.Time {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	tm, ok := v.(time.Time)
	if !ok {
		t.d.errf(t.keyPath(key), "harus tanggal TOML tanpa tanda kutip, mis. 2023-02-15, bukan %s", typeName(v))
		return nil
	}
	d := time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC)
	return &d
}

func (t *tbl) sub(key string, required bool) *tbl {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.d.errf(t.keyPath(key), "wajib ada: tabel [%s] atau %s = { ... }", stripIdx(t.keyPath(key)), key)
		}
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.d.errf(t.keyPath(key), "harus tabel ([%s] atau { ... }), bukan %s", stripIdx(t.keyPath(key)), typeName(v))
		return nil
	}
	return t.d.table(t.keyPath(key), m)
}

// list reads an array of tables ([[key]]); element paths are 1-based.
func (t *tbl) list(key string) []*tbl {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	var ms []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		ms = a
	case []any:
		for i, e := range a {
			m, ok := e.(map[string]any)
			if !ok {
				t.d.errf(fmt.Sprintf("%s[%d]", t.keyPath(key), i+1), "harus tabel ([[%s]]), bukan %s", stripIdx(t.keyPath(key)), typeName(e))
				continue
			}
			ms = append(ms, m)
		}
	default:
		t.d.errf(t.keyPath(key), "harus daftar tabel ([[%s]]), bukan %s", stripIdx(t.keyPath(key)), typeName(v))
		return nil
	}
	out := make([]*tbl, len(ms))
	for i, m := range ms {
		out[i] = t.d.table(fmt.Sprintf("%s[%d]", t.keyPath(key), i+1), m)
	}
	return out
}

// isEmptyList reports an empty array ("sasaran = []"), which list accepts
// without a message.
func isEmptyList(v any) bool {
	switch a := v.(type) {
	case []any:
		return len(a) == 0
	case []map[string]any:
		return len(a) == 0
	}
	return false
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// nearest returns the known key within edit distance 2 of k, if exactly
// one is nearest: "tw5" is as near to tw1 as to tw4, and suggesting one of
// them would mislead.
func nearest(k string, known []string) string {
	best, bestD, tie := "", 3, false
	for _, c := range known {
		switch d := EditDistance(strings.ToLower(k), c); {
		case d < bestD:
			best, bestD, tie = c, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// EditDistance is the Levenshtein distance between two keys, for "did you
// mean" suggestions.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
