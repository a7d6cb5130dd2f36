package render

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"pkgen/model"
)

// frameText is the text printed in frame fi (1-based), words joined by
// single spaces.
func frameText(p *Page, fi int) string {
	var parts []string
	for _, tx := range p.Texts {
		if tx.Frame == fi {
			parts = append(parts, tx.S)
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// checkContinued asserts that the first body row of every table page after
// the first says which sasaran it belongs to: its No and Sasaran cells are
// never empty, and where the sasaran began on an earlier page they are
// continuation frames holding its number and its name marked (lanjutan),
// beside an indicator of that sasaran. It returns how many such
// continuations it saw.
func checkContinued(t *testing.T, doc *model.Document, d *Document) int {
	t.Helper()
	byName := map[string]*model.Sasaran{}
	owner := map[string]*model.Sasaran{} // indicator name → its sasaran
	for i := range doc.Sasaran {
		s := &doc.Sasaran[i]
		byName[s.Uraian] = s
		for _, ind := range s.Indikator {
			owner[ind.Uraian] = s
		}
	}
	continued, tablePages := 0, 0
	for pi := range d.Pages {
		p := &d.Pages[pi]
		col := map[string]Frame{} // header frames by their words
		headBottom := 0.0
		for fi, f := range p.Frames {
			if f.Kind != "header" {
				continue
			}
			s := frameText(p, fi+1)
			name := ""
			switch {
			case strings.EqualFold(s, "No"):
				name = "No"
			case strings.HasPrefix(s, "Sasaran"):
				name = "Sasaran"
			case s == "Indikator Kinerja":
				name = "Indikator"
			default:
				continue
			}
			if old, ok := col[name]; ok && old.X < f.X {
				continue // the lampiran's second No is the indicator's
			}
			col[name] = f
			headBottom = max(headBottom, f.Y+f.H)
		}
		if len(col) != 3 {
			continue
		}
		tablePages++
		top := math.Inf(1)
		for _, f := range p.Frames {
			if (f.Kind == "cell" || f.Kind == "continued") && f.Y >= headBottom-eps {
				top = min(top, f.Y)
			}
		}
		at := func(name string) (int, Frame) {
			h := col[name]
			for fi, f := range p.Frames {
				if (f.Kind == "cell" || f.Kind == "continued") && math.Abs(f.X-h.X) < eps && math.Abs(f.Y-top) < eps {
					return fi + 1, f
				}
			}
			t.Fatalf("page %d: no %s cell in the first row", pi+1, name)
			return 0, Frame{}
		}
		noID, no := at("No")
		sasID, sas := at("Sasaran")
		indID, _ := at("Indikator")
		noText, sasText, indText := frameText(p, noID), frameText(p, sasID), frameText(p, indID)
		if tablePages > 1 && (noText == "" || sasText == "") {
			t.Errorf("page %d: the first row shows No %q, Sasaran %q: an orphan row", pi+1, noText, sasText)
		}
		if sas.Kind != "continued" {
			continue
		}
		continued++
		name, ok := strings.CutSuffix(sasText, " (lanjutan)")
		s := byName[name]
		if !ok || s == nil {
			t.Errorf("page %d: continued Sasaran cell reads %q, want a sasaran's name and (lanjutan)", pi+1, sasText)
			continue
		}
		if no.Kind != "continued" || noText != fmt.Sprint(s.Nomor) {
			t.Errorf("page %d: the No cell beside %q reads %q (%s), want %d", pi+1, name, noText, no.Kind, s.Nomor)
		}
		if owner[indText] != s {
			t.Errorf("page %d: continued sasaran %q beside indicator %q of another", pi+1, name, indText)
		}
	}
	return continued
}

// A sasaran whose indicators go on over a page break repeats its number
// and name, marked (lanjutan), in the first row of the new page: in the
// PK lampiran and in the capaian annex.
func TestContinuedSasaran(t *testing.T) {
	t.Parallel()
	src := stressDoc("A4", 3, 14, "Sasaran yang indikatornya banyak", func(i, j int) string { return "Definisi pendek." })
	doc := parseDoc(t, src)
	t.Run("lampiran", func(t *testing.T) {
		d, err := Layout(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkGeometry(t, d)
		if n := checkContinued(t, doc, d); n == 0 {
			t.Error("no sasaran continued on a new page; the test needs one")
		}
	})
	t.Run("capaian", func(t *testing.T) {
		lap, probs := model.ParseRealisasi("stress-tw3.toml", []byte(realisasiAll(doc)), doc)
		if lap == nil {
			t.Fatalf("realisasi invalid: %v", probs)
		}
		d := layoutCapaian(t, lap, CapaianOptions{})
		if n := checkContinued(t, doc, d); n == 0 {
			t.Error("no sasaran continued on a new page; the test needs one")
		}
	})
}
