package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render"
	"pkgen/render/pdf"
)

// Benchmarks (see README, "Speed"):
//
//	go test ./cmd/pkgen -run '^$' -bench . -benchmem
//
// BenchmarkRenderExample is the whole pipeline for the seed: load and
// validate the TOML, lay it out, write the PDF.
func BenchmarkRenderExample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		renderPath(b, example)
	}
}

// renderPath loads, lays out and writes one document to memory; it returns
// the number of pages.
func renderPath(b *testing.B, path string) int {
	doc, probs, err := model.Load(testutil.Rooted(path))
	if err != nil || doc == nil {
		b.Fatal(err, probs)
	}
	laid, err := render.Layout(doc, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := pdf.Bytes(laid, pdf.Options{}); err != nil {
		b.Fatal(err)
	}
	return len(laid.Pages)
}

// BenchmarkLayoutExample is the layout stage alone.
func BenchmarkLayoutExample(b *testing.B) {
	doc, _, err := model.Load(testutil.Rooted(example))
	if err != nil || doc == nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Layout(doc, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutSections is the layout stage for a PK whose lampiran has
// sections under headings (captioned tables) and a budget table.
func BenchmarkLayoutSections(b *testing.B) {
	doc, _, err := model.Load(testutil.Rooted("../../examples/kabupaten-contoh-dinas-pertanian-2024.toml"))
	if err != nil || doc == nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Layout(doc, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is TOML decoding and validation of the seed.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if doc, probs, err := model.Load(testutil.Rooted(example)); err != nil || doc == nil {
			b.Fatal(err, probs)
		}
	}
}

// BenchmarkRenderLarge is the whole pipeline for a PK of 1,000 indicators
// with long Markdown definitions.
func BenchmarkRenderLarge(b *testing.B) {
	path := writeLarge(b, 1000)
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		pages = renderPath(b, path)
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkScaling renders generated PKs of 10, 100 and 1,000 indicators.
func BenchmarkScaling(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		path := writeLarge(b, n)
		b.Run(fmt.Sprintf("indikator=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				pages = renderPath(b, path)
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// BenchmarkBatch renders a folder of 100 seed-sized PKs through the batch
// path (`pkgen render FOLDER -d OUT`), writing the PDFs to a temporary
// folder. docs/s is the throughput.
func BenchmarkBatch(b *testing.B) {
	src := b.TempDir()
	seed, err := os.ReadFile(example)
	if err != nil {
		b.Fatal(err)
	}
	const docs = 100
	for i := range docs {
		// Different places make the documents differ a little.
		data := strings.Replace(string(seed), `tempat = "Jakarta"`, fmt.Sprintf(`tempat = "Kota %d"`, i), 1)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("pk-%03d.toml", i)), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	out := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if code := run([]string{"render", src, "-d", out, "--timpa"}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// writeLarge writes a valid PK of n indicators (four per sasaran) with long
// definitions to a temporary file.
func writeLarge(b *testing.B, n int) string {
	path := filepath.Join(b.TempDir(), fmt.Sprintf("besar-%d.toml", n))
	if err := os.WriteFile(path, []byte(largeTOML(n)), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func largeTOML(n int) string {
	var s strings.Builder
	s.WriteString(`tahun = 2024
tingkat = "kepala-perangkat-daerah"
tempat = "Sukamulya"
tanggal = 2024-02-01

[instansi]
kop = ["PEMERINTAH KABUPATEN CONTOH", "DINAS PENDIDIKAN"]

[pihak_pertama]
nama = "Siti Rahmawati"
gelar_belakang = "S.Pd., M.Si."
nip = "197403091993112001"
jabatan = "Kepala Dinas Pendidikan"
unit_kerja = "Kabupaten Contoh"
pangkat = "Pembina Utama Muda (IV/c)"

[pihak_kedua]
nama = "Ahmad Fauzi"
jabatan = "Bupati"
unit_kerja = "Kabupaten Contoh"
`)
	for i := range n {
		if i%4 == 0 {
			fmt.Fprintf(&s, `
[[sasaran]]
kelompok = "Sasaran Strategis"
uraian = "Meningkatnya mutu dan pemerataan layanan pendidikan dasar nomor %d di seluruh kecamatan, termasuk daerah terpencil dan perbatasan"
`, i/4+1)
		}
		t := 60 + i%30
		fmt.Fprintf(&s, `
[[sasaran.indikator]]
kode = "IK-%04d"
uraian = "Persentase satuan pendidikan dasar yang memenuhi standar pelayanan minimal bidang pendidikan, kelompok %d"
sumber_data = "Dapodik dan laporan Dinas Pendidikan"
satuan = "Persen"
agregasi = "akhir"
target = { tw1 = %d, tw2 = %d, tw3 = %d, tw4 = %d, tahunan = %d }
pengukuran = '''
**DASAR HUKUM :** Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal dan Peraturan Menteri Pendidikan dan Kebudayaan Nomor 32 Tahun 2018 tentang Standar Teknis Pelayanan Minimal Pendidikan.

**DEFINISI :** Persentase satuan pendidikan dasar yang memenuhi *standar pelayanan minimal*, yaitu jumlah sekolah yang memenuhi seluruh indikator mutu layanan dibagi jumlah seluruh sekolah pada jenjang yang sama di kabupaten, dikalikan seratus persen.

**METODE PENGUKURAN :**

1. Menghimpun data sekolah dari Dapodik per akhir triwulan.
2. Memeriksa pemenuhan setiap indikator standar pelayanan minimal.
3. Menghitung persentase sekolah yang memenuhi seluruh indikator.

**SUMBER DATA :** Data Pokok Pendidikan (Dapodik), laporan pengawas sekolah dan hasil verifikasi lapangan bidang pembinaan sekolah dasar.
'''
`, i+1, i%97, t-15, t-10, t-5, t, t)
	}
	return s.String()
}
