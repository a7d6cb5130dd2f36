package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// pkSrc is a small PK whose parts the version tests vary.
func pkSrc(header, kedua, indikator string) string {
	return `tahun = 2023
tempat = "Jakarta"
` + header + `
[instansi]
kop = ["PEMERINTAH KOTA CONTOH"]
[pihak_pertama]
nama = "Budi Santoso"
jabatan = "Kepala Dinas"
unit_kerja = "Dinas Contoh"
[pihak_kedua]
nama = "` + kedua + `"
jabatan = "Walikota"
[[sasaran]]
uraian = "Sasaran satu"
` + indikator
}

func versiInd(kode string, tw [4]string, tahunan string) string {
	return `[[sasaran.indikator]]
kode = "` + kode + `"
uraian = "Indikator ` + kode + `"
agregasi = "jumlah"
target = { tw1 = ` + tw[0] + `, tw2 = ` + tw[1] + `, tw3 = ` + tw[2] + `, tw4 = ` + tw[3] + `, tahunan = ` + tahunan + ` }
`
}

const perubahanHeader = `jenis = "perubahan"
[perubahan]
mengubah = "asal.toml"
ke = 1
alasan = "strategi"
berlaku = 2023-07-01
`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var (
	asalInd = versiInd("A", [4]string{"10", "20", "30", "40"}, "100")
	baruInd = versiInd("A", [4]string{"15", "25", "35", "45"}, "120")
)

func TestPerubahanChain(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"asal.toml": pkSrc("", "Siti", asalInd),
		"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd),
	})
	doc, probs, err := loadPath(filepath.Join(dir, "baru.toml"))
	if err != nil || doc == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	p := doc.Perubahan
	if p == nil || p.Asal == nil || p.Triwulan != 3 || p.Ke != 1 || p.Alasan != AlasanStrategi {
		t.Fatalf("perubahan %+v", p)
	}
	if doc.VersiBerlaku(2) != p.Asal || doc.VersiBerlaku(3) != doc || doc.VersiBerlaku(4) != doc {
		t.Error("VersiBerlaku does not switch at the amendment's quarter")
	}
	if doc.Versi() != "Perubahan ke-1" || p.Asal.Versi() != "PK" {
		t.Errorf("versions named %q and %q", doc.Versi(), p.Asal.Versi())
	}
}

func TestPerubahanValidation(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"missing amended file", map[string]string{"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd)},
			`perubahan.mengubah: berkas PK yang diubah "asal.toml" tidak ditemukan`},
		{"other year", map[string]string{
			"asal.toml": strings.Replace(pkSrc("", "Siti", asalInd), "tahun = 2023", "tahun = 2022", 1),
			"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd)}, "PK yang diubah bertahun 2022, bukan 2023"},
		{"other unit", map[string]string{
			"asal.toml": strings.Replace(pkSrc("", "Siti", asalInd), "Dinas Contoh", "Dinas Lain", 1),
			"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd)}, "PK yang diubah milik unit lain"},
		{"wrong sequence", map[string]string{
			"asal.toml": pkSrc("", "Siti", asalInd),
			"baru.toml": pkSrc(strings.Replace(perubahanHeader, "ke = 1", "ke = 2", 1), "Siti", baruInd)}, "jadi ini perubahan ke-1, bukan ke-2"},
		{"official unchanged", map[string]string{
			"asal.toml": pkSrc("", "Siti", asalInd),
			"baru.toml": pkSrc(strings.Replace(perubahanHeader, `"strategi"`, `"pejabat"`, 1), "Siti", baruInd)}, "pihak pertama dan pihak kedua sama"},
		{"cycle", map[string]string{
			"asal.toml": pkSrc(strings.Replace(perubahanHeader, "asal.toml", "baru.toml", 1), "Siti", asalInd),
			"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd)}, "rantai perubahan berputar"},
		{"amended file invalid", map[string]string{
			"asal.toml": "tahun = 2023\n",
			"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd)}, "PK yang diubah (asal.toml) tidak sah"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, c.files)
			doc, probs, err := loadPath(filepath.Join(dir, "baru.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if doc != nil {
				t.Fatalf("loaded despite: want %q", c.want)
			}
			if !strings.Contains(probs.Error(), c.want) {
				t.Errorf("problems:\n%s\nwant %q", probs.Error(), c.want)
			}
		})
	}
}

func TestPerubahanDecode(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, header, want string }{
		{"perubahan without table", `jenis = "perubahan"`, "PK Perubahan memerlukan [perubahan]"},
		{"table on a pk", "[perubahan]\nke = 1\n", "[perubahan] hanya untuk jenis = \"perubahan\""},
		{"berlaku other year", strings.Replace(perubahanHeader, "2023-07-01", "2024-01-01", 1), "di luar tahun dokumen 2023"},
		{"unknown alasan", strings.Replace(perubahanHeader, `"strategi"`, `"lain"`, 1), `nilai "lain" tidak dikenal`},
		{"berlaku as text", strings.Replace(perubahanHeader, "2023-07-01", `"1 Juli 2023"`, 1), "harus tanggal TOML"},
	}
	for _, c := range cases {
		_, probs := Parse("baru.toml", []byte(pkSrc(c.header, "Siti", baruInd)))
		if !strings.Contains(probs.Error(), c.want) {
			t.Errorf("%s: problems %q, want %q", c.name, probs.Error(), c.want)
		}
	}
}

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	doc, probs := Parse("x.toml", []byte(src))
	if doc == nil {
		t.Fatalf("parse: %v", probs)
	}
	return doc
}

func TestCompareVersi(t *testing.T) {
	t.Parallel()
	b := versiInd("B", [4]string{`"N/A"`, "5", "5", "5"}, "15")
	c := versiInd("C", [4]string{"1", "1", "1", "1"}, "4")
	base := mustParse(t, pkSrc("", "Siti", asalInd+b))
	cases := []struct {
		name string
		new  string
		want []string
	}{
		{"identical", pkSrc("", "Siti", asalInd+b), nil},
		{"reordered only", pkSrc("", "Siti", b+asalInd), nil},
		{"one inserted", pkSrc("", "Siti", asalInd+c+b), []string{"+ C ditambah: Indikator C"}},
		{"one target edited", pkSrc("", "Siti", strings.Replace(asalInd, "tw3 = 30, tw4 = 40, tahunan = 100", "tw3 = 35, tw4 = 35, tahunan = 100", 1)+b),
			[]string{"~ A target.tw3: 30 → 35", "~ A target.tw4: 40 → 35"}},
		{"one removed", pkSrc("", "Siti", b), []string{"- A dihapus: Indikator A"}},
		{"party changed", pkSrc("", "Rina", asalInd+b), []string{"~ pihak_kedua.nama: Siti → Rina"}},
		{"reference targets and own rule", pkSrc("", "Siti", asalInd+"kondisi_awal = { nilai = 90, tahun = 2022 }\ntarget_akhir = { nilai = 120, tahun = 2026, dokumen = \"Renstra\" }\nbatas = 110\n"+b),
			[]string{"~ A kondisi_awal: (kosong) → 90 (2022)", "~ A target_akhir: (kosong) → 120 (Renstra 2026)", "~ A batas: (kosong) → 110"}},
	}
	for _, tc := range cases {
		got := Compare(base, mustParse(t, tc.new))
		var lines []string
		for _, g := range got {
			lines = append(lines, g.String())
		}
		if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, lines, tc.want)
		}
	}
	// The typed values of a target change are kept for renderers.
	got := Compare(base, mustParse(t, pkSrc("", "Siti", strings.Replace(asalInd, "tw1 = 10, tw2 = 20, tw3 = 30", "tw1 = 12.5, tw2 = 20, tw3 = 27.5", 1)+b)))
	if len(got) != 2 || got[0].LamaNilai == nil || got[0].BaruNilai.Angka.String() != "12.5" {
		t.Errorf("typed values: %+v", got)
	}
}

// Quarters before the amendment are measured against the original targets.
func TestCapaianAcrossVersions(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"asal.toml": pkSrc("", "Siti", asalInd),
		"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd),
		"tw4.toml": `pk = "baru.toml"
triwulan = 4
[[realisasi]]
kode = "A"
tw = { tw1 = 10, tw2 = 20, tw3 = 35, tw4 = 45 }
`,
	})
	lap, probs, err := loadRealisasiPath(filepath.Join(dir, "tw4.toml"))
	if err != nil || lap == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	rows, err := ComputeCapaian(lap.Dokumen, lap)
	if err != nil || len(rows) != 1 {
		t.Fatalf("hitung: %v %d rows", err, len(rows))
	}
	r := rows[0]
	if r.VersiTarget != [4]string{"PK", "PK", "Perubahan ke-1", "Perubahan ke-1"} {
		t.Errorf("versions %v", r.VersiTarget)
	}
	// Year to date (jumlah): original 10 + 20, amended 35 + 45 = 110.
	if got := r.TargetSD.Format("en"); got != "110" {
		t.Errorf("target s.d. TW IV %s, want 110", got)
	}
	if got := r.CapaianSD.Persen(2); got != "100,00%" {
		t.Errorf("capaian s.d. TW IV %s, want 100,00%%", got)
	}
	if got := r.Target.String(); got != "45" {
		t.Errorf("TW IV target %s, want the amended 45", got)
	}

	// Reported as of TW II, the same PK Perubahan measures the original.
	lap2, probs, err := ParseRealisasiFile(t, dir, "pk = \"baru.toml\"\ntriwulan = 2\n[[realisasi]]\nkode = \"A\"\ntw = { tw1 = 10, tw2 = 20 }\n")
	if err != nil || lap2 == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	rows, _ = ComputeCapaian(lap2.Dokumen, lap2)
	if rows[0].Target.String() != "20" || rows[0].VersiTarget[1] != "PK" {
		t.Errorf("TW II target %s from %s, want 20 from PK", rows[0].Target, rows[0].VersiTarget[1])
	}
}

// ParseRealisasiFile writes a realisasi report beside the PKs and loads it.
func ParseRealisasiFile(t *testing.T, dir, body string) (*Laporan, Problems, error) {
	t.Helper()
	path := filepath.Join(dir, "lap.toml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return loadRealisasiPath(path)
}

func TestPerubahanExample(t *testing.T) {
	t.Parallel()
	doc, probs, err := loadPath(testutil.Example(t, "jakarta-pusat-2023-perubahan-1.toml"))
	if err != nil || doc == nil {
		t.Fatalf("%v %v", err, probs)
	}
	if doc.Perubahan.Asal == nil || doc.Perubahan.Triwulan != 3 || doc.PihakKedua.Nama == doc.Perubahan.Asal.PihakKedua.Nama {
		t.Fatalf("example amendment %+v", doc.Perubahan)
	}
	var kinds []string
	for _, b := range Compare(doc.Perubahan.Asal, doc) {
		kinds = append(kinds, string(b.Jenis)+" "+b.Kode+" "+b.Bidang)
	}
	want := "diubah  pihak_kedua.nama|diubah IK-01 target.tw4|diubah IK-01 target.tahunan|ditambah IK-29 |dihapus IK-02 "
	if strings.Join(kinds, "|") != want {
		t.Errorf("changes %q\nwant %q", strings.Join(kinds, "|"), want)
	}
}

// A report on a PK Perubahan may carry realisasi of an indicator the
// amendment removed, for the quarters it was in force, and not after; an
// indicator the amendment added has none before.
func TestRealisasiAcrossVersions(t *testing.T) {
	t.Parallel()
	b := versiInd("B", [4]string{"1", "1", "1", "1"}, "4")
	c := versiInd("C", [4]string{"1", "1", "1", "1"}, "4")
	dir := writeFiles(t, map[string]string{
		"asal.toml": pkSrc("", "Siti", asalInd+b),
		"baru.toml": pkSrc(perubahanHeader, "Siti", baruInd+c),
	})
	ok := "pk = \"baru.toml\"\ntriwulan = 4\n[[realisasi]]\nkode = \"B\"\ntw = { tw1 = 1, tw2 = 1 }\n[[realisasi]]\nkode = \"C\"\ntw = { tw3 = 1, tw4 = 1 }\n"
	if lap, probs, err := ParseRealisasiFile(t, dir, ok); err != nil || lap == nil {
		t.Fatalf("valid report refused: %v %v", err, probs)
	}
	for _, c := range []struct{ body, want string }{
		{"pk = \"baru.toml\"\ntriwulan = 4\n[[realisasi]]\nkode = \"B\"\ntw = { tw3 = 1 }\n", "indikator B tidak berlaku pada TW III (tidak ada di Perubahan ke-1)"},
		{"pk = \"baru.toml\"\ntriwulan = 4\n[[realisasi]]\nkode = \"C\"\ntw = { tw2 = 1 }\n", "indikator C tidak berlaku pada TW II (tidak ada di PK)"},
		{"pk = \"baru.toml\"\ntriwulan = 4\n[[realisasi]]\nkode = \"D\"\ntw = { tw2 = 1 }\n", `kode "D" tidak ada di PK`},
	} {
		lap, probs, err := ParseRealisasiFile(t, dir, c.body)
		if err != nil || lap != nil || !strings.Contains(probs.Error(), c.want) {
			t.Errorf("want %q, got %v (report %v)", c.want, probs.Error(), lap != nil)
		}
	}
}

// The Daftar Perubahan lists parties first, then indicators added, removed
// and changed, each in Compare's order; a party's fields are one party.
func TestCompareGrouped(t *testing.T) {
	t.Parallel()
	b := versiInd("B", [4]string{`"N/A"`, "5", "5", "5"}, "15")
	c := versiInd("C", [4]string{"1", "1", "1", "1"}, "4")
	base := mustParse(t, pkSrc("", "Siti", asalInd+b))
	// C added before B's change in Compare's order; A removed; the party
	// renamed and given a NIP.
	changed := strings.Replace(b, "tahunan = 15", "tahunan = 16", 1)
	changed = strings.Replace(changed, `tw4 = 5`, `tw4 = 6`, 1)
	doc := mustParse(t, strings.Replace(pkSrc("", "Rina", c+changed), "nama = \"Rina\"", "nama = \"Rina\"\nnip = \"198001012005012002\"", 1))
	changes := Compare(base, doc)
	groups := Grouped(changes)
	var got []string
	for g, list := range groups {
		for _, x := range list {
			if x.Group() != BedaGroup(g) {
				t.Errorf("%s in group %d, says %d", x, g, x.Group())
			}
			got = append(got, fmt.Sprintf("%d %s %s", g, x.Pihak(), x))
		}
	}
	want := []string{
		"0 pihak_kedua ~ pihak_kedua.nama: Siti → Rina",
		"0 pihak_kedua ~ pihak_kedua.nip: (kosong) → 198001012005012002",
		"1  + C ditambah: Indikator C",
		"2  - A dihapus: Indikator A",
		"3  ~ B target.tw4: 5 → 6",
		"3  ~ B target.tahunan: 15 → 16",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(groups[0]) + len(groups[1]) + len(groups[2]) + len(groups[3]); n != len(changes) {
		t.Errorf("%d changes in the groups, %d compared", n, len(changes))
	}
}
