package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestSyntaxErrorsAllAtOnce: each kind of syntax error a line can hold is
// reported, and decoding goes on past it to the problems of the rest.
func TestSyntaxErrorsAllAtOnce(t *testing.T) {
	t.Parallel()
	head := strings.Replace(pkHead, `tempat = "Jakarta"`, "tempat \"Jakarta\"\ntanggal = 2023-02-30\ntahun = 2023", 1)
	head = strings.Replace(head, "[pihak_kedua]", "[pihak_kedua", 1)
	head = strings.Replace(head, `jabatan = "Walikota"`, "jabatan = \"Walikota\n=== sisa tempelan", 1)
	src := head + "\n[pihak_pertama]\nnama = \"X\"\n" + sas("Sasaran Strategis", "S",
		ind("IK-01", "Indeks", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`, "satuan ="),
		ind("IK-01", "Indeks Dua", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 5 }`))
	runRules(t, []ruleCase{{"every kind", src, []string{
		`sintaks TOML salah (kolom 8): tanda = tidak ada sesudah nama kunci (ditemukan '"'); tulis kunci = nilai`,
		`sintaks TOML salah (kolom 11): tanggal "2023-02-30" tidak sah; tulis TTTT-BB-HH, mis. 2023-02-15`,
		`sintaks TOML salah (kolom 1): kunci atau tabel "tahun" sudah ditulis sebelumnya; setiap kunci dan setiap [tabel] hanya boleh ditulis sekali`,
		`sintaks TOML salah (kolom 20): teks belum ditutup dengan tanda kutip pada baris ini; teks yang berganti baris ditulis di antara ''' dan '''`,
		`sintaks TOML salah (kolom 1): nama kunci tidak ada sebelum =`,
		`sintaks TOML salah (kolom 13): nama tabel belum ditutup; tulis [nama] atau [[nama]] pada satu baris`,
		`sintaks TOML salah (kolom 2): kunci atau tabel "pihak_pertama" sudah ditulis sebelumnya; setiap kunci dan setiap [tabel] hanya boleh ditulis sekali`,
		`sintaks TOML salah (kolom 9): nilai tidak ada setelah =; tulis angka, teks dalam tanda kutip, true/false, tanggal (2023-02-15), daftar [ ... ] atau tabel { ... }`,
		`sasaran[1].indikator[2].kode: kode "IK-01" sudah dipakai di sasaran[1].indikator[1]; setiap indikator perlu kode yang unik`,
		`sasaran[1].indikator[2].target.tahunan: target tahunan 5 tidak konsisten dengan agregasi "akhir": seharusnya sama dengan target triwulan terakhir yang diukur = 4; perbaiki target atau pilih agregasi lain`,
	}}})
}

// TestSyntaxErrorInsideAMultiLineValue: an error inside a value spanning
// lines cannot be stepped over; it is reported alone, as before.
func TestSyntaxErrorInsideAMultiLineValue(t *testing.T) {
	t.Parallel()
	src := strings.Replace(pkHead, `kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`,
		"kop = [\n  \"PEMERINTAH\" \"PROVINSI\",\n  \"JAKARTA\",\n]\ntempat = Jakarta", 1)
	doc, probs := Parse("v.toml", []byte(src))
	if doc != nil || len(probs) != 1 || probs[0].Line != 6 {
		t.Fatalf("got %v", probs)
	}
}

// TestSyntaxRoundsBounded: past maxSyntaxRounds errors, or past the
// budget of bytes decoded, the rounds stop with the errors found so far.
func TestSyntaxRoundsBounded(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := range 2 * maxSyntaxRounds {
		fmt.Fprintf(&b, "k%d = 1x\n", i)
	}
	doc, probs := Parse("v.toml", []byte(b.String()))
	if doc != nil || len(probs) != maxSyntaxRounds || probs[len(probs)-1].Line != maxSyntaxRounds {
		t.Fatalf("%d problems, last %v", len(probs), probs[len(probs)-1])
	}

	defer func(old int) { syntaxBudget = old }(syntaxBudget)
	syntaxBudget = 10 * b.Len()
	if _, probs := Parse("v.toml", []byte(b.String())); len(probs) != 10 {
		t.Errorf("budget of 10 decodings: %d problems", len(probs))
	}
}

// TestChecksSkipWhatFailed: relations are checked despite errors elsewhere,
// but not over a value that could not be read (which would invent an
// error: a sum missing a quarter).
func TestChecksSkipWhatFailed(t *testing.T) {
	t.Parallel()
	const tp = "sasaran[1].indikator[1].target"
	runRules(t, []ruleCase{
		{"a quarter of another type", oneInd(`{ tw1 = 1, tw2 = true, tw3 = 3, tw4 = 4, tahunan = 10 }`, `agregasi = "jumlah"`),
			[]string{tp + `.tw2: jenis nilai salah (boolean): harus angka (86.75), persen ("100%"), kategori ("(3) WTP") atau "N/A"`}},
		{"a quarter with a syntax error", oneInd(`{ tw1 = 1, tw2 = 2,5, tw3 = 3, tw4 = 4, tahunan = 10 }`, `agregasi = "jumlah"`),
			[]string{`sintaks TOML salah (kolom 30): tanda = tidak ada sesudah nama kunci (ditemukan ','); tulis kunci = nilai`}},
		{"an unknown agregasi", oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 10 }`, `agregasi = "total"`),
			[]string{`sasaran[1].indikator[1].agregasi: nilai "total" tidak dikenal; pilih salah satu: "akhir", "jumlah", "rata-rata"`}},
		{"kelompok of another type", pkHead +
			sas("A", "S1", ind("IK-01", "I", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`)) +
			"\n[[sasaran]]\nkelompok = 3\nuraian = \"S2\"\n" + ind("IK-02", "I", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`) +
			sas("A", "S3", ind("IK-03", "I", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`)),
			[]string{`sasaran[2].kelompok: harus teks dalam tanda kutip, bukan bilangan bulat`}},
		{"tahun out of range", strings.Replace(oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`), "tahun = 2023", "tahun = 20233\ntanggal = 2023-02-01", 1),
			[]string{`tahun: tahun 20233 di luar rentang 2000–2100`}},
	})
}

// TestRealisasiSyntaxErrorsAllAtOnce: a realisasi file gets the same
// rounds: its syntax error and the problems after it, in one run.
func TestRealisasiSyntaxErrorsAllAtOnce(t *testing.T) {
	t.Parallel()
	doc, probs := Parse("pk.toml", []byte(oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`)))
	if doc == nil {
		t.Fatal(probs)
	}
	src := "pk = \"pk.toml\"\ntriwulan = 2\n\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw1 = 1,5, tw2 = 2 }\nkendala = \"x\n\n[[realisasi]]\nkode = \"IK-09\"\n"
	_, probs = ParseRealisasi("r.toml", []byte(src), doc)
	got := brief(probs)
	want := []string{
		`sintaks TOML salah (kolom 17): tanda = tidak ada sesudah nama kunci (ditemukan ','); tulis kunci = nilai`,
		`sintaks TOML salah (kolom 13): teks belum ditutup dengan tanda kutip pada baris ini; teks yang berganti baris ditulis di antara ''' dan '''`,
		`realisasi[2].kode: kode "IK-09" tidak ada di PK pk.toml; maksud Anda "IK-01"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestProblemsBounded: past maxProblems a file's problems are counted, not
// listed, so a file of many thousand wrong keys is reported quickly.
func TestProblemsBounded(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`))
	for i := range 3 * maxProblems {
		fmt.Fprintf(&b, "\n[t%d]\nx = 1\n", i)
	}
	doc, probs := Parse("v.toml", []byte(b.String()))
	if doc != nil || len(probs) != maxProblems+1 {
		t.Fatalf("%d problems", len(probs))
	}
	last := probs[len(probs)-1]
	if want := fmt.Sprintf("v.toml: %d masalah lain tidak ditampilkan; perbaiki masalah di atas lalu periksa lagi", 2*maxProblems); last.String() != want || last.Severity != Galat {
		t.Errorf("last: %q, want %q", last, want)
	}
	checkProblems(t, "v.toml", probs)
}
