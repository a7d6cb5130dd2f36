package render

import (
	"slices"

	"pkgen/pesan"
)

// The table engine works on regions, like Typst's grid layouter: Layout gets
// the height left in the current region, the height of every region after it
// and the height of what must follow the table in its last region, and
// returns one fragment per region it fills, each starting with the header
// rows, and where every body row begins. It knows nothing of pages: the flow
// (flow.go) offers the regions and places the fragments. Stages live in
// their own files: table_grid.go resolves columns and spans,
// table_measure.go handles a cell's lines, table_split.go distributes rows
// over regions and table_compose.go turns the decisions into boxes.

// Content lays out a cell's content for an inner width (mm) and returns its
// lines. It is a function so the table can settle column widths first.
type Content func(width float64) []TextLine

// Column is one column's width: fixed, or a share of what fixed columns
// leave.
type Column struct {
	Width  float64 // fixed width, mm; 0 for a proportional column
	Weight float64 // share of the width left after the fixed columns
}

// Cell is one cell of a row. ColSpan and RowSpan of 0 mean 1.
type Cell struct {
	Col, ColSpan, RowSpan int
	Content               Content // nil: an empty cell
	Fill                  float64 // background grey 0 (black) .. 1; negative: none
	Color                 *RGB    // background colour instead of grey (Fill must be >= 0)
	Middle                bool    // centred vertically (headers)
	// Key is the input the cell's text comes from ("capaian.kategori[2].nama",
	// `templat "lampiran-dki"`), named when a header cannot fit on a page.
	Key string
	// Continued is what a body cell shows in its parts on later regions,
	// in place of what is left of Content: a sasaran's number and name
	// again, marked "(lanjutan)", so that a row starting a page says what
	// it belongs to. nil: the rest of Content, often nothing.
	Continued Content
	// paras is the text of Content, for Words; nil where not kept. small
	// follows it in small type (the capaian annex's formula lines).
	paras, small []Para
}

// Row is one table row.
type Row struct {
	Cells []Cell
	// Group marks a full-width group row ("Sasaran Strategis"): it is kept
	// with the start of the next row and never ends a fragment.
	Group bool
}

// Table describes a table to lay out over regions.
type Table struct {
	Columns    []Column
	Header     []Row // repeated at the top of every fragment, never split
	Rows       []Row
	PadX, PadY float64 // cell padding, mm
	Border     float64 // stroke width, mm; 0: no borders
	MinLines   int     // lines kept on each side of a break in a cell; 0 means 1
}

// Regions are the room a table is offered: what is left of the current
// region, then fresh regions of one height, as many as it needs.
type Regions struct {
	First float64 // height left in the current region, mm
	Full  float64 // height of every region after it, mm

	// Keep is the height (mm) of what must follow the table in its last
	// region (the closing signatures, kept with the table by the flow).
	// When the last fragment would leave less than Keep in its region, the
	// end of the table moves to a new fragment so that at least its last row
	// part (with at least MinLines lines of its tallest cell where the row
	// allows; the whole last row if it fits on a fresh region together with
	// Keep) stands in a region with room for what follows. When not even a
	// fresh region can hold that, the layout is the one without Keep.
	Keep float64
}

// TableLayout is a table laid out over regions.
type TableLayout struct {
	// Start is the region of the first fragment: 0, or 1 when not even the
	// header and the start of the first row fit in the first region.
	// Fragment i goes into region Start+i.
	Start     int
	Fragments []Fragment
	// Rows tells where each body row begins: the fragment holding its first
	// part and the top of that part. Bookmarks to rows point there.
	Rows []RowMark
}

// RowMark is where a body row begins in a table layout.
type RowMark struct {
	Fragment int     // index into TableLayout.Fragments
	Y        float64 // mm from the fragment's top
}

// Fragment is the part of a table placed in one region. Coordinates are
// relative to its top-left corner and Text.Frame indexes its own Frames.
type Fragment struct {
	Width, Height float64
	Texts         []Text
	Lines         []Line
	Rects         []Rect
	Frames        []Frame
}

// Layout lays the table out width wide over regions. The last fragment
// leaves r.Keep free in its region unless not even a fresh region can hold
// the end of the table with it.
func (t *Table) Layout(width float64, r Regions) (TableLayout, error) {
	g, err := newTableGrid(t, width)
	if err != nil {
		return TableLayout{}, err
	}
	return g.layout(r)
}

// layout checks the regions and paginates the grid over them.
func (g *tableGrid) layout(r Regions) (TableLayout, error) {
	if err := r.check(); err != nil {
		return TableLayout{}, err
	}
	return g.paginate(max(r.First, 0), r.Full, r.Keep)
}

// startsLater is layout(r).Start > 0, found by filling the first region
// only: a caption deciding where to stand need not build every fragment.
func (g *tableGrid) startsLater(r Regions) (bool, error) {
	if err := r.check(); err != nil {
		return false, err
	}
	first := max(r.First, 0)
	if g.nrows == 0 {
		return g.headOnlyLater(first, r.Full), nil
	}
	p := g.newPager(r.Full, r.Keep)
	p.fill(first, first >= r.Full)
	return p.steps == 0, nil
}

// check refuses regions no table can be laid out in.
func (r Regions) check() error {
	if !tableFinite(r.First) || !tableFinite(r.Full) {
		return pesan.Errorf("tabel: tinggi wilayah harus terhingga")
	}
	if r.Full <= 0 {
		return pesan.Errorf("tabel: tinggi wilayah penuh harus positif")
	}
	if !tableFinite(r.Keep) || r.Keep < 0 {
		return pesan.Errorf("tabel: Keep harus panjang terhingga >= 0, bukan %v", r.Keep)
	}
	return nil
}

// Place appends a fragment's boxes to the page with its top-left corner at
// (x, y), renumbering its frames after the page's own. It moves f's boxes
// in place and takes f's slices over where the page has none of a kind yet
// (a table's later pages), so f is not to be used after.
func (p *Page) Place(f Fragment, x, y float64) {
	base := len(p.Frames)
	for i := range f.Frames {
		fr := &f.Frames[i]
		fr.X += x
		fr.Y += y
	}
	for i := range f.Texts {
		t := &f.Texts[i]
		t.X += x
		t.Y += y
		if t.Frame > 0 {
			t.Frame += base
		}
	}
	for i := range f.Lines {
		l := &f.Lines[i]
		l.X1 += x
		l.X2 += x
		l.Y1 += y
		l.Y2 += y
	}
	for i := range f.Rects {
		r := &f.Rects[i]
		r.X += x
		r.Y += y
	}
	p.Frames = appendPlaced(p.Frames, f.Frames)
	p.Texts = appendPlaced(p.Texts, f.Texts)
	p.Lines = appendPlaced(p.Lines, f.Lines)
	p.Rects = appendPlaced(p.Rects, f.Rects)
}

// appendPlaced appends src to dst, or is src itself when dst is empty: a
// fragment's boxes were a page's second copy of them.
func appendPlaced[T any](dst, src []T) []T {
	if len(dst) == 0 {
		return src
	}
	return append(slices.Grow(dst, len(src)+pageAfter), src...)
}

// pageAfter is room for the boxes drawn on a page after its blocks (page
// number, notes, paraf), so that they do not copy its arrays once more.
const pageAfter = 8
