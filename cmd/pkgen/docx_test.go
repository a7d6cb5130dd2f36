package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
	// LibreOffice is given the repository's Liberation Sans, which the
	// machine may not have installed, and a profile of its own.
	fontsDir, err := filepath.Abs("../../fonts")
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "fonts.conf")
	testutil.WriteFile(t, conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontsDir+`</dir><cachedir>`+filepath.Join(dir, "fc")+`</cachedir></fontconfig>`))
	outDir := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", outDir, doc)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	converted, err := os.ReadFile(filepath.Join(outDir, "seed.pdf"))
	if err != nil {
		t.Fatalf("libreoffice wrote no PDF: %v", err)
	}
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
