package render

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/templates"
)

func loadRealisasi(t testing.TB) *model.Laporan {
	t.Helper()
	lap, probs, err := model.LoadRealisasi(testutil.Rooted(testutil.Example(t, "jakarta-pusat-2023-tw3.toml")))
	if err != nil || lap == nil {
		t.Fatalf("load realisasi: %v %v", err, probs)
	}
	return lap
}

func layoutCapaian(t *testing.T, lap *model.Laporan, opt CapaianOptions) *Document {
	t.Helper()
	d, err := LayoutCapaian(lap, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkAnnex(t, lap, d, opt.TandaTangan)
	checkBars(t, lap, d)
	return d
}

// checkAnnex asserts the invariants of a laid-out capaian annex: landscape
// pages of the PK's paper, every frame inside the margins, every text inside
// its frame, every rect and line inside the margins, a header above every
// table cell and never a header alone, chart texts that do not overlap,
// and the signatures (when asked) on one page.
func checkAnnex(t *testing.T, lap *model.Laporan, d *Document, signed bool) {
	t.Helper()
	size := papers[lap.Dokumen.Kertas]
	if len(d.Pages) == 0 {
		t.Fatal("no pages")
	}
	mg := lampiranMargins
	sigPages := map[int]bool{}
	for pi, p := range d.Pages {
		if p.Width != size[1] || p.Height != size[0] {
			t.Errorf("page %d is %.0f × %.0f mm, want %.0f × %.0f", pi+1, p.Width, p.Height, size[1], size[0])
		}
		checkPlacement(t, pi, &p, mg)
		inside := func(what string, x0, y0, x1, y1 float64) {
			if x0 < mg.Left-eps || x1 > p.Width-mg.Right+eps || y0 < mg.Top-eps || y1 > p.Height-mg.Bottom+eps {
				t.Errorf("page %d: %s %.2f,%.2f – %.2f,%.2f outside the margins", pi+1, what, x0, y0, x1, y1)
			}
		}
		for _, f := range p.Frames {
			if f.Kind == "signature" {
				sigPages[pi] = true
			}
		}
		for _, r := range p.Rects {
			inside("rect", r.X, r.Y, r.X+r.W, r.Y+r.H)
		}
		for _, l := range p.Lines {
			inside("line", min(l.X1, l.X2), min(l.Y1, l.Y2), max(l.X1, l.X2), max(l.Y1, l.Y2))
		}
		type box struct {
			s              string
			x0, y0, x1, y1 float64
		}
		var chartBoxes []box
		for _, tx := range p.Texts {
			if tx.Frame == 0 {
				continue // reported by checkPlacement
			}
			switch p.Frames[tx.Frame-1].Kind {
			case "chart", "axis", "legend":
				em := tx.Size * PtToMM
				chartBoxes = append(chartBoxes, box{tx.S, tx.X, tx.Y - 0.75*em, tx.X + tx.Width, tx.Y + 0.2*em})
			}
		}
		for i, a := range chartBoxes {
			for _, b := range chartBoxes[i+1:] {
				if a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps {
					t.Errorf("page %d: chart texts %q and %q overlap", pi+1, a.s, b.s)
				}
			}
		}
		// Every table cell has a header above it on its page, and every
		// header has cells below it.
		overlapX := func(a, b Frame) bool { return a.X < b.X+b.W-eps && b.X < a.X+a.W-eps }
		for _, c := range p.Frames {
			if c.Kind != "cell" && c.Kind != "group" && c.Kind != "continued" {
				continue
			}
			ok := false
			for _, h := range p.Frames {
				ok = ok || h.Kind == "header" && overlapX(h, c) && h.Y+h.H <= c.Y+eps
			}
			if !ok {
				t.Errorf("page %d: table cell at %.2f,%.2f without a header above it", pi+1, c.X, c.Y)
			}
		}
		for _, h := range p.Frames {
			if h.Kind != "header" {
				continue
			}
			ok := false
			for _, c := range p.Frames {
				ok = ok || (c.Kind == "cell" || c.Kind == "group" || c.Kind == "continued") && overlapX(h, c) && c.Y >= h.Y+h.H-eps
			}
			if !ok {
				t.Errorf("page %d: a table header without rows", pi+1)
			}
		}
	}
	if signed && len(sigPages) != 1 {
		t.Errorf("signatures on pages %v, want exactly one page", sigPages)
	}
	if !signed && len(sigPages) != 0 {
		t.Errorf("signatures on pages %v, want none", sigPages)
	}
}

// chartScaleOf reads a chart page's scale from its axis labels: the x of
// 0% and 100% (labels are centred on their ticks). ok is false on a page
// without a chart.
func chartScaleOf(t *testing.T, p *Page, format string) (x0, x100 float64, ok bool) {
	found := 0
	zero, hundred := "0%", model.FormatRat(ratInt(100), 0, format)+"%"
	for _, tx := range p.Texts {
		if tx.Frame == 0 || p.Frames[tx.Frame-1].Kind != "axis" {
			continue
		}
		switch tx.S {
		case zero:
			x0 = tx.X + tx.Width/2
			found |= 1
		case hundred:
			x100 = tx.X + tx.Width/2
			found |= 2
		}
	}
	return x0, x100, found == 3
}

// checkBars finds every indicator's row on the chart pages by its kode
// label and checks its bar: length |capaian| × (x(100%) − x(0%)) / 100
// within 0.1 mm from the zero line, the colour of its category (as the
// legend shows it), no bar without capaian, and the 100% line.
func checkBars(t *testing.T, lap *model.Laporan, d *Document) {
	t.Helper()
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	byKode := map[string]*model.BarisCapaian{}
	for i := range rows {
		byKode[rows[i].Indikator.Kode] = &rows[i]
	}
	format := lap.Dokumen.FormatAngka
	seen := map[string]int{}
	chartPages := 0
	for pi := range d.Pages {
		p := &d.Pages[pi]
		x0, x100, ok := chartScaleOf(t, p, format)
		if !ok {
			continue
		}
		chartPages++
		k := (x100 - x0) / 100
		// The legend: a swatch left of each category's words.
		legend := map[string]RGB{}
		for _, tx := range p.Texts {
			if tx.Frame == 0 || p.Frames[tx.Frame-1].Kind != "legend" {
				continue
			}
			for _, r := range p.Rects {
				if r.Color != nil && r.X+r.W <= tx.X && tx.X-(r.X+r.W) < 2.5 && r.Y < tx.Y && r.Y+r.H > tx.Y-2 {
					legend[tx.S] = *r.Color
				}
			}
		}
		line100 := false
		for _, l := range p.Lines {
			line100 = line100 || math.Abs(l.X1-x100) < 1e-6 && math.Abs(l.X2-x100) < 1e-6 && l.Y2-l.Y1 > chartRowH-eps
		}
		if !line100 {
			t.Errorf("page %d: no vertical line at 100%%", pi+1)
		}
		for _, tx := range p.Texts {
			if tx.Frame == 0 || p.Frames[tx.Frame-1].Kind != "chart" {
				continue
			}
			r := byKode[tx.S]
			if r == nil {
				continue
			}
			seen[tx.S]++
			f := p.Frames[tx.Frame-1]
			mid := f.Y + f.H/2
			var bars []Rect
			for _, rc := range p.Rects {
				if rc.Color != nil && math.Abs(rc.Y+rc.H/2-mid) < 0.01 {
					bars = append(bars, rc)
				}
			}
			c := r.CapaianSD
			if !c.Ada() {
				if len(bars) != 0 {
					t.Errorf("%s: a bar without capaian (%v)", tx.S, c.Sebab)
				}
				continue
			}
			v, _ := c.Nilai.Float64()
			want := math.Abs(v) * k
			if want < 1e-9 {
				if len(bars) != 0 {
					t.Errorf("%s: capaian 0 drawn as a bar of %.3f mm", tx.S, bars[0].W)
				}
				continue
			}
			if len(bars) != 1 {
				t.Errorf("%s: %d bars", tx.S, len(bars))
				continue
			}
			b := bars[0]
			if math.Abs(b.W-want) > 0.1 {
				t.Errorf("%s: bar %.3f mm for %s, want %.3f", tx.S, b.W, c.Persen(2), want)
			}
			start := b.X
			if v < 0 {
				start = b.X + b.W
			}
			if math.Abs(start-x0) > 0.1 {
				t.Errorf("%s: bar starts at %.3f, zero is at %.3f", tx.S, start, x0)
			}
			checkValueLabel(t, p, tx.S, c.Format(2, format), b, v < 0, mid, x100)
			if got, want := *b.Color, KategoriColors(bandsOf(lap.Dokumen))[c.Kategori]; got != want {
				t.Errorf("%s: bar colour %v, category %s is %v", tx.S, got, c.Kategori, want)
			}
			found := false
			for words, col := range legend {
				if strings.HasPrefix(words, c.Kategori) && col == *b.Color {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the legend has no %s swatch of colour %v (legend %v)", tx.S, c.Kategori, *b.Color, legend)
			}
		}
	}
	if chartPages == 0 {
		t.Fatal("no chart page")
	}
	for _, r := range rows {
		if seen[r.Indikator.Kode] != 1 {
			t.Errorf("%s labels the chart %d times, want once", r.Indikator.Kode, seen[r.Indikator.Kode])
		}
	}
}

// checkValueLabel finds a bar's value among the chart texts of its row and
// checks that it lies at the bar's end, within 2 mm of it: inside the bar
// (against its end) or outside it (past its end), never across it nor
// across the 100% line.
func checkValueLabel(t *testing.T, p *Page, kode, value string, b Rect, negative bool, mid, x100 float64) {
	t.Helper()
	end := b.X + b.W
	if negative {
		end = b.X
	}
	for _, tx := range p.Texts {
		if tx.S != value || tx.Frame == 0 || p.Frames[tx.Frame-1].Kind != "chart" {
			continue
		}
		f := p.Frames[tx.Frame-1]
		if math.Abs(f.Y+f.H/2-mid) > 0.01 {
			continue
		}
		x0, x1 := tx.X, tx.X+tx.Width
		inside := x0 >= b.X-eps && x1 <= b.X+b.W+eps
		outside := x0 >= b.X+b.W-eps || x1 <= b.X+eps
		if !inside && !outside {
			t.Errorf("%s: value %q at %.2f–%.2f lies across the bar's end %.2f", kode, value, x0, x1, end)
		}
		if x0 < x100 && x1 > x100 {
			t.Errorf("%s: value %q at %.2f–%.2f lies across the 100%% line", kode, value, x0, x1)
		}
		if d := min(math.Abs(x0-end), math.Abs(x1-end)); d > 2 {
			t.Errorf("%s: value %q at %.2f–%.2f, %.2f mm from its bar's end %.2f; want within 2 mm", kode, value, x0, x1, d, end)
		}
		return
	}
	t.Errorf("%s: no value %q in the bar's row", kode, value)
}

func ratInt(n int64) *big.Rat { return big.NewRat(n, 1) }

func mustTemplates(t *testing.T) *templates.Set {
	t.Helper()
	s, err := templates.Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func bandsOf(doc *model.Document) []model.PitaKategori {
	if len(doc.Capaian.Kategori) > 0 {
		return doc.Capaian.Kategori
	}
	return model.KategoriBawaan()
}

func pageTexts(d *Document) string {
	var all []string
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			all = append(all, tx.S)
		}
	}
	return strings.Join(all, " ")
}

func TestCapaianExample(t *testing.T) {
	t.Parallel()
	lap := loadRealisasi(t)
	d := layoutCapaian(t, lap, CapaianOptions{})
	s := pageTexts(d)
	for _, want := range []string{
		"LAMPIRAN LAPORAN KINERJA", "CAPAIAN KINERJA TRIWULAN III TAHUN 2023",
		"Dhany Sukma", "197403091993111001",
		"101,67%", "88,59%", "92,67%", "109,09%",
		// The summary's exact averages (s.d. TW III) per group and overall:
		// Strategis (88,2/86,75 + 85,9/86,75 + 87,1/88,5 + 75,3/85 + 0,965
		// + 6) / 11 = 98,5635…; Khusus 88,3157…; Operasional 96,8422…;
		// all 23 indicators with capaian 94,3289….
		"98,56%", "88,32%", "96,84%", "94,33%",
		"belum", "realisasi N/A", "Halaman 1 dari",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("annex lacks %q", want)
		}
	}
	if got, want := d.Meta.Title, "Capaian Kinerja Triwulan III Tahun 2023 — Walikota Kota Administrasi Jakarta Pusat"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got := d.Meta.Created.Format("2006-01-02"); got != "2023-09-30" {
		t.Errorf("created %s, want the quarter's last day 2023-09-30", got)
	}
	var marks []string
	for _, b := range d.Outline {
		marks = append(marks, fmt.Sprintf("%d:%s", b.Level, b.Title))
	}
	want := "0:Capaian Kinerja Triwulan III|1:Sasaran Strategis|1:Sasaran Khusus|1:Sasaran Operasional|0:Ringkasan Capaian|0:Grafik Capaian"
	if got := strings.Join(marks, "|"); got != want {
		t.Errorf("bookmarks %s, want %s", got, want)
	}
	for i := 1; i < len(d.Outline); i++ {
		if d.Outline[i].Page < d.Outline[i-1].Page {
			t.Errorf("bookmarks out of page order: %v", d.Outline)
		}
	}
}

// The summary prints model.SummarizeCapaian's figures, one row per group
// and the total: name, counts, one count per category, and the means.
func TestCapaianSummaryRows(t *testing.T) {
	t.Parallel()
	lap := loadRealisasi(t)
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	s := pageTexts(layoutCapaian(t, lap, CapaianOptions{}))
	lines := model.SummarizeCapaian(rows)
	if len(lines) != 4 {
		t.Fatalf("%d summary lines, want 3 groups and the total", len(lines))
	}
	for _, l := range lines {
		name := l.Kelompok
		if l.Total {
			name = "Seluruh Indikator"
		}
		row := fmt.Sprintf("%s %d %d", name, l.Count, l.Measured)
		for _, b := range model.KategoriBawaan() {
			row += fmt.Sprintf(" %d", l.ByKategori[b.Nama])
		}
		row += fmt.Sprintf(" %d %s%% %s%%", l.Unmeasured, model.FormatRat(l.MeanTW, 2, "id"), model.FormatRat(l.MeanSD, 2, "id"))
		if !strings.Contains(s, row) {
			t.Errorf("summary lacks the row %q", row)
		}
	}
}

// extremeDoc has capaian above 200%, negative, lower-is-better, zero
// targets, a value of zero, one not reported, and four category bands.
const extremeDoc = `tahun = 2024
kertas = "F4"
format_angka = "en"
tempat = "Bandung"
[instansi]
kop = ["PEMERINTAH"]
[pihak_pertama]
nama = "Budi Santoso"
nip = "19740309 199311 1 001"
jabatan = "Kepala Dinas"
unit_kerja = "Dinas Uji"
[pihak_kedua]
nama = "Siti Aminah"
jabatan = "Gubernur"
[tanda_tangan.mengetahui]
nama = "Ahmad Yani"
jabatan = "Sekretaris Daerah"
[capaian]
[[capaian.kategori]]
min = 110
nama = "Melampaui"
[[capaian.kategori]]
min = 100
nama = "Tercapai"
[[capaian.kategori]]
min = 75
nama = "Cukup"
[[capaian.kategori]]
nama = "Kurang"
[[sasaran]]
uraian = "Sasaran tanpa kelompok"
[[sasaran.indikator]]
kode = "A-250"
uraian = "Naik, jauh di atas target"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran.indikator]]
kode = "B-NEG"
uraian = "Naik, realisasi negatif"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran.indikator]]
kode = "C-TURUN"
uraian = "Turun"
polaritas = "turun"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran.indikator]]
kode = "D-NOL"
uraian = "Target nol, realisasi nol"
target = { tw1 = 0, tw2 = 0, tw3 = 0, tw4 = 0, tahunan = 0 }
[[sasaran.indikator]]
kode = "E-0"
uraian = "Realisasi nol"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran.indikator]]
kode = "F-BELUM"
uraian = "Belum dilaporkan"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
[[sasaran.indikator]]
kode = "G-80"
uraian = "Cukup"
agregasi = "rata-rata"
target = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }
`

const extremeRealisasi = `pk = "extreme.toml"
triwulan = 2
[[realisasi]]
kode = "A-250"
tw = { tw1 = 20, tw2 = 25 }
[[realisasi]]
kode = "B-NEG"
tw = { tw1 = 1, tw2 = -5 }
[[realisasi]]
kode = "C-TURUN"
tw = { tw1 = 10, tw2 = 8 }
kendala = '''
- daftar sebagai awal catatan
- butir kedua
'''
[[realisasi]]
kode = "D-NOL"
tw = { tw1 = 0, tw2 = 0 }
[[realisasi]]
kode = "E-0"
tw = { tw1 = 0, tw2 = 0 }
[[realisasi]]
kode = "G-80"
tw = { tw1 = 7, tw2 = 9 }
upaya = "**Tebal** dan *miring*."
`

func TestCapaianExtremes(t *testing.T) {
	t.Parallel()
	doc := parseDoc(t, extremeDoc)
	lap, probs := model.ParseRealisasi("extreme-tw2.toml", []byte(extremeRealisasi), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	d := layoutCapaian(t, lap, CapaianOptions{TandaTangan: true})
	s := pageTexts(d)
	for _, want := range []string{
		"250.00%", "-50.00%", "120.00%", "100.00%", "0.00%", "80.00%", // en format
		"belum ada realisasi", "Melampaui", "Cukup", "Kurang",
		"Mengetahui,", "Ahmad Yani", "Bandung,", "CAPAIAN KINERJA TRIWULAN II TAHUN 2024",
		"s.d. = rata-rata TW I–II",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("annex lacks %q", want)
		}
	}
	for _, p := range d.Pages {
		if w, h := p.Width, p.Height; w != 330 || h != 215 {
			t.Fatalf("page %.0f × %.0f, want F4 landscape", w, h)
		}
	}
	// Four bands: green, two shades between, red; all different.
	cols := KategoriColors(doc.Capaian.Kategori)
	if cols["Melampaui"] != colorGreen || cols["Kurang"] != colorRed || len(cols) != 4 || cols["Tercapai"] == cols["Cukup"] {
		t.Errorf("band colours %v", cols)
	}
	last := d.Outline[len(d.Outline)-1]
	if last.Title != "Tanda Tangan" || last.Page != len(d.Pages)-1 {
		t.Errorf("last bookmark %+v", last)
	}
}

// stressRealisasi reports TW III for every indicator of stressDoc with
// capaian spread over the categories; every seventh is left out.
func stressRealisasi(doc *model.Document) string {
	var b strings.Builder
	b.WriteString("pk = \"stress.toml\"\ntriwulan = 3\n")
	for i, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			if i%7 == 6 {
				continue
			}
			fmt.Fprintf(&b, "[[realisasi]]\nkode = %q\ntw = { tw2 = \"%d%%\", tw3 = \"%d%%\" }\n", ind.Kode, 40+i%15, 60+(i*7)%30)
			if i%5 == 0 {
				b.WriteString("kendala = '''\n" + strings.Repeat("Kendala yang panjang sekali. ", 30) + "\n'''\n")
			}
		}
	}
	return b.String()
}

func TestCapaianStress(t *testing.T) {
	t.Parallel()
	doc := parseDoc(t, stressDoc("A4", 90, 1, "Sasaran uji dengan uraian yang cukup panjang", func(i, j int) string { return "x" }))
	lap, probs := model.ParseRealisasi("stress-tw3.toml", []byte(stressRealisasi(doc)), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	d := layoutCapaian(t, lap, CapaianOptions{TandaTangan: true})
	chartPages := 0
	for i := range d.Pages {
		if _, _, ok := chartScaleOf(t, &d.Pages[i], "id"); ok {
			chartPages++
		}
	}
	if chartPages < 2 {
		t.Errorf("90 indicators on %d chart pages, want the chart paginated", chartPages)
	}
	if !strings.Contains(pageTexts(d), "(lanjutan)") {
		t.Error("continued chart pages are not marked (lanjutan)")
	}
}

func TestNiceScale(t *testing.T) {
	t.Parallel()
	cases := []struct {
		min, max         float64
		lo, hi, stepWant float64
	}{
		{0, 100, 0, 100, 10},
		{0, 109.09, 0, 120, 20},
		{-50, 250, -50, 250, 50},
		{0, 1e6, 0, 1e6, 1e5},
	}
	for _, c := range cases {
		lo, hi, step := niceScale(c.min, c.max)
		if lo != c.lo || hi != c.hi || step != c.stepWant {
			t.Errorf("niceScale(%v, %v) = %v, %v, %v; want %v, %v, %v", c.min, c.max, lo, hi, step, c.lo, c.hi, c.stepWant)
		}
	}
}

func TestCapaianLabelledNotes(t *testing.T) {
	t.Parallel()
	ps := withLabel("Kendala:", "satu paragraf", 1)
	if len(ps) != 1 || ps[0].Spans[0].Text != "Kendala: " || ps[0].Spans[0].Style != fonts.Bold {
		t.Errorf("label not put before the paragraph: %+v", ps)
	}
	ps = withLabel("Upaya:", "1. satu\n2. dua", 1)
	if len(ps) != 3 || ps[0].Spans[0].Text != "Upaya:" || ps[1].Marker == "" {
		t.Errorf("label of a list must stand alone: %+v", ps)
	}
	if withLabel("Upaya:", "  ", 1) != nil {
		t.Error("empty notes must give nothing")
	}
}

// A report spanning a PK Perubahan says where each quarter's target came
// from; a report on an original PK says nothing of versions.
func TestCapaianVersiNote(t *testing.T) {
	t.Parallel()
	lap, probs, err := model.LoadRealisasi(testutil.Rooted(testutil.Example(t, "jakarta-pusat-2023-perubahan-1-tw4.toml")))
	if err != nil || lap == nil {
		t.Fatalf("%v %v", err, probs)
	}
	const note = "Target TW I–II: PK; TW III–IV: Perubahan ke-1"
	d := layoutCapaian(t, lap, CapaianOptions{})
	// Once under the table, and in the rows of the indicators whose
	// targets the amendment changed (or added), not in the others.
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	old := lap.Dokumen.VersiBerlaku(1)
	changed := 0
	for _, r := range rows {
		_, o := old.FindIndikator(r.Indikator.Kode)
		same := o != nil && o.Target.Tahunan.Sama(r.Indikator.Target.Tahunan)
		for k := range 4 {
			same = same && o.Target.TW[k].Sama(r.Indikator.Target.TW[k])
		}
		if !same {
			changed++
		}
	}
	if changed == 0 || changed == len(rows) {
		t.Fatalf("%d of %d indicators changed: the example no longer shows both cases", changed, len(rows))
	}
	inRows, under := 0, 0
	for pi := range d.Pages {
		p := &d.Pages[pi]
		for fi, f := range p.Frames {
			if !strings.Contains(frameText(p, fi+1), note) {
				continue
			}
			switch f.Kind {
			case "cell":
				inRows++
			case "block":
				under++
			}
		}
	}
	if under != 1 {
		t.Errorf("the version note under the table %d times, want once", under)
	}
	if inRows != changed {
		t.Errorf("the version note in %d rows, want the %d whose targets changed", inRows, changed)
	}
	if strings.Contains(pageTexts(layoutCapaian(t, loadRealisasi(t), CapaianOptions{})), "Perubahan ke-") {
		t.Error("an annex without amendments mentions versions")
	}
}

// Category cells carry a light tint of their category's chart colour.
func TestCapaianCategoryTint(t *testing.T) {
	t.Parallel()
	lap := loadRealisasi(t)
	d := layoutCapaian(t, lap, CapaianOptions{})
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	colors := KategoriColors(lap.Dokumen.Capaian.Kategori)
	if len(colors) == 0 {
		colors = KategoriColors(model.KategoriBawaan())
	}
	want := map[RGB]bool{}
	for _, r := range rows {
		if c, ok := colors[r.CapaianSD.Kategori]; ok {
			want[RGB{lighten(c.R), lighten(c.G), lighten(c.B)}] = true
		}
	}
	got := map[RGB]bool{}
	for _, p := range d.Pages {
		for _, r := range p.Rects {
			if r.Color != nil && r.Fill >= 0 && *r.Color != (RGB{}) {
				if c := *r.Color; c.R >= 0xbf && c.G >= 0xbf && c.B >= 0xbf { // tints, not chart bars
					got[c] = true
				}
			}
		}
	}
	if len(want) == 0 || fmt.Sprint(want) != fmt.Sprint(got) {
		t.Errorf("category tints %v, want %v", got, want)
	}
}

// A group row taller than a page splits into two frames; the groups'
// bookmarks still point at their own rows (they come from the table's row
// marks, not from counting frames).
func TestCapaianBookmarksAfterSplitGroupRow(t *testing.T) {
	t.Parallel()
	long := strings.TrimSpace(strings.Repeat("Kelompok dengan nama yang sangat panjang ", 1200))
	src := stressDoc("A4", 4, 1, "Sasaran", func(i, j int) string { return "x" })
	src = strings.Replace(src, `kelompok = "Sasaran Strategis"`, fmt.Sprintf("kelompok = %q", long), 2)
	doc := parseDoc(t, src)
	lap, probs := model.ParseRealisasi("stress-tw3.toml", []byte(stressRealisasi(doc)), doc)
	if lap == nil {
		t.Fatalf("realisasi invalid: %v", probs)
	}
	d, err := LayoutCapaian(lap, CapaianOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var groups []Bookmark
	for _, b := range d.Outline {
		if b.Level == 1 {
			groups = append(groups, b)
		}
	}
	if len(groups) != 2 || groups[0].Title != long || groups[1].Title != "Sasaran Khusus" {
		t.Fatalf("group bookmarks %d: want the long group and Sasaran Khusus", len(groups))
	}
	// The second group's bookmark points at the top of its group row.
	p := d.Pages[groups[1].Page]
	found := false
	for fi, f := range p.Frames {
		if f.Kind == "group" && math.Abs(f.Y-groups[1].Y) < 1e-9 && loFrameText(&p, fi+1) == "Sasaran Khusus" {
			found = true
		}
	}
	if !found {
		t.Errorf("bookmark %q at page %d, y %.2f: no group row there", groups[1].Title, groups[1].Page+1, groups[1].Y)
	}
}
