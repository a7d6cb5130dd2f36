package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pkgen/internal/testutil"
	"pkgen/render/pdf"
)

// copyExamples copies examples into a new folder and returns it.
func copyExamples(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		writeFile(t, dir, n, must(os.ReadFile(filepath.Join("../../examples", n))))
	}
	return dir
}

// A single render and a batch name an amendment's PDF alike: the batch
// used to write pk-baru.pdf where render wrote pk-baru-perubahan-1.pdf.
func TestAmendmentNamedAlike(t *testing.T) {
	dir := copyExamples(t, "jakarta-pusat-2023.toml", "jakarta-pusat-2023-perubahan-1.toml")
	amend := filepath.Join(dir, "pk-baru.toml")
	if err := os.Rename(filepath.Join(dir, "jakarta-pusat-2023-perubahan-1.toml"), amend); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI("render", amend); code != exitOK {
		t.Fatalf("render: exit %d: %s", code, errOut)
	}
	single := filepath.Join(dir, "pk-baru-perubahan-1.pdf")
	if _, err := os.Stat(single); err != nil {
		t.Fatalf("single render: %v", err)
	}
	out := t.TempDir()
	if code, _, errOut := runCLI("render", amend, "-d", out); code != exitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	if got := pdfNames(t, out); len(got) != 1 || got[0] != "pk-baru-perubahan-1.pdf" {
		t.Errorf("batch wrote %v, single render pk-baru-perubahan-1.pdf", got)
	}
	if !bytes.Equal(must(os.ReadFile(single)), must(os.ReadFile(filepath.Join(out, "pk-baru-perubahan-1.pdf")))) {
		t.Error("batch and single render differ")
	}
}

// Every command that writes a PDF refuses to replace one without --timpa:
// exit 1, the file byte-identical, a message naming --timpa.
func TestNoReplaceWithoutTimpa(t *testing.T) {
	dir := copyExamples(t, "jakarta-pusat-2023.toml", "jakarta-pusat-2023-tw3.toml")
	tw3 := filepath.Join(dir, "jakarta-pusat-2023-tw3.toml")
	signed := []byte("%PDF-1.7 signed annex")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"capaian default name", []string{"capaian", tw3, "--ttd"}},
		{"capaian -o", []string{"capaian", tw3, "-o", filepath.Join(dir, "lampiran.pdf")}},
		{"pantau", []string{"pantau", filepath.Join(dir, "jakarta-pusat-2023.toml"), "-o", filepath.Join(dir, "pratinjau.pdf")}},
		{"baru", []string{"baru", "--bentuk", "eselon4", "-o", filepath.Join(dir, "baru.toml")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			target := filepath.Join(dir, "jakarta-pusat-2023-tw3.pdf")
			for i, a := range c.args {
				if a == "-o" {
					target = c.args[i+1]
				}
			}
			if err := os.WriteFile(target, signed, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCLI(c.args...)
			if code != exitInvalid || !strings.Contains(errOut, "--timpa") || !strings.Contains(errOut, "sudah ada") {
				t.Errorf("exit %d: %s", code, errOut)
			}
			if !bytes.Equal(must(os.ReadFile(target)), signed) {
				t.Error("the existing file changed")
			}
			if c.args[0] == "pantau" {
				return // with --timpa it would watch forever
			}
			if code, _, errOut := runCLI(append(c.args, "--timpa")...); code != exitOK {
				t.Errorf("--timpa: exit %d: %s", code, errOut)
			}
			if bytes.Equal(must(os.ReadFile(target)), signed) {
				t.Error("--timpa did not replace the file")
			}
		})
	}
}

// pantau replaces the PDF it wrote itself, and with --timpa one it did not.
func TestPantauTimpa(t *testing.T) {
	dir := copyExamples(t, "kabupaten-contoh-bidang-2024.toml")
	in := filepath.Join(dir, "kabupaten-contoh-bidang-2024.toml")
	out := filepath.Join(dir, "pk.pdf")
	testutil.WriteFile(t, out, []byte("old"))
	results := make(chan bool, 4)
	w := &watcher{in: in, out: out, timpa: true, delay: 10 * time.Millisecond, stderr: &lockedBuffer{},
		after: func(ok bool) { results <- ok }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.run(ctx) }()
	if ok := <-results; !ok {
		t.Fatal("first render failed")
	}
	cancel()
	<-done
	if b := must(os.ReadFile(out)); !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Error("pantau --timpa did not replace the old file")
	}
}

// "-" reads the document from standard input: check and render (which
// then needs -o) work as on the file, and the PDF embeds it as stdin.toml.
func TestStandardInput(t *testing.T) {
	// With its induk chain: check checks the links, relative to --akar.
	dir := copyExamples(t, "kabupaten-contoh-bidang-2024.toml", "kabupaten-contoh-dinas-kesehatan-2024.toml", "kabupaten-contoh-bupati-2024.toml")
	data := must(os.ReadFile(filepath.Join(dir, "kabupaten-contoh-bidang-2024.toml")))
	var stdout, stderr bytes.Buffer
	if code := runWith([]string{"check", "-", "--akar", dir}, bytes.NewReader(data), &stdout, &stderr); code != exitOK || !strings.HasPrefix(stdout.String(), "-: sah") {
		t.Errorf("check -: exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := runWith([]string{"render", "-"}, bytes.NewReader(data), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "-o") {
		t.Errorf("render - without -o: exit %d: %s", code, stderr.String())
	}
	out := filepath.Join(dir, "stdin.pdf")
	stderr.Reset()
	if code := runWith([]string{"render", "-", "-o", out}, bytes.NewReader(data), &stdout, &stderr); code != exitOK {
		t.Fatalf("render - -o: exit %d: %s", code, stderr.String())
	}
	srcs, _, err := pdf.ReadSources(must(os.ReadFile(out)))
	if err != nil || len(srcs) != 1 || srcs[0].Name != "stdin.toml" || !bytes.Equal(srcs[0].Data, data) {
		t.Errorf("embedded %v (err %v)", srcs, err)
	}
}

// check runs every check render runs: a logo or template outside the
// root, or a device, fails check as it fails render.
func TestCheckAgreesWithRender(t *testing.T) {
	dir := copyExamples(t, "kabupaten-contoh-bidang-2024.toml")
	in := filepath.Join(dir, "kabupaten-contoh-bidang-2024.toml")
	src := must(os.ReadFile(in))
	for _, c := range []struct{ name, add, want string }{
		{"logo absolute", `logo = "/etc/passwd"`, "instansi.logo"},
		{"logo outside", `logo = "../../etc/passwd"`, "instansi.logo"},
		{"logo device", `logo = "/dev/zero"`, "instansi.logo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(string(src), "[instansi]\n", "[instansi]\n"+c.add+"\n", 1)
			if text == string(src) {
				t.Fatal("no [instansi] line")
			}
			if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runCLI("check", in)
			if code != exitInvalid || !strings.Contains(out, "TIDAK SAH") || !strings.Contains(errOut, c.want) {
				t.Errorf("check: exit %d: %s%s", code, out, errOut)
			}
			code, _, errOut = runCLI("render", in, "-o", filepath.Join(dir, "x.pdf"))
			if code != exitInvalid || !strings.Contains(errOut, c.want) {
				t.Errorf("render: exit %d: %s", code, errOut)
			}
		})
	}
}

// -o naming a folder is refused with a message saying so (it used to
// print the -o usage text).
func TestOutputIsFolder(t *testing.T) {
	dir := copyExamples(t, "kabupaten-contoh-bidang-2024.toml")
	code, _, errOut := runCLI("render", filepath.Join(dir, "kabupaten-contoh-bidang-2024.toml"), "-o", dir)
	if code != exitInvalid || !strings.Contains(errOut, "adalah folder") || strings.Contains(errOut, "Pemakaian") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// render --hanya-lampiran leaves out the statement page of any PK: one page
// fewer, every page landscape, the statement's words gone, the lampiran's
// title and signatures kept.
func TestRenderHanyaLampiran(t *testing.T) {
	dir := copyExamples(t, "kota-contoh-tahunan-2024.toml")
	in := filepath.Join(dir, "kota-contoh-tahunan-2024.toml")
	full, only := filepath.Join(dir, "full.pdf"), filepath.Join(dir, "only.pdf")
	for _, args := range [][]string{{"render", in, "-o", full}, {"render", in, "-o", only, "--hanya-lampiran"}} {
		if code, _, errOut := runCLI(args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	pages := func(path string) []string {
		return strings.Split(strings.TrimSuffix(testutil.PDFText(t, must(os.ReadFile(path))), "\f"), "\f")
	}
	a, b := pages(full), pages(only)
	if len(b) != len(a)-1 {
		t.Fatalf("%d pages with --hanya-lampiran, %d without", len(b), len(a))
	}
	if strings.Contains(b[0], "Dalam rangka mewujudkan") || !strings.Contains(a[0], "Dalam rangka mewujudkan") {
		t.Error("the statement page is still there")
	}
	if !strings.Contains(b[0], "PERJANJIAN KINERJA") || !strings.Contains(b[len(b)-1], "NIP") {
		t.Errorf("lampiran title or closing signatures missing:\n%s", strings.Join(b, "\n---\n"))
	}
}
