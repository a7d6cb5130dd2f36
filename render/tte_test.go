package render

import (
	"os"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// textBox is the ink box of a visible text: a little above the cap height
// to a little below the baseline.
func textBox(tx Text) (x0, y0, x1, y1 float64) {
	em := tx.Size * PtToMM
	return tx.X, tx.Y - 0.75*em, tx.X + tx.Width, tx.Y + 0.2*em
}

func overlaps(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1 float64) bool {
	return ax0 < bx1-eps && bx0 < ax1-eps && ay0 < by1-eps && by0 < ay1-eps
}

// checkSignAreas asserts that each page has one area per signatory block,
// inside the page's margins, free of visible text, with its signatory's
// name printed right under it and the jabatan above it.
func checkSignAreas(t *testing.T, d *Document, wantPages map[int][]string, tte bool) {
	t.Helper()
	for pi, p := range d.Pages {
		var roles []string
		for _, a := range p.SignAreas {
			roles = append(roles, a.Peran)
			if a.W <= 0 || a.H <= 0 || a.X < 0 || a.Y < 0 || a.X+a.W > p.Width || a.Y+a.H > p.Height {
				t.Errorf("page %d: area %+v outside the page", pi+1, a)
			}
			if a.Elektronik != tte {
				t.Errorf("page %d: area of %s electronic %v", pi+1, a.Peran, a.Elektronik)
			}
			if tte && a.W != a.H {
				t.Errorf("page %d: electronic area %.2f×%.2f is not a square", pi+1, a.W, a.H)
			}
			if a.H < 15 {
				t.Errorf("page %d: only %.1f mm to sign", pi+1, a.H)
			}
			nameBelow, jabatanAbove := false, false
			for _, tx := range p.Texts {
				if tx.Invisible {
					continue
				}
				x0, y0, x1, y1 := textBox(tx)
				if overlaps(x0, y0, x1, y1, a.X, a.Y, a.X+a.W, a.Y+a.H) {
					t.Errorf("page %d: text %q over the signature area of %s", pi+1, tx.S, a.Peran)
				}
				in := x0 < a.X+a.W && x1 > a.X
				if in && tx.S == a.Nama && y0 >= a.Y+a.H-eps && y0 < a.Y+a.H+3 {
					nameBelow = true
				}
				if in && strings.HasPrefix(strings.TrimSuffix(a.Jabatan+",", ","), strings.TrimSuffix(tx.S, ",")) && y1 <= a.Y+eps {
					jabatanAbove = true
				}
			}
			if !nameBelow {
				t.Errorf("page %d: name %q not printed right under the area of %s", pi+1, a.Nama, a.Peran)
			}
			if !jabatanAbove {
				t.Errorf("page %d: jabatan %q not above the area of %s", pi+1, a.Jabatan, a.Peran)
			}
		}
		if strings.Join(roles, " ") != strings.Join(wantPages[pi], " ") {
			t.Errorf("page %d: signature areas %v, want %v", pi+1, roles, wantPages[pi])
		}
	}
}

func TestSignAreas(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	d, err := Layout(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	two := []string{PeranKedua, PeranPertama}
	checkSignAreas(t, d, map[int][]string{0: two, len(d.Pages) - 1: two}, false)
	a := d.Pages[0].SignAreas[1]
	if a.Nama != "DHANY SUKMA" || a.NIP == "" || a.Jabatan == "" {
		t.Errorf("statement page PIHAK PERTAMA area %+v", a)
	}
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			if tx.Invisible {
				t.Errorf("invisible text %q without a jangkar", tx.S)
			}
		}
	}
}

// A third signatory ("Mengetahui") and a single-party PK get their areas.
func TestSignAreasMengetahui(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	m := doc.PihakPertama
	m.Nama, m.Jabatan = "Heru Budi Hartono", "Penjabat Gubernur"
	doc.Tandatangan.Mengetahui = &m
	doc.PihakKedua = nil
	d, err := Layout(doc, Options{TTE: true})
	if err != nil {
		t.Fatal(err)
	}
	two := []string{PeranPertama, PeranMengetahui}
	checkSignAreas(t, d, map[int][]string{0: two, len(d.Pages) - 1: two}, true)
}

func TestTTE(t *testing.T) {
	t.Parallel()
	doc := loadExample(t)
	doc.Tandatangan.URLVerifikasi = "https://tte.jakarta.go.id/verifikasi/pk-2023-jakpus"
	d, err := Layout(doc, Options{TTE: true, Jangkar: "#{peran}"})
	if err != nil {
		t.Fatal(err)
	}
	two := []string{PeranKedua, PeranPertama}
	checkSignAreas(t, d, map[int][]string{0: two, len(d.Pages) - 1: two}, true)
	for pi, p := range d.Pages {
		var note []string
		anchors := 0
		for _, tx := range p.Texts {
			f := p.Frames[tx.Frame-1]
			if f.Kind == "catatan" {
				note = append(note, tx.S)
				if tx.Y > p.Height-5 || tx.X < 0 || tx.X+tx.Width > p.Width {
					t.Errorf("page %d: note %q at %.1f,%.1f too near the edge", pi+1, tx.S, tx.X, tx.Y)
				}
				// Never over the page number or the content.
				x0, y0, x1, y1 := textBox(tx)
				for _, o := range p.Texts {
					if o.Frame > 0 && p.Frames[o.Frame-1].Kind != "catatan" {
						if ox0, oy0, ox1, oy1 := textBox(o); overlaps(x0, y0, x1, y1, ox0, oy0, ox1, oy1) {
							t.Errorf("page %d: note %q over %q", pi+1, tx.S, o.S)
						}
					}
				}
			}
			if tx.Invisible {
				anchors++
				in := false
				for _, a := range p.SignAreas {
					in = in || tx.S == "#"+a.Peran && tx.X >= a.X && tx.X+tx.Width <= a.X+a.W && tx.Y > a.Y && tx.Y < a.Y+a.H
				}
				if !in {
					t.Errorf("page %d: anchor %q outside the areas", pi+1, tx.S)
				}
			}
		}
		joined := strings.Join(note, " ")
		if !strings.Contains(joined, "Balai Besar Sertifikasi Elektronik (BSrE)") {
			t.Errorf("page %d: note %q", pi+1, joined)
		}
		if anchors != len(p.SignAreas) {
			t.Errorf("page %d: %d anchors for %d areas", pi+1, anchors, len(p.SignAreas))
		}
		// The QR code fills each square.
		for _, a := range p.SignAreas {
			n := 0
			for _, r := range p.Rects {
				if r.X >= a.X-eps && r.Y >= a.Y-eps && r.X+r.W <= a.X+a.W+eps && r.Y+r.H <= a.Y+a.H+eps {
					n++
				}
			}
			if n < 50 {
				t.Errorf("page %d: %d QR modules in the area of %s", pi+1, n, a.Peran)
			}
		}
		if pi == 0 {
			all := ""
			for _, tx := range p.Texts {
				all += tx.S + " "
			}
			if strings.Count(all, "Ditandatangani secara elektronik oleh:") != 2 {
				t.Errorf("statement page without the electronic wording: %s", all)
			}
		}
	}
}

// The capaian annex's signatures get their areas (and their room to sign),
// and the note with --tte.
func TestCapaianSignAreas(t *testing.T) {
	t.Parallel()
	lap := loadRealisasi(t)
	// Not layoutCapaian: its margins check does not know the note.
	d, err := LayoutCapaian(lap, CapaianOptions{TandaTangan: true, Options: Options{TTE: true, Jangkar: "#"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{PeranPertama}
	if lap.Dokumen.Tandatangan.Mengetahui != nil {
		want = append(want, PeranMengetahui)
	}
	checkSignAreas(t, d, map[int][]string{len(d.Pages) - 1: want}, true)
	for pi, p := range d.Pages {
		found := false
		for _, tx := range p.Texts {
			found = found || strings.Contains(tx.S, "BSrE")
		}
		if !found {
			t.Errorf("page %d without the e-signature note", pi+1)
		}
	}
}

// [tanda_tangan] url_verifikasi is read and checked by the model.
func TestURLVerifikasi(t *testing.T) {
	t.Parallel()
	seed, err := os.ReadFile(testutil.Example(t, "jakarta-pusat-2023.toml"))
	if err != nil {
		t.Fatal(err)
	}
	parse := func(url string) (*model.Document, model.Problems) {
		return model.Parse("pk.toml", append(slices.Clone(seed), []byte("\n[tanda_tangan]\nurl_verifikasi = \""+url+"\"\n")...))
	}
	doc, probs := parse("https://tte.example.go.id/v/1")
	if doc == nil || doc.Tandatangan.URLVerifikasi != "https://tte.example.go.id/v/1" {
		t.Fatalf("valid URL: %v %v", doc, probs)
	}
	for _, bad := range []string{"tte.example.go.id/v/1", "ftp://x", "https://a b", "https://" + strings.Repeat("x", 400)} {
		if doc, probs := parse(bad); doc != nil || !strings.Contains(probs.Error(), "url_verifikasi") {
			t.Errorf("%q: %v", bad, probs)
		}
	}
}
