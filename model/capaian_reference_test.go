package model

import (
	"strings"
	"testing"
)

// Targets beyond the quarter: the baseline (kondisi_awal), the planning
// document's end-of-period target (target_akhir), an indicator's own
// rumus_turun and batas, [capaian] kolom, an annual target N/A and "–"
// (not yet given) apart from N/A.

func TestRuleTargetsBeyondQuarter(t *testing.T) {
	t.Parallel()
	const ip = "sasaran[1].indikator[1]"
	num := `{ tw1 = 10, tw2 = 20, tw3 = 30, tw4 = 40, tahunan = 40 }`
	pct := `{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "90%", tahunan = "90%" }`
	rng := `{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "80-90", tahunan = "80-90" }`
	opini := `{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "(3) WTP", tahunan = "(3) WTP" }`
	runRules(t, []ruleCase{
		{"baseline and end target", oneInd(num, `kondisi_awal = { nilai = 35.5, tahun = 2022 }`, `target_akhir = { nilai = 60, tahun = 2026, dokumen = "RPJMD" }`), nil},
		{"baseline without year", oneInd(pct, `kondisi_awal = { nilai = "85%" }`), nil},
		{"range target, one number or a range", oneInd(rng, `kondisi_awal = { nilai = 78 }`, `target_akhir = { nilai = "85-95", tahun = 2026 }`), nil},
		{"wrong kind", oneInd(pct, `target_akhir = { nilai = 95, tahun = 2026 }`),
			[]string{ip + `.target_akhir.nilai: target_akhir 95 berjenis angka, target indikator berjenis persen ("90%"); tulis nilai sejenis target`}},
		{"N/A refused", oneInd(num, `target_akhir = { nilai = "N/A", tahun = 2026 }`),
			[]string{ip + `.target_akhir.nilai: target_akhir tidak boleh N/A atau "–"; hapus target_akhir bila belum ada nilainya`}},
		{"dash refused", oneInd(num, `kondisi_awal = { nilai = "–" }`),
			[]string{ip + `.kondisi_awal.nilai: kondisi_awal tidak boleh N/A atau "–"; hapus kondisi_awal bila belum ada nilainya`}},
		{"end target needs its year", oneInd(num, `target_akhir = { nilai = 60 }`),
			[]string{ip + ".target_akhir.tahun: wajib diisi (bilangan bulat)"}},
		{"end target before the PK", oneInd(num, `target_akhir = { nilai = 60, tahun = 2021 }`),
			[]string{ip + ".target_akhir.tahun: tahun target akhir 2021 sebelum tahun PK 2023; target akhir periode RPJMD/Renstra jatuh pada tahun PK atau sesudahnya"}},
		{"baseline after the PK", oneInd(num, `kondisi_awal = { nilai = 30, tahun = 2024 }`),
			[]string{ip + ".kondisi_awal.tahun: tahun kondisi awal 2024 sesudah tahun PK 2023; kondisi awal adalah capaian tahun PK atau sebelumnya"}},
		{"baseline has no dokumen", oneInd(num, `kondisi_awal = { nilai = 30, dokumen = "RPJMD" }`),
			[]string{ip + `.kondisi_awal.dokumen: kunci "dokumen" tidak dikenal…`}},
		{"category outside the scale", oneInd(opini, `target_akhir = { nilai = "AA", tahun = 2026 }`),
			[]string{ip + `.target_akhir.nilai: kategori "AA" tidak ada di skala opini (WTP, WDP, TW, TMP)`}},
		{"own rules", oneInd(num, `polaritas = "turun"`, `rumus_turun = "T/R"`, `batas = 110`), nil},
		{"own formula on a naik indicator", oneInd(num, `rumus_turun = "T/R"`),
			[]string{"peringatan: " + ip + `.rumus_turun: rumus_turun hanya dipakai untuk polaritas "turun" dan target rentang; indikator ini naik`}},
		{"own cap below 100", oneInd(num, `batas = 90`),
			[]string{ip + ".batas: batas capaian 90% kurang dari 100; tulis 100 atau lebih (mis. 120), atau hapus kunci ini untuk tanpa batas"}},
		{"own formula unknown", oneInd(num, `polaritas = "turun"`, `rumus_turun = "R/T"`),
			[]string{ip + `.rumus_turun: nilai "R/T" tidak dikenal; pilih salah satu: "2T-R", "T/R"`}},
		{"kolom", pkHead + "\n[capaian]\nkolom = [\"tahunan\", \"target_akhir\", \"kondisi_awal\", \"tahun_lalu\"]\n" + sas("", "S", ind("IK-01", "I", num)), nil},
		{"kolom misspelt and twice", pkHead + "\n[capaian]\nkolom = [\"tahunn\", \"tahunan\", \"tahunan\", \"grafik\"]\n" + sas("", "S", ind("IK-01", "I", num)),
			[]string{`capaian.kolom[1]: kolom "tahunn" tidak dikenal; maksud Anda "tahunan"?`,
				`capaian.kolom[3]: kolom "tahunan" sudah disebut`,
				`capaian.kolom[4]: kolom "grafik" tidak dikenal; pilih dari: "kondisi_awal", "tahun_lalu", "tahunan", "target_akhir"`}},
	})
}

// capaianReport parses a PK of the given indicators (and [capaian] lines)
// and a realisasi report of the given [[realisasi]] blocks as of triwulan.
func capaianReport(t *testing.T, capaian string, inds []string, triwulan int, realisasi string) (map[string]BarisCapaian, Problems) {
	t.Helper()
	src := pkHead
	if capaian != "" {
		src += "\n[capaian]\n" + capaian + "\n"
	}
	src += sas("", "S", inds...)
	doc, probs := Parse("pk.toml", []byte(src))
	if doc == nil {
		t.Fatalf("PK: %v", probs)
	}
	rsrc := "pk = \"pk.toml\"\ntriwulan = " + string(rune('0'+triwulan)) + "\n" + realisasi
	lap, rprobs := ParseRealisasi("r.toml", []byte(rsrc), doc)
	if lap == nil {
		t.Fatalf("realisasi: %v", rprobs)
	}
	rows, err := ComputeCapaian(doc, lap)
	if err != nil {
		t.Fatal(err)
	}
	return rowsByKode(t, rows), rprobs
}

func TestComputeCapaianBeyondQuarter(t *testing.T) {
	t.Parallel()
	inds := []string{
		// Cumulative: TW III 25 against the year's 50.
		ind("A", "kumulatif", `{ tw1 = 10, tw2 = 20, tw3 = 30, tw4 = 50, tahunan = 50 }`,
			`target_akhir = { nilai = 95, tahun = 2026, dokumen = "RPJMD" }`),
		// Lower is better: the document's 2T-R and cap 120, and the same
		// indicator with its own T/R, and with its own cap 100.
		ind("DOC", "turun", `{ tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }`, `polaritas = "turun"`),
		ind("TR", "turun T/R", `{ tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }`, `polaritas = "turun"`, `rumus_turun = "T/R"`),
		ind("CAP", "turun batas", `{ tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }`, `polaritas = "turun"`, `batas = 100`),
		ind("LOW", "turun rendah", `{ tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }`, `polaritas = "turun"`),
		// Data only after the year.
		ind("NA", "tahunan N/A", `{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "N/A", tahunan = "N/A" }`,
			`target_akhir = { nilai = "20%", tahun = 2026 }`),
		// A target still to come, and a realisasi still to come.
		ind("DASH", "belum", `{ tw1 = 5, tw2 = 5, tw3 = "–", tw4 = "–", tahunan = "–" }`, `agregasi = "jumlah"`),
		ind("RDASH", "realisasi belum", `{ tw1 = 5, tw2 = 5, tw3 = 5, tw4 = 5, tahunan = 20 }`, `agregasi = "jumlah"`),
		ind("RNA", "realisasi N/A", `{ tw1 = 5, tw2 = 5, tw3 = 5, tw4 = 5, tahunan = 20 }`, `agregasi = "jumlah"`),
	}
	real := `
[[realisasi]]
kode = "A"
tw = { tw1 = 9, tw2 = 18, tw3 = 25 }
[[realisasi]]
kode = "DOC"
tw = { tw3 = 8 }
[[realisasi]]
kode = "TR"
tw = { tw3 = 8 }
[[realisasi]]
kode = "CAP"
tw = { tw3 = 8 }
[[realisasi]]
kode = "LOW"
tw = { tw3 = 1 }
[[realisasi]]
kode = "DASH"
tw = { tw1 = 5, tw2 = 6, tw3 = 7 }
[[realisasi]]
kode = "RDASH"
tw = { tw1 = 5, tw2 = 6, tw3 = "–" }
[[realisasi]]
kode = "RNA"
tw = { tw1 = 5, tw2 = 6, tw3 = "N/A" }
`
	m, probs := capaianReport(t, "batas = 120", inds, 3, real)
	for _, p := range probs {
		if strings.Contains(p.Path, "realisasi[7]") {
			t.Errorf("a realisasi written \"–\" is not a forgotten one: %v", p)
		}
	}
	tests := []struct {
		name  string
		got   Capaian
		want  string // the printed capaian, "" for none
		sebab Sebab
	}{
		{"against the annual target: 25 of 50", m["A"].CapaianTahunan, "50,00%", Terhitung},
		{"against the end target: 25 of 95", m["A"].CapaianAkhir, "26,32%", Terhitung},
		{"no end target", m["DOC"].CapaianAkhir, "", TanpaTarget},
		{"document's 2T-R", m["DOC"].Capaian, "120,00%", Terhitung},
		{"own T/R overrides", m["TR"].Capaian, "120,00%", Terhitung}, // 125 capped by the document's 120
		{"own cap overrides", m["CAP"].Capaian, "100,00%", Terhitung},
		{"document's cap", m["LOW"].Capaian, "120,00%", Terhitung},
		{"annual N/A: no capaian", m["NA"].CapaianTahunan, "", TargetNA},
		{"annual N/A: quarter N/A", m["NA"].Capaian, "", TargetNA},
		{"target not yet given", m["DASH"].Capaian, "", TargetBelumAda},
		{"annual target not yet given", m["DASH"].CapaianTahunan, "", TargetBelumAda},
		{"realisasi not yet given", m["RDASH"].Capaian, "", BelumAdaRealisasi},
		{"realisasi N/A", m["RNA"].Capaian, "", RealisasiNA},
	}
	for _, tc := range tests {
		if got := tc.got.Persen(2); got != tc.want || tc.got.Sebab != tc.sebab {
			t.Errorf("%s: %q %v (%s); want %q %v", tc.name, got, tc.got.Sebab, tc.got.Catatan, tc.want, tc.sebab)
		}
	}
	if c := m["TR"].Capaian; c.Mentah.Cmp(rat(t, "125")) != 0 || c.Rumus != formulaLowerTR {
		t.Errorf("own T/R: mentah %v rumus %q", c.Mentah, c.Rumus)
	}
	if c := m["NA"].CapaianTahunan; !strings.Contains(c.Catatan, "target tahunan N/A") {
		t.Errorf("annual N/A gives no reason: %q", c.Catatan)
	}
	if c := m["A"].CapaianAkhir; c.Kategori != "" {
		t.Errorf("the end target's capaian has no category: %q", c.Kategori)
	}
	// Without batas of its own and with T/R of its own, the cap is the
	// document's: without a document cap T/R gives 125.
	m, _ = capaianReport(t, "", inds[2:3], 3, "[[realisasi]]\nkode = \"TR\"\ntw = { tw3 = 8 }\n")
	if got := m["TR"].Capaian.Persen(2); got != "125,00%" {
		t.Errorf("own T/R without a cap: %s", got)
	}
}

// TestTahunLaluWithAnnualNA: last year's realisasi is checked against the
// indicator's kind, not refused because this year's target is N/A.
func TestTahunLaluWithAnnualNA(t *testing.T) {
	t.Parallel()
	inds := []string{ind("NA", "tahunan N/A", `{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "N/A", tahunan = "N/A" }`,
		`kondisi_awal = { nilai = "12%", tahun = 2022 }`)}
	m, probs := capaianReport(t, "", inds, 1, "[[realisasi]]\nkode = \"NA\"\ntahun_lalu = \"14.5%\"\n")
	if len(probs) > 0 || m["NA"].TahunLalu.String() != "14.5%" {
		t.Errorf("tahun_lalu: %v %v", probs, m["NA"].TahunLalu)
	}
}

// TestEncodeBeyondQuarter: the new keys and "–" survive encoding.
func TestEncodeBeyondQuarter(t *testing.T) {
	t.Parallel()
	src := pkHead + "\n[capaian]\nkolom = [\"tahunan\", \"target_akhir\"]\n" + sas("", "S",
		ind("A", "I", `{ tw1 = 1, tw2 = 2, tw3 = "–", tw4 = "–", tahunan = "–" }`, `agregasi = "jumlah"`, `polaritas = "turun"`,
			`rumus_turun = "T/R"`, `batas = 110`, `kondisi_awal = { nilai = 3, tahun = 2022 }`, `target_akhir = { nilai = 2.5, tahun = 2026, dokumen = "Renstra" }`))
	doc, probs := Parse("a.toml", []byte(src))
	if doc == nil {
		t.Fatal(probs)
	}
	back, probs := Parse("b.toml", EncodePK(doc, ""))
	if back == nil {
		t.Fatal(probs)
	}
	a, b := doc.Sasaran[0].Indikator[0], back.Sasaran[0].Indikator[0]
	if a.Target != b.Target || *a.KondisiAwal != *b.KondisiAwal || *a.TargetAkhir != *b.TargetAkhir ||
		a.RumusTurun != b.RumusTurun || a.Batas.Cmp(*b.Batas) != 0 || strings.Join(back.Capaian.Kolom, ",") != "tahunan,target_akhir" {
		t.Errorf("round trip:\n%+v\n%+v\n%s", a, b, EncodePK(doc, ""))
	}
}
