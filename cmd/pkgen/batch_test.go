package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pkgen"
	"pkgen/internal/testutil"
)

// writeFile writes data to dir/name, creating folders.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func seedTOML(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// variant is the seed with another place, so outputs differ by input.
func variant(t *testing.T, tempat string) []byte {
	return bytes.Replace(seedTOML(t), []byte(`tempat = "Jakarta"`), []byte(`tempat = "`+tempat+`"`), 1)
}

// single renders one input the single-file way.
func single(t *testing.T, in string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "single.pdf")
	if code, _, errOut := runCLI("render", in, "-o", out); code != exitOK {
		t.Fatalf("single render of %s: exit %d\n%s", in, code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pdfNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

const realisasiTOML = `# laporan realisasi triwulan III
pk = "satu.toml"
tahun = 2023
triwulan = 3

[[realisasi]]
kode = "IK-01"
tw3 = 80
`

// Several files and a folder go into one -d folder; each PDF is the same
// bytes as rendering that file alone, and the realisasi report in the
// folder is skipped.
func TestBatchFilesAndFolder(t *testing.T) {
	src := t.TempDir()
	folder := filepath.Join(src, "berkas")
	in1 := writeFile(t, folder, "satu.toml", variant(t, "Bandung"))
	in2 := writeFile(t, folder, "dua.toml", variant(t, "Bogor"))
	writeFile(t, folder, "satu-tw3.toml", []byte(realisasiTOML))
	writeFile(t, folder, "catatan.txt", []byte("bukan toml"))
	in3 := writeFile(t, src, "tiga.toml", variant(t, "Depok"))

	out := filepath.Join(t.TempDir(), "keluaran") // created by render
	code, _, errOut := runCLI("render", folder, in3, "-d", out)
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	want := []string{"dua.pdf", "satu.pdf", "tiga.pdf"}
	if got := pdfNames(t, out); !slices.Equal(got, want) {
		t.Fatalf("outputs %v, want %v", got, want)
	}
	for name, in := range map[string]string{"satu.pdf": in1, "dua.pdf": in2, "tiga.pdf": in3} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
			t.Errorf("%s: no PDF header", name)
		}
		if !bytes.Equal(b, single(t, in)) {
			t.Errorf("%s differs from the single-file render of %s", name, in)
		}
	}
	if !regexp.MustCompile(`3 PDF ditulis, \d+ halaman, [\d,]+ detik .*; 1 laporan realisasi dilewati\n$`).MatchString(errOut) {
		t.Errorf("no summary of files, pages, seconds and skipped reports:\n%s", errOut)
	}
	if strings.Contains(errOut, "satu-tw3") {
		t.Errorf("the realisasi report was treated as a PK:\n%s", errOut)
	}
}

// Without -d each PDF is written beside its input, as for one file.
func TestBatchBesideInputs(t *testing.T) {
	a := writeFile(t, t.TempDir(), "a.toml", seedTOML(t))
	b := writeFile(t, t.TempDir(), "b.toml", variant(t, "Bekasi"))
	if code, _, errOut := runCLI("render", a, b); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, in := range []string{a, b} {
		got, err := os.ReadFile(strings.TrimSuffix(in, ".toml") + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, single(t, in)) {
			t.Errorf("%s: batch output differs from the single render", in)
		}
	}
}

// A bad file among good ones: the good ones are still written, the bad one
// is reported with its messages, and the exit status is 1.
func TestBatchBadFile(t *testing.T) {
	src := t.TempDir()
	good1 := writeFile(t, src, "a.toml", seedTOML(t))
	bad := writeFile(t, src, "b-rusak.toml", []byte("tahun = \"2023\"\ntempat = \"Jakarta\"\n"))
	good2 := writeFile(t, src, "c.toml", variant(t, "Bogor"))
	missing := filepath.Join(src, "tidak-ada.toml")
	out := t.TempDir()
	code, _, errOut := runCLI("render", good1, bad, missing, good2, "-d", out)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d:\n%s", code, exitInvalid, errOut)
	}
	if got := pdfNames(t, out); !slices.Equal(got, []string{"a.pdf", "c.pdf"}) {
		t.Errorf("outputs %v, want a.pdf and c.pdf", got)
	}
	for _, w := range []string{
		"b-rusak.toml:1: tahun: harus bilangan bulat",
		"b-rusak.toml tidak sah",
		"tidak-ada.toml",
		"2 PDF ditulis",
		"2 berkas gagal",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	// Messages come in input order, whatever order the workers finish in.
	if i, j := strings.Index(errOut, "b-rusak.toml:1"), strings.Index(errOut, "tidak-ada.toml"); i < 0 || j < i {
		t.Errorf("messages out of input order:\n%s", errOut)
	}
}

// Two inputs with one name in one -d folder get their folder's name as a
// prefix, and stderr says so; a further clash is numbered.
func TestBatchNameCollision(t *testing.T) {
	src := t.TempDir()
	a := writeFile(t, src, "a/pk.toml", variant(t, "Bandung"))
	b := writeFile(t, src, "b/pk.toml", variant(t, "Bogor"))
	a2 := writeFile(t, src, "lain/a/pk.toml", variant(t, "Depok"))
	out := t.TempDir()
	code, _, errOut := runCLI("render", a, b, a2, "-d", out)
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	want := []string{"a-pk-2.pdf", "a-pk.pdf", "b-pk.pdf"}
	if got := pdfNames(t, out); !slices.Equal(got, want) {
		t.Fatalf("outputs %v, want %v", got, want)
	}
	for name, in := range map[string]string{"a-pk.pdf": a, "b-pk.pdf": b, "a-pk-2.pdf": a2} {
		got, _ := os.ReadFile(filepath.Join(out, name))
		if !bytes.Equal(got, single(t, in)) {
			t.Errorf("%s is not the render of %s", name, in)
		}
	}
	if !strings.Contains(errOut, "ditulis sebagai "+filepath.Join(out, "b-pk.pdf")) {
		t.Errorf("renaming not reported:\n%s", errOut)
	}

	// The plan is a function of the inputs and their order.
	p1 := plan(t, []string{a, b, a2}, out)
	p2 := plan(t, []string{a, b, a2}, out)
	for i := range p1 {
		if p1[i].Out != p2[i].Out {
			t.Errorf("plan not deterministic: %s vs %s", p1[i].Out, p2[i].Out)
		}
	}
	// A natural name that another input needs is never taken.
	c := writeFile(t, src, "x/a-pk.toml", seedTOML(t))
	var outs []string
	for _, j := range plan(t, []string{a, b, c}, out) {
		outs = append(outs, filepath.Base(j.Out))
	}
	if !slices.Equal(outs, []string{"a-pk-2.pdf", "b-pk.pdf", "a-pk.pdf"}) {
		t.Errorf("outputs %v", outs)
	}
}

// plan is the batch plan of paths, each rooted in its folder.
func plan(t *testing.T, paths []string, dir string) []*pkgen.Job {
	t.Helper()
	var jobs []*pkgen.Job
	for _, p := range paths {
		fsys, name := testutil.Rooted(p)
		jobs = append(jobs, &pkgen.Job{Path: p, Input: pkgen.Input{FS: fsys, Name: name}})
	}
	if err := pkgen.PlanBatch(jobs, dir); err != nil {
		t.Fatal(err)
	}
	return jobs
}

func TestBatchUsage(t *testing.T) {
	src := t.TempDir()
	a := writeFile(t, src, "a.toml", seedTOML(t))
	b := writeFile(t, src, "b.toml", seedTOML(t))
	empty := t.TempDir()
	writeFile(t, empty, "tw1.toml", []byte(realisasiTOML))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"render", a, b, "-o", filepath.Join(src, "x.pdf")}, "-o hanya untuk satu berkas"},
		{[]string{"render", src, "-o", filepath.Join(src, "x.pdf")}, "-o hanya untuk satu berkas"},
		{[]string{"render", a, src}, "disebut dua kali"},
		{[]string{"render", empty}, "tidak ada berkas PK"},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("pkgen %v: exit %d (want %d), stderr lacks %q:\n%s", c.args, code, exitUsage, c.want, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "x.pdf")); !os.IsNotExist(err) {
		t.Error("a usage error wrote output")
	}
	if _, err := os.Stat(filepath.Join(src, "a.pdf")); !os.IsNotExist(err) {
		t.Error("a usage error wrote output")
	}
}

func TestIsRealisasiFile(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, text string
		want       bool
	}{
		{"realisasi", realisasiTOML, true},
		{"pk", "tahun = 2023\n[instansi]\nkop = [\"X\"]\n", false},
		{"pk table key", "tahun = 2023\n[instansi]\npk = \"x\"\n", false},
		{"header in string", "catatan = '''\n[bukan tabel]\n'''\npk = \"a.toml\"\n[[realisasi]]\n", true},
		{"not toml", "tahun = \n", false},
		{"example", string(must(os.ReadFile("../../examples/jakarta-pusat-2023-tw3.toml"))), true},
		{"seed", string(seedTOML(t)), false},
	}
	for _, c := range cases {
		path := writeFile(t, dir, c.name+".toml", []byte(c.text))
		fsys, name := testutil.Rooted(path)
		if got := pkgen.IsRealisasi(pkgen.Input{FS: fsys, Name: name}); got != c.want {
			t.Errorf("%s: IsRealisasi = %v, want %v", c.name, got, c.want)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The progress line is drawn only on a terminal, and erased before other
// output.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 2)
	p.update(13)
	p.clear()
	if buf.Len() != 0 {
		t.Errorf("progress drawn on a non-terminal: %q", buf.String())
	}
	p = &progress{w: &buf, on: true, total: 2}
	p.update(13)
	p.update(6)
	p.clear()
	if got := buf.String(); !strings.Contains(got, "2/2 berkas, 19 halaman") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q", got)
	}
}
