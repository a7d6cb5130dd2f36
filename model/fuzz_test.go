package model

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse checks what holds for any input: Parse does not panic; a nil
// document comes with an error, a document comes without one and is
// numbered; every problem names its file, says something and lies within
// the file; problems come in line order; and the result does not depend
// on map order.
//
//	go test ./model -run XXX -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	for _, p := range []string{
		examplePath,
		"testdata/invalid/banyak-masalah.toml",
		"testdata/invalid/peringatan.toml",
		"testdata/invalid/peringatan-lain.toml",
		"testdata/invalid/kelompok-terpisah.toml",
		"testdata/invalid/tahunan-jumlah.toml",
		"testdata/invalid/sintaks-teks-panjang.toml",
		"testdata/invalid/biner-nul.toml",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(""))
	f.Add([]byte("tahun = 2023\n[[sasaran]]\n[[sasaran.indikator]]\ntarget = { tw1 = \"(3) WTP\", tahunan = \"A (82)\" }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, probs := Parse("fuzz.toml", data)
		errs := probs.Errors()
		if doc == nil && len(errs) == 0 {
			t.Fatalf("nil document without an error; problems %v", probs)
		}
		checkProblems(t, "fuzz.toml", probs) // named, non-empty, in line order
		lines := 1 + bytes.Count(data, []byte("\n"))
		for _, p := range probs {
			if p.Line > lines {
				t.Fatalf("problem on line %d of %d: %v", p.Line, lines, p)
			}
		}
		if doc != nil {
			if len(errs) > 0 {
				t.Fatalf("document with errors %v", errs)
			}
			if len(doc.Sasaran) == 0 {
				t.Fatal("document without sasaran")
			}
			for i, s := range doc.Sasaran {
				if s.Nomor != i+1 {
					t.Fatalf("sasaran %d numbered %d", i+1, s.Nomor)
				}
				if len(s.Indikator) == 0 {
					t.Fatalf("sasaran %d without indikator", s.Nomor)
				}
				for j, in := range s.Indikator {
					if in.Nomor != j+1 {
						t.Fatalf("sasaran %d indikator %d numbered %d", s.Nomor, j+1, in.Nomor)
					}
					if in.Target.Tahunan.Jenis == Kosong || in.Target.Tahunan.Jenis == NA {
						t.Fatalf("sasaran %d indikator %d without an annual target", s.Nomor, in.Nomor)
					}
				}
			}
			n := 0
			for _, k := range doc.Kelompok() {
				n += len(k.Sasaran)
			}
			if n != len(doc.Sasaran) {
				t.Fatalf("groups hold %d of %d sasaran", n, len(doc.Sasaran))
			}
		}
		_, again := Parse("fuzz.toml", data)
		if !sameProblems(probs, again) {
			t.Fatalf("Parse is not deterministic:\n%v\n%v", probs, again)
		}
	})
}
