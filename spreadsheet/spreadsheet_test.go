package spreadsheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pkgen/internal/testutil"
	"pkgen/model"
)

func examples(t *testing.T) (pks, reals []string) {
	t.Helper()
	files, err := filepath.Glob(testutil.Example(t, "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("tidak ada contoh: %v", err)
	}
	files = append(files, "../schema/testdata/lengkap.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if model.IsRealisasi(data) {
			reals = append(reals, f)
		} else {
			pks = append(pks, f)
		}
	}
	return pks, reals
}

func parse(t *testing.T, name string, data []byte) *model.Document {
	t.Helper()
	doc, probs := model.Parse(name, data)
	if doc == nil {
		t.Fatalf("%s tidak sah:\n%v\n%s", name, probs.Errors(), data)
	}
	return doc
}

// normal clears what is not the document's content: the file name, and an
// empty templat list against an absent one.
func normal(d *model.Document) {
	d.File, d.Raw = "", nil
	if len(d.Templat) == 0 {
		d.Templat = nil
	}
}

// diff names the first difference between two values, for messages.
func diff(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return path
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: %v ≠ %v", path, a, b)
			}
			return ""
		}
		return diff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: panjang %d ≠ %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: %#v ≠ %#v", path, a.Interface(), b.Interface())
	}
	return ""
}

// TestRoundTripPK: TOML → XLSX → TOML gives the same document for every
// example, and the TOML written is stable.
func TestRoundTripPK(t *testing.T) {
	t.Parallel()
	pks, _ := examples(t)
	for _, f := range pks {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			orig := parse(t, f, data)
			x, err := ExportPK(orig)
			if err != nil {
				t.Fatal(err)
			}
			h, err := Import(x)
			if err != nil {
				t.Fatalf("impor:\n%v", err)
			}
			out := h.TOML("Dibuat oleh pkgen impor.")
			back := parse(t, "impor.toml", out)
			normal(orig)
			normal(back)
			if !reflect.DeepEqual(orig, back) {
				t.Fatalf("berbeda setelah XLSX: %s", diff("doc", reflect.ValueOf(orig), reflect.ValueOf(back)))
			}
			if again := model.EncodePK(back, "Dibuat oleh pkgen impor."); !bytes.Equal(again, out) {
				t.Errorf("TOML tidak stabil:\n%s\n---\n%s", out, again)
			}
		})
	}
}

// TestRoundTripRealisasi: the realisasi workbook gives the same report back.
func TestRoundTripRealisasi(t *testing.T) {
	t.Parallel()
	_, reals := examples(t)
	for _, f := range reals {
		t.Run(filepath.Base(f), func(t *testing.T) {
			lap, probs, err := model.LoadRealisasi(testutil.Rooted(f))
			if err != nil || lap == nil {
				t.Fatalf("%v %v", err, probs.Errors())
			}
			x, err := ExportRealisasi(lap.Dokumen, lap, lap.PK)
			if err != nil {
				t.Fatal(err)
			}
			h, err := Import(x)
			if err != nil {
				t.Fatalf("impor:\n%v", err)
			}
			if h.Laporan == nil {
				t.Fatal("bukan laporan realisasi")
			}
			out := h.TOML("")
			back, probs := model.ParseRealisasi("r.toml", out, lap.Dokumen)
			if back == nil {
				t.Fatalf("tidak sah:\n%v\n%s", probs.Errors(), out)
			}
			if back.PK != lap.PK || back.Tahun != lap.Tahun || back.Triwulan != lap.Triwulan {
				t.Errorf("kepala berbeda: %q %d %d ≠ %q %d %d", back.PK, back.Tahun, back.Triwulan, lap.PK, lap.Tahun, lap.Triwulan)
			}
			want := map[string]model.RealisasiIndikator{}
			for _, r := range lap.Realisasi {
				if !reflect.DeepEqual(r, model.RealisasiIndikator{Kode: r.Kode}) {
					want[r.Kode] = r
				}
			}
			got := map[string]model.RealisasiIndikator{}
			for _, r := range back.Realisasi {
				got[r.Kode] = r
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("realisasi berbeda: %s", diff("realisasi", reflect.ValueOf(got), reflect.ValueOf(want)))
				for k := range want {
					if !reflect.DeepEqual(got[k], want[k]) {
						t.Errorf("%s: %s", k, diff(k, reflect.ValueOf(got[k]), reflect.ValueOf(want[k])))
					}
				}
			}
		})
	}
}

// TestExportRealisasiNew: an entry sheet for a PK without a report yet.
func TestExportRealisasiNew(t *testing.T) {
	t.Parallel()
	doc, probs, err := model.Load(testutil.Rooted(testutil.Example(t, "kabupaten-contoh-bidang-2024.toml")))
	if err != nil || doc == nil {
		t.Fatal(err, probs)
	}
	x, err := ExportRealisasi(doc, nil, "kabupaten-contoh-bidang-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations(SheetRealisasi)
	if err != nil || len(dvs) < doc.JumlahIndikator()*5 {
		t.Fatalf("validasi data: %d untuk %d indikator (%v)", len(dvs), doc.JumlahIndikator(), err)
	}
	// Fill one realisasi, as a user does: a percentage typed as 91,5%.
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	must(t, f.SetCellFloat(SheetRealisasi, "L2", 0.915, -1, 64))
	must(t, f.SetCellStyle(SheetRealisasi, "L2", "L2", style))
	must(t, f.SetCellInt(SheetLaporan, "B4", 4))
	h, err := Import(save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	out := string(h.TOML(""))
	for _, want := range []string{`pk = "kabupaten-contoh-bidang-2024.toml"`, "tahun = 2024", "triwulan = 4", `kode = "P2P-01"`, `tw = { tw4 = "91.5%" }`} {
		if !strings.Contains(out, want) {
			t.Errorf("TOML tanpa %q:\n%s", want, out)
		}
	}
	if _, probs := model.ParseRealisasi("r.toml", []byte(out), doc); len(probs.Errors()) > 0 {
		t.Errorf("tidak sah: %v", probs.Errors())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func save(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// exampleWorkbook exports a small example for the tests to spoil.
func exampleWorkbook(t *testing.T) *excelize.File {
	t.Helper()
	data, err := os.ReadFile(testutil.Example(t, "kabupaten-contoh-dinas-kesehatan-2024.toml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := ExportPK(parse(t, "x.toml", data))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// colOf finds a header's column letter.
func colOf(t *testing.T, f *excelize.File, sheet, header string) string {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, h := range rows[0] {
		if h == header {
			return colName(i + 1)
		}
	}
	t.Fatalf("kolom %s tidak ada", header)
	return ""
}

// TestImportBadWorkbook: bad workbooks get messages naming the sheet,
// the cell and the problem.
func TestImportBadWorkbook(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		spoil func(t *testing.T, f *excelize.File)
		want  []string
	}{
		{"kolom hilang", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetLampiran, colOf(t, f, SheetLampiran, "target.tw3")+"1", ""))
		}, []string{`lembar Lampiran: kolom wajib "target.tw3" tidak ada`}},
		{"kolom salah eja", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetLampiran, colOf(t, f, SheetLampiran, "indikator.satuan")+"1", "satuan"))
		}, []string{`lembar Lampiran, sel H1: kolom "satuan" tidak dikenal; maksud Anda "indikator.satuan"?`}},
		{"teks di sel angka", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetAnggaran, "B2", "1.250.000.000"))
		}, []string{`lembar Anggaran, sel B2: teks "1.250.000.000" di sel angka (jumlah)`}},
		{"angka sebagai teks di target", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetLampiran, colOf(t, f, SheetLampiran, "target.tw4")+"2", "98,5"))
		}, []string{`lembar Lampiran, sel P2: target.tw4: angka "98,5" tersimpan sebagai teks`}},
		{"tahun teks", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetDokumen, "B2", "dua ribu"))
		}, []string{`lembar Dokumen, sel B2: teks "dua ribu" di sel angka (tahun)`}},
		{"nip angka", func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(SheetDokumen)
			for i, r := range rows {
				if r[0] == "pihak_pertama.nip" {
					must(t, f.SetCellFloat(SheetDokumen, fmt.Sprintf("B%d", i+1), 197506142002032004, -1, 64))
				}
			}
		}, []string{"pihak_pertama.nip ditulis sebagai angka"}},
		{"sel gabungan", func(t *testing.T, f *excelize.File) {
			must(t, f.MergeCell(SheetLampiran, "C2", "C4"))
		}, []string{"lembar Lampiran, sel C2:C4: sel gabungan (merge) tidak didukung"}},
		{"kunci tidak dikenal", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetDokumen, "A3", "jeniss"))
		}, []string{`lembar Dokumen, sel A3: kunci "jeniss" tidak dikenal; maksud Anda "jenis"?`}},
		{"tanggal salah", func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(SheetDokumen)
			for i, r := range rows {
				if r[0] == "tanggal" {
					must(t, f.SetCellStr(SheetDokumen, fmt.Sprintf("B%d", i+1), "15/02/2024"))
				}
			}
		}, []string{`tanggal: "15/02/2024" bukan tanggal`}},
		{"sasaran tidak berurutan", func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(SheetLampiran)
			must(t, f.SetCellInt(SheetLampiran, fmt.Sprintf("B%d", len(rows)), 1))
		}, []string{"sasaran nomor 1 sudah ada di baris 2"}},
		{"bukan lembar pkgen", func(t *testing.T, f *excelize.File) {
			must(t, f.SetSheetName(SheetLampiran, "Tabel"))
		}, []string{"tidak ada lembar Lampiran (PK) atau Realisasi (realisasi)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := exampleWorkbook(t)
			c.spoil(t, f)
			h, err := Import(save(t, f))
			if err == nil {
				t.Fatalf("diterima:\n%s", h.TOML(""))
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("pesan tanpa %q:\n%v", w, err)
				}
			}
		})
	}
	if _, err := Import([]byte("bukan xlsx")); err == nil || !strings.Contains(err.Error(), "bukan berkas XLSX") {
		t.Errorf("berkas rusak: %v", err)
	}
}

// TestImportLocate: the loader's messages about the written TOML point back
// to the cell they came from; a sasaran's cells may be left empty after
// its first row.
func TestImportLocate(t *testing.T) {
	t.Parallel()
	f := exampleWorkbook(t)
	pol := colOf(t, f, SheetLampiran, "indikator.polaritas")
	must(t, f.SetCellStr(SheetLampiran, pol+"3", "atas"))
	for _, c := range []string{"A", "C", "D"} {
		must(t, f.SetCellStr(SheetLampiran, c+"3", ""))
	}
	h, err := Import(save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	_, probs := model.Parse("x.toml", h.TOML(""))
	errs := probs.Errors()
	if len(errs) != 1 || errs[0].Path != "sasaran[1].indikator[2].polaritas" {
		t.Fatalf("galat: %v", errs)
	}
	if l, ok := h.Locate(errs[0].Path); !ok || l != (Location{SheetLampiran, pol + "3"}) {
		t.Errorf("lokasi %v %v, seharusnya %s3", l, ok, pol)
	}
	if l, _ := h.Locate("sasaran[1].indikator[2].target.tw4"); l.Cell != colOf(t, f, SheetLampiran, "target.tw4")+"3" {
		t.Errorf("lokasi target: %v", l)
	}
	if l, _ := h.Locate("pihak_kedua.nama"); l.Sheet != SheetDokumen || l.Cell == "" {
		t.Errorf("lokasi pihak_kedua.nama: %v", l)
	}
	if l, _ := h.Locate("anggaran[2].jumlah"); l != (Location{SheetAnggaran, "B3"}) {
		t.Errorf("lokasi anggaran: %v", l)
	}
}

// The keys of a ministry's PK survive TOML → XLSX → TOML in the forms no
// example has: a month for tanggal, no lines under the lampiran title, a
// heading of the logo alone.
func TestRoundTripMinistryForms(t *testing.T) {
	t.Parallel()
	const base = `tahun = 2024
tingkat = "unit-vertikal"
tempat = "Karawang"
TOP
[instansi]
INSTANSI
satker = "Balai Besar Peramalan Organisme Pengganggu Tumbuhan"
[pihak_pertama]
nama = "Rina Marlina"
jabatan = "Kepala Balai Besar"
[pihak_kedua]
nama = "Budi Santoso"
jabatan = "Direktur Jenderal Tanaman Pangan"
[tanda_tangan]
koma_jabatan = false
[[sasaran]]
uraian = "Meningkatnya akurasi peramalan OPT"
[[sasaran.indikator]]
kode = "BB-01"
uraian = "Akurasi peramalan OPT"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "85%", tahunan = "85%" }
`
	for _, c := range []struct{ name, top, instansi string }{
		{"month, no lines, logo alone", "tanggal = \"2024-01\"\nidentitas_lampiran = []", `logo = "garuda.png"`},
		{"empty kop", "identitas_lampiran = [\"satker\", \"tahun_anggaran\"]", "kop = []\nlogo = \"garuda.png\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig := parse(t, "pk.toml", []byte(strings.NewReplacer("TOP", c.top, "INSTANSI", c.instansi).Replace(base)))
			x, err := ExportPK(orig)
			if err != nil {
				t.Fatal(err)
			}
			h, err := Import(x)
			if err != nil {
				t.Fatalf("impor:\n%v", err)
			}
			back := parse(t, "impor.toml", h.TOML(""))
			normal(orig)
			normal(back)
			if len(orig.Instansi.Kop) == 0 {
				orig.Instansi.Kop = nil // kop = [] and no kop say the same
			}
			if !reflect.DeepEqual(orig, back) {
				t.Fatalf("berbeda setelah XLSX: %s", diff("doc", reflect.ValueOf(orig), reflect.ValueOf(back)))
			}
		})
	}
}
