package pkgen

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render/pohon"
)

// pohonIndikator finds an indicator of the drawing by the box's ID and kode.
func pohonIndikator(t *testing.T, tr *pohon.Tree, id, kode string) (*pohon.Node, *pohon.Indikator) {
	t.Helper()
	var found *pohon.Node
	var walk func(n *pohon.Node)
	walk = func(n *pohon.Node) {
		if n.ID == id {
			found = n
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, r := range tr.Roots {
		walk(r)
	}
	if found == nil {
		t.Fatalf("no box %s", id)
	}
	for i := range found.Sasaran {
		for j := range found.Sasaran[i].Indikator {
			if ind := &found.Sasaran[i].Indikator[j]; ind.Kode == kode || kode == "" {
				return found, ind
			}
		}
	}
	return found, nil
}

// TestKaskadeCapaianExamples: with the TW III reports of the examples
// every indicator of the four health PKs carries the category of its
// year-to-date capaian as model.ComputeCapaian gives it to the annex, no
// other indicator is tinted, and the Bupati and the Dinas Pertanian say
// they have no report. The standalone kota-contoh-renstra (it has a TW III
// report) is not drawn and not counted.
func TestKaskadeCapaianExamples(t *testing.T) {
	t.Parallel()
	fsys := os.DirFS("examples")
	rep, err := Kaskade(Input{FS: fsys, Name: "."}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.LoadCapaian(3); err != nil {
		t.Fatal(err)
	}
	kc := rep.Capaian
	coloured := map[string]string{
		"kabupaten-contoh-dinas-kesehatan-2024.toml": "kabupaten-contoh-dinas-kesehatan-2024-tw3.toml",
		"kabupaten-contoh-bidang-2024.toml":          "kabupaten-contoh-bidang-2024-tw3.toml",
		"kabupaten-contoh-bidang-kesmas-2024.toml":   "kabupaten-contoh-bidang-kesmas-2024-tw3.toml",
		"kabupaten-contoh-seksi-2024.toml":           "kabupaten-contoh-seksi-2024-tw3.toml",
	}
	if got := len(kc.PKs); got != len(coloured) {
		t.Errorf("%d PKs coloured, want %d: %v", got, len(coloured), slicesOf(maps.Keys(kc.PKs)))
	}
	tr := rep.Pohon()
	seen := map[string]int{}
	for pk, report := range coloured {
		pc := kc.PKs[pk]
		if pc == nil {
			t.Errorf("%s not coloured", pk)
			continue
		}
		if pc.Realisasi != report {
			t.Errorf("%s coloured by %s, want %s", pk, pc.Realisasi, report)
		}
		lap, _, err := model.LoadRealisasi(fsys, report)
		if err != nil || lap == nil {
			t.Fatal(report, err)
		}
		rows, err := model.ComputeCapaian(lap.Dokumen, lap)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			want := ""
			if row.CapaianSD.Ada() {
				want = row.CapaianSD.Kategori
				seen[want]++
			}
			if got := pc.Kategori[row.Indikator.Kode]; got != want {
				t.Errorf("%s %s: category %q, want %q", pk, row.Indikator.Kode, got, want)
			}
			box, ind := pohonIndikator(t, tr, pk, row.Indikator.Kode)
			if box.Note != "" {
				t.Errorf("%s has a report but says %q", pk, box.Note)
			}
			if ind != nil && ind.Kategori != want {
				t.Errorf("drawn %s %s: category %q, want %q", pk, row.Indikator.Kode, ind.Kategori, want)
			}
		}
	}
	// Shortfalls down the tree: every band appears.
	for _, b := range model.KategoriBawaan() {
		if seen[b.Nama] == 0 {
			t.Errorf("no indicator %q in the examples", b.Nama)
		}
	}
	if pc := kc.PKs["kabupaten-contoh-seksi-2024.toml"]; pc.Kategori["SI-01"] != "Tidak tercapai" ||
		pc.Summary.ByKategori["Tercapai"] != 3 || pc.Summary.Unmeasured != 0 {
		t.Errorf("seksi: %v %+v", pc.Kategori, pc.Summary)
	}
	for _, pk := range []string{"kabupaten-contoh-bupati-2024.toml", "kabupaten-contoh-dinas-pertanian-2024.toml"} {
		box, ind := pohonIndikator(t, tr, pk, "")
		if box.Note != "tanpa realisasi TW III" || ind == nil || ind.Kategori != "" {
			t.Errorf("%s: note %q, first indicator %+v", pk, box.Note, ind)
		}
	}
	if want := []string{"kabupaten-contoh-bupati-2024.toml", "kabupaten-contoh-dinas-pertanian-2024.toml"}; strings.Join(kc.Tanpa, ",") != strings.Join(want, ",") {
		t.Errorf("without a report: %v, want %v", kc.Tanpa, want)
	}
	if last := tr.Title[len(tr.Title)-1]; last != "CAPAIAN S.D. TRIWULAN III" {
		t.Errorf("title ends %q", last)
	}
}

func slicesOf(seq func(func(string) bool)) []string {
	var out []string
	for s := range seq {
		out = append(out, s)
	}
	return out
}

// TestKaskadeCapaianReports: a report of another quarter is ignored; two
// reports of one PK and quarter are an error naming both; a report naming
// the version a PK Perubahan amends colours the PK Perubahan; an invalid
// report is an error naming it; a quarter outside 1..4 is refused.
func TestKaskadeCapaianReports(t *testing.T) {
	t.Parallel()
	copyTo := func(dir string, names ...string) {
		for _, n := range names {
			testutil.WriteFile(t, filepath.Join(dir, n), example(t, n))
		}
	}
	load := func(dir string, tw int) (*KaskadeReport, error) {
		rep, err := Kaskade(Input{FS: os.DirFS(dir), Name: "."}, 0)
		if err != nil {
			t.Fatal(err)
		}
		return rep, rep.LoadCapaian(tw)
	}
	pks := []string{"kabupaten-contoh-bidang-2024.toml", "kabupaten-contoh-seksi-2024.toml"}
	seksiTW3 := example(t, "kabupaten-contoh-seksi-2024-tw3.toml")

	// Another quarter: the seksi's report made TW II.
	dir := t.TempDir()
	copyTo(dir, pks...)
	tw2 := bytes.Replace(seksiTW3, []byte("triwulan = 3"), []byte("triwulan = 2"), 1)
	tw2 = bytes.ReplaceAll(tw2, []byte(", tw3 = "), []byte(", tw9 = ")) // not read: another quarter
	testutil.WriteFile(t, filepath.Join(dir, "seksi-tw2.toml"), tw2)
	rep, err := load(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Capaian.PKs) != 0 || len(rep.Capaian.Tanpa) != 2 {
		t.Errorf("TW II report used for TW III: %v, without %v", rep.Capaian.PKs, rep.Capaian.Tanpa)
	}
	box, _ := pohonIndikator(t, rep.Pohon(), "kabupaten-contoh-seksi-2024.toml", "")
	if box.Note != "tanpa realisasi TW III" {
		t.Errorf("note %q", box.Note)
	}

	// Two reports of TW III for the seksi.
	copyTo(dir, "kabupaten-contoh-seksi-2024-tw3.toml")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(dir, "sub", "seksi-lagi.toml"),
		bytes.Replace(seksiTW3, []byte(`pk = "`), []byte(`pk = "../`), 1))
	_, err = load(dir, 3)
	if err == nil || !strings.Contains(err.Error(), "kabupaten-contoh-seksi-2024-tw3.toml") || !strings.Contains(err.Error(), "sub/seksi-lagi.toml") {
		t.Errorf("two reports: %v", err)
	}

	// An invalid report (a kode the PK lacks).
	dir = t.TempDir()
	copyTo(dir, pks...)
	testutil.WriteFile(t, filepath.Join(dir, "seksi-tw3.toml"), bytes.Replace(seksiTW3, []byte(`kode = "SI-02"`), []byte(`kode = "SI-09"`), 1))
	_, err = load(dir, 3)
	var inv *InvalidError
	if !errors.As(err, &inv) || inv.Name != "seksi-tw3.toml" {
		t.Errorf("invalid report: %v", err)
	}

	// A report naming the version a PK Perubahan amends.
	dir = t.TempDir()
	copyTo(dir, "jakarta-pusat-2023.toml", "jakarta-pusat-2023-perubahan-1.toml", "jakarta-pusat-2023-tw3.toml")
	rep, err = load(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	pc := rep.Capaian.PKs["jakarta-pusat-2023-perubahan-1.toml"]
	if pc == nil || pc.Realisasi != "jakarta-pusat-2023-tw3.toml" || len(pc.Kategori) == 0 {
		t.Fatalf("PK Perubahan not coloured: %+v", rep.Capaian)
	}
	if _, ind := pohonIndikator(t, rep.Pohon(), "jakarta-pusat-2023-perubahan-1.toml", "IK-01"); ind == nil || ind.Kategori != pc.Kategori["IK-01"] || ind.Kategori == "" {
		t.Errorf("IK-01 drawn %+v, want %q", ind, pc.Kategori["IK-01"])
	}

	if err := rep.LoadCapaian(5); err == nil {
		t.Error("quarter 5 accepted")
	}
}

// TestKaskadeCapaianDrawing: the coloured drawing is the same bytes
// twice, differs from the plain one, and says what it shows; without
// LoadCapaian the drawing is untouched by the reports.
func TestKaskadeCapaianDrawing(t *testing.T) {
	t.Parallel()
	in := Input{FS: os.DirFS("examples"), Name: "."}
	draw := func(tw int) []byte {
		rep, err := Kaskade(in, 2024)
		if err != nil {
			t.Fatal(err)
		}
		if tw != 0 {
			if err := rep.LoadCapaian(tw); err != nil {
				t.Fatal(err)
			}
		}
		data, err := rep.PohonPDF()
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	a, b, plain := draw(3), draw(3), draw(0)
	if !bytes.Equal(a, b) {
		t.Error("two coloured drawings of the same folder differ")
	}
	if bytes.Equal(a, plain) {
		t.Error("the coloured drawing is the plain one")
	}
	testutil.ValidateStrict(t, a)
	text := testutil.PDFText(t, a)
	for _, want := range []string{"CAPAIAN S.D. TRIWULAN III", "tanpa realisasi TW III", "Kategori capaian:", "Hampir tercapai", "Tidak tercapai"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the coloured drawing", want)
		}
	}
	if text := testutil.PDFText(t, plain); strings.Contains(text, "CAPAIAN") || strings.Contains(text, "tanpa realisasi") {
		t.Error("the plain drawing speaks of capaian")
	}
}
