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
// "1,234.57". It is pesan.FormatRat, the one number printer of pkgen.
func FormatRat(r *big.Rat, digits int, format string) string {
	return pesan.FormatRat(r, digits, format)
}

// FormatRatPendek prints r exactly with as few decimals as it needs when
// that is at most four ("88,5", "69,5", "1.000"), otherwise rounded to two
// ("85,67" for 257/3). It is pesan.FormatRatShort.
func FormatRatPendek(r *big.Rat, format string) string {
	return pesan.FormatRatShort(r, format)
}
