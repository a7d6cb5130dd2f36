package model

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"

	"pkgen/pesan"
)

// JenisNilai is the kind of a target or realisasi value.
type JenisNilai uint8

const (
	Kosong   JenisNilai = iota // not given; Teks "–" when written so (not yet given, unlike N/A)
	NA                         // "N/A": nothing is measured this period
	Angka                      // a plain number: 86.75
	Persen                     // a percentage: "100%"
	Kategori                   // a category: "(3) WTP", "A (82)", "Baik"
	Rentang                    // a range: "80-90", "80–90%": Angka is the lower bound, Atas the upper
)

func (j JenisNilai) String() string {
	switch j {
	case NA:
		return "N/A"
	case Angka:
		return "angka"
	case Persen:
		return "persen"
	case Kategori:
		return "kategori"
	case Rentang:
		return "rentang"
	}
	return "kosong"
}

// In names the kind in p's language, for messages.
func (j JenisNilai) In(p *pesan.Printer) string {
	switch j {
	case NA:
		return "N/A"
	case Angka:
		return p.Text("angka")
	case Persen:
		return p.Text("persen")
	case Kategori:
		return p.Text("kategori")
	case Rentang:
		return p.Text("rentang")
	}
	return p.Text("kosong")
}

// Desimal is an exact decimal: Unscaled × 10^-Scale. Values come from the
// shortest text of the TOML number, so 88.5 stays exactly 88.5.
type Desimal struct {
	Unscaled int64
	Scale    int32
}

// isDecimal reports whether s is in the decimal notation ParseDesimal
// accepts, ^[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,3})?$; big.Rat alone
// would also take fractions ("1/2"), hexadecimal ("0x10") and exponents
// large enough to exhaust memory. By hand, as it runs on every value.
func isDecimal(s string) bool {
	i := scanSign(s, 0)
	j := scanDigits(s, i)
	if j == i {
		return false
	}
	if j < len(s) && s[j] == '.' {
		i = j + 1
		if j = scanDigits(s, i); j == i {
			return false
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		i = scanSign(s, j+1)
		if j = scanDigits(s, i); j == i || j-i > 3 {
			return false
		}
	}
	return j == len(s)
}

func scanSign(s string, i int) int {
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	return i
}

func scanDigits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// scanNumberText is the length of [-+]?[0-9]+(?:[.,][0-9]+)? at the start
// of s, 0 if none: a number as written in text, decimal point or comma.
func scanNumberText(s string) int {
	i := scanSign(s, 0)
	j := scanDigits(s, i)
	if j == i {
		return 0
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') {
		if k := scanDigits(s, j+1); k > j+1 {
			j = k
		}
	}
	return j
}

// isNumberText reports whether s is only a number written as text.
func isNumberText(s string) bool {
	n := scanNumberText(s)
	return n > 0 && n == len(s)
}

// matchPercent returns the number of "12,5 %", as ^([-+]?[0-9]+(?:[.,][0-9]+)?)\s*%$ would.
func matchPercent(s string) (number string, ok bool) {
	n := scanNumberText(s)
	if n == 0 {
		return "", false
	}
	i := skipSpace(s, n)
	if i != len(s)-1 || s[i] != '%' {
		return "", false
	}
	return s[:n], true
}

// ParseDesimal reads "86.75", "-3", "1e3" or "86,75".
func ParseDesimal(s string) (Desimal, error) {
	s = strings.TrimSpace(s)
	if d, ok := parseDesimalFast(s); ok {
		return d, nil
	}
	return parseDesimalExact(strings.ReplaceAll(s, ",", "."))
}

// addDigits reads the digits of s from i into u and digits (the number's
// leading zeros skipped): where they end and how many there were; ok is
// false past 18 significant digits.
func addDigits[T string | []byte](s T, i int, u *uint64, digits *int) (end, n int, ok bool) {
	for end = i; end < len(s) && '0' <= s[end] && s[end] <= '9'; end++ {
		if *u == 0 && s[end] == '0' {
			continue
		}
		if *digits == 18 {
			return end, 0, false
		}
		*u = *u*10 + uint64(s[end]-'0')
		*digits++
	}
	return end, end - i, true
}

// parseDesimalFast reads the common decimals, up to 18 significant digits,
// without big.Rat's two dozen allocations; a comma is a decimal point. ok is
// false for anything else, errors included, which parseDesimalExact then
// decides. Bytes too, so DesimalFloat allocates nothing.
func parseDesimalFast[T string | []byte](s T) (d Desimal, ok bool) {
	i := 0
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		i = 1
	}
	var u uint64 // the significant digits
	digits := 0  // in u, at most 18 so u < 10^18
	exp := 0     // the value is ±u × 10^exp
	j, n, ok := addDigits(s, i, &u, &digits)
	if !ok || n == 0 {
		return Desimal{}, false
	}
	if j < len(s) && (s[j] == '.' || s[j] == ',') {
		if j, n, ok = addDigits(s, j+1, &u, &digits); !ok || n == 0 {
			return Desimal{}, false
		}
		exp -= n
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		negExp := k < len(s) && s[k] == '-'
		if k < len(s) && (s[k] == '-' || s[k] == '+') {
			k++
		}
		e := 0
		for j = k; j < len(s) && '0' <= s[j] && s[j] <= '9' && j-k < 3; j++ {
			e = e*10 + int(s[j]-'0')
		}
		if j == k {
			return Desimal{}, false
		}
		if negExp {
			e = -e
		}
		exp += e
	}
	if j != len(s) {
		return Desimal{}, false
	}
	if u == 0 {
		return Desimal{}, true // "-0", "0.000", "0e5"
	}
	for u%10 == 0 {
		u /= 10
		exp++
	}
	for ; exp > 0; exp-- {
		if u > math.MaxInt64/10 {
			return Desimal{}, false
		}
		u *= 10
	}
	if exp < -12 {
		return Desimal{}, false
	}
	if s[0] == '-' {
		return Desimal{Unscaled: -int64(u), Scale: int32(-exp)}, true
	}
	return Desimal{Unscaled: int64(u), Scale: int32(-exp)}, true
}

// parseDesimalExact reads s, already trimmed and with a decimal point, through big.Rat.
func parseDesimalExact(s string) (Desimal, error) {
	if !isDecimal(s) {
		return Desimal{}, pesan.Errorf("bukan angka: %q", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Desimal{}, pesan.Errorf("bukan angka: %q", s)
	}
	// Find the smallest scale that represents r exactly.
	for scale := int32(0); scale <= 12; scale++ {
		m := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
		if m.IsInt() {
			if !m.Num().IsInt64() {
				return Desimal{}, pesan.Errorf("angka %q terlalu besar", s)
			}
			return Desimal{Unscaled: m.Num().Int64(), Scale: scale}, nil
		}
	}
	return Desimal{}, pesan.Errorf("angka %q memiliki terlalu banyak desimal; paling banyak 12 angka di belakang koma", s)
}

// DesimalFloat converts a decoded TOML float by its shortest decimal text.
func DesimalFloat(f float64) (Desimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Desimal{}, pesan.Errorf("bukan angka terhingga: %v", f)
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], f, 'f', -1, 64)
	if d, ok := parseDesimalFast(b); ok {
		return d, nil
	}
	return ParseDesimal(string(b))
}

// Rat returns the exact value.
func (d Desimal) Rat() *big.Rat {
	r := new(big.Rat).SetInt64(d.Unscaled)
	return r.Quo(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d.Scale)), nil)))
}

// Float returns the value as a float64 (for display formatting only).
func (d Desimal) Float() float64 {
	f, _ := d.Rat().Float64()
	return f
}

// String is the plain decimal text with a point: "86.75".
func (d Desimal) String() string {
	return d.Rat().FloatString(int(d.Scale))
}

// Cmp compares exactly.
func (d Desimal) Cmp(e Desimal) int {
	if d.Scale == e.Scale { // the common case, without big.Rat
		return cmp.Compare(d.Unscaled, e.Unscaled)
	}
	return d.Rat().Cmp(e.Rat())
}

// Nilai is one typed value: a number stays a number, formatting is the
// renderer's job.
type Nilai struct {
	Jenis   JenisNilai
	Angka   Desimal // for Angka and Persen; for Kategori the number it carries, if any
	AdaSkor bool    // Kategori carries a number: "(3) WTP" or "A (82)"
	Label   string  // for Kategori: "WTP", "A"
	Teks    string  // for Kategori and Rentang: the text as written, printed unchanged

	Atas          Desimal // for Rentang: the upper bound (Angka is the lower)
	RentangPersen bool    // for Rentang: the bounds are percentages ("80–90%")
}

// Sama reports whether two values are the same value.
func (n Nilai) Sama(m Nilai) bool {
	if n.Jenis != m.Jenis {
		return false
	}
	switch n.Jenis {
	case Angka, Persen:
		return n.Angka.Cmp(m.Angka) == 0
	case Kategori:
		return n.Label == m.Label && n.AdaSkor == m.AdaSkor && (!n.AdaSkor || n.Angka.Cmp(m.Angka) == 0)
	case Rentang:
		return n.Angka.Cmp(m.Angka) == 0 && n.Atas.Cmp(m.Atas) == 0 && n.RentangPersen == m.RentangPersen
	}
	return true
}

// matchScoreFront matches "(3) WTP" as ^\(\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*\)\s*(\S.*)$
// would. By hand, so the seed's categories compile no regexp.
func matchScoreFront(t string) (number, label string, ok bool) {
	if !strings.HasPrefix(t, "(") {
		return "", "", false
	}
	i := skipSpace(t, 1)
	n := scanNumberText(t[i:])
	if n == 0 {
		return "", "", false
	}
	j := skipSpace(t, i+n)
	if j == len(t) || t[j] != ')' {
		return "", "", false
	}
	k := skipSpace(t, j+1) // t[k] is then \S; '.' takes all but '\n'
	if k == len(t) || strings.IndexByte(t[k:], '\n') >= 0 {
		return "", "", false
	}
	return t[i : i+n], t[k:], true
}

// matchScoreBack matches "A (82)" as ^(\S.*?)\s*\(\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*\)$
// would.
func matchScoreBack(t string) (label, number string, ok bool) {
	if t == "" || t[len(t)-1] != ')' || isSpace(t[0]) {
		return "", "", false
	}
	// Nothing after the score's '(' can be a '(', so it is the last one.
	p := strings.LastIndexByte(t, '(')
	if p < 1 {
		return "", "", false
	}
	i := skipSpace(t, p+1)
	n := scanNumberText(t[i:])
	if n == 0 || skipSpace(t, i+n) != len(t)-1 {
		return "", "", false
	}
	// The lazy label stops before the spaces that precede '('.
	q := p
	for isSpace(t[q-1]) {
		q--
	}
	if strings.IndexByte(t[:q], '\n') >= 0 {
		return "", "", false
	}
	return t[:q], t[i : i+n], true
}

// BelumAda is how a value not yet given is written and printed.
const BelumAda = "–"

// Written reports whether a value was written, "–" included.
func (n Nilai) Written() bool { return n.Jenis != Kosong || n.Teks != "" }

// ParseNilai reads a value written as text: "N/A", "–" (not yet given), "100%", "80–90%",
// "(3) WTP", "A (82)" or a category word. A bare number written as a string is refused
// so numbers stay TOML numbers.
func ParseNilai(s string) (Nilai, error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return Nilai{}, pesan.Errorf("nilai kosong; isi angka (86.75), persen (\"100%%\"), kategori (\"(3) WTP\") atau \"N/A\"")
	case strings.EqualFold(t, "N/A") || strings.EqualFold(t, "NA"):
		return Nilai{Jenis: NA}, nil
	case t == "-" || t == "–" || t == "—":
		// Not yet given (the data are still to come), as opposed to N/A:
		// nothing is measured.
		return Nilai{Jenis: Kosong, Teks: BelumAda}, nil
	case isNumberText(t):
		return Nilai{}, pesan.Errorf("angka %q ditulis sebagai teks; tulis tanpa tanda kutip (mis. %s)", t, strings.ReplaceAll(t, ",", "."))
	}
	if number, ok := matchPercent(t); ok {
		d, err := ParseDesimal(number)
		if err != nil {
			return Nilai{}, err
		}
		return Nilai{Jenis: Persen, Angka: d}, nil
	}
	if n, ok, err := parseRentang(t); ok {
		return n, err
	}
	if number, label, ok := matchScoreFront(t); ok {
		d, err := ParseDesimal(number)
		if err != nil {
			return Nilai{}, err
		}
		return Nilai{Jenis: Kategori, Angka: d, AdaSkor: true, Label: label, Teks: t}, nil
	}
	if label, number, ok := matchScoreBack(t); ok {
		d, err := ParseDesimal(number)
		if err != nil {
			return Nilai{}, err
		}
		return Nilai{Jenis: Kategori, Angka: d, AdaSkor: true, Label: label, Teks: t}, nil
	}
	return Nilai{Jenis: Kategori, Label: t, Teks: t}, nil
}

// String prints a value the way it is written in TOML: "86.75", "100%",
// "(3) WTP", "N/A"; empty when not given.
func (n Nilai) String() string {
	switch n.Jenis {
	case NA:
		return "N/A"
	case Angka:
		return n.Angka.String()
	case Persen:
		return n.Angka.String() + "%"
	}
	return n.Teks // Kategori, Rentang; "–" or "" for Kosong
}
