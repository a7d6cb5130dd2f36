package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

const outputsGolden = "../../testdata/golden/outputs.sha256"

// TestOutputsByteIdentical renders every example in every output the
// commands make (PDF, PDF variants, capaian annex, XLSX) and compares
// their SHA-256 with the committed list. Refactoring must keep every byte;
// a deliberate change of output rewrites the list with -update and says why
// in its commit.
func TestOutputsByteIdentical(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	os.Unsetenv("SOURCE_DATE_EPOCH")
	// A copy of the examples, with the outputs beside them: paths written
	// into outputs (a realisasi workbook names its PK) do not depend on
	// where the repository or the temporary folder is.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples")); err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	type job struct {
		name string
		args []string
	}
	var jobs []job
	for _, ex := range examples {
		base := strings.TrimSuffix(filepath.Base(ex), ".toml")
		out := func(suffix string) string { return filepath.Join(dir, base+suffix) }
		if model.IsRealisasi(testutil.ReadFile(t, ex)) {
			jobs = append(jobs,
				job{base + ".capaian.pdf", []string{"capaian", ex, "-o", out(".capaian.pdf")}},
				job{base + ".capaian-ttd-tte.pdf", []string{"capaian", ex, "--ttd", "--tte", "-o", out(".capaian-ttd-tte.pdf")}},
				job{base + ".capaian-none.pdf", []string{"capaian", ex, "--pdfa=none", "-o", out(".capaian-none.pdf")}},
				job{base + ".realisasi.xlsx", []string{"xlsx", "--realisasi", ex, "-o", out(".realisasi.xlsx")}},
				job{base + ".capaian.xlsx", []string{"capaian", ex, "--xlsx", out(".capaian.xlsx")}},
			)
			continue
		}
		jobs = append(jobs,
			job{base + ".pdf", []string{"render", ex, "-o", out(".pdf")}},
			job{base + ".xlsx", []string{"xlsx", ex, "-o", out(".xlsx")}},
		)
		if base == "jakarta-pusat-2023" {
			jobs = append(jobs,
				job{base + ".none.pdf", []string{"render", ex, "--pdfa=none", "-o", out(".none.pdf")}},
				job{base + ".tte.pdf", []string{"render", ex, "--tte", "--jangkar", "#{peran}", "-o", out(".tte.pdf")}},
				job{base + ".tte.pdf.ttd.json", nil},
			)
		}
	}
	var lines []string
	for _, j := range jobs {
		if j.args != nil {
			var stdout, stderr bytes.Buffer
			if code := run(j.args, &stdout, &stderr); code != exitOK {
				t.Fatalf("%v: exit %d\n%s", j.args, code, stderr.String())
			}
		}
		b, err := os.ReadFile(filepath.Join(dir, j.name))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(b), j.name))
	}
	slices.Sort(lines)
	got := strings.Join(lines, "\n") + "\n"
	if testutil.Update() {
		if err := os.WriteFile(outputsGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(outputsGolden)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/pkgen -run TestOutputsByteIdentical -update writes it)", err)
	}
	if got != string(want) {
		wl := strings.Split(string(want), "\n")
		for _, l := range strings.Split(got, "\n") {
			if !slices.Contains(wl, l) {
				t.Errorf("changed: %s", l)
			}
		}
		t.Fatalf("outputs differ from %s; if the change is deliberate, run with -update and say why in the commit", outputsGolden)
	}
}
