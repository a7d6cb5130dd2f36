package spreadsheet

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// exampleWorkbooks are the workbooks pkgen writes for the examples: a PK
// workbook for each PK, a realisasi workbook for each report, by name.
func exampleWorkbooks(t testing.TB) (names []string, books map[string][]byte) {
	t.Helper()
	files, err := filepath.Glob(testutil.Example(t, "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var reals []string
	books = map[string][]byte{}
	for _, f := range append(files, "../schema/testdata/lengkap.toml") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if model.IsRealisasi(data) {
			reals = append(reals, f)
			continue
		}
		doc, probs := model.Parse(f, data)
		if doc == nil {
			t.Fatalf("%s: %v", f, probs.Errors())
		}
		x, err := ExportPK(doc)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(f))
		books[filepath.Base(f)] = x
	}
	for _, f := range reals {
		lap, probs, err := model.LoadRealisasi(testutil.Rooted(f))
		if err != nil || lap == nil {
			t.Fatalf("%s: %v %v", f, err, probs.Errors())
		}
		x, err := ExportRealisasi(lap.Dokumen, lap, lap.PK)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(f))
		books[filepath.Base(f)] = x
	}
	return names, books
}

// TestImportSameModel: every example's workbook reads back to the same
// TOML as before the reader left excelize. testdata/import.sha256 holds
// the SHA-256 of each TOML as Import wrote it with excelize; a change
// there is a change of what Import reads.
func TestImportSameModel(t *testing.T) {
	names, books := exampleWorkbooks(t)
	var sums strings.Builder
	for _, name := range names {
		h, err := Import(books[name])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(h.TOML("")), name)
	}
	testutil.Golden(t, filepath.Join("testdata", "import.sha256"), []byte(sums.String()))
}

// TestImportLibreOffice: a PK workbook and a realisasi workbook saved
// again by LibreOffice Calc (shared strings instead of inline ones, its
// own styles and number formats, every attribute written out) read back
// to the same TOML as pkgen's own.
func TestImportLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice (LibreOffice) is missing")
		}
		t.Skip("soffice (LibreOffice) is missing; install libreoffice-calc to run this test")
	}
	_, books := exampleWorkbooks(t)
	dir := t.TempDir()
	names := []string{"kabupaten-contoh-dinas-kesehatan-2024.toml", "jakarta-pusat-2023-tw3.toml"}
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "lo")}
	for _, name := range names {
		in := filepath.Join(dir, strings.TrimSuffix(name, ".toml")+".xlsx")
		testutil.WriteFile(t, in, books[name])
		args = append(args, in)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			lo, err := os.ReadFile(filepath.Join(dir, "lo", strings.TrimSuffix(name, ".toml")+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(lo, books[name]) {
				t.Fatal("LibreOffice wrote the same bytes: not a test of its workbooks")
			}
			want, err := Import(books[name])
			if err != nil {
				t.Fatal(err)
			}
			got, err := Import(lo)
			if err != nil {
				t.Fatalf("LibreOffice's workbook: %v", err)
			}
			if g, w := string(got.TOML("")), string(want.TOML("")); g != w {
				t.Errorf("LibreOffice's workbook reads differently:\n%s", testutil.Diff(w, g))
			}
		})
	}
}

// FuzzImport: no workbook makes Import panic, and none makes it allocate
// more than its limits allow, whatever its bytes.
func FuzzImport(f *testing.F) {
	names, books := exampleWorkbooks(f)
	for _, name := range names {
		f.Add(books[name])
	}
	f.Add([]byte("bukan xlsx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var im *Imported
		var err error
		n := allocated(func() { im, err = Import(data) })
		if (im == nil) == (err == nil) {
			t.Fatalf("result %v and error %v", im, err)
		}
		if err == nil {
			im.TOML("")
		}
		if n > 128<<20 {
			t.Errorf("%d bytes in, %d MB allocated", len(data), n>>20)
		}
	})
}
