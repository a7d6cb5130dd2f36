package render

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/templates"
)

// The base's table grown to a larger size (scaledBase) is never taller
// than the table measured at that size: cell by cell, the header, and the
// whole. Every example and random documents of many shapes (lists,
// codes broken at their hyphens, target columns widened by their values,
// group rows), at each larger size.
func TestScaledBoundBelowMeasured(t *testing.T) {
	checked, unsure := 0, 0
	check := func(name string, doc *model.Document, tpl *templates.Set) {
		t.Helper()
		opt := Options{Templates: tpl}
		share := layoutShare{shown: &statementCache{}, base: &baseHolder{}}
		if _, err := layoutAt(doc, tpl, opt, tableSizes[0], share, nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b := share.base.t
		if b == nil {
			return // not one table alone: no bound is used
		}
		sec := doc.Sections()[0]
		set, err := tpl.Lampiran(sec.Lampiran)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range tableSizes[1:] {
			l := newLayouter(doc, tpl, opt)
			l.tableSize, l.base = size, share.base
			g := l.scaledBase(set, sec.Sasaran, b.gridW)
			if g == nil {
				unsure++
				continue
			}
			tab, err := l.table(set, sec.Sasaran)
			if err != nil {
				t.Fatal(err)
			}
			m, err := newTableGrid(tab, b.gridW)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			const eps = 1e-9
			for _, p := range []struct {
				what           string
				bound, measure []tableCell
			}{{"header", g.head, m.head}, {"body", g.cells, m.cells}} {
				if len(p.bound) != len(p.measure) {
					t.Fatalf("%s at %g pt: %d %s cells, measured %d", name, size, len(p.bound), p.what, len(p.measure))
				}
				for i := range p.bound {
					lo := g.height(&p.bound[i], 0, len(p.bound[i].lines))
					hi := m.height(&p.measure[i], 0, len(p.measure[i].lines))
					if lo > hi+eps {
						t.Errorf("%s at %g pt: %s cell %d: bound %.4f mm, measured %.4f mm", name, size, p.what, i, lo, hi)
					}
				}
			}
			if g.headH > m.headH+eps {
				t.Errorf("%s at %g pt: header bound %.4f mm, measured %.4f mm", name, size, g.headH, m.headH)
			}
			if lo, hi := g.wholeHeight(), m.wholeHeight(); lo > hi+eps {
				t.Errorf("%s at %g pt: table bound %.4f mm, measured %.4f mm", name, size, lo, hi)
			}
		}
	}

	eachExamplePK(t, check)
	set, err := templates.Load()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 12))
	for i := range 150 {
		src := randomPK(rng)
		doc, probs := model.Parse(fmt.Sprintf("acak-%d.toml", i), []byte(src))
		if doc == nil || len(probs.Errors()) > 0 {
			t.Fatalf("random PK %d: %v\n%s", i, probs, src)
		}
		check(doc.File, doc, set)
	}
	// Otherwise the comparisons above test nothing.
	if checked < 200 {
		t.Errorf("only %d tables compared with their bound (%d without one)", checked, unsure)
	}
	t.Logf("%d tables compared with their bound, %d without one", checked, unsure)
}

// A paragraph whose room shrinks (roomShrinks) takes no fewer lines of
// text at the larger size: random paragraphs of words, codes too wide for
// a line, hard breaks, styles, indents and list markers, in random widths.
func TestLinesNeverFewer(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 95))
	words := strings.Fields("indeks kepuasan layanan masyarakat persentase capaian kinerja anggaran a di ke SK-IKU/01-XII/2024-PERENCANAAN-DAN-EVALUASI https://example.go.id/laporan/kinerja-2024 Rp1.234.567.890,00")
	styles := []fonts.Style{fonts.Regular, fonts.Regular, fonts.Bold, fonts.Italic}
	markers := []string{"", "", "1.", "10.", "•", "iii."}
	var m Measurer
	textLines := func(ls []TextLine) int {
		n := 0
		for _, ln := range ls {
			if ln.Ascent > 0 {
				n++
			}
		}
		return n
	}
	compared, flips := 0, 0
	for range 20000 {
		var spans []Span
		for range 1 + rng.IntN(4) {
			var b strings.Builder
			for k := range rng.IntN(25) {
				if k > 0 {
					b.WriteString([]string{" ", " ", " ", "\n"}[rng.IntN(4)])
				}
				b.WriteString(words[rng.IntN(len(words))])
			}
			spans = append(spans, Span{Text: b.String(), Style: styles[rng.IntN(len(styles))]})
		}
		p := Para{
			Spans:       spans,
			Align:       Align(rng.IntN(4)),
			Indent:      []float64{0, 0, 3, 6, 20}[rng.IntN(5)],
			Marker:      markers[rng.IntN(len(markers))],
			SpaceBefore: []float64{0, 1.2}[rng.IntN(2)],
		}
		w0 := 2 + rng.Float64()*80
		size1 := tableSizes[1+rng.IntN(len(tableSizes)-1)]
		// Narrower, as wide, or wider up to the type's growth and beyond.
		w1 := w0 * (0.6 + rng.Float64()*(size1/tableSizes[0]-0.6+0.1))
		if !m.roomShrinks(&p, w0, tableSizes[0], w1, size1) {
			flips++
			continue
		}
		a := textLines(m.Block([]Para{p}, w0, tableSizes[0], tableLead))
		b := textLines(m.Block([]Para{p}, w1, size1, tableLead))
		compared++
		if b < a {
			t.Errorf("%v (indent %g, marker %q): %d lines %.2f mm wide at %g pt, %d lines %.2f mm wide at %g pt",
				p.Spans, p.Indent, p.Marker, a, w0, tableSizes[0], b, w1, size1)
		}
	}
	if compared < 10000 || flips < 1000 {
		t.Errorf("%d paragraphs compared, %d whose room grows: the draw tests too little", compared, flips)
	}
}
