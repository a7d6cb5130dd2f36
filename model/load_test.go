package model

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// TestInvalidCorpus parses every testdata/invalid/NAME.toml and compares the
// problems, one Problem.String() a line, with NAME.golden. Files named
// peringatan*.toml hold warnings only and must still load. latin1.toml is
// a valid document saved as Windows-1252; the binary files come from
// binaryCorpus.
func TestInvalidCorpus(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/invalid/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, probs := Parse(file, data)
			var got bytes.Buffer
			for _, p := range probs {
				got.WriteString(p.String())
				got.WriteByte('\n')
			}
			golden := strings.TrimSuffix(file, ".toml") + ".golden"
			testutil.Golden(t, golden, got.Bytes())

			if len(probs) == 0 {
				t.Fatal("a corpus file must produce at least one problem")
			}
			errs := probs.Errors()
			if (doc == nil) != (len(errs) > 0) {
				t.Errorf("doc nil = %v with %d errors", doc == nil, len(errs))
			}
			if strings.HasPrefix(name, "peringatan") {
				if doc == nil || len(errs) > 0 {
					t.Errorf("a warnings-only file must load: errors %v", errs)
				}
			} else if len(errs) == 0 {
				t.Errorf("expected at least one error")
			}
			checkProblems(t, file, probs)
		})
	}
}

// checkProblems asserts what holds for every problem list: each message is
// about this file, non-empty, and listed in line order (unlocated last).
func checkProblems(t *testing.T, file string, probs Problems) {
	t.Helper()
	last, unlocated := 0, false
	for _, p := range probs {
		if p.File != file || p.Msg == "" {
			t.Errorf("bad problem %#v", p)
		}
		switch {
		case p.Line == 0:
			unlocated = true
		case unlocated || p.Line < last:
			t.Errorf("problems out of line order at %s", p)
		default:
			last = p.Line
		}
	}
}

// binaryCorpus returns the random-looking corpus files, from a fixed seed:
// one with NUL bytes, one without.
func binaryCorpus() map[string][]byte {
	r := rand.New(rand.NewPCG(20230215, 1))
	nul := make([]byte, 512)
	for i := range nul {
		nul[i] = byte(r.IntN(256))
	}
	nul[300] = 0 // whatever the seed gives
	other := make([]byte, 512)
	for i := range other {
		other[i] = byte(1 + r.IntN(255))
	}
	return map[string][]byte{
		"testdata/invalid/biner-nul.toml":       nul,
		"testdata/invalid/biner-tanpa-nul.toml": other,
	}
}

func TestBinaryCorpus(t *testing.T) {
	t.Parallel()
	for path, want := range binaryCorpus() {
		testutil.Golden(t, path, want)
	}
}

func TestParseTooBig(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("# "+strings.Repeat("x", 1021)+"\n"), int(MaxBytes>>10)+1) // 1 kB of comments over the limit
	doc, probs := Parse("besar.toml", data)
	if doc != nil || len(probs) != 1 || !strings.Contains(probs[0].Msg, "berkas terlalu besar") {
		t.Fatalf("got doc %v, problems %v", doc != nil, probs)
	}
	if got, want := probs[0].String(), "besar.toml: berkas terlalu besar (lebih dari 32 MB); sebuah PK biasanya kurang dari 1 MB"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	doc, probs, err := loadPath("testdata/invalid/peringatan.toml")
	if err != nil || doc == nil || len(probs.Errors()) != 0 || len(probs.Warnings()) == 0 {
		t.Fatalf("Load: doc %v, problems %v, err %v", doc != nil, probs, err)
	}
	if doc.File != "testdata/invalid/peringatan.toml" {
		t.Errorf("File = %q", doc.File)
	}
	if _, _, err := loadPath("testdata/invalid/tidak-ada.toml"); err == nil {
		t.Error("Load of a missing file: no error")
	}
	doc, probs, err = loadPath("testdata/invalid/tanpa-tahun.toml")
	if err != nil || doc != nil || len(probs.Errors()) == 0 {
		t.Errorf("Load of an invalid file: doc %v, problems %v, err %v", doc != nil, probs, err)
	}
}

func TestLoadTooBig(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "besar.toml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("#\n"), int(MaxBytes/2)+1), 0o644); err != nil {
		t.Fatal(err)
	}
	// Load refuses before reading past the limit, with the limit in words.
	doc, probs, err := loadPath(path)
	if err == nil || doc != nil || len(probs) != 0 || !strings.Contains(err.Error(), "berkas lebih dari 32 MB, batas untuk berkas TOML") {
		t.Fatalf("Load: doc %v, problems %v, err %v", doc != nil, probs, err)
	}
}

func TestProblemsError(t *testing.T) {
	t.Parallel()
	ps := Problems{
		{File: "a.toml", Line: 3, Path: "tahun", Msg: "salah"},
		{File: "a.toml", Line: 1, Path: "pihak_kedua", Msg: "hati-hati", Severity: Peringatan},
		{File: "a.toml", Msg: "berkas kosong"},
	}
	if got, want := ps.Error(), "a.toml:3: tahun: salah\na.toml: berkas kosong"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := ps[1].String(), "a.toml:1: peringatan: pihak_kedua: hati-hati"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if len(ps.Errors()) != 2 || len(ps.Warnings()) != 1 {
		t.Errorf("Errors/Warnings split wrong")
	}
	ps.sortByLine()
	var lines []int
	for _, p := range ps {
		lines = append(lines, p.Line)
	}
	if lines[0] != 1 || lines[1] != 3 || lines[2] != 0 {
		t.Errorf("sortByLine: %v", lines)
	}
}
