package render

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Flow tests use a small paper, 100 × 140 mm portrait, with 10 mm margins
// all round: 80 × 120 mm of room, and 120 × 80 mm landscape.
var (
	flowPaper     = [2]float64{100, 140}
	flowPortrait  = PageStyle{Margins: Margins{Top: 10, Right: 10, Bottom: 10, Left: 10}}
	flowLandscape = PageStyle{Landscape: true, Margins: Margins{Top: 10, Right: 10, Bottom: 10, Left: 10}}
)

func newTestFlow(s PageStyle) (*Flow, *Document) {
	d := &Document{}
	f := NewFlow(d, flowPaper)
	f.NewPage(s)
	return f, d
}

// flowBox is a box h tall drawing one frame named name, from key.
func flowBox(name string, h float64) Box {
	return Box{H: h, What: "kotak", From: []source{{key: name, h: h, lines: 1}}, Draw: func(p *Page, x, y float64) float64 {
		p.Frames = append(p.Frames, Frame{X: x, Y: y, W: 10, H: h, Kind: name})
		return y + h
	}}
}

// flowFrames lists where the frames of a kind stand: "page:y".
func flowFrames(d *Document, kind string) []string {
	var out []string
	for pi, p := range d.Pages {
		for _, f := range p.Frames {
			if f.Kind == kind {
				out = append(out, fmt.Sprintf("%d:%g", pi, f.Y))
			}
		}
	}
	return out
}

func flowPlace(t *testing.T, f *Flow, b Block, opts ...Option) Mark {
	t.Helper()
	m, err := f.Place(b, opts...)
	if err != nil {
		t.Fatalf("Place: %v", err)
	}
	return m
}

func TestFlowRegions(t *testing.T) {
	t.Parallel()
	f, d := newTestFlow(flowPortrait)
	if r := f.Region(); r != (Region{Page: 0, X: 10, Y: 10, W: 80, Bottom: 130}) || r.H() != 120 || f.Full() != 120 {
		t.Fatalf("portrait region %+v, H %v, full %v", r, r.H(), f.Full())
	}
	flowPlace(t, f, flowBox("a", 30))
	f.Space(5)
	if r := f.Region(); r.Y != 45 || r.H() != 85 {
		t.Errorf("after a box and space: %+v", r)
	}
	// Orientation changes with the style: the paper turns, the margins stay.
	m := f.NewPage(flowLandscape)
	if m != (Mark{Page: 1, Y: 10}) {
		t.Errorf("new page begins at %+v", m)
	}
	if r := f.Region(); r != (Region{Page: 1, X: 10, Y: 10, W: 120, Bottom: 90, Landscape: true}) || f.Full() != 80 {
		t.Errorf("landscape region %+v, full %v", r, f.Full())
	}
	if p := d.Pages; len(p) != 2 || p[0].Landscape() || !p[1].Landscape() || p[1].Width != 140 || p[1].Height != 100 {
		t.Errorf("pages %+v", p)
	}
	// Pages the flow opens itself keep the last style.
	flowPlace(t, f, flowBox("b", 50))
	flowPlace(t, f, flowBox("c", 50))
	if got := flowFrames(d, "c"); !slices.Equal(got, []string{"2:10"}) || !d.Pages[2].Landscape() {
		t.Errorf("c at %v on a landscape page %v", got, d.Pages[2].Landscape())
	}
}

func TestFlowBoxMovesWhole(t *testing.T) {
	t.Parallel()
	f, d := newTestFlow(flowPortrait)
	flowPlace(t, f, flowBox("a", 100))
	f.Space(5) // left behind when the next box moves
	m := flowPlace(t, f, flowBox("b", 30))
	if m != (Mark{Page: 1, Y: 10}) || !slices.Equal(flowFrames(d, "b"), []string{"1:10"}) {
		t.Errorf("b at %+v, frames %v; want the top of page 2", m, flowFrames(d, "b"))
	}
	// A box that exactly fills the room stays.
	flowPlace(t, f, flowBox("c", 90))
	if got := flowFrames(d, "c"); !slices.Equal(got, []string{"1:40"}) {
		t.Errorf("c at %v, want 1:40", got)
	}
	// Space at the top of a page is dropped.
	f.Break()
	f.Space(7)
	if f.Region().Y != 10 {
		t.Errorf("space at the top of a page kept: y %v", f.Region().Y)
	}
}

func TestFlowBoxTallerThanAPage(t *testing.T) {
	t.Parallel()
	f, d := newTestFlow(flowPortrait)
	flowPlace(t, f, flowBox("a", 10))
	b := flowBox("b", 121)
	b.From = append(b.From, source{key: "small", h: 5, lines: 1})
	_, err := f.Place(b)
	var le *LayoutError
	if !errors.As(err, &le) || le.Key != "b" || !strings.HasPrefix(err.Error(), "b: ") || !strings.Contains(err.Error(), "121.0 mm") {
		t.Fatalf("error %v (%T), want a layout error naming b", err, err)
	}
	// Nothing of it was drawn.
	if got := flowFrames(d, "b"); len(got) != 0 {
		t.Errorf("b drawn at %v", got)
	}
}

func TestFlowOnThisPage(t *testing.T) {
	t.Parallel()
	f, d := newTestFlow(flowPortrait)
	flowPlace(t, f, flowBox("a", 100), OnThisPage())
	_, err := f.Place(flowBox("b", 21), OnThisPage())
	var le *LayoutError
	if !errors.As(err, &le) || le.Key != "b" {
		t.Fatalf("error %v, want a layout error naming b", err)
	}
	if len(d.Pages) != 1 {
		t.Errorf("%d pages: OnThisPage opened one", len(d.Pages))
	}
	flowPlace(t, f, flowBox("c", 20), OnThisPage())
	// A table too: whole on the page or an error naming its header.
	b := newTblFake()
	f, d = newTestFlow(flowPortrait)
	tbl := flowTable(b, 5, 5, 5, 5, 5, 5) // 138 mm
	tbl.Header[0].Cells[0].Key = "kolom"
	if _, err := f.Place(&TableBlock{Table: tbl}, OnThisPage()); !errors.As(err, &le) || le.Key != "kolom" || len(d.Pages) != 1 {
		t.Errorf("error %v, %d pages; want a layout error naming the header and one page", err, len(d.Pages))
	}
	flowPlace(t, f, &TableBlock{Table: flowTable(b, 5, 5, 5, 5, 5)}, OnThisPage()) // 116 mm
}

// A box kept with the next moves with it when the next would stand alone.
func TestFlowBoxKeepWithNext(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		heading  float64
		next     float64
		want     []string // where the heading and the next stand
		wantNext []string
	}{
		{"both fit", 10, 20, []string{"0:90"}, []string{"0:100"}},
		{"the next does not: both move", 10, 40, []string{"1:10"}, []string{"1:20"}},
		{"together taller than a page: the heading stays", 10, 115, []string{"0:90"}, []string{"1:10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, d := newTestFlow(flowPortrait)
			flowPlace(t, f, flowBox("a", 80))
			flowPlace(t, f, flowBox("h", tc.heading), KeepWithNext(flowBox("n", tc.next)))
			if got := flowFrames(d, "h"); !slices.Equal(got, tc.want) {
				t.Errorf("heading at %v, want %v", got, tc.want)
			}
			if got := flowFrames(d, "n"); !slices.Equal(got, tc.wantNext) {
				t.Errorf("next at %v, want %v", got, tc.wantNext)
			}
		})
	}
}

// flowTable is a tblFake table whose rows have the given line counts in
// their first cell (4 mm a line, 2 mm padding: a row of n lines is 4n+2
// tall, the header 6).
func flowTable(b *tblFake, lines ...int) *Table {
	var rows []Row
	for r, n := range lines {
		rows = append(rows, b.row(r, n, 1, 1))
	}
	return b.simple(rows...)
}

// flowTableParts lists, per page, the words of cell key found there.
func flowTableParts(d *Document, key string) []int {
	out := make([]int, len(d.Pages))
	for pi, p := range d.Pages {
		for _, tx := range p.Texts {
			if w, ok := tblParse(tx.S); ok && w.key == key {
				out[pi]++
			}
		}
	}
	return out
}

func TestFlowTableOverPages(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// 6 + 9 rows of 22 mm = 204 mm of table on 80 mm landscape pages.
	f, d := newTestFlow(flowLandscape)
	flowPlace(t, f, flowBox("a", 30))
	tb := &TableBlock{Table: flowTable(b, 5, 5, 5, 5, 5, 5, 5, 5, 5)}
	m := flowPlace(t, f, tb)
	if m != (Mark{Page: 0, Y: 40}) {
		t.Errorf("table begins at %+v", m)
	}
	// 50 mm left on the first page: the header and two rows; then three
	// rows a page.
	wantRows := []Mark{{0, 46}, {0, 68}, {1, 16}, {1, 38}, {1, 60}, {2, 16}, {2, 38}, {2, 60}, {3, 16}}
	if !slices.Equal(tb.Rows, wantRows) {
		t.Errorf("row marks %v, want %v", tb.Rows, wantRows)
	}
	for _, p := range d.Pages {
		if !p.Landscape() {
			t.Errorf("a portrait page in a landscape flow")
		}
	}
	if r := f.Region(); r.Page != 3 || r.Y != 10+6+22 {
		t.Errorf("flow ends at %+v", r)
	}
	// A table whose header and first row start do not fit in the room left
	// begins on a fresh page.
	f.Space(45) // 7 mm left: not the 6 mm header and a 6 mm row
	tb2 := &TableBlock{Table: flowTable(b, 1)}
	m = flowPlace(t, f, tb2)
	if m != (Mark{Page: 4, Y: 10}) || tb2.Rows[0] != (Mark{Page: 4, Y: 16}) {
		t.Errorf("second table at %+v, row %+v; want the top of page 5", m, tb2.Rows[0])
	}
}

// The signatures kept with a table's end take at least its last row part
// with them onto the next page, and the table leaves room for them.
func TestFlowKeepWithNextTable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		sig   float64
		last  []int // lines of the last row per page
		sigAt string
	}{
		{"the signatures fit under the table", 20, []int{2}, "0:70"},
		{"the last row goes over with them", 30, []int{0, 2}, "1:26"},
		// Not even a fresh page holds the header, the row and the
		// signatures: the table ends as without them, the signatures
		// stand alone.
		{"out of reach", 75, []int{2}, "1:10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			f, d := newTestFlow(flowLandscape)
			// 6 + 22 + 22 + 10 = 60 mm of table from y 10: it ends at 70,
			// 20 mm above the bottom.
			tb := &TableBlock{Table: flowTable(b, 5, 5, 2)}
			flowPlace(t, f, tb, KeepWithNext(Stack{Gap(0), flowBox("sig", tc.sig)}))
			if got := flowTableParts(d, "r2c0"); !slices.Equal(got[:len(tc.last)], tc.last) {
				t.Errorf("last row per page %v, want %v", got, tc.last)
			}
			if got := flowFrames(d, "sig"); !slices.Equal(got, []string{tc.sigAt}) {
				t.Errorf("signatures at %v, want %s", got, tc.sigAt)
			}
		})
	}
}

func TestFlowKeepWhole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		rows   []int
		opts   []Option
		before float64 // placed above it
		first  int     // the page of its first row
		pages  int
	}{
		{"fits where it is", []int{2, 2}, []Option{KeepWhole()}, 30, 0, 1},
		{"moves to a fresh page that holds it", []int{5, 5}, []Option{KeepWhole()}, 40, 1, 2},
		{"without KeepWhole it breaks where it is", []int{5, 5}, nil, 40, 0, 2},
		{"taller than a page: breaks where it is", []int{5, 5, 5, 5}, []Option{KeepWhole()}, 40, 0, 2},
		{"taller than a page, TallOnNewPage: a fresh page", []int{5, 5, 5, 5}, []Option{KeepWhole(), TallOnNewPage()}, 40, 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			f, d := newTestFlow(flowLandscape)
			flowPlace(t, f, flowBox("a", tc.before))
			heading := flowBox("h", 4)
			tb := &TableBlock{Table: flowTable(b, tc.rows...)}
			m := flowPlace(t, f, Stack{heading, Gap(1), tb}, tc.opts...)
			if tb.Rows[0].Page != tc.first || m.Page != tc.first || len(d.Pages) != tc.pages {
				t.Errorf("begins on page %d (mark %+v), %d pages; want page %d of %d", tb.Rows[0].Page, m, len(d.Pages), tc.first, tc.pages)
			}
			// The heading stands right above the table.
			if got, want := flowFrames(d, "h"), fmt.Sprintf("%d:%g", tc.first, m.Y); !slices.Equal(got, []string{want}) {
				t.Errorf("heading at %v, want %s", got, want)
			}
		})
	}
}

// KeepWhole counts what is kept with the block: a table that fits but
// leaves no room for its signatures moves with them to a fresh page.
func TestFlowKeepWholeWithNext(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	f, d := newTestFlow(flowLandscape)
	flowPlace(t, f, flowBox("a", 30))
	tb := &TableBlock{Table: flowTable(b, 2, 2)} // 26 mm
	flowPlace(t, f, tb, KeepWhole(), KeepWithNext(flowBox("sig", 30)))
	if tb.Rows[0].Page != 1 || !slices.Equal(flowFrames(d, "sig"), []string{"1:36"}) {
		t.Errorf("table rows %v, signatures %v; want both on page 2", tb.Rows, flowFrames(d, "sig"))
	}
}

// FillPage: a table kept whole with its signatures splits where it is when
// moving it would leave more than a third of the page empty, its last row
// still going over with the signatures; with less room left it moves.
func TestFlowFillPage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		before float64 // placed above it, of 80 mm
		first  int     // page of the table's first row
	}{
		{"half the page left: splits here", 30, 0},
		{"a quarter left: moves whole", 60, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			f, d := newTestFlow(flowLandscape)
			flowPlace(t, f, flowBox("a", tc.before))
			tb := &TableBlock{Table: flowTable(b, 2, 2, 2)} // 36 mm
			flowPlace(t, f, tb, KeepWhole(), FillPage(), KeepWithNext(flowBox("sig", 30)))
			if tb.Rows[0].Page != tc.first {
				t.Errorf("first row on page %d, want %d (rows %v)", tb.Rows[0].Page, tc.first, tb.Rows)
			}
			last := tb.Rows[len(tb.Rows)-1]
			sig := flowFrames(d, "sig")
			if len(sig) != 1 || !strings.HasPrefix(sig[0], fmt.Sprintf("%d:", last.Page)) {
				t.Errorf("signatures at %v, last row on page %d: the signatures must stand with it", sig, last.Page)
			}
		})
	}
}

// A table header taller than a page is an error naming its input.
func TestFlowTableHeaderTallerThanAPage(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	f, _ := newTestFlow(flowLandscape)
	tbl := flowTable(b, 1)
	tbl.Header[0].Cells[1] = Cell{Col: 1, Content: tblContent("h0c1", 30), Key: "judul.kolom", Fill: -1}
	_, err := f.Place(&TableBlock{Table: tbl})
	var le *LayoutError
	if !errors.As(err, &le) || le.Key != "judul.kolom" {
		t.Fatalf("error %v, want a layout error naming judul.kolom", err)
	}
}

// A centred table narrower than its region.
func TestFlowTableWidth(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	f, d := newTestFlow(flowLandscape)
	flowPlace(t, f, &TableBlock{Table: flowTable(b, 1), Width: 60})
	for _, fr := range d.Pages[0].Frames {
		if fr.X < 40-1e-9 || fr.X+fr.W > 100+1e-9 {
			t.Errorf("frame %+v outside the centred 60 mm", fr)
		}
	}
}

// A heading over a table goes to the next page with the table's start
// rather than stand alone at the foot of a page; where the header and a
// first row part fit under it, it stays.
func TestFlowCaptioned(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		before     float64 // mm placed above, of 80
		head, rows []string
	}{
		// 14 mm left: the 8 mm heading fits, but the 2 mm gap leaves 4 mm,
		// not the 6 mm table header.
		{"moves", 66, []string{"1:10"}, []string{"1:26", "1:48"}},
		{"stays", 30, []string{"0:40"}, []string{"0:56", "0:78"}},
		// 26 mm left holds the heading, the gap, the header and the two
		// lines (10 mm) the first row keeps before a break: exactly.
		{"fits exactly", 54, []string{"0:64"}, []string{"0:80", "1:30"}},
		{"just short", 54.05, []string{"1:10"}, []string{"1:26", "1:48"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			f, d := newTestFlow(flowLandscape)
			flowPlace(t, f, flowBox("a", tc.before))
			tb := &TableBlock{Table: flowTable(b, 5, 5)}
			m := flowPlace(t, f, &Captioned{Heading: flowBox("h", 8), Gap: 2, Table: tb})
			if got := flowFrames(d, "h"); !slices.Equal(got, tc.head) {
				t.Errorf("heading at %v, want %v", got, tc.head)
			}
			if want := tc.head[0]; fmt.Sprintf("%d:%g", m.Page, m.Y) != want {
				t.Errorf("block begins at %+v, want %s", m, want)
			}
			var rows []string
			for _, r := range tb.Rows {
				rows = append(rows, fmt.Sprintf("%d:%g", r.Page, r.Y))
			}
			if !slices.Equal(rows, tc.rows) {
				t.Errorf("rows at %v, want %v", rows, tc.rows)
			}
		})
	}
	// With a block kept after the table, its one row must leave room for
	// that block too, or heading and table move on together.
	for _, tc := range []struct {
		name   string
		before float64
		head   string
	}{
		// Heading 8, gap 2, header 6, row 6 and the kept 10 mm: 32 mm.
		{"fits exactly with what follows", 48, "0:58"},
		{"row fits, what follows does not", 58, "1:10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			f, d := newTestFlow(flowLandscape)
			flowPlace(t, f, flowBox("a", tc.before))
			c := &Captioned{Heading: flowBox("h", 8), Gap: 2, Table: &TableBlock{Table: flowTable(b, 1)}}
			flowPlace(t, f, c, KeepWithNext(flowBox("next", 10)))
			if got := flowFrames(d, "h"); !slices.Equal(got, []string{tc.head}) {
				t.Errorf("heading at %v, want %s", got, tc.head)
			}
			// The table and what follows it stay on the heading's page.
			page := tc.head[:1]
			if got := flowFrames(d, "next"); len(got) != 1 || got[0][:1] != page {
				t.Errorf("kept block at %v, want on page %s", got, page)
			}
		})
	}
	// The same heading in a plain Stack stands alone: what Captioned is for.
	b := newTblFake()
	f, d := newTestFlow(flowLandscape)
	flowPlace(t, f, flowBox("a", 66))
	flowPlace(t, f, Stack{flowBox("h", 8), Gap(2), &TableBlock{Table: flowTable(b, 5, 5)}})
	if got := flowFrames(d, "h"); !slices.Equal(got, []string{"0:76"}) {
		t.Errorf("stacked heading at %v", got)
	}
}
