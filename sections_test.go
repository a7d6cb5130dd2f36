package pkgen

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A section's unknown column set is reported by check at its file, line
// and key, like the loader's problems; a realisasi report of a sectioned
// PK is checked and its capaian annex laid out as any other.
func TestCheckSectionColumnSet(t *testing.T) {
	t.Parallel()
	const pk = `tahun = 2024
tempat = "Jakarta"
[instansi]
kop = ["PEMERINTAH"]
[pihak_pertama]
nama = "Budi Santoso"
jabatan = "Kepala Dinas"
[pihak_kedua]
nama = "Siti Aminah"
jabatan = "Gubernur"
[[bagian]]
nama = "program"
judul = "A. SASARAN PROGRAM"
lampiran = "tahunan"
[[bagian]]
nama = "kegiatan"
judul = "B. SASARAN KEGIATAN"
lampiran = "LAMPIRAN"
[[sasaran]]
bagian = "program"
uraian = "Sasaran program"
[[sasaran.indikator]]
kode = "P-1"
uraian = "Indikator program"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran]]
bagian = "kegiatan"
uraian = "Sasaran kegiatan"
[[sasaran.indikator]]
kode = "K-1"
uraian = "Indikator kegiatan"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
`
	const real = "pk = \"pk.toml\"\ntriwulan = 2\n[[realisasi]]\nkode = \"K-1\"\ntw = { tw1 = 9, tw2 = 12 }\n[[realisasi]]\nkode = \"P-1\"\ntw = { tw1 = 10, tw2 = 8 }\n"
	bad := fstest.MapFS{"pk.toml": {Data: []byte(strings.Replace(pk, "LAMPIRAN", "kegiatn", 1))}}
	_, err := Check(Input{FS: bad, Name: "pk.toml"}, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), `pk.toml:18: bagian[2].lampiran: kolom lampiran "kegiatn" tidak dikenal`) {
		t.Errorf("check: %v", err)
	}
	good := fstest.MapFS{"pk.toml": {Data: []byte(strings.Replace(pk, "LAMPIRAN", "dki", 1))}, "pk-tw2.toml": {Data: []byte(real)}}
	if _, err := Check(Input{FS: good, Name: "pk.toml"}, Options{}); err != nil {
		t.Errorf("check of the PK: %v", err)
	}
	res, err := Check(Input{FS: good, Name: "pk-tw2.toml"}, Options{})
	if err != nil || res.Laporan == nil || len(res.Problems.Errors()) > 0 {
		t.Fatalf("check of its realisasi: %v %v", err, res.Problems)
	}
	c, err := RenderCapaian(Input{FS: good, Name: "pk-tw2.toml"}, CapaianOptions{})
	if err != nil || len(c.PDF) == 0 {
		t.Errorf("capaian annex: %v", err)
	}
}
