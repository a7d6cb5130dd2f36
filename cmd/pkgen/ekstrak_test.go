package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render/pdf/pdfacheck"
)

// ekstrakTo runs pkgen ekstrak into dir and returns the files written
// there (relative, slash-separated) with their contents.
func ekstrakTo(t *testing.T, pdfPath, dir string) map[string][]byte {
	t.Helper()
	code, stdout, stderr := runCLI("ekstrak", pdfPath, "-d", dir)
	if code != exitOK {
		t.Fatalf("ekstrak: exit %d\n%s%s", code, stdout, stderr)
	}
	got := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = must(os.ReadFile(p))
		}
		return nil
	})
	return got
}

func writePDF(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ttd.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantFiles compares extracted files with the originals, by name.
func wantFiles(t *testing.T, got map[string][]byte, want map[string]string) {
	t.Helper()
	var names []string
	for n := range got {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(got) != len(want) {
		t.Fatalf("extracted %q, want %d files", names, len(want))
	}
	for name, orig := range want {
		if !bytes.Equal(got[name], must(os.ReadFile(orig))) {
			t.Errorf("%s: extracted bytes differ from %s (extracted %q)", name, orig, names)
		}
	}
}

// render → ekstrak gives back the TOML files byte for byte: the seed, an
// amendment with the version it amends, and capaian annexes with their
// realisasi file and PK chain.
func TestEkstrakRoundTrip(t *testing.T) {
	const ex = "../../examples/"
	t.Run("seed", func(t *testing.T) {
		got := ekstrakTo(t, writePDF(t, renderFile(t, example)), t.TempDir())
		wantFiles(t, got, map[string]string{"jakarta-pusat-2023.toml": example})
	})
	t.Run("perubahan", func(t *testing.T) {
		in := ex + "jakarta-pusat-2023-perubahan-1.toml"
		dir := t.TempDir()
		got := ekstrakTo(t, writePDF(t, renderFile(t, in)), dir)
		wantFiles(t, got, map[string]string{
			"jakarta-pusat-2023-perubahan-1.toml": in,
			"jakarta-pusat-2023.toml":             example,
		})
		// The amendment starts again from the signed PDF alone: the
		// extracted chain loads and renders to the same bytes.
		again := renderFile(t, filepath.Join(dir, "jakarta-pusat-2023-perubahan-1.toml"))
		if !bytes.Equal(again, renderFile(t, in)) {
			t.Error("the extracted amendment renders differently")
		}
	})
	for _, c := range []struct {
		name string
		want map[string]string
	}{
		{"jakarta-pusat-2023-tw3.toml", map[string]string{"jakarta-pusat-2023-tw3.toml": ex + "jakarta-pusat-2023-tw3.toml", "jakarta-pusat-2023.toml": example}},
		{"jakarta-pusat-2023-perubahan-1-tw4.toml", map[string]string{
			"jakarta-pusat-2023-perubahan-1-tw4.toml": ex + "jakarta-pusat-2023-perubahan-1-tw4.toml",
			"jakarta-pusat-2023-perubahan-1.toml":     ex + "jakarta-pusat-2023-perubahan-1.toml",
			"jakarta-pusat-2023.toml":                 example,
		}},
	} {
		t.Run("capaian/"+c.name, func(t *testing.T) {
			got := ekstrakTo(t, writePDF(t, capaianFile(t, ex+c.name, "--ttd")), t.TempDir())
			wantFiles(t, got, c.want)
		})
	}
	t.Run("pdfa=none", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "biasa.pdf")
		if code, _, stderr := runCLI("render", example, "-o", out, "--pdfa=none"); code != exitOK {
			t.Fatal(stderr)
		}
		code, _, stderr := runCLI("ekstrak", out, "-d", t.TempDir())
		if code != exitOK || !strings.Contains(stderr, "MD5") {
			t.Errorf("ekstrak of a plain PDF: exit %d, %q", code, stderr)
		}
	})
}

// Sources in other folders keep their relative places, so an amendment
// naming ../2023/pk.toml still finds it after extraction.
func TestEkstrakFolders(t *testing.T) {
	root := t.TempDir()
	seed := seedTOML(t)
	writeFile(t, filepath.Join(root, "2023"), "pk.toml", seed)
	amend := must(os.ReadFile("../../examples/jakarta-pusat-2023-perubahan-1.toml"))
	amend = bytes.Replace(amend, []byte(`mengubah = "jakarta-pusat-2023.toml"`), []byte(`mengubah = "../2023/pk.toml"`), 1)
	if !bytes.Contains(amend, []byte("../2023/pk.toml")) {
		t.Fatal("example amendment without its mengubah line")
	}
	in := writeFile(t, filepath.Join(root, "perubahan"), "pk-p1.toml", amend)
	dir := t.TempDir()
	// The amendment refers to a folder beside its own: the root is their
	// common folder.
	pdfPath := filepath.Join(t.TempDir(), "p1.pdf")
	if code, _, errOut := runCLI("render", in, "-o", pdfPath, "--akar", root); code != exitOK {
		t.Fatalf("render --akar: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI("render", in, "-o", filepath.Join(t.TempDir(), "x.pdf")); code != exitInvalid || !strings.Contains(errOut, "keluar dari folder akar") {
		t.Errorf("render without --akar: exit %d: %s", code, errOut)
	}
	got := ekstrakTo(t, pdfPath, dir)
	if !bytes.Equal(got["2023/pk.toml"], seed) || !bytes.Equal(got["perubahan/pk-p1.toml"], amend) || len(got) != 2 {
		t.Fatalf("extracted %d files: %v", len(got), slices.Sorted(maps.Keys(got)))
	}
	if code, _, stderr := runCLI("check", filepath.Join(dir, "perubahan", "pk-p1.toml"), "--akar", dir); code != exitOK {
		t.Errorf("extracted amendment does not load: %s", stderr)
	}
}

// ekstrak never overwrites, checks the SHA-256 of the XMP, and writes
// nothing when anything is wrong.
func TestEkstrakRefuses(t *testing.T) {
	b := renderFile(t, "../../examples/jakarta-pusat-2023-perubahan-1.toml")
	src := writePDF(t, b)

	dir := t.TempDir()
	writeFile(t, dir, "jakarta-pusat-2023.toml", []byte("punya saya"))
	code, _, stderr := runCLI("ekstrak", src, "-d", dir)
	if code != exitInvalid || !strings.Contains(stderr, "sudah ada") {
		t.Errorf("existing file: exit %d, %q", code, stderr)
	}
	if string(must(os.ReadFile(filepath.Join(dir, "jakarta-pusat-2023.toml")))) != "punya saya" {
		t.Error("existing file overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "jakarta-pusat-2023-perubahan-1.toml")); err == nil {
		t.Error("other file written although one exists")
	}

	// A recorded hash that does not match: one hex digit changed.
	sum := regexp.MustCompile(`<pkgenBerkas:sha256>([0-9a-f])`).FindSubmatchIndex(b)
	if sum == nil {
		t.Fatal("no pkgenBerkas:sha256 in the XMP")
	}
	bad := slices.Clone(b)
	if bad[sum[2]] == '0' {
		bad[sum[2]] = '1'
	} else {
		bad[sum[2]] = '0'
	}
	dir = t.TempDir()
	code, _, stderr = runCLI("ekstrak", writePDF(t, bad), "-d", dir)
	if code != exitInvalid || !strings.Contains(stderr, "SHA-256") {
		t.Errorf("tampered hash: exit %d, %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("wrote %d files from a tampered PDF", len(entries))
	}

	for name, data := range map[string][]byte{
		"bukan PDF":     []byte("tahun = 2023\n"),
		"tanpa sumber":  lkipPDF(t),
		"PDF terpotong": b[:len(b)/3],
	} {
		code, _, stderr := runCLI("ekstrak", writePDF(t, data), "-d", t.TempDir())
		if code != exitInvalid || stderr == "" {
			t.Errorf("%s: exit %d, %q", name, code, stderr)
		}
	}
	if code, _, _ := runCLI("ekstrak"); code != exitUsage {
		t.Errorf("no file: exit %d", code)
	}
	if code, _, _ := runCLI("ekstrak", src, src); code != exitUsage {
		t.Errorf("two files: exit %d", code)
	}
}

// An annex appended to an LKIP is not PDF/A, but still carries its
// sources.
func TestEkstrakLampirkan(t *testing.T) {
	dir := t.TempDir()
	lkip := writeFile(t, dir, "lkip.pdf", lkipPDF(t))
	out := filepath.Join(dir, "gabung.pdf")
	in := "../../examples/jakarta-pusat-2023-tw3.toml"
	if code, _, stderr := runCLI("capaian", in, "--lampirkan-ke", lkip, "-o", out); code != exitOK {
		t.Fatal(stderr)
	}
	testutil.ValidateStrict(t, must(os.ReadFile(out)))
	got := ekstrakTo(t, out, t.TempDir())
	wantFiles(t, got, map[string]string{"jakarta-pusat-2023-tw3.toml": in, "jakarta-pusat-2023.toml": example})
}

// The structural PDF/A checker passes on every example, PKs through render
// and realisasi reports through capaian, and fails on the same documents
// made with --pdfa=none.
func TestPDFAEveryExample(t *testing.T) {
	examples, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, ex := range examples {
		t.Run(filepath.Base(ex), func(t *testing.T) {
			var b, plain []byte
			if model.IsRealisasi(testutil.ReadFile(t, ex)) {
				b = capaianFile(t, ex, "--ttd")
				plain = capaianFile(t, ex, "--ttd", "--pdfa=none")
			} else {
				b = renderFile(t, ex)
				out := filepath.Join(t.TempDir(), "biasa.pdf")
				if code, _, stderr := runCLI("render", ex, "-o", out, "--pdfa", "none"); code != exitOK {
					t.Fatal(stderr)
				}
				plain = must(os.ReadFile(out))
			}
			r := pdfacheck.Check(b)
			for _, p := range r.Problems {
				t.Errorf("PDF/A: %s", p)
			}
			if len(r.Sources) < 1 {
				t.Errorf("XMP lists no sources")
			}
			got := pdfacheck.Check(plain).Rules()
			for _, rule := range []string{pdfacheck.RuleXMP, pdfacheck.RulePDFAID, pdfacheck.RuleDates,
				pdfacheck.RuleOutputIntent, pdfacheck.RuleID, pdfacheck.RuleEmbedded} {
				if !slices.Contains(got, rule) {
					t.Errorf("--pdfa=none passes rule %s (failed: %v)", rule, got)
				}
			}
		})
	}
}

func TestPDFAFlag(t *testing.T) {
	if code, _, stderr := runCLI("render", example, "-o", filepath.Join(t.TempDir(), "x.pdf"), "--pdfa=2u"); code != exitUsage || !strings.Contains(stderr, "3b") {
		t.Errorf("--pdfa=2u: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI("render", example, "-o", filepath.Join(t.TempDir(), "x.pdf"), "--jangkar", "#"); code != exitUsage || !strings.Contains(stderr, "--tte") {
		t.Errorf("--jangkar without --tte: exit %d, %q", code, stderr)
	}
}
