package model

import (
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// latinOnly stands for the embedded fonts' coverage (package fonts gives
// the real one): Latin, Latin-1 and Latin Extended, Greek and Cyrillic,
// punctuation and mathematical signs; no Arabic, CJK, emoji or U+FEFF.
func latinOnly(r rune) bool {
	return r >= 0x20 && r < 0x7F || r >= 0xA0 && r < 0x0530 || r >= 0x2000 && r < 0x2300
}

func TestCheckCharacters(t *testing.T) {
	t.Parallel()
	src := strings.Replace(pkHead, `tempat = "Jakarta"`, `tempat = "\uFEFFJakarta"`, 1)
	src = strings.Replace(src, `nama = "Dhany Sukma"`, `nama = "Dhany 王 Sukma 王 李"`, 1)
	src = strings.Replace(src, `"IBUKOTA JAKARTA"`, `"IBUKOTA\u0007 JAKARTA 😀"`, 1)
	src += sas("Sasaran Strategis", "Meningkatnya layanan – “mutu”",
		ind("IK-01", "Indeks\tKepuasan", `{ tw1 = "N/A", tw2 = "Baik مرحبا", tw3 = "N/A", tw4 = "Baik مرحبا", tahunan = "Baik مرحبا" }`,
			"pengukuran = '''\n1. Survei\tkepuasan\n2. ComputeCapaian\n'''",
			"sumber_data = \"BPS\\r\\nDKI\"", // a line break: layout, no problem
			"satuan = \"Per\\u0000sen\""))
	src += "\n[capaian.skala.mutu]\nangka = \"nilai\"\ntingkat = [ { label = \"Baik مرحبا\", persen = 100 } ]\n"
	doc, probs := Parse("k.toml", []byte(src))
	if doc == nil {
		t.Fatal(probs)
	}
	got := CheckCharacters(doc, "Liberation Sans", latinOnly)
	want := []string{
		`k.toml:2: peringatan: tempat: karakter U+FEFF "\ufeff" tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:5: instansi.kop[2]: karakter kendali U+0007 "\a" tidak dapat dicetak, tidak ada di huruf Liberation Sans; hapus karakter itu`,
		`k.toml:5: peringatan: instansi.kop[2]: karakter U+1F600 "😀" tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:8: peringatan: pihak_pertama.nama: karakter U+738B "王" (dan 1 lainnya) tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:25: sasaran[1].indikator[1].uraian: karakter kendali U+0009 "\t" tidak dapat dicetak, tidak ada di huruf Liberation Sans; hapus karakter itu`,
		`k.toml:26: peringatan: sasaran[1].indikator[1].target.tw2: karakter U+0645 "م" (dan 4 lainnya) tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:26: peringatan: sasaran[1].indikator[1].target.tw4: karakter U+0645 "م" (dan 4 lainnya) tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:26: peringatan: sasaran[1].indikator[1].target.tahunan: karakter U+0645 "م" (dan 4 lainnya) tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`k.toml:32: sasaran[1].indikator[1].satuan: karakter kendali U+0000 "\x00" tidak dapat dicetak, tidak ada di huruf Liberation Sans; hapus karakter itu`,
		`k.toml:36: peringatan: capaian.skala.mutu.tingkat[1].label: karakter U+0645 "م" (dan 4 lainnya) tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if len(got.Errors()) != 3 {
		t.Errorf("%d errors, want 3 (the control characters)", len(got.Errors()))
	}
	if ps := CheckCharacters(loadExample(t), "Liberation Sans", latinOnly); len(ps) != 0 {
		t.Errorf("the example: %v", ps)
	}
}

func TestCheckCharactersRealisasi(t *testing.T) {
	t.Parallel()
	doc, probs := Parse("pk.toml", []byte(oneInd(`{ tw1 = "Baik", tw2 = "Baik", tw3 = "Baik", tw4 = "Baik", tahunan = "Baik" }`)+
		"\n[capaian.skala.mutu]\nangka = \"nilai\"\ntingkat = [ { label = \"Baik\", persen = 100 }, { label = \"Baik 好\", persen = 50 } ]\n"))
	if doc == nil {
		t.Fatal(probs)
	}
	src := "pk = \"pk.toml\"\ntriwulan = 2\n\n[[realisasi]]\nkode = \"IK-01\"\ntw = { tw1 = \"Baik\", tw2 = \"Baik 好\" }\n" +
		"kendala = '''\nCuaca\tburuk;\nhujan 🌧\n'''\nupaya = \"x\\u0000y\"\n"
	lap, probs := ParseRealisasi("r.toml", []byte(src), doc)
	if lap == nil {
		t.Fatal(probs)
	}
	var got []string
	for _, p := range CheckCharactersRealisasi(lap, "Liberation Sans", latinOnly) {
		got = append(got, p.String())
	}
	want := []string{
		`r.toml:6: peringatan: realisasi[1].tw.tw2: karakter U+597D "好" tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`r.toml:7: peringatan: realisasi[1].kendala: karakter U+1F327 "🌧" tidak ada di huruf Liberation Sans; di PDF tercetak sebagai "?", ganti atau hapus karakter itu`,
		`r.toml:11: realisasi[1].upaya: karakter kendali U+0000 "\x00" tidak dapat dicetak, tidak ada di huruf Liberation Sans; hapus karakter itu`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if CheckCharactersRealisasi(nil, "x", latinOnly) != nil {
		t.Error("nil report")
	}
}

// BenchmarkCheckCharacters is the fonts' coverage check of the seed PK,
// which every render and check now runs.
func BenchmarkCheckCharacters(b *testing.B) {
	doc, _, err := Load(testutil.Rooted(testutil.Example(b, "jakarta-pusat-2023.toml")))
	if err != nil || doc == nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		CheckCharacters(doc, "Liberation Sans", latinOnly)
	}
}
