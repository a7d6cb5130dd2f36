package model

import (
	"strings"

	"pkgen/pesan"
)

// A quoted target that looks like a number is taken as a category, and
// the mistake shows only when a realisasi is checked against it. These
// patterns find the usual forms and say what was likely meant.
var (
	// "1.500.000.000", "Rp 1.500.000.000", "Rp1500000", "1.500.000,00"
	reRupiah = lazyRE(`^(?i)(rp\.?\s*)?([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$`)
	// "maksimal 1%", "≤ 10", "paling banyak 5"
	reAtMost = lazyRE(`^(?i)(maks(?:imal|imum)?\.?|paling banyak|paling tinggi|tidak lebih dari|kurang dari|≤|<=|<)\s*([0-9]+(?:[.,][0-9]+)?)\s*(%?)$`)
	// "minimal 90", "≥ 80%", "paling sedikit 3"
	reAtLeast = lazyRE(`^(?i)(min(?:imal|imum)?\.?|paling sedikit|paling rendah|sekurang-kurangnya|lebih dari|≥|>=|>)\s*([0-9]+(?:[.,][0-9]+)?)\s*(%?)$`)
	// "12 dokumen", "1,5 juta"
	reWithUnit = lazyRE(`^([0-9]+(?:[.,][0-9]+)?)\s+(\pL[\pL ]*)$`)
)

// numberLikeHint says what a category target that looks like a number
// was likely meant to be; "" when it does not look like one.
func numberLikeHint(t string) string {
	t = strings.TrimSpace(t)
	if m := reRupiah.FindStringSubmatch(t); m != nil && (m[1] != "" || strings.Contains(m[2], ".")) {
		digits := strings.ReplaceAll(m[2], ".", "")
		if m[3] != "" && strings.Trim(m[3], ",0") != "" {
			digits += "." + m[3][1:]
		}
		return pesan.Sprintf("angka tanpa tanda kutip, tanpa Rp dan pemisah ribuan: %s (mata uang ditulis di satuan)", digits)
	}
	if m := reAtMost.FindStringSubmatch(t); m != nil {
		return pesan.Sprintf("target %s dengan polaritas = \"turun\" (makin kecil makin baik)", number(m[2], m[3]))
	}
	if m := reAtLeast.FindStringSubmatch(t); m != nil {
		return pesan.Sprintf("target %s (polaritas naik, bawaan: makin besar makin baik)", number(m[2], m[3]))
	}
	if m := reWithUnit.FindStringSubmatch(t); m != nil {
		return pesan.Sprintf("angka %s tanpa tanda kutip, dengan %q di satuan", strings.ReplaceAll(m[1], ",", "."), m[2])
	}
	return ""
}

// number writes a target as TOML: 1.5, or "1.5%".
func number(n, percent string) string {
	n = strings.ReplaceAll(n, ",", ".")
	if percent != "" {
		return `"` + n + `%"`
	}
	return n
}
