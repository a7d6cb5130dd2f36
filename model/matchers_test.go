package model

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// The regexps the hand-written matchers replaced: the reference they must
// agree with on every input.
var (
	refKeyName     = regexp.MustCompile(`^(?:` + keyName + `)`)
	refArrayHeader = regexp.MustCompile(`^\[\[\s*(` + keyName + `)\s*\]\]\s*(?:#.*)?$`)
	refTableHeader = regexp.MustCompile(`^\[\s*(` + keyName + `)\s*\]\s*(?:#.*)?$`)
	refKeyLine     = regexp.MustCompile(`^(` + keyName + `)\s*=`)

	refDesimal    = regexp.MustCompile(`^[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,3})?$`)
	refNumberText = regexp.MustCompile(`^[-+]?[0-9]+(?:[.,][0-9]+)?`)
	refAngkaTeks  = regexp.MustCompile(`^[-+]?[0-9]+(?:[.,][0-9]+)?$`)
	refPersen     = regexp.MustCompile(`^([-+]?[0-9]+(?:[.,][0-9]+)?)\s*%$`)
)

// compareKeyMatchers reports where the key matchers and the regexps differ on s.
func compareKeyMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := scanKeyName(s), len(refKeyName.FindString(s)); got != want {
		t.Errorf("scanKeyName(%q) = %d, regexp %d", s, got, want)
	}
	for _, array := range []bool{true, false} {
		ref := refTableHeader
		if array {
			ref = refArrayHeader
		}
		key, ok := matchHeader(s, array)
		m := ref.FindStringSubmatch(s)
		if ok != (m != nil) || ok && key != m[1] {
			t.Errorf("matchHeader(%q, %v) = %q, %v; regexp %q", s, array, key, ok, m)
		}
	}
	key, end, ok := matchKeyLine(s)
	m := refKeyLine.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (key != m[1] || end != len(m[0])) {
		t.Errorf("matchKeyLine(%q) = %q, %d, %v; regexp %q", s, key, end, ok, m)
	}
}

// compareNumberMatchers reports where the number matchers and the regexps differ on s.
func compareNumberMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := isDecimal(s), refDesimal.MatchString(s); got != want {
		t.Errorf("isDecimal(%q) = %v, regexp %v", s, got, want)
	}
	if got, want := scanNumberText(s), len(refNumberText.FindString(s)); got != want {
		t.Errorf("scanNumberText(%q) = %d, regexp %d", s, got, want)
	}
	if got, want := isNumberText(s), refAngkaTeks.MatchString(s); got != want {
		t.Errorf("isNumberText(%q) = %v, regexp %v", s, got, want)
	}
	number, ok := matchPercent(s)
	m := refPersen.FindStringSubmatch(s)
	if ok != (m != nil) || ok && number != m[1] {
		t.Errorf("matchPercent(%q) = %q, %v; regexp %q", s, number, ok, m)
	}
}

func TestKeyMatchers(t *testing.T) {
	t.Parallel()
	const none = "\x00" // no match
	tests := []struct {
		in                  string
		array, table, keyEq string // the key each matcher finds
	}{
		{in: "", array: none, table: none, keyEq: none},
		{in: "[[sasaran]]", array: "sasaran", table: none, keyEq: none},
		{in: "[[ sasaran.indikator ]]  # kedua", array: "sasaran.indikator", table: none, keyEq: none},
		{in: "[[\tsasaran \t.\t indikator\t]]", array: "sasaran \t.\t indikator", table: none, keyEq: none},
		{in: "[[a.]]", array: none, table: none, keyEq: none},
		{in: "[[a]", array: none, table: none, keyEq: none},
		{in: "[[a] ]", array: none, table: none, keyEq: none},
		{in: "[[a]]]", array: none, table: none, keyEq: none},
		{in: "[a]]", array: none, table: none, keyEq: none},
		{in: "[instansi]", array: none, table: "instansi", keyEq: none},
		{in: `[ a . "b.c" ]`, array: none, table: `a . "b.c"`, keyEq: none},
		{in: `[ 'x]y' ] # c`, array: none, table: `'x]y'`, keyEq: none},
		{in: `["a\"]"]`, array: none, table: `"a\"]"`, keyEq: none},
		{in: `["a\\"]`, array: none, table: `"a\\"`, keyEq: none},
		{in: `["a\"]`, array: none, table: none, keyEq: none},
		{in: `["unterminated]`, array: none, table: none, keyEq: none},
		{in: "[a] x", array: none, table: none, keyEq: none},
		{in: "[a] #\n", array: none, table: none, keyEq: none},
		{in: "[a]\n", array: none, table: "a", keyEq: none},
		{in: "[a.b.]", array: none, table: none, keyEq: none},
		{in: "[.a]", array: none, table: none, keyEq: none},
		{in: "[]", array: none, table: none, keyEq: none},
		{in: "[ünicode]", array: none, table: none, keyEq: none},
		{in: `["ünicode"]`, array: none, table: `"ünicode"`, keyEq: none},
		{in: "tahun = 2023", array: none, table: none, keyEq: "tahun"},
		{in: "tahun=2023", array: none, table: none, keyEq: "tahun"},
		{in: "target.tw1\t=  86.75 # komentar", array: none, table: none, keyEq: "target.tw1"},
		{in: "a . b . c = 1", array: none, table: none, keyEq: "a . b . c"},
		{in: `"a=b" = 1`, array: none, table: none, keyEq: `"a=b"`},
		{in: `'a.b'.c = 1`, array: none, table: none, keyEq: `'a.b'.c`},
		{in: `"a#b".'[c]' = 1`, array: none, table: none, keyEq: `"a#b".'[c]'`},
		{in: `"a\"b" = 1`, array: none, table: none, keyEq: `"a\"b"`},
		{in: "\"a\\\nb\" = 1", array: none, table: none, keyEq: none},
		{in: "'a\nb' = 1", array: none, table: none, keyEq: "'a\nb'"},
		{in: "a.\n b = 1", array: none, table: none, keyEq: "a.\n b"},
		{in: "a. = 1", array: none, table: none, keyEq: none},
		{in: "a == 1", array: none, table: none, keyEq: "a"},
		{in: "a b = 1", array: none, table: none, keyEq: none},
		{in: "= 1", array: none, table: none, keyEq: none},
		{in: "# a = 1", array: none, table: none, keyEq: none},
		{in: "é = 1", array: none, table: none, keyEq: none},
		{in: "a\v= 1", array: none, table: none, keyEq: none}, // \s has no \v
		{in: "\"\xff\" = 1", array: none, table: none, keyEq: "\"\xff\""},
	}
	for _, tt := range tests {
		key, ok := matchHeader(tt.in, true)
		if !ok {
			key = none
		}
		if key != tt.array {
			t.Errorf("matchHeader(%q, true) = %q, want %q", tt.in, key, tt.array)
		}
		if key, ok = matchHeader(tt.in, false); !ok {
			key = none
		}
		if key != tt.table {
			t.Errorf("matchHeader(%q, false) = %q, want %q", tt.in, key, tt.table)
		}
		key, end, ok := matchKeyLine(tt.in)
		if !ok {
			key = none
		} else if tt.in[end-1] != '=' {
			t.Errorf("matchKeyLine(%q) ends at %d, not after the '='", tt.in, end)
		}
		if key != tt.keyEq {
			t.Errorf("matchKeyLine(%q) = %q, want %q", tt.in, key, tt.keyEq)
		}
		compareKeyMatchers(t, tt.in)
	}
}

func TestNumberMatchers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in                  string
		decimal, numberText bool
		percent             string // the number matchPercent finds
		percentOK           bool
	}{
		{in: ""},
		{in: "86.75", decimal: true, numberText: true},
		{in: "86,75", numberText: true},
		{in: "-3", decimal: true, numberText: true},
		{in: "+1e3", decimal: true},
		{in: "1E-308", decimal: true},
		{in: "1e1000"},
		{in: "1e"},
		{in: "1.e3"},
		{in: ".5"},
		{in: "5."},
		{in: "5,"},
		{in: "1.2.3"},
		{in: "--1"},
		{in: "٣"}, // Arabic-Indic three: not [0-9]
		{in: "100%", percent: "100", percentOK: true},
		{in: "12,5 \t%", percent: "12,5", percentOK: true},
		{in: "-0.5%", percent: "-0.5", percentOK: true},
		{in: "5.%"},
		{in: "5 %\n"},
		{in: "5\n%", percent: "5", percentOK: true},
		{in: "%"},
		{in: "1e3%"},
	}
	for _, tt := range tests {
		if got := isDecimal(tt.in); got != tt.decimal {
			t.Errorf("isDecimal(%q) = %v, want %v", tt.in, got, tt.decimal)
		}
		if got := isNumberText(tt.in); got != tt.numberText {
			t.Errorf("isNumberText(%q) = %v, want %v", tt.in, got, tt.numberText)
		}
		if got, ok := matchPercent(tt.in); got != tt.percent || ok != tt.percentOK {
			t.Errorf("matchPercent(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.percent, tt.percentOK)
		}
		compareNumberMatchers(t, tt.in)
	}
}

// exampleLines are the lines of every example, trimmed as the locator
// trims them, and the values after their '=': the fuzz seeds.
func exampleLines(f *testing.F) []string {
	paths, err := filepath.Glob(testutil.Example(f, "*.toml"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no examples: %v", err)
	}
	var lines []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			s := strings.TrimSpace(line)
			lines = append(lines, s)
			if _, v, ok := strings.Cut(s, "="); ok {
				lines = append(lines, strings.Trim(strings.TrimSpace(v), `"`))
			}
		}
	}
	return lines
}

// FuzzKeyMatchers: the locator's key matchers agree with the regexps.
//
//	go test ./model -run XXX -fuzz FuzzKeyMatchers -fuzztime 60s
func FuzzKeyMatchers(f *testing.F) {
	for _, s := range exampleLines(f) {
		f.Add(s)
	}
	f.Fuzz(compareKeyMatchers)
}

// FuzzNumberMatchers: the number matchers agree with the regexps.
//
//	go test ./model -run XXX -fuzz FuzzNumberMatchers -fuzztime 60s
func FuzzNumberMatchers(f *testing.F) {
	for _, s := range exampleLines(f) {
		f.Add(s)
	}
	for _, s := range []string{"86.75", "1e3", "-12,5 %", "+0.5%", "1.e3", "1e1234"} {
		f.Add(s)
	}
	f.Fuzz(compareNumberMatchers)
}
