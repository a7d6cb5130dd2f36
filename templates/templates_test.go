package templates

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

type data struct {
	Jenis, Tempat, Tanggal, Kosong, TingkatJudul string
	Tahun                                        int
	PihakKedua                                   bool
	Perubahan                                    *struct{ Ke int }
}

func TestDefaultWords(t *testing.T) {
	t.Parallel()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		block string
		d     data
		want  string
	}{
		{"judul", data{Jenis: "pk", Tahun: 2023}, "PERJANJIAN KINERJA\nTAHUN 2023"},
		{"judul", data{Jenis: "perubahan", Tahun: 2023, Perubahan: &struct{ Ke int }{1}}, "PERJANJIAN KINERJA PERUBAHAN\nTAHUN 2023"},
		{"judul", data{Jenis: "perubahan", Tahun: 2023, Perubahan: &struct{ Ke int }{2}}, "PERJANJIAN KINERJA PERUBAHAN KE-2\nTAHUN 2023"},
		{"judul_lampiran", data{Jenis: "pk", Tahun: 2023, TingkatJudul: "KEPALA PERANGKAT DAERAH"}, "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2023"},
		{"tempat_tanggal", data{Tempat: "Jakarta", Kosong: "      ", Tahun: 2023}, "Jakarta,       2023"},
		{"tempat_tanggal", data{Tempat: "Jakarta", Tanggal: "15 Februari 2023", Tahun: 2023}, "Jakarta, 15 Februari 2023"},
		{"pengawasan", data{PihakKedua: false}, ""},
	}
	for _, c := range cases {
		got, err := s.Text(c.block, c.d)
		if err != nil {
			t.Fatalf("%s: %v", c.block, err)
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.block, got, c.want)
		}
	}
	if got, _ := s.Text("janji", data{PihakKedua: true}); !strings.HasPrefix(got, "**PIHAK PERTAMA** berjanji") {
		t.Errorf("janji: %q", got)
	}
}

func TestDKIColumns(t *testing.T) {
	t.Parallel()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lampiran("dki")
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, k := range l.Kolom {
		heads = append(heads, k.Judul)
	}
	want := "NO|Sasaran|NO|Indikator Kinerja|Sumber Data|Pengukuran Kinerja|I|II|III|IV|Tahunan|Keterangan"
	if got := strings.Join(heads, "|"); got != want {
		t.Errorf("columns %s, want %s", got, want)
	}
	if _, err := s.Lampiran("tidak-ada"); err == nil || !strings.Contains(err.Error(), "dki") {
		t.Errorf("unknown lampiran: %v", err)
	}
}

func TestOverride(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "kata.tmpl")
	testutil.WriteFile(t, tmpl, []byte(`{{define "pembuka"}}Kami yang bertanda tangan:{{end}}`))
	s, err := loadNamed(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Text("pembuka", nil); got != "Kami yang bertanda tangan:" {
		t.Errorf("override not applied: %q", got)
	}
	if got, _ := s.Text("judul", data{Jenis: "pk", Tahun: 2024}); got != "PERJANJIAN KINERJA\nTAHUN 2024" {
		t.Errorf("other blocks must stay: %q", got)
	}
}

func TestBadOverrides(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		testutil.WriteFile(t, p, []byte(body))
		return p
	}
	cases := []struct {
		path, want string
	}{
		{write("rusak.tmpl", "{{define \"x\"}}{{.Tahun"), "rusak.tmpl:1"},
		{write("lampiran-a.toml", "nama = \"a\"\n[[kolom]]\njudul = \"X\"\nisi = \"target.tw9\"\nlebar = 5\n"), "target.tw9"},
		{write("lampiran-b.toml", "nama = \"b\"\n[[kolom]]\njudul = \"X\"\nisi = \"target.tw1\"\n"), "lebar"},
		{write("lampiran-c.toml", "nama = \"c\"\nkolum = 1\n"), "kolum"},
		{write("kata.txt", "x"), ".tmpl"},
		{filepath.Join(dir, "tidak-ada.tmpl"), "tidak-ada.tmpl"}, // no data: an unknown variant
	}
	for _, c := range cases {
		_, err := loadNamed(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want mention of %q", filepath.Base(c.path), err, c.want)
		}
	}
}

// TestMessagesInEnglish: a template's errors print in the printer's
// language, the file's own keys kept as written.
func TestMessagesInEnglish(t *testing.T) {
	t.Parallel()
	en := pesan.NewPrinter(pesan.Inggris)
	_, err := Load(Override{Name: "lampiran-c.toml", Data: []byte("nama = \"c\"\nkolum = 1\n")})
	if got, want := en.Error(err), `template lampiran-c.toml: unknown key "kolum"`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = Resolve(fstest.MapFS{}, "pk.toml", []string{"tidak-ada.tmpl"})
	if got := en.Error(err); !strings.HasPrefix(got, "template tidak-ada.tmpl: file not found (looked for at tidak-ada.tmpl; embedded variants: ") {
		t.Errorf("got %q", got)
	}
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lampiran("tidak-ada"); !strings.HasPrefix(en.Error(err), `unknown lampiran "tidak-ada"; available: `) {
		t.Errorf("got %q", en.Error(err))
	}
}

// A column set nested past the pre-scan's limit is refused before the
// decoder, whose time grows with the square of the depth, sees it.
func TestLampiranNestingRefused(t *testing.T) {
	deep := "nama = " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n"
	_, err := Load(Override{Name: "lampiran-dalam.toml", Data: []byte(deep)})
	if err == nil || !strings.Contains(err.Error(), "lampiran-dalam.toml") || !strings.Contains(err.Error(), "bersarang") {
		t.Fatalf("err %v", err)
	}
}

// The central government's levels have their own title words and promise;
// a user's file redefining the general block wins over the embedded level
// block, and a user's level block over the general one.
func TestTingkatBlocks(t *testing.T) {
	t.Parallel()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for tingkat, want := range map[string]string{
		"eselon-i": "TINGKAT ESELON I", "eselon-ii": "TINGKAT ESELON II", "unit-vertikal": "TINGKAT SATUAN KERJA",
	} {
		got, err := s.Text("tingkat_"+tingkat, nil)
		if err != nil || got != want {
			t.Errorf("tingkat_%s = %q (%v), want %q", tingkat, got, err, want)
		}
		if strings.Contains(got, "PERANGKAT DAERAH") {
			t.Errorf("tingkat_%s names a Perangkat Daerah: %q", tingkat, got)
		}
		if b := s.ForTingkat("janji", tingkat); b != "janji/"+tingkat {
			t.Errorf("ForTingkat(janji, %s) = %q", tingkat, b)
		}
		got, _ = s.Text(s.ForTingkat("janji", tingkat), data{PihakKedua: true})
		if !strings.Contains(got, "Rencana Strategis Kementerian/Lembaga") {
			t.Errorf("janji for %s: %q", tingkat, got)
		}
	}
	if b := s.ForTingkat("janji", "kepala-perangkat-daerah"); b != "janji" {
		t.Errorf("a regional level takes the general block, got %q", b)
	}
	if b := s.ForTingkat("pembuka", "eselon-i"); b != "pembuka" {
		t.Errorf("a block without a level variant stays, got %q", b)
	}

	dir := t.TempDir()
	general := filepath.Join(dir, "janji.tmpl")
	testutil.WriteFile(t, general, []byte(`{{define "janji"}}Janji kami.{{end}}`))
	own, err := loadNamed(general)
	if err != nil {
		t.Fatal(err)
	}
	if b := own.ForTingkat("janji", "eselon-i"); b != "janji" {
		t.Errorf("a user's janji must win over the embedded janji/eselon-i, got %q", b)
	}
	level := filepath.Join(dir, "janji-es1.tmpl")
	testutil.WriteFile(t, level, []byte(`{{define "janji/eselon-i"}}Janji eselon I.{{end}}`))
	own, err = loadNamed(general, level)
	if err != nil {
		t.Fatal(err)
	}
	if b := own.ForTingkat("janji", "eselon-i"); b != "janji/eselon-i" {
		t.Errorf("a user's later level block must win, got %q", b)
	}
	if got, _ := own.Text(own.ForTingkat("janji", "eselon-ii"), nil); got != "Janji kami." {
		t.Errorf("eselon-ii takes the user's janji, got %q", got)
	}
}

// TestEmbeddedLampiran: every embedded column set parses (they are parsed
// only when a document names one) and is named as its file.
func TestEmbeddedLampiran(t *testing.T) {
	s, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.embedded) < 8 {
		t.Fatalf("%d embedded column sets, want the 8 files", len(s.embedded))
	}
	for name := range s.embedded {
		l, err := s.Lampiran(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if l.Nama != name {
			t.Errorf("lampiran-%s.toml names itself %q", name, l.Nama)
		}
	}
	// An override of the same name replaces the embedded one.
	s, err = load(Override{Name: "lampiran-dki.toml", Data: []byte("nama = \"dki\"\n[[kolom]]\njudul = \"X\"\nisi = \"indikator.uraian\"\nbobot = 1\n")})
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lampiran("dki")
	if err != nil || len(l.Kolom) != 1 || l.Kolom[0].Judul != "X" {
		t.Errorf("override of dki not in force: %+v, %v", l, err)
	}
	if n := len(s.LampiranNames()); n != len(s.embedded)+len(s.lampiran) || n < 8 {
		t.Errorf("LampiranNames lists %d sets", n)
	}
}
