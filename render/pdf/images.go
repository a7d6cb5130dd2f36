package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"

	"pkgen/render"
)

// maxPixels bounds decoding, so a hostile header cannot exhaust memory.
const maxPixels = 50_000_000

// imageSet is the distinct images of a document, ready for fpdf.
//
// Each image is decoded here first: fpdf's own PNG parser panics or writes
// garbage on malformed data, and embeds JPEGs unchecked.
//
// Determinism: fpdf writes image objects sorted by pixel width, and images
// of equal width in Go map order, so their object numbers would change from
// run to run. Every distinct image is therefore given a unique pixel width;
// a later image whose width is taken is re-encoded with transparent columns
// on the right, and drawn that much wider so its pixels keep their box.
//
// For PDF/A (opaque), nothing may be transparent: images with an alpha
// channel or a transparent colour are flattened onto white, padding
// columns are white and the drawing is clipped to the box instead, and
// CMYK JPEGs (which the sRGB output intent does not cover) become RGB.
type imageSet struct {
	byName map[string]*imageEntry
	list   []*imageEntry // first-use order
	opaque bool
}

type imageEntry struct {
	name   string // render.Image.Name
	id     string // name registered with fpdf
	src    []byte // render.Image.Data, to catch reuse of a name
	srcTyp string // its type, folded by imageType
	data   []byte // what fpdf gets
	typ    string // "png" or "jpg"
	scaleW float64
}

// prepareImages registers every image once; opaque (PDF/A) flattens alpha.
func prepareImages(doc *render.Document, opaque bool) (*imageSet, error) {
	set := &imageSet{byName: map[string]*imageEntry{}, opaque: opaque}
	byContent := map[[sha256.Size]byte]*imageEntry{}
	widths := map[int]bool{}
	for pi := range doc.Pages {
		for ii, im := range doc.Pages[pi].Images {
			if e, ok := set.byName[im.Name]; ok {
				if e.srcTyp != imageType(im.Type) || !bytes.Equal(e.src, im.Data) {
					return nil, fmt.Errorf("pdf: Pages[%d]: Images[%d]: name %q used for different images", pi, ii, im.Name)
				}
				continue
			}
			h := sha256.New()
			h.Write([]byte(imageType(im.Type) + "\x00"))
			h.Write(im.Data)
			var sum [sha256.Size]byte
			h.Sum(sum[:0])
			if e, ok := byContent[sum]; ok {
				// Same picture under another name: store it once.
				set.byName[im.Name] = e
				continue
			}
			e, err := newImageEntry(im, len(set.list), widths, set.opaque)
			if err != nil {
				return nil, fmt.Errorf("pdf: Pages[%d]: Images[%d] %q: %w", pi, ii, im.Name, err)
			}
			set.byName[im.Name] = e
			byContent[sum] = e
			set.list = append(set.list, e)
		}
	}
	return set, nil
}

func newImageEntry(im render.Image, n int, widths map[int]bool, opaque bool) (*imageEntry, error) {
	typ := imageType(im.Type)
	var (
		cfg    image.Config
		err    error
		decode func([]byte) (image.Image, error)
	)
	switch typ {
	case "png":
		cfg, err = png.DecodeConfig(bytes.NewReader(im.Data))
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case "jpg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(im.Data))
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	default:
		return nil, fmt.Errorf("unsupported image type %q", im.Type)
	}
	if err != nil {
		return nil, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxPixels/cfg.Height {
		return nil, fmt.Errorf("image of %d×%d pixels is empty or too large", cfg.Width, cfg.Height)
	}
	img, err := decode(im.Data)
	if err != nil {
		return nil, err
	}
	e := &imageEntry{
		name: im.Name, id: "img" + strconv.Itoa(n),
		src: im.Data, srcTyp: typ,
		data: im.Data, typ: typ, scaleW: 1,
	}
	pad := 0
	for widths[cfg.Width+pad] {
		pad++
	}
	widths[cfg.Width+pad] = true
	flatten := opaque && (typ == "png" && pngHasAlpha(im.Data) || typ == "jpg" && cfg.ColorModel == color.CMYKModel)
	if pad > 0 || (typ == "png" && !fpdfReadsPNG(im.Data)) || flatten {
		if e.data, err = encodePNG(img, pad, opaque); err != nil {
			return nil, err
		}
		e.typ = "png"
		e.scaleW = float64(cfg.Width+pad) / float64(cfg.Width)
	}
	return e, nil
}

// imageType folds the spellings fpdf accepts.
func imageType(t string) string {
	t = strings.ToLower(t)
	if t == "jpeg" {
		return "jpg"
	}
	return t
}

// fpdfReadsPNG reports whether fpdf embeds this (already decoded, so
// well-formed) PNG faithfully. It rejects interlacing, mis-splits 16-bit
// alpha, and keeps only the first fully transparent palette entry.
func fpdfReadsPNG(b []byte) bool {
	const sig = 8
	if len(b) < sig+8+13 || string(b[sig+4:sig+8]) != "IHDR" {
		return false
	}
	ihdr := b[sig+8:]
	depth, ctype, interlace := ihdr[8], ihdr[9], ihdr[12]
	if interlace != 0 || depth > 8 {
		return false
	}
	if ctype == 3 {
		for p := sig; p+8 <= len(b); {
			n := int(binary.BigEndian.Uint32(b[p:]))
			if string(b[p+4:p+8]) == "tRNS" {
				return false
			}
			if n < 0 || n > len(b)-p-12 {
				break
			}
			p += 12 + n
		}
	}
	return true
}

// pngHasAlpha reports whether fpdf would give a PNG a soft mask or a
// colour-key mask: an alpha channel (colour types 4 and 6) or a tRNS chunk.
func pngHasAlpha(b []byte) bool {
	const sig = 8
	if len(b) < sig+8+13 {
		return true // not read by fpdf anyway
	}
	if ctype := b[sig+8+9]; ctype == 4 || ctype == 6 {
		return true
	}
	for p := sig; p+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "tRNS" {
			return true
		}
		if n < 0 || n > len(b)-p-12 {
			break
		}
		p += 12 + n
	}
	return false
}

// encodePNG re-encodes img as an 8-bit PNG, pad transparent columns wider;
// opaque flattens it onto white (padding included), so the PNG has no
// alpha channel.
func encodePNG(img image.Image, pad int, opaque bool) ([]byte, error) {
	b := img.Bounds()
	var dst draw.Image
	if o, ok := img.(interface{ Opaque() bool }); pad == 0 && ok && o.Opaque() &&
		(img.ColorModel() == color.GrayModel || img.ColorModel() == color.Gray16Model) {
		dst = image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	} else {
		dst = image.NewNRGBA(image.Rect(0, 0, b.Dx()+pad, b.Dy()))
	}
	op := draw.Src
	if opaque {
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
		op = draw.Over
	}
	draw.Draw(dst, image.Rect(0, 0, b.Dx(), b.Dy()), img, b.Min, op)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
