package pkgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/kaskade"
	"pkgen/render/pohon"
)

// TestKaskadeExamples: the kabupaten examples make one tree of two
// branches under the Bupati, without errors; the PKs of 2023 are left
// out with --tahun 2024, and the realisasi reports always.
func TestKaskadeExamples(t *testing.T) {
	t.Parallel()
	rep, err := Kaskade(Input{FS: os.DirFS("examples"), Name: "."}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if errs := rep.Problems.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var tree []string
	var walk func(n *kaskade.Node, depth int)
	walk = func(n *kaskade.Node, depth int) {
		tree = append(tree, strings.Repeat(" ", depth)+strings.TrimSuffix(strings.TrimPrefix(n.Name, "kabupaten-contoh-"), "-2024.toml"))
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	for _, r := range rep.Cascade.Roots {
		if !r.Standalone() {
			walk(r, 0)
		}
	}
	want := []string{"bupati", " dinas-kesehatan", "  bidang", "   seksi", "  bidang-kesmas", " dinas-pertanian"}
	if !slices.Equal(tree, want) {
		t.Errorf("tree\n%s\nwant\n%s", strings.Join(tree, "\n"), strings.Join(want, "\n"))
	}
	for _, n := range rep.Cascade.Nodes {
		if n.Doc.Tahun != 2024 || strings.Contains(n.Name, "-tw") {
			t.Errorf("%s in the tree of 2024", n.Name)
		}
	}
	// Every warning is an indicator of an upper PK whose supporting unit
	// is not among the examples (README says which).
	for _, p := range rep.Problems.Warnings() {
		if !strings.Contains(p.Msg, "tidak didukung") {
			t.Errorf("unexpected warning: %s", p)
		}
	}
}

// TestCheckLinks: pkgen check reports the PK's own link errors, located,
// and the PK is then not valid; an induk outside the root is refused.
func TestCheckLinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, n := range []string{"kabupaten-contoh-bidang-2024.toml", "kabupaten-contoh-dinas-kesehatan-2024.toml", "kabupaten-contoh-bupati-2024.toml"} {
		testutil.WriteFile(t, filepath.Join(dir, n), example(t, n))
	}
	bidang := string(example(t, "kabupaten-contoh-bidang-2024.toml"))
	cases := []struct{ name, old, new, want string }{
		{"valid", "", "", ""},
		{"wrong kode", `mendukung = ["DK-07"]`, `mendukung = ["DK-7"]`,
			`salah.toml:38: sasaran[1].mendukung[1]: kode "DK-7" tidak ada di PK induk kabupaten-contoh-dinas-kesehatan-2024.toml; maksud Anda "DK-07"?`},
		{"outside the root", `pk_induk = "kabupaten-contoh-dinas-kesehatan-2024.toml"`, `pk_induk = "../kabupaten-contoh-dinas-kesehatan-2024.toml"`,
			`salah.toml:14: pk_induk: jalur "../kabupaten-contoh-dinas-kesehatan-2024.toml" keluar dari folder akar`},
		{"another year", "tahun = 2024\ntingkat = \"eselon-iii\"\ntempat = \"Sukamulya\"\ntanggal = 2024-02-01", "tahun = 2025\ntingkat = \"eselon-iii\"\ntempat = \"Sukamulya\"\ntanggal = 2025-02-01",
			`salah.toml:14: pk_induk: PK induk kabupaten-contoh-dinas-kesehatan-2024.toml bertahun 2024, bukan 2025`},
	}
	for _, c := range cases {
		src := bidang
		if c.old != "" {
			if !strings.Contains(src, c.old) {
				t.Fatalf("%s: %q not in the example", c.name, c.old)
			}
			src = strings.Replace(src, c.old, c.new, 1)
		}
		name := "salah.toml"
		testutil.WriteFile(t, filepath.Join(dir, name), []byte(src))
		res, err := Check(Input{FS: os.DirFS(dir), Name: name}, Options{})
		var got []string
		if res != nil {
			for _, p := range res.Problems {
				got = append(got, p.String())
			}
		}
		all := strings.Join(got, "\n")
		switch {
		case c.want == "" && (err != nil || len(got) > 0):
			t.Errorf("%s: %v\n%s", c.name, err, all)
		case c.want != "" && (err == nil || !strings.Contains(all, c.want)):
			t.Errorf("%s: err %v, problems\n%s\nwant %s", c.name, err, all, c.want)
		}
	}
}

// writeCascade writes n linked PKs into dir: a Bupati, ten Dinas under
// it, four Bidang under each Dinas, then Seksi under the Bidang in turn,
// each PK with three sasaran of two indicators, every one supported.
func writeCascade(tb testing.TB, dir string, n int) {
	tb.Helper()
	name := func(i int) string { return fmt.Sprintf("pk-%03d.toml", i) }
	parent := func(i int) int {
		switch {
		case i == 0:
			return -1
		case i <= 10:
			return 0
		case i <= 50:
			return 1 + (i-11)/4
		}
		return 11 + (i-51)%40
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "tahun = 2024\ntempat = \"Sukamulya\"\n")
		up := parent(i)
		if up >= 0 {
			fmt.Fprintf(&b, "pk_induk = %q\n", name(up))
		} else {
			b.WriteString("tingkat = \"kepala-daerah\"\n")
		}
		fmt.Fprintf(&b, "\n[instansi]\nkop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]\n\n[pihak_pertama]\nnama = \"Pejabat %d\"\njabatan = \"Kepala Unit %d\"\n", i, i)
		if up >= 0 {
			fmt.Fprintf(&b, "\n[pihak_kedua]\nnama = \"Pejabat %d\"\njabatan = \"Kepala Unit %d\"\n", up, up)
		}
		for s := range 3 {
			fmt.Fprintf(&b, "\n[[sasaran]]\nuraian = \"Sasaran %d.%d\"\n", i, s+1)
			for k := range 2 {
				fmt.Fprintf(&b, "\n[[sasaran.indikator]]\nkode = \"U%d-%d%d\"\nuraian = \"Indikator %d.%d.%d\"\nsatuan = \"Persen\"\n", i, s+1, k+1, i, s+1, k+1)
				if up >= 0 {
					// Each upper indicator has several children: spread
					// the support so that every one is named.
					fmt.Fprintf(&b, "mendukung = [\"U%d-%d%d\"]\n", up, (s+i)%3+1, k+1)
				}
				b.WriteString("target = { tw1 = \"N/A\", tw2 = \"N/A\", tw3 = \"N/A\", tw4 = \"90%\", tahunan = \"90%\" }\n")
			}
		}
		testutil.WriteFile(tb, filepath.Join(dir, name(i)), []byte(b.String()))
	}
}

// TestKaskade200: the benchmark's folder is one tree of 200 PKs without
// errors.
func TestKaskade200(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeCascade(t, dir, 200)
	rep, err := Kaskade(Input{FS: os.DirFS(dir), Name: "."}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Cascade.Nodes) != 200 || len(rep.Cascade.Roots) != 1 || len(rep.Problems.Errors()) > 0 {
		t.Fatalf("%d nodes, %d roots, errors %v", len(rep.Cascade.Nodes), len(rep.Cascade.Roots), rep.Problems.Errors())
	}
}

// BenchmarkKaskade200 is pkgen kaskade over a folder of 200 linked PKs:
// read, load and validate each, link and check (the drawing is not
// included).
func BenchmarkKaskade200(b *testing.B) {
	dir := b.TempDir()
	writeCascade(b, dir, 200)
	in := Input{FS: os.DirFS(dir), Name: "."}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Kaskade(in, 2024); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKaskadePohon200 is pkgen kaskade -o over 200 linked PKs:
// check and draw (the goal: under 2 s).
func BenchmarkKaskadePohon200(b *testing.B) {
	dir := b.TempDir()
	writeCascade(b, dir, 200)
	in := Input{FS: os.DirFS(dir), Name: "."}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Kaskade(in, 2024)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rep.PohonPDF(); err != nil {
			b.Fatal(err)
		}
	}
}

// The generated 200-PK folder draws: every PK once as a box, pages A3.
func TestKaskadePohon200(t *testing.T) {
	dir := t.TempDir()
	writeCascade(t, dir, 200)
	rep, err := Kaskade(Input{FS: os.DirFS(dir), Name: "."}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	tree := rep.Pohon()
	n := 0
	var walk func(*pohon.Node)
	walk = func(p *pohon.Node) {
		n++
		for _, c := range p.Children {
			walk(c)
		}
	}
	for _, r := range tree.Roots {
		walk(r)
	}
	if n != 200 || len(tree.Roots) != 1 {
		t.Fatalf("%d nodes under %d roots, want 200 under 1", n, len(tree.Roots))
	}
	data, err := rep.PohonPDF()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}
