package model

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

	refSkorDepan    = regexp.MustCompile(`^\(\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*\)\s*(\S.*)$`)
	refSkorBelakang = regexp.MustCompile(`^(\S.*?)\s*\(\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*\)$`)
	refRentang      = regexp.MustCompile(reRentang.src)
	refHTML         = regexp.MustCompile(reHTML.src)
)

// compareValueMatchers reports where the category matchers differ from the
// regexps on s, or a prefilter turns down a text its regexp matches.
func compareValueMatchers(t *testing.T, s string) {
	t.Helper()
	number, label, ok := matchScoreFront(s)
	m := refSkorDepan.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (number != m[1] || label != m[2]) {
		t.Errorf("matchScoreFront(%q) = %q, %q, %v; regexp %q", s, number, label, ok, m)
	}
	label, number, ok = matchScoreBack(s)
	m = refSkorBelakang.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (label != m[1] || number != m[2]) {
		t.Errorf("matchScoreBack(%q) = %q, %q, %v; regexp %q", s, label, number, ok, m)
	}
	if !mayBeRentang(s) && refRentang.MatchString(s) {
		t.Errorf("mayBeRentang(%q) = false, but the regexp matches", s)
	}
	if !mayHaveTag(s) && refHTML.MatchString(s) {
		t.Errorf("mayHaveTag(%q) = false, but the regexp matches", s)
	}
}

// compareDesimal reports where ParseDesimal's fast path differs from the
// exact one on s.
func compareDesimal(t *testing.T, s string) {
	t.Helper()
	norm := strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	want, wantErr := parseDesimalExact(norm)
	d, ok := parseDesimalFast(norm)
	if ok && (wantErr != nil || d != want) {
		t.Errorf("parseDesimalFast(%q) = %+v; exact %+v, %v", norm, d, want, wantErr)
	}
	trimmed := strings.TrimSpace(s)
	if d2, ok2 := parseDesimalFast(trimmed); d2 != d || ok2 != ok {
		t.Errorf("parseDesimalFast(%q) = %+v, %v; with points %+v, %v", trimmed, d2, ok2, d, ok)
	}
	if d2, ok2 := parseDesimalFast([]byte(norm)); d2 != d || ok2 != ok {
		t.Errorf("parseDesimalFast([]byte(%q)) = %+v, %v; as string %+v, %v", norm, d2, ok2, d, ok)
	}
	got, err := ParseDesimal(s)
	if got != want || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Errorf("ParseDesimal(%q) = %+v, %v; exact %+v, %v", s, got, err, want, wantErr)
	}
}

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
	addSeeds(f)
	f.Fuzz(compareKeyMatchers)
}

// FuzzNumberMatchers: the number matchers agree with the regexps.
//
//	go test ./model -run XXX -fuzz FuzzNumberMatchers -fuzztime 60s
func FuzzNumberMatchers(f *testing.F) {
	addSeeds(f, "86.75", "1e3", "-12,5 %", "+0.5%", "1.e3", "1e1234")
	f.Fuzz(compareNumberMatchers)
}

func TestValueMatchers(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "(", ")", "()", "(3)", "(3) WTP", "( -3,5 )\tWTP", "(3)WTP", "(3) ", "(3) WTP\n", "(3)\nWTP", "(3) W\nTP",
		"(3.) WTP", "(x) WTP", "((3) WTP", "(3)) WTP", "(3) (4)", " (3) WTP",
		"A (82)", "A(82)", "A \t(\n82\n)", "A (82) ", " A (82)", "A (8,2)", "A (82.)", "(82)", "((82)", "A (1) (2)",
		"A\n(82)", "A\nB (82)", "A (x)", "A (82)(", "A ( 82 ) )", "\xff (1)", "(1) \xff", "é (+1)",
		"80-90", "80 – 90", "80–90%", "80%—90%", "80 s.d. 90", "80 s.d 90", "80 s. d 90", "80 s/d 90", "-5 - -3",
		"80 sd 90", "80 to 90", "A-B", "- 80", "+80-90", "80-", "80--90",
		"<p>", "</p>", "<br/>", "<6 jam", "< p>", "<p", "a <b> c", "<<p>", "</ p>", "<é>", "x < y > z", "<6 <b>",
	} {
		compareValueMatchers(t, s)
	}
}

// TestParseDesimalFast: the fast path gives the exact path's value and
// error on the edge cases.
func TestParseDesimalFast(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Desimal
		fast bool // the fast path decides it
	}{
		{"0", Desimal{}, true},
		{"-0", Desimal{}, true},
		{"+0.000", Desimal{}, true},
		{"0e5", Desimal{}, true},
		{"007", Desimal{7, 0}, true},
		{"-007.50", Desimal{-75, 1}, true},
		{"0.000", Desimal{}, true},
		{"86.7500", Desimal{8675, 2}, true},
		{"0.125", Desimal{125, 3}, true},
		{"0.000000000001", Desimal{1, 12}, true},
		{"0.0000000000001", Desimal{}, false}, // 13 decimals
		{"1.0000000000000", Desimal{1, 0}, true},
		{"1e3", Desimal{1000, 0}, true},
		{"1E-3", Desimal{1, 3}, true},
		{"1.5e+2", Desimal{150, 0}, true},
		{"12.5e-1", Desimal{125, 2}, true},
		{"100e-2", Desimal{1, 0}, true},
		{"1e-12", Desimal{1, 12}, true},
		{"1e-13", Desimal{}, false},
		{"1e18", Desimal{1e18, 0}, true},
		{"1e19", Desimal{}, false},
		{"1e999", Desimal{}, false},
		{"1e1000", Desimal{}, false},
		{"+5", Desimal{5, 0}, true},
		{"86,75", Desimal{8675, 2}, true},
		{" 86,75\t", Desimal{8675, 2}, true},
		{",", Desimal{}, false},
		{"1,2,3", Desimal{}, false},
		{"", Desimal{}, false},
		{"-", Desimal{}, false},
		{"1.", Desimal{}, false},
		{".5", Desimal{}, false},
		{"1e", Desimal{}, false},
		{"0x10", Desimal{}, false},
		{"1/2", Desimal{}, false},
		{"123456789012345678", Desimal{123456789012345678, 0}, true},
		{"1234567890.12345678", Desimal{123456789012345678, 8}, true},
		{"1234567890123456789", Desimal{1234567890123456789, 0}, false}, // 19 digits
		{"9223372036854775807", Desimal{math.MaxInt64, 0}, false},       // int64's largest
		{"-9223372036854775808", Desimal{math.MinInt64, 0}, false},      // and smallest
		{"9223372036854775808", Desimal{}, false},                       // too large
		{"-9223372036854775809", Desimal{}, false},
		{"92233720368547758070", Desimal{}, false},
		{"922337203685477580.7", Desimal{math.MaxInt64, 1}, false},
		{"9.223372036854775807e18", Desimal{math.MaxInt64, 0}, false},
		{"922337203685477580e1", Desimal{9223372036854775800, 0}, true},
		{"922337203685477581e1", Desimal{}, false},
		{"100000000000000000000", Desimal{}, false},
		{"10000000000000000000e-2", Desimal{1e17, 0}, false},
		{"0.100000000000000000000", Desimal{1, 1}, false}, // 19 fraction digits, 18 of them zeros after the 1
	}
	for _, tt := range tests {
		norm := strings.ReplaceAll(strings.TrimSpace(tt.in), ",", ".")
		d, fast := parseDesimalFast(norm)
		if fast != tt.fast || fast && d != tt.want {
			t.Errorf("parseDesimalFast(%q) = %+v, %v; want %+v, %v", norm, d, fast, tt.want, tt.fast)
		}
		if got, err := ParseDesimal(tt.in); got != tt.want {
			t.Errorf("ParseDesimal(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		compareDesimal(t, tt.in)
	}
}

// FuzzValueMatchers: the category matchers agree with the regexps, and the
// prefilters turn down no match.
//
//	go test ./model -run XXX -fuzz FuzzValueMatchers -fuzztime 60s
func FuzzValueMatchers(f *testing.F) {
	addSeeds(f, "(3) WTP", "A (82)", "80–90%", "80 s.d. 90", "A (1) (2)", "(3)\nWTP")
	f.Fuzz(compareValueMatchers)
}

// FuzzParseDesimal: the fast path agrees with the exact one.
//
//	go test ./model -run XXX -fuzz FuzzParseDesimal -fuzztime 60s
func FuzzParseDesimal(f *testing.F) {
	addSeeds(f, "86.75", "-0", "1e3", "1E-3", "9223372036854775807", "-9223372036854775808", "0.000000000001", "12,5")
	f.Fuzz(compareDesimal)
}

// FuzzDesimalFloat: DesimalFloat gives what the exact path makes of the
// float's shortest text.
//
//	go test ./model -run XXX -fuzz FuzzDesimalFloat -fuzztime 60s
func FuzzDesimalFloat(f *testing.F) {
	for _, x := range []float64{86.75, 0, -0.5, 100, 1e-12, 1e-13, 1e18, 1e19, 9.223372036854776e18, 0.1 + 0.2, 123456789.123456789} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		got, err := DesimalFloat(x)
		want, wantErr := parseDesimalExact(strconv.FormatFloat(x, 'f', -1, 64))
		if got != want || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("DesimalFloat(%v) = %+v, %v; exact %+v, %v", x, got, err, want, wantErr)
		}
	})
}

// TestDesimalCmp: the same-scale shortcut agrees with big.Rat.
func TestDesimalCmp(t *testing.T) {
	t.Parallel()
	values := []Desimal{{0, 0}, {1, 0}, {-1, 0}, {math.MaxInt64, 0}, {math.MinInt64, 0}, {10, 1}, {-15, 1}, {math.MinInt64, 12}, {math.MaxInt64, 12}, {5, 12}, {0, 3}, {7, -2}, {-7, -2}}
	for _, d := range values {
		for _, e := range values {
			if got, want := d.Cmp(e), d.Rat().Cmp(e.Rat()); got != want {
				t.Errorf("%+v.Cmp(%+v) = %d, big.Rat %d", d, e, got, want)
			}
		}
	}
}

// addSeeds adds every line of the examples and extra to f's corpus.
func addSeeds(f *testing.F, extra ...string) {
	for _, s := range append(exampleLines(f), extra...) {
		f.Add(s)
	}
}
