package render

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"pkgen/model"
)

// bandNames are category names, best first, for documents with n bands.
var bandNames = []string{"Sangat Memuaskan", "Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang",
	"Buruk", "Sangat Buruk", "Gagal", "Sangat Gagal", "Tidak Terukur"}

// bandsDoc is a PK with n category bands (min 100, 90, … and a floor) and
// groups groups of three indicators, with its realisasi for TW I spreading
// the capaian over the bands.
func bandsDoc(kertas string, n, groups int) (pk, realisasi string) {
	var b, r strings.Builder
	fmt.Fprintf(&b, "tahun = 2024\nkertas = %q\ntempat = \"Jakarta\"\n[instansi]\nkop = [\"PEMERINTAH\"]\n", kertas)
	b.WriteString("[pihak_pertama]\nnama = \"Budi Santoso\"\nnip = \"19740309 199311 1 001\"\njabatan = \"Kepala Dinas\"\nunit_kerja = \"Dinas Uji\"\n")
	b.WriteString("[pihak_kedua]\nnama = \"Siti Aminah\"\njabatan = \"Gubernur\"\n[capaian]\n")
	for i := range n {
		b.WriteString("[[capaian.kategori]]\n")
		if i < n-1 {
			fmt.Fprintf(&b, "min = %d\n", 100-10*i)
		}
		fmt.Fprintf(&b, "nama = %q\n", bandNames[i])
	}
	r.WriteString("pk = \"bands.toml\"\ntriwulan = 1\n")
	k := 0
	for g := range groups {
		fmt.Fprintf(&b, "[[sasaran]]\nkelompok = \"Sasaran Kelompok %d\"\nuraian = \"Sasaran %d\"\n", g+1, g+1)
		for range 3 {
			k++
			fmt.Fprintf(&b, "[[sasaran.indikator]]\nkode = \"IK-%02d\"\nuraian = \"Indikator %d\"\n", k, k)
			b.WriteString("target = { tw1 = 100, tw2 = 100, tw3 = 100, tw4 = 100, tahunan = 100 }\n")
			fmt.Fprintf(&r, "[[realisasi]]\nkode = \"IK-%02d\"\ntw = { tw1 = %d }\n", k, 105-(k*10)%(10*n))
		}
	}
	return b.String(), r.String()
}

func bandsReport(t *testing.T, kertas string, n, groups int) *model.Laporan {
	t.Helper()
	pk, real := bandsDoc(kertas, n, groups)
	doc := parseDoc(t, pk)
	lap, probs := model.ParseRealisasi("bands-tw1.toml", []byte(real), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	return lap
}

// cellWords are the words of the texts in table cells and headers.
func cellWords(d *Document) map[string]bool {
	out := map[string]bool{}
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			if tx.Frame == 0 {
				continue
			}
			if k := p.Frames[tx.Frame-1].Kind; k == "header" || k == "cell" {
				for _, w := range wordsOf(tx.S) {
					out[w] = true
				}
			}
		}
	}
	return out
}

// The summary lays out 2 to 8 bands on A4 and F4 (five crashed: the
// Kelompok column was left 2 mm): every text inside its frame and the
// margins, every band name whole in the table (words wrap between words,
// never inside one), and every band's count of the whole report printed.
func TestCapaianSummaryBands(t *testing.T) {
	t.Parallel()
	for _, kertas := range []string{"A4", "F4"} {
		for n := 2; n <= 8; n++ {
			t.Run(fmt.Sprintf("%s/%d", kertas, n), func(t *testing.T) {
				t.Parallel()
				lap := bandsReport(t, kertas, n, 2)
				d := layoutCapaian(t, lap, CapaianOptions{TandaTangan: true})
				words := cellWords(d)
				for _, b := range bandNames[:n] {
					for _, w := range wordsOf(b) {
						if !words[w] {
							t.Errorf("band word %q not whole in any table cell", w)
						}
					}
				}
				rows, err := model.ComputeCapaian(lap.Dokumen, lap)
				if err != nil {
					t.Fatal(err)
				}
				sum := model.SummarizeCapaian(rows)
				total := sum[len(sum)-1]
				if total.Measured != 6 {
					t.Fatalf("%d indicators measured, want 6", total.Measured)
				}
				line := fmt.Sprintf("Seluruh Indikator %d %d", total.Count, total.Measured)
				for _, b := range bandsOf(lap.Dokumen) {
					line += fmt.Sprintf(" %d", total.ByKategori[b.Nama])
				}
				if !strings.Contains(pageTexts(d), line) {
					t.Errorf("summary lacks the total row %q", line)
				}
			})
		}
	}
}

// More bands than columns fit turn the summary on its side: a row per
// band under one Kategori cell, a column per group.
func TestCapaianSummaryTransposed(t *testing.T) {
	t.Parallel()
	lap := bandsReport(t, "A4", len(bandNames), 3)
	d := layoutCapaian(t, lap, CapaianOptions{})
	words := cellWords(d)
	for _, b := range bandNames {
		for _, w := range wordsOf(b) {
			if !words[w] {
				t.Errorf("band word %q not whole in any table cell", w)
			}
		}
	}
	s := pageTexts(d)
	for _, want := range []string{"Kelompok Sasaran Sasaran Kelompok 1 Sasaran Kelompok 2 Sasaran Kelompok 3 Seluruh Indikator",
		"Jumlah Indikator 3 3 3 9"} {
		if !strings.Contains(s, want) {
			t.Errorf("transposed summary lacks %q", want)
		}
	}
}

// Too many bands for a column each and too many groups for a column each:
// a LayoutError naming the bands, not a table engine's complaint.
func TestCapaianSummaryTooWide(t *testing.T) {
	t.Parallel()
	lap := bandsReport(t, "A4", len(bandNames), 40)
	_, err := LayoutCapaian(lap, CapaianOptions{})
	var le *LayoutError
	if !errors.As(err, &le) || le.Key != "capaian.kategori[1].nama" || !strings.Contains(err.Error(), "ringkasan capaian tidak muat") {
		t.Fatalf("error %v, want the summary's LayoutError on capaian.kategori[1].nama", err)
	}
}
