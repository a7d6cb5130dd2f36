package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/model"
	"pkgen/pesan"
	"pkgen/templates"
)

// Text is never clipped or pushed off its page: input too long for where
// it must stand is a LayoutError naming it (issue 12).

// ovDoc is a small PK: two sasaran of one indicator, both parties.
func ovDoc() string {
	return stressDoc("A4", 2, 1, "Sasaran", func(i, j int) string { return "Definisi pendek." })
}

// ovLong repeats a word n times.
func ovLong(word string, n int) string { return strings.TrimSpace(strings.Repeat(word+" ", n)) }

// ovMengetahui adds a third signatory.
func ovMengetahui(src, nama, jabatan, peran string) string {
	s := src + "[tanda_tangan.mengetahui]\nnama = " + fmt.Sprintf("%q", nama) + "\njabatan = " + fmt.Sprintf("%q", jabatan) + "\n"
	if peran != "" {
		s += "peran = " + fmt.Sprintf("%q", peran) + "\n"
	}
	return s
}

// ovTemplates is the embedded set with overrides.
func ovTemplates(t *testing.T, files map[string]string) *templates.Set {
	t.Helper()
	var all []templates.Override
	for name, data := range files {
		all = append(all, templates.Override{Name: name, Data: []byte(data)})
	}
	set, err := templates.Load(all...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// wantLayoutError checks err is a LayoutError naming key, printed first.
func wantLayoutError(t *testing.T, err error, key string) {
	t.Helper()
	var le *LayoutError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want a layout error naming %s", err, err, key)
	}
	if le.Key != key || !strings.HasPrefix(err.Error(), key+": ") {
		t.Errorf("error names %q: %v; want %s", le.Key, err, key)
	}
	if en := pesan.NewPrinter(pesan.Inggris).Error(fmt.Errorf("pk.toml: %w", err)); !strings.HasPrefix(en, "pk.toml: "+key+": ") || en == "pk.toml: "+err.Error() {
		t.Errorf("in English: %q", en)
	}
}

func TestLayoutErrorsPK(t *testing.T) {
	t.Parallel()
	kop50 := make([]string, 50)
	for i := range kop50 {
		kop50[i] = fmt.Sprintf("%q", fmt.Sprintf("BARIS KOP %d", i+1))
	}
	base := ovDoc()
	replace := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("%q not in the document", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	nama1MB := ovLong("Budi", 1<<20/5)
	for _, tc := range []struct {
		name string
		src  string
		opt  Options
		tpl  map[string]string
		key  string
	}{
		{"kop of 50 lines", replace(`kop = ["PEMERINTAH"]`, "kop = ["+strings.Join(kop50, ", ")+"]"), Options{}, nil, "instansi.kop"},
		{"kop of 4,000 characters", replace(`kop = ["PEMERINTAH"]`, fmt.Sprintf("kop = [%q]", ovLong("PEMERINTAHAN", 4000/13))), Options{}, nil, "instansi.kop"},
		{"a 1 MB nama", replace(`nama = "Budi Santoso"`, fmt.Sprintf("nama = %q", nama1MB)), Options{}, nil, "pihak_pertama.nama"},
		{"a long jabatan of PIHAK KEDUA", replace(`jabatan = "Gubernur"`, fmt.Sprintf("jabatan = %q", ovLong("Gubernur", 2000))), Options{}, nil, "pihak_kedua.jabatan"},
		{"a long unit kerja", replace(`unit_kerja = "Dinas Uji"`, fmt.Sprintf("unit_kerja = %q", ovLong("Dinas", 3000))), Options{}, nil, "pihak_pertama.unit_kerja"},
		{"a long pangkat", replace(`jabatan = "Kepala Dinas"`, fmt.Sprintf("jabatan = \"Kepala Dinas\"\npangkat = %q", ovLong("Pembina", 2000))), Options{}, nil, "pihak_pertama.pangkat"},
		{"a long tempat", replace(`tempat = "Jakarta"`, fmt.Sprintf("tempat = %q", ovLong("Jakarta", 3000))), Options{}, nil, "tempat"},
		{"a long Mengetahui name", ovMengetahui(base, ovLong("Ahmad", 3000), "Sekretaris Daerah", ""), Options{}, nil, "tanda_tangan.mengetahui.nama"},
		{"a long Mengetahui role", ovMengetahui(base, "Ahmad Yani", "Sekretaris Daerah", ovLong("Mengetahui", 2000)), Options{}, nil, "tanda_tangan.mengetahui.peran"},
		{"a long template block", base, Options{}, map[string]string{"janji.tmpl": `{{define "janji"}}` + ovLong("janji", 5000) + `{{end}}`}, `templat "janji"`},
		{"a long electronic-signature note", base, Options{TTE: true}, map[string]string{"tte.tmpl": `{{define "tte_catatan"}}` + ovLong("catatan", 500) + `{{end}}`}, `templat "tte_catatan"`},
		{"a long page number", base, Options{}, map[string]string{"halaman.tmpl": `{{define "halaman"}}` + ovLong("Halaman", 200) + `{{end}}`}, `templat "halaman"`},
		{"a column title taller than a page", base, Options{}, map[string]string{"lampiran-dki.toml": ovColumns(ovLong("Judul", 3000), "")}, `templat "lampiran-dki"`},
		{"a table heading taller than a page", base, Options{}, map[string]string{"lampiran-dki.toml": ovColumns("No", ovLong("Judul", 6000))}, `templat "lampiran-dki"`},
		{"columns wider than the page", base, Options{}, map[string]string{"lampiran-dki.toml": strings.Replace(ovColumns("No", ""), "lebar = 12", "lebar = 300", 1)}, `templat "lampiran-dki"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseDoc(t, tc.src)
			opt := tc.opt
			if tc.tpl != nil {
				opt.Templates = ovTemplates(t, tc.tpl)
			}
			d, err := Layout(doc, opt)
			if err == nil {
				t.Fatalf("laid out in %d pages, want an error", len(d.Pages))
			}
			wantLayoutError(t, err, tc.key)
		})
	}
}

// ovColumns is a lampiran-dki column set with the given first column
// title and table heading.
func ovColumns(title, judul string) string {
	s := "nama = \"dki\"\n"
	if judul != "" {
		s += fmt.Sprintf("judul = %q\n", judul)
	}
	return s + fmt.Sprintf("[[kolom]]\njudul = %q\nisi = \"sasaran.nomor\"\nlebar = 12\n", title) +
		"[[kolom]]\njudul = \"Indikator\"\nisi = \"indikator.uraian\"\nbobot = 1\n"
}

// The change annex and the statement print perubahan.keterangan.
func TestLayoutErrorKeterangan(t *testing.T) {
	t.Parallel()
	orig := ovDoc()
	amended := strings.Replace(orig, "tahun = 2024\n", "tahun = 2024\njenis = \"perubahan\"\n", 1)
	amended = strings.Replace(amended, "[instansi]", fmt.Sprintf("[perubahan]\nmengubah = \"asal.toml\"\nke = 1\nalasan = \"strategi\"\nberlaku = 2024-07-01\nketerangan = %q\ndaftar_perubahan = true\n[instansi]", ovLong("Alasan", 6000)), 1)
	doc, probs, err := model.Load(fstest.MapFS{"asal.toml": {Data: []byte(orig)}, "baru.toml": {Data: []byte(amended)}}, "baru.toml")
	if err != nil || doc == nil {
		t.Fatalf("%v %v", err, probs)
	}
	_, err = Layout(doc, Options{})
	wantLayoutError(t, err, "perubahan.keterangan")
}

// ovAnnex lays out the capaian annex of a PK source with every indicator
// reported.
func ovAnnex(t *testing.T, src string, signed bool) (*Document, error) {
	t.Helper()
	doc := parseDoc(t, src)
	lap, probs := model.ParseRealisasi("stress-tw3.toml", []byte(stressRealisasi(doc)), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	return LayoutCapaian(lap, CapaianOptions{TandaTangan: signed})
}

// ovKategori declares two category bands, the first named name.
func ovKategori(src, name string) string {
	return src + fmt.Sprintf("[capaian]\n[[capaian.kategori]]\nmin = 100\nnama = %q\n[[capaian.kategori]]\nnama = \"Belum\"\n", name)
}

func TestLayoutErrorsCapaian(t *testing.T) {
	t.Parallel()
	base := ovDoc()
	for _, tc := range []struct {
		name   string
		src    string
		signed bool
		key    string
	}{
		// The annex is laid out alone: its own title and identity lines
		// must hold the name.
		{"a 1 MB nama", strings.Replace(base, `nama = "Budi Santoso"`, fmt.Sprintf("nama = %q", ovLong("Budi", 1<<20/5)), 1), false, "pihak_pertama.nama"},
		{"a long Mengetahui jabatan in the signatures", ovMengetahui(base, "Ahmad Yani", ovLong("Sekretaris", 3000), ""), true, "tanda_tangan.mengetahui.jabatan"},
		{"a category name taller than a page in the summary", ovKategori(base, ovLong("Tercapai", 250)), false, "capaian.kategori[1].nama"},
		{"a category name wider than the chart's legend", ovKategori(base, ovLong("Tercapai", 40)), false, "capaian.kategori[1].nama"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ovAnnex(t, tc.src, tc.signed)
			if err == nil {
				t.Fatalf("laid out in %d pages, want an error", len(d.Pages))
			}
			wantLayoutError(t, err, tc.key)
		})
	}
}

// Growing an input, the layout keeps every frame inside the margins until
// it refuses the input by name: it never clips.
func TestLayoutFitsOrRefuses(t *testing.T) {
	t.Parallel()
	base := ovDoc()
	grow := []struct {
		name, key string
		src       func(n int) string
	}{
		{"kop lines", "instansi.kop", func(n int) string {
			lines := make([]string, n)
			for i := range lines {
				lines[i] = fmt.Sprintf("%q", fmt.Sprintf("BARIS KOP %d", i+1))
			}
			return strings.Replace(base, `kop = ["PEMERINTAH"]`, "kop = ["+strings.Join(lines, ", ")+"]", 1)
		}},
		{"nama words", "pihak_pertama.nama", func(n int) string {
			return strings.Replace(ovMengetahui(base, "Ahmad Yani", "Sekretaris Daerah", ""), `nama = "Budi Santoso"`, fmt.Sprintf("nama = %q", ovLong("Budi", 4*n)), 1)
		}},
		{"Mengetahui jabatan words", "tanda_tangan.mengetahui.jabatan", func(n int) string {
			return ovMengetahui(base, "Ahmad Yani", ovLong("Sekretaris", 4*n), "")
		}},
	}
	for _, g := range grow {
		t.Run(g.name, func(t *testing.T) {
			for n := 1; ; n++ {
				doc := parseDoc(t, g.src(n))
				d, err := Layout(doc, Options{})
				if err != nil {
					wantLayoutError(t, err, g.key)
					if n < 5 {
						t.Errorf("refused at %d", n)
					}
					return
				}
				checkGeometry(t, d)
				if t.Failed() {
					t.Fatalf("at %d", n)
				}
				if n > 200 {
					t.Fatal("never refused")
				}
			}
		})
	}
	t.Run("category name in the annex", func(t *testing.T) {
		for n := 1; ; n++ {
			d, err := ovAnnex(t, ovKategori(base, ovLong("Tercapai", n)), true)
			if err != nil {
				wantLayoutError(t, err, "capaian.kategori[1].nama")
				return
			}
			lap := &model.Laporan{Dokumen: parseDoc(t, ovDoc())}
			checkAnnex(t, lap, d, true)
			if t.Failed() {
				t.Fatalf("at %d", n)
			}
			if n > 300 {
				t.Fatal("never refused")
			}
		}
	})
}

// render's other messages read in English with an English printer, and in
// Indonesian by default.
func TestMessagesInEnglish(t *testing.T) {
	t.Parallel()
	en := pesan.NewPrinter(pesan.Inggris)
	set, err := templates.Default()
	if err != nil {
		t.Fatal(err)
	}
	noBudget := parseDoc(t, loDoc("eselon2", 1, 1, nil, nil))
	_, _, logoErr := logoSize([]byte("not an image"), 22)
	tableErr := func() error {
		tb := (&tblFake{want: map[string]int{}, head: map[string]int{}}).simple()
		tb.Columns[0].Width = 500
		_, err := tb.Layout(150, Regions{First: 100, Full: 100})
		return err
	}()
	_, capaianErr := LayoutCapaian(nil, CapaianOptions{})
	for _, tc := range []struct {
		err    error
		id, en string
	}{
		{Check(noBudget, set), "isi [[anggaran]] di dokumen", "fill [[anggaran]] in the document"},
		{logoErr, "gambar tidak terbaca", "unreadable image"},
		{tableErr, "lebih lebar dari tabel", "wider than the table"},
		{capaianErr, "tidak ada", "no realisasi report"},
	} {
		if tc.err == nil {
			t.Errorf("no error, want %q", tc.id)
			continue
		}
		if !strings.Contains(tc.err.Error(), tc.id) {
			t.Errorf("Indonesian %q, want %q", tc.err, tc.id)
		}
		if got := en.Error(fmt.Errorf("pk.toml: %w", tc.err)); !strings.Contains(got, tc.en) || !strings.HasPrefix(got, "pk.toml: ") {
			t.Errorf("English %q, want %q", got, tc.en)
		}
	}
}

// A logo wider than the text (a banner) is scaled to the text's width
// rather than drawn off the page.
func TestWideLogoFitsTheText(t *testing.T) {
	t.Parallel()
	img := image.NewGray(image.Rect(0, 0, 1000, 10))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	d, err := Layout(parseDoc(t, ovDoc()), Options{Logo: buf.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	p := d.Pages[0]
	mg := statementMargins
	if len(p.Images) != 1 {
		t.Fatalf("%d images", len(p.Images))
	}
	im := p.Images[0]
	if w := p.Width - mg.Left - mg.Right; im.X < mg.Left-eps || im.X+im.W > mg.Left+w+eps || math.Abs(im.W/im.H-100) > 1e-9 {
		t.Errorf("logo at %.1f, %.1f × %.1f mm: want it within the %.0f mm of text, 100:1", im.X, im.W, im.H, w)
	}
}
