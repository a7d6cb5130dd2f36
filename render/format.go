package render

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"pkgen/model"
)

// formatter prints values one way for the whole document: the document's
// number format decides the decimal and grouping separators.
type formatter struct {
	p          *message.Printer
	upper      cases.Caser
	decimalSep string
}

func newFormatter(format string) formatter {
	tag, sep := language.Indonesian, ","
	if format == "en" {
		tag, sep = language.English, "."
	}
	return formatter{p: message.NewPrinter(tag), upper: cases.Upper(language.Indonesian), decimalSep: sep}
}

// desimal prints an exact decimal with as many fraction digits as it has:
// the integer part through the document's number format (grouping), the
// fraction digits as they are, so no value passes through float64.
func (f formatter) desimal(d model.Desimal) string {
	u := d.Unscaled
	neg := u < 0
	if neg {
		u = -u
	}
	pow := int64(1)
	for range d.Scale {
		pow *= 10
	}
	s := f.p.Sprint(number.Decimal(u / pow))
	if d.Scale > 0 {
		frac := strconv.FormatInt(u%pow, 10)
		s += f.decimalSep + strings.Repeat("0", int(d.Scale)-len(frac)) + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// nilai prints a target value: "86,75", "100%", "(3) WTP", "N/A".
func (f formatter) nilai(n model.Nilai) string {
	switch n.Jenis {
	case model.NA:
		return "N/A"
	case model.Angka:
		return f.desimal(n.Angka)
	case model.Persen:
		return f.desimal(n.Angka) + "%"
	case model.Kategori, model.Rentang:
		return n.Teks
	}
	return ""
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
