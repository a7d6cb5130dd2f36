package templates

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// vrPihak and vrData mirror what render passes to the blocks; vrData also
// carries the fields of the small blocks ("nip", "halaman") so that every
// block can be executed with one value.
type vrPihak struct {
	Nama, GelarDepan, GelarBelakang, NIP, Jabatan, UnitKerja, Pangkat, Status string
}

type vrData struct {
	Tahun                                        int
	Jenis, Tempat, Tanggal, Kosong, TingkatJudul string
	PihakPertama, PihakKedua                     *vrPihak
	JumlahSasaran, JumlahIndikator               int
	TotalAnggaran                                string
	Perubahan                                    any // nil: an original PK
	// the "nip" and "halaman" blocks
	NIP             string
	Kelompok        bool
	Halaman, Jumlah int
}

func vrSample(total string) vrData {
	return vrData{
		Tahun: 2024, Jenis: "pk", Tempat: "Sukamulya", Tanggal: "1 Februari 2024", TingkatJudul: "PEJABAT ADMINISTRATOR",
		PihakPertama:  &vrPihak{Nama: "Hendra Saputra", Jabatan: "Kepala Bidang"},
		PihakKedua:    &vrPihak{Nama: "Ratna Wulandari", Jabatan: "Kepala Dinas"},
		JumlahSasaran: 3, JumlahIndikator: 7, TotalAnggaran: total,
		NIP: "197811022005011003", Halaman: 2, Jumlah: 3,
	}
}

// vrBlocks executes every {{define}} block of a set. A block that needs
// data vrData lacks (blocks for other parts of the document) gives its
// error text instead, to be compared like words.
func vrBlocks(s *Set, d vrData) map[string]string {
	out := map[string]string{}
	for _, tp := range s.text.Templates() {
		name := tp.Name()
		if strings.HasSuffix(name, ".tmpl") {
			continue // a file's top level, not a block
		}
		got, err := s.Text(name, d)
		if err != nil {
			got = "ERROR " + err.Error()
		}
		out[name] = got
	}
	return out
}

func TestVariantsChangeTheirWords(t *testing.T) {
	t.Parallel()
	// What each embedded variant must say; a new variant needs an entry.
	expect := map[string]struct {
		block    string
		want     []string
		not      []string
		otherDef []string // blocks the variant may change besides block
	}{
		"pihak-kesatu": {
			block: "janji", want: []string{"**PIHAK KESATU** berjanji"}, not: []string{"PERTAMA"},
			otherDef: []string{"nama_pertama", "sebutan_pertama", "sebutan_kedua", "peran_pertama",
				"janji_pusat", "janji/eselon-i", "janji/eselon-ii", "janji/unit-vertikal"},
		},
		"atasan-langsung": {
			block: "sebutan_kedua", want: []string{"selaku atasan langsung **PIHAK PERTAMA**", "selanjutnya disebut **PIHAK KEDUA**"},
		},
		"sebut-target": {
			block: "target_tahun",
			want:  []string{"Target kinerja tahun 2024 terdiri atas 3 sasaran dengan 7 indikator kinerja", "dengan anggaran sebesar Rp 5.822.325.500."},
		},
	}
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := vrSample("Rp 5.822.325.500")
	before := vrBlocks(base, d)
	variants := Variants()
	slices.Sort(variants)
	if len(variants) == 0 {
		t.Fatal("no embedded variants")
	}
	for _, v := range variants {
		t.Run(v, func(t *testing.T) {
			e, ok := expect[v]
			if !ok {
				t.Fatalf("variant %q has no expectation in this test", v)
			}
			s, err := loadNamed(v)
			if err != nil {
				t.Fatal(err)
			}
			after := vrBlocks(s, d)
			got := after[e.block]
			if strings.HasPrefix(got, "ERROR ") {
				t.Fatalf("%s: %s", e.block, got)
			}
			for _, w := range e.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s = %q, want it to contain %q", e.block, got, w)
				}
			}
			for _, w := range e.not {
				if strings.Contains(got, w) {
					t.Errorf("%s = %q, must not contain %q", e.block, got, w)
				}
			}
			if got == before[e.block] {
				t.Errorf("%s unchanged by the variant: %q", e.block, got)
			}
			// Nothing else changes: the titles, the date, the lampiran.
			for name, was := range before {
				if name == e.block || slices.Contains(e.otherDef, name) {
					continue
				}
				if after[name] != was {
					t.Errorf("block %s changed from %q to %q", name, was, after[name])
				}
			}
			if _, err := s.Lampiran("dki"); err != nil {
				t.Errorf("column sets lost: %v", err)
			}
		})
	}
	// The target sentence leaves out the budget when there is none, and
	// the default wording has no target sentence at all.
	s, _ := loadNamed("sebut-target")
	if got, _ := s.Text("target_tahun", vrSample("")); strings.Contains(got, "anggaran") || !strings.HasSuffix(got, "lampiran perjanjian ini.") {
		t.Errorf("target sentence without a budget: %q", got)
	}
	if before["target_tahun"] != "" {
		t.Errorf("default target_tahun = %q, want empty", before["target_tahun"])
	}
}

func TestVariantsCombine(t *testing.T) {
	t.Parallel()
	s, err := loadNamed("pihak-kesatu", "atasan-langsung")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Text("sebutan_kedua", vrSample(""))
	if err != nil {
		t.Fatal(err)
	}
	if want := "selaku atasan langsung **PIHAK KESATU**, selanjutnya disebut **PIHAK KEDUA**"; got != want {
		t.Errorf("sebutan_kedua = %q, want %q", got, want)
	}
	if _, err := loadNamed("tidak-ada"); err == nil || !strings.Contains(err.Error(), "pihak-kesatu") {
		t.Errorf("unknown variant: %v, want the list of variants", err)
	}
}

func TestVariantsUserFileOverrides(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "kata-unit.tmpl")
	testutil.WriteFile(t, file, []byte(`{{define "nama_pertama"}}PIHAK SATU{{end}}
{{define "pengawasan"}}**{{template "nama_kedua" .}}** membina **{{template "nama_pertama" .}}** sepanjang tahun {{.Tahun}}.{{end}}
`))
	d := vrSample("")
	// A file after a variant wins over it; the variant's other blocks stay.
	s, err := loadNamed("pihak-kesatu", "atasan-langsung", file)
	if err != nil {
		t.Fatal(err)
	}
	for block, want := range map[string]string{
		"pengawasan":    "**PIHAK KEDUA** membina **PIHAK SATU** sepanjang tahun 2024.",
		"sebutan_kedua": "selaku atasan langsung **PIHAK SATU**, selanjutnya disebut **PIHAK KEDUA**",
		"pembuka":       "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
	} {
		if got, err := s.Text(block, d); err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", block, got, err, want)
		}
	}
	// A variant after the file wins over the file.
	s, err = loadNamed(file, "pihak-kesatu")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Text("peran_pertama", d); got != "PIHAK KESATU," {
		t.Errorf("peran_pertama = %q, want the later variant's", got)
	}
}

func TestVariantsUnknownVariable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "kata-salah.tmpl")
	testutil.WriteFile(t, file, []byte("{{/* kata-kata unit */}}\n\n{{define \"janji\"}}Anggaran tahun {{.TahunAnggaran}}.{{end}}\n"))
	s, err := loadNamed(file)
	if err != nil {
		t.Fatalf("a template with an unknown field parses; it fails when executed: %v", err)
	}
	_, err = s.Text("janji", vrSample(""))
	if err == nil {
		t.Fatal("unknown variable executed without error")
	}
	for _, want := range []string{"kata-salah.tmpl:3", "TahunAnggaran"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	// Blocks the file does not touch still work.
	if got, err := s.Text("label_nama", vrSample("")); err != nil || got != "Nama" {
		t.Errorf("label_nama = %q, %v", got, err)
	}
}
