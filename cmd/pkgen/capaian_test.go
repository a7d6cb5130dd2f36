package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"pkgen/fonts"
	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render"
	"pkgen/render/pdf"
)

const exampleTW3 = "../../examples/jakarta-pusat-2023-tw3.toml"

// capaianFile runs pkgen capaian on in with extra arguments and returns
// the PDF.
func capaianFile(t *testing.T, in string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "annex.pdf")
	code, _, errOut := runCLI(append([]string{"capaian", in, "-o", out}, args...)...)
	if code != exitOK {
		t.Fatalf("capaian %s: exit %d\n%s", in, code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pageCount(t *testing.T, b []byte) int {
	t.Helper()
	n, err := api.PageCount(bytes.NewReader(b), pdfmodel.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCapaianEveryRealisasi renders every realisasi report among the
// examples (TestRenderEveryExample renders the PKs).
func TestCapaianEveryRealisasi(t *testing.T) {
	examples, _ := filepath.Glob("../../examples/*.toml")
	n := 0
	for _, ex := range examples {
		if !model.IsRealisasi(testutil.ReadFile(t, ex)) {
			continue
		}
		n++
		t.Run(filepath.Base(ex), func(t *testing.T) {
			b := capaianFile(t, ex)
			testutil.ValidateStrict(t, b)
			dims, err := api.PageDims(bytes.NewReader(b), pdfmodel.NewDefaultConfiguration())
			if err != nil {
				t.Fatal(err)
			}
			for i, d := range dims {
				if d.Width <= d.Height {
					t.Errorf("page %d is portrait", i+1)
				}
			}
			checkFonts(t, b)
		})
	}
	if n == 0 {
		t.Fatal("no realisasi example")
	}
}

var persenRe = regexp.MustCompile(`-?[0-9.]+,[0-9]{2}%`)

// TestCapaianExampleText reads the example annex's text and checks the
// capaian of rows computed by hand from the PK and the realisasi file.
func TestCapaianExampleText(t *testing.T) {
	text := testutil.PDFText(t, capaianFile(t, exampleTW3), "-raw")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"LAMPIRAN LAPORAN KINERJA CAPAIAN KINERJA TRIWULAN III TAHUN 2023",
		"Nama : Dhany Sukma", "NIP : 197403091993111001", "Unit Kerja : Kota Administrasi Jakarta Pusat",
		"RINGKASAN CAPAIAN KINERJA", "GRAFIK CAPAIAN KINERJA", "Halaman 1 dari",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("annex text lacks %q", want)
		}
	}
	// The table's part of the text: up to the summary. A row runs from
	// its kode to the next kode.
	table, _, _ := strings.Cut(flat, "RINGKASAN CAPAIAN KINERJA")
	row := func(kode string) string {
		_, rest, ok := strings.Cut(table, kode+" ")
		if !ok {
			t.Fatalf("%s not in the table", kode)
		}
		if i := regexp.MustCompile(`IK-[0-9]+ `).FindStringIndex(rest); i != nil {
			rest = rest[:i[0]]
		}
		return rest
	}
	cases := []struct {
		kode  string
		want  []string // the two-decimal percentages of the row: TW III (if measured), s.d. TW III
		words string   // category or reason
	}{
		// Above target, agregasi akhir, TW III not measured: s.d. is TW
		// II, 88,2 / 86,75 × 100 = 101,671… → 101,67%.
		{"IK-01", []string{"101,67%"}, "Tercapai"},
		// Below: 75,3 / 85 × 100 = 88,588… → 88,59%, under 90.
		{"IK-04", []string{"88,59%"}, "Tidak tercapai"},
		// Categorical, opini scale: WTP against WTP → 100 / 100 × 100.
		{"IK-12", []string{"100,00%"}, "Tercapai"},
		// Summed (jumlah, 25% a quarter): TW III 22 / 25 = 88%; s.d.
		// (20 + 27,5 + 22) / 75 = 92,666… → 92,67%.
		{"IK-28", []string{"88,00%", "92,67%"}, "Hampir tercapai"},
		// Cumulative 60% against 55%: 109,0909… → 109,09%.
		{"IK-19", []string{"109,09%", "109,09%"}, "Tercapai"},
		// Exactly on the band edge: 45 / 50 = 90% → Hampir tercapai.
		{"IK-23", []string{"90,00%", "90,00%"}, "Hampir tercapai"},
		// Realisasi N/A: no capaian, the reason instead.
		{"IK-18", nil, "realisasi N/A"},
		// Target only in TW IV: nothing measured yet.
		{"IK-21", nil, "N/A"},
	}
	for _, c := range cases {
		r := row(c.kode)
		got := persenRe.FindAllString(r, -1)
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: percentages %v, want %v\nrow: %s", c.kode, got, c.want, r)
		}
		if !strings.Contains(r, c.words) {
			t.Errorf("%s: row lacks %q\nrow: %s", c.kode, c.words, r)
		}
	}
	// Summary: the overall average of the year-to-date capaian.
	if !strings.Contains(flat, "Seluruh Indikator 28 23 13 8 2 5 92,33% 94,33%") {
		t.Errorf("summary total line not found")
	}
}

func TestCapaianInfo(t *testing.T) {
	b := capaianFile(t, exampleTW3, "--ttd")
	bin := testutil.Tool(t, "pdfinfo", "poppler-utils")
	file := filepath.Join(t.TempDir(), "i.pdf")
	testutil.WriteFile(t, file, b)
	out, err := exec.Command(bin, file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, want := range []string{
		"Capaian Kinerja Triwulan III Tahun 2023 — Walikota Kota Administrasi Jakarta Pusat",
		"Dhany Sukma", "pkgen", "Sep 30",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	text := strings.Join(strings.Fields(testutil.PDFText(t, b, "-raw")), " ")
	if !strings.Contains(text, "Walikota Kota Administrasi Jakarta Pusat, Dhany Sukma") {
		t.Errorf("--ttd: no signature of PIHAK PERTAMA")
	}
	if strings.Contains(text, "Heru Budi Hartono") {
		t.Errorf("--ttd: PIHAK KEDUA does not sign the report")
	}
}

func TestCapaianDeterministicAndDefaultName(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"jakarta-pusat-2023.toml", "jakarta-pusat-2023-tw3.toml"} {
		b, err := os.ReadFile(filepath.Join("../../examples", f))
		if err != nil {
			t.Fatal(err)
		}
		testutil.WriteFile(t, filepath.Join(dir, f), b)
	}
	in := filepath.Join(dir, "jakarta-pusat-2023-tw3.toml")
	code, _, errOut := runCLI("capaian", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a, err := os.ReadFile(filepath.Join(dir, "jakarta-pusat-2023-tw3.pdf"))
	if err != nil {
		t.Fatalf("default output beside the realisasi file: %v", err)
	}
	if b := capaianFile(t, in); !bytes.Equal(a, b) {
		t.Error("two runs on the same input differ")
	}
	code, stdout, _ := runCLI("capaian", in, "-o", "-")
	if code != exitOK || !bytes.Equal([]byte(stdout), a) {
		t.Errorf("-o -: exit %d, %d bytes", code, len(stdout))
	}
}

func TestCapaianInvalidWritesNothing(t *testing.T) {
	dir := t.TempDir()
	pk, _ := os.ReadFile(example)
	testutil.WriteFile(t, filepath.Join(dir, "pk.toml"), pk)
	bad := filepath.Join(dir, "tw3.toml")
	testutil.WriteFile(t, bad, []byte("pk = \"pk.toml\"\ntriwulan = 3\n\n[[realisasi]]\nkode = \"IK-99\"\ntw = { tw3 = 1 }\n"))
	out := filepath.Join(dir, "out.pdf")
	code, _, errOut := runCLI("capaian", bad, "-o", out)
	if code != exitInvalid {
		t.Errorf("exit %d, want %d", code, exitInvalid)
	}
	if !strings.Contains(errOut, "tw3.toml:5:") || !strings.Contains(errOut, "IK-99") || !strings.Contains(errOut, "PDF tidak ditulis") {
		t.Errorf("message not located:\n%s", errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files written: %v", entries)
	}
	code, _, errOut = runCLI("capaian", filepath.Join(dir, "tidak-ada.toml"), "-o", out)
	if code != exitInvalid || !strings.Contains(errOut, "tidak-ada.toml") {
		t.Errorf("missing file: exit %d: %s", code, errOut)
	}
}

func TestCapaianUsage(t *testing.T) {
	lkip := filepath.Join(t.TempDir(), "lkip.pdf")
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"help", "capaian"}, exitOK, "--lampirkan-ke"},
		{[]string{"help"}, exitOK, "pkgen capaian"},
		{[]string{"capaian"}, exitUsage, "tepat satu berkas realisasi"},
		{[]string{"capaian", exampleTW3, "--lampirkan-ke", lkip}, exitUsage, "memerlukan -o"},
		{[]string{"capaian", exampleTW3, "--lampirkan-ke", lkip, "-o", lkip}, exitUsage, "sama dengan berkas LKIP"},
		{[]string{"capaian", exampleTW3, "-o", exampleTW3}, exitUsage, "sama dengan masukan"},
		{[]string{"capaian", exampleTW3, "--ttdx"}, exitUsage, "flag provided but not defined"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.out) {
			t.Errorf("pkgen %v: exit %d (want %d), output lacks %q:\n%s%s", c.args, code, c.code, c.out, out, errOut)
		}
	}
}

// lkipPDF is a small two-page portrait PDF standing for an LKIP, with a
// bookmark.
func lkipPDF(t *testing.T) []byte { return lkipPages(t, true) }

func lkipPages(t *testing.T, bookmark bool) []byte {
	t.Helper()
	page := func(s string) render.Page {
		return render.Page{Width: 210, Height: 297, Texts: []render.Text{{X: 25, Y: 30, Style: fonts.Bold, Size: 14, S: s}}}
	}
	doc := &render.Document{
		Pages: []render.Page{page("LAPORAN KINERJA INSTANSI PEMERINTAH"), page("BAB I PENDAHULUAN")},
		Meta:  render.Meta{Title: "LKIP 2023", Creator: "uji"},
	}
	if bookmark {
		doc.Outline = []render.Bookmark{{Title: "LKIP", Page: 0}}
	}
	b, err := pdf.Bytes(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCapaianLampirkan(t *testing.T) {
	dir := t.TempDir()
	lkip := filepath.Join(dir, "lkip.pdf")
	orig := lkipPDF(t)
	testutil.WriteFile(t, lkip, orig)
	annex := capaianFile(t, exampleTW3)
	out := filepath.Join(dir, "lkip-lengkap.pdf")
	code, _, errOut := runCLI("capaian", exampleTW3, "--lampirkan-ke", lkip, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	merged, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	testutil.ValidateStrict(t, merged)
	if got, want := pageCount(t, merged), 2+pageCount(t, annex); got != want {
		t.Errorf("merged PDF has %d pages, want LKIP 2 + annex %d", got, want-2)
	}
	if !strings.Contains(errOut, "LKIP 2 + lampiran capaian") {
		t.Errorf("summary line: %s", errOut)
	}
	now, _ := os.ReadFile(lkip)
	if !bytes.Equal(now, orig) {
		t.Error("the LKIP file changed")
	}
	// Bookmarks: the LKIP's, then the annex's, pointing after the LKIP.
	bms, err := api.Bookmarks(bytes.NewReader(merged), pdfmodel.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, b := range bms {
		marks = append(marks, fmt.Sprintf("%s@%d", b.Title, b.PageFrom))
	}
	if got := strings.Join(marks, " | "); !strings.HasPrefix(got, "LKIP@1 | Capaian Kinerja Triwulan III@3 | ") {
		t.Errorf("bookmarks of the merged PDF: %s", got)
	}
	text := strings.Join(strings.Fields(testutil.PDFText(t, merged, "-raw")), " ")
	i, j := strings.Index(text, "BAB I PENDAHULUAN"), strings.Index(text, "CAPAIAN KINERJA TRIWULAN III TAHUN 2023")
	if i < 0 || j < i {
		t.Errorf("the annex does not follow the LKIP (%d, %d)", i, j)
	}
	// An LKIP without bookmarks, and a larger one (the PK itself).
	for _, base := range [][]byte{lkipPages(t, false), renderFile(t, example)} {
		testutil.WriteFile(t, lkip, base)
		if code, _, errOut := runCLI("capaian", exampleTW3, "--lampirkan-ke", lkip, "-o", out, "--timpa"); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		merged, _ := os.ReadFile(out)
		testutil.ValidateStrict(t, merged)
		if got, want := pageCount(t, merged), pageCount(t, base)+pageCount(t, annex); got != want {
			t.Errorf("merged PDF has %d pages, want %d", got, want)
		}
	}
}

func TestCapaianLampirkanRejects(t *testing.T) {
	orig := lkipPDF(t)
	var enc bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(orig), &enc, pdfmodel.NewAESConfiguration("rahasia", "pemilik", 256)); err != nil {
		t.Fatal(err)
	}
	var ownerOnly bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(orig), &ownerOnly, pdfmodel.NewAESConfiguration("", "pemilik", 256)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", orig[:len(orig)/2], "rusak"},
		{"not a PDF", []byte("ini bukan PDF\n"), "rusak"},
		{"empty", nil, "rusak"},
		{"encrypted", enc.Bytes(), "terenkripsi"},
		{"encrypted, no user password", ownerOnly.Bytes(), "terenkripsi"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			lkip := filepath.Join(dir, "lkip.pdf")
			testutil.WriteFile(t, lkip, c.data)
			out := filepath.Join(dir, "gabungan.pdf")
			code, _, errOut := runCLI("capaian", exampleTW3, "--lampirkan-ke", lkip, "-o", out)
			if code != exitInvalid {
				t.Errorf("exit %d, want %d", code, exitInvalid)
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "tidak ada yang ditulis") {
				t.Errorf("message lacks %q: %s", c.want, errOut)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("files in the folder: %v", entries)
			}
			if now, _ := os.ReadFile(lkip); !bytes.Equal(now, c.data) {
				t.Error("the LKIP file changed")
			}
		})
	}
	code, _, errOut := runCLI("capaian", exampleTW3, "--lampirkan-ke", filepath.Join(t.TempDir(), "tidak-ada.pdf"), "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitInvalid || !strings.Contains(errOut, "tidak dapat dibaca") {
		t.Errorf("missing LKIP: exit %d: %s", code, errOut)
	}
}

func TestCapaianTemplat(t *testing.T) {
	tmpl := filepath.Join(t.TempDir(), "kata.tmpl")
	testutil.WriteFile(t, tmpl, []byte(`{{define "capaian_judul"}}LAMPIRAN II LKIP
REALISASI KINERJA TW {{.Triwulan}} ({{.NomorTriwulan}}) {{.Tahun}}{{end}}`))
	text := strings.Join(strings.Fields(testutil.PDFText(t, capaianFile(t, exampleTW3, "--templat", tmpl), "-raw")), " ")
	if !strings.Contains(text, "LAMPIRAN II LKIP REALISASI KINERJA TW III (3) 2023") {
		t.Errorf("--templat not applied to the annex title: %.200s", text)
	}
	bad := filepath.Join(t.TempDir(), "rusak.tmpl")
	testutil.WriteFile(t, bad, []byte(`{{define "capaian_judul"}}{{.TidakAda}}{{end}}`))
	code, _, errOut := runCLI("capaian", exampleTW3, "-o", filepath.Join(t.TempDir(), "x.pdf"), "--templat", bad)
	if code != exitInvalid || !strings.Contains(errOut, "TidakAda") {
		t.Errorf("a block with an unknown variable: exit %d: %s", code, errOut)
	}
}

// TestCapaianXLSX: --xlsx alone writes only the workbook, the same bytes
// as the library's; an existing one is replaced only with --timpa.
func TestCapaianXLSX(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"jakarta-pusat-2023.toml", "jakarta-pusat-2023-tw3.toml"} {
		b, err := os.ReadFile(filepath.Join("../../examples", f))
		if err != nil {
			t.Fatal(err)
		}
		testutil.WriteFile(t, filepath.Join(dir, f), b)
	}
	in := filepath.Join(dir, "jakarta-pusat-2023-tw3.toml")
	out := filepath.Join(dir, "capaian.xlsx")
	code, _, errOut := runCLI("capaian", in, "--xlsx", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "jakarta-pusat-2023-tw3.pdf")); err == nil {
		t.Error("--xlsx without -o wrote the PDF too")
	}
	if !bytes.HasPrefix(got, []byte("PK")) {
		t.Fatal("not a zip")
	}
	if code, _, _ := runCLI("capaian", in, "--xlsx", out); code != exitInvalid {
		t.Errorf("existing workbook without --timpa: exit %d", code)
	}
	pdf := filepath.Join(dir, "c.pdf")
	if code, _, errOut := runCLI("capaian", in, "--xlsx", out, "-o", pdf, "--timpa"); code != exitOK {
		t.Fatalf("with -o and --timpa: exit %d: %s", code, errOut)
	}
	again, _ := os.ReadFile(out)
	if !bytes.Equal(got, again) {
		t.Error("two runs give different workbooks")
	}
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("with -o: %v", err)
	}
	if code, _, _ := runCLI("capaian", in, "--xlsx", in); code != exitUsage {
		t.Errorf("--xlsx onto the input: exit %d", code)
	}
}
