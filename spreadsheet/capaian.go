package spreadsheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

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
		b.fail(b.f.SetCellFloat(sheet, ref(col, row), f, -1, 64))
		if d := ratDigits(v.Angka, v.Digits); d > 0 {
			b.setStyle(sheet, ref(col, row), fmt.Sprintf("decimal%d", d))
		}
		return true
	case v.Jenis == model.Persen && v.Angka != nil:
		b.fail(b.f.SetCellFloat(sheet, ref(col, row), percentOf(v.Angka), -1, 64))
		d := ratDigits(v.Angka, v.Digits)
		b.setStyle(sheet, ref(col, row), "percent"+strings.Repeat("0", d))
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
	cell := ref(col, row)
	b.fail(b.f.SetCellFloat(sheet, cell, percentOf(c.Nilai), -1, 64))
	b.setStyle(sheet, cell, "percent00")
	if target > 0 && realisasi > 0 && c.Rumus == formulaRatio && !c.Dibatasi {
		// The value first: SetCellFloat drops a formula, SetCellFormula
		// keeps the value as the formula's cached result.
		b.fail(b.f.SetCellFormula(sheet, cell, fmt.Sprintf("%s/%s", ref(realisasi, row), ref(target, row))))
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
	defer b.f.Close()

	const sh = SheetCapaian
	var heads []wrapCell
	b.sheet(sh)
	for i, h := range capaianHeaders {
		title := h.title
		if i >= 6 && i <= 11 {
			title = fmt.Sprintf(h.title, q)
		}
		b.put(sh, i+1, 1, title, "header")
		c := colName(i + 1)
		b.fail(b.f.SetColWidth(sh, c, c, h.width))
		heads = append(heads, wrapCell{title, h.width, true})
	}
	b.fitRow(sh, 1, heads...)
	for i, r := range rows {
		row := i + 2
		// Every cell at the top of its row, as the wrapped ones are.
		b.fail(b.f.SetCellStyle(sh, ref(1, row), ref(len(capaianHeaders), row), b.style("body")))
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
	b.fail(b.f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 4, YSplit: 1, TopLeftCell: "E2", ActivePane: "bottomRight"}))
	b.summarySheet(doc, rows, q)
	b.chart(rows, q)
	data, err := b.bytes(sh)
	if err != nil {
		return nil, err
	}
	return numericFormulas(data)
}

// numericFormulas rewrites the formula cells of a workbook's sheets as
// numeric ones: excelize marks a formula's cached value as text (t="str"),
// which a spreadsheet that does not recalculate on opening would show as
// text. Every formula this package writes gives a number. The entries keep
// their order and headers, so the bytes stay deterministic.
func numericFormulas(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		r, err := e.Open()
		if err != nil {
			return nil, err
		}
		content, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(e.Name, "xl/worksheets/sheet") {
			content = bytes.ReplaceAll(content, []byte(` t="str"><f>`), []byte(`><f>`))
		}
		h := e.FileHeader
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(content); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
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
		c := colName(i + 1)
		width := 14.0
		if i == 0 {
			width = 30
		}
		b.fail(b.f.SetColWidth(sh, c, c, width))
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
				cell := ref(5+len(bands)+k, row)
				b.fail(b.f.SetCellFloat(sh, cell, percentOf(m), -1, 64))
				b.setStyle(sh, cell, "percent00")
			}
		}
	}
	b.fail(b.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
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
	b.fail(b.f.AddChart(SheetGrafik, "A1", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$L$1", SheetCapaian),
			Categories: fmt.Sprintf("'%s'!$D$2:$D$%d", SheetCapaian, last),
			Values:     fmt.Sprintf("'%s'!$L$2:$L$%d", SheetCapaian, last),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Capaian s.d. TW " + q}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		YAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		Dimension: excelize.ChartDimension{Width: uint(max(480, 40*len(rows))), Height: 320},
	}))
	// The chart adds the image types' content types from a map: in a
	// fixed order, for the same bytes every time.
	if ct := b.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
}
