package model

import (
	"fmt"
	"strings"
	"testing"
)

// pkHead is a valid document head; tests append sasaran built by sas and ind.
const pkHead = `tahun = 2023
tempat = "Jakarta"

[instansi]
kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]

[pihak_pertama]
nama = "Dhany Sukma"
nip = "197403091993111001"
jabatan = "Walikota"
unit_kerja = "Kota Administrasi Jakarta Pusat"

[pihak_kedua]
nama = "Heru Budi Hartono"
status = "Pj."
jabatan = "Gubernur"
unit_kerja = "Daerah Khusus Ibukota Jakarta"
`

// sas is one [[sasaran]] with its indicators; kelompok "" leaves the key out.
func sas(kelompok, uraian string, inds ...string) string {
	var b strings.Builder
	b.WriteString("\n[[sasaran]]\n")
	if kelompok != "" {
		fmt.Fprintf(&b, "kelompok = %q\n", kelompok)
	}
	fmt.Fprintf(&b, "uraian = %q\n", uraian)
	for _, in := range inds {
		b.WriteString(in)
	}
	return b.String()
}

// ind is one [[sasaran.indikator]]; lines are further key = value lines.
func ind(kode, uraian, target string, lines ...string) string {
	s := fmt.Sprintf("\n[[sasaran.indikator]]\nkode = %q\nuraian = %q\ntarget = %s\n", kode, uraian, target)
	for _, l := range lines {
		s += l + "\n"
	}
	return s
}

// brief lists problems without file and line: "[peringatan: ]path: msg".
func brief(ps Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		p.File, p.Line = "", 0
		out[i] = strings.TrimPrefix(p.String(), ": ")
	}
	return out
}

type ruleCase struct {
	name string
	src  string
	want []string // each problem, whole or a prefix ending in "…"
}

func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, probs := Parse("v.toml", []byte(tc.src))
			got := brief(probs)
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				if w, prefix := strings.CutSuffix(tc.want[i], "…"); prefix {
					ok = strings.HasPrefix(got[i], w)
				} else {
					ok = got[i] == w
				}
			}
			if !ok {
				t.Errorf("problems\n got: %q\nwant: %q", got, tc.want)
			}
			if (doc == nil) != (len(probs.Errors()) > 0) {
				t.Errorf("doc nil = %v with errors %v", doc == nil, probs.Errors())
			}
		})
	}
}

func oneInd(target string, lines ...string) string {
	return pkHead + sas("Sasaran Strategis", "S", ind("IK-01", "Indeks", target, lines...))
}

func TestRuleTargetKinds(t *testing.T) {
	t.Parallel()
	const tp = "sasaran[1].indikator[1].target"
	runRules(t, []ruleCase{
		{"numbers", oneInd(`{ tw1 = "N/A", tw2 = 86.75, tw3 = "N/A", tw4 = 86.75, tahunan = 86.75 }`), nil},
		{"percent", oneInd(`{ tw1 = "100%", tw2 = "100%", tw3 = "100%", tw4 = "100%", tahunan = "100%" }`), nil},
		{"integer and float are one kind", oneInd(`{ tw1 = 85, tw2 = 85.0, tw3 = 85, tw4 = 85.00, tahunan = 85 }`), nil},
		{"dash is not yet given, na is N/A", oneInd(`{ tw1 = "-", tw2 = "na", tw3 = "N/A", tw4 = 5, tahunan = 5 }`), nil},
		{"number then percent", oneInd(`{ tw1 = "N/A", tw2 = 100, tw3 = "N/A", tw4 = "100%", tahunan = "100%" }`),
			[]string{tp + ".tw2: target angka berbeda jenis dengan tw4 (persen); semua target satu indikator harus sejenis"}},
		{"percent then category", oneInd(`{ tw1 = "10%", tw2 = "Baik", tw3 = "Baik", tw4 = "Baik", tahunan = "Baik" }`),
			[]string{tp + ".tw1: target persen berbeda jenis dengan tw2 (kategori); semua target satu indikator harus sejenis"}},
		// A mistyped tw1 among numbers was reported at tw2, as if tw2 were wrong.
		{"mistyped tw1", oneInd(`{ tw1 = "8O", tw2 = 80, tw3 = 85, tw4 = 90, tahunan = 90 }`),
			[]string{tp + ".tw1: target kategori berbeda jenis dengan tw2 (angka); semua target satu indikator harus sejenis"}},
		{"two odd values", oneInd(`{ tw1 = "8O", tw2 = 80, tw3 = "85%", tw4 = 90, tahunan = 90 }`),
			[]string{tp + ".tw1: target kategori berbeda jenis dengan tw2 (angka); semua target satu indikator harus sejenis",
				tp + ".tw3: target persen berbeda jenis dengan tw2 (angka); semua target satu indikator harus sejenis"}},
		{"a tie goes to the annual target", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = 90, tahunan = "90%" }`),
			[]string{tp + ".tw4: target angka berbeda jenis dengan tahunan (persen); semua target satu indikator harus sejenis"}},
		{"annual of another kind", oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = "4%" }`),
			[]string{tp + ".tahunan: target persen berbeda jenis dengan tw1 (angka); semua target satu indikator harus sejenis"}},
		// Data that arrive only after the year: accepted (it was refused).
		{"annual N/A", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "N/A", tahunan = "N/A" }`), nil},
		{"annual N/A with quarterly targets", oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = "N/A" }`),
			[]string{"peringatan: " + tp + ".tahunan: target tahunan N/A sedangkan ada target triwulan; capaian terhadap target tahunan tidak dihitung"}},
		{"annual not yet given", oneInd(`{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = "–" }`), nil},
		// A quarter still to come cannot be added up yet.
		{"a quarter not yet given", oneInd(`{ tw1 = 1, tw2 = 2, tw3 = "–", tw4 = "–", tahunan = 10 }`), nil},
		{"every quarter N/A", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "N/A", tahunan = 80 }`),
			[]string{"peringatan: " + tp + ": semua target triwulan N/A; capaian triwulan tidak dapat dihitung"}},
		{"number as text", oneInd(`{ tw1 = "N/A", tw2 = "86,75", tw3 = "N/A", tw4 = 86.75, tahunan = 86.75 }`),
			[]string{tp + `.tw2: angka "86,75" ditulis sebagai teks; tulis tanpa tanda kutip (mis. 86.75)`}},
		{"too many decimals", oneInd(`{ tw1 = "N/A", tw2 = 0.0000000000001, tw3 = "N/A", tw4 = 1, tahunan = 1 }`),
			[]string{tp + `.tw2: angka "0.0000000000001" memiliki terlalu banyak desimal; paling banyak 12 angka di belakang koma`}},
		{"too big", oneInd(`{ tw1 = "N/A", tw2 = 1e21, tw3 = "N/A", tw4 = 1, tahunan = 1 }`),
			[]string{tp + `.tw2: angka "1000000000000000000000" terlalu besar`}},
		{"infinite", oneInd(`{ tw1 = "N/A", tw2 = inf, tw3 = "N/A", tw4 = 1, tahunan = 1 }`),
			[]string{tp + ".tw2: bukan angka terhingga: +Inf"}},
		{"date", oneInd(`{ tw1 = "N/A", tw2 = 2023-06-30, tw3 = "N/A", tw4 = 1, tahunan = 1 }`),
			[]string{tp + `.tw2: jenis nilai salah (tanggal/waktu): harus angka (86.75), persen ("100%"), kategori ("(3) WTP") atau "N/A"`}},
		{"inline table", oneInd(`{ tw1 = "N/A", tw2 = { nilai = 1 }, tw3 = "N/A", tw4 = 1, tahunan = 1 }`),
			[]string{tp + `.tw2: jenis nilai salah (tabel): harus angka (86.75), persen ("100%"), kategori ("(3) WTP") atau "N/A"`}},
		{"target as text", oneInd(`"86.75"`),
			[]string{"sasaran[1].indikator[1].target: harus tabel ([sasaran.indikator.target] atau { ... }), bukan teks"}},
	})
}

func TestRuleAgregasi(t *testing.T) {
	t.Parallel()
	const tp = "sasaran[1].indikator[1].target"
	runRules(t, []ruleCase{
		{"akhir: last measured quarter", oneInd(`{ tw1 = 10, tw2 = 20, tw3 = 30, tw4 = "N/A", tahunan = 30 }`), nil},
		{"akhir is the default", oneInd(`{ tw1 = 10, tw2 = 20, tw3 = 30, tw4 = 40, tahunan = 30 }`),
			[]string{tp + `.tahunan: target tahunan 30 tidak konsisten dengan agregasi "akhir": seharusnya sama dengan target triwulan terakhir yang diukur = 40; perbaiki target atau pilih agregasi lain`}},
		{"akhir compares values, not text", oneInd(`{ tw1 = "N/A", tw2 = 88.5, tw3 = "N/A", tw4 = 88.50, tahunan = 88.500 }`), nil},
		{"jumlah", oneInd(`{ tw1 = "25%", tw2 = "25%", tw3 = "25%", tw4 = "25%", tahunan = "100%" }`, `agregasi = "jumlah"`), nil},
		{"jumlah skips N/A", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "50%", tw4 = "50%", tahunan = "100%" }`, `agregasi = "jumlah"`), nil},
		{"jumlah is exact: 0.1 + 0.2 = 0.3", oneInd(`{ tw1 = 0.1, tw2 = 0.2, tw3 = "N/A", tw4 = "N/A", tahunan = 0.3 }`, `agregasi = "jumlah"`), nil},
		{"jumlah wrong", oneInd(`{ tw1 = "25%", tw2 = "25%", tw3 = "25%", tw4 = "20%", tahunan = "100%" }`, `agregasi = "jumlah"`),
			[]string{tp + `.tahunan: target tahunan 100% tidak konsisten dengan agregasi "jumlah": seharusnya jumlah target triwulan = 95%; perbaiki target atau pilih agregasi lain`}},
		{"jumlah above 100% is no warning", oneInd(`{ tw1 = "50%", tw2 = "50%", tw3 = "50%", tw4 = "50%", tahunan = "200%" }`, `agregasi = "jumlah"`), nil},
		{"rata-rata", oneInd(`{ tw1 = 80, tw2 = 85, tw3 = 90, tw4 = 93, tahunan = 87 }`, `agregasi = "rata-rata"`), nil},
		{"rata-rata wrong", oneInd(`{ tw1 = 80, tw2 = 85, tw3 = 90, tw4 = 90.5, tahunan = 86.5 }`, `agregasi = "rata-rata"`),
			[]string{tp + `.tahunan: target tahunan 86.5 tidak konsisten dengan agregasi "rata-rata": seharusnya rata-rata target triwulan = 86.375; perbaiki target atau pilih agregasi lain`}},
		{"rata-rata without a short decimal", oneInd(`{ tw1 = 1, tw2 = 1, tw3 = 2, tw4 = "N/A", tahunan = 1.33 }`, `agregasi = "rata-rata"`),
			[]string{tp + `.tahunan: target tahunan 1.33 tidak konsisten dengan agregasi "rata-rata": seharusnya rata-rata target triwulan = ≈1.3333; perbaiki target atau pilih agregasi lain`}},
		{"decreasing cumulative", oneInd(`{ tw1 = "N/A", tw2 = "60%", tw3 = "55%", tw4 = "100%", tahunan = "100%" }`),
			[]string{"peringatan: " + tp + `: target kumulatif (agregasi "akhir") menurun dari satu triwulan ke berikutnya`}},
		{"decreasing is fine when lower is better", oneInd(`{ tw1 = 9, tw2 = 7, tw3 = 5, tw4 = 3, tahunan = 3 }`, `polaritas = "turun"`), nil},
		{"percent above 100", oneInd(`{ tw1 = "100%", tw2 = "110%", tw3 = "110%", tw4 = "120%", tahunan = "120%" }`),
			[]string{"peringatan: " + tp + ": target persen lebih dari 100%"}},
	})
}

func TestRuleKategori(t *testing.T) {
	t.Parallel()
	const ip = "sasaran[1].indikator[1]"
	runRules(t, []ruleCase{
		{"WTP", oneInd(`{ tw1 = "N/A", tw2 = "(3) WTP", tw3 = "N/A", tw4 = "N/A", tahunan = "(3) WTP" }`), nil},
		{"same label and score, written otherwise", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "A (82)", tahunan = "A ( 82,0 )" }`), nil},
		{"word", oneInd(`{ tw1 = "Baik", tw2 = "Baik", tw3 = "Baik", tw4 = "Sangat Baik", tahunan = "Sangat Baik" }`), nil},
		{"annual differs from last quarter", oneInd(`{ tw1 = "N/A", tw2 = "(3) WTP", tw3 = "N/A", tw4 = "(3) WTP", tahunan = "(2) WDP" }`),
			[]string{ip + `.target.tahunan: target tahunan "(2) WDP" tidak sama dengan target triwulan terakhir "(3) WTP" (agregasi "akhir")`}},
		{"score differs", oneInd(`{ tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "A (82)", tahunan = "A (80)" }`),
			[]string{ip + `.target.tahunan: target tahunan "A (80)" tidak sama dengan target triwulan terakhir "A (82)" (agregasi "akhir")`}},
		{"category with jumlah", oneInd(`{ tw1 = "N/A", tw2 = "(3) WTP", tw3 = "N/A", tw4 = "N/A", tahunan = "(3) WTP" }`, `agregasi = "jumlah"`),
			[]string{ip + `.agregasi: target kategori hanya dapat beragregasi "akhir", bukan "jumlah"`}},
		{"category with rata-rata", oneInd(`{ tw1 = "Baik", tw2 = "Baik", tw3 = "Baik", tw4 = "Baik", tahunan = "Baik" }`, `agregasi = "rata-rata"`),
			[]string{ip + `.agregasi: target kategori hanya dapat beragregasi "akhir", bukan "rata-rata"`}},
	})
}

func TestRuleKode(t *testing.T) {
	t.Parallel()
	t1 := `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`
	runRules(t, []ruleCase{
		{"unique", pkHead + sas("K", "S1", ind("IK-01", "A", t1), ind("IK-02", "B", t1)) + sas("K", "S2", ind("IK-03", "C", t1)), nil},
		{"same sasaran", pkHead + sas("K", "S1", ind("IK-01", "A", t1), ind("IK-01", "B", t1)),
			[]string{`sasaran[1].indikator[2].kode: kode "IK-01" sudah dipakai di sasaran[1].indikator[1]; setiap indikator perlu kode yang unik`}},
		{"across sasaran, every repeat", pkHead + sas("K", "S1", ind("IK-01", "A", t1)) + sas("K", "S2", ind("IK-02", "B", t1), ind("IK-01", "C", t1)) + sas("K", "S3", ind("IK-01", "D", t1)),
			[]string{
				`sasaran[2].indikator[2].kode: kode "IK-01" sudah dipakai di sasaran[1].indikator[1]; setiap indikator perlu kode yang unik`,
				`sasaran[3].indikator[1].kode: kode "IK-01" sudah dipakai di sasaran[1].indikator[1]; setiap indikator perlu kode yang unik`,
			}},
		{"case matters", pkHead + sas("K", "S1", ind("IK-01", "A", t1), ind("ik-01", "B", t1)), nil},
		{"empty kode", pkHead + sas("K", "S1", ind("", "A", t1)),
			[]string{`sasaran[1].indikator[1].kode: tidak boleh kosong`}},
		{"duplicate uraian in one sasaran", pkHead + sas("K", "S1", ind("IK-01", "A", t1), ind("IK-02", "B", t1), ind("IK-03", "A", t1)),
			[]string{`peringatan: sasaran[1].indikator[3].uraian: uraian sama dengan indikator[1] pada sasaran yang sama`}},
		{"same uraian in two sasaran is fine", pkHead + sas("K", "S1", ind("IK-01", "A", t1)) + sas("K", "S2", ind("IK-02", "A", t1)), nil},
		{"sasaran without indikator", pkHead + sas("K", "S1") + sas("K", "S2", ind("IK-01", "A", t1)),
			[]string{`sasaran[1]: sasaran tanpa indikator: tambahkan setidaknya satu [[sasaran.indikator]]`}},
		{"indikator as a plain table", pkHead + "\n[[sasaran]]\nuraian = \"S\"\n[sasaran.indikator]\nkode = \"IK-01\"\n",
			[]string{`sasaran[1].indikator: harus daftar tabel ([[sasaran.indikator]]), bukan tabel`}},
		{"indikator = [] is not silently accepted", pkHead + "\n[[sasaran]]\nuraian = \"S\"\nindikator = []\n",
			[]string{`sasaran[1]: sasaran tanpa indikator: tambahkan setidaknya satu [[sasaran.indikator]]`}},
		{"sasaran = []", strings.Replace(pkHead, `tempat = "Jakarta"`, "tempat = \"Jakarta\"\nsasaran = []", 1),
			[]string{`sasaran: wajib ada: setidaknya satu [[sasaran]] dengan [[sasaran.indikator]]`}},
		{"sasaran element not a table", strings.Replace(pkHead, `tempat = "Jakarta"`, "tempat = \"Jakarta\"\nsasaran = [1]", 1),
			[]string{`sasaran[1]: harus tabel ([[sasaran]]), bukan bilangan bulat`}},
	})
}

func TestRuleKelompok(t *testing.T) {
	t.Parallel()
	i := func(k string) string { return ind(k, "A", `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`) }
	runRules(t, []ruleCase{
		{"consecutive", pkHead + sas("A", "1", i("1")) + sas("A", "2", i("2")) + sas("B", "3", i("3")), nil},
		{"none", pkHead + sas("", "1", i("1")) + sas("", "2", i("2")), nil},
		{"A B A", pkHead + sas("A", "1", i("1")) + sas("B", "2", i("2")) + sas("A", "3", i("3")),
			[]string{`sasaran[3].kelompok: kelompok "A" sudah berakhir di sasaran[1]; sasaran satu kelompok harus berurutan`}},
		{"A A B B A", pkHead + sas("A", "1", i("1")) + sas("A", "2", i("2")) + sas("B", "3", i("3")) + sas("B", "4", i("4")) + sas("A", "5", i("5")),
			[]string{`sasaran[5].kelompok: kelompok "A" sudah berakhir di sasaran[2]; sasaran satu kelompok harus berurutan`}},
		{"ungrouped then grouped", pkHead + sas("", "1", i("1")) + sas("A", "2", i("2")),
			[]string{`peringatan: sasaran[2].kelompok: sasaran sebelumnya tidak berkelompok, yang ini berkelompok "A"`}},
		{"ungrouped around a group", pkHead + sas("", "1", i("1")) + sas("A", "2", i("2")) + sas("", "3", i("3")),
			[]string{
				`peringatan: sasaran[2].kelompok: sasaran sebelumnya tidak berkelompok, yang ini berkelompok "A"`,
				`sasaran[3].kelompok: sasaran tanpa kelompok sudah berakhir di sasaran[1]; sasaran tanpa kelompok harus berurutan, isi kelompok sasaran ini atau pindahkan`,
			}},
	})
}

func TestRulePihak(t *testing.T) {
	t.Parallel()
	noKedua := pkHead[:strings.Index(pkHead, "[pihak_kedua]")]
	body := sas("A", "S", ind("IK-01", "A", `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`))
	runRules(t, []ruleCase{
		{"NIP appointed in the document year", strings.Replace(pkHead, "197403091993111001", "197403092023011001", 1) + body, nil},
		{"NIP appointed after the document year", strings.Replace(pkHead, "197403091993111001", "197403092024011001", 1) + body,
			[]string{"pihak_pertama.nip: tahun pengangkatan 2024 dalam NIP sesudah tahun dokumen 2023"}},
		{"NIP of pihak_kedua after the document year", strings.Replace(pkHead, `status = "Pj."`, "status = \"Pj.\"\nnip = \"19700101 202401 1 002\"", 1) + body,
			[]string{"pihak_kedua.nip: tahun pengangkatan 2024 dalam NIP sesudah tahun dokumen 2023"}},
		{"name in capitals", strings.Replace(pkHead, `"Dhany Sukma"`, `"DHANY SUKMA"`, 1) + body,
			[]string{`peringatan: pihak_pertama.nama: nama ditulis dengan huruf kapital semua; tulis seperti biasa ("Dhany Sukma"), halaman pernyataan mencetaknya kapital sendiri`}},
		{"no pihak_kedua", noKedua + body,
			[]string{`peringatan: pihak_kedua: tidak ada [pihak_kedua]: PK ditandatangani satu pihak, biasanya hanya untuk tingkat "kepala-daerah"`}},
		{"no pihak_kedua for a kepala daerah", strings.Replace(noKedua, "tahun = 2023", "tahun = 2023\ntingkat = \"kepala-daerah\"", 1) + body, nil},
		{"status Plt.", strings.Replace(pkHead, `"Pj."`, `"Plt."`, 1) + body, nil},
		{"status without dot", strings.Replace(pkHead, `"Pj."`, `"Pj"`, 1) + body,
			[]string{`pihak_kedua.status: nilai "Pj" tidak dikenal; pilih salah satu: "Pj.", "Plt.", "Plh."`}},
		{"missing jabatan", strings.Replace(pkHead, "jabatan = \"Walikota\"\n", "", 1) + body,
			[]string{`pihak_pertama.jabatan: wajib diisi (teks)`}},
		{"misspelt gelar", strings.Replace(pkHead, "jabatan = \"Walikota\"\n", "jabatan = \"Walikota\"\ngelar_blakang = \"S.H.\"\n", 1) + body,
			[]string{`pihak_pertama.gelar_blakang: kunci "gelar_blakang" tidak dikenal; maksud Anda "gelar_belakang"?`}},
	})
}

func TestRuleDocument(t *testing.T) {
	t.Parallel()
	body := sas("A", "S", ind("IK-01", "A", `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`))
	with := func(old, new string) string { return strings.Replace(pkHead, old, new, 1) + body }
	runRules(t, []ruleCase{
		{"tahun 2000", with("tahun = 2023", "tahun = 2000"), nil},
		{"tahun 2100", with("tahun = 2023", "tahun = 2100"), nil},
		{"tahun 1999", with("tahun = 2023", "tahun = 1999"), []string{"tahun: tahun 1999 di luar rentang 2000–2100"}},
		{"tahun 2101", with("tahun = 2023", "tahun = 2101"), []string{"tahun: tahun 2101 di luar rentang 2000–2100"}},
		{"tahun 23", with("tahun = 2023", "tahun = 23"), []string{"tahun: tahun 23 di luar rentang 2000–2100"}},
		{"tahun float", with("tahun = 2023", "tahun = 2023.0"), []string{"tahun: harus bilangan bulat tanpa tanda kutip, bukan bilangan desimal"}},
		{"tanggal", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = 2023-02-15"), nil},
		{"tanggal with time", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = 2023-02-15T10:00:00+07:00"), nil},
		{"tanggal as text", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"15 Februari 2023\""),
			[]string{`tanggal: "15 Februari 2023" bukan tanggal atau bulan; tulis tanggal tanpa tanda kutip (tanggal = 2023-02-15) atau bulan dalam tanda kutip (tanggal = "2023-02")`}},
		{"tanggal quoted", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"2023-02-15\""),
			[]string{"tanggal: harus tanggal TOML tanpa tanda kutip, mis. 2023-02-15, bukan teks"}},
		{"tanggal month", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"2023-12\""), nil},
		{"tanggal month next year", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"2024-03\""),
			[]string{"peringatan: tanggal: tanggal 2024-03 sesudah tahun PK 2023; PK yang ditandatangani awal tahun berikutnya (sampai 31 Maret) sah, pastikan tanggal ini benar"}},
		{"tanggal month outside", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"2024-04\""),
			[]string{"tanggal: tanggal 2024-04 di luar tahun PK 2023; tulis tanggal penandatanganan di tahun 2023 (paling lambat 31 Maret 2024)"}},
		{"tanggal month 13", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"2023-13\""),
			[]string{`tanggal: "2023-13" bukan tanggal atau bulan; tulis tanggal tanpa tanda kutip (tanggal = 2023-02-15) atau bulan dalam tanda kutip (tanggal = "2023-02")`}},
		{"kertas F4", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nkertas = \"F4\""), nil},
		{"kertas lower case", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nkertas = \"a4\""),
			[]string{`kertas: nilai "a4" tidak dikenal; pilih salah satu: "A4", "F4"`}},
		{"format_angka", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nformat_angka = \"de\""),
			[]string{`format_angka: nilai "de" tidak dikenal; pilih salah satu: "id", "en"`}},
		// Column set names are checked against the templates at render time.
		{"lampiran", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nlampiran = 5"),
			[]string{`lampiran: harus teks dalam tanda kutip, bukan bilangan bulat`}},
		{"tingkat", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntingkat = \"eselon-2\""),
			[]string{`tingkat: nilai "eselon-2" tidak dikenal; pilih salah satu: "kepala-daerah", "kepala-perangkat-daerah", "eselon-iii", "eselon-iv", "eselon-i", "eselon-ii", "unit-vertikal"`}},
		{"tingkat eselon-i", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntingkat = \"eselon-i\""), nil},
		{"ministry without tingkat", with(`kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`, `kop = ["KEMENTERIAN PERTANIAN"]`),
			[]string{`peringatan: tingkat: tingkat tidak diisi: judul lampiran menyebut KEPALA PERANGKAT DAERAH; untuk kementerian atau lembaga tulis tingkat = "eselon-i", "eselon-ii" atau "unit-vertikal"`}},
		{"unit organisasi without tingkat", with(`[instansi]`, "[instansi]\nunit_organisasi = \"Direktorat Jenderal Tanaman Pangan\""),
			[]string{`peringatan: tingkat: tingkat tidak diisi: judul lampiran menyebut KEPALA PERANGKAT DAERAH; untuk kementerian atau lembaga tulis tingkat = "eselon-i", "eselon-ii" atau "unit-vertikal"`}},
		{"identitas_lampiran", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nidentitas_lampiran = [\"tahun_anggaran\", \"nama\"]"), nil},
		{"identitas_lampiran empty", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nidentitas_lampiran = []"), nil},
		{"identitas_lampiran unknown and twice", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nidentitas_lampiran = [\"nama\", \"golongan\", \"nama\"]"),
			[]string{`identitas_lampiran[2]: "golongan" tidak dikenal; pilih dari: nama, nip, jabatan, unit_kerja, unit_organisasi_eselon_i, unit_organisasi, satker, tahun_anggaran`,
				`identitas_lampiran[3]: "nama" sudah disebut; setiap baris hanya sekali`}},
		{"identitas_lampiran without value", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nidentitas_lampiran = [\"satker\"]"),
			[]string{`identitas_lampiran[1]: baris "satker" tidak punya isi: isi instansi.satker atau hapus baris ini dari daftar`}},
		{"kop left out with a logo", with(`kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`, `logo = "garuda.png"`), nil},
		{"kop empty with a logo", with(`kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`, "kop = []\nlogo = \"garuda.png\""), nil},
		{"kop left out", with(`kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`, `unit_organisasi = "Biro Umum"`),
			[]string{`instansi.kop: wajib diisi (daftar teks, mis. ["BARIS 1", "BARIS 2"]); kop boleh tidak ada hanya bila logo diisi`,
				`peringatan: tingkat: tingkat tidak diisi: judul lampiran menyebut KEPALA PERANGKAT DAERAH; untuk kementerian atau lembaga tulis tingkat = "eselon-i", "eselon-ii" atau "unit-vertikal"`}},
		{"empty tempat", with(`tempat = "Jakarta"`, `tempat = ""`), []string{"tempat: tidak boleh kosong"}},
		{"empty kop", with(`kop = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`, `kop = []`), []string{"instansi.kop: tidak boleh kosong bila logo tidak diisi; tulis baris kop atau isi logo"}},
		{"unknown table", with("[instansi]", "[instansii]\nx = 1\n[instansi]"),
			[]string{`instansii: kunci "instansii" tidak dikenal; maksud Anda "instansi"?`}},
		{"no near key", with(`tempat = "Jakarta"`, "tempat = \"Jakarta\"\nwarna = \"merah\""),
			[]string{`warna: kunci "warna" tidak dikenal; kunci yang boleh di sini: anggaran, bagian, capaian, format_angka, hanya_lampiran, identitas_lampiran, instansi, jenis, kertas, lampiran, nomor_halaman, paraf, perubahan, pihak_kedua, pihak_pertama, pk_induk, sasaran, tahun, tanda_tangan, tanggal, tempat, templat, tingkat`}},
		{"capitalised key", with("tahun = 2023", "Tahun = 2023"),
			[]string{`Tahun: kunci "Tahun" tidak dikenal; maksud Anda "tahun"?`, "tahun: wajib diisi (bilangan bulat)"}},
	})
}

func TestRuleWords(t *testing.T) {
	t.Parallel()
	const ip = "sasaran[1].indikator[1]"
	t1 := `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`
	one := func(lines ...string) string { return pkHead + sas("A", "S", ind("IK-01", "Indeks", t1, lines...)) }
	runRules(t, []ruleCase{
		{"Persentase", one(`satuan = "Persentase"`), nil},
		{"Presentase in satuan", one(`satuan = "Presentase"`),
			[]string{`peringatan: ` + ip + `.satuan: "Presentase": mungkin maksudnya "Persentase"`}},
		{"presentase in uraian, any case", pkHead + sas("A", "S", ind("IK-01", "PRESENTASE Nilai", t1)),
			[]string{`peringatan: ` + ip + `.uraian: "PRESENTASE Nilai": mungkin maksudnya "Persentase"`}},
		{"HTML paragraph", one("pengukuran = '''\n<p>Dasar Hukum</p>\n'''"),
			[]string{`peringatan: ` + ip + `.pengukuran: berisi tag HTML <p>; HTML tidak ditafsirkan dan dicetak apa adanya, gunakan Markdown (**tebal**, daftar 1. 2.)`}},
		{"HTML list with attributes", one(`pengukuran = '<ol style="list-style-type: none"> 1. a'`),
			[]string{`peringatan: ` + ip + `.pengukuran: berisi tag HTML <ol style="list-style-type: none">; HTML tidak ditafsirkan dan dicetak apa adanya, gunakan Markdown (**tebal**, daftar 1. 2.)`}},
		{"less-than is not a tag", one(`pengukuran = "dalam kurun waktu <6 jam; nilai > 60 s.d 70; a < b dan c > d"`), nil},
		{"pengukuran must be text", one(`pengukuran = 5`),
			[]string{ip + `.pengukuran: harus teks dalam tanda kutip, bukan bilangan bulat`}},
	})
}

func TestParseTrimsAndDefaults(t *testing.T) {
	t.Parallel()
	src := strings.Replace(pkHead, `nama = "Dhany Sukma"`, `nama = "  Dhany Sukma  "`, 1) +
		sas("A", "S", ind("IK-01", "  Indeks  ", `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`,
			"pengukuran = '''\n  1. satu\n     a) dua\n\n'''"))
	doc, probs := Parse("v.toml", []byte(src))
	if doc == nil {
		t.Fatal(probs)
	}
	if doc.PihakPertama.Nama != "Dhany Sukma" || doc.Sasaran[0].Indikator[0].Uraian != "Indeks" {
		t.Errorf("text not trimmed: %q, %q", doc.PihakPertama.Nama, doc.Sasaran[0].Indikator[0].Uraian)
	}
	if got := doc.Sasaran[0].Indikator[0].Pengukuran; got != "  1. satu\n     a) dua" {
		t.Errorf("pengukuran = %q: Markdown indentation must stay, trailing space go", got)
	}
	ind := doc.Sasaran[0].Indikator[0]
	if doc.Jenis != JenisPK || doc.Tingkat != KepalaPerangkatDaerah || doc.Kertas != A4 || doc.FormatAngka != "id" ||
		doc.Lampiran != "dki" || doc.Tanggal != nil || ind.Polaritas != Naik || ind.Agregasi != Akhir {
		t.Errorf("defaults: %+v %+v", doc, ind)
	}
	src = strings.Replace(src, `tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = 2023-02-15T23:30:00-05:00", 1)
	doc, probs = Parse("v.toml", []byte(src))
	if doc == nil || doc.Tanggal == nil || doc.Tanggal.Format("2006-01-02 15:04 MST") != "2023-02-15 00:00 UTC" {
		t.Errorf("tanggal: %v %v", doc.Tanggal, probs)
	}
}

// TestRuleTanggal: the signing date lies in the PK's year, or up to 31
// March of the next (a warning); 0001-01-01 printed "1 Januari 1".
func TestRuleTanggal(t *testing.T) {
	t.Parallel()
	withDate := func(tahun int, tanggal string) string {
		head := strings.Replace(pkHead, "tahun = 2023\n", fmt.Sprintf("tahun = %d\ntanggal = %s\n", tahun, tanggal), 1)
		return head + sas("Sasaran Strategis", "S", ind("IK-01", "Indeks", `{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }`))
	}
	runRules(t, []ruleCase{
		{"in the year", withDate(2023, "2023-02-15"), nil},
		{"last day", withDate(2023, "2023-12-31"), nil},
		{"31 March of the next year", withDate(2023, "2024-03-31"),
			[]string{"peringatan: tanggal: tanggal 2024-03-31 sesudah tahun PK 2023; PK yang ditandatangani awal tahun berikutnya (sampai 31 Maret) sah, pastikan tanggal ini benar"}},
		{"1 April of the next year", withDate(2023, "2024-04-01"),
			[]string{"tanggal: tanggal 2024-04-01 di luar tahun PK 2023; tulis tanggal penandatanganan di tahun 2023 (paling lambat 31 Maret 2024)"}},
		{"the year before", withDate(2025, "2024-12-31"),
			[]string{"tanggal: tanggal 2024-12-31 di luar tahun PK 2025; tulis tanggal penandatanganan di tahun 2025 (paling lambat 31 Maret 2026)"}},
		{"year 1", withDate(2024, "0001-01-01"),
			[]string{"tanggal: tanggal 0001-01-01 di luar tahun PK 2024; tulis tanggal penandatanganan di tahun 2024 (paling lambat 31 Maret 2025)"}},
		{"two years on", withDate(2024, "2026-01-10"),
			[]string{"tanggal: tanggal 2026-01-10 di luar tahun PK 2024; tulis tanggal penandatanganan di tahun 2024 (paling lambat 31 Maret 2025)"}},
	})
}

// A lampiran-only document (hanya_lampiran = true) may leave out the place,
// the heading and the parties; a second party needs the first, and identity
// lines about the parties need them.
func TestRuleHanyaLampiran(t *testing.T) {
	t.Parallel()
	body := sas("", "S", ind("IK-01", "A", `{ tw1 = 1, tw2 = 1, tw3 = 1, tw4 = 1, tahunan = 1 }`))
	bare := "tahun = 2023\nhanya_lampiran = true\n"
	kedua := "[pihak_kedua]\nnama = \"Heru Budi Hartono\"\njabatan = \"Gubernur\"\n"
	runRules(t, []ruleCase{
		{"bare", bare + body, nil},
		{"with parties", strings.Replace(pkHead, "tahun = 2023", "tahun = 2023\nhanya_lampiran = true", 1) + body, nil},
		{"second party alone", bare + kedua + body, []string{"pihak_pertama: wajib ada bila [pihak_kedua] atau [tanda_tangan.mengetahui] diisi: tabel [pihak_pertama]"}},
		{"identity of no party", "tahun = 2023\nhanya_lampiran = true\nidentitas_lampiran = [\"nama\"]\n" + body,
			[]string{`identitas_lampiran[1]: baris "nama" memerlukan [pihak_pertama], yang tidak diisi`}},
		{"not lampiran-only", "tahun = 2023\n" + body, []string{
			"tempat: wajib diisi (teks)",
			"instansi: wajib ada: tabel [instansi] atau instansi = { ... }",
			"pihak_pertama: wajib ada: tabel [pihak_pertama] atau pihak_pertama = { ... }",
		}},
		{"not a boolean", "tahun = 2023\nhanya_lampiran = \"ya\"\n" + body[:0] + strings.Replace(pkHead, "tahun = 2023\n", "", 1) + body,
			[]string{`hanya_lampiran: harus true atau false, bukan teks`}},
	})
}
