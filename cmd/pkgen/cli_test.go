package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

func runCLI(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		out  string // expected in stdout+stderr
	}{
		{nil, exitUsage, "Pemakaian"},
		{[]string{"--help"}, exitOK, "pkgen check"},
		{[]string{"help"}, exitOK, "pkgen render"},
		{[]string{"help", "check"}, exitOK, "Memeriksa setiap berkas"},
		{[]string{"help", "render"}, exitOK, "berkas sementara"},
		{[]string{"help", "cetak"}, exitUsage, "tidak dikenal"},
		{[]string{"cetak"}, exitUsage, "perintah \"cetak\" tidak dikenal"},
		{[]string{"check"}, exitUsage, "sebutkan setidaknya satu berkas"},
		{[]string{"check", "--x", example}, exitUsage, "flag provided but not defined"},
		{[]string{"render"}, exitUsage, "tepat satu berkas"},
		{[]string{"render", example, example}, exitUsage, "tepat satu berkas"},
		{[]string{"render", example, "-o", example}, exitUsage, "sama dengan masukan"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.out) {
			t.Errorf("pkgen %v: exit %d (want %d), output lacks %q:\n%s%s", c.args, code, c.code, c.out, out, errOut)
		}
	}
}

func TestCheck(t *testing.T) {
	code, out, errOut := runCLI("check", example)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"sah", "PK 2023", "PIHAK PERTAMA Dhany Sukma", "PIHAK KEDUA Heru Budi Hartono", "26 sasaran", "28 indikator", "4 peringatan"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q: %s", want, out)
		}
	}
	if !strings.Contains(errOut, "peringatan: sasaran[17].indikator[1].satuan") {
		t.Errorf("warnings not printed with their key: %s", errOut)
	}

	bad := filepath.Join(t.TempDir(), "rusak.toml")
	testutil.WriteFile(t, bad, []byte("tahun = \"2023\"\ntempat = \"Jakarta\"\n"))
	code, out, errOut = runCLI("check", example, bad)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d", code, exitInvalid)
	}
	if !strings.Contains(out, "TIDAK SAH") || !strings.Contains(errOut, "rusak.toml:1: tahun: harus bilangan bulat") {
		t.Errorf("invalid file not reported with file, line and key:\n%s%s", out, errOut)
	}
	if code, _, errOut = runCLI("check", filepath.Join(t.TempDir(), "tidak-ada.toml")); code != exitInvalid || !strings.Contains(errOut, "tidak-ada.toml") {
		t.Errorf("missing file: exit %d, %s", code, errOut)
	}
}

// Invalid input never writes or replaces an output file.
func TestRenderInvalidWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "pk.toml")
	testutil.WriteFile(t, bad, []byte("tahun = 2023\n[[sasaran]]\nuraian = \"x\"\n"))
	code, _, errOut := runCLI("render", bad)
	if code != exitInvalid || !strings.Contains(errOut, "PDF tidak ditulis") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "pk.pdf")); !os.IsNotExist(err) {
		t.Fatalf("an output file was written for invalid input: %v", err)
	}
	old := filepath.Join(dir, "lama.pdf")
	testutil.WriteFile(t, old, []byte("signed original"))
	if code, _, _ = runCLI("render", bad, "-o", old); code != exitInvalid {
		t.Fatalf("exit %d", code)
	}
	if b, _ := os.ReadFile(old); string(b) != "signed original" {
		t.Fatal("an existing PDF was overwritten by a failed render")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestRenderDefaultNameAndStdout(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example)
	in := filepath.Join(dir, "pk-2023.toml")
	testutil.WriteFile(t, in, src)
	code, _, errOut := runCLI("render", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "pk-2023.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("default output beside the input: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", in, "-o", "-"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !bytes.Equal(stdout.Bytes(), b) {
		t.Error("-o - wrote different bytes than the file output")
	}
}

func TestRenderMissingLogo(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example)
	in := filepath.Join(dir, "pk.toml")
	testutil.WriteFile(t, in, bytes.Replace(src, []byte("[instansi]\n"), []byte("[instansi]\nlogo = \"lambang.png\"\n"), 1))
	code, _, errOut := runCLI("render", in)
	if code != exitInvalid || !strings.Contains(errOut, "instansi.logo") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "pk.pdf")); !os.IsNotExist(err) {
		t.Fatal("output written despite the missing logo")
	}
}

// A logo beside the document and a wording file passed with --templat both
// reach the PDF.
func TestRenderLogoAndTemplate(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 50))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(dir, "lambang.png"), buf.Bytes())
	src, _ := os.ReadFile(example)
	in := filepath.Join(dir, "pk.toml")
	testutil.WriteFile(t, in, bytes.Replace(src, []byte("[instansi]\n"), []byte("[instansi]\nlogo = \"lambang.png\"\n"), 1))
	tmpl := filepath.Join(dir, "kata.tmpl")
	testutil.WriteFile(t, tmpl, []byte(`{{define "pembuka"}}Kami yang bertanda tangan di bawah ini, pada tahun {{.Tahun}}:{{end}}`))

	out := filepath.Join(dir, "pk.pdf")
	if code, _, errOut := runCLI("render", in, "--templat", tmpl, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, _ := os.ReadFile(out)
	if !bytes.Contains(b, []byte("/Subtype /Image")) {
		t.Error("the logo image is not in the PDF")
	}
	text := testutil.PDFText(t, b, "-raw")
	if !strings.Contains(text, "Kami yang bertanda tangan di bawah ini, pada tahun 2023:") {
		t.Error("the --templat wording is not in the PDF")
	}
	if strings.Contains(text, "Dalam rangka mewujudkan") {
		t.Error("the embedded wording was not replaced")
	}

	bad := filepath.Join(dir, "rusak.tmpl")
	testutil.WriteFile(t, bad, []byte(`{{define "pembuka"}}{{.Tahun`))
	if code, _, errOut := runCLI("render", in, "--templat", bad, "-o", filepath.Join(dir, "x.pdf")); code != exitInvalid || !strings.Contains(errOut, "rusak.tmpl:1") {
		t.Errorf("broken template: exit %d: %s", code, errOut)
	}
}

// check also verifies the document's column set and budget against the
// templates, so a file that check accepts always renders.
func TestCheckLampiran(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example)
	cases := []struct{ name, from, to, want string }{
		{"unknown layout", `lampiran = "dki"`, `lampiran = "jabar"`, `lampiran "jabar" tidak dikenal`},
		{"budget missing", `lampiran = "dki"`, `lampiran = "eselon2"`, "isi [[anggaran]]"},
		{"unknown variant", `lampiran = "dki"`, "lampiran = \"dki\"\ntemplat = [\"pihak-ketiga\"]", "pihak-ketiga"},
	}
	for _, c := range cases {
		in := filepath.Join(dir, "pk.toml")
		testutil.WriteFile(t, in, bytes.Replace(src, []byte(c.from), []byte(c.to), 1))
		code, out, errOut := runCLI("check", in)
		if code != exitInvalid || !strings.Contains(errOut, c.want) || !strings.Contains(out, "TIDAK SAH") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
	}
}

// A signed PDF is never replaced by accident: render refuses an existing
// output unless --timpa is given, and leaves the file byte-identical.
func TestRenderRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pk.pdf")
	signed := []byte("%PDF-1.7 signed original")
	testutil.WriteFile(t, out, signed)
	code, _, errOut := runCLI("render", example, "-o", out)
	if code != exitInvalid || !strings.Contains(errOut, "sudah ada") || !strings.Contains(errOut, "--timpa") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, signed) {
		t.Fatal("the existing PDF changed after a refused render")
	}
	if code, _, errOut = runCLI("render", example, "-o", out, "--timpa"); code != exitOK {
		t.Fatalf("--timpa: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("%PDF-")) || bytes.Equal(b, signed) {
		t.Fatal("--timpa did not replace the PDF")
	}

	// Batch: the same rule per file.
	bdir := t.TempDir()
	testutil.WriteFile(t, filepath.Join(bdir, "jakarta-pusat-2023.pdf"), signed)
	code, _, errOut = runCLI("render", example, "-d", bdir)
	if code != exitInvalid || !strings.Contains(errOut, "sudah ada") {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(bdir, "jakarta-pusat-2023.pdf")); !bytes.Equal(b, signed) {
		t.Fatal("batch replaced an existing PDF")
	}
}

// The default name carries the version, so an amendment never lands on the
// original's PDF.
func TestRenderDefaultNameCarriesVersion(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{example, perubahanExample} {
		b, _ := os.ReadFile(f)
		testutil.WriteFile(t, filepath.Join(dir, filepath.Base(f)), b)
	}
	// An amendment saved under a name without the version.
	b, _ := os.ReadFile(perubahanExample)
	testutil.WriteFile(t, filepath.Join(dir, "pk-baru.toml"), b)
	testutil.WriteFile(t, filepath.Join(dir, "pk-perubahan.toml"), b)
	for in, want := range map[string]string{
		"jakarta-pusat-2023.toml":             "jakarta-pusat-2023.pdf",
		"jakarta-pusat-2023-perubahan-1.toml": "jakarta-pusat-2023-perubahan-1.pdf",
		"pk-baru.toml":                        "pk-baru-perubahan-1.pdf",
		"pk-perubahan.toml":                   "pk-perubahan-1.pdf",
	} {
		if code, _, errOut := runCLI("render", filepath.Join(dir, in)); code != exitOK {
			t.Fatalf("%s: exit %d: %s", in, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// check takes realisasi reports too, validating them with their PK.
func TestCheckRealisasi(t *testing.T) {
	code, out, errOut := runCLI("check", "../../examples/jakarta-pusat-2023-tw3.toml")
	if code != exitOK || !strings.Contains(out, "sah — laporan realisasi TW 3 tahun 2023") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	dir := t.TempDir()
	pk, _ := os.ReadFile(example)
	testutil.WriteFile(t, filepath.Join(dir, "pk.toml"), pk)
	bad := filepath.Join(dir, "tw1.toml")
	testutil.WriteFile(t, bad, []byte("pk = \"pk.toml\"\ntriwulan = 1\n[[realisasi]]\nkode = \"IK-99\"\ntw = { tw1 = 1 }\n"))
	code, out, errOut = runCLI("check", bad)
	if code != exitInvalid || !strings.Contains(out, "TIDAK SAH") || !strings.Contains(errOut, "tw1.toml:4: realisasi[1].kode") {
		t.Errorf("unknown kode: exit %d: %s%s", code, out, errOut)
	}
}

func TestRenderRealisasiPointsToCapaian(t *testing.T) {
	code, _, errOut := runCLI("render", "../../examples/jakarta-pusat-2023-tw3.toml", "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitUsage || !strings.Contains(errOut, "pkgen capaian") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
