package render

import (
	"fmt"
	"strings"
	"testing"

	"pkgen/model"
)

// realisasiAll reports TW III for every indicator of doc, with capaian
// spread over the categories.
func realisasiAll(doc *model.Document) string {
	var b strings.Builder
	b.WriteString("pk = \"stress.toml\"\ntriwulan = 3\n")
	n := 0
	for _, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			fmt.Fprintf(&b, "[[realisasi]]\nkode = %q\ntw = { tw2 = \"%d%%\", tw3 = \"%d%%\" }\n", ind.Kode, 40+n%15, 50+(n*13)%60)
			n++
		}
	}
	return b.String()
}

// The closing signatures of the annex (--ttd) never stand alone on a page:
// whatever the size of the PK, the page that holds them holds a row of the
// table, the summary or the chart.
func TestCapaianSignaturesNeverAlone(t *testing.T) {
	t.Parallel()
	for _, shape := range []struct{ sasaran, per int }{{1, 1}, {2, 1}, {1, 2}} {
		for rows := 1; rows <= 40; rows++ {
			if rows%shape.per != 0 {
				continue
			}
			n := rows / shape.per
			doc := parseDoc(t, stressDoc("A4", n, shape.per, "Sasaran uji", func(i, j int) string { return "x" }))
			lap, probs := model.ParseRealisasi("stress-tw3.toml", []byte(realisasiAll(doc)), doc)
			if lap == nil {
				t.Fatalf("realisasi invalid: %v", probs)
			}
			d := layoutCapaian(t, lap, CapaianOptions{TandaTangan: true})
			for pi, p := range d.Pages {
				sig, other := false, false
				for _, f := range p.Frames {
					switch f.Kind {
					case "signature":
						sig = true
					case "folio":
					default:
						other = true
					}
				}
				if sig && !other {
					t.Errorf("%d rows (%d per sasaran): the signatures alone on page %d of %d", rows, shape.per, pi+1, len(d.Pages))
				}
			}
		}
	}
}
