package schema

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"pkgen/internal/testutil"
	"pkgen/model"
)

func TestSchemasUpToDate(t *testing.T) {
	t.Parallel()
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range all {
		testutil.Golden(t, name, want)
	}
}

// compile compiles a committed schema file.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decode(t *testing.T, src string) map[string]any {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

func validate(s *jsonschema.Schema, raw map[string]any) error {
	return s.Validate(ToJSON(raw))
}

// TestExamplesMatchSchema validates every example against its schema, which
// the loader also accepts, and checks the first line names the schema.
func TestExamplesMatchSchema(t *testing.T) {
	t.Parallel()
	pk, rs := compile(t, FilePK), compile(t, FileRealisasi)
	files, err := filepath.Glob(testutil.Example(t, "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("tidak ada contoh: %v", err)
	}
	baru, err := filepath.Glob("../templates/baru/*.toml")
	if err != nil || len(baru) == 0 {
		t.Fatalf("tidak ada berkas awal pkgen baru: %v", err)
	}
	files = append(append(files, baru...), "testdata/lengkap.toml")
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			raw := decode(t, string(data))
			s, name := pk, FilePK
			isReal := model.IsRealisasi(data)
			if isReal {
				s, name = rs, FileRealisasi
			}
			dir, err := filepath.Abs(filepath.Dir(f))
			if err != nil {
				t.Fatal(err)
			}
			rel, err := filepath.Rel(dir, filepath.Join(here, name))
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.ToSlash(rel)
			line, _, _ := bufio.NewReader(bytes.NewReader(data)).ReadLine()
			if got := string(line); got != "#:schema "+want {
				t.Errorf("baris pertama %q, seharusnya %q", got, "#:schema "+want)
			}
			if err := validate(s, raw); err != nil {
				t.Errorf("tidak sesuai skema: %v", err)
			}
			if isReal {
				if _, probs, err := model.LoadRealisasi(testutil.Rooted(f)); err != nil || len(probs.Errors()) > 0 {
					t.Errorf("loader: %v %v", err, probs.Errors())
				}
			} else if _, probs := model.Parse(f, data); len(probs.Errors()) > 0 {
				t.Errorf("loader: %v", probs.Errors())
			}
		})
	}
}

const kecil = `tahun = 2024
tempat = "Sukamulya"
[instansi]
kop = ["PEMERINTAH KABUPATEN LEMBAH HIJAU"]
[pihak_pertama]
nama = "Ratna Wulandari"
jabatan = "Kepala Dinas"
[pihak_kedua]
nama = "Ahmad Fauzi"
jabatan = "Bupati"
[[sasaran]]
uraian = "Meningkatnya derajat kesehatan"
[[sasaran.indikator]]
kode = "DK-01"
uraian = "Angka Kematian Ibu"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = 98, tahunan = 98 }
`

const realisasiKecil = `pk = "x.toml"
triwulan = 4
[[realisasi]]
kode = "DK-01"
tw = { tw4 = 97 }
`

// TestSchemaAndLoaderAgree checks the schema and the loader reject the
// same mistakes: unknown keys at every level, bad enums, missing keys and
// numbers written as text.
func TestSchemaAndLoaderAgree(t *testing.T) {
	t.Parallel()
	pk, rs := compile(t, FilePK), compile(t, FileRealisasi)
	lengkap, err := os.ReadFile("testdata/lengkap.toml")
	if err != nil {
		t.Fatal(err)
	}
	// A lampiran-only document: no place, parties optional.
	only := strings.Replace(kecil, "tempat = \"Sukamulya\"\n", "hanya_lampiran = true\n", 1)
	cases := []struct {
		name     string
		base     string
		old, new string // replace old once by new
		ok       bool
		isReal   bool
		// lolos: a mistake the schema cannot see, because the conversion
		// to JSON turns TOML dates into strings.
		lolos bool
	}{
		{name: "kecil sah", base: kecil, ok: true},
		{name: "kunci atas", base: kecil, old: "tempat =", new: "tempatt = \"x\"\ntempat ="},
		{name: "kunci instansi", base: kecil, old: "[pihak_pertama]", new: "kopp = [\"x\"]\n[pihak_pertama]"},
		{name: "kunci pihak", base: kecil, old: "jabatan = \"Bupati\"", new: "jabatan = \"Bupati\"\njabtan = \"x\""},
		{name: "kunci indikator", base: kecil, old: "target =", new: "satuann = \"x\"\ntarget ="},
		{name: "kunci target", base: kecil, old: "tahunan = 98", new: "tahunan = 98, tw5 = 1"},
		{name: "kunci sasaran", base: kecil, old: "[[sasaran.indikator]]", new: "nomor = 1\n[[sasaran.indikator]]"},
		{name: "tabel tak dikenal", base: kecil, old: "[[sasaran]]", new: "[lampiran_lain]\nx = 1\n[[sasaran]]"},
		{name: "kunci mengetahui", base: string(lengkap), old: "peran =", new: "perann = \"x\"\nperan ="},
		{name: "kunci perubahan", base: string(lengkap), old: "ke = 1", new: "ke = 1\nkee = 2"},
		{name: "kunci anggaran", base: string(lengkap), old: "jumlah = 0", new: "jumlah = 0\njumlahh = 1"},
		{name: "kunci tanda tangan", base: string(lengkap), old: "baris_tanggal = false", new: "baris_tanggal = false\nbaris = 1"},
		{name: "kunci capaian", base: string(lengkap), old: "batas = 120", new: "batas = 120\nbatass = 1"},
		{name: "kunci kategori", base: string(lengkap), old: "nama = \"Kurang\"", new: "nama = \"Kurang\"\nmaks = 1"},
		{name: "kunci tingkat skala", base: string(lengkap), old: "persen = 70 }", new: "persen = 70, skorr = 1 }"},
		{name: "kunci skala", base: string(lengkap), old: "angka = \"nilai\"", new: "angka = \"nilai\"\nangkaa = 1"},
		{name: "enum kertas", base: kecil, old: "tempat =", new: "kertas = \"A5\"\ntempat ="},
		{name: "enum polaritas", base: kecil, old: "target =", new: "polaritas = \"atas\"\ntarget ="},
		{name: "enum status", base: kecil, old: "jabatan = \"Bupati\"", new: "jabatan = \"Bupati\"\nstatus = \"Pjs.\""},
		{name: "tanpa tempat", base: kecil, old: "tempat = \"Sukamulya\"\n", new: ""},
		{name: "hanya lampiran tanpa tempat", base: kecil, old: "tempat = \"Sukamulya\"\n", new: "hanya_lampiran = true\n", ok: true},
		{name: "hanya lampiran tanpa pihak", base: only, old: "[pihak_pertama]\nnama = \"Ratna Wulandari\"\njabatan = \"Kepala Dinas\"\n[pihak_kedua]\nnama = \"Ahmad Fauzi\"\njabatan = \"Bupati\"\n", new: "", ok: true},
		{name: "hanya lampiran tanpa pihak pertama", base: only, old: "[pihak_pertama]\nnama = \"Ratna Wulandari\"\njabatan = \"Kepala Dinas\"\n", new: ""},
		{name: "tanpa pihak pertama", base: kecil, old: "[pihak_pertama]\nnama = \"Ratna Wulandari\"\njabatan = \"Kepala Dinas\"\n", new: ""},
		{name: "tanpa tahunan", base: kecil, old: ", tahunan = 98", new: ""},
		{name: "angka sebagai teks", base: kecil, old: "tw4 = 98", new: "tw4 = \"98\""},
		{name: "tahun teks", base: kecil, old: "tahun = 2024", new: "tahun = \"2024\""},
		{name: "tanggal teks", base: kecil, old: "tempat =", new: "tanggal = \"2024-02-01\"\ntempat =", lolos: true},
		{name: "tanggal bulan", base: kecil, old: "tempat =", new: "tanggal = \"2024-01\"\ntempat =", ok: true},
		{name: "tanggal bulan 13", base: kecil, old: "tempat =", new: "tanggal = \"2024-13\"\ntempat ="},
		{name: "kop tanpa logo", base: kecil, old: "kop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]", new: ""},
		{name: "kop kosong tanpa logo", base: kecil, old: "kop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]", new: "kop = []"},
		{name: "logo tanpa kop", base: kecil, old: "kop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]", new: "logo = \"garuda.png\"", ok: true},
		{name: "logo dan kop kosong", base: kecil, old: "kop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]", new: "kop = []\nlogo = \"garuda.png\"", ok: true},
		{name: "tingkat eselon-i", base: kecil, old: "tempat =", new: "tingkat = \"eselon-i\"\ntempat =", ok: true},
		{name: "identitas tak dikenal", base: kecil, old: "tempat =", new: "identitas_lampiran = [\"nama\", \"pangkat\"]\ntempat ="},
		{name: "identitas dua kali", base: kecil, old: "tempat =", new: "identitas_lampiran = [\"nama\", \"nama\"]\ntempat ="},
		{name: "identitas kosong", base: kecil, old: "tempat =", new: "identitas_lampiran = []\ntempat =", ok: true},
		{name: "koma_jabatan teks", base: string(lengkap), old: "koma_jabatan = false", new: "koma_jabatan = \"tidak\""},
		{name: "perubahan tanpa jenis", base: kecil, old: "[instansi]", new: "[perubahan]\nmengubah = \"a.toml\"\nke = 1\nalasan = \"pejabat\"\nberlaku = 2024-07-01\n[instansi]"},
		{name: "jenis perubahan tanpa tabel", base: kecil, old: "tempat =", new: "jenis = \"perubahan\"\ntempat ="},
		{name: "nip angka", base: kecil, old: "jabatan = \"Bupati\"", new: "jabatan = \"Bupati\"\nnip = 197506142002032004"},
		{name: "realisasi sah", base: realisasiKecil, ok: true, isReal: true},
		{name: "realisasi kunci atas", base: realisasiKecil, old: "triwulan = 4", new: "triwulan = 4\ntriwulann = 4", isReal: true},
		{name: "realisasi kunci", base: realisasiKecil, old: "kode =", new: "kendal = \"x\"\nkode =", isReal: true},
		{name: "realisasi kunci tw", base: realisasiKecil, old: "tw4 = 97", new: "tw4 = 97, tw5 = 1", isReal: true},
		{name: "realisasi triwulan 5", base: realisasiKecil, old: "triwulan = 4", new: "triwulan = 5", isReal: true},
	}
	pkDoc, probs := model.Parse("x.toml", []byte(kecil))
	if pkDoc == nil {
		t.Fatal(probs)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.base
			if c.old != "" {
				if !strings.Contains(src, c.old) {
					t.Fatalf("%q tidak ada", c.old)
				}
				src = strings.Replace(src, c.old, c.new, 1)
			}
			var loaderErrs model.Problems
			s := pk
			if c.isReal {
				s = rs
				_, p := model.ParseRealisasi("r.toml", []byte(src), pkDoc)
				loaderErrs = p.Errors()
			} else {
				_, p := model.Parse("x.toml", []byte(src))
				loaderErrs = p.Errors()
			}
			schemaErr := validate(s, decode(t, src))
			if c.ok {
				if len(loaderErrs) > 0 || schemaErr != nil {
					t.Fatalf("seharusnya sah:\nloader: %v\nskema: %v", loaderErrs, schemaErr)
				}
				return
			}
			if len(loaderErrs) == 0 {
				t.Errorf("loader menerima berkas yang salah")
			}
			if schemaErr == nil && !c.lolos {
				t.Errorf("skema menerima berkas yang salah (loader: %v)", loaderErrs)
			}
			if schemaErr != nil && c.lolos {
				t.Errorf("skema kini menolak %s; hapus lolos dari kasus ini", c.name)
			}
		})
	}
}

// TestEveryLoaderKey checks that every key the hand-written loader reads
// (model/*.go: t.str("kunci"), t.sub("kunci"), d.nilai(t, "kunci"), …) is a
// property somewhere in the schemas, so a key added to the loader is not
// forgotten here.
func TestEveryLoaderKey(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../model/*.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\.(?:str|text|integer|enum|strs|date|sub|list|get)\("([a-z_0-9]+)"|(?:angka|nilai|flag)\([a-z]+, "([a-z_0-9]+)"`)
	read := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			read[m[1]+m[2]] = filepath.Base(f)
		}
	}
	if len(read) < 40 {
		t.Fatalf("hanya %d kunci ditemukan di model/*.go; pola pencarian perlu diperbarui", len(read))
	}
	props := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["properties"].(map[string]any); ok {
				for k := range p {
					props[k] = true
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, name := range []string{FilePK, FileRealisasi} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		walk(doc)
	}
	for k, f := range read {
		if !props[k] {
			t.Errorf("kunci %q dibaca oleh %s tetapi tidak ada di skema; tambahkan ke schema/types.go lalu go test ./schema -update", k, f)
		}
	}
}
