package main

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"pkgen/internal/testutil"
)

// lyTotal is the budget total of a PK file as it must be printed,
// computed from the TOML itself: "1.234.567" (the header says "Anggaran
// (Rp)", so the currency is not repeated).
func lyTotal(t *testing.T, path string) string {
	t.Helper()
	var doc struct {
		Anggaran []struct {
			Jumlah int64 `toml:"jumlah"`
		} `toml:"anggaran"`
	}
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(doc.Anggaran) == 0 {
		t.Fatalf("%s: no [[anggaran]]", path)
	}
	sum := new(big.Int)
	for _, a := range doc.Anggaran {
		sum.Add(sum, big.NewInt(a.Jumlah))
	}
	s := sum.String()
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lyText is the PDF's text with every run of white space (line breaks
// included) turned into one space, so wrapped sentences can be found.
func lyText(t *testing.T, b []byte) string {
	return strings.Join(strings.Fields(testutil.PDFText(t, b, "-raw")), " ")
}

func TestRenderLayoutExamples(t *testing.T) {
	const (
		titleKPD  = "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2024"
		budgetCol = "Anggaran (Rp)"
	)
	cases := []struct {
		file   string
		budget bool     // the total of [[anggaran]] must be printed
		want   []string // in the PDF's text
		not    []string // never in it
	}{
		{
			file:   "kabupaten-contoh-dinas-kesehatan-2024.toml",
			budget: true,
			want: []string{titleKPD, "Sasaran Strategis", "Indikator Kinerja", "Target", "(1) (2) (3) (4)",
				"Program", budgetCol, "Keterangan", "Jumlah",
				"98 per 100.000 KH", "82,5 Indeks", "1.250 Orang", "14,5%",
				"142.876.540.250",
				// gelar and pangkat; names in capitals on the statement
				// page, as written after the lampiran
				"dr. RATNA WULANDARI, M.Kes.", "dr. Ratna Wulandari, M.Kes.",
				"H. AHMAD FAUZI RAHMAN, S.E., M.M.", "Pembina Utama Muda (IV/c)",
				// nip = "kelompok"
				"NIP. 19750614 200203 2 004"},
			not: []string{"14,5% Persen", "NIP 197506142002032004"},
		},
		{
			file:   "kabupaten-contoh-bidang-2024.toml",
			budget: true,
			want: []string{"PERJANJIAN KINERJA PEJABAT ADMINISTRATOR TAHUN 2024", "Sasaran Program",
				"Kegiatan", budgetCol, "Jumlah", "selaku atasan langsung PIHAK PERTAMA",
				"HENDRA SAPUTRA, S.K.M., M.Epid.", "Pembina (IV/a)", "NIP 197811022005011003",
				"Sukamulya, 1 Februari 2024"},
		},
		{
			file:   "kabupaten-contoh-seksi-2024.toml",
			budget: true,
			want: []string{"PERJANJIAN KINERJA PEJABAT PENGAWAS TAHUN 2024", "Sasaran Kegiatan",
				"Sub Kegiatan", budgetCol, "Jumlah", "selanjutnya disebut PIHAK KESATU",
				"PIHAK KESATU berjanji", "selaku atasan PIHAK KESATU", "PIHAK KESATU,",
				"Mengetahui,", "dr. RATNA WULANDARI, M.Kes.", "Penata Tingkat I (III/d)"},
			not: []string{"PIHAK PERTAMA"},
		},
		{
			file: "kota-contoh-tahunan-2024.toml",
			want: []string{titleKPD, "Satuan", "Target", "(1) (2) (3) (4) (5) (6)",
				"Target kinerja tahun 2024 terdiri atas 5 sasaran dengan 9 indikator kinerja, sebagaimana tercantum dalam lampiran perjanjian ini.",
				"Tirta Raya, 5 Februari 2024", "Ir. BAMBANG PRASETYO, M.T.", "Drs. H. YUSUF HIDAYAT, M.Si."},
			not: []string{"Anggaran (Rp)", "dengan anggaran sebesar"},
		},
		{
			file:   "kota-contoh-bertingkat-2024.toml",
			budget: true,
			want: []string{"PERJANJIAN KINERJA PEJABAT ADMINISTRATOR TAHUN 2024", "Sasaran Program",
				"Sasaran Kegiatan", "Kegiatan", budgetCol, "Jumlah", "24%", "145 Unit", "9,5 Rasio"},
		},
		{
			file: "kabupaten-contoh-bupati-2024.toml",
			want: []string{"PERJANJIAN KINERJA KEPALA DAERAH TAHUN 2024", "saya yang bertanda tangan",
				"tanggung jawab saya.", "Bupati Lembah Hijau,", "H. AHMAD FAUZI RAHMAN, S.E., M.M.",
				"Misi 1: Mewujudkan sumber daya manusia yang sehat, cerdas dan berdaya saing"},
			// single party, and baris_tanggal = false: no place/date line
			not: []string{"PIHAK KEDUA", "PIHAK PERTAMA", "Sukamulya", "NIP"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			in := filepath.Join("../../examples", c.file)
			out := filepath.Join(t.TempDir(), "out.pdf")
			var stdout, stderr strings.Builder
			if code := run([]string{"render", in, "-o", out}, &stdout, &stderr); code != exitOK {
				t.Fatalf("render: exit %d\n%s", code, stderr.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			text := lyText(t, b)
			want, not := c.want, c.not
			if c.budget {
				want = append(want, lyTotal(t, in))
				// The header carries the currency: amounts do not.
				not = append(not, "Rp "+lyTotal(t, in))
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q", w)
				}
			}
			for _, w := range not {
				if strings.Contains(text, w) {
					t.Errorf("PDF text has %q", w)
				}
			}
			if t.Failed() {
				t.Logf("PDF text: %s", text)
			}
		})
	}
}

// A document's own template file (relative to it) overrides the embedded
// wording; a template that uses an unknown variable fails with its file
// and line, and writes nothing.
func TestRenderDocumentTemplat(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/kabupaten-contoh-bidang-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "pk.toml")
	doc := strings.Replace(string(src), `templat = ["atasan-langsung"]`, `templat = ["atasan-langsung", "kata/kami.tmpl"]`, 1)
	if doc == string(src) {
		t.Fatal("example no longer names its templat")
	}
	testutil.WriteFile(t, in, []byte(doc))
	os.Mkdir(filepath.Join(dir, "kata"), 0o755)
	testutil.WriteFile(t, filepath.Join(dir, "kata", "kami.tmpl"), []byte(
		`{{define "pengawasan"}}**PIHAK KEDUA** membina **PIHAK PERTAMA** sepanjang tahun {{.Tahun}}.{{end}}`))

	out := filepath.Join(dir, "pk.pdf")
	var stdout, stderr strings.Builder
	if code := run([]string{"render", in, "-o", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("render: exit %d\n%s", code, stderr.String())
	}
	b, _ := os.ReadFile(out)
	text := lyText(t, b)
	for _, w := range []string{"PIHAK KEDUA membina PIHAK PERTAMA sepanjang tahun 2024.", "selaku atasan langsung"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if strings.Contains(text, "akan melakukan supervisi") {
		t.Error("the embedded pengawasan block was not replaced")
	}

	bad := filepath.Join(dir, "salah.tmpl")
	testutil.WriteFile(t, bad, []byte("{{/* kata-kata unit */}}\n\n{{define \"janji\"}}Anggaran tahun {{.TahunAnggaran}}.{{end}}\n"))
	out2 := filepath.Join(dir, "salah.pdf")
	stderr.Reset()
	code := run([]string{"render", in, "--templat", bad, "-o", out2}, &stdout, &stderr)
	if code != exitInvalid || !strings.Contains(stderr.String(), "salah.tmpl:3") || !strings.Contains(stderr.String(), "TahunAnggaran") {
		t.Errorf("unknown variable: exit %d, stderr %q; want exit %d naming salah.tmpl:3 and TahunAnggaran", code, stderr.String(), exitInvalid)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("a PDF was written despite the template error: %v", err)
	}
}
