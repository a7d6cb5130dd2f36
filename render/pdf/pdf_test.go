package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"pkgen/fonts"
	"pkgen/internal/testutil"
	"pkgen/render"
	"pkgen/render/pdf/internal/pdfcpuconf"
)

func TestMain(m *testing.M) {
	api.DisableConfigDir() // pdfcpu would otherwise write a config file under $HOME
	os.Exit(m.Run())
}

// text builds a run with its width measured as layout would.
func text(x, y float64, st fonts.Style, size float64, s string) render.Text {
	w := float64(fonts.MustFace(st).Width(s)) / 1000 * size * render.PtToMM
	return render.Text{X: x, Y: y, Style: st, Size: size, S: s, Width: w}
}

// pngImage is a w×h PNG with a transparent left half, in colour c.
func pngImage(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if x >= w/2 {
				img.SetNRGBA(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Page sizes in mm.
var (
	a4P = [2]float64{210, 297}
	a4L = [2]float64{297, 210}
	f4P = [2]float64{215, 330}
)

func page(size [2]float64) render.Page { return render.Page{Width: size[0], Height: size[1]} }

const (
	txtTitle    = "PERJANJIAN KINERJA TAHUN 2025"
	txtBody     = "Pihak pertama berjanji akan mewujudkan target kinerja"
	txtMoney    = "Rp 1.250.000,00 – “tepat waktu” (100%) \\ selesai"
	txtUnder    = "Kepala Dinas Pendidikan"
	txtLand     = "Indikator Kinerja Utama"
	txtF4       = "Lampiran F4"
	titleCreate = "Perjanjian Kinerja"
)

func sampleDoc(t testing.TB) *render.Document {
	p1 := page(a4P)
	p1.Rects = []render.Rect{
		{X: 20, Y: 20, W: 170, H: 30, Fill: 0.9, Stroke: 0.3},
		{X: 20, Y: 55, W: 170, H: 5, Fill: 0.75, Stroke: 0},
		{X: 20, Y: 65, W: 170, H: 5, Fill: -1, Stroke: 0.2},
	}
	p1.Images = []render.Image{{X: 160, Y: 22, W: 20, H: 10, Data: pngImage(t, 40, 20, color.NRGBA{200, 0, 0, 255}), Type: "png", Name: "logo"}}
	p1.Lines = []render.Line{{X1: 20, Y1: 80, X2: 190, Y2: 80, Width: 0.5}, {X1: 20, Y1: 90, X2: 190, Y2: 90, Width: 0.2}}
	under := text(20, 120, fonts.Regular, 11, txtUnder)
	under.Underline = true
	p1.Texts = []render.Text{
		text(20, 40, fonts.Bold, 14, txtTitle),
		text(20, 100, fonts.Regular, 11, txtBody),
		text(20, 110, fonts.Regular, 11, txtMoney),
		under,
	}

	p2 := page(a4L)
	p2.Lines = []render.Line{{X1: 10, Y1: 30, X2: 287, Y2: 30, Width: 0.3}}
	p2.Texts = []render.Text{text(10, 20, fonts.Bold, 12, txtLand), text(10, 40, fonts.Regular, 9, "1. Persentase sekolah terakreditasi")}

	p3 := page(f4P)
	p3.Texts = []render.Text{text(20, 30, fonts.Bold, 12, txtF4)}

	p4 := page(a4L)
	p4.Texts = []render.Text{text(10, 20, fonts.Regular, 10, "Penutup")}

	return &render.Document{
		Pages: []render.Page{p1, p2, p3, p4},
		Outline: []render.Bookmark{
			{Title: titleCreate, Level: 0, Page: 0, Y: 30},
			{Title: "Lampiran – Indikator", Level: 0, Page: 1, Y: 15},
			{Title: "Rincian", Level: 1, Page: 1, Y: 100},
			// Last page is A4 landscape (210 mm high): 119+210-330 = -1,
			// the value fpdf reads as "current position".
			{Title: "Halaman F4", Level: 0, Page: 2, Y: 119},
			{Title: "Penutup", Level: 0, Page: 3, Y: 50},
		},
		Meta: render.Meta{
			Title: "Perjanjian Kinerja 2025", Author: "Dinas Pendidikan", Subject: "PK",
			Keywords: "perjanjian kinerja", Creator: "pkgen",
			Created: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		},
	}
}

// options are a test's choices: Write's and the test knobs.
type options struct {
	Options
	noCompress bool
}

func mustBuild(t testing.TB, doc *render.Document, opt options) []byte {
	t.Helper()
	b, err := build(doc, opt.Options, testOptions{noCompress: opt.noCompress})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return b
}

// strictConf is a configuration for strict validation, from pdfcpuconf:
// model.NewDefaultConfiguration reads the package variable pdfcpuconf
// writes once, which would race with a parallel test.
func strictConf() *model.Configuration { return pdfcpuconf.New(model.ValidationStrict) }

// validate runs pdfcpu's strict validation through Validate, which waives
// only the rule that /AFRelationship needs PDF 2.0 (see Validate and
// TestValidateWaivesOneRule).
func validate(t *testing.T, b []byte) {
	t.Helper()
	if err := Validate(b); err != nil {
		t.Fatalf("strict validation: %v", err)
	}
}

func readContext(t *testing.T, b []byte) *model.Context {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(b), strictConf())
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func TestValidStrict(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Write(&buf, sampleDoc(t), Options{}); err != nil {
		t.Fatal(err)
	}
	validate(t, buf.Bytes())
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.")) {
		t.Errorf("not a PDF: %q", buf.Bytes()[:8])
	}
}

func TestPages(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	dims, err := api.PageDims(bytes.NewReader(mustBuild(t, doc, options{})), strictConf())
	if err != nil {
		t.Fatal(err)
	}
	if len(dims) != len(doc.Pages) {
		t.Fatalf("%d pages, want %d", len(dims), len(doc.Pages))
	}
	for i, p := range doc.Pages {
		w, h := p.Width*k, p.Height*k
		if math.Abs(dims[i].Width-w) > 0.01 || math.Abs(dims[i].Height-h) > 0.01 {
			t.Errorf("page %d: MediaBox %.2f×%.2f pt, want %.2f×%.2f", i+1, dims[i].Width, dims[i].Height, w, h)
		}
		if dims[i].Landscape() != p.Landscape() {
			t.Errorf("page %d: landscape %v, want %v", i+1, dims[i].Landscape(), p.Landscape())
		}
	}
}

// embeddedFonts returns the BaseFont of every font, failing on any that is
// not a Type0 font with an embedded TrueType program.
func embeddedFonts(t *testing.T, b []byte) []string {
	t.Helper()
	ctx := readContext(t, b)
	xt := ctx.XRefTable
	var names []string
	for nr, e := range xt.Table {
		d, ok := e.Object.(types.Dict)
		if !ok || d.Type() == nil || *d.Type() != "Font" {
			continue
		}
		name := *d.NameEntry("BaseFont")
		switch st := d.NameEntry("Subtype"); {
		case st != nil && *st == "CIDFontType2":
			continue // checked through its Type0 parent
		case st == nil || *st != "Type0":
			t.Errorf("font obj %d %s: subtype %v, want Type0", nr, name, st)
			continue
		}
		desc, err := xt.DereferenceArray(d["DescendantFonts"])
		if err != nil || len(desc) != 1 {
			t.Fatalf("font %s: descendants %v %v", name, desc, err)
		}
		cid, err := xt.DereferenceDict(desc[0])
		if err != nil {
			t.Fatal(err)
		}
		fd, err := xt.DereferenceDict(cid["FontDescriptor"])
		if err != nil || fd == nil {
			t.Fatalf("font %s: descriptor: %v", name, err)
		}
		sd, _, err := xt.DereferenceStreamDict(fd["FontFile2"])
		if err != nil || sd == nil {
			t.Errorf("font %s: no embedded FontFile2 (%v)", name, err)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func TestFonts(t *testing.T) {
	t.Parallel()
	got := embeddedFonts(t, mustBuild(t, sampleDoc(t), options{}))
	if want := []string{"utf8liberationsans", "utf8liberationsansB"}; !slices.Equal(got, want) {
		t.Errorf("fonts %v, want %v", got, want)
	}

	// Only italic is drawn; a bold run with no text registers nothing.
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	doc.Pages[0].Texts = []render.Text{text(10, 10, fonts.Italic, 10, "miring"), {X: 10, Y: 20, Style: fonts.Bold, Size: 10}}
	got = embeddedFonts(t, mustBuild(t, doc, options{}))
	if want := []string{"utf8liberationsansI"}; !slices.Equal(got, want) {
		t.Errorf("fonts %v, want %v", got, want)
	}

	doc.Pages[0].Texts = nil
	if got := embeddedFonts(t, mustBuild(t, doc, options{})); len(got) != 0 {
		t.Errorf("no text, fonts %v", got)
	}
}

// pageText is the text of one page (from 1) as pdftotext extracts it.
func pageText(t *testing.T, b []byte, page int) string {
	t.Helper()
	n := fmt.Sprint(page)
	return testutil.PDFText(t, b, "-f", n, "-l", n)
}

// A background text (a draft's DRAF) is drawn turned and grey under the
// page, and leaves the text after it black and upright.
func TestBackgroundText(t *testing.T) {
	t.Parallel()
	d := sampleDoc(t)
	d.Pages[0].Background = []render.Text{{X: 40, Y: 250, Style: fonts.Bold, Size: 120, S: "DRAF", Gray: 0.86, Angle: 54.7}}
	b := mustBuild(t, d, options{noCompress: true})
	if got := pageText(t, b, 1); !strings.Contains(got, txtTitle) {
		t.Errorf("page 1 text %q: want the title", got)
	}
	content := string(b)
	turn := strings.Index(content, " cm")
	grey := strings.Index(content, "0.859 g BT") // round(0.86 × 255) / 255
	black := -1
	if grey >= 0 {
		black = strings.Index(content[grey:], "0.000 g")
	}
	if turn < 0 || turn > grey || grey < 0 || black < 0 {
		t.Errorf("no rotation (%d), grey text colour (%d) or black after it (%d)", turn, grey, black)
	}
}

func TestTextExtractable(t *testing.T) {
	t.Parallel()
	b := mustBuild(t, sampleDoc(t), options{})
	for page, want := range map[int][]string{
		1: {txtTitle, txtBody, txtMoney, txtUnder},
		2: {txtLand, "Persentase sekolah terakreditasi"},
		3: {txtF4},
		4: {"Penutup"},
	} {
		got := pageText(t, b, page)
		for _, s := range want {
			if !strings.Contains(got, s) {
				t.Errorf("page %d: text %q not extracted; got:\n%s", page, s, got)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	a, b := mustBuild(t, doc, options{}), mustBuild(t, doc, options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of one document differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20250102030405)")) || !bytes.Contains(a, []byte("/ModDate (D:20250102030405)")) {
		t.Error("dates are not Meta.Created")
	}

	// The same instant in another zone is the same document.
	doc.Meta.Created = doc.Meta.Created.In(time.FixedZone("WIB", 7*3600))
	if c := mustBuild(t, doc, options{}); !bytes.Equal(a, c) {
		t.Error("time zone of Meta.Created changes the output")
	}
	doc.Meta.Created = doc.Meta.Created.Add(time.Second)
	if c := mustBuild(t, doc, options{}); bytes.Equal(a, c) {
		t.Error("a different Meta.Created gives the same bytes")
	}
	doc.Meta.Created = time.Time{}
	if c := mustBuild(t, doc, options{}); !bytes.Contains(c, []byte("/CreationDate (D:20000101000000)")) {
		t.Error("zero Meta.Created is not the fixed epoch")
	}
}

// fpdf orders image objects by pixel width and ties by map order; images
// of equal width must still come out the same every time.
func TestDeterministicImages(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P), page(a4L)}}
	cols := []color.NRGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {9, 9, 9, 255}}
	for i, c := range cols {
		im := render.Image{X: 10, Y: 10 + 30*float64(i), W: 40, H: 20, Data: pngImage(t, 40, 20, c), Type: "png", Name: fmt.Sprint("img", i)}
		doc.Pages[i%2].Images = append(doc.Pages[i%2].Images, im)
	}
	// The same picture again under another name, and reused by name.
	dup := doc.Pages[0].Images[0]
	dup.Name, dup.Y = "copy", 200
	doc.Pages[1].Images = append(doc.Pages[1].Images, dup, doc.Pages[0].Images[0])

	first := mustBuild(t, doc, options{})
	validate(t, first)
	for range 20 {
		if !bytes.Equal(first, mustBuild(t, doc, options{})) {
			t.Fatal("output with equal-width images is not reproducible")
		}
	}
	// One object per distinct picture, each with its own width; all but
	// the first padded by transparent columns.
	widths := regexp.MustCompile(`/Subtype /Image\n/Width (\d+)\n/Height 20\n/ColorSpace /DeviceRGB`).FindAllSubmatch(first, -1)
	var got []string
	for _, m := range widths {
		got = append(got, string(m[1]))
	}
	slices.Sort(got)
	if want := []string{"40", "41", "42", "43"}; !slices.Equal(got, want) {
		t.Errorf("image widths %v, want %v", got, want)
	}
}

func TestImageBox(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	logo := pngImage(t, 40, 20, color.NRGBA{1, 2, 3, 255})
	other := pngImage(t, 40, 20, color.NRGBA{3, 2, 1, 255})
	doc.Pages[0].Images = []render.Image{
		{X: 10, Y: 20, W: 40, H: 20, Data: logo, Type: "png", Name: "a"},
		{X: 10, Y: 50, W: 40, H: 20, Data: other, Type: "png", Name: "b"},
	}
	b := mustBuild(t, doc, options{noCompress: true})
	// The first keeps its box; the padded one (41 px) is drawn 41/40 as
	// wide from the same corner. fpdf: "q w 0 0 h x y cm /I.. Do Q".
	for _, want := range []string{
		fmt.Sprintf("q %.5f 0 0 %.5f %.5f %.5f cm", 40*k, 20*k, 10*k, (297-40)*k),
		fmt.Sprintf("q %.5f 0 0 %.5f %.5f %.5f cm", 40*k*41/40, 20*k, 10*k, (297-70)*k),
	} {
		if !bytes.Contains(b, []byte(trimZeros(want))) {
			t.Errorf("no image placement %q", want)
		}
	}
}

// trimZeros formats like fpdf, which drops trailing zeros.
func trimZeros(s string) string {
	f := strings.Fields(s)
	for i, v := range f {
		if strings.Contains(v, ".") {
			v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
			f[i] = v
		}
	}
	return strings.Join(f, " ")
}

func TestUnderline(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	b := mustBuild(t, doc, options{noCompress: true})
	u := doc.Pages[0].Texts[3]
	m := readUnderline(fonts.TTF(u.Style))
	if m.top <= 0 || m.top > 0.3 || m.thickness <= 0 || m.thickness > 0.2 {
		t.Fatalf("implausible underline metrics %+v", m)
	}
	em := u.Size * render.PtToMM
	want := fmt.Sprintf("%.2f %.2f %.2f %.2f re f", u.X*k, (297-(u.Y+m.top*em))*k, u.Width*k, -m.thickness*em*k)
	if !bytes.Contains(b, []byte(trimZeros(want))) {
		t.Errorf("underline %q not drawn", want)
	}
}

type outlineItem struct {
	title string
	page  int
	top   float64
}

// readOutline walks the outline tree depth-first and resolves each /Dest.
func readOutline(t *testing.T, b []byte) []outlineItem {
	t.Helper()
	ctx := readContext(t, b)
	xt := ctx.XRefTable
	pageOf := map[int]int{}
	for i := 1; i <= ctx.PageCount; i++ {
		_, ref, _, err := xt.PageDict(i, false)
		if err != nil {
			t.Fatal(err)
		}
		pageOf[ref.ObjectNumber.Value()] = i - 1
	}
	cat, err := xt.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	root, err := xt.DereferenceDict(cat["Outlines"])
	if err != nil || root == nil {
		t.Fatalf("no outline: %v", err)
	}
	var items []outlineItem
	var walk func(o types.Object)
	walk = func(o types.Object) {
		for o != nil {
			d, err := xt.DereferenceDict(o)
			if err != nil {
				t.Fatal(err)
			}
			title, err := xt.DereferenceText(d["Title"])
			if err != nil {
				t.Fatal(err)
			}
			dest, err := xt.DereferenceArray(d["Dest"])
			if err != nil || len(dest) != 5 || dest[1] != types.Name("XYZ") {
				t.Fatalf("%q: dest %v %v", title, dest, err)
			}
			ref := dest[0].(types.IndirectRef)
			top, err := xt.DereferenceNumber(dest[3])
			if err != nil {
				t.Fatal(err)
			}
			p, ok := pageOf[ref.ObjectNumber.Value()]
			if !ok {
				t.Fatalf("%q: dest %v is not a page", title, ref)
			}
			items = append(items, outlineItem{title, p, top})
			walk(d["First"])
			o = d["Next"]
		}
	}
	walk(root["First"])
	return items
}

func TestBookmarks(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	b := mustBuild(t, doc, options{})
	validate(t, b)
	got := readOutline(t, b)
	if len(got) != len(doc.Outline) {
		t.Fatalf("%d outline items, want %d: %+v", len(got), len(doc.Outline), got)
	}
	for i, bm := range doc.Outline {
		g := got[i]
		h := doc.Pages[bm.Page].Height * k
		want := h - bm.Y*k
		if g.title != bm.Title || g.page != bm.Page {
			t.Errorf("item %d: %q on page %d, want %q on page %d", i, g.title, g.page, bm.Title, bm.Page)
		}
		if math.Abs(g.top-want) > 0.011 || g.top < 0 || g.top > h+0.01 {
			t.Errorf("%q: destination top %.2f pt, want %.2f (page height %.2f pt)", bm.Title, g.top, want, h)
		}
	}

	// Titles survive with no font ever selected, and odd levels still
	// make a tree.
	doc = &render.Document{Pages: []render.Page{page(f4P), page(a4L)}}
	doc.Outline = []render.Bookmark{
		{Title: "Awal", Level: 3, Page: 0, Y: 500}, // y clamped to the page
		{Title: "Bagian 😀 ①", Level: -2, Page: 1, Y: 10},
	}
	b = mustBuild(t, doc, options{})
	validate(t, b)
	got = readOutline(t, b)
	want := []outlineItem{{"Awal", 0, 0}, {"Bagian \uFFFD ①", 1, (210 - 10) * k}}
	if len(got) != 2 || got[0].title != want[0].title || got[1].title != want[1].title ||
		math.Abs(got[0].top-want[0].top) > 0.011 || math.Abs(got[1].top-want[1].top) > 0.011 {
		t.Errorf("outline %+v, want %+v", got, want)
	}
}

func TestOddText(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	for i, s := range []string{
		"\xe0", "ab\xff\xfecd", "emoji 😀 ok", "中文 glyphs missing", "tab\tnul\x00cr\r\nlf",
		"((unbalanced \\", "", "Ǆ ẞ ₹ ∑ ‰",
	} {
		doc.Pages[0].Texts = append(doc.Pages[0].Texts, text(10, 10+10*float64(i), fonts.Regular, 10, s))
	}
	doc.Meta.Title = "Judul 😀 \xff (x)"
	doc.Outline = []render.Bookmark{{Title: "bad \xe0", Page: 0}}
	b := mustBuild(t, doc, options{})
	validate(t, b)
	got := pageText(t, b, 1)
	// pdftotext drops the spaces around some symbols; compare without.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, s := range []string{"emoji \uFFFD ok", "((unbalanced \\", "Ǆ ẞ ₹ ∑ ‰"} {
		if !strings.Contains(squeeze(got), squeeze(s)) {
			t.Errorf("text %q not extracted; got:\n%s", s, got)
		}
	}
	ctx := readContext(t, b)
	info, err := ctx.XRefTable.DereferenceDict(*ctx.XRefTable.Info)
	if err != nil {
		t.Fatal(err)
	}
	if title, err := ctx.XRefTable.DereferenceText(info["Title"]); err != nil || title != "Judul 😀 \uFFFD (x)" {
		t.Errorf("title %q %v", title, err)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	pngData := pngImage(t, 8, 8, color.NRGBA{0, 0, 0, 255})
	cases := map[string]func(d *render.Document){
		"nil pages":      func(d *render.Document) { d.Pages = nil },
		"zero font size": func(d *render.Document) { d.Pages[0].Texts[0].Size = 0 },
		"negative size":  func(d *render.Document) { d.Pages[1].Texts[0].Size = -3 },
		"NaN size":       func(d *render.Document) { d.Pages[0].Texts[0].Size = math.NaN() },
		"unknown style":  func(d *render.Document) { d.Pages[0].Texts[0].Style = 9 },
		"NaN position":   func(d *render.Document) { d.Pages[0].Texts[0].X = math.NaN() },
		"grey above 1":   func(d *render.Document) { d.Pages[0].Texts[0].Gray = 1.5 },
		"NaN angle": func(d *render.Document) {
			d.Pages[0].Background = []render.Text{{X: 10, Y: 10, Size: 40, S: "DRAF", Angle: math.NaN()}}
		},
		"inf line":      func(d *render.Document) { d.Pages[0].Lines[0].Y2 = math.Inf(1) },
		"NaN rect":      func(d *render.Document) { d.Pages[0].Rects[0].Fill = math.NaN() },
		"zero page":     func(d *render.Document) { d.Pages[2].Width = 0 },
		"huge page":     func(d *render.Document) { d.Pages[2].Height = 1e6 },
		"outline page":  func(d *render.Document) { d.Outline[0].Page = 4 },
		"outline order": func(d *render.Document) { d.Outline[2].Page = 0 },
		"outline y":     func(d *render.Document) { d.Outline[0].Y = math.Inf(-1) },
		"created year":  func(d *render.Document) { d.Meta.Created = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
		"corrupt png":   func(d *render.Document) { d.Pages[0].Images[0].Data = []byte("\x89PNG\r\n\x1a\nnot really a png") },
		"truncated png": func(d *render.Document) { d.Pages[0].Images[0].Data = pngData[:len(pngData)/2] },
		"corrupt jpeg": func(d *render.Document) {
			d.Pages[0].Images[0].Data, d.Pages[0].Images[0].Type = []byte("\xff\xd8\xff\xe0garbage"), "jpg"
		},
		"png called jpeg": func(d *render.Document) { d.Pages[0].Images[0].Type = "jpeg" },
		"gif":             func(d *render.Document) { d.Pages[0].Images[0].Type = "gif" },
		"empty image box": func(d *render.Document) { d.Pages[0].Images[0].W = 0 },
		"name reused": func(d *render.Document) {
			d.Pages[1].Images = []render.Image{{X: 1, Y: 1, W: 1, H: 1, Data: pngData, Type: "png", Name: "logo"}}
		},
		"huge image":       func(d *render.Document) { d.Pages[0].Images[0].Data = hugePNGHeader() },
		"image empty data": func(d *render.Document) { d.Pages[0].Images[0].Data = nil },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			doc := sampleDoc(t)
			mutate(doc)
			var buf bytes.Buffer
			err := Write(&buf, doc, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
			if strings.Contains(err.Error(), "pustaka PDF") {
				t.Errorf("reached a panic in fpdf: %v", err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
	if _, err := Bytes(nil, Options{}); err == nil {
		t.Error("nil document: no error")
	}
}

// hugePNGHeader claims 100000×100000 pixels.
func hugePNGHeader() []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	_ = png.Encode(&b, img)
	out := b.Bytes()
	// IHDR width and height follow the signature, length and type; its
	// CRC covers type and data.
	for _, off := range []int{16, 20} {
		binary.BigEndian.PutUint32(out[off:], 100000)
	}
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	t.Parallel()
	if err := Write(failWriter{}, sampleDoc(t), Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err %v", err)
	}
}

// PNGs fpdf cannot embed as they are (interlaced, 16-bit, paletted with
// alpha) are re-encoded rather than refused or garbled.
func TestPNGVariants(t *testing.T) {
	t.Parallel()
	pal := image.NewPaletted(image.Rect(0, 0, 10, 10), color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{255, 0, 0, 128}, color.NRGBA{0, 0, 255, 255}})
	for i := range pal.Pix {
		pal.Pix[i] = uint8(i % 3)
	}
	deep := image.NewNRGBA64(image.Rect(0, 0, 12, 10))
	for i := range deep.Pix {
		deep.Pix[i] = uint8(i * 7)
	}
	gray16 := image.NewGray16(image.Rect(0, 0, 14, 10))
	var imgs []render.Image
	for i, img := range []image.Image{pal, deep, gray16} {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		imgs = append(imgs, render.Image{X: 10, Y: 10 + 20*float64(i), W: 20, H: 15, Data: b.Bytes(), Type: "png", Name: fmt.Sprint(i)})
		if fpdfReadsPNG(b.Bytes()) {
			t.Errorf("image %d: fpdfReadsPNG true", i)
		}
	}
	if !fpdfReadsPNG(pngImage(t, 4, 4, color.NRGBA{1, 1, 1, 255})) {
		t.Error("plain 8-bit RGBA PNG: fpdfReadsPNG false")
	}
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	doc.Pages[0].Images = imgs
	b := mustBuild(t, doc, options{})
	validate(t, b)
	if n := bytes.Count(b, []byte("/SMask")); n != 2 {
		t.Errorf("%d soft masks, want 2 (paletted and 16-bit alpha)", n)
	}
}

func TestJPEG(t *testing.T) {
	t.Parallel()
	// A JPEG is embedded as is (DCTDecode), after a decode to check it.
	img := image.NewRGBA(image.Rect(0, 0, 16, 8))
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	doc.Pages[0].Images = []render.Image{{X: 1, Y: 1, W: 16, H: 8, Data: jb.Bytes(), Type: "jpg", Name: "j"}}
	b := mustBuild(t, doc, options{})
	validate(t, b)
	if !bytes.Contains(b, []byte("/Filter /DCTDecode")) || !bytes.Contains(b, jb.Bytes()) {
		t.Error("JPEG not embedded verbatim")
	}
}

func BenchmarkWrite(b *testing.B) {
	doc := &render.Document{}
	words := strings.Fields("Meningkatnya kualitas layanan pendidikan dasar dan menengah yang merata berkeadilan persentase")
	for p := range 10 {
		pg := page(a4L)
		for r := range 30 {
			y := 15 + float64(r)*6
			pg.Lines = append(pg.Lines, render.Line{X1: 10, Y1: y + 1.5, X2: 287, Y2: y + 1.5, Width: 0.2})
			if r%5 == 0 {
				pg.Rects = append(pg.Rects, render.Rect{X: 10, Y: y - 4.5, W: 277, H: 6, Fill: 0.9, Stroke: 0.2})
			}
			for c := range 10 {
				st := fonts.Regular
				if c == 0 || r == 0 {
					st = fonts.Bold
				}
				s := fmt.Sprintf("%s %d.%d", words[(p+r+c)%len(words)], r, c)
				pg.Texts = append(pg.Texts, text(12+float64(c)*27, y, st, 9, s))
			}
		}
		doc.Pages = append(doc.Pages, pg)
		doc.Outline = append(doc.Outline, render.Bookmark{Title: fmt.Sprint("Halaman ", p+1), Page: p, Y: 10})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// fpdf writes "/Count 0" on every item; items with children are patched
// to a negative (closed) count, including counts of several digits.
func TestNestedOutline(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P), page(a4L), page(f4P)}}
	add := func(title string, level, pg int) {
		doc.Outline = append(doc.Outline, render.Bookmark{Title: title, Level: level, Page: pg, Y: float64(10 * level)})
	}
	add("Lampiran (1)", 0, 0)
	for i := range 12 {
		add(fmt.Sprint("Indikator ", i+1), 1, 1)
		if i == 3 {
			add("Sub a", 2, 1)
			add("Sub b", 2, 1)
		}
	}
	add("Penutup", 0, 2)
	b := mustBuild(t, doc, options{})
	validate(t, b)
	got := readOutline(t, b)
	if len(got) != len(doc.Outline) {
		t.Fatalf("%d items, want %d", len(got), len(doc.Outline))
	}
	for i, bm := range doc.Outline {
		if got[i].title != bm.Title || got[i].page != bm.Page {
			t.Errorf("item %d: %q page %d, want %q page %d", i, got[i].title, got[i].page, bm.Title, bm.Page)
		}
	}
	for _, want := range []string{"/Count -12", "/Count -2"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("no %q", want)
		}
	}
	if got := childCounts(outline(doc)); !slices.Equal(got[:6], []int{12, 0, 0, 0, 2, 0}) {
		t.Errorf("child counts %v", got)
	}
}

// Writes share the embedded font bytes; they must neither race nor
// modify them.
func TestConcurrent(t *testing.T) {
	t.Parallel()
	sum := func() [32]byte {
		var all []byte
		for _, st := range fonts.Styles {
			all = append(all, fonts.TTF(st)...)
		}
		return sha256.Sum256(all)
	}
	before := sum()
	doc := sampleDoc(t)
	want := mustBuild(t, doc, options{})
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			b, err := Bytes(doc, Options{})
			if err == nil && !bytes.Equal(b, want) {
				err = errors.New("concurrent output differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if sum() != before {
		t.Error("font bytes modified")
	}
}
