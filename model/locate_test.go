package model

import (
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

func TestLocator(t *testing.T) {
	t.Parallel()
	type at struct {
		path string
		line int
	}
	tests := []struct {
		name string
		src  string
		want []at
	}{
		{
			name: "top-level keys and tables",
			src: `# comment = 1
tahun = 2023
  tempat   =   "Jakarta"

[instansi]
kop = ["A", "B"]

[pihak_pertama]
nama = "Dhany Sukma"
`,
			want: []at{
				{"tahun", 2}, {"tempat", 3}, {"instansi", 5}, {"instansi.kop", 6},
				{"instansi.kop[2]", 6}, // element: falls back to its key
				{"pihak_pertama", 8}, {"pihak_pertama.nama", 9},
				{"pihak_pertama.nip", 8}, // absent key: falls back to its table
				{"comment", 0},
				{"tidak_ada", 0},
			},
		},
		{
			name: "arrays of tables are numbered per parent",
			src: `[[sasaran]]
uraian = "satu"

[[sasaran.indikator]]
kode = "IK-01"

[[sasaran.indikator]]
kode = "IK-02"
target = { tw1 = "N/A", tw2 = 86.75, tahunan = 86.75 }

[[sasaran]]
uraian = "dua"

[[sasaran.indikator]]
kode = "IK-03"
[sasaran.indikator.target]
tw1 = 1
tw2 = 2

[[sasaran.indikator]]
kode = "IK-04"
`,
			want: []at{
				{"sasaran[1]", 1}, {"sasaran[1].uraian", 2},
				{"sasaran[1].indikator[1]", 4}, {"sasaran[1].indikator[1].kode", 5},
				{"sasaran[1].indikator[2].kode", 8},
				{"sasaran[1].indikator[2].target", 9},
				{"sasaran[1].indikator[2].target.tw2", 9},
				{"sasaran[1].indikator[2].target.tw4", 9},
				{"sasaran[2]", 11}, {"sasaran[2].uraian", 12},
				{"sasaran[2].indikator[1].kode", 15},
				{"sasaran[2].indikator[1].target", 16},
				{"sasaran[2].indikator[1].target.tw2", 18},
				{"sasaran[2].indikator[2]", 20}, {"sasaran[2].indikator[2].kode", 21},
				{"sasaran[3]", 0},
				{"sasaran[2].indikator[3].kode", 11}, // falls back to sasaran[2]
			},
		},
		{
			name: "inline tables",
			src: `[[sasaran]]
[[sasaran.indikator]]
target = { tw1 = "N/A" , tw2=86.75,tahunan = { x = 1 }, "tw3" = 2 }
`,
			want: []at{
				{"sasaran[1].indikator[1].target", 3},
				{"sasaran[1].indikator[1].target.tw1", 3},
				{"sasaran[1].indikator[1].target.tw2", 3},
				{"sasaran[1].indikator[1].target.tw3", 3},
				{"sasaran[1].indikator[1].target.tahunan", 3},
			},
		},
		{
			name: "multi-line literal string with headers and keys inside",
			src: `[[sasaran]]
[[sasaran.indikator]]
kode = "IK-01"
pengukuran = '''
[[sasaran]]
[[sasaran.indikator]]
kode = "palsu"
[pihak_pertama]
'''
uraian = "sesudah"

[[sasaran.indikator]]
kode = "IK-02"
`,
			want: []at{
				{"sasaran[1].indikator[1].pengukuran", 4},
				{"sasaran[1].indikator[1].kode", 3},
				{"sasaran[1].indikator[1].uraian", 10},
				{"sasaran[1].indikator[2]", 12},
				{"sasaran[1].indikator[2].kode", 13},
				{"sasaran[2]", 0},
				{"pihak_pertama", 0},
			},
		},
		{
			name: "multi-line basic string, text on the opening and closing lines",
			src: `[[sasaran]]
uraian = """Baris satu
tahun = 1999
[[sasaran]]
akhir"""
kelompok = "K"
catatan = """satu baris"""
tempat = "x"
pengukuran = """
a \""" b = c
"""
satuan = "Persen"
`,
			want: []at{
				{"sasaran[1].uraian", 2},
				{"sasaran[1].kelompok", 6},
				{"sasaran[1].catatan", 7},
				{"sasaran[1].tempat", 8},
				{"sasaran[1].satuan", 12},
				{"tahun", 0},
				{"sasaran[2]", 0},
				{"sasaran[1].a", 1},
			},
		},
		{
			name: "delimiters of the other kind and strings with quotes",
			src: `[a]
x = "it's ''' not a multi-line string"
y = 'say """ hi'
z = '''
"""
[b]
'''
w = 1 # '''
v = 2
`,
			want: []at{
				{"a.x", 2}, {"a.y", 3}, {"a.z", 4}, {"a.w", 8}, {"a.v", 9}, {"b", 0},
			},
		},
		{
			name: "multi-line strings inside arrays and inline tables",
			src: `[instansi]
kop = [
  '''
[[sasaran]]
''',
  "B",
]
logo = "logo.png"
t = { a = """
[x]
""" }
u = 1
`,
			want: []at{
				{"instansi.kop", 2}, {"instansi.logo", 8}, {"instansi.t", 9},
				{"instansi.u", 12}, {"sasaran[1]", 0}, {"x", 0},
			},
		},
		{
			name: "nested arrays are not headers",
			src: `[instansi]
kop = [
  ["A", "B"],
  [1, 2],
]
logo = "logo.png"
`,
			want: []at{{"instansi.kop", 2}, {"instansi.logo", 6}},
		},
		{
			name: "quoted keys, dotted keys and spaced headers",
			src: `"tahun" = 2023
'tempat' = "Jakarta"
[ "pihak_pertama" ]
"nama" = "Dhany"
jabatan . nama = "x"
[[ sasaran ]] # first
[[ "sasaran" . 'indikator' ]]
"kode" = "IK-01"
"a=b" = 1
target.tw1 = 1
`,
			want: []at{
				{"tahun", 1}, {"tempat", 2}, {"pihak_pertama", 3}, {"pihak_pertama.nama", 4},
				{"pihak_pertama.jabatan.nama", 5},
				{"sasaran[1]", 6}, {"sasaran[1].indikator[1]", 7},
				{"sasaran[1].indikator[1].kode", 8},
				{"sasaran[1].indikator[1].a=b", 9},
				{"sasaran[1].indikator[1].target.tw1", 10},
			},
		},
		{
			name: "CRLF line endings",
			src:  "tahun = 2023\r\n\r\n[[sasaran]]\r\nuraian = '''\r\n[x]\r\n'''\r\nkelompok = \"K\"\r\n",
			want: []at{{"tahun", 1}, {"sasaran[1]", 3}, {"sasaran[1].uraian", 4}, {"sasaran[1].kelompok", 7}, {"x", 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLocator(tt.src)
			for _, w := range tt.want {
				if got := l.line(w.path); got != w.line {
					t.Errorf("line(%q) = %d, want %d", w.path, got, w.line)
				}
			}
		})
	}
}

func TestLocatorLineOfProblems(t *testing.T) {
	t.Parallel()
	// The decoder places problems through the locator: an unknown key under
	// a multi-line string that contains a header line stays on its own line.
	src := strings.Join([]string{
		`tahun = 2023`,
		`tempat = "Jakarta"`,
		`[instansi]`,
		`kop = ["A"]`,
		`[pihak_pertama]`,
		`nama = "Dhany Sukma"`,
		`jabatan = "Walikota"`,
		`[pihak_kedua]`,
		`nama = "Heru Budi Hartono"`,
		`jabatan = "Gubernur"`,
		`[[sasaran]]`,
		`uraian = "S"`,
		`[[sasaran.indikator]]`,
		`kode = "IK-01"`,
		`uraian = "I"`,
		`pengukuran = '''`,
		`[[sasaran]]`,
		`[[sasaran.indikator]]`,
		`'''`,
		`target = { tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4, tw6 = 5 }`,
		`satuann = "Nilai"`,
	}, "\n")
	_, probs := Parse("x.toml", []byte(src))
	want := []string{
		`x.toml:20: sasaran[1].indikator[1].target.tw6: kunci "tw6" tidak dikenal; kunci yang boleh di sini: tahunan, tw1, tw2, tw3, tw4`,
		`x.toml:21: sasaran[1].indikator[1].satuann: kunci "satuann" tidak dikenal; maksud Anda "satuan"?`,
	}
	if len(probs) != len(want) {
		t.Fatalf("got %v", probs)
	}
	for i := range want {
		if probs[i].String() != want[i] {
			t.Errorf("got  %s\nwant %s", probs[i], want[i])
		}
	}
}

func TestStripIdxAndJoinPath(t *testing.T) {
	t.Parallel()
	if got := stripIdx("sasaran[3].indikator[12].target"); got != "sasaran.indikator.target" {
		t.Errorf("stripIdx = %q", got)
	}
	if got := joinPath("", "tahun"); got != "tahun" {
		t.Errorf("joinPath = %q", got)
	}
	if got := joinPath("sasaran[1]", "uraian"); got != "sasaran[1].uraian" {
		t.Errorf("joinPath = %q", got)
	}
	if got := normKey(` "sasaran" . 'indikator' `); got != "sasaran.indikator" {
		t.Errorf("normKey = %q", got)
	}
}

// The locator made beside the decoder (a text of 8 kB or more) places
// every problem where the one made after it does: the seed's warnings, a
// broken line the decoder replaced (the text it decoded is then another
// one than the text read), and a wrong value after it.
func TestLocatorBeside(t *testing.T) {
	seed, err := os.ReadFile(testutil.Example(t, "jakarta-pusat-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	broken := slices.Clone(lines)
	if !strings.HasPrefix(broken[41], "kode = ") {
		t.Fatalf("line 42 of the seed is %q, not the first indicator's kode", broken[41])
	}
	broken[41] = "kode = = \"patah\"" // replaced by the decoder, round 1
	if dec := decodeRaw("pk.toml", []byte(strings.Join(broken, "\n")), pesan.M(""), pesan.M("")); dec.raw == nil || dec.loc == nil || dec.loc.src == dec.text {
		t.Fatal("the broken line is not replaced with the rest decoded: the test of a text replaced tests nothing")
	}
	wrong := slices.Clone(lines)
	for i, l := range wrong {
		if strings.HasPrefix(l, "satuan = ") && i > 300 {
			wrong[i] = "satuan = 12"
			break
		}
	}
	for _, c := range []struct{ name, src string }{
		{"seed", string(seed)},
		{"broken line", strings.Join(broken, "\n")},
		{"wrong value", strings.Join(wrong, "\n")},
	} {
		if len(c.src) < concurrentLocate {
			t.Fatalf("%s: %d bytes, too short to test the locator beside", c.name, len(c.src))
		}
		_, beside := Parse("pk.toml", []byte(c.src))
		saved := concurrentLocate
		concurrentLocate = math.MaxInt
		_, after := Parse("pk.toml", []byte(c.src))
		concurrentLocate = saved
		if len(beside) == 0 {
			t.Errorf("%s: no problems: nothing located", c.name)
		}
		if !reflect.DeepEqual(beside, after) {
			t.Errorf("%s: located beside the decoder:\n%v\nafter it:\n%v", c.name, beside, after)
		}
	}
	if startLocator("kecil = 1") != nil {
		t.Error("a short text's locator begun beside the decoder")
	}
}
