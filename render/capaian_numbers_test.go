package render

import (
	"strings"
	"testing"

	"pkgen/model"
)

// theilDoc has targets with many decimals (a Theil index, a ratio) and
// long kode values, as an LLDIKTI PK has.
const theilDoc = `tahun = 2024
format_angka = "%s"
tempat = "Jakarta"
[instansi]
kop = ["KEMENTERIAN"]
[pihak_pertama]
nama = "Budi Santoso"
nip = "19740309 199311 1 001"
jabatan = "Kepala Lembaga"
unit_kerja = "LLDIKTI Wilayah XII"
[pihak_kedua]
nama = "Siti Aminah"
jabatan = "Direktur Jenderal"
[[sasaran]]
uraian = "Meningkatnya mutu pendidikan tinggi"
[[sasaran.indikator]]
kode = "LLDIKTI-XII-IKU-01"
uraian = "Indeks Theil"
polaritas = "turun"
target = { tw1 = 0.018169, tw2 = 0.018169, tw3 = 0.018169, tw4 = 0.018169, tahunan = 0.018169 }
[[sasaran.indikator]]
kode = "LLDIKTI-XII-IKU-02"
uraian = "Rasio"
agregasi = "rata-rata"
target = { tw1 = 1.23456, tw2 = 1.23457, tw3 = 1.23458, tw4 = 1.23456, tahunan = 1.2345675 }
`

const theilRealisasi = `pk = "theil.toml"
triwulan = 2
[[realisasi]]
kode = "LLDIKTI-XII-IKU-01"
tw = { tw1 = 0.019, tw2 = 0.0181234 }
[[realisasi]]
kode = "LLDIKTI-XII-IKU-02"
tw = { tw1 = 1.1, tw2 = 1.23456 }
`

// The annex prints targets and realisasi as the lampiran does, exactly
// (0,018169 printed "0,02", 1,23456 "1,23"); only capaian is rounded, to
// two decimals.
func TestCapaianExactValues(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"id", []string{"0,018169", "0,0181234", "1,23456", "1,23457", "1,234565", "1,16728", "100,25%", "94,55%"}},
		{"en", []string{"0.018169", "0.0181234", "1.23456", "1.234565", "100.25%", "94.55%"}},
	} {
		doc := parseDoc(t, strings.Replace(theilDoc, "%s", c.format, 1))
		lap, probs := model.ParseRealisasi("theil-tw2.toml", []byte(theilRealisasi), doc)
		if lap == nil {
			t.Fatalf("realisasi invalid: %v", probs)
		}
		d := layoutCapaian(t, lap, CapaianOptions{})
		texts := map[string]bool{}
		for _, p := range d.Pages {
			for _, tx := range p.Texts {
				texts[tx.S] = true
			}
		}
		for _, w := range c.want {
			if !texts[w] {
				t.Errorf("%s: the annex has no text %q", c.format, w)
			}
		}
		for _, bad := range []string{"0,02", "1,23", "0.02", "1.23"} {
			if texts[bad] {
				t.Errorf("%s: the annex rounds a value to %q", c.format, bad)
			}
		}
	}
}

// The kode column fits the longest kode on one line (up to 30 mm); a
// longer one breaks at its hyphens, never inside a part.
func TestCapaianKodeColumn(t *testing.T) {
	t.Parallel()
	long := "KEMDIKBUD-DIKTI-LLDIKTI-XII-IKU-01"
	src := strings.Replace(theilDoc, "%s", "id", 1)
	src = strings.Replace(src, `kode = "LLDIKTI-XII-IKU-02"`, `kode = "`+long+`"`, 1)
	doc := parseDoc(t, src)
	real := strings.Replace(theilRealisasi, `kode = "LLDIKTI-XII-IKU-02"`, `kode = "`+long+`"`, 1)
	lap, probs := model.ParseRealisasi("theil-tw2.toml", []byte(real), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	// Not layoutCapaian: the chart cuts a label this long with an ellipsis,
	// which checkBars does not expect.
	d, err := LayoutCapaian(lap, CapaianOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnnex(t, lap, d, false)
	var short bool
	var pieces []string
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			if tx.Frame == 0 || p.Frames[tx.Frame-1].Kind != "cell" {
				continue
			}
			short = short || tx.S == "LLDIKTI-XII-IKU-01"
			if rest := strings.Join(pieces, ""); len(rest) < len(long) && strings.HasPrefix(long[len(rest):], tx.S) {
				pieces = append(pieces, tx.S)
			}
		}
	}
	if !short {
		t.Error("LLDIKTI-XII-IKU-01 is not on one line")
	}
	if strings.Join(pieces, "") != long || len(pieces) < 2 {
		t.Fatalf("kode lines %q do not rebuild %q on several lines", pieces, long)
	}
	for _, p := range pieces {
		if !strings.HasSuffix(p, "-") && !strings.HasSuffix(long, p) {
			t.Errorf("kode line %q breaks inside a part (lines %q)", p, pieces)
		}
	}
}

// The lampiran prints targets as written and whole: a fixed target column
// widens to its widest value (0,018169 broke as "0,01816" / "9" in the
// 13 mm Triwulan columns).
func TestLampiranTargetsWhole(t *testing.T) {
	t.Parallel()
	for _, shape := range [][2]string{{"", ""}, {"lampiran = \"eselon4\"\n", "[[anggaran]]\nuraian = \"Program\"\njumlah = 1000\n"}, {"lampiran = \"tahunan\"\n", ""}} {
		doc := parseDoc(t, shape[0]+strings.Replace(theilDoc, "%s", "id", 1)+shape[1])
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkGeometry(t, d)
		texts := map[string]bool{}
		for _, p := range d.Pages {
			for _, tx := range p.Texts {
				texts[tx.S] = true
			}
		}
		if !texts["0,018169"] || !texts["1,2345675"] {
			t.Errorf("%q: targets not printed whole", shape[0])
		}
	}
}
