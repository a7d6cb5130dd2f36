package render

import (
	"math"
	"strings"
	"testing"
)

const draftNote = "DRAF — belum ditandatangani"

// checkDraftMarks asserts every page of a draft carries the grey word
// under everything, centred on the page along its diagonal, and the note
// in the bottom margin clear of the page number; and that a final version
// carries neither.
func checkDraftMarks(t *testing.T, d *Document, draft bool) {
	t.Helper()
	for pi, p := range d.Pages {
		var notes []Text
		for _, tx := range p.Texts {
			if tx.S == draftNote {
				notes = append(notes, tx)
			}
		}
		if !draft {
			if len(p.Background) > 0 || len(notes) > 0 {
				t.Errorf("page %d of a final version: %d background texts, %d draft notes", pi+1, len(p.Background), len(notes))
			}
			continue
		}
		if len(p.Background) != 1 || len(notes) != 1 {
			t.Fatalf("page %d: %d background texts, %d draft notes; want one each", pi+1, len(p.Background), len(notes))
		}
		w := p.Background[0]
		if w.S != "DRAF" || w.Gray < 0.8 || w.Gray >= 1 {
			t.Errorf("page %d: background %q grey %.2f, want a light grey DRAF", pi+1, w.S, w.Gray)
		}
		if want := math.Atan2(p.Height, p.Width) * 180 / math.Pi; math.Abs(w.Angle-want) > 1e-9 {
			t.Errorf("page %d: DRAF turned %.1f°, want %.1f° (the diagonal)", pi+1, w.Angle, want)
		}
		// The word's middle: half its width along it, half a capital up.
		th := w.Angle * math.Pi / 180
		capH := 0.72 * w.Size * PtToMM
		cx := w.X + w.Width/2*math.Cos(th) - capH/2*math.Sin(th)
		cy := w.Y - w.Width/2*math.Sin(th) - capH/2*math.Cos(th)
		if math.Abs(cx-p.Width/2) > 0.01 || math.Abs(cy-p.Height/2) > 0.01 {
			t.Errorf("page %d: DRAF centred at %.1f, %.1f; want the page's middle %.1f, %.1f", pi+1, cx, cy, p.Width/2, p.Height/2)
		}
		n := notes[0]
		mg := lampiranMargins
		if !p.Landscape() {
			mg = statementMargins
		}
		if n.Y < p.Height-mg.Bottom || n.Y > p.Height-3 || n.X+n.Width > p.Width-mg.Right+eps {
			t.Errorf("page %d: note at %.1f, %.1f: want it in the bottom margin, inside the right margin", pi+1, n.X, n.Y)
		}
		for _, tx := range p.Texts {
			if strings.HasPrefix(tx.S, "Halaman ") && tx.X+tx.Width > n.X-eps && tx.Y == n.Y {
				t.Errorf("page %d: note at %.1f overlaps the page number ending at %.1f", pi+1, n.X, tx.X+tx.Width)
			}
			if strings.Contains(tx.S, "BSrE") {
				t.Errorf("page %d: a draft says it is signed electronically: %q", pi+1, tx.S)
			}
		}
	}
}

func TestDraftMarksPK(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"final", Options{}},
		{"draft", Options{Draf: true}},
		{"draft tte", Options{Draf: true, TTE: true}},
		{"draft lampiran only", Options{Draf: true, HanyaLampiran: true}},
	} {
		d, err := Layout(loadExample(t), tc.opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		checkGeometry(t, d)
		checkDraftMarks(t, d, tc.opt.Draf)
	}
}

func TestDraftMarksCapaian(t *testing.T) {
	t.Parallel()
	for _, draft := range []bool{false, true} {
		d := layoutCapaian(t, loadRealisasi(t), CapaianOptions{Options: Options{Draf: draft}, TandaTangan: true})
		checkDraftMarks(t, d, draft)
	}
}
