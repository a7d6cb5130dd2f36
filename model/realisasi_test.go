package model

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// TestRealisasiCorpus loads every testdata/realisasi/NAME.toml (with the
// PK it names, under testdata/realisasi/pk) and compares the problems, one
// Problem.String() a line, with NAME.golden. Files named sah*.toml and
// peringatan*.toml must load; the others must fail with at least one error.
//
//	go test ./model -run TestRealisasiCorpus -update
func TestRealisasiCorpus(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/realisasi/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			lap, probs, err := loadRealisasiPath(file)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			for _, p := range probs {
				got.WriteString(p.String())
				got.WriteByte('\n')
			}
			golden := strings.TrimSuffix(file, ".toml") + ".golden"
			testutil.Golden(t, golden, got.Bytes())
			errs := probs.Errors()
			if (lap == nil) != (len(errs) > 0) {
				t.Errorf("laporan nil = %v with %d errors", lap == nil, len(errs))
			}
			switch {
			case strings.HasPrefix(name, "sah"):
				if len(probs) != 0 {
					t.Errorf("a sah file has no problems: %v", probs)
				}
			case strings.HasPrefix(name, "peringatan"):
				if lap == nil || len(errs) > 0 || len(probs) == 0 {
					t.Errorf("a peringatan file loads with warnings only: %v", probs)
				}
			case len(errs) == 0:
				t.Errorf("expected at least one error")
			}
			// Each file's messages are in line order, the PK's first.
			byFile := map[string]Problems{}
			var order []string
			for _, p := range probs {
				if _, ok := byFile[p.File]; !ok {
					order = append(order, p.File)
				}
				byFile[p.File] = append(byFile[p.File], p)
				if p.Msg == "" {
					t.Errorf("empty message %#v", p)
				}
			}
			for _, f := range order {
				checkProblems(t, f, byFile[f])
			}
			if len(order) > 1 && order[len(order)-1] != file {
				t.Errorf("the realisasi file's problems come last: %v", order)
			}
		})
	}
}

func TestLoadRealisasiMissingFile(t *testing.T) {
	t.Parallel()
	_, _, err := loadRealisasiPath("testdata/realisasi/tidak-ada.toml")
	if err == nil {
		t.Fatal("no error for a missing realisasi file")
	}
}

// TestRealisasiSah checks what the valid corpus file decodes to.
func TestRealisasiSah(t *testing.T) {
	t.Parallel()
	lap, probs, err := loadRealisasiPath("testdata/realisasi/sah.toml")
	if err != nil || lap == nil || len(probs) > 0 {
		t.Fatalf("LoadRealisasi: %v %v", err, probs)
	}
	if lap.Triwulan != 3 || lap.Tahun != 2023 || lap.PK != "pk/pk.toml" || lap.Dokumen == nil || lap.File != "testdata/realisasi/sah.toml" {
		t.Errorf("laporan %+v", lap)
	}
	if got := len(lap.Realisasi); got != 7 {
		t.Fatalf("%d realisasi, want 7", got)
	}
	ri := lap.Find("K-PERSEN")
	if ri == nil || ri.Kendala != "Rekomendasi menunggu penyetoran pihak ketiga." ||
		ri.Upaya != "1. Surat penagihan kepada pihak ketiga.\n2. Rapat pemantauan bulanan." {
		t.Errorf("K-PERSEN %+v", ri)
	}
	if !ri.TW[1].Sama(Nilai{Jenis: Persen, Angka: dec(275, 1)}) || ri.TW[3].Jenis != Kosong {
		t.Errorf("K-PERSEN tw %+v", ri.TW)
	}
	if tl := lap.Find("K-PREDIKAT").TahunLalu; tl.Label != "BB" || tl.Angka != dec(789, 1) {
		t.Errorf("tahun_lalu %+v", tl)
	}
	if lap.Find("IK-01") != nil {
		t.Error("Cari found an unknown kode")
	}
	var nilLap *Laporan
	if nilLap.Find("K-ANGKA") != nil {
		t.Error("Cari on nil")
	}
}

// TestParseRealisasiAgainstDoc validates against a document given in code;
// the pk key is then only read, not loaded.
func TestParseRealisasiAgainstDoc(t *testing.T) {
	t.Parallel()
	doc, probs := Parse("v.toml", []byte(pkHead+sas("A", "S",
		ind("IK-01", "Indeks", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`))))
	if doc == nil {
		t.Fatal(probs)
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"ok", "pk = \"x.toml\"\ntriwulan = 2\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw1 = 1, tw2 = 2.5 }\n", nil},
		{"table form", "pk = \"x.toml\"\ntriwulan = 1\n[[realisasi]]\nkode = \"IK-01\"\n[realisasi.tw]\ntw1 = 0.5\n", nil},
		{"missing quarter", "pk = \"x.toml\"\ntriwulan = 2\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw2 = 2 }\n",
			[]string{`r.toml:3: peringatan: realisasi[1]: realisasi TW I indikator IK-01 belum diisi; tulis nilainya di tw = { ... } atau "N/A"`}},
		{"not reported", "pk = \"x.toml\"\ntriwulan = 4\n[[realisasi]]\nkode = \"IK-01\"\nkendala = \"x\"\n",
			[]string{`r.toml:3: peringatan: realisasi[1]: realisasi TW I, TW II, TW III, TW IV indikator IK-01 belum diisi; tulis nilainya di tw = { ... } atau "N/A"`}},
		{"kode case", "pk = \"x.toml\"\ntriwulan = 1\n[[realisasi]]\nkode = \"ik-01\"\ntw = { tw1 = 1 }\n",
			[]string{`r.toml:4: realisasi[1].kode: kode "ik-01" tidak ada di PK x.toml; maksud Anda "IK-01"?`,
				`r.toml: peringatan: belum ada realisasi untuk 1 indikator yang diukur s.d. TW I: IK-01`}},
		{"percent for number", "pk = \"x.toml\"\ntriwulan = 1\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw1 = \"95%\" }\n",
			[]string{`r.toml:5: realisasi[1].tw.tw1: jenis realisasi salah: "95%" adalah persen, target indikator IK-01 berjenis angka (1); tulis angka tanpa tanda kutip, mis. 1`}},
		{"no pk", "triwulan = 1\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw1 = 1 }\n",
			[]string{`r.toml: pk: wajib diisi (teks)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lap, probs := ParseRealisasi("r.toml", []byte(tt.src), doc)
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			if (lap == nil) != (len(probs.Errors()) > 0) {
				t.Errorf("laporan nil = %v with errors %v", lap == nil, probs.Errors())
			}
			if lap != nil && lap.Dokumen != doc {
				t.Error("the laporan does not carry the document")
			}
		})
	}
}

// TestExampleTW3Loads: the example realisasi loads with the PK's own
// warnings only, and reports every indicator measured up to TW III.
func TestExampleTW3Loads(t *testing.T) {
	t.Parallel()
	lap, probs, err := loadRealisasiPath(testutil.Example(t, "jakarta-pusat-2023-tw3.toml"))
	if err != nil || lap == nil {
		t.Fatalf("LoadRealisasi: %v %v", err, probs)
	}
	for _, p := range probs {
		if p.Severity != Peringatan || p.File != "jakarta-pusat-2023.toml" {
			t.Errorf("unexpected problem %s", p)
		}
	}
	if len(probs) != 4 {
		t.Errorf("%d problems, want the PK's 4 warnings", len(probs))
	}
	if lap.Triwulan != 3 || lap.Dokumen == nil || lap.Dokumen.JumlahIndikator() != 28 {
		t.Fatalf("laporan %+v", lap)
	}
}

// FuzzParseRealisasi checks that no input panics and that the result obeys
// the loader's contract, against the corpus PK.
//
//	go test ./model -run XXX -fuzz FuzzParseRealisasi -fuzztime 60s
func FuzzParseRealisasi(f *testing.F) {
	doc, probs, err := loadPath("testdata/realisasi/pk/pk.toml")
	if err != nil || doc == nil {
		f.Fatal(err, probs)
	}
	files, _ := filepath.Glob("testdata/realisasi/*.toml")
	files = append(files, testutil.Example(f, "jakarta-pusat-2023-tw3.toml"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lap, probs := ParseRealisasi("fuzz.toml", data, doc)
		if (lap == nil) != (len(probs.Errors()) > 0) {
			t.Fatalf("laporan nil = %v with errors %v", lap == nil, probs.Errors())
		}
		checkProblems(t, "fuzz.toml", probs)
		lines := 1 + bytes.Count(data, []byte("\n"))
		for _, p := range probs {
			if p.Line > lines {
				t.Fatalf("problem on line %d of %d: %v", p.Line, lines, p)
			}
		}
		if lap != nil {
			if lap.Triwulan < 1 || lap.Triwulan > 4 {
				t.Fatalf("triwulan %d", lap.Triwulan)
			}
			rows, err := ComputeCapaian(doc, lap)
			if err != nil || len(rows) != doc.JumlahIndikator() {
				t.Fatalf("ComputeCapaian: %d rows, %v", len(rows), err)
			}
			for _, r := range rows {
				for _, c := range []Capaian{r.Capaian, r.CapaianSD, r.CapaianTahunan} {
					if c.Ada() != (c.Persen(2) != "") {
						t.Fatalf("capaian %+v", c)
					}
				}
			}
		}
		_, again := ParseRealisasi("fuzz.toml", data, doc)
		if !sameProblems(probs, again) {
			t.Fatalf("ParseRealisasi is not deterministic:\n%v\n%v", probs, again)
		}
	})
}
