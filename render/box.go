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

// Document is a laid-out document, ready for a backend to draw. What a
// backend writes beyond the layout (an archival PDF, embedded source files)
// is the backend's option (pdf.Options), not part of the document.
type Document struct {
	Pages   []Page
	Outline []Bookmark
	Meta    Meta
	// Statement: page 1 is the portrait statement page (not for a
	// lampiran-only document).
	Statement bool
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

// Page is one sheet. Backends draw Background, then Rects, then Images,
// then Lines, then Texts.
type Page struct {
	Width, Height float64 // mm; Width > Height means landscape
	// Background texts are drawn under everything else: the light DRAF
	// across a draft's page, which no fill or text may be hidden by.
	Background []Text
	Texts      []Text
	Lines      []Line
	Rects      []Rect
	Images     []Image
	// Frames record where layout placed cells and blocks, for tests that check
	// every text stays inside its frame. Backends ignore them.
	Frames []Frame
	// SignAreas are the rectangles reserved for signatures, one per
	// signatory block on the page, in the order the blocks were placed.
	// Backends do not draw them; callers hand them to signing services.
	SignAreas []SignArea
}

// SignArea is the room left for one signature: between the jabatan lines
// and the name in a handwritten block, the square for the e-signature's
// image in an electronic one.
type SignArea struct {
	X, Y, W, H float64 // mm from the page's top-left corner, like every box
	Nama       string  // the signatory's name as printed, titles included
	Jabatan    string  // the jabatan as printed
	NIP        string  // plain digits; empty for a signatory without a NIP
	Peran      string  // "pihak_pertama", "pihak_kedua" or "mengetahui"
	Elektronik bool    // an electronic-signature block (the square)
	Jangkar    string  // the invisible anchor text written in it, if any
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
	// Invisible text is neither filled nor stroked (PDF text rendering
	// mode 3): it is there for text search and extraction only, as the
	// anchor an e-signature service looks for.
	Invisible bool
	// Gray (0 black, the default, .. 1 white) and Angle (degrees,
	// counter-clockwise about the start X, Y) are drawn for Background
	// texts; other texts are black and upright.
	Gray, Angle float64
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
	Kind       string // "cell", "header", "group", "continued" (Cell.Continued), "signature", "block"
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
