package spreadsheet

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"pkgen/internal/xlsx"
	"pkgen/model"
	"pkgen/pesan"
)

// Location is a place in a workbook: a sheet and a cell ("F7") or range
// ("C2:C4"); Cell is empty for the whole sheet, both for the workbook.
type Location struct {
	Sheet string
	Cell  string
}

// In is the location as the start of a message, in pr's language:
// "lembar Lampiran, sel F7: "; empty for the workbook.
func (l Location) In(pr *pesan.Printer) string {
	switch {
	case l.Sheet != "" && l.Cell != "":
		return pr.Sprintf("lembar %s, sel %s: ", l.Sheet, l.Cell)
	case l.Sheet != "":
		return pr.Sprintf("lembar %s: ", l.Sheet)
	}
	return ""
}

// Problem is one problem of a workbook, placed by sheet and cell (a TOML
// file's problems are model.Problem, placed by line and key path).
type Problem struct {
	Location
	Msg pesan.Pesan
}

// String is the problem in Indonesian: "lembar Lampiran, sel F7: message".
func (p Problem) String() string { return p.In(pesan.ID) }

// In is the problem in pr's language.
func (p Problem) In(pr *pesan.Printer) string { return p.Location.In(pr) + p.Msg.In(pr) }

// Problems are every problem found reading a workbook; as an error they
// are listed one per line, in Indonesian (In gives another language).
type Problems []Problem

func (ps Problems) Error() string { return ps.In(pesan.ID) }

// In lists the problems in pr's language, one per line.
func (ps Problems) In(pr *pesan.Printer) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In(pr)
	}
	return strings.Join(lines, "\n")
}

// reader reads cells, collecting problems instead of stopping at the
// first.
type reader struct {
	archive *archive
	probs   Problems
	more    bool         // problems past maxProblems were left out
	percent map[int]bool // style id → has a percent number format
}

func (p *reader) errf(sheet, cell, format string, args ...any) {
	p.add(Problem{Location{sheet, cell}, pesan.M(format, args...)})
}

// errOf records the model's message about a cell's value.
func (p *reader) errOf(c cell, what string, err error) {
	p.add(Problem{Location{c.sheet, c.ref}, pesan.M("%s: %v", what, err)})
}

// report records an error that is a whole message (a limit, a part that
// cannot be read) for a sheet, or for the workbook when sheet is "".
func (p *reader) report(sheet string, err error) {
	m, ok := pesan.Of(err)
	if !ok {
		m = pesan.M("tidak dapat dibaca: %v", err)
	}
	p.add(Problem{Location{Sheet: sheet}, m})
}

func (p *reader) add(pr Problem) {
	if len(p.probs) >= maxProblems {
		p.more = true
		return
	}
	p.probs = append(p.probs, pr)
}

// problems is every problem recorded, with a last line when some were
// left out.
func (p *reader) problems() Problems {
	if p.more {
		return append(p.probs, Problem{Msg: pesan.M("lebih dari %d masalah; perbaiki yang di atas lalu impor lagi", maxProblems)})
	}
	return p.probs
}

// cell is one cell as read.
type cell struct {
	sheet string
	ref   string
	v     string // raw value: the number as stored, the text, "1"/"0" for booleans
	t     xlsx.Kind
	style int // style id, see sheetScan.style
}

func (c cell) empty() bool { return strings.TrimSpace(c.v) == "" }

// isNumber reports a number cell (no type, or "n"; a formula's cached
// number has no type either).
func (c cell) isNumber() bool {
	return (c.t == xlsx.KindUnset || c.t == xlsx.KindNumber) && !c.empty()
}

func (c cell) isText() bool {
	return c.t == xlsx.KindSharedString || c.t == xlsx.KindInlineString || c.t == xlsx.KindFormula
}

// isPercent reports a number shown as a percentage.
func (p *reader) isPercent(c cell) bool {
	if v, ok := p.percent[c.style]; ok {
		return v
	}
	id, code, ok := p.archive.book.NumberFormat(c.style)
	is := ok && (id == 9 || id == 10 || strings.Contains(code, "%"))
	p.percent[c.style] = is
	return is
}

// common reports the cell kinds no reader accepts; ok is false then.
func (p *reader) common(c cell) bool {
	switch c.t {
	case xlsx.KindError:
		p.errf(c.sheet, c.ref, "sel berisi galat Excel %s; perbaiki rumus atau isi nilainya", c.v)
		return false
	}
	return true
}

func (p *reader) text(c cell, what string) string {
	if c.empty() || !p.common(c) {
		return ""
	}
	if c.t == xlsx.KindBool {
		p.errf(c.sheet, c.ref, "%s harus teks, bukan nilai TRUE/FALSE", what)
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(c.v, "\r\n", "\n"))
}

func (p *reader) markdown(c cell, what string) string {
	if c.empty() || !p.common(c) {
		return ""
	}
	if c.t == xlsx.KindBool {
		p.errf(c.sheet, c.ref, "%s harus teks, bukan nilai TRUE/FALSE", what)
		return ""
	}
	return strings.TrimRight(strings.ReplaceAll(c.v, "\r\n", "\n"), " \t\r\n")
}

func (p *reader) nip(c cell, what string) string {
	if c.isNumber() {
		p.errf(c.sheet, c.ref, "%s ditulis sebagai angka; Excel hanya menyimpan 15 angka pertama. Format sel sebagai Teks lalu ketik ulang NIP 18 angka", what)
		return ""
	}
	return p.text(c, what)
}

func (p *reader) decimal(c cell, what string) (model.Desimal, bool) {
	if c.empty() || !p.common(c) {
		return model.Desimal{}, false
	}
	if !c.isNumber() {
		if c.isText() {
			p.errf(c.sheet, c.ref, "teks %q di sel angka (%s); ketik angka saja, tanpa titik ribuan dan tanpa tanda kutip", c.v, what)
		} else {
			p.errf(c.sheet, c.ref, "%s harus angka", what)
		}
		return model.Desimal{}, false
	}
	d, err := model.ParseDesimal(c.v)
	if err != nil {
		p.errOf(c, what, err)
		return model.Desimal{}, false
	}
	return d, true
}

func (p *reader) integer(c cell, what string) (int64, bool) {
	d, ok := p.decimal(c, what)
	if !ok {
		return 0, false
	}
	if d.Scale != 0 {
		p.errf(c.sheet, c.ref, "%s harus bilangan bulat, bukan %s", what, d)
		return 0, false
	}
	return d.Unscaled, true
}

// tanggal reads the signing date: a date, or a month as text TTTT-BB.
func (p *reader) tanggal(c cell, what string) (*time.Time, bool) {
	if !c.isNumber() && c.t != xlsx.KindDate {
		if m, err := time.Parse("2006-01", strings.TrimSpace(c.v)); err == nil {
			return &m, true
		}
	}
	return p.date(c, what), false
}

func (p *reader) date(c cell, what string) *time.Time {
	if c.empty() || !p.common(c) {
		return nil
	}
	var t time.Time
	switch {
	case c.isNumber():
		f, err := strconv.ParseFloat(c.v, 64)
		if err == nil {
			t, err = xlsx.SerialTime(f, false)
		}
		if err != nil {
			p.errf(c.sheet, c.ref, "%s: %q bukan tanggal", what, c.v)
			return nil
		}
	case c.t == xlsx.KindDate:
		v := c.v
		if len(v) > 10 {
			v = v[:10]
		}
		var err error
		if t, err = time.Parse("2006-01-02", v); err != nil {
			p.errf(c.sheet, c.ref, "%s: %q bukan tanggal", what, c.v)
			return nil
		}
	default:
		var err error
		if t, err = time.Parse("2006-01-02", strings.TrimSpace(c.v)); err != nil {
			p.errf(c.sheet, c.ref, "%s: %q bukan tanggal; ketik tanggal (format sel Tanggal) atau teks TTTT-BB-HH, mis. 2024-02-15", what, c.v)
			return nil
		}
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &d
}

func (p *reader) boolean(c cell, what string) (bool, bool) {
	if c.empty() || !p.common(c) {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(c.v)) {
	case "true", "benar", "ya":
		return true, true
	case "false", "salah", "tidak":
		return false, true
	case "1", "0":
		if c.t == xlsx.KindBool || c.isNumber() {
			return c.v == "1", true
		}
	}
	p.errf(c.sheet, c.ref, "%s harus TRUE atau FALSE, bukan %q", what, c.v)
	return false, false
}

var reNumberText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9]+(?:[.,][0-9]+)*$`) })

// value reads a target or realisasi value: a number, a number shown as a
// percentage, or text ("95%", "(3) WTP", "80-90", "N/A").
func (p *reader) value(c cell, what string) (model.Nilai, bool) {
	if c.empty() {
		return model.Nilai{}, true
	}
	if !p.common(c) {
		return model.Nilai{}, false
	}
	switch {
	case c.t == xlsx.KindBool:
		p.errf(c.sheet, c.ref, "%s: nilai TRUE/FALSE bukan target; isi angka, persen, kategori atau N/A", what)
		return model.Nilai{}, false
	case c.isNumber():
		d, err := model.ParseDesimal(c.v)
		if err != nil {
			p.errOf(c, what, err)
			return model.Nilai{}, false
		}
		if p.isPercent(c) {
			return model.Nilai{Jenis: model.Persen, Angka: times100(d)}, true
		}
		return model.Nilai{Jenis: model.Angka, Angka: d}, true
	}
	t := strings.TrimSpace(c.v)
	if reNumberText().MatchString(t) {
		p.errf(c.sheet, c.ref, "%s: angka %q tersimpan sebagai teks; ketik ulang sebagai angka (format sel Umum atau Angka)", what, t)
		return model.Nilai{}, false
	}
	n, err := model.ParseNilai(t)
	if err != nil {
		p.errOf(c, what, err)
		return model.Nilai{}, false
	}
	return n, true
}

// times100 is d × 100, exactly: the fraction 0.145 is 14.5%.
func times100(d model.Desimal) model.Desimal {
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
