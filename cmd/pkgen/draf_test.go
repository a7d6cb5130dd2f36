package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

const draftNote = "DRAF — belum ditandatangani"

// checkDraft asserts a written PDF is a draft: no PDF/A claim, the TOML
// attached, the note on every page.
func checkDraft(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("pdfaid:part")) {
		t.Errorf("%s: a draft claims PDF/A", path)
	}
	if !bytes.Contains(b, []byte("/EmbeddedFiles")) {
		t.Errorf("%s: the sources are not attached", path)
	}
	text := testutil.PDFText(t, b)
	pages := strings.Count(text, "\f")
	if n := strings.Count(text, draftNote); n == 0 || n != pages {
		t.Errorf("%s: %q printed %d times on %d pages", path, draftNote, n, pages)
	}
}

// --draf on render (one file and a batch) and capaian makes drafts;
// without it nothing is marked; pantau knows the flag.
func TestDraftFlag(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "satu.pdf")
	if code, _, errOut := runCLI("render", example, "-o", one, "--draf"); code != exitOK {
		t.Fatalf("render --draf: exit %d:\n%s", code, errOut)
	}
	checkDraft(t, one)

	final := filepath.Join(dir, "akhir.pdf")
	if code, _, errOut := runCLI("render", example, "-o", final); code != exitOK {
		t.Fatalf("render: exit %d:\n%s", code, errOut)
	}
	if b, _ := os.ReadFile(final); !bytes.Contains(b, []byte("pdfaid:part")) || strings.Contains(testutil.PDFText(t, b), draftNote) {
		t.Error("a render without --draf is marked, or not PDF/A")
	}

	in := writeFile(t, filepath.Join(dir, "berkas"), "dua.toml", variant(t, "Bogor"))
	out := filepath.Join(dir, "keluaran")
	if code, _, errOut := runCLI("render", filepath.Dir(in), "-d", out, "--draf"); code != exitOK {
		t.Fatalf("batch render --draf: exit %d:\n%s", code, errOut)
	}
	checkDraft(t, filepath.Join(out, "dua.pdf"))

	annex := filepath.Join(dir, "capaian.pdf")
	if code, _, errOut := runCLI("capaian", "../../examples/jakarta-pusat-2023-tw3.toml", "-o", annex, "--ttd", "--draf"); code != exitOK {
		t.Fatalf("capaian --draf: exit %d:\n%s", code, errOut)
	}
	checkDraft(t, annex)

	// pantau accepts the flag: the usage error is about the output, not it.
	if code, _, errOut := runCLI("pantau", example, "-o", "-", "--draf"); code != exitUsage || !strings.Contains(errOut, "harus berupa berkas") {
		t.Errorf("pantau --draf: exit %d: %s", code, errOut)
	}
}
