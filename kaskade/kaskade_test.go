package kaskade

import (
	"fmt"
	"strings"
	"testing"

	"pkgen/model"
)

// pkText is a PK of the given year, PIHAK PERTAMA and PIHAK KEDUA (name
// or "" for none) and induk; body is its [[sasaran]] part.
func pkText(tahun int, pertama, kedua, induk, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "tahun = %d\ntempat = \"Sukamulya\"\n", tahun)
	if induk != "" {
		fmt.Fprintf(&b, "pk_induk = %q\n", induk)
	}
	fmt.Fprintf(&b, "\n[instansi]\nkop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]\n\n[pihak_pertama]\nnama = %q\njabatan = \"Kepala %s\"\n", pertama, pertama)
	if kedua != "" {
		fmt.Fprintf(&b, "\n[pihak_kedua]\nnama = %q\njabatan = \"Kepala %s\"\n", kedua, kedua)
	}
	b.WriteString("\n" + body)
	return b.String()
}

// ind is an indicator table.
func ind(kode, extra string) string {
	return fmt.Sprintf("\n[[sasaran.indikator]]\nkode = %q\nuraian = \"Indikator %s\"\nsatuan = \"Orang\"\nagregasi = \"jumlah\"\n%s\n", kode, kode, extra) +
		func() string {
			if strings.Contains(extra, "target") {
				return ""
			}
			return "target = { tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 10 }\n"
		}()
}

func sas(extra string, inds ...string) string {
	return "\n[[sasaran]]\nuraian = \"Sasaran\"\n" + extra + "\n" + strings.Join(inds, "")
}

// parse loads each file text as Load would (Parse, then the amended
// version for a PK Perubahan); a text with errors is a PK without Doc.
func parse(t *testing.T, files map[string]string) []PK {
	t.Helper()
	docs := map[string]*model.Document{}
	var out []PK
	for name, src := range files {
		doc, probs := model.Parse(name, []byte(src))
		if doc == nil && !strings.Contains(name, "rusak") {
			t.Fatalf("%s: %v", name, probs)
		}
		docs[name] = doc
		out = append(out, PK{Name: name, Doc: doc})
	}
	for _, d := range docs {
		if d != nil && d.Perubahan != nil {
			d.Perubahan.Asal = docs[d.Perubahan.Mengubah]
		}
	}
	return out
}

const (
	dinas = "dinas.toml"
	bidA  = "bidang-a.toml"
	bidB  = "bidang-b.toml"
)

// base is a dinas with two indicators, each supported by a bidang.
func base() map[string]string {
	return map[string]string{
		dinas: pkText(2024, "Dinas", "Bupati", "", sas("", ind("DK-01", ""), ind("DK-02", ""))),
		bidA:  pkText(2024, "Bidang A", "Dinas", dinas, sas(`mendukung = ["DK-01"]`, ind("A-01", ""))),
		bidB:  pkText(2024, "Bidang B", "Dinas", dinas, sas("", ind("B-01", `mendukung = ["DK-02"]`))),
	}
}

func with(m map[string]string, name, src string) map[string]string {
	m[name] = src
	return m
}

// withAll replaces several files: name, text, name, text…
func withAll(m map[string]string, pairs ...string) map[string]string {
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

func TestBuildClean(t *testing.T) {
	c := Build(parse(t, base()), Options{})
	if len(c.Problems) != 0 {
		t.Fatalf("problems: %v", c.Problems)
	}
	if len(c.Roots) != 1 || c.Roots[0].Name != dinas {
		t.Fatalf("roots %v", names(c.Roots))
	}
	if got := names(c.Roots[0].Children); strings.Join(got, ",") != bidA+","+bidB {
		t.Fatalf("children %v", got)
	}
	if l := c.Nodes[0].Links; len(l) != 1 || l[0].Path != "sasaran[1]" || l[0].Indikator != -1 {
		t.Fatalf("links of %s: %+v", c.Nodes[0].Name, l)
	}
}

func names(ns []*Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}

func TestBuildProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		tahun int
		want  []string // each a problem's String, as located
	}{
		{"kode the induk lacks, with a suggestion",
			with(base(), bidA, pkText(2024, "Bidang A", "Dinas", dinas, sas(`mendukung = ["DK-1"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:19: sasaran[1].mendukung[1]: kode "DK-1" tidak ada di PK induk dinas.toml; maksud Anda "DK-01"? Kode yang ada: DK-01, DK-02`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"induk of another year",
			with(base(), bidA, pkText(2023, "Bidang A", "Dinas", dinas, sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:3: pk_induk: PK induk dinas.toml bertahun 2024, bukan 2023`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"induk that does not exist",
			with(base(), bidA, pkText(2024, "Bidang A", "Dinas", "sub/dinaz.toml", sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:3: pk_induk: berkas PK induk "sub/dinaz.toml" tidak ditemukan (dicari di sub/dinaz.toml)`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"invalid induk",
			with(with(base(), "rusak.toml", "tahun = 2024\n"), bidA, pkText(2024, "Bidang A", "Dinas", "rusak.toml", sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:3: pk_induk: PK induk rusak.toml tidak sah; perbaiki dulu berkas itu`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"induk outside the root",
			with(base(), bidA, pkText(2024, "Bidang A", "Dinas", "../dinas.toml", sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:3: pk_induk: jalur "../dinas.toml" keluar dari folder akar; berkas yang dirujuk harus berada di folder akar atau di bawahnya`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"absolute induk",
			with(base(), bidA, pkText(2024, "Bidang A", "Dinas", "/etc/dinas.toml", sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:3: pk_induk: jalur mutlak "/etc/dinas.toml" tidak diizinkan; tulis jalur relatif terhadap berkas ini`,
				`dinas.toml:20: peringatan: sasaran[1].indikator[1]: indikator "DK-01" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"induk itself",
			map[string]string{"a.toml": pkText(2024, "A", "A", "a.toml", sas(`mendukung = ["A-01"]`, ind("A-01", "")))},
			0, []string{`a.toml:3: pk_induk: pk_induk membentuk lingkaran: a.toml → a.toml`}},
		{"cycle",
			map[string]string{
				"a.toml": pkText(2024, "A", "C", "c.toml", sas(`mendukung = ["C-01"]`, ind("A-01", ""))),
				"b.toml": pkText(2024, "B", "A", "a.toml", sas(`mendukung = ["A-01"]`, ind("B-01", ""))),
				"c.toml": pkText(2024, "C", "B", "b.toml", sas(`mendukung = ["B-01"]`, ind("C-01", ""))),
			},
			0, []string{
				`a.toml:3: pk_induk: pk_induk membentuk lingkaran: a.toml → c.toml → b.toml → a.toml`,
				`b.toml:3: pk_induk: pk_induk membentuk lingkaran: b.toml → a.toml → c.toml → b.toml`,
				`c.toml:3: pk_induk: pk_induk membentuk lingkaran: c.toml → b.toml → a.toml → c.toml`,
			}},
		{"upper indicator without support, lower sasaran supporting nothing",
			with(base(), bidB, pkText(2024, "Bidang B", "Dinas", dinas, sas("", ind("B-01", "")))),
			0, []string{
				`bidang-b.toml:17: peringatan: sasaran[1]: sasaran ini tidak mendukung indikator PK induk mana pun: tulis mendukung = ["KODE"] pada sasaran atau indikatornya`,
				`dinas.toml:28: peringatan: sasaran[1].indikator[2]: indikator "DK-02" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"PIHAK KEDUA not the induk's PIHAK PERTAMA, by name",
			with(base(), bidA, pkText(2024, "Bidang A", "Sekretaris", dinas, sas(`mendukung = ["DK-01"]`, ind("A-01", "")))),
			0, []string{
				`bidang-a.toml:13: peringatan: pihak_kedua.nama: PIHAK KEDUA "Sekretaris" bukan PIHAK PERTAMA PK induk dinas.toml ("Dinas")`,
			}},
		{"PIHAK KEDUA not the induk's PIHAK PERTAMA, by NIP",
			with(with(base(), dinas, strings.Replace(base()[dinas], "nama = \"Dinas\"\n", "nama = \"Dinas\"\nnip = \"197506142002032004\"\n", 1)),
				bidA, strings.Replace(base()[bidA], "nama = \"Dinas\"\n", "nama = \"Dinas\"\nnip = \"197506142002032005\"\n", 1)),
			0, []string{
				`bidang-a.toml:14: peringatan: pihak_kedua.nip: NIP PIHAK KEDUA 197506142002032005 bukan NIP PIHAK PERTAMA PK induk dinas.toml (Dinas, 197506142002032004)`,
			}},
		{"PK Perubahan of the induk removes a supported indicator",
			with(base(), "dinas-perubahan-1.toml", perubahan(pkText(2024, "Dinas", "Bupati", "", sas("", ind("DK-01", ""), ind("DK-03", ""))))),
			0, []string{
				`bidang-b.toml:26: peringatan: sasaran[1].indikator[1].mendukung[1]: indikator "DK-02" PK induk dihapus oleh PK Perubahan dinas-perubahan-1.toml, tetapi masih didukung di sini`,
				`dinas-perubahan-1.toml:35: peringatan: sasaran[1].indikator[2]: indikator "DK-03" tidak didukung sasaran atau indikator PK bawahan mana pun`,
			}},
		{"jumlah that does not add up, per quarter and year",
			withAll(base(), dinas, pkText(2024, "Dinas", "Bupati", "", sas("", ind("DK-01", "agregasi_kaskade = \"jumlah\"\ntarget = { tw1 = 2, tw2 = 4, tw3 = 6, tw4 = 9, tahunan = 21 }"), ind("DK-02", ""))),
				bidB, pkText(2024, "Bidang B", "Dinas", dinas, sas("", ind("B-01", `mendukung = ["DK-02", "DK-01"]`))),
				bidA, pkText(2024, "Bidang A", "Dinas", dinas, sas("", ind("A-01", `mendukung = ["DK-01"]`)))),
			0, []string{
				`dinas.toml:26: peringatan: sasaran[1].indikator[1].target: jumlah target indikator pendukung tidak sama dengan target ini (agregasi_kaskade = "jumlah"): tw4 8 ≠ 9; tahunan 20 ≠ 21; pendukung: bidang-a.toml A-01, bidang-b.toml B-01`,
			}},
		{"jumlah across another satuan",
			with(with(base(), dinas, pkText(2024, "Dinas", "Bupati", "", sas("", ind("DK-01", "agregasi_kaskade = \"jumlah\""), ind("DK-02", "")))),
				bidA, pkText(2024, "Bidang A", "Dinas", dinas, sas("", strings.Replace(ind("A-01", `mendukung = ["DK-01"]`), "Orang", "Kegiatan", 1)))),
			0, []string{
				`dinas.toml:25: peringatan: sasaran[1].indikator[1].agregasi_kaskade: indikator pendukung bersatuan lain tidak dijumlahkan: bidang-a.toml A-01 (Kegiatan)`,
			}},
		{"other years filtered out",
			with(base(), "lama.toml", pkText(2023, "Lama", "", "", sas("", ind("L-01", "")))),
			2024, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(parse(t, tt.files), Options{Tahun: tt.tahun})
			var got []string
			for _, p := range c.Problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// perubahan makes src the first amendment of dinas.toml.
func perubahan(src string) string {
	return strings.Replace(src, "tempat = \"Sukamulya\"\n", "tempat = \"Sukamulya\"\njenis = \"perubahan\"\n\n[perubahan]\nmengubah = \"dinas.toml\"\nke = 1\nalasan = \"strategi\"\nberlaku = 2024-07-01\n", 1)
}

// TestLatestVersionAndMarks: a PK amended in the folder is one node, its
// latest version, that knows its earlier one; a warned indicator is
// marked, and its siblings are not.
func TestLatestVersionAndMarks(t *testing.T) {
	files := with(base(), "dinas-perubahan-1.toml", perubahan(pkText(2024, "Dinas", "Bupati", "", sas("", ind("DK-01", ""), ind("DK-02", ""), ind("DK-03", "")))))
	c := Build(parse(t, files), Options{Tahun: 2024})
	if got := strings.Join(names(c.Nodes), ","); got != "bidang-a.toml,bidang-b.toml,dinas-perubahan-1.toml" {
		t.Fatalf("nodes %s", got)
	}
	top := c.Roots[0]
	if top.Name != "dinas-perubahan-1.toml" || len(top.Children) != 2 || strings.Join(top.Versions, ",") != dinas {
		t.Fatalf("root %s, %d children, versions %v", top.Name, len(top.Children), top.Versions)
	}
	if !top.Marked("sasaran[1].indikator[3]") || top.Marked("sasaran[1].indikator[1]") || top.Marked("sasaran[1].indikator[") {
		t.Fatalf("marks wrong: %v", top.Problems)
	}
	for _, n := range c.Nodes {
		if n.Standalone() {
			t.Errorf("%s standalone", n.Name)
		}
	}
}
