package model

import (
	"math/big"
	"strings"
)

// Persen prints the capaian as Indonesian readers expect, rounded half
// away from zero: Persen(2) = "101,67%". It is "" when there is no capaian.
func (c Capaian) Persen(digits int) string { return c.Format(digits, "id") }

// Format prints the capaian with the document's number format ("id":
// "1.234,57%", "en": "1,234.57%"); "" when there is no capaian.
func (c Capaian) Format(digits int, format string) string {
	if !c.Ada() {
		return ""
	}
	return FormatRat(c.Nilai, digits, format) + "%"
}

// Format prints the value: numbers exactly when they have at most four
// decimals, otherwise rounded half away from zero to two ("85,67"); "%"
// for percentages; categories and written ranges as written; "N/A"; "" when
// not reported. format is "id" (default) or "en".
func (b Besaran) Format(format string) string {
	switch b.Jenis {
	case NA:
		return "N/A"
	case Angka:
		return FormatRatPendek(b.Angka, format)
	case Persen:
		return FormatRatPendek(b.Angka, format) + "%"
	case Kategori:
		if b.Teks != "" {
			return b.Teks
		}
		return b.Label
	case Rentang:
		if b.Teks != "" {
			return b.Teks
		}
		s := FormatRatPendek(b.Angka, format) + "–" + FormatRatPendek(b.Atas, format)
		if b.RentangPersen {
			s += "%"
		}
		return s
	}
	return ""
}

// FormatRat prints r rounded half away from zero to digits decimals, with
// the document's number format: "id" (the default) "1.234,57", "en"
// "1,234.57". A value that rounds to zero prints without a sign. nil
// prints "".
func FormatRat(r *big.Rat, digits int, format string) string {
	if r == nil {
		return ""
	}
	if digits < 0 {
		digits = 0
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	num := new(big.Int).Abs(r.Num())
	num.Mul(num, pow)
	num.Lsh(num, 1)
	num.Add(num, r.Denom())
	den := new(big.Int).Lsh(r.Denom(), 1)
	q := num.Quo(num, den) // floor(|r|·10^d + 1/2)
	s := q.String()
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	intPart, frac := s[:len(s)-digits], s[len(s)-digits:]
	group, dec := ".", ","
	if format == "en" {
		group, dec = ",", "."
	}
	var b strings.Builder
	if r.Sign() < 0 && q.Sign() != 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if digits > 0 {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// FormatRatPendek prints r exactly with as few decimals as it needs when
// that is at most four ("88,5", "69,5", "1.000"), otherwise rounded to two
// ("85,67" for 257/3).
func FormatRatPendek(r *big.Rat, format string) string {
	if r == nil {
		return ""
	}
	m := new(big.Rat).Set(r)
	ten := big.NewRat(10, 1)
	for k := 0; k <= 4; k++ {
		if m.IsInt() {
			return FormatRat(r, k, format)
		}
		m.Mul(m, ten)
	}
	return FormatRat(r, 2, format)
}
