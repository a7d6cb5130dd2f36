// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"slices"
	"sync"
)

// A UTF-8 font is parsed once per process: adding it to a document then
// reuses its metrics, widths, ID and the tables subsetting needs, and only
// the subset of the runes a document uses is made per document. Upstream
// parses the whole font twice per document (once when it is added, once
// when it is subset) and computes its ID from a JSON encoding of the width
// table.

// parsedUTF8 is what a document needs of a parsed font; all of it is
// shared between documents and goroutines and never modified.
type parsedUTF8 struct {
	once sync.Once
	err  error
	desc FontDescType
	up   int
	ut   int
	cw   []int
	cut  *cutTables

	mu  sync.Mutex
	ids map[string]string // by font key: the ID covers the name

	prep preparedSubsets // subsets made ahead (utf8prepare.go)
}

// cutTables are the tables GenerateCutFont reads from the whole font.
type cutTables struct {
	glyphs         []int32 // rune → glyph index + 1 (0: none), from the cmap
	symbolPosition []int   // glyph offsets in glyf, from loca
}

type utf8Key struct {
	sum uint64
	n   int
}

var (
	utf8Seed  = maphash.MakeSeed()
	utf8Fonts sync.Map // utf8Key → *parsedUTF8
)

// parseUTF8Cached returns the parsed font of data, parsing it on first
// use; concurrent callers wait for the one parse. Fonts are known by their
// content, so a caller may pass the same bytes from anywhere.
func parseUTF8Cached(data []byte) *parsedUTF8 {
	p := cachedUTF8(data)
	p.once.Do(func() { p.parse(data) })
	return p
}

// cachedUTF8 is the cache entry of data, parsed or not.
func cachedUTF8(data []byte) *parsedUTF8 {
	key := utf8Key{parsedHash(data), len(data)}
	if v, ok := utf8Fonts.Load(key); ok {
		return v.(*parsedUTF8)
	}
	v, _ := utf8Fonts.LoadOrStore(key, &parsedUTF8{ids: map[string]string{}})
	return v.(*parsedUTF8)
}

// KnownUTF8FontID records id as the font ID of the UTF-8 font data added
// as familyStr and styleStr, so that adding it needs no hash of its width
// table (about a millisecond and 128 freshly touched pages per face in a
// new process). id must be what UTF8FontID returns for the same arguments,
// or the document's font names differ from upstream's; a caller keeping
// IDs of its embedded fonts checks them against UTF8FontID in a test.
func KnownUTF8FontID(familyStr, styleStr string, data []byte, id string) {
	p := cachedUTF8(data)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ids[getFontKey(familyStr, styleStr)] = id
}

// UTF8FontID computes the font ID of the UTF-8 font data added as
// familyStr and styleStr, as adding it does: the SHA-1 of upstream's JSON
// of the font definition (it names the font in every document's pages).
func UTF8FontID(familyStr, styleStr string, data []byte) (string, error) {
	p := &parsedUTF8{}
	if p.parse(data); p.err != nil {
		return "", p.err
	}
	return generateFontID(fontDefType{Tp: "UTF8", Name: getFontKey(familyStr, styleStr),
		Desc: p.desc, Up: p.up, Ut: p.ut, Cw: p.cw})
}

func (p *parsedUTF8) parse(data []byte) {
	utf := newUTF8Font(&fileReader{readerPosition: 0, array: data})
	if p.err = utf.parseFile(); p.err != nil {
		return
	}
	p.desc = FontDescType{
		Ascent:       int(utf.Ascent),
		Descent:      int(utf.Descent),
		CapHeight:    utf.CapHeight,
		Flags:        utf.Flags,
		FontBBox:     utf.Bbox,
		ItalicAngle:  utf.ItalicAngle,
		StemV:        utf.StemV,
		MissingWidth: round(utf.DefaultWidth),
	}
	p.up = int(round(utf.UnderlinePosition))
	p.ut = round(utf.UnderlineThickness)
	p.cw = utf.CharWidths
	p.cut = utf.prepareCut()
}

// id is the font ID of def, which was made from p.
func (p *parsedUTF8) id(def fontDefType) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	id, ok := p.ids[def.Name]
	if !ok {
		id, _ = generateFontID(def)
		p.ids[def.Name] = id
	}
	return id
}

// prepareCut reads what GenerateCutFont needs of the whole font, after
// parseFile: the rune to glyph map parseTables built (GenerateCutFont's
// generateCMAP builds the same from the same cmap subtable) and the glyph
// offsets. It returns nil when the font has no usable cmap; subsetting
// then parses as upstream does.
func (utf *utf8FontFile) prepareCut() *cutTables {
	if utf.cmapPosition == 0 || utf.glyphs == nil {
		return nil
	}
	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()
	if locaFormat != 0 && locaFormat != 1 {
		return nil
	}
	utf.parseLOCATable(locaFormat, numSymbols)
	return &cutTables{glyphs: utf.glyphs, symbolPosition: utf.symbolPosition}
}

// parsedTables are the tables the kept parse reads (parseFile and
// prepareCut); the others, glyf above all, are read from each document's
// own bytes when it is subset.
var parsedTables = map[string]bool{
	"head": true, "hhea": true, "maxp": true, "OS/2": true, "post": true,
	"name": true, "cmap": true, "hmtx": true, "loca": true,
}

// parsedHash hashes what the kept parse of a TrueType font depends on: its
// table directory and the tables it reads. Leaving out the glyph outlines
// (most of the file) spares reading them, which a document needs only for
// the glyphs it uses. A file whose directory does not fit is hashed whole.
func parsedHash(data []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(utf8Seed)
	if len(data) < 12 {
		h.Write(data)
		return h.Sum64()
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	dir := 12 + 16*n
	if dir > len(data) {
		h.Write(data)
		return h.Sum64()
	}
	h.Write(data[:dir])
	for i := range n {
		rec := data[12+16*i:]
		if !parsedTables[string(rec[:4])] {
			continue
		}
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			h.Write(data)
			return h.Sum64()
		}
		h.Write(data[off : off+size])
	}
	return h.Sum64()
}

// compressedCIDToGIDMap returns a zlib stream of the CIDToGIDMap of
// codeSymbol (code → glyph, both below 65,536 as the map holds them),
// written from the pairs by sparseCIDToGIDMapZ (cidmapz.go): the map's 128
// kB are never made.
func compressedCIDToGIDMap(codeSymbol map[int]int) []byte {
	codes := make([]int, 0, len(codeSymbol))
	for cc := range codeSymbol {
		if cc < 0 || cc >= 256*256 {
			// Upstream's 128 kB buffer had no room for it either.
			panic(fmt.Errorf("CIDToGIDMap: code %d out of range", cc))
		}
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	return sparseCIDToGIDMapZ(codes, func(cc int) int { return codeSymbol[cc] })
}
