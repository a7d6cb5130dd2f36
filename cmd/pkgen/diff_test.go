package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

const perubahanExample = "../../examples/jakarta-pusat-2023-perubahan-1.toml"

func TestDiff(t *testing.T) {
	code, out, errOut := runCLI("diff", example, perubahanExample)
	if code != 1 {
		t.Fatalf("different files: exit %d, want 1\n%s", code, errOut)
	}
	want := []string{
		"~ pihak_kedua.nama: Heru Budi Hartono → Rahmat Hidayat",
		"~ IK-01 target.tw4: 86.75 → 87.5",
		"~ IK-01 target.tahunan: 86.75 → 87.5",
		"+ IK-29 ditambah: Persentase Kelurahan yang Menerapkan Layanan Administrasi Terpadu",
		"- IK-02 dihapus: Indeks Kepuasan Layanan Kota Administrasi",
		"5 perubahan",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n")[2:]; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Stable: the same output twice.
	if _, again, _ := runCLI("diff", example, perubahanExample); again != out {
		t.Error("diff output is not stable")
	}

	if code, out, _ := runCLI("diff", example, example); code != 0 || !strings.Contains(out, "tidak ada perubahan") {
		t.Errorf("identical files: exit %d, %q", code, out)
	}

	// Reordering the sasaran is not a change of every row.
	src, _ := os.ReadFile(example)
	s := string(src)
	first := strings.Index(s, "[[sasaran]]")
	second := strings.Index(s[first+1:], "[[sasaran]]") + first + 1
	third := strings.Index(s[second+1:], "[[sasaran]]") + second + 1
	swapped := s[:first] + s[second:third] + s[first:second] + s[third:]
	in := filepath.Join(t.TempDir(), "urut.toml")
	testutil.WriteFile(t, in, []byte(swapped))
	if code, out, errOut := runCLI("diff", example, in); code != 0 {
		t.Errorf("reordered sasaran: exit %d\n%s%s", code, out, errOut)
	}

	bad := filepath.Join(t.TempDir(), "rusak.toml")
	testutil.WriteFile(t, bad, []byte("tahun = \"x\"\n"))
	if code, _, errOut := runCLI("diff", example, bad); code != exitUsage || !strings.Contains(errOut, "rusak.toml:1: tahun") {
		t.Errorf("invalid file: exit %d, %s", code, errOut)
	}
	if code, _, _ := runCLI("diff", example); code != exitUsage {
		t.Errorf("one file: exit %d", code)
	}
}
