package pdf

import (
	"encoding/binary"

	"pkgen/fonts"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// cleanText makes s safe for fpdf's UTF-8 path, which indexes past the end
// of truncated sequences (a panic) and encodes only the BMP (the fonts are
// drawn with 2-byte codes). Invalid bytes and runes beyond U+FFFF become
// U+FFFD, which the font lacks, so the missing-glyph box is drawn.
func cleanText(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 { // a 4-byte lead, or not UTF-8 at all
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // invalid bytes come out as RuneError
		if r > 0xFFFF {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// knownGlyphs replaces the runes the style's font lacks by '?': PDF/A
// forbids showing the .notdef glyph (ISO 19005-3, 6.2.11.8), which fpdf
// draws for them.
func knownGlyphs(s string, st fonts.Style) string {
	face := fonts.MustFace(st)
	if !strings.ContainsFunc(s, func(r rune) bool { return !face.Has(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !face.Has(r) {
			r = '?'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// utf16Text encodes s as a PDF text string: UTF-16BE with a byte-order mark,
// surrogate pairs included.
func utf16Text(s string) string {
	u := utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD")))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = binary.BigEndian.AppendUint16(b, c)
	}
	return string(b)
}

// underlineMetrics place the underline, in ems: top is the distance of the
// line's top edge below the baseline.
type underlineMetrics struct {
	top, thickness float64
}

// fallbackUnderline is close to Liberation Sans' own values.
var fallbackUnderline = underlineMetrics{top: 0.106, thickness: 0.073}

// readUnderline reads the underline position and thickness from a TrueType
// font's post table (the position is the top of the line, per the spec),
// scaled by unitsPerEm from head.
func readUnderline(ttf []byte) underlineMetrics {
	head, post := sfntTable(ttf, "head"), sfntTable(ttf, "post")
	if len(head) < 20 || len(post) < 12 {
		return fallbackUnderline
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	pos := float64(int16(binary.BigEndian.Uint16(post[8:])))
	thick := float64(int16(binary.BigEndian.Uint16(post[10:])))
	if upem <= 0 || thick <= 0 {
		return fallbackUnderline
	}
	return underlineMetrics{top: -pos / upem, thickness: thick / upem}
}

// sfntTable returns a table of a TrueType file, or nil.
func sfntTable(ttf []byte, tag string) []byte {
	if len(ttf) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil
		}
		if string(ttf[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
		size := int(binary.BigEndian.Uint32(ttf[rec+12:]))
		if off < 0 || size < 0 || off > len(ttf) || size > len(ttf)-off {
			return nil
		}
		return ttf[off : off+size]
	}
	return nil
}
