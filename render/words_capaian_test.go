package render

import (
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/model"
)

// GatherCapaian has the PDF annex's table, summary and chart data: a row
// per indicator under its group row, each capaian as the annex prints
// it, figures marked as numbers and names not, a summary line per group
// and the total, a chart item per indicator and group.
func TestGatherCapaian(t *testing.T) {
	lap := loadRealisasi(t)
	w, err := GatherCapaian(lap, CapaianOptions{TandaTangan: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := model.ComputeCapaian(lap.Dokumen, lap)
	if err != nil {
		t.Fatal(err)
	}
	text := func(c WordsCell) string {
		var b strings.Builder
		for _, p := range c.Paras {
			for _, s := range p.Spans {
				b.WriteString(s.Text)
			}
		}
		return b.String()
	}
	groups, i := 0, 0
	for _, r := range w.Table.Rows {
		if r.Group {
			groups++
			continue
		}
		want := rows[i].CapaianSD.Format(2, lap.Dokumen.FormatAngka)
		found := false
		for _, c := range r.Cells {
			if c.Number && text(c) == want {
				found = true
			}
			if c.Number && (c.Col <= 4) {
				t.Errorf("row %d: column %d (%q) marked as a number", i, c.Col, text(c))
			}
		}
		if rows[i].CapaianSD.Ada() && !found {
			t.Errorf("row %d (%s): no number cell %q", i, rows[i].Indikator.Kode, want)
		}
		i++
	}
	if i != len(rows) || groups == 0 {
		t.Fatalf("%d indicator rows and %d groups, want %d rows", i, groups, len(rows))
	}
	if len(w.Summary.Rows) != groups+1 {
		t.Errorf("%d summary rows, want %d groups and the total", len(w.Summary.Rows), groups)
	}
	if c := w.Chart; c == nil || len(c.Items) != len(rows)+groups || len(c.TickLabels) < 2 || len(c.Legend) < 2 || c.Axis == "" {
		t.Errorf("chart %+v", c)
	}
	if w.Closing == nil || len(w.Closing.Columns) != 1 {
		t.Errorf("closing %+v: want PIHAK PERTAMA's column", w.Closing)
	}
	if w.Meta.Title == "" || len(w.Folio) == 0 || len(w.Title) == 0 || len(w.Identity) == 0 {
		t.Errorf("meta %+v, folio %v", w.Meta, w.Folio)
	}
}

// RichParas marks list items for Word's lists: the kind, the nesting
// level, the first item of each list and its start.
func TestRichParasListItems(t *testing.T) {
	ps := RichParas("- a\n- b\n\n3. x\n   - y\n4. z\n\n1) p", fonts.Regular, 1)
	want := []ListItem{
		{Kind: ListBullet, First: true}, {Kind: ListBullet},
		{Kind: ListDecimal, First: true, Start: 3}, {Kind: ListBullet, Level: 1, First: true}, {Kind: ListDecimal, Start: 3},
		{Kind: ListDecimalR, First: true, Start: 1},
	}
	if len(ps) != len(want) {
		t.Fatalf("%d paragraphs, want %d: %+v", len(ps), len(want), ps)
	}
	for i, p := range ps {
		if p.List != want[i] {
			t.Errorf("paragraph %d (%q): %+v, want %+v", i, p.Marker, p.List, want[i])
		}
	}
}
