// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"hash/maphash"
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
}

// cutTables are the tables GenerateCutFont reads from the whole font.
type cutTables struct {
	charSymbol     map[int]int // rune → glyph index, from the cmap
	symbolPosition []int       // glyph offsets in glyf, from loca
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
	key := utf8Key{maphash.Bytes(utf8Seed, data), len(data)}
	v, _ := utf8Fonts.LoadOrStore(key, &parsedUTF8{})
	p := v.(*parsedUTF8)
	p.once.Do(func() { p.parse(data) })
	return p
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
	p.ids = map[string]string{}
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
	if utf.cmapPosition == 0 || utf.charSymbolDictionary == nil {
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
	return &cutTables{charSymbol: utf.charSymbolDictionary, symbolPosition: utf.symbolPosition}
}
