package render

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/templates"
)

// loTemplates loads the wording variants and files a document names, as
// the command does: variant names as they are, files relative to the
// document.
func loTemplates(t *testing.T, doc *model.Document, path string) *templates.Set {
	t.Helper()
	all, err := templates.Resolve(os.DirFS(filepath.Dir(path)), filepath.Base(path), doc.Templat)
	if err != nil {
		t.Fatalf("templates of %s: %v", path, err)
	}
	set, err := templates.Load(all...)
	if err != nil {
		t.Fatalf("templates of %s: %v", path, err)
	}
	return set
}

// loFrameText is the text of one frame (1-based index), its runs joined by
// single spaces in drawing order.
func loFrameText(p *Page, frame int) string {
	var parts []string
	for _, tx := range p.Texts {
		if tx.Frame == frame {
			parts = append(parts, tx.S)
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// loFramesWithText lists the frames of a kind whose text is exactly s.
func loFramesWithText(p *Page, kind, s string) []int {
	var out []int
	for i, f := range p.Frames {
		if f.Kind == kind && loFrameText(p, i+1) == s {
			out = append(out, i+1)
		}
	}
	return out
}

// loTablePages are the indexes of the pages that carry table rows.
func loTablePages(d *Document) []int {
	var out []int
	for pi, p := range d.Pages {
		for _, f := range p.Frames {
			if f.Kind == "cell" || f.Kind == "group" {
				out = append(out, pi)
				break
			}
		}
	}
	return out
}

// loRupiah groups an integer with dots, the Indonesian way, independently
// of the formatter under test: 1234567 -> "1.234.567".
func loRupiah(v *big.Int) string {
	s := v.String()
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// loCheckGeometry is checkGeometry for lampiran with a second (budget)
// table: checkGeometry expects one header band on top of each page, so a
// page on which the budget table starts below the end of the first table
// is checked as two pages, cut at the top of the second header. Page
// numbers in its messages count the cut pages.
func loCheckGeometry(t *testing.T, d *Document) {
	t.Helper()
	out := &Document{Outline: d.Outline, Meta: d.Meta, Statement: d.Statement}
	for pi, p := range d.Pages {
		cut := math.Inf(1)
		if pi > 0 {
			for _, h := range p.Frames {
				if h.Kind != "header" {
					continue
				}
				for _, c := range p.Frames {
					if (c.Kind == "cell" || c.Kind == "group") && c.Y+c.H <= h.Y+eps {
						cut = min(cut, h.Y)
					}
				}
			}
		}
		if math.IsInf(cut, 1) {
			out.Pages = append(out.Pages, p)
			continue
		}
		above := func(f Frame) bool { return f.Kind != "folio" && f.Y < cut-eps }
		for _, upper := range []bool{true, false} {
			q := Page{Width: p.Width, Height: p.Height, Lines: p.Lines, Rects: p.Rects, Images: p.Images}
			index := map[int]int{}
			for fi, f := range p.Frames {
				if above(f) == upper {
					q.Frames = append(q.Frames, f)
					index[fi+1] = len(q.Frames)
				}
			}
			for _, tx := range p.Texts {
				if n, ok := index[tx.Frame]; ok {
					tx.Frame = n
					q.Texts = append(q.Texts, tx)
				} else if tx.Frame == 0 && upper {
					q.Texts = append(q.Texts, tx) // reported by checkGeometry
				}
			}
			out.Pages = append(out.Pages, q)
		}
	}
	checkGeometry(t, out)
}

func TestLayoutsEveryExample(t *testing.T) {
	t.Parallel()
	examples, err := filepath.Glob(testutil.Example(t, "*.toml"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, ex := range examples {
		if model.IsRealisasi(testutil.ReadFile(t, ex)) {
			continue // a realisasi report, not a PK
		}
		t.Run(filepath.Base(ex), func(t *testing.T) {
			doc, probs, err := model.Load(testutil.Rooted(ex))
			if err != nil || doc == nil {
				t.Fatalf("load: %v %v", err, probs)
			}
			set := loTemplates(t, doc, ex)
			if err := Check(doc, set); err != nil {
				t.Fatal(err)
			}
			d, err := Layout(doc, Options{Templates: set})
			if err != nil {
				t.Fatal(err)
			}
			loCheckGeometry(t, d)
			if len(doc.Anggaran) > 0 {
				want := loRupiah(TotalAnggaran(doc.Anggaran))
				found := 0
				for _, p := range d.Pages {
					found += len(loFramesWithText(&p, "cell", want))
				}
				if found != 1 {
					t.Errorf("total %q printed %d times, want once", want, found)
				}
			}
		})
	}
}

// loDoc writes an eselon-style document: n sasaran of k indicators each
// (targets from target(i, j)), and a budget row per amount.
func loDoc(lampiran string, n, k int, amounts []int64, induk func(i int) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "tahun = 2024\ntingkat = \"eselon-iii\"\ntempat = \"Sukamulya\"\nlampiran = %q\n", lampiran)
	b.WriteString("[instansi]\nkop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]\n")
	b.WriteString("[pihak_pertama]\nnama = \"Hendra Saputra\"\nnip = \"197811022005011003\"\njabatan = \"Kepala Bidang\"\n")
	b.WriteString("[pihak_kedua]\nnama = \"Ratna Wulandari\"\nnip = \"197506142002032004\"\njabatan = \"Kepala Dinas\"\n")
	for i := range n {
		b.WriteString("[[sasaran]]\n")
		if induk != nil {
			fmt.Fprintf(&b, "induk = %q\n", induk(i))
		}
		fmt.Fprintf(&b, "uraian = \"Sasaran kegiatan nomor %d\"\n", i+1)
		for j := range k {
			fmt.Fprintf(&b, "[[sasaran.indikator]]\nkode = \"K%d-%d\"\nuraian = \"Indikator %d.%d\"\nsatuan = \"Persen\"\n", i, j, i+1, j+1)
			b.WriteString("target = { tw1 = \"N/A\", tw2 = \"N/A\", tw3 = \"N/A\", tw4 = \"90%\", tahunan = \"90%\" }\n")
		}
	}
	for i, a := range amounts {
		fmt.Fprintf(&b, "[[anggaran]]\nuraian = \"Kegiatan anggaran %d\"\njumlah = %d\nketerangan = \"APBD\"\n", i+1, a)
	}
	return b.String()
}

// loAmounts are 25 budget rows, some above 10^12 and some near the
// 10^15 limit, so the sum is beyond float64's exact integers.
func loAmounts() []int64 {
	out := []int64{1_234_567_890_123, 999_999_999_999_999, 987_654_321_098_765, 1, 0, 7_000_000_001}
	for i := len(out); i < 25; i++ {
		out = append(out, int64(i)*123_456_789_011+int64(i%4)*300_000_000_000_007)
	}
	return out
}

func TestLayoutsAnggaranTotal(t *testing.T) {
	t.Parallel()
	amounts := loAmounts()
	doc := parseDoc(t, loDoc("eselon2", 3, 2, amounts, nil))
	want := new(big.Int)
	for _, a := range amounts {
		want.Add(want, big.NewInt(a))
	}
	if want.Cmp(big.NewInt(1<<53)) <= 0 {
		t.Fatalf("test sum %s must exceed 2^53", want)
	}
	if got := TotalAnggaran(doc.Anggaran); got.Cmp(want) != 0 {
		t.Errorf("TotalAnggaran = %s, want %s", got, want)
	}
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	loCheckGeometry(t, d)
	wantText := loRupiah(want)
	var totals, labels []string
	rows := map[string]bool{}
	for pi, p := range d.Pages {
		for fi, f := range p.Frames {
			if f.Kind != "cell" {
				continue
			}
			s := loFrameText(&p, fi+1)
			if s == "Jumlah" {
				labels = append(labels, fmt.Sprintf("page %d", pi+1))
				// The total stands beside the label, on the same row.
				for gi, g := range p.Frames {
					if g.Kind == "cell" && g.X > f.X+f.W-eps && math.Abs(g.Y-f.Y) < eps && math.Abs(g.H-f.H) < eps {
						if s := loFrameText(&p, gi+1); s != "" {
							totals = append(totals, s)
						}
					}
				}
			}
			rows[s] = true
		}
	}
	if len(labels) != 1 || len(totals) != 1 || totals[0] != wantText {
		t.Errorf("total row: labels on %v, totals %q, want one %q", labels, totals, wantText)
	}
	for i, a := range amounts {
		if s := loRupiah(big.NewInt(a)); !rows[s] {
			t.Errorf("row %d: %q not printed", i+1, s)
		}
	}
}

func TestLayoutsColumnNumbersOnEveryPage(t *testing.T) {
	t.Parallel()
	doc := parseDoc(t, loDoc("eselon2", 40, 2, loAmounts(), nil))
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	loCheckGeometry(t, d)
	pages := loTablePages(d)
	if len(pages) < 3 {
		t.Fatalf("table on %d pages, want a document long enough for several", len(pages))
	}
	for _, pi := range pages {
		p := &d.Pages[pi]
		// One "(1) … (4)" row under each table header on the page: both
		// tables begin with a "No" column.
		tables := len(loFramesWithText(p, "header", "No"))
		if tables == 0 {
			t.Errorf("page %d: table rows without a header", pi+1)
			continue
		}
		for k := 1; k <= 4; k++ {
			if got := len(loFramesWithText(p, "header", fmt.Sprintf("(%d)", k))); got != tables {
				t.Errorf("page %d: %d header cells (%d), want %d", pi+1, got, k, tables)
			}
		}
		if got := len(loFramesWithText(p, "header", "(5)")); got != 0 {
			t.Errorf("page %d: a fifth column number in a four-column table", pi+1)
		}
	}
}

// loColumn finds the x extent of the body column whose header reads head.
func loColumn(t *testing.T, d *Document, head string) (x, w float64) {
	t.Helper()
	for _, p := range d.Pages {
		if fs := loFramesWithText(&p, "header", head); len(fs) > 0 {
			f := p.Frames[fs[0]-1]
			return f.X, f.W
		}
	}
	t.Fatalf("no header %q", head)
	return 0, 0
}

// checkInduk asserts that each parent objective is printed once per page
// part, in one frame whose height covers exactly the indicator rows of the
// sasaran kegiatan under it. It returns the number of induk frames.
func checkInduk(t *testing.T, doc *model.Document, d *Document) int {
	t.Helper()
	ix, iw := loColumn(t, d, "Sasaran Program")
	kx, kw := loColumn(t, d, "Indikator Kinerja")
	indukOf := map[string]string{} // indicator uraian -> induk
	for _, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			indukOf[ind.Uraian] = s.Induk
		}
	}
	printed := map[string][]string{} // induk -> its text, part by part
	frames := 0
	for pi := range d.Pages {
		p := &d.Pages[pi]
		// The main table ends where the budget table's header begins.
		limit := p.Height
		for _, fi := range loFramesWithText(p, "header", "Kegiatan") {
			limit = min(limit, p.Frames[fi-1].Y)
		}
		var induk, ind []int
		for fi, f := range p.Frames {
			if f.Kind != "cell" && f.Kind != "continued" || f.Y >= limit {
				continue
			}
			switch {
			case math.Abs(f.X-ix) < eps && math.Abs(f.W-iw) < eps:
				induk = append(induk, fi+1)
			case math.Abs(f.X-kx) < eps && math.Abs(f.W-kw) < eps:
				ind = append(ind, fi+1)
			}
		}
		covered := 0
		frames += len(induk)
		for _, fi := range induk {
			f := p.Frames[fi-1]
			top, bottom, owner := math.Inf(1), math.Inf(-1), ""
			for _, gi := range ind {
				g := p.Frames[gi-1]
				if g.Y+g.H/2 < f.Y || g.Y+g.H/2 > f.Y+f.H {
					continue
				}
				covered++
				top, bottom = min(top, g.Y), max(bottom, g.Y+g.H)
				who, ok := indukOf[loFrameText(p, gi)]
				if !ok {
					t.Errorf("page %d: indicator cell %q not in the document", pi+1, loFrameText(p, gi))
				} else if owner == "" {
					owner = who
				} else if who != owner {
					t.Errorf("page %d: one induk cell beside indicators of %q and %q", pi+1, owner, who)
				}
			}
			if owner == "" {
				t.Errorf("page %d: induk cell %q beside no indicator", pi+1, loFrameText(p, fi))
				continue
			}
			if math.Abs(top-f.Y) > eps || math.Abs(bottom-(f.Y+f.H)) > eps {
				t.Errorf("page %d: induk cell %q spans %.2f–%.2f, its indicators %.2f–%.2f",
					pi+1, owner, f.Y, f.Y+f.H, top, bottom)
			}
			if f.Kind == "continued" {
				// Where an induk goes on, its name again, marked.
				if s := loFrameText(p, fi); s != owner+" (lanjutan)" {
					t.Errorf("page %d: continued induk cell reads %q, want %q (lanjutan)", pi+1, s, owner)
				}
				continue
			}
			if s := loFrameText(p, fi); s != "" {
				if !strings.Contains(owner, s) {
					t.Errorf("page %d: induk cell reads %q beside the indicators of %q", pi+1, s, owner)
				}
				printed[owner] = append(printed[owner], s)
			}
		}
		if covered != len(ind) {
			t.Errorf("page %d: %d indicator rows, %d beside an induk cell", pi+1, len(ind), covered)
		}
	}
	var seen []string
	for _, s := range doc.Sasaran {
		if len(seen) > 0 && seen[len(seen)-1] == s.Induk {
			continue
		}
		seen = append(seen, s.Induk)
		if got := strings.Join(printed[s.Induk], " "); got != s.Induk {
			t.Errorf("induk printed as %q, want %q once", got, s.Induk)
		}
	}
	return frames
}

func TestLayoutsIndukSpans(t *testing.T) {
	t.Parallel()
	t.Run("example", func(t *testing.T) {
		ex := testutil.Example(t, "kota-contoh-bertingkat-2024.toml")
		doc, probs, err := model.Load(testutil.Rooted(ex))
		if err != nil || doc == nil {
			t.Fatalf("load: %v %v", err, probs)
		}
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := checkInduk(t, doc, d); n != 2 {
			t.Errorf("%d induk cells, want 2", n)
		}
	})
	t.Run("over pages", func(t *testing.T) {
		// Three sasaran program of eight sasaran kegiatan with four
		// indicators each: every induk cell crosses a page break.
		induk := func(i int) string {
			return fmt.Sprintf("Sasaran program %d dengan uraian yang cukup panjang untuk beberapa baris di dalam selnya", i/8+1)
		}
		doc := parseDoc(t, loDoc("bertingkat", 24, 4, []int64{1_000_000}, induk))
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		loCheckGeometry(t, d)
		if n := len(loTablePages(d)); n < 3 {
			t.Fatalf("table on %d pages, want several", n)
		}
		// Every induk crosses at least one page break: more parts than
		// induk.
		if n := checkInduk(t, doc, d); n < 5 {
			t.Errorf("%d induk cell parts, want each of the 3 induk split", n)
		}
	})
}

func TestLayoutsTargetSatuan(t *testing.T) {
	t.Parallel()
	src := loDoc("eselon2", 1, 1, []int64{5_000_000}, nil)
	src = strings.Replace(src, "[[anggaran]]", `[[sasaran]]
uraian = "Sasaran dengan satuan"
[[sasaran.indikator]]
kode = "S-1"
uraian = "Indeks kepuasan"
satuan = "Indeks"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = 70, tahunan = 70 }
[[sasaran.indikator]]
kode = "S-2"
uraian = "Cakupan imunisasi"
satuan = "Persen"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "95%", tahunan = "95%" }
[[sasaran.indikator]]
kode = "S-3"
uraian = "Angka kematian bayi"
satuan = "per 1.000 KH"
polaritas = "turun"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = 12.5, tahunan = 12.5 }
[[sasaran.indikator]]
kode = "S-4"
uraian = "Predikat SAKIP"
target = { tw1 = "N/A", tw2 = "N/A", tw3 = "N/A", tw4 = "BB", tahunan = "BB" }
[[anggaran]]`, 1)
	doc := parseDoc(t, src)
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, w := loColumn(t, d, "Target")
	var got []string
	for pi := range d.Pages {
		p := &d.Pages[pi]
		for fi, f := range p.Frames {
			if f.Kind == "cell" && math.Abs(f.X-x) < eps && math.Abs(f.W-w) < eps {
				got = append(got, loFrameText(p, fi+1))
			}
		}
	}
	want := []string{"90%", "70 Indeks", "95%", "12,5 per 1.000 KH", "BB"}
	if !slices.Equal(got, want) {
		t.Errorf("target column %q, want %q", got, want)
	}
}

// The budget table prints the currency once: in every amount when the
// header does not name it; ",00" when the form asks (sen); without the
// Keterangan column when the form has none.
func TestAnggaranCurrencyAndColumns(t *testing.T) {
	t.Parallel()
	doc, _, err := model.Load(testutil.Rooted(testutil.Example(t, "kota-contoh-bertingkat-2024.toml")))
	if err != nil || doc == nil {
		t.Fatal(err)
	}
	form := string(testutil.ReadFile(t, "../templates/lampiran-bertingkat.toml"))
	total := loRupiah(TotalAnggaran(doc.Anggaran))
	for _, c := range []struct {
		name, from, to string
		want, not      string
	}{
		{"header names it", "", "", total, "Rp " + total},
		{"header without it", `jumlah = "Anggaran (Rp)"`, `jumlah = "Pagu"`, "Rp " + total, ""},
		{"sen", `mata_uang = "Rp"`, "mata_uang = \"Rp\"\nsen = true", total + ",00", ""},
		{"no keterangan", `keterangan = "Keterangan"`, `keterangan = ""`, total, "APBD"},
	} {
		text := form
		if c.from != "" {
			text = strings.Replace(form, c.from, c.to, 1)
			if text == form {
				t.Fatalf("%s: %q not in the form", c.name, c.from)
			}
		}
		set, err := templates.Load(templates.Override{Name: "lampiran-bertingkat.toml", Data: []byte(text)})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		d, err := Layout(doc, Options{Templates: set})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		loCheckGeometry(t, d)
		found, unwanted := 0, 0
		for _, p := range d.Pages {
			found += len(loFramesWithText(&p, "cell", c.want))
			if c.not != "" {
				unwanted += len(loFramesWithText(&p, "cell", c.not)) + len(loFramesWithText(&p, "header", c.not))
			}
		}
		if found != 1 || unwanted != 0 {
			t.Errorf("%s: %q in %d cells (want 1), %q in %d", c.name, c.want, found, c.not, unwanted)
		}
	}
}

// [tanda_tangan] peran_di_lampiran repeats the role lines over the
// signatures after the lampiran.
func TestPeranDiLampiran(t *testing.T) {
	t.Parallel()
	path := testutil.Example(t, "jakarta-pusat-2023.toml")
	doc, _, err := model.Load(testutil.Rooted(path))
	if err != nil || doc == nil {
		t.Fatal(err)
	}
	roles := func(d *Document) (pages []int) {
		for i, p := range d.Pages {
			for _, tx := range p.Texts {
				if strings.HasPrefix(tx.S, "PIHAK PERTAMA") && strings.HasSuffix(tx.S, ",") {
					pages = append(pages, i+1)
				}
			}
		}
		return pages
	}
	set := loTemplates(t, doc, path)
	before, err := Layout(doc, Options{Templates: set})
	if err != nil {
		t.Fatal(err)
	}
	doc.Tandatangan.PeranDiLampiran = true
	after, err := Layout(doc, Options{Templates: set})
	if err != nil {
		t.Fatal(err)
	}
	loCheckGeometry(t, after)
	b, a := roles(before), roles(after)
	if len(b) != 1 || b[0] != 1 || len(a) != 2 || a[1] != len(after.Pages) {
		t.Errorf("role line on pages %v without, %v with peran_di_lampiran (of %d)", b, a, len(after.Pages))
	}
}
