package spreadsheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"pkgen/model"
)

// Masalah is one problem of a workbook, located by sheet and cell.
type Masalah struct {
	Lembar     string
	Sel        string // "F7"; "" for the whole sheet or workbook
	Pesan      string
	Peringatan bool
}

func (m Masalah) String() string {
	var b strings.Builder
	switch {
	case m.Lembar != "" && m.Sel != "":
		fmt.Fprintf(&b, "lembar %s, sel %s: ", m.Lembar, m.Sel)
	case m.Lembar != "":
		fmt.Fprintf(&b, "lembar %s: ", m.Lembar)
	}
	if m.Peringatan {
		b.WriteString("peringatan: ")
	}
	b.WriteString(m.Pesan)
	return b.String()
}

// DaftarMasalah is every problem found reading a workbook; as an error it
// lists them one per line.
type DaftarMasalah []Masalah

func (d DaftarMasalah) Error() string {
	lines := make([]string, len(d))
	for i, m := range d {
		lines[i] = m.String()
	}
	return strings.Join(lines, "\n")
}

// pembaca reads cells, collecting problems instead of stopping at the
// first.
type pembaca struct {
	f      *excelize.File
	probs  DaftarMasalah
	persen map[int]bool // style id → has a percent number format
}

func (p *pembaca) errf(sheet, cell, format string, args ...any) {
	p.probs = append(p.probs, Masalah{Lembar: sheet, Sel: cell, Pesan: fmt.Sprintf(format, args...)})
}

// sel is one cell as read.
type sel struct {
	lembar string
	ref    string
	v      string // raw value: the number as stored, the text, "1"/"0" for booleans
	t      excelize.CellType
}

func (c sel) kosong() bool { return strings.TrimSpace(c.v) == "" }

// angkaSel reports a number cell (no type, or "n"; a formula's cached
// number has no type either).
func (c sel) angkaSel() bool {
	return (c.t == excelize.CellTypeUnset || c.t == excelize.CellTypeNumber) && !c.kosong()
}

func (c sel) teksSel() bool {
	return c.t == excelize.CellTypeSharedString || c.t == excelize.CellTypeInlineString || c.t == excelize.CellTypeFormula
}

func (p *pembaca) sel(sheet string, col, row int, raw string) sel {
	c := sel{lembar: sheet, ref: ref(col, row), v: raw}
	if raw == "" {
		return c
	}
	t, err := p.f.GetCellType(sheet, c.ref)
	if err == nil {
		c.t = t
	}
	return c
}

// isPersen reports a number shown as a percentage.
func (p *pembaca) isPersen(c sel) bool {
	id, err := p.f.GetCellStyle(c.lembar, c.ref)
	if err != nil {
		return false
	}
	if v, ok := p.persen[id]; ok {
		return v
	}
	st, err := p.f.GetStyle(id)
	is := err == nil && (st.NumFmt == 9 || st.NumFmt == 10 || (st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")))
	p.persen[id] = is
	return is
}

// common reports the cell kinds no reader accepts; ok is false then.
func (p *pembaca) common(c sel) bool {
	switch c.t {
	case excelize.CellTypeError:
		p.errf(c.lembar, c.ref, "sel berisi galat Excel %s; perbaiki rumus atau isi nilainya", c.v)
		return false
	}
	return true
}

func (p *pembaca) teks(c sel, what string) string {
	if c.kosong() || !p.common(c) {
		return ""
	}
	if c.t == excelize.CellTypeBool {
		p.errf(c.lembar, c.ref, "%s harus teks, bukan nilai TRUE/FALSE", what)
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(c.v, "\r\n", "\n"))
}

func (p *pembaca) markdown(c sel, what string) string {
	if c.kosong() || !p.common(c) {
		return ""
	}
	if c.t == excelize.CellTypeBool {
		p.errf(c.lembar, c.ref, "%s harus teks, bukan nilai TRUE/FALSE", what)
		return ""
	}
	return strings.TrimRight(strings.ReplaceAll(c.v, "\r\n", "\n"), " \t\r\n")
}

func (p *pembaca) nip(c sel, what string) string {
	if c.angkaSel() {
		p.errf(c.lembar, c.ref, "%s ditulis sebagai angka; Excel hanya menyimpan 15 angka pertama. Format sel sebagai Teks lalu ketik ulang NIP 18 angka", what)
		return ""
	}
	return p.teks(c, what)
}

func (p *pembaca) desimal(c sel, what string) (model.Desimal, bool) {
	if c.kosong() || !p.common(c) {
		return model.Desimal{}, false
	}
	if !c.angkaSel() {
		if c.teksSel() {
			p.errf(c.lembar, c.ref, "teks %q di sel angka (%s); ketik angka saja, tanpa titik ribuan dan tanpa tanda kutip", c.v, what)
		} else {
			p.errf(c.lembar, c.ref, "%s harus angka", what)
		}
		return model.Desimal{}, false
	}
	d, err := model.ParseDesimal(c.v)
	if err != nil {
		p.errf(c.lembar, c.ref, "%s: %v", what, err)
		return model.Desimal{}, false
	}
	return d, true
}

func (p *pembaca) bulat(c sel, what string) (int64, bool) {
	d, ok := p.desimal(c, what)
	if !ok {
		return 0, false
	}
	if d.Scale != 0 {
		p.errf(c.lembar, c.ref, "%s harus bilangan bulat, bukan %s", what, d)
		return 0, false
	}
	return d.Unscaled, true
}

func (p *pembaca) tanggal(c sel, what string) *time.Time {
	if c.kosong() || !p.common(c) {
		return nil
	}
	var t time.Time
	switch {
	case c.angkaSel():
		f, err := strconv.ParseFloat(c.v, 64)
		if err == nil {
			t, err = excelize.ExcelDateToTime(f, false)
		}
		if err != nil {
			p.errf(c.lembar, c.ref, "%s: %q bukan tanggal", what, c.v)
			return nil
		}
	case c.t == excelize.CellTypeDate:
		v := c.v
		if len(v) > 10 {
			v = v[:10]
		}
		var err error
		if t, err = time.Parse("2006-01-02", v); err != nil {
			p.errf(c.lembar, c.ref, "%s: %q bukan tanggal", what, c.v)
			return nil
		}
	default:
		var err error
		if t, err = time.Parse("2006-01-02", strings.TrimSpace(c.v)); err != nil {
			p.errf(c.lembar, c.ref, "%s: %q bukan tanggal; ketik tanggal (format sel Tanggal) atau teks TTTT-BB-HH, mis. 2024-02-15", what, c.v)
			return nil
		}
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &d
}

func (p *pembaca) boolean(c sel, what string) (bool, bool) {
	if c.kosong() || !p.common(c) {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(c.v)) {
	case "true", "benar", "ya":
		return true, true
	case "false", "salah", "tidak":
		return false, true
	case "1", "0":
		if c.t == excelize.CellTypeBool || c.angkaSel() {
			return c.v == "1", true
		}
	}
	p.errf(c.lembar, c.ref, "%s harus TRUE atau FALSE, bukan %q", what, c.v)
	return false, false
}

var reAngkaTeks = regexp.MustCompile(`^[-+]?[0-9]+(?:[.,][0-9]+)*$`)

// nilai reads a target or realisasi value: a number, a number shown as a
// percentage, or text ("95%", "(3) WTP", "80-90", "N/A").
func (p *pembaca) nilai(c sel, what string) (model.Nilai, bool) {
	if c.kosong() {
		return model.Nilai{}, true
	}
	if !p.common(c) {
		return model.Nilai{}, false
	}
	switch {
	case c.t == excelize.CellTypeBool:
		p.errf(c.lembar, c.ref, "%s: nilai TRUE/FALSE bukan target; isi angka, persen, kategori atau N/A", what)
		return model.Nilai{}, false
	case c.angkaSel():
		d, err := model.ParseDesimal(c.v)
		if err != nil {
			p.errf(c.lembar, c.ref, "%s: %v", what, err)
			return model.Nilai{}, false
		}
		if p.isPersen(c) {
			return model.Nilai{Jenis: model.Persen, Angka: kaliSeratus(d)}, true
		}
		return model.Nilai{Jenis: model.Angka, Angka: d}, true
	}
	t := strings.TrimSpace(c.v)
	if reAngkaTeks.MatchString(t) {
		p.errf(c.lembar, c.ref, "%s: angka %q tersimpan sebagai teks; ketik ulang sebagai angka (format sel Umum atau Angka)", what, t)
		return model.Nilai{}, false
	}
	n, err := model.ParseNilai(t)
	if err != nil {
		p.errf(c.lembar, c.ref, "%s: %v", what, err)
		return model.Nilai{}, false
	}
	return n, true
}

// kaliSeratus is d × 100, exactly: the fraction 0.145 is 14.5%.
func kaliSeratus(d model.Desimal) model.Desimal {
	if d.Scale >= 2 {
		d.Scale -= 2
	} else {
		for ; d.Scale < 2; d.Scale++ {
			d.Unscaled *= 10
		}
		d.Scale = 0
	}
	for d.Scale > 0 && d.Unscaled%10 == 0 {
		d.Unscaled /= 10
		d.Scale--
	}
	return d
}

// nearest returns the candidate within edit distance 3 of k, or whose
// last dotted part is k ("satuan" for "indikator.satuan").
func nearest(k string, known []string) string {
	k = strings.ToLower(k)
	for _, c := range known {
		if i := strings.LastIndexByte(c, '.'); i >= 0 && c[i+1:] == k {
			return c
		}
	}
	best, bestD, tie := "", 4, false
	for _, c := range known {
		switch d := model.EditDistance(k, c); {
		case d < bestD:
			best, bestD, tie = c, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}
