package render

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

// Test content: lines tblLH tall, each with one run carrying a unique word
// "<key>l<i>" (key like "r7c3"), so every word can be traced to its cell
// and line.
const (
	tblLH     = 4.0
	tblAscent = 3.0
)

func tblContent(key string, n int, spaceBefore ...int) Content {
	return func(width float64) []TextLine {
		lines := make([]TextLine, 0, n+len(spaceBefore))
		for i := range n {
			if slices.Contains(spaceBefore, i) {
				lines = append(lines, TextLine{Height: tblLH / 2})
			}
			w := min(width, 5)
			lines = append(lines, TextLine{Height: tblLH, Ascent: tblAscent, Width: w,
				Runs: []Run{{X: width - w, Size: 8, Text: key + "l" + strconv.Itoa(i), Width: w}}})
		}
		return lines
	}
}

// tblFake builds tables and remembers how many lines each cell has.
type tblFake struct {
	want map[string]int // body cells
	head map[string]int // header cells
}

func newTblFake() *tblFake { return &tblFake{want: map[string]int{}, head: map[string]int{}} }

func (b *tblFake) cell(row, col, colSpan, rowSpan, n int, spaceBefore ...int) Cell {
	key := fmt.Sprintf("r%dc%d", row, col)
	b.want[key] = n
	return Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Content: tblContent(key, n, spaceBefore...), Fill: -1}
}

func (b *tblFake) header(row, col, colSpan, rowSpan, n int) Cell {
	key := fmt.Sprintf("h%dc%d", row, col)
	b.head[key] = n
	return Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Content: tblContent(key, n), Fill: 0.85, Middle: true}
}

// row builds a row of single cells with the given line counts.
func (b *tblFake) row(r int, lines ...int) Row {
	var row Row
	for c, n := range lines {
		row.Cells = append(row.Cells, b.cell(r, c, 1, 1, n))
	}
	return row
}

func (b *tblFake) group(r, ncols int) Row {
	return Row{Group: true, Cells: []Cell{b.cell(r, 0, ncols, 1, 1)}}
}

// simple is a three-column table with a one-line header (6 mm tall with
// PadY 1) and the given rows.
func (b *tblFake) simple(rows ...Row) *Table {
	return &Table{
		Columns:  []Column{{Width: 10}, {Weight: 1}, {Weight: 2}},
		Header:   []Row{{Cells: []Cell{b.header(0, 0, 1, 1, 1), b.header(0, 1, 1, 1, 1), b.header(0, 2, 1, 1, 1)}}},
		Rows:     rows,
		PadX:     1.5,
		PadY:     1,
		Border:   0.2,
		MinLines: 2,
	}
}

type tblExpect struct {
	first, full float64
	keep        float64 // Regions.Keep
	// loose allows what only pathological content needs: fragments taller
	// than their region, and orphan rules giving way to progress.
	loose bool
	// anyShape skips the checks on how fragments end, which odd inputs
	// (rows without cells) can defeat.
	anyShape bool
}

func (e tblExpect) regions() Regions { return Regions{First: e.first, Full: e.full, Keep: e.keep} }

// region is the height of the region fragment i of lay goes into.
func (e tblExpect) region(lay TableLayout, i int) float64 {
	if lay.Start+i == 0 {
		return e.first
	}
	return e.full
}

type tblWord struct {
	key string
	i   int
}

func tblParse(s string) (tblWord, bool) {
	at := strings.LastIndexByte(s, 'l')
	if at < 0 {
		return tblWord{}, false
	}
	i, err := strconv.Atoi(s[at+1:])
	return tblWord{s[:at], i}, err == nil
}

// tblCheck verifies the invariants every layout must keep.
func tblCheck(t *testing.T, tb *Table, b *tblFake, lay TableLayout, ex tblExpect) {
	t.Helper()
	frags := lay.Fragments
	const eps = 1e-6
	m := max(tb.MinLines, 1)
	nhead, headWords := 0, 0
	for _, r := range tb.Header {
		nhead += len(r.Cells)
	}
	for _, n := range b.head {
		headWords += n
	}
	next := map[string]int{}    // next line expected per cell
	parts := map[string][]int{} // words per non-empty part, per cell
	var head []Frame            // header frames of the first non-empty fragment
	if len(frags) == 0 {
		t.Fatal("no fragments")
	}
	if lay.Start != 0 && lay.Start != 1 {
		t.Errorf("start region %d, want 0 or 1", lay.Start)
	}
	for i, f := range frags {
		region := ex.region(lay, i)
		if len(f.Frames) == 0 {
			// Only a table without header and rows lays out as nothing.
			if len(tb.Header)+len(tb.Rows) > 0 || f.Height != 0 {
				t.Errorf("fragment %d: empty", i)
			}
			continue
		}
		if f.Height > region+eps && !ex.loose {
			t.Errorf("fragment %d: height %.3f exceeds region %.3f", i, f.Height, region)
		}
		if len(f.Frames) < nhead {
			t.Errorf("fragment %d: %d frames, fewer than the header's %d", i, len(f.Frames), nhead)
			continue
		}
		headBottom, bottom := 0.0, 0.0
		for j, fr := range f.Frames[:nhead] {
			if fr.Kind != "header" {
				t.Errorf("fragment %d: frame %d is %q, want header", i, j+1, fr.Kind)
			}
			if head != nil && fr != head[j] {
				t.Errorf("fragment %d: header frame %d is %+v, first fragment had %+v", i, j+1, fr, head[j])
			}
			headBottom = max(headBottom, fr.Y+fr.H)
		}
		if head == nil {
			head = f.Frames[:nhead]
		}
		hasCell, endsOnCell := false, false
		for j, fr := range f.Frames {
			bottom = max(bottom, fr.Y+fr.H)
			if fr.X < -eps || fr.Y < -eps || fr.X+fr.W > f.Width+eps || fr.Y+fr.H > f.Height+eps || fr.W <= 0 || fr.H < 0 {
				t.Errorf("fragment %d: frame %d %+v outside %.2fx%.2f", i, j+1, fr, f.Width, f.Height)
			}
			if j >= nhead {
				if fr.Kind == "header" {
					t.Errorf("fragment %d: header frame %d below the header", i, j+1)
				}
				if fr.Y < headBottom-eps {
					t.Errorf("fragment %d: frame %d %+v overlaps the header (bottom %.2f)", i, j+1, fr, headBottom)
				}
			}
			if fr.Kind == "cell" {
				hasCell = true
				if math.Abs(fr.Y+fr.H-f.Height) < eps {
					endsOnCell = true
				}
			}
			if tb.Border > 0 {
				for _, e := range []struct {
					vert     bool
					at, a, b float64
				}{
					{false, fr.Y, fr.X, fr.X + fr.W}, {false, fr.Y + fr.H, fr.X, fr.X + fr.W},
					{true, fr.X, fr.Y, fr.Y + fr.H}, {true, fr.X + fr.W, fr.Y, fr.Y + fr.H},
				} {
					if !tblCovered(f.Lines, e.vert, e.at, e.a, e.b) {
						t.Errorf("fragment %d: frame %d %+v: border (vertical %v at %.2f, %.2f..%.2f) not stroked", i, j+1, fr, e.vert, e.at, e.a, e.b)
					}
				}
			}
		}
		if math.Abs(bottom-f.Height) > eps {
			t.Errorf("fragment %d: height %.3f but frames end at %.3f", i, f.Height, bottom)
		}
		last := i == len(frags)-1
		if !last && !hasCell && !ex.anyShape {
			t.Errorf("fragment %d: ends right after its header", i)
		}
		if !last && !endsOnCell && !ex.anyShape {
			t.Errorf("fragment %d: its last row is a group row", i)
		}
		if tb.Border > 0 && !ex.anyShape && !tblCovered(f.Lines, false, f.Height, 0, f.Width) {
			t.Errorf("fragment %d: no closing border at its bottom", i)
		}
		frameKey := map[int]string{}
		frameWords := map[int]int{}
		hw := 0
		for _, tx := range f.Texts {
			if tx.Frame < 1 || tx.Frame > len(f.Frames) {
				t.Errorf("fragment %d: text %q has frame %d of %d", i, tx.S, tx.Frame, len(f.Frames))
				continue
			}
			fr := f.Frames[tx.Frame-1]
			if tx.Y < fr.Y-eps || tx.Y > fr.Y+fr.H+eps {
				t.Errorf("fragment %d: text %q baseline %.3f outside frame %+v", i, tx.S, tx.Y, fr)
			}
			if tx.X < fr.X+tb.PadX-eps || tx.X+tx.Width > fr.X+fr.W-tb.PadX+eps {
				t.Errorf("fragment %d: text %q at x %.3f..%.3f outside frame %+v less padding", i, tx.S, tx.X, tx.X+tx.Width, fr)
			}
			w, ok := tblParse(tx.S)
			if !ok {
				t.Errorf("fragment %d: stray text %q", i, tx.S)
				continue
			}
			if fr.Kind == "header" {
				hw++
				if _, ok := b.head[w.key]; !ok {
					t.Errorf("fragment %d: body word %q in a header frame", i, tx.S)
				}
				continue
			}
			if next[w.key] != w.i {
				t.Errorf("fragment %d: word %q, want line %d of %s next", i, tx.S, next[w.key], w.key)
			}
			next[w.key] = w.i + 1
			if k, ok := frameKey[tx.Frame]; ok && k != w.key {
				t.Errorf("fragment %d: frame %d holds words of %s and %s", i, tx.Frame, k, w.key)
			}
			frameKey[tx.Frame] = w.key
			frameWords[tx.Frame]++
		}
		if hw != headWords {
			t.Errorf("fragment %d: %d header words, want %d", i, hw, headWords)
		}
		for fr := 1; fr <= len(f.Frames); fr++ {
			if n, ok := frameWords[fr]; ok {
				parts[frameKey[fr]] = append(parts[frameKey[fr]], n)
			}
		}
	}
	for key, n := range b.want {
		if next[key] != n {
			t.Errorf("cell %s: %d of its %d lines placed", key, next[key], n)
		}
	}
	if ex.loose {
		return
	}
	for key, ps := range parts {
		n := b.want[key]
		if n < 2*m {
			if len(ps) > 1 {
				t.Errorf("cell %s of %d lines split into %v", key, n, ps)
			}
			continue
		}
		for _, k := range ps {
			if k < m {
				t.Errorf("cell %s of %d lines split into %v: a part under %d lines", key, n, ps, m)
			}
		}
	}
}

// tblCheckRows verifies the row marks: one per body row, in order, each at
// the top of the first part of the row's own cells in the fragment where
// the row begins.
func tblCheckRows(t *testing.T, tb *Table, lay TableLayout) {
	t.Helper()
	if len(lay.Rows) != len(tb.Rows) {
		t.Fatalf("%d row marks for %d rows", len(lay.Rows), len(tb.Rows))
	}
	for r, m := range lay.Rows {
		if m.Fragment < 0 || m.Fragment >= len(lay.Fragments) {
			t.Fatalf("row %d: mark in fragment %d of %d", r, m.Fragment, len(lay.Fragments))
		}
		if r > 0 {
			p := lay.Rows[r-1]
			if m.Fragment < p.Fragment || m.Fragment == p.Fragment && m.Y < p.Y-1e-9 {
				t.Errorf("row %d: mark %+v before row %d's %+v", r, m, r-1, p)
			}
		}
	}
	// The first word of every cell: its fragment and frame.
	seen := map[string]bool{}
	for fi, f := range lay.Fragments {
		for _, tx := range f.Texts {
			w, ok := tblParse(tx.S)
			if !ok || seen[w.key] || f.Frames[tx.Frame-1].Kind == "header" {
				continue
			}
			seen[w.key] = true
			var row, col int
			if _, err := fmt.Sscanf(w.key, "r%dc%d", &row, &col); err != nil || row >= len(lay.Rows) {
				continue
			}
			m := lay.Rows[row]
			if fi < m.Fragment {
				t.Errorf("cell %s begins in fragment %d, before its row's mark %+v", w.key, fi, m)
			}
			if fr := f.Frames[tx.Frame-1]; fi == m.Fragment && math.Abs(fr.Y-m.Y) > 1e-9 {
				t.Errorf("cell %s begins at %.3f in fragment %d, its row's mark at %.3f", w.key, fr.Y, fi, m.Y)
			}
		}
	}
}

// tblCovered reports whether lines stroke the segment at..a..b entirely.
func tblCovered(lines []Line, vert bool, at, a, b float64) bool {
	const eps = 1e-6
	var iv [][2]float64
	for _, l := range lines {
		switch {
		case vert && math.Abs(l.X1-at) < eps && math.Abs(l.X2-at) < eps:
			iv = append(iv, [2]float64{min(l.Y1, l.Y2), max(l.Y1, l.Y2)})
		case !vert && math.Abs(l.Y1-at) < eps && math.Abs(l.Y2-at) < eps:
			iv = append(iv, [2]float64{min(l.X1, l.X2), max(l.X1, l.X2)})
		}
	}
	slices.SortFunc(iv, func(p, q [2]float64) int { return cmpFloat(p[0], q[0]) })
	x := a
	for _, v := range iv {
		if v[0] > x+eps {
			break
		}
		x = max(x, v[1])
	}
	return x >= b-eps
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func tblLayout(t *testing.T, tb *Table, b *tblFake, width float64, ex tblExpect) TableLayout {
	t.Helper()
	lay, err := tb.Layout(width, ex.regions())
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	tblCheck(t, tb, b, lay, ex)
	tblCheckRows(t, tb, lay)
	return lay
}

// tblParts lists, per fragment, the words of a cell found there.
func tblParts(frags []Fragment, key string) []int {
	var out []int
	for _, f := range frags {
		n := 0
		for _, tx := range f.Texts {
			if w, ok := tblParse(tx.S); ok && w.key == key {
				n++
			}
		}
		out = append(out, n)
	}
	return out
}

// tblFrameOf is the frame holding the given word in f.
func tblFrameOf(t *testing.T, f Fragment, word string) Frame {
	t.Helper()
	for _, tx := range f.Texts {
		if tx.S == word {
			return f.Frames[tx.Frame-1]
		}
	}
	t.Fatalf("word %q not in fragment", word)
	return Frame{}
}

func tblNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.4f, want %.4f", what, got, want)
	}
}

func TestTableFitsInOneRegion(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	tb := b.simple(b.row(0, 2, 3, 1), b.row(1, 1, 1, 1))
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 100, full: 200}).Fragments
	if len(frags) != 1 {
		t.Fatalf("%d fragments, want 1", len(frags))
	}
	f := frags[0]
	tblNear(t, "width", f.Width, 150)
	tblNear(t, "height", f.Height, 6+14+6)
	// Fixed column 10 mm, then weights 1:2 share 140 mm.
	want := []Frame{
		{0, 0, 10, 6, "header"}, {10, 0, 140.0 / 3, 6, "header"}, {10 + 140.0/3, 0, 280.0 / 3, 6, "header"},
		{0, 6, 10, 14, "cell"}, {10, 6, 140.0 / 3, 14, "cell"}, {10 + 140.0/3, 6, 280.0 / 3, 14, "cell"},
		{0, 20, 10, 6, "cell"}, {10, 20, 140.0 / 3, 6, "cell"}, {10 + 140.0/3, 20, 280.0 / 3, 6, "cell"},
	}
	if len(f.Frames) != len(want) {
		t.Fatalf("%d frames, want %d", len(f.Frames), len(want))
	}
	for i, w := range want {
		g := f.Frames[i]
		if g.Kind != w.Kind || math.Abs(g.X-w.X)+math.Abs(g.Y-w.Y)+math.Abs(g.W-w.W)+math.Abs(g.H-w.H) > 1e-9 {
			t.Errorf("frame %d = %+v, want %+v", i+1, g, w)
		}
	}
	if len(f.Rects) != 3 {
		t.Errorf("%d rects, want the 3 header fills", len(f.Rects))
	}
	for _, r := range f.Rects {
		if r.Fill != 0.85 || r.Y != 0 || r.H != 6 {
			t.Errorf("header fill %+v", r)
		}
	}
	// Baseline of the second line of r0c1: top 6 + pad 1 + one line 4 + ascent 3.
	if fr := tblFrameOf(t, f, "r0c1l1"); fr.Y != 6 {
		t.Errorf("r0c1l1 in frame %+v", fr)
	}
	for _, tx := range f.Texts {
		if tx.S == "r0c1l1" {
			tblNear(t, "baseline of r0c1l1", tx.Y, 14)
		}
		if tx.S == "h0c0l0" {
			tblNear(t, "baseline of the header", tx.Y, 4)
		}
	}
}

func TestTable500Rows(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	rng := rand.New(rand.NewPCG(1, 2))
	var rows []Row
	for r := range 500 {
		rows = append(rows, b.row(r, 1+rng.IntN(12), 1+rng.IntN(12), 1+rng.IntN(12)))
	}
	tb := b.simple(rows...)
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 120, full: 180}).Fragments
	if len(frags) < 50 {
		t.Errorf("only %d fragments for 500 rows", len(frags))
	}
}

func TestTableRowSplits(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// Header 6 + row 0 (10) leave 64 mm: 15 lines of the 30-line cell; the
	// 3-line cell is too short to split and fits, so it stays whole.
	tb := b.simple(b.row(0, 2, 2, 2), b.row(1, 30, 3, 10))
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 80, full: 200}).Fragments
	if len(frags) != 2 {
		t.Fatalf("%d fragments, want 2", len(frags))
	}
	for key, want := range map[string][]int{"r1c0": {15, 15}, "r1c1": {3, 0}, "r1c2": {10, 0}} {
		if got := tblParts(frags, key); !slices.Equal(got, want) {
			t.Errorf("%s per fragment = %v, want %v", key, got, want)
		}
	}
	tblNear(t, "first height", frags[0].Height, 6+10+62)
	// The continuation starts right under the header, with every cell of
	// the row closed on both sides.
	fr := tblFrameOf(t, frags[1], "r1c0l15")
	tblNear(t, "continued part top", fr.Y, 6)
	tblNear(t, "continued part height", fr.H, 15*4+2)
	if n := len(frags[1].Frames); n != 6 {
		t.Errorf("continuation has %d frames, want header 3 + row 3", n)
	}
}

func TestTableWidowControl(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// 64 mm hold 15 of the 16 lines: the break moves up so 2 go over.
	tb := b.simple(b.row(0, 2, 2, 2), b.row(1, 16, 1, 1))
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 80, full: 200}).Fragments
	if got := tblParts(frags, "r1c0"); !slices.Equal(got, []int{14, 2}) {
		t.Errorf("r1c0 per fragment = %v, want [14 2]", got)
	}
}

func TestTableMovesRowRatherThanOrphan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		lines int
		space float64 // left under row 0 in the first region
		want  []int   // r1c0's lines per fragment
	}{
		{"one line fits, row fits a page", 10, 6, []int{0, 10}},
		{"one line fits, row longer than a page", 80, 6, []int{0, 48, 32}},
		{"two lines fit, row fits a page", 10, 10, []int{2, 8}},
		{"nothing fits", 3, 5, []int{0, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(b.row(0, 2, 2, 2), b.row(1, tc.lines, 1, 1))
			frags := tblLayout(t, tb, b, 150, tblExpect{first: 16 + tc.space, full: 200}).Fragments
			if got := tblParts(frags, "r1c0"); !slices.Equal(got, tc.want) {
				t.Errorf("r1c0 per fragment = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTableCellTallerThanThreeRegions(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// 94 mm under the header hold 23 lines: 120 lines need 6 regions.
	tb := b.simple(b.row(0, 120, 2, 1))
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 100, full: 100}).Fragments
	if got, want := tblParts(frags, "r0c0"), []int{23, 23, 23, 23, 23, 5}; !slices.Equal(got, want) {
		t.Errorf("r0c0 per fragment = %v, want %v", got, want)
	}
	for i, f := range frags[:len(frags)-1] {
		tblNear(t, fmt.Sprintf("fragment %d height", i), f.Height, 6+23*4+2)
	}
}

func TestTableRowSpanContinues(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// A sasaran (NO, Sasaran) spanning two indicator rows, taller than both.
	tb := &Table{
		Columns: []Column{{Width: 8}, {Weight: 2}, {Width: 8}, {Weight: 2}, {Weight: 4}},
		Header: []Row{{Cells: []Cell{b.header(0, 0, 1, 1, 1), b.header(0, 1, 1, 1, 1),
			b.header(0, 2, 1, 1, 1), b.header(0, 3, 1, 1, 1), b.header(0, 4, 1, 1, 1)}}},
		Rows: []Row{
			{Cells: []Cell{b.cell(0, 0, 1, 2, 1), b.cell(0, 1, 1, 2, 20), b.cell(0, 2, 1, 1, 1), b.cell(0, 3, 1, 1, 3), b.cell(0, 4, 1, 1, 6)}},
			{Cells: []Cell{b.cell(1, 2, 1, 1, 1), b.cell(1, 3, 1, 1, 3), b.cell(1, 4, 1, 1, 6)}},
		},
		PadX: 1, PadY: 1, Border: 0.2, MinLines: 2,
	}
	// Row 0 is 26 mm; 30 mm are left for row 1, which with the rest of the
	// sasaran needs 56: the sasaran keeps 13 lines here, 7 go over.
	frags := tblLayout(t, tb, b, 200, tblExpect{first: 62, full: 200}).Fragments
	if len(frags) != 2 {
		t.Fatalf("%d fragments, want 2", len(frags))
	}
	if got := tblParts(frags, "r0c1"); !slices.Equal(got, []int{13, 7}) {
		t.Errorf("sasaran per fragment = %v, want [13 7]", got)
	}
	if got := tblParts(frags, "r1c4"); !slices.Equal(got, []int{6, 0}) {
		t.Errorf("second indicator per fragment = %v, want [6 0]", got)
	}
	first := tblFrameOf(t, frags[0], "r0c1l0")
	tblNear(t, "sasaran top", first.Y, 6)
	tblNear(t, "sasaran part bottom", first.Y+first.H, frags[0].Height)
	tblNear(t, "first fragment height", frags[0].Height, 6+26+28)
	rest := tblFrameOf(t, frags[1], "r0c1l13")
	tblNear(t, "continued sasaran top", rest.Y, 6)
	tblNear(t, "continued sasaran height", rest.H, 7*4+2)
	// The NO cell went whole into the first part; its continuation is an
	// empty closed cell beside the rest of the sasaran.
	if got := tblParts(frags, "r0c0"); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("NO per fragment = %v", got)
	}
	if n := len(frags[1].Frames); n != 5+5 {
		t.Errorf("continuation has %d frames, want 10", n)
	}
}

func TestTableRowSpanBreaksBetweenRows(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// Row 1 cannot start under row 0 (one line of room), so the break falls
	// between the rows and the spanning cell continues with its lines.
	tb := b.simple(
		Row{Cells: []Cell{b.cell(0, 0, 1, 2, 12), b.cell(0, 1, 1, 1, 5), b.cell(0, 2, 1, 1, 5)}},
		Row{Cells: []Cell{b.cell(1, 1, 1, 1, 8), b.cell(1, 2, 1, 1, 8)}},
	)
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 6 + 22 + 6, full: 200}).Fragments
	if got := tblParts(frags, "r0c0"); !slices.Equal(got, []int{5, 7}) {
		t.Errorf("spanning cell per fragment = %v, want [5 7]", got)
	}
	if got := tblParts(frags, "r1c1"); !slices.Equal(got, []int{0, 8}) {
		t.Errorf("second row per fragment = %v, want [0 8]", got)
	}
}

func TestTableGroupRow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		space float64 // left under the group row in the first region
		group []int   // the group row's words per fragment
	}{
		{"moves when the next row cannot start", 4, []int{0, 1}},
		{"stays with two lines of the next row", 10, []int{1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(b.row(0, 10, 1, 1), b.group(1, 3), b.row(2, 8, 1, 1))
			frags := tblLayout(t, tb, b, 150, tblExpect{first: 6 + 42 + 6 + tc.space, full: 200}).Fragments
			if got := tblParts(frags, "r1c0"); !slices.Equal(got, tc.group) {
				t.Errorf("group row per fragment = %v, want %v", got, tc.group)
			}
			g := tblFrameOf(t, frags[slices.Index(tc.group, 1)], "r1c0l0")
			if g.Kind != "group" || g.X != 0 || math.Abs(g.W-150) > 1e-9 {
				t.Errorf("group frame %+v, want full width", g)
			}
		})
	}
}

func TestTableFirstRegionTooSmall(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		first float64
	}{
		{"smaller than the header", 3},
		{"header and no line", 8},
		{"header and one line of a row that fits a page", 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(b.row(0, 5, 1, 1), b.row(1, 2, 2, 2))
			lay := tblLayout(t, tb, b, 150, tblExpect{first: tc.first, full: 200})
			if lay.Start != 1 || len(lay.Fragments) != 1 {
				t.Fatalf("start %d, %d fragments; want one fragment in the second region", lay.Start, len(lay.Fragments))
			}
			tblNear(t, "fragment", lay.Fragments[0].Height, 6+22+10)
			if lay.Rows[0] != (RowMark{0, 6}) || lay.Rows[1] != (RowMark{0, 6 + 22}) {
				t.Errorf("row marks %+v, want both rows in the one fragment under the header", lay.Rows)
			}
		})
	}
}

func TestTableSpanGrowsLastRow(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	tb := b.simple(
		Row{Cells: []Cell{b.cell(0, 0, 1, 2, 12), b.cell(0, 1, 1, 1, 2), b.cell(0, 2, 1, 1, 2)}},
		Row{Cells: []Cell{b.cell(1, 1, 1, 1, 2), b.cell(1, 2, 1, 1, 2)}},
		b.row(2, 1, 1, 1),
	)
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 200, full: 200}).Fragments
	f := frags[0]
	tblNear(t, "row 0", tblFrameOf(t, f, "r0c1l0").H, 10)
	tblNear(t, "row 1 grown", tblFrameOf(t, f, "r1c1l0").H, 12*4+2-10)
	span := tblFrameOf(t, f, "r0c0l0")
	tblNear(t, "spanning cell", span.H, 12*4+2)
	tblNear(t, "row 2 top", tblFrameOf(t, f, "r2c0l0").Y, 6+50)
}

func TestTableMiddle(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// Two header rows: "Triwulan" over I and II, the other cell spanning both.
	tb := &Table{
		Columns: []Column{{Weight: 1}, {Weight: 1}, {Weight: 1}},
		Header: []Row{
			{Cells: []Cell{b.header(0, 0, 1, 2, 1), b.header(0, 1, 2, 1, 1)}},
			{Cells: []Cell{b.header(1, 1, 1, 1, 1), b.header(1, 2, 1, 1, 1)}},
		},
		Rows: []Row{b.row(0, 1, 1, 1)},
		PadX: 1, PadY: 1, Border: 0.2, MinLines: 2,
	}
	frags := tblLayout(t, tb, b, 90, tblExpect{first: 100, full: 100}).Fragments
	f := frags[0]
	no := tblFrameOf(t, f, "h0c0l0")
	tblNear(t, "spanning header height", no.H, 12)
	for _, tx := range f.Texts {
		if tx.S == "h0c0l0" {
			tblNear(t, "centred baseline", tx.Y, 1+(12-2-4)/2+3)
		}
	}
	tblNear(t, "Triwulan width", tblFrameOf(t, f, "h0c1l0").W, 60)
}

func TestTableDropsLeadingSpace(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	// 41 mm inside: lines 0-9 fit, the 2 mm space before line 10 does not;
	// the continuation must start with line 10, not with the space.
	tb := b.simple(Row{Cells: []Cell{b.cell(0, 0, 1, 1, 20, 10), b.cell(0, 1, 1, 1, 1), b.cell(0, 2, 1, 1, 1)}})
	frags := tblLayout(t, tb, b, 150, tblExpect{first: 6 + 43, full: 200}).Fragments
	if got := tblParts(frags, "r0c0"); !slices.Equal(got, []int{10, 10}) {
		t.Fatalf("per fragment = %v, want [10 10]", got)
	}
	for _, tx := range frags[1].Texts {
		if tx.S == "r0c0l10" {
			tblNear(t, "first continued baseline", tx.Y, 6+1+3)
		}
	}
}

func TestTableLineTallerThanRegion(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	huge := func(width float64) []TextLine {
		return []TextLine{
			{Height: 4, Ascent: 3, Width: 2, Runs: []Run{{Text: "r0c0l0", Width: 2}}},
			{Height: 150, Ascent: 3, Width: 2, Runs: []Run{{Text: "r0c0l1", Width: 2}}},
			{Height: 4, Ascent: 3, Width: 2, Runs: []Run{{Text: "r0c0l2", Width: 2}}},
		}
	}
	b.want["r0c0"] = 3
	tb := b.simple(Row{Cells: []Cell{{Col: 0, Content: huge, Fill: -1}, b.cell(0, 1, 1, 1, 2), b.cell(0, 2, 1, 1, 2)}}, b.row(1, 1, 1, 1))
	ex := tblExpect{first: 50, full: 100, loose: true}
	lay, err := tb.Layout(150, ex.regions())
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	tblCheck(t, tb, b, lay, ex)
	if len(lay.Fragments) > 5 {
		t.Errorf("%d fragments for three lines", len(lay.Fragments))
	}
}

func TestTableHeaderOnly(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	tb := b.simple()
	lay, err := tb.Layout(150, Regions{First: 100, Full: 200})
	if err != nil || lay.Start != 0 || len(lay.Fragments) != 1 || lay.Fragments[0].Height != 6 || len(lay.Rows) != 0 {
		t.Fatalf("got %+v, err %v", lay, err)
	}
	// A header that does not fit in the first region goes to the next.
	lay, err = tb.Layout(150, Regions{First: 4, Full: 200})
	if err != nil || lay.Start != 1 || len(lay.Fragments) != 1 {
		t.Fatalf("header in a region too small: got %+v, err %v", lay, err)
	}
}

func TestTableInvalid(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		edit  func(*Table)
		width float64
		full  float64
		want  string
		keep  float64
	}{
		{"no columns", func(t *Table) { t.Columns = nil }, 150, 200, "no columns", 0},
		{"negative width", func(t *Table) { t.Columns[0].Width = -1 }, 150, 200, "column 1", 0},
		{"negative weight", func(t *Table) { t.Columns[1].Weight = -1 }, 150, 200, "column 2", 0},
		{"NaN weight", func(t *Table) { t.Columns[1].Weight = math.NaN() }, 150, 200, "column 2", 0},
		{"width and weight", func(t *Table) { t.Columns[0].Weight = 1 }, 150, 200, "not both", 0},
		{"zero column", func(t *Table) { t.Columns[2].Weight = 0 }, 150, 200, "no width and no weight", 0},
		{"fixed too wide", func(t *Table) { t.Columns[0].Width = 200 }, 150, 200, "wider than the table", 0},
		{"nothing left for weights", func(t *Table) { t.Columns[0].Width = 150 }, 150, 200, "no width for proportional", 0},
		{"zero table width", func(t *Table) {}, 0, 200, "width must be positive", 0},
		{"col out of range", func(t *Table) { t.Rows[0].Cells[2].Col = 3 }, 150, 200, "out of range", 0},
		{"negative col", func(t *Table) { t.Rows[0].Cells[0].Col = -1 }, 150, 200, "out of range", 0},
		{"colspan past the end", func(t *Table) { t.Rows[0].Cells[2].ColSpan = 2 }, 150, 200, "past the last column", 0},
		{"huge colspan", func(t *Table) { t.Rows[0].Cells[2].ColSpan = math.MaxInt }, 150, 200, "past the last column", 0},
		{"rowspan past the end", func(t *Table) { t.Rows[1].Cells[0].RowSpan = 2 }, 150, 200, "past the last row", 0},
		{"huge rowspan", func(t *Table) { t.Rows[1].Cells[0].RowSpan = math.MaxInt }, 150, 200, "past the last row", 0},
		{"header rowspan past the end", func(t *Table) { t.Header[0].Cells[0].RowSpan = 2 }, 150, 200, "header row 1", 0},
		{"negative span", func(t *Table) { t.Rows[0].Cells[0].RowSpan = -1 }, 150, 200, "negative span", 0},
		{"overlap", func(t *Table) { t.Rows[0].Cells[0].RowSpan = 2 }, 150, 200, "overlaps", 0},
		{"span crosses group", func(t *Table) {
			t.Rows = append(t.Rows[:1], Row{Group: true, Cells: []Cell{{Col: 0, ColSpan: 3, Fill: -1}}}, t.Rows[1])
			t.Rows[2].Cells = t.Rows[2].Cells[1:]
			t.Rows[0].Cells[0].RowSpan = 3
		}, 150, 200, "crosses group row 2", 0},
		{"group cell spans rows", func(t *Table) {
			t.Rows[0].Group = true
			t.Rows[0].Cells[0].RowSpan = 2
			t.Rows[1].Cells = t.Rows[1].Cells[1:]
		}, 150, 200, "group row", 0},
		{"negative padding", func(t *Table) { t.PadX = -1 }, 150, 200, "PadX", 0},
		{"NaN border", func(t *Table) { t.Border = math.NaN() }, 150, 200, "Border", 0},
		{"padding wider than a column", func(t *Table) { t.PadX = 5 }, 150, 200, "padding", 0},
		{"negative MinLines", func(t *Table) { t.MinLines = -1 }, 150, 200, "MinLines", 0},
		{"fill above white", func(t *Table) { t.Rows[0].Cells[0].Fill = 2 }, 150, 200, "grey level", 0},
		{"NaN line", func(t *Table) {
			t.Rows[0].Cells[1].Content = func(float64) []TextLine { return []TextLine{{Height: math.NaN()}} }
		}, 150, 200, "line 1", 0},
		{"negative line", func(t *Table) {
			t.Rows[0].Cells[1].Content = func(float64) []TextLine { return []TextLine{{Height: -4}} }
		}, 150, 200, "line 1", 0},
		{"zero full region", func(t *Table) {}, 150, 0, "full region", 0},
		{"NaN full region", func(t *Table) {}, 150, math.NaN(), "finite", 0},
		{"negative Keep", func(t *Table) {}, 150, 200, "Keep", -1},
		{"NaN Keep", func(t *Table) {}, 150, 200, "Keep", math.NaN()},
		{"infinite Keep", func(t *Table) {}, 150, 200, "Keep", math.Inf(1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(b.row(0, 1, 1, 1), b.row(1, 1, 1, 1))
			tb.Columns[0].Width = 8
			tc.edit(tb)
			lay, err := tb.Layout(tc.width, Regions{First: 100, Full: tc.full, Keep: tc.keep})
			if err == nil {
				t.Fatalf("no error, %d fragments", len(lay.Fragments))
			}
			// The checks read in English; the catalogue has them in both.
			en := pesan.NewPrinter(pesan.Inggris).Error(err)
			if !strings.Contains(en, tc.want) || !strings.HasPrefix(en, "table: ") || !strings.HasPrefix(err.Error(), "tabel: ") {
				t.Errorf("error %q (%q), want it to mention %q", en, err, tc.want)
			}
		})
	}
}

// TestTableRandom lays out random tables with spans and group rows over
// random regions and checks the invariants on each.
func TestTableRandom(t *testing.T) {
	t.Parallel()
	for seed := range uint64(300) {
		tb, b, ex, width := tblRandom(seed)
		lay, err := tb.Layout(width, ex.regions())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			tblCheck(t, tb, b, lay, ex)
			tblCheckRows(t, tb, lay)
		})
	}
}

// TestTableStartsLater checks the caption's shortcut against the whole
// layout: filling the first region alone tells whether Start > 0, over
// random tables, first regions around the header's height, and Keep.
func TestTableStartsLater(t *testing.T) {
	t.Parallel()
	later, here := 0, 0
	for i := range uint64(600) {
		seed := i / 2
		tb, _, ex, width := tblRandom(seed)
		if i%2 == 1 {
			// Its first row alone: Keep then bears on the first region.
			one := *tb
			one.Rows = tb.Rows[:1]
			if slices.ContainsFunc(one.Rows[0].Cells, func(c Cell) bool { return c.RowSpan > 1 }) {
				continue
			}
			tb = &one
		}
		g, err := newTableGrid(tb, width)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		rng := rand.New(rand.NewPCG(i, 13))
		for range 8 {
			// Mostly small first regions, where the answer changes, and
			// some a whole region or more.
			r := Regions{First: g.headH + float64(rng.IntN(400))/10 - 5, Full: ex.full}
			switch rng.IntN(8) {
			case 0:
				r.First = ex.full + float64(rng.IntN(3))
			case 1:
				// Regions lower than a line: only a fresh one takes it.
				r.Full = 1 + float64(rng.IntN(3))
				r.First = r.Full + float64(rng.IntN(2))
			}
			if rng.IntN(2) == 0 {
				r.Keep = float64(rng.IntN(70))
			}
			lay, err := g.layout(r)
			if err != nil {
				t.Fatalf("seed %d %+v: %v", seed, r, err)
			}
			got, err := g.startsLater(r)
			if err != nil {
				t.Fatalf("seed %d %+v: %v", seed, r, err)
			}
			if got != (lay.Start > 0) {
				t.Errorf("seed %d %+v: startsLater %v, layout Start %d", seed, r, got, lay.Start)
			}
			if got {
				later++
			} else {
				here++
			}
		}
	}
	// Both answers must be exercised for the test to mean anything.
	if later < 100 || here < 100 {
		t.Errorf("only %d later and %d here", later, here)
	}
	// A table of only a header, and regions no layout takes.
	g, err := newTableGrid(&Table{Columns: []Column{{Weight: 1}}, Header: []Row{{Cells: []Cell{newTblFake().header(0, 0, 1, 1, 1)}}}}, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, first := range []float64{0, g.headH - 0.01, g.headH, 100} {
		r := Regions{First: first, Full: 80}
		lay, _ := g.layout(r)
		if got, _ := g.startsLater(r); got != (lay.Start > 0) {
			t.Errorf("header only, first %v: startsLater %v, Start %d", first, got, lay.Start)
		}
	}
	for _, r := range []Regions{{First: math.NaN(), Full: 80}, {First: 10}, {First: 10, Full: 80, Keep: -1}} {
		if _, err := g.startsLater(r); err == nil {
			t.Errorf("regions %+v accepted", r)
		}
	}
}

// TestTableBreakWithNoRoomLeft lays out random tables that once ended a
// fragment 2*PadY below its region: a row breaking with no room left
// counted the padding of its cells that took no lines there.
func TestTableBreakWithNoRoomLeft(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{411, 2804, 6674, 9431, 15076, 16769} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			tb, b, ex, width := tblRandom(seed)
			tblLayout(t, tb, b, width, ex)
		})
	}
}

// tblRandom builds a random table with spans and group rows, and random
// regions and width to lay it out in.
func tblRandom(seed uint64) (*Table, *tblFake, tblExpect, float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	b := newTblFake()
	ncols := 2 + rng.IntN(5)
	cols := make([]Column, ncols)
	for i := range cols {
		if rng.IntN(3) == 0 {
			cols[i].Width = 8 + float64(rng.IntN(10))
		} else {
			cols[i].Weight = 1 + float64(rng.IntN(4))
		}
	}
	var hdr []Cell
	for c := range ncols {
		hdr = append(hdr, b.header(0, c, 1, 1, 1+rng.IntN(2)))
	}
	nrows := 1 + rng.IntN(40)
	rows := make([]Row, nrows)
	spanLeft := 0 // rows still covered by a span in column 0
	for r := range nrows {
		if spanLeft == 0 && rng.IntN(8) == 0 {
			rows[r] = b.group(r, ncols)
			continue
		}
		start := 0
		switch {
		case spanLeft > 0:
			spanLeft--
			start = 1
		case rng.IntN(3) == 0:
			// A span must not reach a group row: later rows see spanLeft.
			rs := 1 + rng.IntN(min(3, nrows-r))
			rows[r].Cells = append(rows[r].Cells, b.cell(r, 0, 1, rs, rng.IntN(30), tblSpaces(rng)...))
			spanLeft = rs - 1
			start = 1
		}
		for c := start; c < ncols; c++ {
			rows[r].Cells = append(rows[r].Cells, b.cell(r, c, 1, 1, rng.IntN(25), tblSpaces(rng)...))
		}
	}
	tb := &Table{Columns: cols, Header: []Row{{Cells: hdr}}, Rows: rows, PadX: 1, PadY: 1, Border: 0.2, MinLines: 1 + rng.IntN(3)}
	ex := tblExpect{first: float64(rng.IntN(200)), full: 80 + float64(rng.IntN(120))}
	return tb, b, ex, 200 + float64(rng.IntN(80))
}

func tblSpaces(rng *rand.Rand) []int {
	if rng.IntN(3) != 0 {
		return nil
	}
	return []int{rng.IntN(10), rng.IntN(20)}
}

// tblRoom checks that the last fragment leaves ex.keep free in its region.
func tblRoom(t *testing.T, lay TableLayout, ex tblExpect) {
	t.Helper()
	last := len(lay.Fragments) - 1
	region := ex.region(lay, last)
	if f := lay.Fragments[last]; f.Height+ex.keep > region+1e-6 {
		t.Errorf("last fragment %.2f tall leaves %.2f of its %.2f region, want %.2f", f.Height, region-f.Height, region, ex.keep)
	}
}

// tblHasCell reports whether a fragment holds a body row part.
func tblHasCell(f Fragment) bool {
	return slices.ContainsFunc(f.Frames, func(fr Frame) bool { return fr.Kind != "header" })
}

func TestTableKeepMovesLastRow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		keep  float64
		want  []int   // the last row's words per fragment
		minus float64 // height of the first fragment
	}{
		{"no keep", 0, []int{2}, 74},
		{"keep fits exactly", 6, []int{2}, 74},
		{"keep moves the last row", 40, []int{0, 2}, 64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			// The table ends 74 mm down a region of 80.
			tb := b.simple(b.row(0, 5, 1, 1), b.row(1, 5, 1, 1), b.row(2, 3, 1, 1), b.row(3, 2, 2, 2))
			ex := tblExpect{first: 80, full: 100, keep: tc.keep}
			lay := tblLayout(t, tb, b, 150, ex)
			frags := lay.Fragments
			if got := tblParts(frags, "r3c0"); !slices.Equal(got, tc.want) {
				t.Fatalf("last row per fragment = %v, want %v", got, tc.want)
			}
			tblNear(t, "first height", frags[0].Height, tc.minus)
			tblRoom(t, lay, ex)
			if last := frags[len(frags)-1]; !tblHasCell(last) {
				t.Errorf("last fragment holds only the header")
			}
			if len(frags) == 2 {
				tblNear(t, "last height", frags[1].Height, 6+10)
			}
		})
	}
}

func TestTableKeepSplitsTallLastRow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		rows func(b *tblFake) []Row
		keep float64
		want []int // r1c0's lines per fragment
	}{
		// The table ends 94 mm down; the 74 mm row cannot go over whole with
		// 40 mm under it, so it breaks 40 mm above the bottom.
		{"ends in its region", func(b *tblFake) []Row { return []Row{b.row(0, 3, 1, 1), b.row(1, 18, 1, 1)} }, 40, []int{9, 9}},
		// The row ends on the second region with 10 lines; 60 mm more do not
		// fit under them, so 2 lines go on to a third.
		{"over three regions", func(b *tblFake) []Row { return []Row{b.row(0, 2, 1, 1), b.row(1, 30, 1, 1)} }, 60, []int{20, 8, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(tc.rows(b)...)
			ex := tblExpect{first: 100, full: 100, keep: tc.keep}
			lay := tblLayout(t, tb, b, 150, ex)
			got := tblParts(lay.Fragments, "r1c0")
			if !slices.Equal(got, tc.want) {
				t.Errorf("r1c0 per fragment = %v, want %v", got, tc.want)
			}
			if n := got[len(got)-1]; n < tb.MinLines {
				t.Errorf("last fragment holds %d lines of the row, want >= %d", n, tb.MinLines)
			}
			tblRoom(t, lay, ex)
		})
	}
}

func TestTableKeepRowSpan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		span int   // lines of the cell spanning the last three rows
		want []int // its lines per fragment
	}{
		{"with its last lines", 6, []int{4, 2}},
		{"as an empty part", 1, []int{1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newTblFake()
			// A sasaran over three indicator rows of 10 mm, ending 70 mm down
			// a region of 100: with 40 mm to keep, the last indicator moves.
			tb := b.simple(
				b.row(0, 8, 1, 1),
				Row{Cells: []Cell{b.cell(1, 0, 1, 3, tc.span), b.cell(1, 1, 1, 1, 2), b.cell(1, 2, 1, 1, 2)}},
				Row{Cells: []Cell{b.cell(2, 1, 1, 1, 2), b.cell(2, 2, 1, 1, 2)}},
				Row{Cells: []Cell{b.cell(3, 1, 1, 1, 2), b.cell(3, 2, 1, 1, 2)}},
			)
			ex := tblExpect{first: 100, full: 100, keep: 40}
			lay := tblLayout(t, tb, b, 150, ex)
			frags := lay.Fragments
			if len(frags) != 2 {
				t.Fatalf("%d fragments, want 2", len(frags))
			}
			if got := tblParts(frags, "r1c0"); !slices.Equal(got, tc.want) {
				t.Errorf("spanning cell per fragment = %v, want %v", got, tc.want)
			}
			if got := tblParts(frags, "r3c1"); !slices.Equal(got, []int{0, 2}) {
				t.Errorf("last row per fragment = %v, want [0 2]", got)
			}
			tblNear(t, "first height", frags[0].Height, 6+34+20)
			tblNear(t, "last height", frags[1].Height, 6+10)
			tblRoom(t, lay, ex)
			// Both parts of the spanning cell are closed boxes: above, it
			// ends with the second row; below, it stands beside the last.
			for i, want := range []Frame{{0, 40, 10, 20, "cell"}, {0, 6, 10, 10, "cell"}} {
				f := frags[i]
				if !slices.Contains(f.Frames, want) {
					t.Errorf("fragment %d: no spanning part %+v in %+v", i, want, f.Frames)
				}
				for _, y := range []float64{want.Y, want.Y + want.H} {
					if !tblCovered(f.Lines, false, y, 0, 10) {
						t.Errorf("fragment %d: spanning part edge at %.2f not stroked", i, y)
					}
				}
			}
		})
	}
}

func TestTableKeepOutOfReach(t *testing.T) {
	t.Parallel()
	// When not even a fresh region holds the header, a line and Keep, the
	// layout is the one without Keep: the signatures go on their own page.
	for _, keep := range []float64{90, 95, 150, 1e6} {
		t.Run(fmt.Sprint(keep), func(t *testing.T) {
			b := newTblFake()
			tb := b.simple(b.row(0, 5, 1, 1), b.row(1, 5, 1, 1), b.row(2, 3, 1, 1), b.row(3, 18, 2, 2))
			ex := tblExpect{first: 80, full: 100}
			want := tblDump(tblLayout(t, tb, b, 150, ex).Fragments)
			ex.keep = keep
			if got := tblDump(tblLayout(t, tb, b, 150, ex).Fragments); got != want {
				t.Errorf("layout with Keep %v differs from none:\n%s", keep, testutil.Diff(want, got))
			}
		})
	}
}

func TestTableKeepOverHalfARegion(t *testing.T) {
	t.Parallel()
	// 70 of 100 mm to keep: a last part on a fresh region holds 5 lines, so
	// the 20-line row breaks lower than 70 mm above the bottom, after 15.
	b := newTblFake()
	tb := b.simple(b.row(0, 2, 1, 1), b.row(1, 20, 3, 3))
	ex := tblExpect{first: 100, full: 100, keep: 70}
	lay := tblLayout(t, tb, b, 150, ex)
	if got := tblParts(lay.Fragments, "r1c0"); !slices.Equal(got, []int{15, 5}) {
		t.Errorf("r1c0 per fragment = %v, want [15 5]", got)
	}
	tblRoom(t, lay, ex)
}

// TestTableKeepRandom lays out the random tables again with a Keep: the
// invariants hold, a table that already left Keep free is unchanged, and
// any other either ends leaving Keep free or, when that is out of reach, is
// unchanged too.
func TestTableKeepRandom(t *testing.T) {
	t.Parallel()
	kept, moved, out := 0, 0, 0
	for seed := range uint64(300) {
		tb, b, ex, width := tblRandom(seed)
		base, err := tb.Layout(width, ex.regions())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		ex.keep = float64(rand.New(rand.NewPCG(seed, 11)).IntN(70))
		lay, err := tb.Layout(width, ex.regions())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		frags := lay.Fragments
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			tblCheck(t, tb, b, lay, ex)
			tblCheckRows(t, tb, lay)
			last := len(base.Fragments) - 1
			if base.Fragments[last].Height+ex.keep <= ex.region(base, last)+tableEps {
				kept++
				if got, want := tblDump(frags), tblDump(base.Fragments); got != want || lay.Start != base.Start {
					t.Errorf("Keep %v changed a layout that left room for it:\n%s", ex.keep, testutil.Diff(want, got))
				}
				return
			}
			// Either the end moved to leave Keep free, or it could not and
			// nothing changed.
			if tblDump(frags) == tblDump(base.Fragments) {
				out++
				return
			}
			moved++
			tblRoom(t, lay, ex)
			if !tblHasCell(frags[len(frags)-1]) {
				t.Errorf("last fragment holds only the header")
			}
		})
	}
	t.Logf("Keep: %d layouts left room, %d re-planned, %d out of reach", kept, moved, out)
}

// FuzzTableLayout builds tables from bytes: Layout must either refuse them
// with an error or place every word once, in order, inside its frame.
func FuzzTableLayout(f *testing.F) {
	f.Add([]byte{3, 1, 2, 3, 9, 4, 12, 7, 30, 2, 5, 60, 1, 8, 2, 3}, 50.0, 100.0)
	f.Add([]byte{2, 4, 4, 5, 0, 200, 3, 33, 7, 9, 1, 1, 14, 2, 70}, 0.0, 30.0)
	f.Add([]byte{5, 8, 1, 1, 1, 1, 2, 12, 6, 2, 40, 40, 3, 3, 3, 6, 9}, 300.0, 12.0)
	f.Add([]byte{1, 0, 1, 2, 0, 0, 0}, -5.0, 1e-3)
	f.Add([]byte("200"), 450.0, 100.0)          // a header of height 0 and no rows
	f.Add([]byte("800000110000010"), 0.0, 30.0) // a group row taller than a region
	f.Add([]byte("000000001"), 50.0, 14.3)      // no header, no rows
	f.Fuzz(func(t *testing.T, data []byte, first, full float64) {
		if len(data) > 300 {
			return
		}
		next := func() int {
			if len(data) == 0 {
				return 0
			}
			v := int(data[0])
			data = data[1:]
			return v
		}
		b := newTblFake()
		ncols := 1 + next()%5
		cols := make([]Column, ncols)
		for i := range cols {
			if v := next(); v%4 == 0 {
				cols[i].Width = float64(v % 40)
			} else {
				cols[i].Weight = float64(v % 5)
			}
		}
		tb := &Table{Columns: cols, PadX: float64(next()%3) / 2, PadY: float64(next()%3) / 2, Border: 0.2, MinLines: next() % 4}
		if next()%2 == 0 {
			tb.Header = []Row{{Cells: []Cell{b.header(0, 0, ncols, 1, next()%3)}}}
		}
		nrows := next() % 12
		for r := range nrows {
			row := Row{Group: next()%6 == 0}
			for c := 0; c < ncols; {
				span, rs := 1+next()%2, 1+next()%3%2
				row.Cells = append(row.Cells, b.cell(r, c, span, rs, next()%50, next()%20))
				c += span + next()%2
			}
			tb.Rows = append(tb.Rows, row)
		}
		ex := tblExpect{first: first, full: full, keep: float64(next() % 64), loose: true, anyShape: true}
		lay, err := tb.Layout(120, ex.regions())
		if err != nil {
			return
		}
		tblCheck(t, tb, b, lay, ex)
		tblCheckRows(t, tb, lay)
	})
}

func TestPagePlace(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	tb := b.simple(b.row(0, 1, 1, 1))
	lay, err := tb.Layout(150, Regions{First: 100, Full: 100})
	if err != nil {
		t.Fatal(err)
	}
	frags := lay.Fragments
	// Place moves the fragment's boxes: compare with a copy.
	f := Fragment{Texts: slices.Clone(frags[0].Texts), Lines: slices.Clone(frags[0].Lines),
		Rects: slices.Clone(frags[0].Rects), Frames: slices.Clone(frags[0].Frames)}
	p := Page{Frames: []Frame{{Kind: "block"}}, Texts: []Text{{S: "before", Frame: 1}, {S: "loose"}}}
	p.Place(frags[0], 10, 20)
	if len(p.Frames) != 1+len(f.Frames) || len(p.Texts) != 2+len(f.Texts) || len(p.Lines) != len(f.Lines) || len(p.Rects) != len(f.Rects) {
		t.Fatalf("page has %d frames, %d texts, %d lines, %d rects", len(p.Frames), len(p.Texts), len(p.Lines), len(p.Rects))
	}
	for i, tx := range p.Texts[2:] {
		src := f.Texts[i]
		if tx.Frame != src.Frame+1 || tx.X != src.X+10 || tx.Y != src.Y+20 {
			t.Errorf("text %+v placed as %+v", src, tx)
		}
		fr := p.Frames[tx.Frame-1]
		if tx.Y < fr.Y || tx.Y > fr.Y+fr.H {
			t.Errorf("text %q outside its frame after placing", tx.S)
		}
	}
	if l := p.Lines[0]; l.X1 != f.Lines[0].X1+10 || l.Y2 != f.Lines[0].Y2+20 {
		t.Errorf("line %+v placed as %+v", f.Lines[0], l)
	}
	if r := p.Rects[0]; r.X != f.Rects[0].X+10 || r.Y != f.Rects[0].Y+20 {
		t.Errorf("rect %+v placed as %+v", f.Rects[0], r)
	}
	// On an empty page the fragment's own slices are taken, moved the same.
	lay, err = tb.Layout(150, Regions{First: 100, Full: 100})
	if err != nil {
		t.Fatal(err)
	}
	var q Page
	q.Place(lay.Fragments[0], 10, 20)
	for i, tx := range q.Texts {
		if src := f.Texts[i]; tx.Frame != src.Frame || tx.X != src.X+10 || tx.Y != src.Y+20 {
			t.Errorf("on an empty page, text %+v placed as %+v", src, tx)
		}
	}
	if len(q.Frames) != len(f.Frames) || len(q.Texts) != len(f.Texts) || q.Frames[0].Y != f.Frames[0].Y+20 || q.Lines[0].X1 != f.Lines[0].X1+10 {
		t.Errorf("on an empty page: %d frames, %d texts, first frame %+v, first line %+v", len(q.Frames), len(q.Texts), q.Frames[0], q.Lines[0])
	}
}

// tblPK is a lampiran-like table: two-level header, group rows, sasaran
// spanning their indicators, long Pengukuran cells with paragraph spacing.
func tblPK(b *tblFake, sasaran [][]int) *Table {
	tb := &Table{
		Columns: []Column{
			{Width: 8}, {Weight: 2}, {Width: 8}, {Weight: 2}, {Weight: 1}, {Weight: 5},
			{Width: 11}, {Width: 11}, {Width: 11}, {Width: 11}, {Width: 13}, {Width: 15},
		},
		PadX: 1.2, PadY: 0.8, Border: 0.2, MinLines: 2,
	}
	var top, sub []Cell
	for c := range 12 {
		switch {
		case c == 6:
			top = append(top, b.header(0, 6, 4, 1, 1))
		case c > 6 && c < 10:
		default:
			top = append(top, b.header(0, c, 1, 2, 1+c%2))
		}
		if c >= 6 && c < 10 {
			sub = append(sub, b.header(1, c, 1, 1, 1))
		}
	}
	tb.Header = []Row{{Cells: top}, {Cells: sub}}
	r := 0
	for s, inds := range sasaran {
		if s%3 == 0 {
			tb.Rows = append(tb.Rows, b.group(r, 12))
			r++
		}
		for i, n := range inds {
			var row Row
			if i == 0 {
				row.Cells = append(row.Cells, b.cell(r, 0, 1, len(inds), 1), b.cell(r, 1, 1, len(inds), 3+2*s))
			}
			row.Cells = append(row.Cells, b.cell(r, 2, 1, 1, 1), b.cell(r, 3, 1, 1, 3), b.cell(r, 4, 1, 1, 1),
				b.cell(r, 5, 1, 1, n, 3, n/2))
			for c := 6; c < 12; c++ {
				row.Cells = append(row.Cells, b.cell(r, c, 1, 1, 1))
			}
			tb.Rows = append(tb.Rows, row)
			r++
		}
	}
	return tb
}

func TestTableGolden(t *testing.T) {
	t.Parallel()
	b := newTblFake()
	tb := tblPK(b, [][]int{{5, 7}, {14, 30}, {4}, {40}, {6, 6, 6}, {12}})
	ex := tblExpect{first: 70, full: 150}
	lay := tblLayout(t, tb, b, 277, ex)
	got := tblDump(lay.Fragments)
	testutil.Golden(t, filepath.Join("testdata", "table", "pk.golden"), []byte(got))
	// Laying out again gives the same result.
	again, err := tb.Layout(277, ex.regions())
	if err != nil || tblDump(again.Fragments) != got {
		t.Errorf("second layout differs (err %v)", err)
	}
}

// tblDump prints fragments as frames with their words, fills and strokes,
// rounded to 0.01 mm.
func tblDump(frags []Fragment) string {
	var sb strings.Builder
	for i, f := range frags {
		fmt.Fprintf(&sb, "fragment %d %s x %s\n", i, tblMM(f.Width), tblMM(f.Height))
		words := make([][]string, len(f.Frames))
		for _, tx := range f.Texts {
			words[tx.Frame-1] = append(words[tx.Frame-1], tx.S)
		}
		for j, fr := range f.Frames {
			fmt.Fprintf(&sb, "  %-6s %s %s %s %s:", fr.Kind, tblMM(fr.X), tblMM(fr.Y), tblMM(fr.W), tblMM(fr.H))
			if len(words[j]) > 0 {
				sb.WriteString(" " + strings.Join(words[j], " "))
			}
			sb.WriteByte('\n')
		}
		for _, r := range f.Rects {
			fmt.Fprintf(&sb, "  fill %.2f %s %s %s %s\n", r.Fill, tblMM(r.X), tblMM(r.Y), tblMM(r.W), tblMM(r.H))
		}
		for _, l := range f.Lines {
			fmt.Fprintf(&sb, "  line %s %s %s %s\n", tblMM(l.X1), tblMM(l.Y1), tblMM(l.X2), tblMM(l.Y2))
		}
	}
	return sb.String()
}

func tblMM(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// BenchmarkTableLayout lays out 1,000 rows of three cells of 5-40 lines;
// the content is built beforehand so only the engine is measured.
func BenchmarkTableLayout(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	lines := func(key string, n int) Content {
		ls := tblContent(key, n)(50)
		return func(float64) []TextLine { return ls }
	}
	tb := &Table{
		Columns:  []Column{{Width: 20}, {Weight: 1}, {Weight: 3}},
		Header:   []Row{{Cells: []Cell{{Col: 0, Content: lines("h0", 1), Fill: 0.85}, {Col: 1, Content: lines("h1", 1), Fill: 0.85}, {Col: 2, Content: lines("h2", 1), Fill: 0.85}}}},
		PadX:     1,
		PadY:     1,
		Border:   0.2,
		MinLines: 2,
	}
	for r := range 1000 {
		var row Row
		for c := range 3 {
			row.Cells = append(row.Cells, Cell{Col: c, Content: lines(fmt.Sprintf("r%dc%d", r, c), 5+rng.IntN(36)), Fill: -1})
		}
		tb.Rows = append(tb.Rows, row)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tb.Layout(277, Regions{First: 120, Full: 180}); err != nil {
			b.Fatal(err)
		}
	}
}
