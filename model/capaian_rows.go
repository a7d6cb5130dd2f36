package model

import "pkgen/pesan"

// BarisCapaian is one indicator's line in a capaian report.
type BarisCapaian struct {
	Kelompok  string     // the sasaran's group
	Sasaran   *Sasaran   // in the document
	Indikator *Indikator // in the document
	Triwulan  int        // the report's as-of quarter

	Target        Nilai   // the as-of quarter's target as written
	Realisasi     Nilai   // the as-of quarter's realisasi as written; Kosong when not reported
	TargetSD      Besaran // year to date (s.d. triwulan), by the indicator's agregasi
	RealisasiSD   Besaran
	TargetTahunan Nilai

	Capaian        Capaian // the quarter: Target against Realisasi
	CapaianSD      Capaian // year to date: TargetSD against RealisasiSD
	CapaianTahunan Capaian // RealisasiSD against TargetTahunan; a category only in TW IV
	// CapaianAkhir is RealisasiSD against the indicator's TargetAkhir (the
	// RPJMD or Renstra's end-of-period target): progress, without category;
	// Sebab TanpaTarget when the indicator has none.
	CapaianAkhir Capaian

	// VersiTarget names, per quarter, the version whose target is used
	// ("PK", "Perubahan ke-1"): a PK Perubahan applies from its quarter on.
	VersiTarget [4]string

	Dilaporkan bool // the realisasi file has an entry for this kode
	Kendala    string
	Upaya      string
	TahunLalu  Nilai // the previous year's realisasi, Kosong when not given
}

// ComputeCapaian computes the capaian of every indicator of doc, in document order,
// as of the report's quarter lap.Triwulan. It is pure: the same inputs give
// the same rows, and nothing depends on today's date.
//
// Rules (T target, R realisasi, both exact decimals; no float64 is used):
//
//   - Polarity. Higher is better (polaritas "naik"): R / T × 100. Lower is
//     better ("turun"): (2×T − R) / T × 100, or T / R × 100 when the PK sets
//     [capaian] rumus_turun = "T/R" (or the indicator its own rumus_turun,
//     which wins; so does an indicator's batas over the document's).
//     Worked: T 86,75, R 88,2 → 101,67%; turun T 10, R 8 → 120% (T/R: 125%).
//   - Zero and negative values. T = 0 and R = 0 → 100%. R better than a zero
//     target (R > 0 naik, R < 0 turun), and the T/R form with T > 0 and
//     R ≤ 0, have no finite ratio: capaian is the cap when the PK sets one,
//     else 100% (target met, no invented ratio). R worse than a zero target
//     → 0%. A negative R goes through the formula (naik T 10, R −5 → −50%;
//     capaian is never floored). A negative T uses the relative deviation
//     100 ± (R − T)/|T| × 100, so better stays above 100: naik
//     (2×T − R) / T × 100, turun R / T × 100 (naik T −2, R −1 → 150%).
//   - Range targets ("80-90", "80–90%"): R inside the range → 100%; below
//     it, R / Tbawah × 100; above it, the lower-is-better formula against
//     Tatas. The polarity is not used. Worked: 80–90, R 72 → 90%; R 99 →
//     (180 − 99) / 90 = 90%.
//   - Categories go through the indicator's scale (skala = "…" or the only
//     scale holding its target labels): P(R) / P(T) × 100 with P the
//     level's percent (opini: WTP 100, WDP 75, TW 50, TMP 25; target WTP,
//     realisasi WDP → 75%). On a "nilai" scale (predikat) where target and
//     realisasi both carry a number, "A (82)" and "A (85)", the numbers are
//     compared by polarity: 85 / 82 → 103,66%. A label not in the scale
//     gives no capaian (DiLuarSkala).
//   - Aggregation: see SampaiDengan. The quarter's capaian compares the
//     quarter's own values; the year-to-date one the aggregated values;
//     CapaianTahunan the year-to-date realisasi with the annual target
//     (progress; categorised only in TW IV). Worked (jumlah, 25% a
//     quarter, R 20%, 27,5%, 22%): TW III 22/25 = 88%; s.d. TW III
//     69,5/75 = 92,67%; tahunan 69,5/100 = 69,5%.
//   - Reference targets: CapaianAkhir compares the year-to-date realisasi
//     with the indicator's target_akhir by the same rules (progress towards
//     the RPJMD/Renstra target: R 88 against 95 → 92,63%), uncategorised.
//   - No capaian: target N/A (an annual target N/A: data only after the
//     year), target "–" (not yet given), no target, realisasi not reported,
//     "–" or N/A,
//     kinds that differ, a category outside the scale. Capaian.Sebab says
//     which; Nilai is nil and Persen prints "".
//   - Cap: [capaian] batas = 100 or 120 limits every capaian (Dibatasi,
//     Mentah keeps the computed value). Absent: no cap.
//   - Category: the band table [[capaian.kategori]] (min, nama), default
//     ≥ 100 Tercapai, 90 to < 100 Hampir tercapai, below 90 Tidak
//     tercapai, applied to the capped value.
//   - Display: Capaian.Persen(2) rounds half away from zero and prints an
//     Indonesian comma, "101,67%"; FormatRat does the same for any number.
//
// The error is for inputs the loaders never produce (a nil document or
// report, a quarter outside 1..4, an unknown rumus_turun).
func ComputeCapaian(doc *Document, lap *Laporan) ([]BarisCapaian, error) {
	if doc == nil || lap == nil {
		return nil, pesan.Errorf("capaian: dokumen atau laporan realisasi tidak ada")
	}
	if lap.Triwulan < 1 || lap.Triwulan > 4 {
		return nil, pesan.Errorf("capaian: triwulan %d di luar 1–4", lap.Triwulan)
	}
	a := &doc.Capaian
	if rt := a.lowerFormula(); rt != RumusDuaTKurangR && rt != RumusTBagiR {
		return nil, pesan.Errorf("capaian: rumus_turun %q tidak dikenal", rt)
	}
	q := lap.Triwulan
	// The rows are those of the version in force in the report's quarter;
	// each earlier quarter is measured against the version in force then.
	cur := doc.VersiBerlaku(q)
	var rows []BarisCapaian
	for i := range cur.Sasaran {
		s := &cur.Sasaran[i]
		for j := range s.Indikator {
			ind := &s.Indikator[j]
			targets := ind.Target.TW
			var versi [4]string
			for k := range 4 {
				versi[k] = cur.Versi()
				if k >= q {
					continue
				}
				v := doc.VersiBerlaku(k + 1)
				versi[k] = v.Versi()
				if _, vi := v.FindIndikator(ind.Kode); vi != nil {
					targets[k] = vi.Target.TW[k]
				} else {
					targets[k] = Nilai{} // the indicator did not exist then
				}
			}
			row := BarisCapaian{Kelompok: s.Kelompok, Sasaran: s, Indikator: ind, Triwulan: q,
				Target: targets[q-1], TargetTahunan: ind.Target.Tahunan, VersiTarget: versi}
			var real [4]Nilai
			if ri := lap.Find(ind.Kode); ri != nil {
				row.Dilaporkan = true
				row.Kendala, row.Upaya, row.TahunLalu = ri.Kendala, ri.Upaya, ri.TahunLalu
				for k := 0; k < q; k++ {
					real[k] = ri.TW[k]
				}
			}
			row.Realisasi = real[q-1]
			bt, br := BesaranNilai(row.Target), BesaranNilai(row.Realisasi)
			bt.Triwulan, br.Triwulan = []int{q}, []int{q}
			row.Capaian = a.Compare(ind, bt, br)
			row.TargetSD, row.RealisasiSD = SampaiDengan(ind.Agregasi, targets, real, q)
			row.CapaianSD = a.Compare(ind, row.TargetSD, row.RealisasiSD)
			row.CapaianTahunan = a.Compare(ind, BesaranNilai(ind.Target.Tahunan), row.RealisasiSD)
			if q < 4 {
				row.CapaianTahunan.Kategori = ""
			}
			if ind.Target.Tahunan.Jenis == NA {
				row.CapaianTahunan.Catatan = "target tahunan N/A: capaian terhadap target tahunan tidak dihitung"
			}
			if ind.TargetAkhir != nil {
				row.CapaianAkhir = a.Compare(ind, BesaranNilai(ind.TargetAkhir.Nilai), row.RealisasiSD)
				row.CapaianAkhir.Kategori = ""
			} else {
				row.CapaianAkhir = Capaian{Sebab: TanpaTarget, Catatan: "tidak ada target akhir"}
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}
