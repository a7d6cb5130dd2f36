package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"pkgen/render/pdf/strict"
)

// Tool is the path of an external program a test needs (pdftotext, qpdf,
// java). Missing, it skips the test with a message, but fails it when the
// environment variable CI is set: CI must run every test.
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (%s) is required in CI", name, install)
		}
		t.Skipf("%s not on PATH; install %s", name, install)
	}
	return bin
}

// PDFText is the text of a PDF as poppler's pdftotext extracts it, in
// UTF-8, each page ended by a form feed (\f). args go before the file
// name: "-raw" for content-stream order, "-f", "2", "-l", "2" for page 2
// alone. Without pdftotext the test is skipped (failed under CI).
func PDFText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	bin := Tool(t, "pdftotext", "poppler-utils")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	WriteFile(t, file, pdf)
	args = append(append(args[:len(args):len(args)], "-enc", "UTF-8"), file, "-")
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// ValidateStrict fails the test unless the PDF passes pdfcpu's strict
// validation, waiving only the rule that /AFRelationship needs PDF 2.0
// (see render/pdf/strict).
func ValidateStrict(t testing.TB, pdf []byte) {
	t.Helper()
	if err := strict.Validate(pdf); err != nil {
		t.Fatalf("pdfcpu strict validation: %v", err)
	}
}
