// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"encoding/binary"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
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

	widthsOnce sync.Once
	widths     string // the /W array, from the font's widths and the used runes
}

// widthsOf is the font's /W array for the subset's runes (cidFontWidths),
// made once: it depends only on the font and the used runes, which are the
// subset's key. It walked every code point up to the last rune used.
func (c *subsetCut) widthsOf(font *fontDefType) string {
	c.widthsOnce.Do(func() { c.widths = cidFontWidths(font, c.lastRune) })
	return c.widths
}

// cutSubset makes the subset of utf for the used runes, as putfonts did
// (GenerateCutFont, then the CIDToGIDMap from its code → glyph map).
func cutSubset(utf *utf8FontFile, usedRunes map[int]int) *subsetCut {
	c := &subsetCut{stream: utf.GenerateCutFont(usedRunes)}
	c.codeSymbol = utf.CodeSymbolDictionary
	delete(c.codeSymbol, 0)
	c.lastRune = utf.LastRune
	// The font stream compressed once per process for equal bytes
	// (compressShared, xcompr.go); the CIDToGIDMap written from its pairs
	// (compressedCIDToGIDMap, utf8cache.go).
	c.cidToGIDMap = compressedCIDToGIDMap(c.codeSymbol)
	c.compressed = compressShared(c.stream)
	return c
}

// preparedCut is a document's subset made ahead. state says who makes it:
// the caller's run (running) or, if run had not started by the time the
// document is closed, the document itself (claimed), so that closing never
// waits for a run that may not come. done is closed when run ends, with
// key and cut set (cut stays nil if making it failed).
type preparedCut struct {
	state atomic.Int32 // prepIdle, prepRunning, prepClaimed
	done  chan struct{}
	key   string // runeKey of the runes it was made for
	cut   *subsetCut
}

const (
	prepIdle int32 = iota
	prepRunning
	prepClaimed
)

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

// PrepareUTF8Subset returns a function that makes the subset of the
// UTF-8 font familyStr/styleStr (already added to f) for the runes that
// runes returns, as the document will make it when closed if its pages
// mark exactly those runes as used. The caller runs it when and where it
// likes, typically on another goroutine while drawing the pages; it does
// not touch f. When the document is closed it waits for a run in progress
// and takes the subset if the runes match, or makes its own, as it does if
// the run has not started: the bytes are the same either way. It returns
// nil if the font is not a UTF-8 font of f, runes is nil, or a subset is
// already being prepared for the font.
func (f *Fpdf) PrepareUTF8Subset(familyStr, styleStr string, runes func() []rune) (run func()) {
	key := getFontKey(familyStr, styleStr)
	font, ok := f.fonts[key]
	if !ok || runes == nil || font.Tp != "UTF8" || font.parsed == nil || font.utf8File == nil || font.prep != nil {
		return nil
	}
	pc := &preparedCut{done: make(chan struct{})}
	font.prep = pc
	f.fonts[key] = font
	base := maps.Clone(font.usedRunes)
	p, data := font.parsed, font.utf8File.fileReader.array
	return func() {
		if !pc.state.CompareAndSwap(prepIdle, prepRunning) {
			return // closed already, or run twice
		}
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
		// The /W array too: it depends on the same runes (the key), and
		// putfonts would make it on the document's goroutine.
		def := font
		def.usedRunes = used
		pc.cut.widthsOf(&def)
	}
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
	if pc.state.CompareAndSwap(prepIdle, prepClaimed) {
		f.prepLate++
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

// PreparedSubsets reports, once the document is closed, how many of its
// font subsets were taken as prepared (PrepareUTF8Subset), how many were
// made by the document because their run had not started (late), and how
// many because the prepared runes differed from the used ones (a caller's
// test checks that this stays zero: it prepares what its pages use).
func (f *Fpdf) PreparedSubsets() (taken, late, madeAgain int) {
	return f.prepHits, f.prepLate, f.prepMisses
}
