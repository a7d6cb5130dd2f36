package model

import (
	"math"
	"strings"
	"testing"
)

func dec(u int64, s int32) Desimal { return Desimal{Unscaled: u, Scale: s} }

func TestParseNilai(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Nilai
		wantErr string // substring of the error; "" for success
	}{
		{in: "N/A", want: Nilai{Jenis: NA}},
		{in: "n/a", want: Nilai{Jenis: NA}},
		{in: " NA ", want: Nilai{Jenis: NA}},
		// "–" is not yet given, N/A not applicable: they differ.
		{in: "-", want: Nilai{Jenis: Kosong, Teks: "–"}},
		{in: "–", want: Nilai{Jenis: Kosong, Teks: "–"}},
		{in: "—", want: Nilai{Jenis: Kosong, Teks: "–"}},
		{in: "100%", want: Nilai{Jenis: Persen, Angka: dec(100, 0)}},
		{in: "100 %", want: Nilai{Jenis: Persen, Angka: dec(100, 0)}},
		{in: "12,5%", want: Nilai{Jenis: Persen, Angka: dec(125, 1)}},
		{in: "12.50%", want: Nilai{Jenis: Persen, Angka: dec(125, 1)}},
		{in: "-5%", want: Nilai{Jenis: Persen, Angka: dec(-5, 0)}},
		{in: "(3) WTP", want: Nilai{Jenis: Kategori, Angka: dec(3, 0), AdaSkor: true, Label: "WTP", Teks: "(3) WTP"}},
		{in: "( 3 )  WTP", want: Nilai{Jenis: Kategori, Angka: dec(3, 0), AdaSkor: true, Label: "WTP", Teks: "( 3 )  WTP"}},
		{in: "A (82)", want: Nilai{Jenis: Kategori, Angka: dec(82, 0), AdaSkor: true, Label: "A", Teks: "A (82)"}},
		{in: "BB (70,5)", want: Nilai{Jenis: Kategori, Angka: dec(705, 1), AdaSkor: true, Label: "BB", Teks: "BB (70,5)"}},
		{in: "Sangat Baik (90)", want: Nilai{Jenis: Kategori, Angka: dec(90, 0), AdaSkor: true, Label: "Sangat Baik", Teks: "Sangat Baik (90)"}},
		{in: "Baik", want: Nilai{Jenis: Kategori, Label: "Baik", Teks: "Baik"}},
		{in: "  Baik ", want: Nilai{Jenis: Kategori, Label: "Baik", Teks: "Baik"}},
		{in: "", wantErr: "nilai kosong; isi angka"},
		{in: "   ", wantErr: "nilai kosong"},
		{in: "86.75", wantErr: `angka "86.75" ditulis sebagai teks; tulis tanpa tanda kutip (mis. 86.75)`},
		{in: "86,75", wantErr: `angka "86,75" ditulis sebagai teks; tulis tanpa tanda kutip (mis. 86.75)`},
		{in: "-3", wantErr: "ditulis sebagai teks"},
		{in: "99999999999999999999%", wantErr: "terlalu besar"},
		{in: "(99999999999999999999) WTP", wantErr: "terlalu besar"},
		{in: "A (99999999999999999999)", wantErr: "terlalu besar"},
	}
	for _, tt := range tests {
		got, err := ParseNilai(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseNilai(%q) error = %v, want containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNilai(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNilai(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseDesimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Desimal
		wantErr string
	}{
		{in: "86.75", want: dec(8675, 2)},
		{in: "88.5", want: dec(885, 1)},
		{in: "88,5", want: dec(885, 1)},
		{in: "88.50", want: dec(885, 1)},
		{in: "100", want: dec(100, 0)},
		{in: "-3", want: dec(-3, 0)},
		{in: "+3", want: dec(3, 0)},
		{in: "0.3", want: dec(3, 1)},
		{in: "1e3", want: dec(1000, 0)},
		{in: "1.5E-2", want: dec(15, 3)},
		{in: " 7 ", want: dec(7, 0)},
		{in: "0.000000000001", want: dec(1, 12)},
		{in: "9223372036854775807", want: dec(math.MaxInt64, 0)},
		{in: "", wantErr: "bukan angka"},
		{in: "abc", wantErr: "bukan angka"},
		{in: "1/2", wantErr: "bukan angka"},
		{in: "0x10", wantErr: "bukan angka"},
		{in: "1e999999999", wantErr: "bukan angka"}, // refused before big.Rat builds 10^999999999
		{in: "9223372036854775808", wantErr: "terlalu besar"},
		{in: "1e21", wantErr: "terlalu besar"},
		{in: "0.0000000000001", wantErr: "terlalu banyak desimal"},
	}
	for _, tt := range tests {
		got, err := ParseDesimal(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseDesimal(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDesimal(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// tenth is a variable so that tenth+2*tenth is float64 arithmetic, not an
// exact constant expression.
var tenth = 0.1

func TestDesimalFloat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      float64
		want    Desimal
		wantErr string
	}{
		// The shortest text of the float is its value: TOML's 88.5 and
		// 86.75 stay exact, and so does 0.3 although 0.1+0.2 != 0.3.
		{in: 88.5, want: dec(885, 1)},
		{in: 86.75, want: dec(8675, 2)},
		{in: 0.1, want: dec(1, 1)},
		{in: 0.2, want: dec(2, 1)},
		{in: 0.3, want: dec(3, 1)},
		{in: 71, want: dec(71, 0)},
		{in: -2.5, want: dec(-25, 1)},
		{in: 1e18, want: dec(1_000_000_000_000_000_000, 0)},
		// 0.1+0.2 as computed in float64 is 0.30000000000000004: not a
		// value a TOML file writes, and too precise for a Desimal.
		{in: tenth + 2*tenth, wantErr: "terlalu banyak desimal"},
		{in: 1e21, wantErr: "terlalu besar"},
		{in: math.Inf(1), wantErr: "bukan angka terhingga"},
		{in: math.NaN(), wantErr: "bukan angka terhingga"},
	}
	for _, tt := range tests {
		got, err := DesimalFloat(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("DesimalFloat(%v) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("DesimalFloat(%v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestDesimalExactSum(t *testing.T) {
	t.Parallel()
	// Sums are exact: 0.1 + 0.2 is 0.3, which float64 arithmetic misses.
	a, _ := DesimalFloat(0.1)
	b, _ := DesimalFloat(0.2)
	c, _ := DesimalFloat(0.3)
	sum := a.Rat()
	sum.Add(sum, b.Rat())
	if sum.Cmp(c.Rat()) != 0 {
		t.Errorf("0.1 + 0.2 = %v, want 0.3", sum.FloatString(20))
	}
	if x, y := dec(885, 1), dec(8850, 2); x.Cmp(y) != 0 || x.Cmp(dec(886, 1)) >= 0 || dec(886, 1).Cmp(x) <= 0 {
		t.Errorf("Cmp is not by value")
	}
	if f := dec(8675, 2).Float(); f != 86.75 {
		t.Errorf("Float() = %v", f)
	}
}

func TestDesimalString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d    Desimal
		want string
	}{
		{dec(8675, 2), "86.75"},
		{dec(885, 1), "88.5"},
		{dec(100, 0), "100"},
		{dec(0, 0), "0"},
		{dec(5, 2), "0.05"},
		{dec(-25, 1), "-2.5"},
		{dec(-5, 3), "-0.005"},
		{dec(8850, 2), "88.50"}, // the scale is kept as given
		{dec(math.MaxInt64, 0), "9223372036854775807"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
	// Round trip through the parser.
	for _, s := range []string{"86.75", "88.5", "100", "0.05", "-2.5"} {
		d, err := ParseDesimal(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDesimal(%q).String() = %q, %v", s, d.String(), err)
		}
	}
}

func TestNilaiSama(t *testing.T) {
	t.Parallel()
	mustNilai := func(s string) Nilai {
		t.Helper()
		n, err := ParseNilai(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	angka := func(u int64, s int32) Nilai { return Nilai{Jenis: Angka, Angka: dec(u, s)} }
	tests := []struct {
		a, b Nilai
		want bool
	}{
		{angka(885, 1), angka(8850, 2), true},
		{angka(885, 1), angka(8675, 2), false},
		{mustNilai("100%"), mustNilai("100 %"), true},
		{mustNilai("100%"), mustNilai("100,0%"), true},
		{mustNilai("100%"), angka(100, 0), false}, // different kinds
		{mustNilai("N/A"), mustNilai("n/a"), true},
		{mustNilai("N/A"), Nilai{}, false},
		{Nilai{}, Nilai{}, true},
		{mustNilai("(3) WTP"), mustNilai("( 3 ) WTP"), true},
		{mustNilai("(3) WTP"), mustNilai("WTP (3)"), true}, // same label and score
		{mustNilai("(3) WTP"), mustNilai("(2) WTP"), false},
		{mustNilai("(3) WTP"), mustNilai("(3) WDP"), false},
		{mustNilai("(3) WTP"), mustNilai("WTP"), false}, // one has a score
		{mustNilai("A (82)"), mustNilai("A (82,0)"), true},
		{mustNilai("Baik"), mustNilai("Baik"), true},
		{mustNilai("Baik"), mustNilai("baik"), false},
	}
	for _, tt := range tests {
		if got := tt.a.Sama(tt.b); got != tt.want {
			t.Errorf("%+v.Sama(%+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Sama(tt.a); got != tt.want {
			t.Errorf("Sama is not symmetric for %+v, %+v", tt.a, tt.b)
		}
	}
}

func TestJenisNilaiString(t *testing.T) {
	t.Parallel()
	want := map[JenisNilai]string{Kosong: "kosong", NA: "N/A", Angka: "angka", Persen: "persen", Kategori: "kategori"}
	for j, s := range want {
		if j.String() != s {
			t.Errorf("%d.String() = %q, want %q", j, j.String(), s)
		}
	}
}

// Quoted targets that look like numbers are categories, with a warning
// saying what was likely meant; real categories get none.
func TestNumberLikeHint(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"1.500.000.000", "1500000000"},
		{"Rp 1.500.000.000", "1500000000"},
		{"Rp1500000", "1500000"},
		{"1.500.000,50", "1500000.50"},
		{"maksimal 1%", `"1%" dengan polaritas = "turun"`},
		{"≤ 10", `target 10 dengan polaritas = "turun"`},
		{"minimal 90", "target 90 (polaritas naik"},
		{"≥ 80%", `target "80%" (polaritas naik`},
		{"1,5 juta", `angka 1.5 tanpa tanda kutip, dengan "juta" di satuan`},
		{"12 dokumen", `"dokumen" di satuan`},
		{"Baik", ""},
		{"WTP", ""},
		{"Tersedia", ""},
		{"2024", ""}, // a year as text is refused elsewhere (angka ditulis sebagai teks)
	} {
		got := numberLikeHint(c.in)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%q: hint %q, want %q", c.in, got, c.want)
		}
	}
}
