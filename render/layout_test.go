package render

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

func loadExample(t testing.TB) *model.Document {
	t.Helper()
	doc, probs, err := model.Load(testutil.Rooted(testutil.Example(t, "jakarta-pusat-2023.toml")))
	if err != nil || doc == nil {
		t.Fatalf("load example: %v %v", err, probs)
	}
	return doc
}

func parseDoc(t testing.TB, src string) *model.Document {
	t.Helper()
	doc, probs := model.Parse("stress.toml", []byte(src))
	if doc == nil {
		t.Fatalf("stress document invalid: %v", probs)
	}
	return doc
}

const eps = 1e-6

// checkGeometry asserts the invariants every laid-out document must keep.
func checkGeometry(t *testing.T, d *Document) {
	t.Helper()
	if d.Statement && len(d.Pages) < 2 || len(d.Pages) < 1 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	sigPages := map[int]bool{}
	for pi, p := range d.Pages {
		mg := lampiranMargins
		if pi == 0 && d.Statement {
			mg = statementMargins
			if p.Landscape() {
				t.Errorf("page 1 is landscape")
			}
		} else if !p.Landscape() {
			t.Errorf("page %d is portrait", pi+1)
		}
		checkPlacement(t, pi, &p, mg)
		for _, tx := range p.Texts {
			if (pi > 0 || !d.Statement) && tx.Frame > 0 && p.Frames[tx.Frame-1].Kind == "signature" {
				sigPages[pi] = true
			}
		}
		if pi == 0 && d.Statement {
			continue
		}
		// Table pages: the header on top, never a page of header alone, never
		// a group row last.
		// A page may hold two tables (the lampiran and the budget table):
		// the page's first table element must be a header.
		var headTop, firstCell, lastBottom float64 = 1e9, 1e9, 0
		var last Frame
		hasHead, hasCell := false, false
		for _, f := range p.Frames {
			switch f.Kind {
			case "header":
				hasHead = true
				headTop = min(headTop, f.Y)
			case "cell", "group":
				hasCell = true
				firstCell = min(firstCell, f.Y)
				if f.Y+f.H >= lastBottom {
					lastBottom, last = f.Y+f.H, f
				}
			}
		}
		if hasCell && !hasHead {
			t.Errorf("page %d: table rows without the header", pi+1)
		}
		if hasHead && !hasCell {
			t.Errorf("page %d: the header alone", pi+1)
		}
		if hasCell && headTop > firstCell+eps {
			t.Errorf("page %d: the first row (top %.2f) comes before any header (top %.2f)", pi+1, firstCell, headTop)
		}
		if hasCell && last.Kind == "group" {
			t.Errorf("page %d ends with a group row", pi+1)
		}
	}
	// A lampiran-only document without parties has no signatures.
	if len(sigPages) > 1 || d.Statement && len(sigPages) != 1 {
		t.Errorf("closing signatures on pages %v, want exactly one page", sigPages)
	}
}

// checkPlacement asserts what every laid-out page keeps: every frame but
// the footer's (folio, and the draft or e-signature note) inside the
// margins, every text inside its frame and on the page. Page numbers in
// its messages count from 1.
func checkPlacement(t *testing.T, pi int, p *Page, mg Margins) {
	t.Helper()
	for fi, f := range p.Frames {
		if f.Kind == "folio" || f.Kind == "catatan" {
			continue
		}
		if f.X < mg.Left-eps || f.X+f.W > p.Width-mg.Right+eps || f.Y < mg.Top-eps || f.Y+f.H > p.Height-mg.Bottom+eps {
			t.Errorf("page %d frame %d (%s) %.2f,%.2f %.2f×%.2f outside the margins", pi+1, fi+1, f.Kind, f.X, f.Y, f.W, f.H)
		}
	}
	for _, tx := range p.Texts {
		if tx.Frame == 0 {
			t.Errorf("page %d: text %q outside any frame", pi+1, tx.S)
			continue
		}
		f := p.Frames[tx.Frame-1]
		if tx.X < f.X-eps || tx.X+tx.Width > f.X+f.W+1e-3 || tx.Y < f.Y || tx.Y > f.Y+f.H+eps {
			t.Errorf("page %d: text %q at %.2f,%.2f (w %.2f) outside its %s frame %.2f,%.2f %.2f×%.2f",
				pi+1, tx.S, tx.X, tx.Y, tx.Width, f.Kind, f.X, f.Y, f.W, f.H)
		}
		if tx.X < 0 || tx.X+tx.Width > p.Width || tx.Y > p.Height {
			t.Errorf("page %d: text %q off the page", pi+1, tx.S)
		}
	}
}

var wordRe = regexp.MustCompile(`[0-9A-Za-z\x{00C0}-\x{024F}]+`)

func wordsOf(s string) []string { return wordRe.FindAllString(s, -1) }

// tableWords is every word the lampiran table must show once: from the
// document through the same formatting and rich-text parsing layout uses.
func tableWords(doc *model.Document) map[string]int {
	f := newFormatter(doc.FormatAngka)
	want := map[string]int{}
	add := func(s string) {
		for _, w := range wordsOf(s) {
			want[w]++
		}
	}
	for _, g := range doc.Kelompok() {
		add(g.Nama)
		for _, s := range g.Sasaran {
			add(fmt.Sprint(s.Nomor))
			add(s.Uraian)
			for _, ind := range s.Indikator {
				add(fmt.Sprint(ind.Nomor))
				add(ind.Uraian)
				add(ind.SumberData)
				for _, p := range RichParas(ind.Pengukuran, 0, 0) {
					add(p.Marker)
					for _, sp := range p.Spans {
						add(sp.Text)
					}
				}
				for _, n := range ind.Target.TW {
					add(f.nilai(n))
				}
				add(f.nilai(ind.Target.Tahunan))
				add(ind.Satuan)
			}
		}
	}
	return want
}

// checkWords asserts every word of the table appears exactly once in the
// table's cells (a split cell's words are on two pages, still once).
func checkWords(t *testing.T, doc *model.Document, d *Document) {
	t.Helper()
	got := map[string]int{}
	for _, p := range d.Pages[1:] {
		for _, tx := range p.Texts {
			if k := p.Frames[tx.Frame-1].Kind; k == "cell" || k == "group" {
				for _, w := range wordsOf(tx.S) {
					got[w]++
				}
			}
		}
	}
	want := tableWords(doc)
	// A word wider than its column is broken inside: compare the letters of
	// long words (and of their pieces) instead of the words.
	longLetters := func(m map[string]int) map[rune]int {
		out := map[rune]int{}
		for w, n := range m {
			if len(w) > 30 || strings.Contains(w, "xxxxx") {
				for _, r := range w {
					out[r] += n
				}
				delete(m, w)
			}
		}
		return out
	}
	if a, b := longLetters(want), longLetters(got); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("letters of long words differ: want %v, got %v", a, b)
	}
	var diffs []string
	for w, n := range want {
		if got[w] != n {
			diffs = append(diffs, fmt.Sprintf("%q want %d got %d", w, n, got[w]))
		}
	}
	for w, n := range got {
		if _, ok := want[w]; !ok {
			diffs = append(diffs, fmt.Sprintf("%q unexpected ×%d", w, n))
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = diffs[:20]
		}
		t.Errorf("table words differ from the document:\n%s", strings.Join(diffs, "\n"))
	}
}

func TestLayoutExample(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	checkWords(t, doc, d)
	if len(d.Outline) != 2 || d.Outline[1].Page != 1 {
		t.Errorf("outline %+v, want the statement and the lampiran", d.Outline)
	}
	if d.Meta.Created.Year() != 2023 || d.Meta.Title == "" || d.Meta.Author != "Dhany Sukma" {
		t.Errorf("meta %+v", d.Meta)
	}
	// The statement page carries the names in capitals and the NIP.
	var page1 []string
	for _, tx := range d.Pages[0].Texts {
		page1 = append(page1, tx.S)
	}
	s := strings.Join(page1, " ")
	for _, want := range []string{"DHANY SUKMA", "HERU BUDI HARTONO", "NIP 197403091993111001", "Pj. Gubernur Daerah Khusus Ibukota Jakarta"} {
		if !strings.Contains(s, want) {
			t.Errorf("statement page lacks %q", want)
		}
	}
	// Page numbers count every page.
	last := d.Pages[len(d.Pages)-1]
	folio := fmt.Sprintf("Halaman %d dari %d", len(d.Pages), len(d.Pages))
	found := false
	for _, tx := range last.Texts {
		found = found || tx.S == folio
	}
	if !found {
		t.Errorf("last page lacks %q", folio)
	}
}

// stressDoc writes a document with n sasaran of k indicators each, whose
// pengukuran is built by body.
func stressDoc(kertas string, n, k int, uraian string, body func(i, j int) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "tahun = 2024\nkertas = %q\ntempat = \"Jakarta\"\n[instansi]\nkop = [\"PEMERINTAH\"]\n", kertas)
	b.WriteString("[pihak_pertama]\nnama = \"Budi Santoso\"\nnip = \"19740309 199311 1 001\"\njabatan = \"Kepala Dinas\"\nunit_kerja = \"Dinas Uji\"\n")
	b.WriteString("[pihak_kedua]\nnama = \"Siti Aminah\"\njabatan = \"Gubernur\"\n")
	for i := range n {
		group := "Sasaran Strategis"
		if i >= n/2 {
			group = "Sasaran Khusus"
		}
		fmt.Fprintf(&b, "[[sasaran]]\nkelompok = %q\nuraian = \"%s %d\"\n", group, uraian, i)
		for j := range k {
			fmt.Fprintf(&b, "[[sasaran.indikator]]\nkode = \"K%d-%d\"\nuraian = \"Indikator %d %d\"\nsumber_data = \"e-Kinerja\"\nsatuan = \"Persen\"\n", i, j, i, j)
			b.WriteString("target = { tw1 = \"N/A\", tw2 = \"50%\", tw3 = \"75%\", tw4 = \"100%\", tahunan = \"100%\" }\n")
			fmt.Fprintf(&b, "pengukuran = '''\n%s\n'''\n", body(i, j))
		}
	}
	return b.String()
}

func TestLayoutStress(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Kata panjang dalam definisi yang terus berulang. ", 2100) // ~100 KB
	giant := strings.Repeat("x", 400)
	cases := []struct {
		name string
		src  string
	}{
		{"100KB cell taller than pages", stressDoc("A4", 2, 1, "Sasaran", func(i, j int) string {
			if i == 0 {
				return long
			}
			return "**Definisi:** pendek"
		})},
		{"500 indicators", stressDoc("A4", 100, 5, "Sasaran uji dengan uraian yang cukup panjang untuk dua baris", func(i, j int) string {
			return fmt.Sprintf("**DEFINISI :** indikator %d.%d\n\n1. satu\n2. dua", i, j)
		})},
		{"very long words", stressDoc("F4", 3, 2, "Sasaran"+giant, func(i, j int) string {
			return "https://" + giant + ".example/" + giant + " dan " + giant
		})},
		{"spanning sasaran over pages", stressDoc("A4", 2, 12, "Sasaran yang indikatornya banyak", func(i, j int) string {
			return strings.Repeat("Baris definisi indikator. ", 40)
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parseDoc(t, c.src)
			d, err := Layout(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGeometry(t, d)
			checkWords(t, doc, d)
		})
	}
}

func TestLayoutSinglePartyAndDate(t *testing.T) {
	t.Parallel()
	src := strings.Replace(stressDoc("A4", 1, 1, "Sasaran", func(i, j int) string { return "x" }),
		"[pihak_kedua]\nnama = \"Siti Aminah\"\njabatan = \"Gubernur\"\n", "", 1)
	src = strings.Replace(src, "tahun = 2024\n", "tahun = 2024\ntingkat = \"kepala-daerah\"\ntanggal = 2024-02-15\n", 1)
	doc := parseDoc(t, src)
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	var all []string
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			all = append(all, tx.S)
		}
	}
	s := strings.Join(all, " ")
	if strings.Contains(s, "PIHAK KEDUA") {
		t.Error("single-party PK mentions PIHAK KEDUA")
	}
	for _, want := range []string{"Jakarta, 15 Februari 2024", "KEPALA DAERAH", "NIP 197403091993111001"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	if got := d.Meta.Created.Format("2006-01-02"); got != "2024-02-15" {
		t.Errorf("PDF date %s, want the document's date", got)
	}
}
