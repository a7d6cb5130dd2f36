package render

import (
	"math"
	"strings"
	"testing"

	"pkgen/fonts"
)

// kopDoc is the stress document with the given [instansi] body and extra
// top-level keys.
func kopDoc(top, instansi string) string {
	src := ovDoc()
	src = strings.Replace(src, "[instansi]\nkop = [\"PEMERINTAH\"]\n", "[instansi]\n"+instansi+"\n", 1)
	return strings.Replace(src, "tahun = 2024\n", "tahun = 2024\n"+top, 1)
}

const styledKop = `kop = [
  "PEMERINTAH KABUPATEN LEMBAH HIJAU",
  { teks = "DINAS PERTANIAN", gaya = "besar" },
  { teks = "Jalan Merdeka No. 1, Lembah Hijau, Telepon (0123) 456789", gaya = "alamat" },
]
logo = "logo.png"`

// kopTexts are page 1's texts above the kop's rules, by content.
func kopTexts(p *Page) map[string]Text {
	out := map[string]Text{}
	ruleY := math.Inf(1)
	for _, ln := range p.Lines {
		ruleY = min(ruleY, ln.Y1)
	}
	for _, tx := range p.Texts {
		if tx.Y < ruleY {
			out[tx.S] = tx
		}
	}
	return out
}

// With a logo the kop is a Dinas's: the logo at the left margin, the
// lines centred in the width beside it, each in its style, and the thick
// and thin rules below both.
func TestKopLogoLeft(t *testing.T) {
	t.Parallel()
	d, err := Layout(parseDoc(t, kopDoc("", styledKop)), Options{Logo: pngLogo(t)})
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, d)
	p := &d.Pages[0]
	mg := statementMargins
	if len(p.Images) != 1 {
		t.Fatalf("%d images", len(p.Images))
	}
	im := p.Images[0]
	if math.Abs(im.X-mg.Left) > eps || math.Abs(im.H-logoHeight) > eps {
		t.Errorf("logo at x %.1f, %.1f mm high; want at the left margin %.1f, %.0f mm high", im.X, im.H, mg.Left, logoHeight)
	}
	right := p.Width - mg.Right
	from := im.X + im.W + logoGap
	kop := kopTexts(p)
	want := map[string]struct {
		style fonts.Style
		size  float64
	}{
		"PEMERINTAH KABUPATEN LEMBAH HIJAU":                        {fonts.Bold, sizeHeading},
		"DINAS PERTANIAN":                                          {fonts.Bold, 14},
		"Jalan Merdeka No. 1, Lembah Hijau, Telepon (0123) 456789": {fonts.Regular, 9},
	}
	var bottom float64
	for s, w := range want {
		tx, ok := kop[s]
		if !ok {
			t.Fatalf("kop line %q not printed above the rules; got %v", s, kop)
		}
		if tx.Style != w.style || tx.Size != w.size {
			t.Errorf("%q: style %v %.0f pt, want %v %.0f pt", s, tx.Style, tx.Size, w.style, w.size)
		}
		if tx.X < im.X+im.W {
			t.Errorf("%q starts at %.1f, left of the logo's right edge %.1f", s, tx.X, im.X+im.W)
		}
		if mid := tx.X + tx.Width/2; math.Abs(mid-(from+right)/2) > 0.01 {
			t.Errorf("%q centred at %.2f, want %.2f (the width beside the logo)", s, mid, (from+right)/2)
		}
		bottom = max(bottom, tx.Y)
	}
	if len(p.Lines) < 2 {
		t.Fatalf("%d rules under the kop, want 2", len(p.Lines))
	}
	thick, thin := p.Lines[0], p.Lines[1]
	if thick.Width <= thin.Width || thin.Y1 <= thick.Y1 {
		t.Errorf("rules %+v, %+v: want a thick one above a thin one", thick, thin)
	}
	if thick.Y1 < im.Y+im.H || thick.Y1 < bottom || thick.X1 != mg.Left || math.Abs(thick.X2-right) > eps {
		t.Errorf("rule at y %.1f from %.1f to %.1f: want below the logo (%.1f) and the lines (%.1f), across the text width", thick.Y1, thick.X1, thick.X2, im.Y+im.H, bottom)
	}
}

// tata_kop = "tengah" keeps the logo centred above the kop lines, which are
// centred on the text width; styles apply there too.
func TestKopLogoCentred(t *testing.T) {
	t.Parallel()
	d, err := Layout(parseDoc(t, kopDoc("", styledKop+"\ntata_kop = \"tengah\"")), Options{Logo: pngLogo(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := &d.Pages[0]
	mg := statementMargins
	mid := (mg.Left + p.Width - mg.Right) / 2
	im := p.Images[0]
	if math.Abs(im.X+im.W/2-mid) > eps {
		t.Errorf("logo centred at %.2f, want %.2f", im.X+im.W/2, mid)
	}
	for s, tx := range kopTexts(p) {
		if tx.Y < im.Y+im.H {
			t.Errorf("%q at y %.1f, beside the logo (bottom %.1f)", s, tx.Y, im.Y+im.H)
		}
		if math.Abs(tx.X+tx.Width/2-mid) > 0.01 {
			t.Errorf("%q centred at %.2f, want %.2f", s, tx.X+tx.Width/2, mid)
		}
	}
	if tx := kopTexts(p)["Jalan Merdeka No. 1, Lembah Hijau, Telepon (0123) 456789"]; tx.Style != fonts.Regular || tx.Size != 9 {
		t.Errorf("address line %v %.0f pt, want regular 9 pt", tx.Style, tx.Size)
	}
}

// A kop too tall for the statement page is a layout error naming it.
func TestKopTooTall(t *testing.T) {
	t.Parallel()
	var lines []string
	for range 40 {
		lines = append(lines, `{ teks = "DINAS PERTANIAN DAN KETAHANAN PANGAN", gaya = "besar" }`)
	}
	_, err := Layout(parseDoc(t, kopDoc("", "kop = ["+strings.Join(lines, ", ")+"]\nlogo = \"logo.png\"")), Options{Logo: pngLogo(t)})
	wantLayoutError(t, err, "instansi.kop")
}
