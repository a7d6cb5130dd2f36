package model

import (
	"slices"
	"strings"
	"testing"
)

// TestKaskadeKeys: pk_induk, mendukung and agregasi_kaskade are read,
// and their wrong shapes are located.
func TestKaskadeKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, head, sasaran, indikator string
		want                           []string
	}{
		{"read", `pk_induk = "../dinas.toml"`, `mendukung = ["DK-01", "DK-02"]`, "mendukung = [\"DK-03\"]\nagregasi_kaskade = \"jumlah\"", nil},
		{"empty pk_induk", `pk_induk = ""`, "", "",
			[]string{`pk_induk: tidak boleh kosong: tulis berkas PK atasan, mis. "dinas-kesehatan-2024.toml", atau hapus kunci ini`}},
		{"pk_induk not text", `pk_induk = 3`, "", "",
			[]string{`pk_induk: harus teks dalam tanda kutip, bukan bilangan bulat`}},
		{"mendukung not a list", `pk_induk = "d.toml"`, `mendukung = "DK-01"`, "",
			[]string{`sasaran[1].mendukung: harus daftar teks, mis. ["BARIS 1", "BARIS 2"], bukan teks`}},
		{"empty and repeated kode", `pk_induk = "d.toml"`, "", `mendukung = ["DK-01", "", "DK-01"]`,
			[]string{`sasaran[1].indikator[1].mendukung[2]: kode kosong: tulis kode indikator PK induk, mis. "IK-01"`,
				`peringatan: sasaran[1].indikator[1].mendukung[3]: kode "DK-01" disebut dua kali`}},
		{"mendukung without pk_induk", "", `mendukung = ["DK-01"]`, `mendukung = ["DK-02"]`,
			[]string{`peringatan: sasaran[1].mendukung: tidak berpengaruh tanpa pk_induk: tulis pk_induk (berkas PK atasan) di awal berkas`,
				`peringatan: sasaran[1].indikator[1].mendukung: tidak berpengaruh tanpa pk_induk: tulis pk_induk (berkas PK atasan) di awal berkas`}},
		{"unknown agregasi_kaskade", "", "", `agregasi_kaskade = "rata-rata"`,
			[]string{`sasaran[1].indikator[1].agregasi_kaskade: nilai "rata-rata" tidak dikenal; pilih salah satu: "jumlah"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(pkHead, "tempat = \"Jakarta\"\n", "tempat = \"Jakarta\"\n"+tt.head+"\n", 1) +
				"\n[[sasaran]]\nuraian = \"S\"\n" + tt.sasaran + "\n" + ind("IK-01", "I", "{ tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }", tt.indikator)
			doc, probs := Parse("sub/pk.toml", []byte(src))
			if got := brief(probs); !slices.Equal(got, tt.want) {
				t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.name == "read" {
				s := doc.Sasaran[0]
				if doc.PKInduk != "../dinas.toml" || !slices.Equal(s.Mendukung, []string{"DK-01", "DK-02"}) ||
					!slices.Equal(s.Indikator[0].Mendukung, []string{"DK-03"}) || s.Indikator[0].AgregasiKaskade != Jumlah {
					t.Fatalf("read %q %v %v %q", doc.PKInduk, s.Mendukung, s.Indikator[0].Mendukung, s.Indikator[0].AgregasiKaskade)
				}
				assertPKRoundTrip(t, doc, "")
			}
		})
	}
}
