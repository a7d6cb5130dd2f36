package model

import (
	"math/big"

	"pkgen/pesan"
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

// Format prints the value as written, in the document's number format
// ("id": "0,018169", "en": "0.018169"): numbers exactly, with every
// decimal they have, as the lampiran prints them; an average without a
// finite decimal (257/3) rounded half away from zero to Digits (at least
// two: "85,67"); "%" for percentages; categories and written ranges as
// written; "N/A"; "" when not reported. Only capaian is rounded to a fixed
// number of decimals (Capaian.Format).
func (b Besaran) Format(format string) string {
	switch b.Jenis {
	case NA:
		return "N/A"
	case Angka:
		return b.number(b.Angka, format)
	case Persen:
		return b.number(b.Angka, format) + "%"
	case Kategori:
		if b.Teks != "" {
			return b.Teks
		}
		return b.Label
	case Rentang:
		if b.Teks != "" {
			return b.Teks
		}
		s := b.number(b.Angka, format) + "–" + b.number(b.Atas, format)
		if b.RentangPersen {
			s += "%"
		}
		return s
	}
	return ""
}

func (b Besaran) number(r *big.Rat, format string) string {
	if s, ok := pesan.FormatRatExact(r, format); ok {
		return s
	}
	return FormatRat(r, max(2, b.Digits), format)
}

// FormatRat prints r rounded half away from zero to digits decimals, with
// the document's number format: "id" (the default) "1.234,57", "en"
// "1,234.57". It is pesan.FormatRat, the one number printer of pkgen.
func FormatRat(r *big.Rat, digits int, format string) string {
	return pesan.FormatRat(r, digits, format)
}

// FormatRatPendek prints r exactly when it has a finite decimal expansion
// ("88,5", "0,018169", "1.000"), otherwise rounded to two ("85,67" for
// 257/3). It is pesan.FormatRatShort.
func FormatRatPendek(r *big.Rat, format string) string {
	return pesan.FormatRatShort(r, format)
}
