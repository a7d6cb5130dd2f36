package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pkgen kaskade prints the tree of the examples and exits 0 (warnings
// only); a wrong kode makes it exit 1 with the located error; a wrong
// command line exits 2.
func TestKaskadeCommand(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if code := runWith([]string{"kaskade", "../../examples", "--tahun", "2024"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"Pohon kinerja tahun 2024: ",
		"\n  " + filepath.Join("../../examples", "kabupaten-contoh-bupati-2024.toml") + " — Bupati Lembah Hijau (Ahmad Fauzi Rahman)",
		"\n        " + filepath.Join("../../examples", "kabupaten-contoh-seksi-2024.toml") + " — ",
		"Berdiri sendiri (tanpa pk_induk dan tanpa PK bawahan): ",
		"kabupaten-contoh-bupati-2024.toml:42: peringatan: sasaran[1].indikator[3]: indikator \"RPJMD-03\" tidak didukung",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}

	dir := t.TempDir()
	for _, n := range []string{"kabupaten-contoh-seksi-2024.toml", "kabupaten-contoh-bidang-2024.toml"} {
		src := must(os.ReadFile(filepath.Join("../../examples", n)))
		src = bytes.Replace(src, []byte(`mendukung = ["P2P-05"]`), []byte(`mendukung = ["P2P-5"]`), 1)
		writeFile(t, dir, n, src)
	}
	stdout.Reset()
	stderr.Reset()
	if code := runWith([]string{"kaskade", dir}, nil, &stdout, &stderr); code != exitInvalid ||
		!strings.Contains(stdout.String(), filepath.Join(dir, "kabupaten-contoh-seksi-2024.toml")+":") ||
		!strings.Contains(stdout.String(), `kode "P2P-5" tidak ada di PK induk kabupaten-contoh-bidang-2024.toml; maksud Anda "P2P-05"?`) {
		t.Errorf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}

	stdout.Reset()
	stderr.Reset()
	if code := runWith([]string{"kaskade"}, nil, &stdout, &stderr); code != exitUsage {
		t.Errorf("no folder: exit %d", code)
	}
}
