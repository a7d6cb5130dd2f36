package model

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// summaryRow is a capaian row of a group with an optional quarter and
// year-to-date capaian (percent as "a/b"; "" for none) and a category.
func summaryRow(kelompok, tw, sd, kategori string) BarisCapaian {
	capaian := func(v string) Capaian {
		if v == "" {
			return Capaian{Sebab: BelumAdaRealisasi}
		}
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			panic(v)
		}
		return Capaian{Sebab: Terhitung, Nilai: r, Kategori: kategori}
	}
	return BarisCapaian{Kelompok: kelompok, Capaian: capaian(tw), CapaianSD: capaian(sd)}
}

// summaryText prints summary lines for comparison: means as exact
// fractions, categories sorted by name.
func summaryText(lines []CapaianSummary) string {
	var out []string
	for _, s := range lines {
		mean := func(r *big.Rat) string {
			if r == nil {
				return "-"
			}
			return r.RatString()
		}
		name := s.Kelompok
		if s.Total {
			name = "TOTAL"
		}
		var cats []string
		for _, k := range []string{"Tercapai", "Hampir", "Tidak"} {
			if n := s.ByKategori[k]; n > 0 {
				cats = append(cats, fmt.Sprintf("%s=%d", k, n))
			}
		}
		out = append(out, fmt.Sprintf("%s %d/%d belum %d [%s] tw %s sd %s", name, s.Measured, s.Count, s.Unmeasured,
			strings.Join(cats, " "), mean(s.MeanTW), mean(s.MeanSD)))
	}
	return strings.Join(out, "\n")
}

func TestSummarizeCapaian(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		rows []BarisCapaian
		want string
	}{
		{"no rows", nil, "TOTAL 0/0 belum 0 [] tw - sd -"},
		{"no groups: one group line and the total", []BarisCapaian{
			summaryRow("", "100", "100", "Tercapai"),
			summaryRow("", "90", "95", "Hampir"),
		}, " 2/2 belum 0 [Tercapai=1 Hampir=1] tw 95 sd 195/2\n" +
			"TOTAL 2/2 belum 0 [Tercapai=1 Hampir=1] tw 95 sd 195/2"},
		{"means are exact: a third is not rounded", []BarisCapaian{
			summaryRow("A", "100", "100", "Tercapai"),
			summaryRow("A", "100", "100", "Tercapai"),
			summaryRow("A", "101", "101", "Tercapai"),
		}, "A 3/3 belum 0 [Tercapai=3] tw 301/3 sd 301/3\n" +
			"TOTAL 3/3 belum 0 [Tercapai=3] tw 301/3 sd 301/3"},
		{"without capaian: counted, not averaged", []BarisCapaian{
			summaryRow("A", "", "", ""),
			summaryRow("A", "", "80", "Tidak"),
			summaryRow("A", "50", "", ""),
		}, "A 1/3 belum 2 [Tidak=1] tw 50 sd 80\n" +
			"TOTAL 1/3 belum 2 [Tidak=1] tw 50 sd 80"},
		{"a group with no capaian at all has no means", []BarisCapaian{
			summaryRow("A", "", "", ""),
			summaryRow("B", "120", "110", "Tercapai"),
		}, "A 0/1 belum 1 [] tw - sd -\n" +
			"B 1/1 belum 0 [Tercapai=1] tw 120 sd 110\n" +
			"TOTAL 1/2 belum 1 [Tercapai=1] tw 120 sd 110"},
		{"a group is a run: a name seen again starts a new line", []BarisCapaian{
			summaryRow("A", "100", "100", "Tercapai"),
			summaryRow("B", "80", "80", "Tidak"),
			summaryRow("A", "60", "60", "Tidak"),
		}, "A 1/1 belum 0 [Tercapai=1] tw 100 sd 100\n" +
			"B 1/1 belum 0 [Tidak=1] tw 80 sd 80\n" +
			"A 1/1 belum 0 [Tidak=1] tw 60 sd 60\n" +
			"TOTAL 3/3 belum 0 [Tercapai=1 Tidak=2] tw 80 sd 80"},
		{"negative and fractional capaian", []BarisCapaian{
			summaryRow("", "-50", "-50", "Tidak"),
			summaryRow("", "86.75", "101.67", "Tercapai"),
		}, " 2/2 belum 0 [Tercapai=1 Tidak=1] tw 147/8 sd 5167/200\n" +
			"TOTAL 2/2 belum 0 [Tercapai=1 Tidak=1] tw 147/8 sd 5167/200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summaryText(SummarizeCapaian(tc.rows)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// The example report's summary, checked by hand: (88,2/86,75 + 85,9/86,75
// + 87,1/88,5 + 75,3/85 + 0,965 + 6) / 11 = 98,5635… for the strategic
// group, and so on.
func TestSummarizeCapaianExample(t *testing.T) {
	t.Parallel()
	lap, probs, err := loadRealisasiPath(testutil.Example(t, "jakarta-pusat-2023-tw3.toml"))
	if err != nil || lap == nil {
		t.Fatalf("LoadRealisasi: %v %v", err, probs)
	}
	rows, err := ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range SummarizeCapaian(rows) {
		got = append(got, fmt.Sprintf("%s %v %d/%d T%d H%d K%d tanpa %d avg %s %s", s.Kelompok, s.Total, s.Measured, s.Count,
			s.ByKategori["Tercapai"], s.ByKategori["Hampir tercapai"], s.ByKategori["Tidak tercapai"], s.Unmeasured,
			FormatRat(s.MeanTW, 4, "en"), FormatRat(s.MeanSD, 4, "en")))
	}
	want := []string{
		"Sasaran Strategis false 11/11 T7 H3 K1 tanpa 0 avg 99.3000 98.5635",
		"Sasaran Khusus false 9/14 T5 H3 K1 tanpa 5 avg 86.8551 88.3157",
		"Sasaran Operasional false 3/3 T1 H2 K0 tanpa 0 avg 95.2867 96.8422",
		" true 23/28 T13 H8 K2 tanpa 5 avg 92.3251 94.3289",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("summary\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
