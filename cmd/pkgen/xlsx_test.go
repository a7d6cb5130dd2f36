package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/spreadsheet"
)

func salin(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("../../examples", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestXlsxImporPK: pkgen xlsx then pkgen impor gives the same document;
// neither overwrites a file without --timpa.
func TestXlsxImporPK(t *testing.T) {
	dir := t.TempDir()
	const name = "kabupaten-contoh-seksi-2024.toml"
	salin(t, dir, name)
	in := filepath.Join(dir, name)
	x := filepath.Join(dir, "kabupaten-contoh-seksi-2024.xlsx")
	if code, _, errOut := runCLI("xlsx", in); code != exitOK {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI("xlsx", in); code != exitInvalid || !strings.Contains(errOut, "sudah ada. Pakai --timpa") {
		t.Errorf("xlsx menimpa: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI("xlsx", in, "--timpa"); code != exitOK {
		t.Errorf("xlsx --timpa: exit %d: %s", code, errOut)
	}
	// The default output is the original TOML: refused.
	if code, _, errOut := runCLI("impor", x); code != exitInvalid || !strings.Contains(errOut, "sudah ada") {
		t.Errorf("impor menimpa: exit %d: %s", code, errOut)
	}
	back := filepath.Join(dir, "kembali.toml")
	if code, _, errOut := runCLI("impor", x, "-o", back); code != exitOK {
		t.Fatalf("impor: exit %d: %s", code, errOut)
	}
	a, _, _ := model.Load(testutil.Rooted(in))
	b, probs, _ := model.Load(testutil.Rooted(back))
	if a == nil || b == nil {
		t.Fatalf("tidak sah: %v", probs)
	}
	a.File, b.File = "", ""
	a.Raw, b.Raw = nil, nil
	if !reflect.DeepEqual(a, b) {
		t.Error("dokumen berbeda setelah xlsx dan impor")
	}
	if code, out, _ := runCLI("impor", x, "-o", "-"); code != exitOK || !strings.Contains(out, "[[sasaran.indikator]]") {
		t.Errorf("impor -o -: exit %d", code)
	}
	if code, _, errOut := runCLI("impor", x, "--timpa"); code != exitOK {
		t.Errorf("impor --timpa: exit %d: %s", code, errOut)
	}
}

// TestXlsxImporRealisasi: the realisasi entry sheet round trip, and a new
// entry sheet from a PK.
func TestXlsxImporRealisasi(t *testing.T) {
	dir := t.TempDir()
	salin(t, dir, "jakarta-pusat-2023.toml", "jakarta-pusat-2023-tw3.toml")
	r := filepath.Join(dir, "jakarta-pusat-2023-tw3.toml")
	if code, _, errOut := runCLI("xlsx", r); code != exitUsage || !strings.Contains(errOut, "--realisasi") {
		t.Errorf("xlsx realisasi tanpa --realisasi: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI("xlsx", "--realisasi", r); code != exitOK {
		t.Fatalf("xlsx --realisasi: exit %d: %s", code, errOut)
	}
	out := filepath.Join(dir, "kembali.toml")
	if code, _, errOut := runCLI("impor", filepath.Join(dir, "jakarta-pusat-2023-tw3.xlsx"), "-o", out); code != exitOK {
		t.Fatalf("impor: exit %d: %s", code, errOut)
	}
	lap, probs, err := model.LoadRealisasi(testutil.Rooted(out))
	if err != nil || lap == nil || lap.Triwulan != 3 || len(lap.Realisasi) == 0 {
		t.Fatalf("realisasi: %v %v", err, probs.Errors())
	}

	pk := filepath.Join(dir, "jakarta-pusat-2023.toml")
	if code, _, errOut := runCLI("xlsx", "--realisasi", pk); code != exitOK {
		t.Fatalf("xlsx --realisasi PK: exit %d: %s", code, errOut)
	}
	// Nothing filled in yet: the report is refused with cell references.
	code, _, errOut := runCLI("impor", filepath.Join(dir, "jakarta-pusat-2023-realisasi.xlsx"), "-o", filepath.Join(dir, "baru.toml"))
	if code != exitInvalid || !strings.Contains(errOut, "lembar Laporan, sel B4: triwulan: wajib diisi") {
		t.Errorf("lembar kosong: exit %d: %s", code, errOut)
	}
}

// TestImporMasalahDiSel: problems of the workbook and of its content are
// reported with their sheet and cell, and nothing is written.
func TestImporMasalahDiSel(t *testing.T) {
	dir := t.TempDir()
	const name = "kabupaten-contoh-dinas-kesehatan-2024.toml"
	salin(t, dir, name)
	x := filepath.Join(dir, "pk.xlsx")
	if code, _, errOut := runCLI("xlsx", filepath.Join(dir, name), "-o", x); code != exitOK {
		t.Fatal(errOut)
	}
	spoil := func(edit func(f *excelize.File) error) {
		t.Helper()
		f, err := excelize.OpenFile(x)
		if err != nil {
			t.Fatal(err)
		}
		if err := edit(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	out := filepath.Join(dir, "hasil.toml")
	spoil(func(f *excelize.File) error { return f.SetCellStr(spreadsheet.SheetAnggaran, "B2", "Rp 1.250.000") })
	code, _, errOut := runCLI("impor", x, "-o", out)
	if code != exitInvalid || !strings.Contains(errOut, "pk.xlsx: lembar Anggaran, sel B2: teks \"Rp 1.250.000\" di sel angka") {
		t.Errorf("teks di sel angka: exit %d: %s", code, errOut)
	}
	spoil(func(f *excelize.File) error {
		if err := f.SetCellInt(spreadsheet.SheetAnggaran, "B2", 1250000); err != nil {
			return err
		}
		return f.SetCellStr(spreadsheet.SheetLampiran, "I2", "atas")
	})
	code, _, errOut = runCLI("impor", x, "-o", out)
	if code != exitInvalid || !strings.Contains(errOut, "pk.xlsx: lembar Lampiran, sel I2: sasaran[1].indikator[1].polaritas: nilai \"atas\" tidak dikenal") {
		t.Errorf("polaritas: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("TOML ditulis meskipun ada galat")
	}
}
