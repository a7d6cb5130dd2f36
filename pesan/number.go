package pesan

import (
	"math/big"
	"strconv"
	"strings"
)

// The number printer: every number pkgen prints into a document or a
// message (targets, capaian, budgets) goes through these functions, so the
// PDF, the annex and the spreadsheet agree digit for digit. format is the
// document's number format (format_angka), not the language of messages:
// "id" (the default, also for any other value) groups with "." and writes
// the decimal comma, 12.345,67; "en" writes 12,345.67. No value passes
// through float64.

// separators returns the grouping and decimal separators of format.
func separators(format string) (group, decimal string) {
	if format == "en" {
		return ",", "."
	}
	return ".", ","
}

// writeGrouped writes a run of decimal digits with a separator before
// every group of three from the right: "1234567" → "1.234.567".
func writeGrouped(b *strings.Builder, digits, sep string) {
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(digits[i])
	}
}

// FormatInt prints an integer of any size with grouping: "12.345.678.900"
// ("id"), "12,345,678,900" ("en"). nil prints "".
func FormatInt(v *big.Int, format string) string {
	if v == nil {
		return ""
	}
	group, _ := separators(format)
	var b strings.Builder
	if v.Sign() < 0 {
		b.WriteByte('-')
	}
	writeGrouped(&b, new(big.Int).Abs(v).String(), group)
	return b.String()
}

// FormatDecimal prints the exact decimal unscaled × 10^-scale with every
// fraction digit it has: (8675, 2) → "86,75", (-5, 1) → "-0,5",
// (12345, 0) → "12.345". A negative scale counts as 0.
func FormatDecimal(unscaled int64, scale int32, format string) string {
	group, dec := separators(format)
	neg := unscaled < 0
	// The magnitude as unsigned, so that the smallest int64 has one too.
	u := uint64(unscaled)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	n := max(int(scale), 0)
	if len(digits) <= n {
		digits = strings.Repeat("0", n-len(digits)+1) + digits
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	writeGrouped(&b, digits[:len(digits)-n], group)
	if n > 0 {
		b.WriteString(dec)
		b.WriteString(digits[len(digits)-n:])
	}
	return b.String()
}

// FormatRat prints r rounded half away from zero to digits decimals:
// "1.234,57" ("id"), "1,234.57" ("en"). A value that rounds to zero prints
// without a sign. nil prints "".
func FormatRat(r *big.Rat, digits int, format string) string {
	if r == nil {
		return ""
	}
	digits = max(digits, 0)
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
	group, dec := separators(format)
	var b strings.Builder
	if r.Sign() < 0 && q.Sign() != 0 {
		b.WriteByte('-')
	}
	writeGrouped(&b, s[:len(s)-digits], group)
	if digits > 0 {
		b.WriteString(dec)
		b.WriteString(s[len(s)-digits:])
	}
	return b.String()
}

// FormatRatExact prints r exactly, with as few decimals as it needs
// ("88,5", "0,018169", "1.000"), when it has a finite decimal expansion (a
// written value, a sum of written values); ok is false otherwise (257/3).
// nil prints "" (ok).
func FormatRatExact(r *big.Rat, format string) (s string, ok bool) {
	if r == nil {
		return "", true
	}
	// A fraction in lowest terms is a finite decimal when its denominator
	// is 2^a·5^b; it needs max(a, b) decimals.
	d := new(big.Int).Set(r.Denom())
	twos := d.TrailingZeroBits()
	d.Rsh(d, twos)
	fives := uint(0)
	five, q, m := big.NewInt(5), new(big.Int), new(big.Int)
	for d.Cmp(big.NewInt(1)) != 0 {
		q.QuoRem(d, five, m)
		if m.Sign() != 0 {
			return "", false
		}
		d.Set(q)
		fives++
	}
	return FormatRat(r, int(max(twos, fives)), format), true
}

// FormatRatShort prints r exactly when it has a finite decimal expansion
// (FormatRatExact: "88,5", "0,018169"), otherwise rounded half away from
// zero to two decimals ("85,67" for 257/3). nil prints "".
func FormatRatShort(r *big.Rat, format string) string {
	if s, ok := FormatRatExact(r, format); ok {
		return s
	}
	return FormatRat(r, 2, format)
}
