package model

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/internal/testutil"
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
		testutil.Example(f, "jakarta-pusat-2023.toml"),
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

// The folder FuzzLoadFolder loads: a PK, an amendment of it, and a
// realisasi report on the amendment.
const (
	fuzzPK        = "pk.toml"
	fuzzPerubahan = "pk-perubahan.toml"
	fuzzRealisasi = "realisasi.toml"
)

// FuzzLoadFolder runs the whole check path on three files in an in-memory
// folder: Load of the PK and of its amendment (which loads the PK again),
// LoadRealisasi of the report (which loads the amendment and the PK), the
// character check and ComputeCapaian. What holds for any input: no panic, no read
// error, a nil result exactly when there are errors, every problem named
// after a file of the folder, non-empty and within that file's lines, and
// the same problems on a second run.
//
//	go test ./model -run XXX -fuzz FuzzLoadFolder -fuzztime 10m -parallel 1
func FuzzLoadFolder(f *testing.F) {
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		return data
	}
	retarget := func(data []byte, key, from, to string) []byte {
		return bytes.Replace(data, []byte(key+" = \""+from+"\""), []byte(key+" = \""+to+"\""), 1)
	}
	small := pkSrc("", "Walikota Lama", asalInd)
	smallAmended := strings.Replace(pkSrc(perubahanHeader, "Walikota Lama", baruInd), "asal.toml", fuzzPK, 1)
	smallReport := "pk = \"" + fuzzPerubahan + "\"\ntriwulan = 3\n\n[[realisasi]]\nkode = \"A\"\ntw = { tw1 = 10, tw2 = 20, tw3 = 36 }\nkendala = '''\nHujan\n'''\n"
	f.Add([]byte(small), []byte(smallAmended), []byte(smallReport))
	f.Add(read(testutil.Example(f, "jakarta-pusat-2023.toml")),
		retarget(read(testutil.Example(f, "jakarta-pusat-2023-perubahan-1.toml")), "mengubah", "jakarta-pusat-2023.toml", fuzzPK),
		retarget(read(testutil.Example(f, "jakarta-pusat-2023-perubahan-1-tw4.toml")), "pk", "jakarta-pusat-2023-perubahan-1.toml", fuzzPerubahan))
	// Nesting and long keys at and past the limits, in each file.
	deep := func(n int) string { return "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }
	inline := func(n int) string { return "x = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n" }
	key := func(n int) string { return strings.Repeat("a.", n-1) + "a = 1\n" }
	header := func(n int) string { return "[" + strings.Repeat("t.", n-1) + "t]\nx = 1\n" }
	for _, shape := range []string{deep(MaxDepth), deep(MaxDepth + 1), inline(MaxDepth + 1), key(MaxKeyParts + 1), header(MaxKeyParts + 1), header(MaxKeyParts)} {
		f.Add([]byte(shape+small), []byte(smallAmended), []byte(smallReport))
		f.Add([]byte(small), []byte(smallAmended+"\n"+shape), []byte(smallReport))
		f.Add([]byte(small), []byte(smallAmended), []byte(shape+smallReport))
	}
	f.Add([]byte(small), []byte(strings.Replace(smallAmended, "tahun = 2023", "tahun = 2023\ntempat = Jakarta\ntanggal = 2023-02-30", 1)), []byte(smallReport+"kode = \"B\n"))

	f.Fuzz(func(t *testing.T, pk, perubahan, realisasi []byte) {
		fsys := fstest.MapFS{
			fuzzPK:        {Data: pk},
			fuzzPerubahan: {Data: perubahan},
			fuzzRealisasi: {Data: realisasi},
		}
		lines := map[string]int{}
		for name, file := range fsys {
			lines[name] = 1 + bytes.Count(file.Data, []byte("\n"))
		}
		check := func(what string, probs Problems) {
			for _, p := range probs {
				n, ok := lines[p.File]
				if !ok || p.Msg == "" || p.Line < 0 || p.Line > n {
					t.Fatalf("%s: bad problem %#v (file of %d lines)", what, p, n)
				}
			}
		}
		for _, name := range []string{fuzzPK, fuzzPerubahan} {
			doc, probs, err := Load(fsys, name)
			if err != nil {
				t.Fatalf("Load %s: %v", name, err)
			}
			if (doc == nil) != (len(probs.Errors()) > 0) {
				t.Fatalf("Load %s: document %v with errors %v", name, doc != nil, probs.Errors())
			}
			check("Load "+name, probs)
			if doc != nil {
				check("CheckCharacters "+name, CheckCharacters(doc, "Liberation Sans", latinOnly))
			}
			_, again, _ := Load(fsys, name)
			if !sameProblems(probs, again) {
				t.Fatalf("Load %s is not deterministic:\n%v\n%v", name, probs, again)
			}
		}
		lap, probs, err := LoadRealisasi(fsys, fuzzRealisasi)
		if err != nil {
			t.Fatalf("LoadRealisasi: %v", err)
		}
		if (lap == nil) != (len(probs.Errors()) > 0) {
			t.Fatalf("LoadRealisasi: report %v with errors %v", lap != nil, probs.Errors())
		}
		check("LoadRealisasi", probs)
		if lap != nil {
			if lap.Dokumen == nil {
				t.Fatal("a report without its PK")
			}
			check("CheckCharactersRealisasi", CheckCharactersRealisasi(lap, "Liberation Sans", latinOnly))
			rows, err := ComputeCapaian(lap.Dokumen, lap)
			if err != nil {
				t.Fatalf("ComputeCapaian: %v", err)
			}
			if len(rows) != lap.Dokumen.VersiBerlaku(lap.Triwulan).JumlahIndikator() {
				t.Fatalf("%d rows", len(rows))
			}
		}
		_, again, _ := LoadRealisasi(fsys, fuzzRealisasi)
		if !sameProblems(probs, again) {
			t.Fatalf("LoadRealisasi is not deterministic:\n%v\n%v", probs, again)
		}
	})
}
