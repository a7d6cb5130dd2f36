package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// TestDOCXRefusesOverwrite: pkgen docx writes through files.Write, which
// never replaces a file without --timpa.
func TestDOCXRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pk.docx")
	testutil.WriteFile(t, out, []byte("mine"))
	if code, _, errOut := runCLI("docx", example, "-o", out); code != exitInvalid || !strings.Contains(errOut, out) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Fatal("the existing file was replaced without --timpa")
	}
	if code, _, errOut := runCLI("docx", example, "-o", out, "--timpa"); code != exitOK {
		t.Fatalf("--timpa: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "PK\x03\x04") {
		t.Fatal("--timpa did not write the DOCX")
	}
}

// TestDOCXLibreOffice converts the seed's DOCX to PDF with LibreOffice
// and finds in it every word of the PDF pkgen render makes, order aside,
// except what only a page layout prints: the page-number lines (Word
// counts its own pages) and "(lanjutan)", which the PDF adds where a sasaran's
// rows go on over a page (Word repeats the header row only).
func TestDOCXLibreOffice(t *testing.T) {
	soffice := testutil.Tool(t, "libreoffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	doc := filepath.Join(dir, "seed.docx")
	pdf := filepath.Join(dir, "seed.pdf")
	if code, _, errOut := runCLI("docx", example, "-o", doc); code != exitOK {
		t.Fatalf("docx: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI("render", example, "-o", pdf); code != exitOK {
		t.Fatalf("render: exit %d: %s", code, errOut)
	}
	converted := libreOffice(t, soffice, doc)
	rendered, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	words := strings.Fields(folio.ReplaceAllString(testutil.PDFText(t, converted), " "))
	for _, w := range words {
		got[w] = true
	}
	// A line may break after a hyphen where the PDF's did not, and
	// pdftotext then joins the halves without it ("EPurchasing").
	dehyphen := func(w string) bool { return strings.Contains(w, "-") && got[strings.ReplaceAll(w, "-", "")] }
	var missing []string
	for _, w := range strings.Fields(folio.ReplaceAllString(testutil.PDFText(t, rendered), " ")) {
		if !got[w] && !dehyphen(w) && w != "(lanjutan)" {
			missing = append(missing, w)
		}
	}
	slices.Sort(missing)
	if missing = slices.Compact(missing); len(missing) > 0 {
		t.Errorf("%d words of the PDF are not in LibreOffice's rendering of the DOCX: %q", len(missing), missing)
	}
}

// folio is a page-number line.
var folio = regexp.MustCompile(`Halaman [0-9]+ dari [0-9]+`)

// TestCapaianDOCXFlag: --docx behaves as --xlsx: alone it writes only the
// Word document, with -o beside the PDF; an existing one is replaced only
// with --timpa; it never goes onto the input, -o or the workbook.
func TestCapaianDOCXFlag(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"jakarta-pusat-2023.toml", "jakarta-pusat-2023-tw3.toml"} {
		b, err := os.ReadFile(filepath.Join("../../examples", f))
		if err != nil {
			t.Fatal(err)
		}
		testutil.WriteFile(t, filepath.Join(dir, f), b)
	}
	in := filepath.Join(dir, "jakarta-pusat-2023-tw3.toml")
	out := filepath.Join(dir, "capaian.docx")
	if code, _, errOut := runCLI("capaian", in, "--docx", out, "--ttd"); code != exitOK || !strings.Contains(errOut, out) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(got, []byte("PK\x03\x04")) {
		t.Fatalf("no DOCX: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "jakarta-pusat-2023-tw3.pdf")); err == nil {
		t.Error("--docx without -o wrote the PDF too")
	}
	testutil.WriteFile(t, out, []byte("mine"))
	if code, _, _ := runCLI("capaian", in, "--docx", out); code != exitInvalid {
		t.Errorf("existing document without --timpa: exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Fatal("the existing file was replaced without --timpa")
	}
	pdf, book := filepath.Join(dir, "c.pdf"), filepath.Join(dir, "c.xlsx")
	if code, _, errOut := runCLI("capaian", in, "--docx", out, "--xlsx", book, "-o", pdf, "--timpa", "--ttd"); code != exitOK {
		t.Fatalf("with -o, --xlsx and --timpa: exit %d: %s", code, errOut)
	}
	again, _ := os.ReadFile(out)
	if !bytes.Equal(got, again) {
		t.Error("two runs give different documents")
	}
	for _, f := range []string{pdf, book} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("beside the DOCX: %v", err)
		}
	}
	for _, args := range [][]string{{"--docx", in}, {"--docx", pdf, "-o", pdf}, {"--docx", book, "--xlsx", book}, {"--docx", "-"}} {
		if code, _, _ := runCLI(append([]string{"capaian", in}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want usage", args, code)
		}
	}
}

// libreOffice converts file to PDF with the repository's Liberation Sans
// and a profile of its own, and returns the PDF.
func libreOffice(t *testing.T, soffice, file string) []byte {
	t.Helper()
	dir := t.TempDir()
	fontsDir, err := filepath.Abs("../../fonts")
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "fonts.conf")
	testutil.WriteFile(t, conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontsDir+`</dir><cachedir>`+filepath.Join(dir, "fc")+`</cachedir></fontconfig>`))
	outDir := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", outDir, file)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	base := filepath.Base(file)
	pdf, err := os.ReadFile(filepath.Join(outDir, strings.TrimSuffix(base, filepath.Ext(base))+".pdf"))
	if err != nil {
		t.Fatalf("libreoffice wrote no PDF: %v", err)
	}
	return pdf
}

// TestCapaianDOCXLibreOffice converts the seed report's capaian DOCX with
// LibreOffice and finds in it every word of the PDF annex, order aside,
// except what the chart's picture holds (its scale, axis title and the
// names it cuts with "…") and the page-number lines.
func TestCapaianDOCXLibreOffice(t *testing.T) {
	soffice := testutil.Tool(t, "libreoffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	ex := "../../examples/jakarta-pusat-2023-tw3.toml"
	doc, pdf := filepath.Join(dir, "capaian.docx"), filepath.Join(dir, "capaian.pdf")
	if code, _, errOut := runCLI("capaian", ex, "--ttd", "--docx", doc, "-o", pdf); code != exitOK {
		t.Fatalf("capaian: exit %d: %s", code, errOut)
	}
	got := map[string]bool{}
	for _, w := range strings.Fields(folio.ReplaceAllString(testutil.PDFText(t, libreOffice(t, soffice, doc)), " ")) {
		got[w] = true
	}
	rendered, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	// The chart's own words, in the picture.
	picture := map[string]bool{"Capaian": true, "s.d.": true, "TW": true, "III": true, "(%)": true, "(lanjutan)": true}
	tick := regexp.MustCompile(`^-?[0-9.]+%$`)
	dehyphen := func(w string) bool { return strings.Contains(w, "-") && got[strings.ReplaceAll(w, "-", "")] }
	var missing []string
	for _, w := range strings.Fields(folio.ReplaceAllString(testutil.PDFText(t, rendered), " ")) {
		if !got[w] && !dehyphen(w) && !picture[w] && !tick.MatchString(w) && !strings.HasSuffix(w, "…") {
			missing = append(missing, w)
		}
	}
	slices.Sort(missing)
	if missing = slices.Compact(missing); len(missing) > 0 {
		t.Errorf("%d words of the PDF annex are not in LibreOffice's rendering of the DOCX: %q", len(missing), missing)
	}
}

// TestCapaianXLSXCalc prints the capaian workbook with LibreOffice Calc:
// landscape pages, every indicator's kode printed on the Capaian
// sheet's pages, the header row on each of them.
func TestCapaianXLSXCalc(t *testing.T) {
	soffice := testutil.Tool(t, "libreoffice", "libreoffice-calc-nogui")
	dir := t.TempDir()
	book := filepath.Join(dir, "capaian.xlsx")
	if code, _, errOut := runCLI("capaian", "../../examples/jakarta-pusat-2023-tw3.toml", "--xlsx", book); code != exitOK {
		t.Fatalf("capaian: exit %d: %s", code, errOut)
	}
	pdf := libreOffice(t, soffice, book)
	text := testutil.PDFText(t, pdf)
	for i := 1; i <= 28; i++ {
		kode := fmt.Sprintf("IK-%02d", i)
		if !strings.Contains(text, kode) {
			t.Errorf("%s not printed", kode)
		}
	}
	pages := strings.Split(text, "\f")
	headed := 0
	for _, p := range pages {
		if strings.Contains(p, "IK-") && strings.Contains(p, "Rumus / keterangan") {
			headed++
		}
	}
	if headed < 2 {
		t.Errorf("%d pages of the Capaian sheet carry its header row, want every one (at least 2)", headed)
	}
	if w, h := pageSize(t, pdf); w <= h {
		t.Errorf("page %.0f×%.0f pt: not landscape", w, h)
	}
}

// pageSize is the first page's MediaBox, pt.
func pageSize(t *testing.T, pdf []byte) (w, h float64) {
	t.Helper()
	m := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no MediaBox")
	}
	w, _ = strconv.ParseFloat(string(m[1]), 64)
	h, _ = strconv.ParseFloat(string(m[2]), 64)
	return w, h
}
