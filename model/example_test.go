package model

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

const seedPath = "../testdata/seed/000_88fc8bda834583a7.txt"

func loadExample(t *testing.T) *Document {
	t.Helper()
	doc, probs, err := loadPath(testutil.Example(t, "jakarta-pusat-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if errs := probs.Errors(); len(errs) > 0 || doc == nil {
		t.Fatalf("the example does not load:\n%v", errs)
	}
	return doc
}

func TestExampleLoads(t *testing.T) {
	t.Parallel()
	doc, probs, err := loadPath(testutil.Example(t, "jakarta-pusat-2023.toml"))
	if err != nil || doc == nil || len(probs.Errors()) != 0 {
		t.Fatalf("Load: %v %v", err, probs.Errors())
	}
	// The seed's own wording triggers these warnings; they are kept on
	// purpose, as in the signed document.
	want := []string{
		"sasaran[1].indikator[2].uraian: uraian sama dengan indikator[1] pada sasaran yang sama",
		`sasaran[17].indikator[1].satuan: "Presentase": mungkin maksudnya "Persentase"`,
		`sasaran[19].indikator[1].satuan: "Presentase": mungkin maksudnya "Persentase"`,
		`sasaran[23].indikator[1].uraian: "Presentase Nilai Kinerja Anggaran atas aspek Implementasi": mungkin maksudnya "Persentase"`,
	}
	var got []string
	for _, p := range probs.Warnings() {
		got = append(got, p.Path+": "+p.Msg)
		if p.Line == 0 {
			t.Errorf("warning without a line: %s", p)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}

func TestExampleWindowsSaved(t *testing.T) {
	t.Parallel()
	// Saved by a Windows editor: a byte order mark and CRLF line ends
	// change nothing, not even the lines of the warnings.
	data, err := os.ReadFile(testutil.Example(t, "jakarta-pusat-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	doc, want := Parse("x.toml", data)
	crlf := "\ufeff" + strings.ReplaceAll(string(data), "\n", "\r\n")
	doc2, got := Parse("x.toml", []byte(crlf))
	if doc == nil || doc2 == nil || !sameProblems(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	for i, s := range doc.Sasaran {
		for j, in := range s.Indikator {
			if got := doc2.Sasaran[i].Indikator[j].Pengukuran; got != in.Pengukuran {
				t.Fatalf("sasaran %d indikator %d: pengukuran with CRLF = %q", i+1, j+1, got)
			}
		}
	}
}

func TestExampleStructure(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	if doc.Tahun != 2023 || doc.Jenis != JenisPK || doc.Tingkat != KepalaPerangkatDaerah || doc.Kertas != A4 ||
		doc.FormatAngka != "id" || doc.Tempat != "Jakarta" || doc.Tanggal != nil || doc.Lampiran != "dki" {
		t.Errorf("head: %+v", doc)
	}
	if got := doc.Instansi.KopTeks(); !slices.Equal(got, []string{"PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"}) {
		t.Errorf("kop = %q", got)
	}
	if len(doc.Sasaran) != 26 {
		t.Fatalf("%d sasaran, want 26", len(doc.Sasaran))
	}
	if n := doc.JumlahIndikator(); n != 28 {
		t.Errorf("%d indikator, want 28", n)
	}
	kode := map[string]bool{}
	for i, s := range doc.Sasaran {
		if s.Nomor != i+1 {
			t.Errorf("sasaran %d numbered %d", i+1, s.Nomor)
		}
		if s.Uraian == "" || len(s.Indikator) == 0 {
			t.Errorf("sasaran %d: empty", s.Nomor)
		}
		for j, in := range s.Indikator {
			if in.Nomor != j+1 {
				t.Errorf("sasaran %d indikator %d numbered %d", s.Nomor, j+1, in.Nomor)
			}
			if kode[in.Kode] {
				t.Errorf("kode %q repeated", in.Kode)
			}
			kode[in.Kode] = true
			if in.Uraian == "" || in.SumberData == "" || in.Pengukuran == "" || in.Satuan == "" {
				t.Errorf("sasaran %d indikator %d: a column is empty: %+v", s.Nomor, in.Nomor, in)
			}
		}
	}
	if len(doc.Sasaran[0].Indikator) != 2 || len(doc.Sasaran[1].Indikator) != 2 {
		t.Errorf("sasaran 1 and 2 have two indicators each")
	}

	type group struct {
		nama  string
		first int
		n     int
	}
	var got []group
	for _, k := range doc.Kelompok() {
		got = append(got, group{k.Nama, k.Sasaran[0].Nomor, len(k.Sasaran)})
	}
	want := []group{{"Sasaran Strategis", 1, 9}, {"Sasaran Khusus", 10, 14}, {"Sasaran Operasional", 24, 3}}
	if !slices.Equal(got, want) {
		t.Errorf("kelompok = %+v, want %+v", got, want)
	}
}

func TestExamplePihak(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	p1 := doc.PihakPertama
	if p1.Nama != "Dhany Sukma" || p1.NIP != "197403091993111001" || p1.Status != "" {
		t.Errorf("pihak_pertama = %+v", p1)
	}
	if got := GroupNIP(p1.NIP); got != "19740309 199311 1 001" {
		t.Errorf("GroupNIP = %q", got)
	}
	if got := p1.JabatanLengkap(); got != "Walikota Kota Administrasi Jakarta Pusat" {
		t.Errorf("pihak_pertama.JabatanLengkap() = %q", got)
	}
	p2 := doc.PihakKedua
	if p2 == nil {
		t.Fatal("no pihak_kedua")
	}
	if p2.Nama != "Heru Budi Hartono" || p2.NIP != "" || p2.Status != "Pj." {
		t.Errorf("pihak_kedua = %+v", *p2)
	}
	if got := p2.JabatanLengkap(); got != "Pj. Gubernur Daerah Khusus Ibukota Jakarta" {
		t.Errorf("pihak_kedua.JabatanLengkap() = %q", got)
	}
}

func TestJabatanLengkap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    Pihak
		want string
	}{
		{Pihak{Jabatan: "Walikota"}, "Walikota"},
		{Pihak{Jabatan: "Walikota", UnitKerja: "Kota Administrasi Jakarta Pusat"}, "Walikota Kota Administrasi Jakarta Pusat"},
		{Pihak{Jabatan: "Gubernur", UnitKerja: "Daerah Khusus Ibukota Jakarta", Status: "Pj."}, "Pj. Gubernur Daerah Khusus Ibukota Jakarta"},
		{Pihak{Jabatan: "Kepala Dinas", Status: "Plt."}, "Plt. Kepala Dinas"},
	}
	for _, tt := range tests {
		if got := tt.p.JabatanLengkap(); got != tt.want {
			t.Errorf("%+v.JabatanLengkap() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestExampleTargets(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	at := func(s, i int) Indikator { return doc.Sasaran[s-1].Indikator[i-1] }

	ik01 := at(1, 1)
	if tw2 := ik01.Target.TW[1]; tw2.Jenis != Angka || tw2.Angka != dec(8675, 2) || tw2.Angka.String() != "86.75" {
		t.Errorf("sasaran 1 ind 1 tw2 = %+v, want the number 86.75", tw2)
	}
	if tw1 := ik01.Target.TW[0]; tw1.Jenis != NA {
		t.Errorf("sasaran 1 ind 1 tw1 = %+v, want N/A", tw1)
	}
	if ik01.Polaritas != Naik || ik01.Agregasi != Akhir || ik01.Satuan != "Nilai" || ik01.SumberData != "e-SAKIP" {
		t.Errorf("sasaran 1 ind 1 = %+v", ik01)
	}
	if tw4 := at(2, 1).Target.TW[3]; tw4.Jenis != Angka || tw4.Angka != dec(885, 1) {
		t.Errorf("sasaran 2 ind 1 tw4 (the seed's 88,5) = %+v", tw4)
	}

	wtp := at(10, 1)
	if wtp.Kode != "IK-12" || wtp.Satuan != "Predikat" {
		t.Errorf("sasaran 10 = %+v", wtp)
	}
	for _, n := range []Nilai{wtp.Target.TW[1], wtp.Target.Tahunan} {
		if n.Jenis != Kategori || !n.AdaSkor || n.Angka != dec(3, 0) || n.Label != "WTP" || n.Teks != "(3) WTP" {
			t.Errorf("WTP target = %+v", n)
		}
	}

	sakip := at(13, 1).Target
	for q := range 3 {
		if sakip.TW[q].Jenis != NA {
			t.Errorf("SAKIP tw%d = %+v, want N/A", q+1, sakip.TW[q])
		}
	}
	if n := sakip.Tahunan; n.Jenis != Kategori || n.Label != "A" || !n.AdaSkor || n.Angka != dec(82, 0) || n.Teks != "A (82)" {
		t.Errorf("SAKIP tahunan = %+v", n)
	}

	if n := at(11, 1).Target.Tahunan; n.Jenis != Persen || n.Angka != dec(100, 0) {
		t.Errorf("sasaran 11 tahunan = %+v, want 100%%", n)
	}
	if n := at(3, 1).Target.Tahunan; n.Jenis != Angka || n.Angka != dec(100, 0) {
		t.Errorf("sasaran 3 tahunan = %+v, want the number 100 (the seed prints no %%)", n)
	}
	bpk := at(26, 1)
	if bpk.Agregasi != Jumlah || bpk.Target.TW[0].Angka != dec(25, 0) || bpk.Target.Tahunan.Angka != dec(100, 0) {
		t.Errorf("sasaran 26 = %+v", bpk)
	}
	if n := at(23, 1).Target.Tahunan; n.Jenis != Persen || n.Angka != dec(71, 0) {
		t.Errorf("sasaran 23 tahunan = %+v", n)
	}
}

// seedTable is the lampiran table of the seed: one []string of cells per
// line, from the first row after the column headers to the last row.
func seedTable(t *testing.T) [][]string {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "NO\tSasaran\tNO\tIndikator") })
	if start < 0 || !strings.HasPrefix(strings.TrimLeft(lines[start+1], "\t"), "I\tII\tIII\tIV") {
		t.Fatal("seed: table header not found")
	}
	var rows [][]string
	for _, l := range lines[start+2:] {
		if strings.HasPrefix(l, "Pj. Gubernur") { // the signatures under the table
			break
		}
		if strings.TrimSpace(l) != "" {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	if len(rows) < 30 {
		t.Fatalf("seed: only %d table lines", len(rows))
	}
	return rows
}

var (
	reTag  = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	reWord = regexp.MustCompile(`[0-9A-Za-z\x{00C0}-\x{024F}]+`)
)

// words splits text into words; HTML tags (the seed's <p>, <ol ...>) and
// Markdown markers are not words.
func words(s string) []string {
	return reWord.FindAllString(reTag.ReplaceAllString(s, " "), -1)
}

func TestExamplePengukuranManajemenRisiko(t *testing.T) {
	t.Parallel()
	rows := seedTable(t)
	// The seed's sasaran 21 row, and its continuation lines up to the
	// next numbered row: the cell continues on the next page, where the
	// extraction puts it one column early.
	i := slices.IndexFunc(rows, func(r []string) bool {
		return len(r) > 5 && r[0] == "21" && r[1] == "Implementasi Penerapan Manajemen Risiko"
	})
	if i < 0 {
		t.Fatal("seed: row 21 not found")
	}
	cell := rows[i][5]
	for _, r := range rows[i+1:] {
		if r[0] != "" {
			break
		}
		for _, c := range r {
			cell += " " + c
		}
	}
	seed := words(cell)
	if len(seed) < 200 || seed[0] != "Dasar" || seed[len(seed)-1] != "Inspektorat" {
		t.Fatalf("seed cell looks wrong: %d words, %q … %q", len(seed), seed[0], seed[len(seed)-1])
	}

	doc := loadExample(t)
	s := doc.Sasaran[21] // our 22: the seed numbers two sasaran 19
	if s.Uraian != "Implementasi Penerapan Manajemen Risiko" || len(s.Indikator) != 1 {
		t.Fatalf("sasaran 22 = %q", s.Uraian)
	}
	md := s.Indikator[0].Pengukuran
	// Strip the Markdown: bold markers and backslash escapes (hard line
	// breaks "\" and "\[").
	plain := strings.NewReplacer("**", "", `\[`, "[", `\]`, "]", "\\\n", "\n").Replace(md)
	if strings.Contains(plain, `\`) {
		t.Errorf("a backslash is left after stripping: %q", plain)
	}
	ours := words(plain)
	// The example must hold exactly the seed's words in the seed's order:
	// Markdown changes the layout, never the text.
	if !slices.Equal(ours, seed) {
		n := 0
		for n < len(ours) && n < len(seed) && ours[n] == seed[n] {
			n++
		}
		t.Errorf("words differ at word %d: example %q, seed %q", n, ours[n:min(n+8, len(ours))], seed[n:min(n+8, len(seed))])
	}
}

// nilaiText is a target as the lampiran prints it (format_angka aside).
func nilaiText(n Nilai) string {
	switch n.Jenis {
	case NA:
		return "N/A"
	case Angka:
		return n.Angka.String()
	case Persen:
		return n.Angka.String() + "%"
	case Kategori:
		return n.Teks
	}
	return ""
}

// bag counts words, case-folded.
type bag map[string]int

func (b bag) add(s string) {
	for _, w := range words(s) {
		b[strings.ToLower(w)]++
	}
}

// minus returns what b has more of than c.
func (b bag) minus(c bag) bag {
	out := bag{}
	for w, n := range b {
		if d := n - c[w]; d > 0 {
			out[w] = d
		}
	}
	return out
}

func (b bag) String() string {
	var ws []string
	for w, n := range b {
		ws = append(ws, w+"×"+strconv.Itoa(n))
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

func TestExampleHoldsEverySeedWord(t *testing.T) {
	t.Parallel()
	seed := bag{}
	for _, row := range seedTable(t) {
		for _, c := range row {
			seed.add(c)
		}
	}

	doc := loadExample(t)
	ours := bag{}
	for _, k := range doc.Kelompok() {
		ours.add(k.Nama) // the group row
	}
	for _, s := range doc.Sasaran {
		ours.add(strconv.Itoa(s.Nomor))
		ours.add(s.Uraian)
		for _, in := range s.Indikator {
			ours.add(strconv.Itoa(in.Nomor))
			ours.add(in.Uraian)
			ours.add(in.SumberData)
			ours.add(in.Pengukuran)
			for _, n := range in.Target.TW {
				ours.add(nilaiText(n))
			}
			ours.add(nilaiText(in.Target.Tahunan))
			ours.add(in.Satuan)
		}
	}

	// The seed words the example leaves out, each on purpose (see the
	// comments in the example):
	want := bag{
		"100":             3, // sasaran 23-25 print six target values; the surplus 100% is dropped
		"19":              1, // the seed numbers two sasaran 19; we number 19 and 20
		"peningkatan":     1, // "Peningkatan Profesionalitas" repeated across a page break
		"profesionalitas": 1, //   in sasaran 3's indikator, written once
	}
	if got := seed.minus(ours); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("seed words missing from the example:\n got %v\nwant %v", got, want)
	}
	// And the example adds no words of its own beyond its numbering.
	extra := ours.minus(seed)
	if fmt.Sprint(extra) != "26×1" {
		t.Errorf("words in the example that the seed's table does not have: %v", extra)
	}
}
