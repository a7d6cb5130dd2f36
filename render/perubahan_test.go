package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/model"
)

// chAmend turns a stressDoc source into the first amendment of asal.toml
// with a Daftar Perubahan, its PIHAK KEDUA replaced by one with titles and
// a NIP.
func chAmend(src string) string {
	src = strings.Replace(src, "tahun = 2024\n", "tahun = 2024\njenis = \"perubahan\"\n", 1)
	src = strings.Replace(src, "[instansi]", "[perubahan]\nmengubah = \"asal.toml\"\nke = 1\nalasan = \"pejabat\"\nberlaku = 2024-07-01\ndaftar_perubahan = true\n[instansi]", 1)
	return strings.Replace(src, "[pihak_kedua]\nnama = \"Siti Aminah\"\n",
		"[pihak_kedua]\nnama = \"Rina Wati\"\ngelar_depan = \"Dr.\"\ngelar_belakang = \"M.Si.\"\nnip = \"198001012005012002\"\n", 1)
}

// chLayout loads the amendment beside its original and lays it out.
func chLayout(t *testing.T, orig, amended string) *Document {
	t.Helper()
	doc, probs, err := model.Load(fstest.MapFS{"asal.toml": {Data: []byte(orig)}, "baru.toml": {Data: []byte(amended)}}, "baru.toml")
	if err != nil || doc == nil {
		t.Fatalf("%v %v", err, probs)
	}
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// chRow is a row of the change annex as printed: its kind ("header",
// "cell", "group") and its cells' texts from left to right.
type chRow struct {
	kind  string
	cells []string
}

// chAnnexPages is the index of the first page of the Daftar Perubahan.
func chAnnexPages(t *testing.T, d *Document) int {
	t.Helper()
	for _, b := range d.Outline {
		if b.Title == "Daftar Perubahan" {
			return b.Page
		}
	}
	t.Fatalf("no Daftar Perubahan in the outline %+v", d.Outline)
	return 0
}

// chRows reads the annex's rows page by page: the table frames sharing a
// top edge are one row.
func chRows(t *testing.T, d *Document) [][]chRow {
	t.Helper()
	var out [][]chRow
	for pi := chAnnexPages(t, d); pi < len(d.Pages); pi++ {
		p := &d.Pages[pi]
		var idx []int
		for i, f := range p.Frames {
			if f.Kind == "cell" || f.Kind == "header" || f.Kind == "group" {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			fa, fb := p.Frames[a], p.Frames[b]
			if fa.Y != fb.Y {
				return compareFloat(fa.Y, fb.Y)
			}
			return compareFloat(fa.X, fb.X)
		})
		var rows []chRow
		for k, i := range idx {
			f := p.Frames[i]
			if k == 0 || f.Y != p.Frames[idx[k-1]].Y {
				rows = append(rows, chRow{kind: f.Kind})
			}
			r := &rows[len(rows)-1]
			r.cells = append(r.cells, loFrameText(p, i+1))
		}
		out = append(out, rows)
	}
	return out
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// A change of PIHAK KEDUA (name, titles and NIP at once) is one row naming
// the party, with the printed name and NIP before and after; an added
// indicator shows its satuan and targets, a removed one what it held; the
// groups come in order, each under its heading, numbered on through them.
func TestDaftarPerubahanRows(t *testing.T) {
	t.Parallel()
	orig := stressDoc("A4", 3, 2, "Sasaran", func(i, j int) string { return "Definisi." })
	amended := chAmend(orig)
	// K0-0's TW IV and annual targets raised; K1-1 removed; K9-0 added under a new sasaran.
	amended = strings.Replace(amended, "uraian = \"Indikator 0 0\"\nsumber_data = \"e-Kinerja\"\nsatuan = \"Persen\"\ntarget = { tw1 = \"N/A\", tw2 = \"50%\", tw3 = \"75%\", tw4 = \"100%\", tahunan = \"100%\"",
		"uraian = \"Indikator 0 0\"\nsumber_data = \"e-Kinerja\"\nsatuan = \"Persen\"\ntarget = { tw1 = \"N/A\", tw2 = \"50%\", tw3 = \"75%\", tw4 = \"110%\", tahunan = \"110%\"", 1)
	start := strings.Index(amended, "[[sasaran.indikator]]\nkode = \"K1-1\"")
	end := strings.Index(amended, "[[sasaran]]\nkelompok = \"Sasaran Khusus\"\nuraian = \"Sasaran 2\"")
	if start < 0 || end < start {
		t.Fatal("stressDoc changed shape")
	}
	amended = amended[:start] + amended[end:]
	amended += "[[sasaran]]\nkelompok = \"Sasaran Khusus\"\nuraian = \"Sasaran Baru\"\n" +
		"[[sasaran.indikator]]\nkode = \"K9-0\"\nuraian = \"Indikator Baru\"\nsumber_data = \"e-Kinerja\"\nsatuan = \"Dokumen\"\n" +
		"target = { tw1 = 1, tw2 = 2, tw3 = 3.5, tw4 = 4, tahunan = 4 }\npengukuran = \"x\"\n"
	// PIHAK PERTAMA stays but acts as Plt.: its row shows the jabatan.
	amended = strings.Replace(amended, "jabatan = \"Kepala Dinas\"", "status = \"Plt.\"\njabatan = \"Kepala Dinas\"", 1)
	d := chLayout(t, orig, amended)
	pages := chRows(t, d)
	if len(pages) != 1 {
		t.Fatalf("annex on %d pages, want 1", len(pages))
	}
	var got []string
	for _, r := range pages[0] {
		got = append(got, r.kind+": "+strings.Join(r.cells, " | "))
	}
	want := []string{
		"header: No | Kode | Indikator Kinerja | Bagian | Semula | Menjadi",
		"group: Perubahan Para Pihak",
		"cell: 1 | PIHAK PERTAMA | Budi Santoso NIP 197403091993111001 Kepala Dinas Dinas Uji | Budi Santoso NIP 197403091993111001 Plt. Kepala Dinas Dinas Uji",
		"cell: 2 | PIHAK KEDUA | Siti Aminah | Dr. Rina Wati, M.Si. NIP 198001012005012002",
		"group: Sasaran/Indikator yang Ditambah",
		"cell: 3 | K9-0 | Indikator Baru | Sasaran dan Indikator | – | Sasaran: Sasaran Baru Satuan: Dokumen Target TW I: 1; TW II: 2 Target TW III: 3,5; TW IV: 4 Target Tahunan: 4",
		"group: Sasaran/Indikator yang Dihapus",
		"cell: 4 | K1-1 | Indikator 1 1 | Indikator | Sasaran: Sasaran 1 Satuan: Persen Target TW I: N/A; TW II: 50% Target TW III: 75%; TW IV: 100% Target Tahunan: 100% | –",
		"group: Sasaran/Indikator yang Diubah",
		"cell: 5 | K0-0 | Indikator 0 0 | Target Triwulan IV | 100% | 110%",
		"cell: 6 | K0-0 | Indikator 0 0 | Target Tahunan | 100% | 110%",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("annex rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkGeometry(t, d)
}

// An amendment that changes nothing says so in one row, without headings.
func TestDaftarPerubahanNone(t *testing.T) {
	t.Parallel()
	orig := stressDoc("A4", 1, 1, "Sasaran", func(i, j int) string { return "x" })
	amended := strings.Replace(chAmend(orig), "alasan = \"pejabat\"", "alasan = \"strategi\"", 1)
	amended = strings.Replace(amended, "nama = \"Rina Wati\"\ngelar_depan = \"Dr.\"\ngelar_belakang = \"M.Si.\"\nnip = \"198001012005012002\"\n", "nama = \"Siti Aminah\"\n", 1)
	pages := chRows(t, chLayout(t, orig, amended))
	if len(pages) != 1 || len(pages[0]) != 2 || pages[0][1].kind != "cell" || pages[0][1].cells[0] != "Tidak ada perubahan indikator atau pihak." {
		t.Errorf("annex rows %+v", pages)
	}
}

// An annex over several pages keeps every text inside its cell and the
// page, repeats the header on top of every page and never leaves a
// heading row last on a page; rows are numbered 1..n without a gap.
func TestDaftarPerubahanGeometry(t *testing.T) {
	t.Parallel()
	orig := stressDoc("A4", 2, 2, "Sasaran", func(i, j int) string { return "x" })
	amended := chAmend(orig)
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, "[[sasaran]]\nkelompok = \"Sasaran Khusus\"\nuraian = \"Sasaran tambahan %d dengan uraian yang cukup panjang untuk memenuhi beberapa baris di kolom Menjadi\"\n", i)
		fmt.Fprintf(&b, "[[sasaran.indikator]]\nkode = \"T-%02d\"\nuraian = \"Indikator tambahan %d\"\nsumber_data = \"e-Kinerja\"\nsatuan = \"Persen\"\n", i, i)
		b.WriteString("target = { tw1 = \"N/A\", tw2 = \"50%\", tw3 = \"75%\", tw4 = \"100%\", tahunan = \"100%\" }\npengukuran = \"x\"\n")
	}
	d := chLayout(t, orig, amended+b.String())
	checkGeometry(t, d)
	pages := chRows(t, d)
	if len(pages) < 2 {
		t.Fatalf("annex on %d page, want several", len(pages))
	}
	n := 0
	for pi, rows := range pages {
		if len(rows) < 2 || rows[0].kind != "header" || strings.Join(rows[0].cells, "|") != "No|Kode|Indikator Kinerja|Bagian|Semula|Menjadi" {
			t.Errorf("annex page %d does not start with the header: %+v", pi+1, rows)
			continue
		}
		if rows[len(rows)-1].kind == "group" {
			t.Errorf("annex page %d ends with a heading", pi+1)
		}
		for _, r := range rows[1:] {
			if r.kind != "cell" || r.cells[0] == "" {
				continue // a heading, or the rest of a row split over pages
			}
			if r.cells[0] != fmt.Sprint(n+1) {
				t.Errorf("annex page %d: row number %q after %d", pi+1, r.cells[0], n)
				continue
			}
			n++
		}
	}
	if n != 31 { // the party and 30 indicators
		t.Errorf("%d numbered rows, want 31", n)
	}
}
