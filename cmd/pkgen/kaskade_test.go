package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
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

// kaskade -o draws the linked examples as an A3 landscape PDF whose words
// name every PK of the tree and its warnings' marks; it is the same bytes
// twice, and an existing file is kept without --timpa.
func TestKaskadeDrawing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "pohon.pdf")
	var stdout, stderr bytes.Buffer
	args := []string{"kaskade", "../../examples", "--tahun", "2024", "-o", out}
	if code := runWith(args, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	first := must(os.ReadFile(out))
	testutil.ValidateStrict(t, first)
	text := testutil.PDFText(t, first)
	for _, want := range []string{
		"POHON KINERJA", "PEMERINTAH KABUPATEN LEMBAH HIJAU", "TAHUN 2024",
		"Dinas Kesehatan, Pengendalian Penduduk dan Keluarga", "Dinas Pertanian dan Ketahanan Pangan",
		"Bidang Pencegahan dan Pengendalian Penyakit", "Bidang Kesehatan Masyarakat", "Seksi Surveilans dan Imunisasi",
		"Sri Handayani", "SI-01", "mendukung P2P-04", "Halaman 1 dari",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the drawing", want)
		}
	}
	// Standalone PKs are not drawn.
	if strings.Contains(text, "Jakarta") || strings.Contains(text, "Balai") {
		t.Error("a standalone PK is drawn")
	}
	info := testutil.PDFText(t, first, "-f", "1", "-l", "1", "-bbox")
	if !strings.Contains(info, `<page width="1190.55`) || !strings.Contains(info, `height="841.89`) {
		t.Errorf("page 1 is not A3 landscape: %.200s", info)
	}

	stderr.Reset()
	if code := runWith(args, nil, &stdout, &stderr); code != exitInvalid || !strings.Contains(stderr.String(), "--timpa") {
		t.Errorf("existing file: exit %d %s", code, stderr.String())
	}
	if !bytes.Equal(must(os.ReadFile(out)), first) {
		t.Error("the existing drawing was changed")
	}
	if code := runWith(append(args, "--timpa"), nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("--timpa: exit %d %s", code, stderr.String())
	}
	if !bytes.Equal(must(os.ReadFile(out)), first) {
		t.Error("two drawings of the same folder differ")
	}
}

// kaskade --triwulan 3 colours the examples' tree by their TW III
// reports: the summary counts each coloured PK's indicators per category
// and names the PKs without a report, the drawing says what it shows;
// a quarter outside 1..4 is a usage error; two reports of one PK and
// quarter exit 1 naming both, nothing drawn.
func TestKaskadeTriwulan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "pohon.pdf")
	var stdout, stderr bytes.Buffer
	if code := runWith([]string{"kaskade", "../../examples", "--tahun", "2024", "-o", out, "--triwulan", "3"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	ex := func(n string) string { return filepath.Join("../../examples", n) }
	for _, want := range []string{
		"\nCapaian s.d. triwulan 3 (warna indikator pada pohon):\n",
		"\n  " + ex("kabupaten-contoh-seksi-2024.toml") + " (realisasi " + ex("kabupaten-contoh-seksi-2024-tw3.toml") + "): 3 Tercapai, 1 Hampir tercapai, 1 Tidak tercapai\n",
		"\n  " + ex("kabupaten-contoh-dinas-kesehatan-2024.toml") + " (realisasi " + ex("kabupaten-contoh-dinas-kesehatan-2024-tw3.toml") + "): 2 Tercapai, 3 Hampir tercapai, 1 Tidak tercapai; 7 tanpa capaian\n",
		"\n  Tanpa realisasi triwulan 3: " + ex("kabupaten-contoh-bupati-2024.toml") + ", " + ex("kabupaten-contoh-dinas-pertanian-2024.toml") + "\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("no %q in\n%s", want, stdout.String())
		}
	}
	if strings.Contains(stdout.String(), "kota-contoh-renstra-2024.toml (realisasi") {
		t.Error("a standalone PK, not drawn, is counted")
	}
	text := testutil.PDFText(t, must(os.ReadFile(out)))
	for _, want := range []string{"CAPAIAN S.D. TRIWULAN III", "tanpa realisasi TW III", "Kategori capaian:"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the drawing", want)
		}
	}

	stdout.Reset()
	stderr.Reset()
	if code := runWith([]string{"kaskade", "../../examples", "--triwulan", "5"}, nil, &stdout, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "triwulan 5 tidak ada") {
		t.Errorf("--triwulan 5: exit %d %s", code, stderr.String())
	}

	two := t.TempDir()
	for _, n := range []string{"kabupaten-contoh-bidang-2024.toml", "kabupaten-contoh-seksi-2024.toml", "kabupaten-contoh-seksi-2024-tw3.toml"} {
		writeFile(t, two, n, must(os.ReadFile(ex(n))))
	}
	writeFile(t, two, "seksi-tw3-lagi.toml", must(os.ReadFile(ex("kabupaten-contoh-seksi-2024-tw3.toml"))))
	stdout.Reset()
	stderr.Reset()
	out = filepath.Join(two, "pohon.pdf")
	if code := runWith([]string{"kaskade", two, "-o", out, "--triwulan", "3"}, nil, &stdout, &stderr); code != exitInvalid ||
		!strings.Contains(stderr.String(), filepath.Join(two, "kabupaten-contoh-seksi-2024-tw3.toml")) ||
		!strings.Contains(stderr.String(), filepath.Join(two, "seksi-tw3-lagi.toml")) {
		t.Errorf("two reports: exit %d %s", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("drawn despite two reports")
	}
}
