package render

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/templates"
)

// secDoc is a Kepala Bidang's PK with a lampiran of two sections, A of
// nA sasaran and B of nB, each of two indicators, and a budget table.
func secDoc(nA, nB int) string {
	var b strings.Builder
	b.WriteString("tahun = 2024\ntingkat = \"eselon-iii\"\ntempat = \"Sukamulya\"\nlampiran = \"eselon3\"\n")
	b.WriteString("[instansi]\nkop = [\"PEMERINTAH KABUPATEN LEMBAH HIJAU\"]\n")
	b.WriteString("[pihak_pertama]\nnama = \"Hendra Saputra\"\nnip = \"197811022005011003\"\njabatan = \"Kepala Bidang\"\n")
	b.WriteString("[pihak_kedua]\nnama = \"Ratna Wulandari\"\nnip = \"197506142002032004\"\njabatan = \"Kepala Dinas\"\n")
	b.WriteString("[[bagian]]\nnama = \"a\"\njudul = \"A. SASARAN PROGRAM\"\nlampiran = \"eselon3\"\n")
	b.WriteString("[[bagian]]\nnama = \"b\"\njudul = \"B. SASARAN KEGIATAN\"\nlampiran = \"eselon4\"\n")
	for i := range nA + nB {
		sec, no := "a", i+1
		if i >= nA {
			sec, no = "b", i-nA+1
		}
		fmt.Fprintf(&b, "[[sasaran]]\nbagian = %q\nuraian = \"Sasaran %s nomor %d\"\n", sec, sec, no)
		for j := range 2 {
			fmt.Fprintf(&b, "[[sasaran.indikator]]\nkode = \"K%d-%d\"\nuraian = \"Indikator %s%d.%d\"\nsatuan = \"Persen\"\n", i, j, sec, no, j+1)
			b.WriteString("target = { tw1 = \"N/A\", tw2 = \"N/A\", tw3 = \"N/A\", tw4 = \"90%\", tahunan = \"90%\" }\n")
		}
	}
	for i := range 3 {
		fmt.Fprintf(&b, "[[anggaran]]\nuraian = \"Kegiatan anggaran %d\"\njumlah = %d\n", i+1, 1000000*(i+1))
	}
	return b.String()
}

// secHeads are the header words that tell the tables apart.
var secHeads = []string{"Sasaran Program", "Sasaran Kegiatan", "Kegiatan"}

// secTableOf names the table a body frame at y belongs to: the header
// (of secHeads) nearest above it on its page; "" when there is none.
func secTableOf(p *Page, y float64) string {
	best, top := "", -1.0
	for _, h := range secHeads {
		for _, fi := range loFramesWithText(p, "header", h) {
			if f := p.Frames[fi-1]; f.Y < y && f.Y > top {
				best, top = h, f.Y
			}
		}
	}
	return best
}

// checkSections asserts a sectioned lampiran's geometry: every row of a
// section under its own table's header on its page (the header repeated
// on every page the table spans), every heading directly above its
// table's header, never alone at a page's foot, and the rows numbered
// from 1 in each section.
func checkSections(t *testing.T, doc *model.Document, d *Document) {
	t.Helper()
	loCheckGeometry(t, d)
	want := map[string]string{} // indicator uraian -> header of its table
	first := map[string]bool{}  // uraian of the first sasaran of a section
	for _, sec := range doc.Sections() {
		head := "Sasaran Program"
		if sec.Index == 2 || strings.Contains(sec.Judul, "KEGIATAN") {
			head = "Sasaran Kegiatan"
		}
		for i, s := range sec.Sasaran {
			for _, ind := range s.Indikator {
				want[ind.Uraian] = head
			}
			if i == 0 {
				first[s.Uraian] = true
			}
		}
	}
	seen := map[string]bool{}
	for pi := 1; pi < len(d.Pages); pi++ {
		p := &d.Pages[pi]
		for fi, f := range p.Frames {
			text := loFrameText(p, fi+1)
			switch {
			case f.Kind == "cell" && want[text] != "":
				seen[text] = true
				if got := secTableOf(p, f.Y); got != want[text] {
					t.Errorf("page %d: row %q under the header %q, want %q", pi+1, text, got, want[text])
				}
			case f.Kind == "cell" && first[text]:
				// Its No cell, on its row, reads 1.
				no := false
				for gi, g := range p.Frames {
					no = no || g.Kind == "cell" && g.Y == f.Y && g.X < f.X && loFrameText(p, gi+1) == "1"
				}
				if !no {
					t.Errorf("page %d: the first sasaran %q of a section is not numbered 1", pi+1, text)
				}
			case f.Kind == "block" && strings.HasPrefix(text, "A. ") || strings.HasPrefix(text, "B. "):
				// The table's header starts 1.5 mm under the heading.
				under := false
				for _, g := range p.Frames {
					under = under || g.Kind == "header" && g.Y > f.Y+f.H && g.Y < f.Y+f.H+2
				}
				if !under {
					t.Errorf("page %d: heading %q at %.1f not directly above its table", pi+1, text, f.Y)
				}
			}
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d of %d indicator rows found", len(seen), len(want))
	}
}

func TestLayoutsSectionsExample(t *testing.T) {
	t.Parallel()
	ex := testutil.Example(t, "kabupaten-contoh-dinas-pertanian-2024.toml")
	doc, probs, err := model.Load(testutil.Rooted(ex))
	if err != nil || doc == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSections(t, doc, d)
	// B spans two pages: its header on both.
	pages := 0
	for pi := range d.Pages {
		if len(loFramesWithText(&d.Pages[pi], "header", "Sasaran Kegiatan")) > 0 {
			pages++
		}
	}
	if pages < 2 {
		t.Errorf("section B on %d pages; the example should make it span two", pages)
	}
	// A bookmark per section, under the lampiran's, where its heading is.
	var marks []string
	for _, b := range d.Outline {
		if b.Level == 1 {
			p := &d.Pages[b.Page]
			ok := false
			for _, fi := range loFramesWithText(p, "block", b.Title) {
				ok = ok || p.Frames[fi-1].Y == b.Y
			}
			if !ok {
				t.Errorf("bookmark %q at page %d, %.1f: not at its heading", b.Title, b.Page+1, b.Y)
			}
			marks = append(marks, b.Title)
		}
	}
	if strings.Join(marks, "|") != "A. SASARAN PROGRAM|B. SASARAN KEGIATAN" {
		t.Errorf("section bookmarks %q", marks)
	}
}

// Whatever the length of the first table, the second's heading stands
// with its table's header and first row, the budget table and the closing
// signatures follow the last section, and nothing leaves its page.
func TestLayoutsSectionHeadingKept(t *testing.T) {
	t.Parallel()
	moved := 0
	for nA := 1; nA <= 14; nA++ {
		doc := parseDoc(t, secDoc(nA, 3))
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(nA), func(t *testing.T) { checkSections(t, doc, d) })
		for pi := range d.Pages {
			for _, fi := range loFramesWithText(&d.Pages[pi], "block", "B. SASARAN KEGIATAN") {
				if d.Pages[pi].Frames[fi-1].Y == lampiranMargins.Top {
					moved++
				}
			}
		}
	}
	// Some lengths put the heading where it alone would fit: it moved.
	if moved == 0 {
		t.Errorf("no length of the first table moved the second heading to a fresh page; the test proves nothing")
	}
}

// Check names a section's unknown column set by its key, and budget rows
// that no table of a sectioned lampiran prints.
func TestCheckSections(t *testing.T) {
	t.Parallel()
	set, err := templates.Default()
	if err != nil {
		t.Fatal(err)
	}
	bad := parseDoc(t, strings.Replace(secDoc(1, 1), `lampiran = "eselon4"`, `lampiran = "eselon5"`, 1))
	err = Check(bad, set)
	var le *LayoutError
	if !errors.As(err, &le) || le.Key != "bagian[2].lampiran" || !strings.Contains(err.Error(), `kolom lampiran "eselon5" tidak dikenal; tersedia: bertingkat, dki, eselon2, eselon3, eselon4`) {
		t.Errorf("unknown column set: %v", err)
	}
	noBudget := parseDoc(t, strings.Replace(secDoc(1, 1), `lampiran = "eselon3"`+"\n[instansi]", `lampiran = "dki"`+"\n[instansi]", 1))
	err = Check(noBudget, set)
	if !errors.As(err, &le) || le.Key != "lampiran" || !strings.Contains(err.Error(), `[[anggaran]] diisi, tetapi lampiran "dki" tidak memuat tabel anggaran`) {
		t.Errorf("budget rows without a budget table: %v", err)
	}
	if err := Check(parseDoc(t, secDoc(1, 1)), set); err != nil {
		t.Errorf("valid sections: %v", err)
	}
}
