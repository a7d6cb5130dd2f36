// Package render lays a validated PK out as pages of positioned boxes. It is
// pure geometry: lengths are millimetres from the page's top-left corner (y
// grows downwards), font sizes are points, and nothing here writes a PDF.
package render

import (
	"time"

	"pkgen/fonts"
)

// PtToMM converts points to millimetres.
const PtToMM = 25.4 / 72

// Document is a laid-out document, ready for a backend to draw.
type Document struct {
	Pages   []Page
	Outline []Bookmark
	Meta    Meta
}

// Meta is the document information a backend records.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	Created                                   time.Time // fixed, so output is reproducible
}

// Bookmark is one outline entry pointing at a place on a page.
type Bookmark struct {
	Title string
	Level int
	Page  int     // index into Document.Pages
	Y     float64 // mm from the top of that page
}

// Page is one sheet. Backends draw Rects, then Images, then Lines, then Texts.
type Page struct {
	Width, Height float64 // mm; Width > Height means landscape
	Texts         []Text
	Lines         []Line
	Rects         []Rect
	Images        []Image
	// Frames record where layout placed cells and blocks, for tests that check
	// every text stays inside its frame. Backends ignore them.
	Frames []Frame
}

// Landscape reports whether the page is wider than tall.
func (p *Page) Landscape() bool { return p.Width > p.Height }

// Text is a run of text in one style drawn at a baseline.
type Text struct {
	X, Y      float64 // start of the baseline
	Style     fonts.Style
	Size      float64 // pt
	S         string
	Width     float64 // measured advance, mm
	Underline bool
	Frame     int // 1-based index into Page.Frames; 0 when outside any frame
}

// Line is a stroked segment.
type Line struct {
	X1, Y1, X2, Y2 float64
	Width          float64 // stroke width, mm
}

// Rect is a rectangle, filled with a grey level or a colour, and/or stroked.
type Rect struct {
	X, Y, W, H float64
	Fill       float64 // grey 0 (black) .. 1 (white); negative: not filled
	Color      *RGB    // when set (and Fill >= 0), the fill colour instead of grey
	Stroke     float64 // stroke width, mm; 0: not stroked
}

// RGB is a device RGB colour.
type RGB struct{ R, G, B uint8 }

// Image is a raster image placed in a box.
type Image struct {
	X, Y, W, H float64
	Data       []byte
	Type       string // "png" or "jpg"
	Name       string // stable name, so identical images are stored once
}

// Frame is a region that owns texts (a table cell part, a signature block).
type Frame struct {
	X, Y, W, H float64
	Kind       string // "cell", "header", "group", "signature", "block"
}

// Run is a piece of a laid-out line: text in one style at an offset.
type Run struct {
	X         float64 // mm from the line's left edge
	Style     fonts.Style
	Size      float64 // pt
	Text      string
	Width     float64 // mm
	Underline bool
}

// TextLine is one laid-out line. A line without runs is vertical space
// (between paragraphs) that may be dropped at the top of a continued cell.
type TextLine struct {
	Height float64 // advance to the next line, mm
	Ascent float64 // from the line's top to its baseline, mm
	Width  float64 // extent of the runs, mm
	Runs   []Run
}
