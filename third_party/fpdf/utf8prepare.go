// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"encoding/binary"
	"maps"
	"slices"
	"sync"
)

// A document's font subsets are made and compressed when the document is
// closed (putfonts), after every page, on the caller's goroutine. A caller
// that knows the text of every page before drawing them may have the
// subsets made meanwhile on another core: PrepareUTF8Subset. The document
// then takes a prepared subset only if it was made for exactly the runes
// the document marked as used, so the bytes are the same either way.

// subsetCut is a font subset and what putfonts needs of its making.
type subsetCut struct {
	stream      []byte      // the subset font program, uncompressed
	compressed  []byte      // stream, zlib-compressed (shared: not to be changed)
	codeSymbol  map[int]int // rune → glyph of the subset, rune 0 removed
	lastRune    int
	cidToGIDMap []byte // the compressed CIDToGIDMap (shared)
}

// cutSubset makes the subset of utf for the used runes, as putfonts did
// (GenerateCutFont, then the CIDToGIDMap from its code → glyph map).
func cutSubset(utf *utf8FontFile, usedRunes map[int]int) *subsetCut {
	c := &subsetCut{stream: utf.GenerateCutFont(usedRunes)}
	c.codeSymbol = utf.CodeSymbolDictionary
	delete(c.codeSymbol, 0)
	c.lastRune = utf.LastRune
	// A zeroed buffer from a free list, not a new 128 kB one per font.
	buf := getCIDToGIDMap()
	for cc, glyph := range c.codeSymbol {
		buf[cc*2] = byte(glyph >> 8)
		buf[cc*2+1] = byte(glyph & 0xFF)
	}
	// Both streams compressed once per process for equal bytes
	// (compressShared, xcompr.go).
	c.cidToGIDMap = compressShared(buf)
	putCIDToGIDMap(buf)
	c.compressed = compressShared(c.stream)
	return c
}

// preparedCut is a document's subset being made ahead; done is closed
// when key and cut are set (cut stays nil if making it failed).
type preparedCut struct {
	done chan struct{}
	key  string // runeKey of the runes it was made for
	cut  *subsetCut
}

// sharedCut is a subset kept for the documents of the process that use the
// same runes of the same font (a batch of one office's PKs).
type sharedCut struct {
	done chan struct{}
	cut  *subsetCut
}

// sharedMax bounds the subsets kept per font.
const sharedMax = 8

// preparedSubsets are a font's subsets kept by rune set (runeKey).
type preparedSubsets struct {
	mu    sync.Mutex
	m     map[string]*sharedCut
	order []string
}

// runeKey is the used-rune map as a string: its pairs in key order.
// GenerateCutFont reads the values, so they are part of the key.
func runeKey(used map[int]int) string {
	keys := make([]int, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint32(b, uint32(k))
		b = binary.LittleEndian.AppendUint32(b, uint32(used[k]))
	}
	return string(b)
}

// PrepareUTF8Subset starts making, on another goroutine, the subset of the
// UTF-8 font familyStr/styleStr (already added to f) for the runes that
// runes returns (called on that goroutine; it must not touch f), as the
// document will make it when closed if its pages mark exactly those runes
// as used. When the document is closed it waits for the prepared subset
// and takes it if the runes match, or makes its own: the bytes are the
// same. It reports false, and starts nothing, if the font is not a UTF-8
// font of f, runes is nil, or a subset is already being prepared for it.
func (f *Fpdf) PrepareUTF8Subset(familyStr, styleStr string, runes func() []rune) bool {
	key := getFontKey(familyStr, styleStr)
	font, ok := f.fonts[key]
	if !ok || runes == nil || font.Tp != "UTF8" || font.parsed == nil || font.utf8File == nil || font.prep != nil {
		return false
	}
	pc := &preparedCut{done: make(chan struct{})}
	font.prep = pc
	f.fonts[key] = font
	base := maps.Clone(font.usedRunes)
	p, data := font.parsed, font.utf8File.fileReader.array
	go func() {
		defer close(pc.done)
		// A panic (in runes, say) only loses the head start: the
		// document makes its own subset.
		defer func() { recover() }()
		used := base
		for _, r := range runes() { // as Text marks them
			used[int(r)] = int(r)
		}
		delete(used, 0)
		pc.key = runeKey(used)
		pc.cut = p.sharedCut(pc.key, func() *subsetCut {
			utf := newUTF8Font(&fileReader{readerPosition: 0, array: data})
			utf.cut = p.cut
			return cutSubset(utf, used)
		})
	}()
	return true
}

// sharedCut returns the subset kept for key, made by cut if there is none
// (a concurrent caller for the same key waits for the first).
func (p *parsedUTF8) sharedCut(key string, cut func() *subsetCut) *subsetCut {
	p.prep.mu.Lock()
	if s, ok := p.prep.m[key]; ok {
		p.prep.mu.Unlock()
		<-s.done
		if s.cut != nil {
			return s.cut
		}
		return cut()
	}
	if p.prep.m == nil {
		p.prep.m = map[string]*sharedCut{}
	}
	s := &sharedCut{done: make(chan struct{})}
	if len(p.prep.order) == sharedMax {
		delete(p.prep.m, p.prep.order[0])
		p.prep.order = p.prep.order[1:]
	}
	p.prep.m[key] = s
	p.prep.order = append(p.prep.order, key)
	p.prep.mu.Unlock()
	defer close(s.done)
	s.cut = cut()
	return s.cut
}

// preparedFor returns font's prepared subset if it was made for exactly
// the used runes, after waiting for it; nil otherwise. It counts the
// outcome in f (PreparedSubsets).
func (f *Fpdf) preparedFor(font fontDefType, used map[int]int) *subsetCut {
	pc := font.prep
	if pc == nil {
		return nil
	}
	<-pc.done
	if pc.cut == nil || pc.key != runeKey(used) {
		f.prepMisses++
		return nil
	}
	f.prepHits++
	return pc.cut
}

// PreparedSubsets reports how many of the document's font subsets were
// taken as prepared (PrepareUTF8Subset) and how many were prepared but
// made again, because the runes differed; known once the document is
// closed (a caller's test checks that it prepares what its pages use).
func (f *Fpdf) PreparedSubsets() (taken, madeAgain int) {
	return f.prepHits, f.prepMisses
}
