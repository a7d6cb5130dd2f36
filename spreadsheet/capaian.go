package spreadsheet

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"pkgen/internal/xlsx"
	"pkgen/model"
	"pkgen/pesan"
)

// Sheet names of the capaian workbook.
const (
	SheetCapaian   = "Capaian"
	SheetRingkasan = "Ringkasan"
	SheetGrafik    = "Grafik"
)

// formulaRatio is the rule whose capaian a spreadsheet formula repeats:
// realisasi over target. Other rules (lower is better, zero targets,
// ranges, categories, a cap) are written as values with the rule beside.
const formulaRatio = "R / T × 100"

// percentOf is a capaian percent (101.67) as the fraction a percent cell
// holds (1.0167).
func percentOf(r *big.Rat) float64 {
	f, _ := new(big.Rat).Quo(r, big.NewRat(100, 1)).Float64()
	return f
}

// ratDigits is how many decimals r needs (at most 4; a repeating
// fraction gets fallback).
func ratDigits(r *big.Rat, fallback int) int {
	x := new(big.Rat).Set(r)
	for d := 0; d <= 4; d++ {
		if x.IsInt() {
			return d
		}
		x.Mul(x, big.NewRat(10, 1))
	}
	return max(fallback, 2)
}

// putBesaran writes a target or realisasi: a number, a percent (as a
// fraction with a percent format), else its text; "–" when not reported.
// It reports whether the cell holds a number.
func (b *workbook) putBesaran(sheet string, col, row int, v model.Besaran, format string) bool {
	switch {
	case v.Jenis == model.Kosong:
		b.put(sheet, col, row, "–", "")
	case v.Jenis == model.Angka && v.Angka != nil:
		f, _ := v.Angka.Float64()
		b.sh(sheet).SetFloat(col, row, f)
		if d := ratDigits(v.Angka, v.Digits); d > 0 {
			b.setStyle(sheet, col, row, fmt.Sprintf("decimal%d", d))
		}
		return true
	case v.Jenis == model.Persen && v.Angka != nil:
		b.sh(sheet).SetFloat(col, row, percentOf(v.Angka))
		d := ratDigits(v.Angka, v.Digits)
		b.setStyle(sheet, col, row, "percent"+strings.Repeat("0", d))
		return true
	default:
		b.put(sheet, col, row, v.Format(format), "")
	}
	return false
}

// putCapaian writes a capaian percent with two decimals (as the annex
// prints it); when the rule is a plain ratio of two number cells, as the
// formula realisasi/target with the computed value cached. Without a
// capaian the cell stays empty.
func (b *workbook) putCapaian(sheet string, col, row int, c model.Capaian, target, realisasi int) {
	if !c.Ada() {
		return
	}
	sh := b.sh(sheet)
	sh.SetFloat(col, row, percentOf(c.Nilai))
	b.setStyle(sheet, col, row, "percent00")
	if target > 0 && realisasi > 0 && c.Rumus == formulaRatio && !c.Dibatasi {
		// The value first: it stays as the formula's cached result, a
		// number (a spreadsheet that does not recalculate on opening
		// shows it as one).
		sh.SetFormula(col, row, fmt.Sprintf("%s/%s", ref(realisasi, row), ref(target, row)))
	}
}

// ruleNote is the keterangan of a capaian written as a value: its rule,
// and why there is none.
func ruleNote(c model.Capaian) string {
	switch {
	case !c.Ada():
		return c.Catatan
	case c.Rumus == formulaRatio && !c.Dibatasi:
		return ""
	case c.Catatan != "":
		return c.Rumus + "; " + c.Catatan
	}
	return c.Rumus
}

var capaianHeaders = []struct {
	title string
	width float64
}{
	{"No", 5}, {"Kelompok", 18}, {"Sasaran", 36}, {"Kode", 10}, {"Indikator", 40}, {"Satuan", 11},
	{"Target TW %s", 12}, {"Target s.d. TW %s", 12}, {"Realisasi TW %s", 12}, {"Realisasi s.d. TW %s", 12},
	{"Capaian TW %s", 12}, {"Capaian s.d. TW %s", 12}, {"Kategori", 16}, {"Rumus / keterangan", 40},
}

// ExportCapaian writes the capaian annex's tables of a realisasi report
// as a workbook: Capaian (one row per indicator: targets, realisasi and
// capaian of the quarter and year to date, category), Ringkasan (the
// summary per group) and Grafik (a bar chart of the year-to-date capaian).
// Numbers are number cells; a capaian by the plain ratio is a formula.
func ExportCapaian(lap *model.Laporan) ([]byte, error) {
	if lap == nil || lap.Dokumen == nil {
		return nil, pesan.Errorf("capaian: laporan realisasi tidak ada")
	}
	doc := lap.Dokumen
	rows, err := model.ComputeCapaian(doc, lap)
	if err != nil {
		return nil, err
	}
	q := roman[lap.Triwulan-1]
	b := newWorkbook()
	// The entries' time: these workbooks were re-packed after writing
	// (when their formulas' cached values were made numbers), which gave
	// every entry the zero DOS time; kept so the bytes stay the same.
	b.f.ModTime = time.Date(1979, time.November, 30, 0, 0, 0, 0, time.UTC)

	const sh = SheetCapaian
	var heads []wrapCell
	b.sheet(sh)
	for i, h := range capaianHeaders {
		title := h.title
		if i >= 6 && i <= 11 {
			title = fmt.Sprintf(h.title, q)
		}
		b.put(sh, i+1, 1, title, "header")
		b.sh(sh).SetColWidth(i+1, h.width)
		heads = append(heads, wrapCell{title, h.width, true})
	}
	b.fitRow(sh, 1, heads...)
	for i, r := range rows {
		row := i + 2
		// Every cell at the top of its row, as the wrapped ones are.
		b.sh(sh).SetStyle(1, row, len(capaianHeaders), row, b.style("body"))
		b.put(sh, 1, row, r.Sasaran.Nomor, "")
		b.put(sh, 2, row, r.Kelompok, "")
		b.put(sh, 3, row, r.Sasaran.Uraian, "body")
		b.put(sh, 4, row, r.Indikator.Kode, "")
		b.put(sh, 5, row, r.Indikator.Uraian, "body")
		b.put(sh, 6, row, r.Indikator.Satuan, "")
		cols := [4]int{}
		for k, v := range []model.Besaran{model.BesaranNilai(r.Target), r.TargetSD, model.BesaranNilai(r.Realisasi), r.RealisasiSD} {
			if b.putBesaran(sh, 7+k, row, v, doc.FormatAngka) && v.Jenis != model.Kosong {
				cols[k] = 7 + k
			}
		}
		b.putCapaian(sh, 11, row, r.Capaian, cols[0], cols[2])
		b.putCapaian(sh, 12, row, r.CapaianSD, cols[1], cols[3])
		b.put(sh, 13, row, r.CapaianSD.Kategori, "")
		note := ruleNote(r.CapaianSD)
		if n := ruleNote(r.Capaian); n != "" && n != note {
			note = fmt.Sprintf("TW %s: %s", q, n) + cond(note != "", "\ns.d. TW "+q+": "+note, "")
		} else if note != "" {
			note = fmt.Sprintf("s.d. TW %s: %s", q, note)
		}
		b.put(sh, 14, row, note, "body")
		b.fitRow(sh, row, wrapCell{r.Sasaran.Uraian, capaianHeaders[2].width, false},
			wrapCell{r.Indikator.Uraian, capaianHeaders[4].width, false}, wrapCell{note, capaianHeaders[13].width, false},
			wrapCell{r.Kelompok, capaianHeaders[1].width, false}, wrapCell{r.CapaianSD.Kategori, capaianHeaders[12].width, false})
	}
	b.printLandscape(sh, false)
	b.sh(sh).FreezePanes(4, 1, "E2", "bottomRight")
	b.summarySheet(doc, rows, q)
	b.chart(rows, q)
	return b.bytes(sh)
}

func cond(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

// summarySheet writes model.SummarizeCapaian's lines: per group the
// count, the count with and without capaian, per category band, and the
// mean capaian.
func (b *workbook) summarySheet(doc *model.Document, rows []model.BarisCapaian, q string) {
	const sh = SheetRingkasan
	b.sheet(sh)
	bands := doc.Capaian.Kategori
	if len(bands) == 0 {
		bands = model.KategoriBawaan()
	}
	headers := []string{"Kelompok", "Jumlah indikator", "Ada capaian", "Belum ada capaian"}
	for _, band := range bands {
		headers = append(headers, band.Nama)
	}
	headers = append(headers, "Rata-rata capaian TW "+q, "Rata-rata capaian s.d. TW "+q)
	var heads []wrapCell
	for i, h := range headers {
		b.put(sh, i+1, 1, h, "header")
		width := 14.0
		if i == 0 {
			width = 30
		}
		b.sh(sh).SetColWidth(i+1, width)
		heads = append(heads, wrapCell{h, width, true})
	}
	b.fitRow(sh, 1, heads...)
	b.printLandscape(sh, false)
	for i, s := range model.SummarizeCapaian(rows) {
		row := i + 2
		name := s.Kelompok
		if s.Total {
			name = "Jumlah"
		}
		b.put(sh, 1, row, name, cond(s.Total, "header", ""))
		b.fitRow(sh, row, wrapCell{name, 30, s.Total})
		b.put(sh, 2, row, s.Count, "")
		b.put(sh, 3, row, s.Measured, "")
		b.put(sh, 4, row, s.Unmeasured, "")
		for k, band := range bands {
			b.put(sh, 5+k, row, s.ByKategori[band.Nama], "")
		}
		for k, m := range []*big.Rat{s.MeanTW, s.MeanSD} {
			if m != nil {
				col := 5 + len(bands) + k
				b.sh(sh).SetFloat(col, row, percentOf(m))
				b.setStyle(sh, col, row, "percent00")
			}
		}
	}
	b.sh(sh).FreezePanes(0, 1, "A2", "bottomLeft")
}

// chart adds a native bar chart of the year-to-date capaian per indicator,
// drawn from the Capaian sheet's cells (codes and capaian s.d.).
func (b *workbook) chart(rows []model.BarisCapaian, q string) {
	if len(rows) == 0 {
		return
	}
	b.sheet(SheetGrafik)
	b.printLandscape(SheetGrafik, true)
	last := len(rows) + 1
	b.sh(SheetGrafik).AddChart(xlsx.Chart{
		Title:       "Capaian s.d. TW " + q,
		SeriesName:  fmt.Sprintf("'%s'!$L$1", SheetCapaian),
		Categories:  fmt.Sprintf("'%s'!$D$2:$D$%d", SheetCapaian, last),
		Values:      fmt.Sprintf("'%s'!$L$2:$L$%d", SheetCapaian, last),
		ValueFormat: "0%",
		Width:       max(480, 40*len(rows)),
		Height:      320,
	})
}
