package render

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

// ministryDoc is an Eselon I PK of a ministry signed with its Menteri: a
// heading of the emblem alone, a month date, the form's header lines.
const ministryDoc = `tahun = 2024
tingkat = "eselon-i"
tempat = "Jakarta"
tanggal = "2024-01"
lampiran = "eselon3"
identitas_lampiran = ["unit_organisasi_eselon_i", "tahun_anggaran"]
[instansi]
logo = "garuda.png"
unit_organisasi_eselon_i = "Direktorat Jenderal Tanaman Pangan"
[pihak_pertama]
nama = "Budi Santoso"
nip = "19740309 199311 1 001"
jabatan = "Direktur Jenderal Tanaman Pangan"
[pihak_kedua]
nama = "Siti Aminah"
jabatan = "MENTERI PERTANIAN REPUBLIK INDONESIA,"
[[sasaran]]
uraian = "Meningkatnya produksi tanaman pangan"
[[sasaran.indikator]]
kode = "TP-01"
uraian = "Produksi padi"
satuan = "Juta Ton GKG"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = 55.2, tahunan = 55.2 }
[[anggaran]]
uraian = "Program Ketersediaan, Akses dan Konsumsi Pangan Berkualitas"
jumlah = 1250000000
`

func pngLogo(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pageText joins the runs of one page.
func pageText(p *Page) string {
	var all []string
	for _, tx := range p.Texts {
		all = append(all, tx.S)
	}
	return strings.Join(all, " ")
}

func TestLayoutMinistryEselonI(t *testing.T) {
	t.Parallel()
	doc := parseDoc(t, ministryDoc)
	d, err := Layout(doc, Options{Logo: pngLogo(t)})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	statement, lampiran := pageText(&d.Pages[0]), pageText(&d.Pages[1])
	for _, want := range []string{"Jakarta, Januari 2024", "Rencana Strategis Kementerian/Lembaga",
		// as written: no second comma, no case change
		"MENTERI PERTANIAN REPUBLIK INDONESIA,", "Direktur Jenderal Tanaman Pangan,"} {
		if !strings.Contains(statement, want) {
			t.Errorf("statement page lacks %q: %s", want, statement)
		}
	}
	if strings.Contains(statement, "INDONESIA,,") {
		t.Errorf("jabatan given a second comma: %s", statement)
	}
	// The emblem alone: one image, no kop rules.
	if p := d.Pages[0]; len(p.Images) != 1 || len(p.Lines) != 0 {
		t.Errorf("heading: %d images, %d lines; want the logo alone", len(p.Images), len(p.Lines))
	}
	for _, want := range []string{"PERJANJIAN KINERJA TINGKAT ESELON I TAHUN 2024", "Unit Organisasi Eselon I", "Direktorat Jenderal Tanaman Pangan", "Tahun Anggaran"} {
		if !strings.Contains(lampiran, want) {
			t.Errorf("lampiran lacks %q: %s", want, lampiran)
		}
	}
	for _, p := range d.Pages {
		if s := pageText(&p); strings.Contains(s, "PERANGKAT DAERAH") {
			t.Errorf("a ministry's PK names a Perangkat Daerah: %s", s)
		}
	}
	// identitas_lampiran left Nama and NIP out; the order is the list's.
	for _, tx := range d.Pages[1].Texts {
		if tx.S == "Nama" || tx.S == "Jabatan" {
			t.Errorf("identity line %q printed though not listed", tx.S)
		}
	}
	if i, j := strings.Index(lampiran, "Unit Organisasi Eselon I"), strings.Index(lampiran, "Tahun Anggaran"); i < 0 || j < i {
		t.Errorf("header lines out of order: %s", lampiran)
	}
}

func TestLayoutIdentityLines(t *testing.T) {
	t.Parallel()
	base := stressDoc("A4", 1, 1, "Sasaran", func(i, j int) string { return "x" })
	cases := []struct {
		name, add string
		want, not []string
	}{
		{"default", "", []string{"Nama", "NIP", "Jabatan", "Unit Kerja"}, []string{"Satker", "Tahun Anggaran"}},
		{"none", "identitas_lampiran = []\n", nil, []string{"Nama", "NIP", "Jabatan", "Unit Kerja"}},
		{"default with the form's header", "[instansi]\nkop = [\"PEMERINTAH\"]\nsatker = \"Balai Uji\"\n", []string{"Nama", "Unit Kerja", "Satker"}, []string{"Tahun Anggaran"}},
		{"chosen", "identitas_lampiran = [\"tahun_anggaran\", \"jabatan\"]\n", []string{"Tahun", "Jabatan"}, []string{"Nama", "NIP", "Unit Kerja"}},
	}
	for _, c := range cases {
		src := base
		if strings.HasPrefix(c.add, "[instansi]") {
			src = strings.Replace(src, "[instansi]\nkop = [\"PEMERINTAH\"]\n", c.add, 1)
		} else {
			src = strings.Replace(src, "tahun = 2024\n", "tahun = 2024\n"+c.add, 1)
		}
		d, err := Layout(parseDoc(t, src), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// The lines between the title and the table's header.
		var head []string
		for _, tx := range d.Pages[1].Texts {
			if tx.S == "NO" {
				break
			}
			head = append(head, tx.S)
		}
		got := " " + strings.Join(head, " ") + " "
		for _, w := range c.want {
			if !strings.Contains(got, " "+w+" ") {
				t.Errorf("%s: head lacks %q: %s", c.name, w, got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, " "+w+" ") {
				t.Errorf("%s: head has %q: %s", c.name, w, got)
			}
		}
	}
}

// koma_jabatan = false: the jabatan above a signature is exactly as written.
func TestLayoutJabatanWithoutComma(t *testing.T) {
	t.Parallel()
	src := strings.Replace(stressDoc("A4", 1, 1, "Sasaran", func(i, j int) string { return "x" }),
		`jabatan = "Gubernur"`, `jabatan = "a.n. Gubernur Sekretaris daerah"`, 1)
	src = strings.Replace(src, "[[sasaran]]", "[tanda_tangan]\nkoma_jabatan = false\n[[sasaran]]", 1)
	d, err := Layout(parseDoc(t, src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Pages {
		for fi, f := range p.Frames {
			if f.Kind != "signature" {
				continue
			}
			if s := loFrameText(&p, fi+1); strings.Contains(s, "Kepala Dinas Dinas Uji,") || strings.Contains(s, "daerah,") {
				t.Errorf("comma added to a jabatan: %q", s)
			}
		}
	}
	if s := pageText(&d.Pages[0]); !strings.Contains(s, "a.n. Gubernur Sekretaris daerah") {
		t.Errorf("jabatan not as written: %s", s)
	}
}
