package render

import (
	"fmt"
	"math/big"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"pkgen/model"
	"pkgen/pesan"
)

// formatter prints values one way for the whole document: the document's
// number format decides the decimal and grouping separators. Numbers go
// through pesan's number printer, the one model uses too.
type formatter struct {
	format string // "id" or "en"
	upper  cases.Caser
}

func newFormatter(format string) formatter {
	return formatter{format: format, upper: cases.Upper(language.Indonesian)}
}

// desimal prints an exact decimal with as many fraction digits as it has,
// the integer part grouped: no value passes through float64.
func (f formatter) desimal(d model.Desimal) string {
	return pesan.FormatDecimal(d.Unscaled, d.Scale, f.format)
}

// integer prints an integer of any size, grouped: a budget total may pass
// int64.
func (f formatter) integer(v *big.Int) string { return pesan.FormatInt(v, f.format) }

// nilai prints a target value: "86,75", "100%", "(3) WTP", "N/A", "–".
func (f formatter) nilai(n model.Nilai) string {
	switch n.Jenis {
	case model.NA:
		return "N/A"
	case model.Angka:
		return f.desimal(n.Angka)
	case model.Persen:
		return f.desimal(n.Angka) + "%"
	}
	return n.Teks // a category or range as written; "–" not yet given
}

var bulan = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// tanggal prints a date the Indonesian way: "15 Februari 2023".
func tanggal(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), bulan[t.Month()-1], t.Year())
}

// nama is a person's name with their titles; upper prints the name itself
// in capitals, as the statement page does (titles keep their case).
func (f formatter) nama(p model.Pihak, upper bool) string {
	s := p.Nama
	if upper {
		s = f.upper.String(s)
	}
	if p.GelarDepan != "" {
		s = p.GelarDepan + " " + s
	}
	if p.GelarBelakang != "" {
		s += ", " + p.GelarBelakang
	}
	return s
}

// decimalSep is the document's decimal separator: "," or ".".
func (f formatter) decimalSep() string {
	if f.format == "en" {
		return "."
	}
	return ","
}

// FormatNilai prints a value as the lampiran does in a document of number
// format ("id" or "en"): for the drawings outside the PK (pohon kinerja).
func FormatNilai(format string, n model.Nilai) string { return newFormatter(format).nilai(n) }

// NamaPihak is a party's name with their titles, as the signature block
// prints it.
func NamaPihak(p model.Pihak) string { return newFormatter("").nama(p, false) }
