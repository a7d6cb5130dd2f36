package spreadsheet

import (
	"bytes"
	"fmt"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pkgen/internal/testutil"
	"pkgen/model"
)

func loadReport(t *testing.T, name string) *model.Laporan {
	t.Helper()
	lap, probs, err := model.LoadRealisasi(testutil.Rooted(testutil.Example(t, name)))
	if err != nil || lap == nil {
		t.Fatalf("%v %v", err, probs.Errors())
	}
	return lap
}

// annexPercent is a capaian as the annex prints it, with a dot: "101.67".
func annexPercent(c model.Capaian) string {
	return strings.TrimSuffix(c.Format(2, "en"), "%")
}

// cellPercent is a percent cell's value printed with two decimals.
func cellPercent(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	must(t, err)
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Fatalf("%s!%s: jenis sel %v, bukan angka", sheet, cell, typ)
	}
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	must(t, err)
	if _, err := strconv.ParseFloat(raw, 64); err != nil {
		t.Fatalf("%s!%s: %q bukan angka", sheet, cell, raw)
	}
	r, _ := new(big.Rat).SetString(raw)
	return model.FormatRat(r.Mul(r, big.NewRat(100, 1)), 2, "en")
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	must(t, err)
	st, err := f.GetStyle(id)
	must(t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// TestExportCapaian: the capaian workbook of the seed report has the
// annex's values as numbers with a percent format, formulas with their
// cached values where the rule is R/T, frozen headers, the summary and
// a chart; the bytes are the same every time.
func TestExportCapaian(t *testing.T) {
	lap := loadReport(t, "jakarta-pusat-2023-tw3.toml")
	data, err := ExportCapaian(lap)
	must(t, err)
	again, err := ExportCapaian(lap)
	must(t, err)
	if !bytes.Equal(data, again) {
		t.Error("dua kali dibuat, bytes berbeda")
	}
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	if got, want := f.GetSheetList(), []string{SheetCapaian, SheetRingkasan, SheetGrafik}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("lembar %v, mau %v", got, want)
	}
	for _, sh := range []string{SheetCapaian, SheetRingkasan} {
		p, err := f.GetPanes(sh)
		must(t, err)
		if !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: baris judul tidak dibekukan: %+v", sh, p)
		}
	}
	formulas, values := 0, 0
	for i, r := range rows {
		row := i + 2
		if kode, _ := f.GetCellValue(SheetCapaian, ref(4, row)); kode != r.Indikator.Kode {
			t.Fatalf("baris %d: kode %q, mau %q", row, kode, r.Indikator.Kode)
		}
		for k, c := range []model.Capaian{r.Capaian, r.CapaianSD} {
			cell := ref(11+k, row)
			if !c.Ada() {
				if v, _ := f.GetCellValue(SheetCapaian, cell); v != "" {
					t.Errorf("%s: %q tanpa capaian", cell, v)
				}
				continue
			}
			values++
			if got, want := cellPercent(t, f, SheetCapaian, cell), annexPercent(c); got != want {
				t.Errorf("%s (%s): %s%%, lampiran PDF %s%%", cell, r.Indikator.Kode, got, want)
			}
			if nf := numFmt(t, f, SheetCapaian, cell); nf != "0.00%" {
				t.Errorf("%s: format %q, mau 0.00%%", cell, nf)
			}
			formula, err := f.GetCellFormula(SheetCapaian, cell)
			must(t, err)
			plain := c.Rumus == formulaRatio && !c.Dibatasi
			if formula != "" {
				formulas++
				if !plain {
					t.Errorf("%s: rumus %q untuk aturan %q", cell, formula, c.Rumus)
				}
				if want := fmt.Sprintf("%s/%s", ref(9+k, row), ref(7+k, row)); formula != want {
					t.Errorf("%s: rumus %q, mau %q", cell, formula, want)
				}
				// The cached value is what the formula computes.
				calc, err := f.CalcCellValue(SheetCapaian, cell, excelize.Options{RawCellValue: true})
				must(t, err)
				cv, _ := strconv.ParseFloat(calc, 64)
				raw, _ := f.GetCellValue(SheetCapaian, cell, excelize.Options{RawCellValue: true})
				rv, _ := strconv.ParseFloat(raw, 64)
				if d := cv - rv; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s: nilai tersimpan %s, rumus memberi %s", cell, raw, calc)
				}
			} else if plain && k == 1 {
				if note, _ := f.GetCellValue(SheetCapaian, ref(14, row)); note == "" {
					t.Errorf("%s: capaian R/T tanpa rumus dan tanpa keterangan", cell)
				}
			} else if !plain {
				if note, _ := f.GetCellValue(SheetCapaian, ref(14, row)); !strings.Contains(note, c.Rumus) {
					t.Errorf("%s: aturan %q tidak disebut di keterangan %q", cell, c.Rumus, note)
				}
			}
		}
		if got, _ := f.GetCellValue(SheetCapaian, ref(13, row)); got != r.CapaianSD.Kategori {
			t.Errorf("baris %d: kategori %q, mau %q", row, got, r.CapaianSD.Kategori)
		}
	}
	if formulas == 0 || values == 0 {
		t.Errorf("rumus %d, nilai capaian %d: contoh tidak menguji apa-apa", formulas, values)
	}
	// A target cell is a number.
	for i, r := range rows {
		if r.TargetSD.Jenis == model.Angka {
			if typ, _ := f.GetCellType(SheetCapaian, ref(8, i+2)); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("target %s: jenis sel %v", r.Indikator.Kode, typ)
			}
			break
		}
	}

	// Ringkasan: the total line's counts and mean as SummarizeCapaian.
	sum := model.SummarizeCapaian(rows)
	total := sum[len(sum)-1]
	last := len(sum) + 1
	if got, _ := f.GetCellValue(SheetRingkasan, ref(1, last)); got != "Jumlah" {
		t.Errorf("baris jumlah: %q", got)
	}
	if got, _ := f.GetCellValue(SheetRingkasan, ref(2, last)); got != strconv.Itoa(total.Count) {
		t.Errorf("jumlah indikator %s, mau %d", got, total.Count)
	}
	bands := len(model.KategoriBawaan())
	if len(lap.Dokumen.Capaian.Kategori) > 0 {
		bands = len(lap.Dokumen.Capaian.Kategori)
	}
	if total.MeanSD != nil {
		mean := model.Capaian{Sebab: model.Terhitung, Nilai: total.MeanSD}
		if got := cellPercent(t, f, SheetRingkasan, ref(6+bands, last)); got != annexPercent(mean) {
			t.Errorf("rata-rata s.d. %s, mau %s", got, annexPercent(mean))
		}
	}

	// Grafik: a native chart part.
	if !bytes.Contains(data, []byte("xl/charts/chart1.xml")) {
		t.Error("tidak ada grafik")
	}
}

// TestExportRealisasiCapaian: a report's realisasi workbook carries the
// year-to-date capaian and category, read only: import ignores them, even
// edited, and a new form has no such columns.
func TestExportRealisasiCapaian(t *testing.T) {
	lap := loadReport(t, "jakarta-pusat-2023-tw3.toml")
	data, err := ExportRealisasi(lap.Dokumen, lap, lap.PK)
	must(t, err)
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	header, err := f.GetRows(SheetRealisasi)
	must(t, err)
	col := map[string]int{}
	for i, h := range header[0] {
		col[h] = i + 1
	}
	sd, kat := col["capaian.sd"], col["capaian.kategori"]
	if sd == 0 || kat == 0 {
		t.Fatalf("kolom capaian tidak ada: %v", header[0])
	}
	byKode := map[string]model.BarisCapaian{}
	for _, r := range rows {
		byKode[r.Indikator.Kode] = r
	}
	checked := 0
	for row := 2; row <= len(header); row++ {
		kode, _ := f.GetCellValue(SheetRealisasi, ref(col["indikator.kode"], row))
		r := byKode[kode]
		if got, _ := f.GetCellValue(SheetRealisasi, ref(kat, row)); got != r.CapaianSD.Kategori {
			t.Errorf("%s: kategori %q, mau %q", kode, got, r.CapaianSD.Kategori)
		}
		if !r.CapaianSD.Ada() {
			continue
		}
		checked++
		if got, want := cellPercent(t, f, SheetRealisasi, ref(sd, row)), annexPercent(r.CapaianSD); got != want {
			t.Errorf("%s: capaian.sd %s, mau %s", kode, got, want)
		}
		if nf := numFmt(t, f, SheetRealisasi, ref(sd, row)); nf != "0.00%" {
			t.Errorf("%s: format %q", kode, nf)
		}
		// An edited read-only cell changes nothing.
		must(t, f.SetCellStr(SheetRealisasi, ref(sd, row), "diubah"))
		must(t, f.SetCellStr(SheetRealisasi, ref(kat, row), "diubah"))
	}
	if checked == 0 {
		t.Fatal("tidak ada capaian yang diperiksa")
	}
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	h, err := Import(buf.Bytes())
	must(t, err)
	back, probs := model.ParseRealisasi("r.toml", h.TOML(""), lap.Dokumen)
	if len(probs.Errors()) > 0 || back == nil {
		t.Fatalf("impor: %v", probs.Errors())
	}
	if strings.Contains(string(h.TOML("")), "capaian") || strings.Contains(string(h.TOML("")), "diubah") {
		t.Errorf("kolom baca saja masuk ke TOML:\n%s", h.TOML(""))
	}

	// A new form: no capaian columns.
	fresh, err := ExportRealisasi(lap.Dokumen, nil, filepath.Base(lap.PK))
	must(t, err)
	g, err := excelize.OpenReader(bytes.NewReader(fresh))
	must(t, err)
	first, err := g.GetRows(SheetRealisasi)
	must(t, err)
	if strings.Contains(strings.Join(first[0], " "), "capaian.") {
		t.Errorf("formulir baru dengan kolom capaian: %v", first[0])
	}
}
