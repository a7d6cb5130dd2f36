package model

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// largePK is a PK with n indicators, ten to a sasaran, each with a
// definition of about a kilobyte: 10,000 make about 13 MB, the largest PK
// the input limit (MaxBytes) is sized for.
func largePK(n int) []byte {
	var b strings.Builder
	b.WriteString(pkHead)
	measure := strings.Repeat("Jumlah layanan yang diselesaikan tepat waktu dibagi jumlah layanan yang diterima, ", 11)
	for i := range n {
		if i%10 == 0 {
			fmt.Fprintf(&b, "\n[[sasaran]]\nkelompok = \"Sasaran Strategis %d\"\nuraian = \"Meningkatnya kualitas layanan publik bidang %d\"\n", i/1000+1, i/10+1)
		}
		fmt.Fprintf(&b, "\n[[sasaran.indikator]]\nkode = \"IK-%05d\"\nuraian = \"Persentase layanan perizinan yang diselesaikan tepat waktu, bidang %d\"\n", i+1, i+1)
		fmt.Fprintf(&b, "sumber_data = \"Laporan Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu\"\nsatuan = \"Persen\"\n")
		fmt.Fprintf(&b, "pengukuran = '''\n**Rumus:** %s\n\n1. Data dari sistem perizinan.\n2. Dihitung tiap triwulan.\n'''\n", measure)
		b.WriteString("target = { tw1 = \"80%\", tw2 = \"85%\", tw3 = \"90%\", tw4 = \"95%\", tahunan = \"95%\" }\n")
	}
	return []byte(b.String())
}

// TestLoadTenThousandIndicators: a PK of 10,000 indicators (13 MB) is
// within the input limit and loads.
func TestLoadTenThousandIndicators(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads 13 MB")
	}
	data := largePK(10_000)
	if len(data) < 12<<20 || int64(len(data)) > MaxBytes {
		t.Fatalf("%d bytes: not the size the limit is for", len(data))
	}
	doc, probs, err := Load(fstest.MapFS{"besar.toml": {Data: data}}, "besar.toml")
	if err != nil || doc == nil {
		t.Fatalf("%v %v", err, probs.Errors())
	}
	if n := doc.JumlahIndikator(); n != 10_000 {
		t.Errorf("%d indicators", n)
	}
	if ps := CheckCharacters(doc, "Liberation Sans", latinOnly); len(ps) != 0 {
		t.Errorf("characters: %v", ps[0])
	}
}

// BenchmarkLoadTenThousandIndicators measures Load of the 13 MB PK.
//
//	go test ./model -run XXX -bench TenThousand -benchmem -benchtime 3x
func BenchmarkLoadTenThousandIndicators(b *testing.B) {
	data := largePK(10_000)
	fsys := fstest.MapFS{"besar.toml": {Data: data}}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if doc, probs, err := Load(fsys, "besar.toml"); doc == nil {
			b.Fatal(err, probs.Errors())
		}
	}
}
