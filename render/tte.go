package render

import (
	"math"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"pkgen/fonts"
	"pkgen/pesan"
)

// Electronic signatures (tanda tangan elektronik, TTE).
//
// Every signatory block reserves a rectangle for the signature, recorded
// in Page.SignAreas: in a handwritten block the room between the jabatan
// and the name, across the column; in an electronic block (Options.TTE) a
// square centred there, where the signing service stamps its image, or
// where pkgen draws the QR code of [tanda_tangan] url_verifikasi. An
// anchor text (Options.Jangkar) may be written invisibly in the middle of
// each rectangle, and every page of an electronic document carries the
// note that it is signed with a certificate issued by BSrE.

// Sizes of the electronic parts, pt.
const (
	sizeAnchor = 8
	sizeNote   = 6.5
	minNote    = 5
)

// Peran keys of SignArea.
const (
	PeranPertama    = "pihak_pertama"
	PeranKedua      = "pihak_kedua"
	PeranMengetahui = "mengetahui"
)

// peranKey names a signer's role for SignArea.Peran.
func peranKey(s signer) string {
	switch {
	case s.lit || s.role == "peran_mengetahui":
		return PeranMengetahui
	case s.role == "peran_kedua":
		return PeranKedua
	}
	return PeranPertama
}

// electronic adds the electronic parts of a signatory column: the record of
// who signs, the anchor and the QR code.
func (l *layouter) electronic(c *sigCol, s signer, statement bool) error {
	c.area = SignArea{
		Nama:       l.f.nama(*s.who, statement),
		Jabatan:    s.who.JabatanLengkap(),
		NIP:        s.who.NIP,
		Peran:      peranKey(s),
		Elektronik: l.opt.TTE,
	}
	if a := l.opt.Jangkar; a != "" {
		c.anchor = strings.ReplaceAll(a, "{peran}", c.area.Peran)
		c.anchorW = l.m.Width(fonts.Regular, sizeAnchor, c.anchor)
	}
	if u := l.doc.Tandatangan.URLVerifikasi; l.opt.TTE && u != "" {
		q, err := qrcode.New(u, qrcode.Medium)
		if err != nil {
			return err
		}
		q.DisableBorder = true
		c.qr = q.Bitmap()
	}
	return nil
}

// reserve records the column's signature area, whose room to sign starts
// at y and is space high, and draws its QR code and anchor.
func (c sigCol) reserve(p *Page, x, y, space float64) {
	a := c.area
	a.X, a.Y, a.W, a.H = x, y, c.w, space
	if a.Elektronik {
		s := min(space, c.w)
		a.X, a.W, a.H = x+(c.w-s)/2, s, s
	}
	a.Jangkar = c.anchor
	p.SignAreas = append(p.SignAreas, a)
	if len(c.qr) > 0 {
		drawQR(p, c.qr, a)
	}
	if c.anchor != "" {
		p.Frames = append(p.Frames, Frame{X: a.X, Y: a.Y, W: a.W, H: a.H, Kind: "signature"})
		em := sizeAnchor * PtToMM
		tx := a.X + max(0, (a.W-c.anchorW)/2)
		p.Texts = append(p.Texts, Text{X: tx, Y: a.Y + a.H/2 + 0.35*em, Style: fonts.Regular, Size: sizeAnchor,
			S: c.anchor, Width: c.anchorW, Frame: len(p.Frames), Invisible: true})
	}
}

// Points converts millimetres to PDF points, rounded to 0.01 pt as the
// PDF writes page sizes.
func Points(mm float64) float64 { return math.Round(mm/PtToMM*100) / 100 }

// Points returns the area in PDF points from the bottom-left corner of its
// page, pageH mm high: lower-left and upper-right corners.
func (a SignArea) Points(pageH float64) (llx, lly, urx, ury float64) {
	return Points(a.X), Points(pageH - a.Y - a.H), Points(a.X + a.W), Points(pageH - a.Y)
}

// drawQR draws a QR code's dark modules as filled rectangles, one per run
// of dark modules in a row, inside the area with a margin of a module.
func drawQR(p *Page, m [][]bool, a SignArea) {
	n := len(m)
	mod := a.W / float64(n+2) // one module of quiet zone on each side
	x0, y0 := a.X+mod, a.Y+mod
	for r, row := range m {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			p.Rects = append(p.Rects, Rect{X: x0 + float64(start)*mod, Y: y0 + float64(r)*mod,
				W: float64(c-start) * mod, H: mod, Fill: 0})
		}
	}
}

// tteNote writes the template block tte_catatan at the foot of every
// page: in the bottom margin, left of the page number when the page has
// one, in small type shrunk (down to 5 pt) until it fits.
func (l *layouter) tteNote() error {
	d, err := l.data()
	if err != nil {
		return err
	}
	s, err := l.words("tte_catatan", d)
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for i := range l.out.Pages {
		p := &l.out.Pages[i]
		mg := lampiranMargins
		if !p.Landscape() {
			mg = statementMargins
		}
		left, right := mg.Left, p.Width-mg.Right
		if i < len(l.folioX) && l.folioX[i] != 0 {
			right = min(right, l.folioX[i]-4)
		}
		w := right - left
		top := p.Height - mg.Bottom + 1.5
		room := mg.Bottom - 1.5 - 5 // keep 5 mm from the paper's edge
		var lines []TextLine
		for size := sizeNote; size >= minNote; size -= 0.5 {
			lines = l.m.Block(PlainParas(s, fonts.Regular, AlignLeft), w, size, 1.15)
			if height(lines) <= room {
				break
			}
		}
		if err := inMargin(lines, room, "tte_catatan", pesan.Key("catatan tanda tangan elektronik")); err != nil {
			return err
		}
		p.put(lines, left, top, w, "catatan")
	}
	return nil
}
