// Package pdf draws a laid-out render.Document as a PDF. It is the only
// package that uses the PDF library (fpdf); everything above it deals in
// millimetres and points only.
//
// Output is reproducible: the same Document gives the same bytes. The
// document dates are Meta.Created (in UTC, to the second); a zero Created
// is written as 2000-01-01T00:00:00Z, never as the current time, so callers
// that want a real date must set it.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"pkgen/fonts"
	"pkgen/pesan"
	"pkgen/render"
)

// epoch stands in for a zero Meta.Created.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// maxPageMM is the largest page side PDF allows (14400 units of 1/72 in).
const maxPageMM = 14400 * render.PtToMM

// k converts millimetres to points, as fpdf does for unit "mm".
const k = 72 / 25.4

// Options are the choices a PDF is written with, beyond its layout.
type Options struct {
	// PDFA writes an archival PDF (PDF/A-3b): XMP metadata, an sRGB
	// output intent, opaque images, no glyph the font lacks.
	PDFA bool
	// Sources are the files the document was made from (the TOML of the
	// PK and of every version it amends, or a realisasi report and its
	// PK). They are embedded, so the document can be rebuilt from the PDF
	// alone, and listed both in the EmbeddedFiles name tree (which viewers
	// show) and, for PDF/A, in the catalog's /AF.
	Sources []Source

	ahead *aheadStreams // the sources deflated ahead (PrepareSources)
}

// Source is one file embedded in a PDF.
type Source struct {
	Name string // file name, with forward slashes, relative to the first source's folder
	Desc string // what it is, for a viewer's list of attachments
	Data []byte
}

// testOptions are knobs for tests only.
type testOptions struct {
	noCompress bool // leave page content streams readable
	later      bool // compress them with compressPages, whatever the length
	now        bool // compress them in fpdf, whatever the length
}

// Write renders doc as a PDF to w; nothing is written if it fails.
//
// Every page keeps its own size and orientation. Only the font styles some
// Text uses are embedded, as subsets. Text is black, drawn at its baseline;
// runes the font lacks draw as the missing-glyph box (as '?' in PDF/A), and
// invalid UTF-8 or runes beyond U+FFFF as U+FFFD. An underline spans
// Text.Width. Rects with Fill < 0 are not filled; Rects with Stroke <= 0
// and Lines with Width <= 0 are not stroked. Outline entries must be in
// page order; levels are clamped into a tree and Y onto the page. Invalid
// input (no pages, a non-finite number, a font size <= 0, an undecodable
// image, a source name that is not a relative slash-separated path, ...)
// is an error.
func Write(w io.Writer, doc *render.Document, opt Options) (err error) {
	defer catch(&err, pesan.Key("pdf: pustaka PDF (fpdf) gagal (%v)"))
	b, err := build(doc, opt, testOptions{})
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// Bytes renders doc as a PDF, as Write does.
func Bytes(doc *render.Document, opt Options) (b []byte, err error) {
	defer catch(&err, pesan.Key("pdf: pustaka PDF (fpdf) gagal (%v)"))
	return build(doc, opt, testOptions{})
}

// build checks its input first; fpdf panics on some inputs (truncated
// UTF-8, odd PNG chunks), and the entry points' catch is the last line of
// defence, so a library bug still surfaces as an error.
func build(doc *render.Document, opt Options, test testOptions) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("pdf: nil document")
	}
	if err := check(doc); err != nil {
		return nil, err
	}
	names, err := sourceNames(opt.Sources)
	if err != nil {
		return nil, err
	}
	imgs, err := prepareImages(doc, opt.PDFA)
	if err != nil {
		return nil, err
	}
	w := &writer{doc: doc, imgs: imgs, opt: opt, names: names, test: test}
	w.later = !test.noCompress && !test.now && (len(doc.Pages) > laterPages || test.later)
	w.f = newFpdf(doc, !test.noCompress && !w.later)
	return w.run()
}

// laterPages is the number of pages above which page contents are
// compressed after fpdf is done, on several cores (see compressPages);
// a shorter document (the seed has 13 pages, about 150 kB of contents)
// has fpdf compress them as it writes, which saves parsing and copying the
// whole file again. Both give the same bytes (TestCompressBothWays).
const laterPages = 40

func newFpdf(doc *render.Document, compress bool) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(compress)
	f.SetCatalogSort(true) // fonts and images in a fixed order
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)

	m := doc.Meta
	// Strings go in pre-encoded (isUTF8 false) because fpdf's own UTF-16
	// conversion mangles runes beyond the BMP.
	for _, s := range []struct {
		v   string
		set func(string, bool)
	}{
		{m.Title, f.SetTitle},
		{m.Author, f.SetAuthor},
		{m.Subject, f.SetSubject},
		{m.Keywords, f.SetKeywords},
		{m.Creator, f.SetCreator},
	} {
		if s.v != "" {
			s.set(utf16Text(s.v), false)
		}
	}
	f.SetProducer(producer, false)
	created := m.Created
	if created.IsZero() {
		created = epoch
	}
	created = created.UTC()
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	return f
}

// check rejects what fpdf would turn into a broken file or a panic.
func check(doc *render.Document) error {
	if len(doc.Pages) == 0 {
		return errors.New("pdf: document has no pages")
	}
	if y := doc.Meta.Created.UTC().Year(); !doc.Meta.Created.IsZero() && (y < 1 || y > 9999) {
		return fmt.Errorf("pdf: Meta.Created %v: year out of range", doc.Meta.Created)
	}
	for i := range doc.Pages {
		if err := checkPage(&doc.Pages[i]); err != nil {
			return fmt.Errorf("pdf: Pages[%d]: %w", i, err)
		}
	}
	for i, b := range doc.Outline {
		if b.Page < 0 || b.Page >= len(doc.Pages) {
			return fmt.Errorf("pdf: Outline[%d] %q: page %d out of range", i, b.Title, b.Page)
		}
		// fpdf ties a bookmark to the page being drawn, so it can only
		// add them in page order; reordering would reshape the tree.
		if i > 0 && b.Page < doc.Outline[i-1].Page {
			return fmt.Errorf("pdf: Outline[%d] %q: page %d after page %d; the outline must be in page order", i, b.Title, b.Page, doc.Outline[i-1].Page)
		}
		if !finite(b.Y) {
			return fmt.Errorf("pdf: Outline[%d] %q: y %v", i, b.Title, b.Y)
		}
	}
	return nil
}

func checkPage(p *render.Page) error {
	if !finite(p.Width, p.Height) || p.Width <= 0 || p.Height <= 0 || p.Width > maxPageMM || p.Height > maxPageMM {
		return fmt.Errorf("invalid size %v×%v mm", p.Width, p.Height)
	}
	for i, t := range texts(p) {
		switch {
		case !finite(t.Gray, t.Angle) || t.Gray < 0 || t.Gray > 1:
			return fmt.Errorf("Texts[%d] %q: invalid grey or angle", i, t.S)
		case !finite(t.Size) || t.Size <= 0:
			return fmt.Errorf("Texts[%d] %q: invalid font size %v", i, t.S, t.Size)
		case !finite(t.X, t.Y, t.Width):
			return fmt.Errorf("Texts[%d] %q: non-finite position", i, t.S)
		case int(t.Style) >= len(fonts.Styles):
			return fmt.Errorf("Texts[%d] %q: unknown style %d", i, t.S, t.Style)
		}
	}
	for i, l := range p.Lines {
		if !finite(l.X1, l.Y1, l.X2, l.Y2, l.Width) {
			return fmt.Errorf("Lines[%d]: non-finite value", i)
		}
	}
	for i, r := range p.Rects {
		if !finite(r.X, r.Y, r.W, r.H, r.Fill, r.Stroke) {
			return fmt.Errorf("Rects[%d]: non-finite value", i)
		}
	}
	for i, im := range p.Images {
		if !finite(im.X, im.Y, im.W, im.H) || im.W <= 0 || im.H <= 0 {
			return fmt.Errorf("Images[%d] %q: invalid box", i, im.Name)
		}
	}
	return nil
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// writer holds the drawing state of one Write.
type writer struct {
	doc   *render.Document
	f     *fpdf.Fpdf
	imgs  *imageSet
	opt   Options
	names []string // of opt.Sources, checked
	test  testOptions
	later bool // compress page contents after fpdf (compressPages)

	prepared sync.WaitGroup // prepareSubsets' goroutine
	drawn    atomic.Bool    // run is done with the document's pages

	fontSet   bool // a font has been selected (fpdf then encodes titles itself)
	style     fonts.Style
	size      float64
	underline [len(fonts.Styles)]*underlineMetrics
}

func (w *writer) run() ([]byte, error) {
	writing.Add(1)
	defer writing.Add(-1)
	defer w.prepared.Wait() // prepareSubsets reads the document
	defer w.drawn.Store(true)
	f := w.f
	// Register only the faces in use: fpdf parses and embeds every
	// registered font.
	styles := usedStyles(w.doc)
	for _, st := range styles {
		addFace(f, st)
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: fonts: %w", err)
	}
	w.prepareSubsets(styles)
	// The page contents are compressed on two cores when the document
	// is closed, where a core is spare.
	f.SetCompressionBeside(spareCore())
	for _, e := range w.imgs.list {
		f.RegisterImageOptionsReader(e.id, fpdf.ImageOptions{ImageType: e.typ}, bytes.NewReader(e.data))
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("pdf: image %q: %w", e.name, err)
		}
	}

	all := outline(w.doc)
	marks := all
	last := w.doc.Pages[len(w.doc.Pages)-1].Height
	for i := range w.doc.Pages {
		p := &w.doc.Pages[i]
		f.SetNextPageSize(contentSize(p))
		f.AddPageFormat(pageFormat(p))
		// fpdf's Bookmark records the current page, so bookmarks are
		// added right after their page.
		for len(marks) > 0 && marks[0].Page == i {
			w.bookmark(marks[0], p.Height, last)
			marks = marks[1:]
		}
		w.background(p)
		w.rects(p)
		w.images(p)
		w.lines(p)
		w.texts(p)
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
	}
	var buf keep
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if h := subsetsDone.Load(); h != nil {
		taken, late, madeAgain := f.PreparedSubsets()
		(*h)(w.doc, taken, late, madeAgain)
	}
	out := buf.b
	if w.later {
		var err error
		if out, err = compressPages(out); err != nil {
			return nil, fmt.Errorf("pdf: compress: %w", err)
		}
	}
	if err := fixOutlineCounts(out, childCounts(all)); err != nil {
		return nil, fmt.Errorf("pdf: outline: %w", err)
	}
	if w.opt.PDFA && bytes.Contains(out, []byte("/S /Transparency")) {
		// fpdf adds page groups once anything is transparent; images
		// are made opaque for PDF/A, so this is a bug here.
		return nil, errors.New("pdf: PDF/A: transparency in the output")
	}
	out, err := finish(out, w.doc, w.opt, w.names, topLevel(all))
	if err != nil {
		return nil, fmt.Errorf("pdf: PDF/A: %w", err)
	}
	return out, nil
}

// keep receives fpdf's finished file. fpdf's Output writes it in one Write
// of its own buffer (bytes.Buffer.WriteTo) and never touches that buffer
// again, so the first Write's bytes are kept rather than copied (unlike
// what io.Writer promises; the file is up to a few MB). Later Writes, which
// fpdf does not make, are appended to a copy.
type keep struct{ b []byte }

func (k *keep) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b[:len(k.b):len(k.b)], p...)
	}
	return len(p), nil
}

// usedStyles lists the faces that some non-empty Text uses, in fixed order.
func usedStyles(doc *render.Document) []fonts.Style {
	var used [len(fonts.Styles)]bool
	for i := range doc.Pages {
		for _, t := range texts(&doc.Pages[i]) {
			if t.S != "" {
				used[t.Style] = true
			}
		}
	}
	var out []fonts.Style
	for _, st := range fonts.Styles {
		if used[st] {
			out = append(out, st)
		}
	}
	return out
}

// texts yields a page's background texts, then its texts, numbered
// together, without copying them.
func texts(p *render.Page) iter.Seq2[int, *render.Text] {
	return func(yield func(int, *render.Text) bool) {
		for i := range p.Background {
			if !yield(i, &p.Background[i]) {
				return
			}
		}
		for i := range p.Texts {
			if !yield(len(p.Background)+i, &p.Texts[i]) {
				return
			}
		}
	}
}

// pageFormat gives fpdf the orientation and the portrait size; fpdf swaps
// the sides itself for "L".
func pageFormat(p *render.Page) (string, fpdf.SizeType) {
	size := fpdf.SizeType{Wd: min(p.Width, p.Height), Ht: max(p.Width, p.Height)}
	if p.Height >= p.Width {
		return "P", size
	}
	return "L", size
}

// topLevel counts the level-0 bookmarks of a normalised outline.
func topLevel(marks []render.Bookmark) int {
	n := 0
	for _, m := range marks {
		if m.Level == 0 {
			n++
		}
	}
	return n
}

// outline returns the bookmarks with levels that form a tree: the first is
// level 0 and none is more than one deeper than the one before. fpdf links
// outline items assuming both.
func outline(doc *render.Document) []render.Bookmark {
	marks := slices.Clone(doc.Outline)
	prev := -1
	for i := range marks {
		marks[i].Level = max(0, min(marks[i].Level, prev+1))
		prev = marks[i].Level
	}
	return marks
}

func (w *writer) bookmark(b render.Bookmark, height, last float64) {
	y := max(0, min(b.Y, height))
	// fpdf writes the destination as (h-y)*k with h the height of the
	// page that was current when the document was closed, i.e. the last
	// page, whatever page the bookmark is on. Shift y so that formula
	// gives this page's top-down y.
	y += last - height
	if y == -1 { // fpdf reads -1 as "the current position"
		y = math.Nextafter(-1, 0)
	}
	title := cleanText(b.Title)
	if !w.fontSet {
		// fpdf converts the title to UTF-16 only while a UTF-8 font is
		// selected; before the first SetFont it is stored as given.
		title = utf16Text(title)
	}
	w.f.Bookmark(title, b.Level, y)
}

func (w *writer) rects(p *render.Page) {
	f := w.f
	cur := render.RGB{} // fill colour; each page starts black
	for _, r := range p.Rects {
		fill, stroke := r.Fill >= 0, r.Stroke > 0
		style := ""
		switch {
		case fill && stroke:
			style = "FD"
		case fill:
			style = "F"
		case stroke:
			style = "D"
		default:
			continue
		}
		if fill {
			c := r.Color
			if c == nil {
				g := uint8(math.Round(min(r.Fill, 1) * 255))
				c = &render.RGB{R: g, G: g, B: g}
			}
			if *c != cur {
				f.SetFillColor(int(c.R), int(c.G), int(c.B))
				cur = *c
			}
		}
		if stroke {
			w.lineWidth(r.Stroke)
		}
		f.Rect(r.X, r.Y, r.W, r.H, style)
	}
	if cur != (render.RGB{}) {
		// Back to black: underlines are black fills, and fpdf wraps every
		// Text in a colour save/restore while fill and text colours differ.
		f.SetFillColor(0, 0, 0)
	}
}

func (w *writer) images(p *render.Page) {
	for _, im := range p.Images {
		e := w.imgs.byName[im.Name]
		opt := fpdf.ImageOptions{ImageType: e.typ, AllowNegativePosition: true}
		// A padded image (see imageSet) is wider by transparent columns
		// beyond the right edge of the box; opaque ones (PDF/A) are
		// clipped to the box.
		clip := e.scaleW != 1 && w.imgs.opaque
		if clip {
			w.f.ClipRect(im.X, im.Y, im.W, im.H, false)
		}
		w.f.ImageOptions(e.id, im.X, im.Y, im.W*e.scaleW, im.H, false, opt, 0, "")
		if clip {
			w.f.ClipEnd()
		}
	}
}

func (w *writer) lines(p *render.Page) {
	for _, l := range p.Lines {
		if l.Width <= 0 { // as Rect.Stroke: nothing to stroke
			continue
		}
		w.lineWidth(l.Width)
		w.f.Line(l.X1, l.Y1, l.X2, l.Y2)
	}
}

func (w *writer) lineWidth(v float64) {
	if v != w.f.GetLineWidth() {
		w.f.SetLineWidth(v)
	}
}

func (w *writer) texts(p *render.Page) {
	f := w.f
	for i := range p.Texts {
		t := &p.Texts[i]
		s, ok := drawn(t, w.opt.PDFA)
		if !ok {
			continue
		}
		// fpdf re-selects the current font at the start of every page, so
		// the selection carries over page breaks.
		if !w.fontSet || t.Style != w.style || t.Size != w.size {
			f.SetFont(fonts.Family, t.Style.String(), t.Size)
			w.fontSet, w.style, w.size = true, t.Style, t.Size
		}
		if t.Invisible {
			// Text render mode is graphics state: set it for this text only.
			f.SetTextRenderingMode(3)
			f.Text(t.X, t.Y, s)
			f.SetTextRenderingMode(0)
			continue
		}
		f.Text(t.X, t.Y, s)
		if t.Underline && t.Width > 0 {
			u := w.underlineFor(t.Style)
			em := t.Size * render.PtToMM
			f.Rect(t.X, t.Y+u.top*em, t.Width, u.thickness*em, "F")
		}
	}
}

// background draws the page's background texts, grey and turned; text
// colour and the turn are reset after each.
func (w *writer) background(p *render.Page) {
	f := w.f
	for i := range p.Background {
		t := &p.Background[i]
		s, ok := drawn(t, w.opt.PDFA)
		if !ok {
			continue
		}
		if !w.fontSet || t.Style != w.style || t.Size != w.size {
			f.SetFont(fonts.Family, t.Style.String(), t.Size)
			w.fontSet, w.style, w.size = true, t.Style, t.Size
		}
		g := int(math.Round(t.Gray * 255))
		f.SetTextColor(g, g, g)
		f.TransformBegin()
		f.TransformRotate(t.Angle, t.X, t.Y)
		f.Text(t.X, t.Y, s)
		f.TransformEnd()
		f.SetTextColor(0, 0, 0)
	}
}

func (w *writer) underlineFor(st fonts.Style) *underlineMetrics {
	if w.underline[st] == nil {
		u := readUnderline(fonts.TTF(st))
		w.underline[st] = &u
	}
	return w.underline[st]
}
