package render

import (
	"strings"
	"testing"
)

const parafSrc = `
[[paraf]]
jabatan = "Sekretaris"
nama = "Dedi Kurniawan"

[[paraf]]
jabatan = "Kepala Subbagian Perencanaan dan Keuangan"
`

// parafBoxes are the stroked, unfilled rectangles of a page: the boxes.
func parafBoxes(p *Page) []Rect {
	var out []Rect
	for _, r := range p.Rects {
		if r.Fill < 0 && r.Stroke > 0 {
			out = append(out, r)
		}
	}
	return out
}

// The paraf table stands at the foot of the statement page, inside the
// margins and below everything else there, one column per official with
// the jabatan over the box and the nama at its foot; the lampiran has none
// unless paraf_di = "semua", and then every page has it under its table.
func TestParafTable(t *testing.T) {
	t.Parallel()
	for _, every := range []bool{false, true} {
		src := ovDoc() + parafSrc
		if every {
			src += "\n[tanda_tangan]\nparaf_di = \"semua\"\n"
		}
		doc := parseDoc(t, src)
		if n := len(doc.Paraf); n != 2 {
			t.Fatalf("%d paraf", n)
		}
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkGeometry(t, d)
		for pi := range d.Pages {
			p := &d.Pages[pi]
			mg := lampiranMargins
			if !p.Landscape() {
				mg = statementMargins
			}
			boxes := parafBoxes(p)
			if pi > 0 && !every {
				if len(boxes) > 0 {
					t.Errorf("page %d: %d paraf boxes; only the statement page has them", pi+1, len(boxes))
				}
				continue
			}
			if len(boxes) != 4 {
				t.Fatalf("every %v page %d: %d boxes, want a head and a box per official", every, pi+1, len(boxes))
			}
			top, bottom := boxes[0].Y, 0.0
			for _, r := range boxes {
				top, bottom = min(top, r.Y), max(bottom, r.Y+r.H)
				if r.X < mg.Left-eps || r.X+r.W > p.Width-mg.Right+eps {
					t.Errorf("page %d: box %+v outside the side margins", pi+1, r)
				}
			}
			if bottom > p.Height-mg.Bottom+eps || bottom < p.Height-mg.Bottom-eps {
				t.Errorf("page %d: table ends at %.1f, want on the bottom margin %.1f", pi+1, bottom, p.Height-mg.Bottom)
			}
			seen := map[string]bool{}
			for _, tx := range p.Texts {
				f := p.Frames[tx.Frame-1]
				if f.Kind == "paraf" {
					seen[tx.S] = true
					continue
				}
				if f.Kind != "folio" && f.Kind != "catatan" && f.Y+f.H > top-parafGap+eps {
					t.Errorf("page %d: %s text %q reaches %.1f, into the paraf table's room from %.1f", pi+1, f.Kind, tx.S, f.Y+f.H, top-parafGap)
				}
			}
			for _, s := range []string{"Sekretaris", "Dedi Kurniawan", "Perencanaan"} {
				found := false
				for got := range seen {
					found = found || strings.Contains(got, s)
				}
				if !found {
					t.Errorf("page %d: %q not in the paraf table (%v)", pi+1, s, seen)
				}
			}
		}
	}
}

// The paraf table takes room from the statement page: a statement that
// just fits page 1 without it is a layout error with it, naming what takes
// the most room.
func TestParafStatementTooLong(t *testing.T) {
	t.Parallel()
	layout := func(words int, paraf bool) error {
		src := ovDoc()
		if paraf {
			src += parafSrc
		}
		tpl := ovTemplates(t, map[string]string{"p.tmpl": `{{define "pengawasan"}}` + ovLong("kalimat", words) + `{{end}}`})
		_, err := Layout(parseDoc(t, src), Options{Templates: tpl})
		return err
	}
	// The most words that fit without the table.
	lo, hi := 0, 4000
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if layout(mid, false) == nil {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 || lo == 4000 {
		t.Fatalf("no statement length found at the edge of page 1 (%d)", lo)
	}
	wantLayoutError(t, layout(lo, true), `templat "pengawasan"`)
}

// nomor_halaman = "semua" numbers the statement page too; by default it
// is not numbered.
func TestStatementPageNumber(t *testing.T) {
	t.Parallel()
	for _, all := range []bool{false, true} {
		src := ovDoc()
		if all {
			src = strings.Replace(src, "tahun = 2024\n", "tahun = 2024\nnomor_halaman = \"semua\"\n", 1)
		}
		d, err := Layout(parseDoc(t, src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkGeometry(t, d)
		p := &d.Pages[0]
		var folio string
		for _, tx := range p.Texts {
			if p.Frames[tx.Frame-1].Kind == "folio" {
				folio += tx.S
				if tx.Y < p.Height-statementMargins.Bottom {
					t.Errorf("page number at %.1f, above the bottom margin", tx.Y)
				}
			}
		}
		want := ""
		if all {
			want = "Halaman 1 dari 2"
		}
		if strings.ReplaceAll(folio, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("nomor_halaman semua %v: page 1 number %q, want %q", all, folio, want)
		}
		if n := pageText(&d.Pages[1]); !strings.Contains(n, "Halaman") {
			t.Errorf("lampiran page not numbered: %q", n)
		}
	}
}
