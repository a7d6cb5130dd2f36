package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// bagianDecl is one [[bagian]]; lines are further key = value lines.
func bagianDecl(nama string, lines ...string) string {
	s := fmt.Sprintf("\n[[bagian]]\nnama = %q\n", nama)
	for _, l := range lines {
		s += l + "\n"
	}
	return s
}

// inBagian is a sasaran with one indicator in a section ("" leaves the
// key out).
func inBagian(bagian, kelompok, uraian, kode string) string {
	s := "\n[[sasaran]]\n"
	if bagian != "" {
		s += fmt.Sprintf("bagian = %q\n", bagian)
	}
	if kelompok != "" {
		s += fmt.Sprintf("kelompok = %q\n", kelompok)
	}
	s += fmt.Sprintf("uraian = %q\n", uraian)
	return s + ind(kode, "Indeks "+kode, `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`)
}

func TestBagianNumbering(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		src   string
		nomor []int
	}{
		{"without sections 1..n", pkHead + inBagian("", "", "A", "K1") + inBagian("", "", "B", "K2") + inBagian("", "", "C", "K3"),
			[]int{1, 2, 3}},
		{"restarts per section",
			pkHead + bagianDecl("program", `judul = "A. Sasaran Program"`, `lampiran = "eselon3"`) + bagianDecl("kegiatan", `lampiran = "eselon4"`) +
				inBagian("program", "", "A", "K1") + inBagian("program", "", "B", "K2") +
				inBagian("kegiatan", "", "C", "K3") + inBagian("kegiatan", "", "D", "K4") + inBagian("kegiatan", "", "E", "K5"),
			[]int{1, 2, 1, 2, 3}},
		{"nomor_lanjut continues",
			pkHead + bagianDecl("a") + bagianDecl("b", "nomor_lanjut = true") + bagianDecl("c") +
				inBagian("a", "", "A", "K1") + inBagian("a", "", "B", "K2") + inBagian("b", "", "C", "K3") + inBagian("c", "", "D", "K4"),
			[]int{1, 2, 3, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, probs := Parse("v.toml", []byte(tc.src))
			if doc == nil {
				t.Fatalf("invalid: %v", brief(probs))
			}
			var got []int
			for _, s := range doc.Sasaran {
				got = append(got, s.Nomor)
			}
			if !reflect.DeepEqual(got, tc.nomor) {
				t.Errorf("nomor = %v, want %v", got, tc.nomor)
			}
		})
	}
}

func TestBagianSections(t *testing.T) {
	t.Parallel()
	src := `lampiran = "eselon2"` + "\n" + pkHead +
		bagianDecl("program", `judul = "A. Sasaran Program"`, `lampiran = "eselon3"`) + bagianDecl("kegiatan", `judul = "B. Sasaran Kegiatan"`) +
		inBagian("program", "Sasaran Strategis", "A", "K1") + inBagian("kegiatan", "Sasaran Strategis", "B", "K2") +
		inBagian("kegiatan", "Sasaran Strategis", "C", "K3")
	doc, probs := Parse("v.toml", []byte(src))
	if doc == nil {
		t.Fatalf("invalid: %v", brief(probs))
	}
	secs := doc.Sections()
	if len(secs) != 2 {
		t.Fatalf("%d sections, want 2", len(secs))
	}
	if s := secs[0]; s.Lampiran != "eselon3" || s.Judul != "A. Sasaran Program" || s.KeyPath() != "bagian[1]" || len(s.Sasaran) != 1 {
		t.Errorf("section 1 = %+v", s)
	}
	// Without its own column set a section takes the document's.
	if s := secs[1]; s.Lampiran != "eselon2" || s.KeyPath() != "bagian[2]" || len(s.Sasaran) != 2 || s.Sasaran[1].Uraian != "C" {
		t.Errorf("section 2 = %+v", s)
	}
	// The same kelompok in two sections is two groups, each in its table.
	if g := doc.Kelompok(); len(g) != 2 || len(g[1].Sasaran) != 2 {
		t.Errorf("groups = %+v", g)
	}
	if g := secs[1].Kelompok(); len(g) != 1 || g[0].Nama != "Sasaran Strategis" {
		t.Errorf("groups of section 2 = %+v", g)
	}
	// A lampiran without sections is one section of every sasaran.
	plain, _ := Parse("v.toml", []byte(pkHead+inBagian("", "", "A", "K1")))
	if s := plain.Sections(); len(s) != 1 || s[0].Index != 0 || s[0].Lampiran != "dki" || s[0].KeyPath() != "" || len(s[0].Sasaran) != 1 {
		t.Errorf("sections without [[bagian]] = %+v", s)
	}
}

func TestRuleBagian(t *testing.T) {
	t.Parallel()
	two := bagianDecl("program") + bagianDecl("kegiatan")
	runRules(t, []ruleCase{
		{"sasaran in no section", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("", "", "B", "K2") + inBagian("kegiatan", "", "C", "K3"),
			[]string{`sasaran[2].bagian: wajib diisi bila dokumen punya [[bagian]]: tulis bagian = salah satu dari "program", "kegiatan"`}},
		{"misspelt section", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("kegiatn", "", "B", "K2"),
			[]string{`sasaran[2].bagian: bagian "kegiatn" tidak dideklarasikan; maksud Anda "kegiatan"?`}},
		{"unknown section", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("anggaran", "", "B", "K2"),
			[]string{`sasaran[2].bagian: bagian "anggaran" tidak dideklarasikan; pilih salah satu dari "program", "kegiatan"`}},
		{"empty section", pkHead + two + inBagian("program", "", "A", "K1"),
			[]string{`bagian[2]: bagian "kegiatan" tidak punya sasaran; tulis bagian = "kegiatan" pada [[sasaran]]-nya, atau hapus bagian ini`}},
		{"section without declarations", pkHead + inBagian("program", "", "A", "K1"),
			[]string{`sasaran[1].bagian: bagian "program" tidak dideklarasikan: tidak ada [[bagian]] di dokumen; …`}},
		{"duplicate name", pkHead + bagianDecl("program") + bagianDecl("program") + inBagian("program", "", "A", "K1"),
			[]string{`bagian[2].nama: nama bagian "program" sudah dipakai di bagian[1]; setiap bagian perlu nama yang unik`}},
		{"name required", pkHead + bagianDecl("program") + "\n[[bagian]]\njudul = \"B\"\n" + inBagian("program", "", "A", "K1"),
			[]string{`bagian[2].nama: wajib diisi (teks)`}},
		{"not consecutive", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("kegiatan", "", "B", "K2") + inBagian("program", "", "C", "K3"),
			[]string{`sasaran[3].bagian: sasaran bagian "program" sudah berakhir sebelum sasaran ini (bagian itu dimulai di sasaran[1]); sasaran satu bagian harus berurutan`}},
		{"out of order", pkHead + two + inBagian("kegiatan", "", "A", "K1") + inBagian("program", "", "B", "K2"),
			[]string{`sasaran[2].bagian: bagian "program" dideklarasikan sebelum bagian "kegiatan", tetapi sasarannya ditulis sesudahnya; tulis sasaran menurut urutan [[bagian]]`}},
		{"unknown key", pkHead + bagianDecl("program", `warna = "merah"`) + inBagian("program", "", "A", "K1"),
			[]string{`bagian[1].warna: kunci "warna" tidak dikenal; kunci yang boleh di sini: judul, lampiran, nama, nomor_lanjut`}},
		{"nomor_lanjut not a boolean", pkHead + bagianDecl("program", `nomor_lanjut = "ya"`) + inBagian("program", "", "A", "K1"),
			[]string{`bagian[1].nomor_lanjut: harus true atau false, bukan teks`}},
		{"empty list", "bagian = []\n" + pkHead + inBagian("", "", "A", "K1"),
			[]string{`bagian: daftar bagian kosong; hapus bagian = [] atau tulis setidaknya satu [[bagian]]`}},
		// A kelompok may recur in the next section: it is a new group there.
		{"kelompok per section", pkHead + two + inBagian("program", "Sasaran Strategis", "A", "K1") + inBagian("kegiatan", "Sasaran Strategis", "B", "K2"), nil},
		{"kelompok ended inside a section", pkHead + two + inBagian("program", "X", "A", "K1") + inBagian("program", "Y", "B", "K2") +
			inBagian("program", "X", "C", "K3") + inBagian("kegiatan", "", "D", "K4"),
			[]string{`sasaran[3].kelompok: kelompok "X" sudah berakhir di sasaran[1]; sasaran satu kelompok harus berurutan`}},
	})
}

// The section errors are located: their lines are those of the keys.
func TestBagianErrorLines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ src, line string }{
		{pkHead + bagianDecl("program") + bagianDecl("kegiatan") + inBagian("program", "", "A", "K1") + inBagian("kegiatn", "", "B", "K2"), `bagian = "kegiatn"`},
		{pkHead + bagianDecl("program") + bagianDecl("kegiatan") + inBagian("program", "", "A", "K1"), `[[bagian]]`},
		{pkHead + bagianDecl("program") + bagianDecl("program") + inBagian("program", "", "A", "K1"), `nama = "program"`},
	} {
		_, probs := Parse("v.toml", []byte(tc.src))
		lines := strings.Split(tc.src, "\n")
		// One problem: a misspelt name does not also leave its section empty.
		if len(probs) != 1 || probs[0].Line < 1 || lines[probs[0].Line-1] != tc.line {
			t.Errorf("problems %v at lines %v, want one at %q", brief(probs), probs, tc.line)
		}
	}
}

// Amendments match indicators by kode across sections: a sasaran moved to
// another table is one change of its bagian, not a removal and an addition.
func TestBagianCompare(t *testing.T) {
	t.Parallel()
	decls := bagianDecl("program") + bagianDecl("kegiatan")
	a, pa := Parse("a.toml", []byte(pkHead+decls+inBagian("program", "", "A", "K1")+inBagian("program", "", "B", "K2")+inBagian("kegiatan", "", "C", "K3")))
	b, pb := Parse("b.toml", []byte(pkHead+decls+inBagian("program", "", "A", "K1")+inBagian("kegiatan", "", "B", "K2")+inBagian("kegiatan", "", "C", "K3")))
	if a == nil || b == nil {
		t.Fatalf("invalid: %v %v", brief(pa), brief(pb))
	}
	var got []string
	for _, c := range Compare(a, b) {
		got = append(got, c.String())
	}
	if want := []string{"~ K2 bagian: program → kegiatan"}; !reflect.DeepEqual(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
	// Its number changes with its table, which is not a change of the PK.
	if a.Sasaran[1].Nomor != 2 || b.Sasaran[1].Nomor != 1 {
		t.Errorf("numbers %d, %d", a.Sasaran[1].Nomor, b.Sasaran[1].Nomor)
	}
}

// A table without groups followed by one with groups is no mix of grouped
// and ungrouped sasaran: each section has its own groups.
func TestBagianKelompokWarning(t *testing.T) {
	t.Parallel()
	two := bagianDecl("program") + bagianDecl("kegiatan")
	runRules(t, []ruleCase{
		{"groups in the second section only", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("kegiatan", "P", "B", "K2"), nil},
		{"a mix inside one section", pkHead + two + inBagian("program", "", "A", "K1") + inBagian("program", "P", "B", "K2") + inBagian("kegiatan", "", "C", "K3"),
			[]string{`peringatan: sasaran[2].kelompok: sasaran sebelumnya tidak berkelompok, yang ini berkelompok "P"`}},
	})
}
