package render

import (
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/templates"
)

func loadRenstra(t *testing.T) *model.Laporan {
	t.Helper()
	lap, probs, err := model.LoadRealisasi(testutil.Rooted(testutil.Example(t, "kota-contoh-renstra-2024-tw3.toml")))
	if err != nil || lap == nil {
		t.Fatalf("load realisasi: %v %v", err, probs)
	}
	return lap
}

func wantTexts(t *testing.T, s string, want, unwanted []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("missing %q", w)
		}
	}
	for _, w := range unwanted {
		if strings.Contains(s, w) {
			t.Errorf("unexpected %q", w)
		}
	}
}

// TestCapaianOptionalColumns: [capaian] kolom adds the baseline, the annual
// target and the Renstra target with the capaian against them.
func TestCapaianOptionalColumns(t *testing.T) {
	t.Parallel()
	lap := loadRenstra(t)
	s := pageTexts(layoutCapaian(t, lap, CapaianOptions{}))
	wantTexts(t, s, []string{
		"Kondisi Awal", "68,94", "(2023)", "12,5%", "(2022)",
		"Tahun 2024", "thd. Target Tahun 2024", "77,65%", // LH-02: 66% of 85%
		"Akhir Renstra (2026)", "thd. Target Akhir", "73,33%", "102,27%", // 66 of 90; LH-03 180/176
		"target belum ada", // LH-05's annual target "–"
		"aturan indikator ini: rumus turun T/R, batas 110%", // LH-03
		"target tahunan N/A", // LH-04's reason
		"kecuali indikator dengan aturan sendiri",
	}, []string{"Realisasi Tahun Lalu", "(Renstra 2026)"})

	// Every column, the end targets of different years: each cell names its own.
	doc := *lap.Dokumen
	doc.Capaian.Kolom = model.KolomCapaian
	doc.Sasaran = append([]model.Sasaran(nil), doc.Sasaran...)
	s0 := doc.Sasaran[0]
	s0.Indikator = append([]model.Indikator(nil), s0.Indikator...)
	ta := *s0.Indikator[0].TargetAkhir
	ta.Tahun = 2025
	s0.Indikator[0].TargetAkhir = &ta
	doc.Sasaran[0] = s0
	all := *lap
	all.Dokumen = &doc
	all.Realisasi = append([]model.RealisasiIndikator(nil), lap.Realisasi...)
	all.Realisasi[0].TahunLalu = model.Nilai{Jenis: model.Persen, Angka: model.Desimal{Unscaled: 612, Scale: 1}}
	s = pageTexts(layoutCapaian(t, &all, CapaianOptions{}))
	wantTexts(t, s, []string{"Realisasi Tahun Lalu", "61,2%", "(Renstra 2025)", "(Renstra 2026)", "Akhir"},
		[]string{"Akhir Renstra (2026)"})

	// Without kolom the annex is as it was.
	doc.Capaian.Kolom = nil
	s = pageTexts(layoutCapaian(t, &all, CapaianOptions{}))
	wantTexts(t, s, nil, []string{"Kondisi Awal", "Realisasi Tahun Lalu", "thd. Target"})
}

// TestLampiranReferenceFields: a column set prints the baseline, the end
// target and its document and year; N/A and "–" print as written.
func TestLampiranReferenceFields(t *testing.T) {
	t.Parallel()
	fsys, name := testutil.Rooted(testutil.Example(t, "kota-contoh-renstra-2024.toml"))
	doc, probs, err := model.Load(fsys, name)
	if err != nil || doc == nil {
		t.Fatalf("%v %v", err, probs)
	}
	ov, err := templates.Resolve(fsys, name, doc.Templat)
	if err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(ov...)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Layout(doc, Options{Templates: set})
	if err != nil {
		t.Fatal(err)
	}
	wantTexts(t, pageTexts(d), []string{"Kondisi Awal", "68,94", "78,4%", "218", "Renstra 2026", "90%", "180", "N/A", "–"}, nil)
}
