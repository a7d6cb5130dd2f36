package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// render prints its messages in the language of the run: Indonesian by
// default, byte for byte as before, English with --lang en or an English
// locale.
func TestRenderLanguage(t *testing.T) {
	bad := badFile(t)
	problemsID := bad + ":1: tahun: harus bilangan bulat tanpa tanda kutip, bukan teks\n" +
		bad + ":3: kertass: kunci \"kertass\" tidak dikenal; maksud Anda \"kertas\"?\n" +
		bad + ": instansi: wajib ada: tabel [instansi] atau instansi = { ... }\n" +
		bad + ": pihak_pertama: wajib ada: tabel [pihak_pertama] atau pihak_pertama = { ... }\n" +
		bad + ": sasaran: wajib ada: setidaknya satu [[sasaran]] dengan [[sasaran.indikator]]\n"
	problemsEN := bad + ":1: tahun: must be an integer without quotes, not text\n" +
		bad + ":3: kertass: unknown key \"kertass\"; did you mean \"kertas\"?\n" +
		bad + ": instansi: required: a table [instansi] or instansi = { ... }\n" +
		bad + ": pihak_pertama: required: a table [pihak_pertama] or pihak_pertama = { ... }\n" +
		bad + ": sasaran: required: at least one [[sasaran]] with [[sasaran.indikator]]\n"

	code, out, errOut := runCLI("render", bad)
	if want := problemsID + "pkgen render: " + bad + " tidak sah (5 galat); PDF tidak ditulis\n"; code != exitInvalid || out != "" || errOut != want {
		t.Errorf("render of an invalid file, Indonesian: exit %d\n%s", code, errOut)
	}
	wantEN := problemsEN + "pkgen render: " + bad + " is invalid (5 error(s)); no PDF written\n"
	for _, args := range [][]string{
		{"--lang", "en", "render", bad},
		{"render", bad, "--lang=en"},
	} {
		if code, out, errOut := runCLI(args...); code != exitInvalid || out != "" || errOut != wantEN {
			t.Errorf("pkgen %v: exit %d\n%s", args, code, errOut)
		}
	}
	withLocale(t, map[string]string{"LANG": "en_US.UTF-8"})
	if _, _, errOut := runCLI("render", bad); errOut != wantEN {
		t.Errorf("render under LANG=en_US.UTF-8:\n%s", errOut)
	}
	withLocale(t, nil)

	// The refusal to replace a PDF that may be signed, hint included.
	existing := filepath.Join(t.TempDir(), "pk.pdf")
	signed := []byte("%PDF-1.7 signed original")
	testutil.WriteFile(t, existing, signed)

	code, _, errOut = runCLI("render", example, "-o", existing)
	wantID := "pkgen render: " + existing + " sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa." +
		" Pakai --timpa untuk menggantinya, atau -o dengan nama lain.\n"
	if code != exitInvalid || errOut != wantID {
		t.Errorf("refused overwrite, Indonesian: exit %d\n%s", code, errOut)
	}

	code, _, errOut = runCLI("--lang", "en", "render", example, "-o", existing)
	wantEN = "pkgen render: " + existing + " already exists; a PDF that may already be signed is not overwritten." +
		" Use --timpa to replace it, or -o with another name.\n"
	if code != exitInvalid || errOut != wantEN {
		t.Errorf("refused overwrite, English: exit %d\n%s", code, errOut)
	}
	if w := indonesianWord(errOut); w != "" {
		t.Errorf("refused overwrite, English, says %q:\n%s", w, errOut)
	}
	if b, _ := os.ReadFile(existing); !bytes.Equal(b, signed) {
		t.Error("the existing PDF changed after a refused render")
	}
}

// The rest of render's messages, and batch's, in English.
func TestRenderUsageLanguage(t *testing.T) {
	for _, c := range []struct {
		args   []string
		id, en string
	}{
		{[]string{"render"}, "pkgen render: sebutkan tepat satu berkas .toml", "pkgen render: name exactly one .toml file, or several files or folders\n\npkgen render FILE.toml"},
		{[]string{"render", example, "--jangkar", "X"}, "pkgen render: --jangkar hanya bersama --tte\n", "pkgen render: --jangkar only with --tte\n"},
		{[]string{"render", example, "-o", example}, "sama dengan masukan", "pkgen render: the output " + example + " is the input\n"},
		{[]string{"render", example, example}, "disebut dua kali", "is named twice; each PDF is made from exactly one .toml file"},
		{[]string{"render", example, "-d", t.TempDir(), "-o", "x.pdf"}, "-o hanya untuk satu berkas masukan", "pkgen render: -o is for a single input file only; for several files or folders use -d FOLDER\n\npkgen render FILE.toml"},
		{[]string{"render", t.TempDir()}, "tidak ada berkas PK .toml di", "pkgen render: no PK .toml files in"},
		{[]string{"render", example, "--pdfa=x"}, `"x" tidak dikenal; tulis 3b`, `"x" unknown; write 3b (PDF/A-3b, the default) or none (a plain PDF)`},
	} {
		code, _, errOut := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.id) {
			t.Errorf("pkgen %v: exit %d\n%s", c.args, code, errOut)
		}
		args := append([]string{"--lang", "en"}, c.args...)
		code, _, errOut = runCLI(args...)
		if code != exitUsage || !strings.Contains(errOut, c.en) {
			t.Errorf("pkgen %v: exit %d\n%s", args, code, errOut)
		}
		if w := indonesianWord(errOut); w != "" {
			t.Errorf("pkgen %v says %q:\n%s", args, w, errOut)
		}
	}
}

// The batch summary and progress line, with a decimal point in English.
func TestBatchLanguage(t *testing.T) {
	src := t.TempDir()
	writeFile(t, src, "pk.toml", must(os.ReadFile(example)))
	writeFile(t, src, "realisasi.toml", []byte("pk = \"pk.toml\"\n"))
	code, _, errOut := runCLI("--lang", "en", "render", src, "-d", t.TempDir())
	if code != exitOK || !regexp.MustCompile(`^pkgen render: 1 PDF\(s\) written, \d+ page\(s\), \d+\.\d\d seconds \(\d+\.\d files/second\); 1 realisasi report\(s\) skipped\n$`).MatchString(lastLine(errOut)) {
		t.Errorf("English batch summary: exit %d\n%s", code, errOut)
	}

	defer runCLI("--lang", "id", "version") // the process printer back to Indonesian
	runCLI("--lang", "en", "version")
	var buf bytes.Buffer
	p := &progress{w: &buf, on: true, total: 2}
	p.update(13)
	p.update(6)
	if got := buf.String(); !regexp.MustCompile(`2/2 files, 19 pages, \d+\.\d seconds$`).MatchString(got) {
		t.Errorf("English progress line %q", got)
	}
}

// lastLine is the last line of s, with its newline.
func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndex(s, "\n")+1:] + "\n"
}

// indonesianWord returns a word of pkgen's Indonesian messages found in an
// English text, or "".
func indonesianWord(s string) string {
	for _, w := range []string{"peringatan", "galat", "sudah ada", "tidak ", "Pakai", "sebutkan", "hanya ", "catatan", "berkas", "halaman", "detik", "disebut"} {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// --lang en leaves no Indonesian in messages from render (a layout error,
// a character the font lacks), the spreadsheet (a workbook that is not
// one) or the root folder rule.
func TestEnglishFromEveryPackage(t *testing.T) {
	dir := copyExamples(t, "kabupaten-contoh-bidang-2024.toml")
	src := string(must(os.ReadFile(filepath.Join(dir, "kabupaten-contoh-bidang-2024.toml"))))
	kop := "kop = [" + strings.Repeat(`"BARIS", `, 60) + `"AKHIR"]`
	cases := []struct {
		name, text string
		args       []string
		want       string
	}{
		{"layout", strings.Replace(src, "[instansi]\n", "[instansi]\n"+kop+"\n", 1), nil, "instansi.kop"},
		{"font", strings.Replace(src, `tempat = "Sukamulya"`, `tempat = "Sukamulya 王"`, 1), nil, "U+738B"},
		{"root", strings.Replace(src, "[instansi]\n", "[instansi]\nlogo = \"../logo.png\"\n", 1), nil, "instansi.logo"},
		{"workbook", "", []string{"impor", filepath.Join(dir, "rusak.xlsx"), "-o", filepath.Join(dir, "x.toml")}, "rusak.xlsx"},
	}
	defer runCLI("--lang", "id", "version")
	for _, c := range cases {
		args := c.args
		if args == nil {
			in := filepath.Join(dir, c.name+".toml")
			testutil.WriteFile(t, in, []byte(c.text))
			args = []string{"render", in, "-o", filepath.Join(dir, c.name+".pdf")}
		} else {
			testutil.WriteFile(t, args[1], []byte("PK\x03\x04 not a workbook"))
		}
		_, _, errOut := runCLI(append([]string{"--lang", "en"}, args...)...)
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%s: stderr lacks %q:\n%s", c.name, c.want, errOut)
		}
		if w := indonesianWord(errOut); w != "" {
			t.Errorf("%s: English run says %q:\n%s", c.name, w, errOut)
		}
	}
}
