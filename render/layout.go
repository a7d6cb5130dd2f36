package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"pkgen/fonts"
	"pkgen/internal/panicsite"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/templates"
)

// Options are the inputs of Layout besides the document.
type Options struct {
	Templates *templates.Set // nil: the embedded wording and column sets
	// Created is recorded as the PDF's date; zero means the document's own
	// date, else 1 January of its year, so output never depends on the clock.
	Created time.Time
	Logo    []byte // optional PNG or JPEG printed above the statement heading
	// TTE lays the signature blocks out for an electronic signature
	// (tanda tangan elektronik): "Ditandatangani secara elektronik
	// oleh:", the jabatan, a square for the signature's image (holding
	// the QR code of [tanda_tangan] url_verifikasi when the document has
	// one), the name and NIP; and every page gets the note that the
	// document is signed with a BSrE certificate (template blocks tte_*).
	TTE bool
	// Jangkar, when not empty, is written as invisible text in the middle
	// of every signature area, for signing services that find the place
	// to sign by searching for a text. "{peran}" in it is replaced by the
	// signatory's role (pihak_pertama, pihak_kedua, mengetahui).
	Jangkar string
	// HanyaLampiran lays out the lampiran alone, without the statement
	// page (the document's hanya_lampiran does the same).
	HanyaLampiran bool
	// SmallestType lays the lampiran out at its smallest type only, without
	// looking for a larger one: every layout error shows there (a larger
	// type is taken only where it fits), so a check needs no more.
	SmallestType bool
	// Draf marks every page as a draft: a light diagonal "DRAF" under the
	// page and the note "DRAF — belum ditandatangani" at its foot
	// (template blocks draf_tanda, draf_catatan); no electronic-signature
	// note, since nothing is signed yet.
	Draf bool
	// FirstLayout, if set, is called with the first whole layout (the
	// lampiran at its smallest type) while Layout goes on looking for a
	// larger type; the layout it returns has the same text, mostly. The
	// document may be the one returned and must not be changed. It lets a
	// caller start work that depends on the text alone (the PDF's font
	// subsets) on a spare core.
	FirstLayout func(*Document)
}

// paper sizes, mm, portrait.
var papers = map[model.Kertas][2]float64{model.A4: {210, 297}, model.F4: {215, 330}}

var (
	statementMargins = Margins{Top: 20, Right: 20, Bottom: 20, Left: 25}
	lampiranMargins  = Margins{Top: 12, Right: 10, Bottom: 14, Left: 10}
)

// Type sizes, pt, and line spacing.
const (
	sizeHeading = 12
	sizeBody    = 11
	sizeIdent   = 10
	sizeTable   = 8
	sizeFolio   = 8
	leading     = 1.25
	tableLead   = 1.2
	signSpace   = 24 // room for a wet or electronic signature, mm
)

type layouter struct {
	doc  *model.Document
	tpl  *templates.Set
	opt  Options
	m    *Measurer
	f    formatter
	out  *Document
	flow *Flow
	// folioX is, per page, the left edge of its page number (0: none), so
	// the electronic-signature note stays clear of it; noteX the same for
	// a draft's note.
	folioX, noteX []float64
	// sections are the bookmarks of a lampiran's sections, under its own.
	sections []Bookmark
	// tableSize is the type size of the lampiran's tables, pt: the largest
	// of tableSizes that does not add a page (see Layout).
	tableSize float64
	// shown is the statement page shared by the layouts of one Layout call;
	// nil: laid out by this layout alone.
	shown *statementCache
	// pageLimit, if set, is the number of pages this layout may not exceed
	// (0: any), asked once the lampiran's table is measured: a type size
	// that cannot keep the pages of the smallest is given up there
	// (errPageLimit) instead of laid out to the end.
	pageLimit func() int
	// base is where the base layout of a Layout call (pageLimit nil)
	// leaves its lampiran table and the later ones find it
	// (scaledOverLimit); nil: none.
	base *baseHolder
	// spec is the table measured ahead for the size it names (nil: none).
	spec *specTable
}

// errPageLimit ends a layout whose pages would exceed its pageLimit; Layout
// takes it for "does not fit" and never returns it.
var errPageLimit = errors.New("render: more pages than the smallest type gives")

// noPageLimit lays every size out to the end, each measuring its own
// table; countLimited and countScaled, if set, are called when a layout is
// given up at its limit, the second when its table was not measured, and
// countSpec when a layout takes its table measured ahead (tests).
var (
	noPageLimit  bool
	countLimited func()
	countScaled  func()
	countSpec    func()
)

func newLayouter(doc *model.Document, tpl *templates.Set, opt Options) *layouter {
	size, ok := papers[doc.Kertas]
	if !ok {
		size = papers[model.A4]
	}
	out := &Document{}
	return &layouter{doc: doc, tpl: tpl, opt: opt, m: measurers.Get().(*Measurer), f: newFormatter(doc.FormatAngka), out: out, flow: NewFlow(out, size), tableSize: sizeTable}
}

// measurers hold the Measurers of finished layouts, their width caches
// and scratch warm for the next: the third layout of a Layout call, the
// next document of a batch.
var measurers = sync.Pool{New: func() any { return new(Measurer) }}

// templatesOf is opt's templates, or the embedded ones.
func templatesOf(opt Options) (*templates.Set, error) {
	if opt.Templates != nil {
		return opt.Templates, nil
	}
	return templates.Default()
}

// checkedTemplates is templatesOf, checked against doc (Check).
func checkedTemplates(doc *model.Document, opt Options) (*templates.Set, error) {
	tpl, err := templatesOf(opt)
	if err != nil {
		return nil, err
	}
	return tpl, Check(doc, tpl)
}

// Layout lays a validated document out as pages: the portrait statement
// page, then the landscape lampiran with its closing signatures.
func Layout(doc *model.Document, opt Options) (*Document, error) {
	tpl, err := checkedTemplates(doc, opt)
	if err != nil {
		return nil, err
	}
	// The lampiran's tables take the largest type size that does not add
	// a page: small type only where the content needs the room. Pages
	// never decrease as the size grows, so a bisection over the sizes
	// finds it in at most three layouts.
	// Every layout is a whole one, so the best is returned as it is.
	share := layoutShare{shown: &statementCache{}}
	if indicators(doc) <= concurrentIndicators {
		// The base's table, kept for the larger sizes' bound
		// (scaledOverLimit), is a whole layout's measure: held only
		// where two layouts at once are too (a long document holds one).
		share.base = &baseHolder{}
	}
	if opt.SmallestType {
		return layoutAt(doc, tpl, opt, tableSizes[0], share, nil)
	}
	// The smallest size and the bisection's first middle are laid out at
	// once (on two cores where there are two): the two are needed in any
	// case, and the bisection's result does not depend on the order. Not
	// for a long document, where two layouts in progress at once hold
	// noticeably more memory and the time saved matters less.
	lo, hi := 1, len(tableSizes)-1
	first := (lo + hi) / 2
	var (
		mid       *Document
		midErr    error
		basePages int // 0 until the base is laid out, and if it fails
		baseDone  = make(chan struct{})
	)
	// A larger size is compared with the base's pages, and given up as
	// soon as its table shows it cannot keep them (pageLimit); the middle
	// one, begun with the base, waits there for the base's count.
	limit := func() int {
		<-baseDone
		return basePages
	}
	var spec *specTable
	if indicators(doc) <= concurrentIndicators && first-1 >= lo {
		// The middle layout, which would wait for the base anyway,
		// first measures the table of the size tried next when the
		// middle does not fit: a long lampiran that fits only the
		// smallest size then gives that size up without measuring it on
		// the way. First, while the base lays out the statement page the
		// middle would wait for too.
		spec = &specTable{size: tableSizes[first-1], doc: doc, tpl: tpl, opt: opt}
		share.spec = spec
	}
	wait := func() {
		if spec != nil {
			spec.measure()
		}
		mid, midErr = layoutAt(doc, tpl, opt, tableSizes[first], share, limit)
	}
	if indicators(doc) <= concurrentIndicators {
		wait = goCarryPanic(wait)
	}
	base, err := layoutAt(doc, tpl, opt, tableSizes[0], share, nil)
	if err == nil {
		basePages = len(base.Pages)
	}
	close(baseDone)
	if err == nil && opt.FirstLayout != nil {
		opt.FirstLayout(base)
	}
	wait()
	if err != nil {
		return base, err
	}
	// Only the base's page count is needed from here: a later size that
	// fits replaces it, so at most two whole layouts are held at once.
	best := base
	base = nil
	for lo <= hi {
		m := (lo + hi) / 2
		d, err := mid, midErr
		if m != first {
			d, err = layoutAt(doc, tpl, opt, tableSizes[m], share, limit)
		}
		mid = nil
		first = -1
		if err != nil || len(d.Pages) > basePages {
			hi = m - 1
			continue
		}
		best, lo = d, m+1
	}
	return best, nil
}

// concurrentIndicators is the number of indicators up to which Layout
// lays two type sizes out at once: the seed has 28; at 1,000 the two ways
// take about the same time and memory, at 10,000 at once held up to a
// third more memory.
const concurrentIndicators = 500

// indicators counts the document's indicators (every section's: the
// sasaran of all sections are in doc.Sasaran).
func indicators(doc *model.Document) int {
	n := 0
	for _, s := range doc.Sasaran {
		n += len(s.Indikator)
	}
	return n
}

// goCarryPanic runs f on its own goroutine; the function it returns waits
// for f and panics with f's panic, if any, in the caller's goroutine, so the
// use case's catch sees it as a panic of Layout (the value names where it
// happened).
func goCarryPanic(f func()) (wait func()) {
	done := make(chan any, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- carriedPanic{r, panicsite.Of()}
				return
			}
			done <- nil
		}()
		f()
	}()
	return func() {
		if r := <-done; r != nil {
			panic(r)
		}
	}
}

// carriedPanic is a panic of another goroutine, re-raised by goCarryPanic.
type carriedPanic struct {
	value any
	site  string
}

func (p carriedPanic) String() string { return fmt.Sprintf("%v (%s)", p.value, p.site) }

// definitions holds definitions' Markdown parsed, for every layout of the
// process: the layouts of one Layout call, which may run at the same time
// (the first to need a text parses it, the other waits for it; parsing
// twice was a tenth of a layout's time), and the documents after it, which
// mostly repeat the definitions of their indicators (a batch of one
// office's PKs, a cascade, a preview rendered again: parsing was about 8%
// of a batch's time). A text's paragraphs depend on nothing but the text.
var definitions = newParaCache(512 << 10)

// paraCache is parsed paragraphs by their Markdown, in two generations:
// when the texts of the current one pass max bytes it becomes the old one
// and the old one is dropped; a text found in the old one moves back. So
// at most about twice max bytes of texts (and their paragraphs) are kept.
type paraCache struct {
	mu     sync.Mutex
	m, old map[string]*parsedParas
	size   int // bytes of the texts in m
	max    int
}

type parsedParas struct {
	once sync.Once
	ps   []Para
}

// get returns md's paragraphs, parsing them on first use; they are shared
// and must not be changed.
func (c *paraCache) get(md string, parse func(string) []Para) []Para {
	c.mu.Lock()
	e := c.m[md]
	if e == nil {
		if e = c.old[md]; e == nil {
			e = &parsedParas{}
		}
		if c.size+len(md) > c.max && len(c.m) > 0 {
			c.old, c.m, c.size = c.m, map[string]*parsedParas{}, 0
		}
		c.m[md] = e
		c.size += len(md)
	}
	c.mu.Unlock()
	e.once.Do(func() { e.ps = parse(md) })
	return e.ps
}

func newParaCache(max int) *paraCache {
	return &paraCache{m: map[string]*parsedParas{}, max: max}
}

// layoutShare is what the layouts of one Layout call share: the work that
// does not depend on the lampiran's type size.
type layoutShare struct {
	shown *statementCache
	base  *baseHolder
	spec  *specTable
}

// statementCache holds the statement page of one Layout call: nothing on
// it depends on the lampiran's type size, so the first layout to reach it
// lays it out (a tenth of a layout) and the others take it as it is.
type statementCache struct {
	once sync.Once
	done bool // laid out without error
	page Page
	mark Mark
	y    float64 // the flow's position below it
	err  error
}

// sharedStatement is l.statement, laid out once per Layout call. The page's
// slices are clipped, so that what each layout draws on it later (page
// numbers, paraf, notes) goes to a copy of its own.
func (l *layouter) sharedStatement() (Mark, error) {
	c := l.shown
	if c == nil {
		return l.statement()
	}
	mine := false
	c.once.Do(func() {
		mine = true
		c.mark, c.err = l.statement()
		if c.err != nil {
			return
		}
		p := &l.out.Pages[c.mark.Page]
		*p = p.clipped()
		c.page, c.y, c.done = *p, l.flow.y, true
	})
	switch {
	case mine || c.err != nil:
		return c.mark, c.err
	case !c.done || len(l.out.Pages) != c.mark.Page:
		// The layout that laid it out panicked (its caller re-raises
		// that), or this flow is not where that one was.
		return l.statement()
	}
	l.out.Pages = append(l.out.Pages, c.page)
	f := l.flow
	f.style, f.page, f.y = statementPage, c.mark.Page, c.y
	return c.mark, nil
}

// clipped is p with every slice's capacity cut to its length, so that an
// append copies rather than writes into an array another page shares.
func (p Page) clipped() Page {
	p.Background = slices.Clip(p.Background)
	p.Texts = slices.Clip(p.Texts)
	p.Lines = slices.Clip(p.Lines)
	p.Rects = slices.Clip(p.Rects)
	p.Images = slices.Clip(p.Images)
	p.Frames = slices.Clip(p.Frames)
	p.SignAreas = slices.Clip(p.SignAreas)
	return p
}

// tableSizes are the lampiran's type sizes, pt, smallest first: 8 pt, the
// size every lampiran had before, fits the most; up to 9.5 pt where the
// pages allow.
var tableSizes = []float64{8, 8.5, 9, 9.5}

// layoutAt lays the document out with the lampiran's tables at size pt.
func layoutAt(doc *model.Document, tpl *templates.Set, opt Options, size float64, share layoutShare, limit func() int) (*Document, error) {
	l := newLayouter(doc, tpl, opt)
	l.tableSize, l.shown, l.pageLimit, l.base, l.spec = size, share.shown, limit, share.base, share.spec
	if noPageLimit {
		l.pageLimit, l.base, l.spec = nil, nil, nil
	}
	out, err := l.layout()
	// Not after a panic, which may leave it in the middle of a paragraph.
	measurers.Put(l.m)
	return out, err
}

// layout lays the document out: the statement page, the lampiran, the
// change list, then what every page carries.
func (l *layouter) layout() (*Document, error) {
	doc, opt := l.doc, l.opt
	var statement *Mark
	paraf := l.parafLayout()
	if paraf != nil {
		l.flow.KeepFoot(paraf.h() + parafGap)
	}
	if !doc.HanyaLampiran && !opt.HanyaLampiran {
		m, err := l.sharedStatement()
		if err != nil {
			return nil, err
		}
		statement = &m
		l.out.Statement = true
	}
	if doc.Tandatangan.ParafDi != model.ParafSemua {
		l.flow.KeepFoot(0)
	}
	lampiran, err := l.lampiran()
	if err != nil {
		return nil, err
	}
	changes, err := l.daftarPerubahan()
	if err != nil {
		return nil, err
	}
	l.drawParaf(paraf)
	first := lampiran.Page
	if doc.NomorHalaman == model.HalamanSemua {
		first = 0
	}
	if err := l.folios(first); err != nil {
		return nil, err
	}
	if err := l.meta(statement, lampiran, changes); err != nil {
		return nil, err
	}
	return l.out, nil
}

// Check reports what makes a valid document unrenderable with a template
// set: an unknown column set (of the document or of a section), a budget
// table without budget rows, or budget rows no table of a sectioned
// lampiran prints. A section's problem is a *LayoutError naming its key.
func Check(doc *model.Document, set *templates.Set) error {
	cols, err := set.Lampiran(doc.Lampiran)
	if err != nil {
		return err
	}
	if cols.Anggaran != nil && len(doc.Anggaran) == 0 {
		return pesan.Errorf("lampiran %q memuat tabel %s: isi [[anggaran]] di dokumen (uraian, jumlah, keterangan)", cols.Nama, cols.Anggaran.Uraian)
	}
	for _, s := range doc.Sections() {
		if s.Index == 0 || s.Bagian.Lampiran == "" {
			continue
		}
		if _, err := set.Lampiran(s.Lampiran); err != nil {
			return layoutErrorf(s.KeyPath()+".lampiran", "%s: kolom lampiran %q tidak dikenal; tersedia: %s (atau berkas lampiran-NAMA.toml sendiri di templat)",
				s.Lampiran, strings.Join(set.LampiranNames(), ", "))
		}
	}
	// The budget table's words are the document's column set's; with
	// sections that set is easily left at its default, which has none.
	if len(doc.Bagian) > 0 && cols.Anggaran == nil && len(doc.Anggaran) > 0 {
		return layoutErrorf("lampiran", "%s: [[anggaran]] diisi, tetapi lampiran %q tidak memuat tabel anggaran; tabel anggaran memakai kolom lampiran dokumen: tulis mis. lampiran = \"eselon2\" di awal dokumen", cols.Nama)
	}
	return nil
}

// data is what the templates see.
type data struct {
	Tahun        int
	Jenis        string
	Tempat       string
	Tanggal      string // empty when left blank
	Kosong       string // blank room for a hand-written date
	TingkatJudul string
	PihakPertama *model.Pihak
	PihakKedua   *model.Pihak
	// For a sentence naming the year's targets.
	JumlahSasaran   int
	JumlahIndikator int
	TotalAnggaran   string         // "Rp 12.345.678.900", empty without a budget
	Perubahan       *perubahanData // nil for an original PK
}

// perubahanData is what the templates know of an amendment.
type perubahanData struct {
	Ke             int
	Mengubah       string // the amended version's title: "Perjanjian Kinerja Tahun 2023"
	Berlaku        string // "1 Juli 2023"
	Triwulan       int
	TriwulanRomawi string // "III"
	Alasan         string // "pejabat", "strategi", "prioritas"
	Keterangan     string
}

// roman are the quarters' Roman numerals, by quarter (1..4).
var roman = [...]string{"", "I", "II", "III", "IV"}

func (l *layouter) data() (data, error) {
	d := data{Tahun: l.doc.Tahun, Jenis: string(l.doc.Jenis), Tempat: l.doc.Tempat,
		Kosong: strings.Repeat("\u00a0", 28), PihakPertama: &l.doc.PihakPertama, PihakKedua: l.doc.PihakKedua,
		JumlahSasaran: len(l.doc.Sasaran), JumlahIndikator: l.doc.JumlahIndikator()}
	if len(l.doc.Anggaran) > 0 {
		d.TotalAnggaran = l.f.rupiah("Rp", TotalAnggaran(l.doc.Anggaran))
	}
	if p := l.doc.Perubahan; p != nil {
		pd := &perubahanData{Ke: p.Ke, Berlaku: tanggal(p.Berlaku), Triwulan: p.Triwulan,
			Alasan: string(p.Alasan), Keterangan: strings.TrimSuffix(p.Keterangan, ".") + "."}
		if p.Keterangan == "" {
			pd.Keterangan = ""
		}
		if p.Triwulan >= 1 && p.Triwulan <= 4 {
			pd.TriwulanRomawi = roman[p.Triwulan]
		}
		// The amended version's title, in its own words.
		asal := data{Tahun: l.doc.Tahun}
		if p.Asal != nil && p.Asal.Perubahan != nil {
			asal.Perubahan = &perubahanData{Ke: p.Asal.Perubahan.Ke}
		} else if p.Asal == nil && p.Ke > 1 {
			asal.Perubahan = &perubahanData{Ke: p.Ke - 1}
		}
		var err error
		if pd.Mengubah, err = l.words("judul_asal", asal); err != nil {
			return d, err
		}
		d.Perubahan = pd
	}
	if t := l.doc.Tanggal; t != nil && l.doc.TanggalBulan {
		d.Tanggal = bulan[t.Month()-1] + " " + strconv.Itoa(t.Year())
	} else if t != nil {
		d.Tanggal = tanggal(*t)
	}
	t, err := l.words("tingkat_"+string(l.doc.Tingkat), d)
	d.TingkatJudul = t
	return d, err
}

// words executes a template block, or its variant for the document's
// level ("janji/eselon-i") when the templates have one.
func (l *layouter) words(block string, d any) (string, error) {
	block = l.tpl.ForTingkat(block, string(l.doc.Tingkat))
	return l.tpl.Text(block, d)
}

// rich turns template words (with **bold**) into paragraphs. A newline in
// a template is a line break on the page; a blank line starts a paragraph.
func (l *layouter) rich(block string, d any, base fonts.Style, align Align) ([]Para, error) {
	s, err := l.words(block, d)
	if err != nil {
		return nil, err
	}
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.ReplaceAll(strings.TrimSpace(p), "\n", "\\\n")
	}
	ps := RichParas(strings.Join(paras, "\n\n"), base, 0)
	for i := range ps {
		ps[i].Align = align
	}
	return ps, nil
}

// linesBox is laid-out lines as a block of the flow: a frame of the given
// kind, w wide, dx from the region's left edge.
func linesBox(lines []TextLine, dx, w float64, kind string) Box {
	return Box{H: height(lines), Draw: func(p *Page, x, y float64) float64 {
		return p.put(lines, x+dx, y, w, kind)
	}}
}

// put draws laid-out lines at (x, y) inside a new frame of the given kind and
// width, and returns the y below them.
func (p *Page) put(lines []TextLine, x, y, w float64, kind string) float64 {
	h := 0.0
	for _, ln := range lines {
		h += ln.Height
	}
	p.Frames = append(p.Frames, Frame{X: x, Y: y, W: w, H: h, Kind: kind})
	frame := len(p.Frames)
	for _, ln := range lines {
		for _, r := range ln.Runs {
			p.Texts = append(p.Texts, Text{X: x + r.X, Y: y + ln.Ascent, Style: r.Style, Size: r.Size,
				S: r.Text, Width: r.Width, Underline: r.Underline, Frame: frame})
		}
		y += ln.Height
	}
	return y
}

func height(lines []TextLine) float64 {
	h := 0.0
	for _, ln := range lines {
		h += ln.Height
	}
	return h
}

// folios numbers the pages from first "Halaman k dari n", counting every
// page, and then adds a draft's marks, or the electronic-signature note
// when asked (both are placed beside the numbers).
func (l *layouter) folios(first int) error {
	if err := l.numberPages(first); err != nil {
		return err
	}
	if l.opt.Draf {
		return l.draftMarks()
	}
	if l.opt.TTE {
		return l.tteNote()
	}
	return nil
}

func (l *layouter) numberPages(first int) error {
	n := len(l.out.Pages)
	l.folioX = make([]float64, n)
	for i := first; i < n; i++ {
		s, err := l.words("halaman", struct{ Halaman, Jumlah int }{i + 1, n})
		if err != nil {
			return err
		}
		p := &l.out.Pages[i]
		mg := lampiranMargins
		if !p.Landscape() {
			mg = statementMargins // the statement page, numbered by nomor_halaman
		}
		w := p.Width - mg.Left - mg.Right
		lines := l.m.Block(PlainParas(s, fonts.Regular, AlignCenter), w, sizeFolio, leading)
		if err := inMargin(lines, mg.Bottom-4-3, "halaman", pesan.Key("nomor halaman")); err != nil {
			return err
		}
		p.put(lines, mg.Left, p.Height-mg.Bottom+4, w, "folio")
		for _, ln := range lines {
			for _, r := range ln.Runs {
				if x := mg.Left + r.X; l.folioX[i] == 0 || x < l.folioX[i] {
					l.folioX[i] = x
				}
			}
		}
	}
	return nil
}

// inMargin checks that lines of a template block fit in room, the height
// left for them in a page's bottom margin.
func inMargin(lines []TextLine, room float64, block, what string) error {
	if h := height(lines); h > room+tableEps {
		return layoutErrorf(templateKey(block), "%s: %s setinggi %.1f mm tidak muat di tepi bawah halaman (%.1f mm): persingkat", pesan.M(what), h, room)
	}
	return nil
}

// meta sets the document information and the outline: the statement, the
// lampiran and, when there is one, the change annex begin at the marks.
func (l *layouter) meta(statement *Mark, lampiran Mark, changes *Mark) error {
	d, err := l.data()
	if err != nil {
		return err
	}
	subject, err := l.words("judul_lampiran", d)
	if err != nil {
		return err
	}
	title, err := l.words("judul_asal", d)
	if err != nil {
		return err
	}
	bm1, err := l.words("bookmark_pernyataan", d)
	if err != nil {
		return err
	}
	bm2, err := l.words("bookmark_lampiran", d)
	if err != nil {
		return err
	}
	p := l.doc.PihakPertama
	created := l.opt.Created
	if created.IsZero() {
		if l.doc.Tanggal != nil {
			created = *l.doc.Tanggal
		} else {
			created = time.Date(l.doc.Tahun, 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	titled := title
	if l.doc.HasParties() {
		titled += " — " + p.JabatanLengkap()
	}
	l.out.Meta = Meta{
		Title:    titled,
		Author:   l.f.nama(p, false),
		Subject:  subject,
		Keywords: keywords("Perjanjian Kinerja", fmt.Sprint(l.doc.Tahun), p.Jabatan, p.UnitKerja),
		Creator:  "pkgen",
		Created:  created.UTC(),
	}
	l.out.Outline = nil
	if statement != nil {
		l.out.Outline = append(l.out.Outline, Bookmark{Title: bm1, Page: statement.Page, Y: statement.Y})
	}
	l.out.Outline = append(l.out.Outline, Bookmark{Title: bm2, Page: lampiran.Page, Y: lampiran.Y})
	l.out.Outline = append(l.out.Outline, l.sections...)
	if changes != nil {
		bm3, err := l.words("bookmark_daftar_perubahan", d)
		if err != nil {
			return err
		}
		l.out.Outline = append(l.out.Outline, Bookmark{Title: bm3, Page: changes.Page, Y: changes.Y})
	}
	return nil
}

// keywords joins the words given: an official without a unit kerja (a
// Direktur Jenderal) leaves no trailing comma, which the XMP copy of the
// keywords would not have.
func keywords(words ...string) string {
	var out []string
	for _, w := range words {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, ", ")
}

// logo returns the logo's box size for a height, keeping its aspect ratio.
func logoSize(img []byte, h float64) (w float64, kind string, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return 0, "", pesan.Errorf("logo: gambar tidak terbaca (%v); gunakan PNG atau JPEG", err)
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		return 0, "", pesan.Errorf("logo: gambar berukuran nol")
	}
	kind = format
	if kind == "jpeg" {
		kind = "jpg"
	}
	return h * float64(cfg.Width) / float64(cfg.Height), kind, nil
}
