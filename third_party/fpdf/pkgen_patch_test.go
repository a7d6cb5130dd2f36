// pkgen patch: tests of what differs from upstream (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

var fixedTime = time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)

// upstreamFontID is generateFontID as upstream v0.12.0 has it.
func upstreamFontID(fdt fontDefType) (string, error) {
	fdt.File = ""
	b, err := json.Marshal(&fdt)
	return fmt.Sprintf("%x", sha1.Sum(b)), err
}

func TestFontIDAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cw := make([]int, 256*256)
	for i := range cw {
		if rng.Intn(3) == 0 {
			cw[i] = rng.Intn(70000) - 10
		}
	}
	for _, def := range []fontDefType{
		{Tp: "UTF8", Name: "liberationsans", Cw: cw, Desc: FontDescType{Ascent: 905, Descent: -212, FontBBox: fontBoxType{-544, -303, 1302, 980}}},
		{Tp: "UTF8", Name: `odd "Cw":null, name`, Cw: cw[:10], File: "x.z"},
		{Tp: "UTF8", Name: "<&>", Cw: []int{}, Up: -106, Ut: 73},
		{Tp: "TrueType", Name: "core", Cw: nil, Enc: "cp1252", Diff: `"Cw":null`},
	} {
		want, werr := upstreamFontID(def)
		got, err := generateFontID(def)
		if got != want || (err == nil) != (werr == nil) {
			t.Errorf("%q: ID %s (%v), upstream %s (%v)", def.Name, got, err, want, werr)
		}
	}
}

// TestCompressReused: a zlib writer taken from the free list gives the
// bytes a new one gives, whatever it compressed before.
func TestCompressReused(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	inputs := [][]byte{bytes.Repeat([]byte("BT /F1 9 Tf ET\n"), 5000), make([]byte, 256*256*2), {}, []byte("x")}
	big := make([]byte, 300000)
	rng.Read(big[:100000])
	inputs = append(inputs, big)
	for round := range 3 {
		for i, in := range inputs {
			var want bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
			zw.Write(in)
			zw.Close()
			mem := xmem.compress(in)
			if !bytes.Equal(mem.bytes(), want.Bytes()) {
				t.Errorf("round %d input %d: compressed bytes differ from a new writer's", round, i)
			}
			zr, err := zlib.NewReader(bytes.NewReader(mem.bytes()))
			if err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(back, in) {
				t.Errorf("round %d input %d: does not decompress to the input (%v)", round, i, err)
			}
			mem.release()
			var out bytes.Buffer
			out.WriteString("prefix")
			Deflate(&out, in)
			if !bytes.Equal(out.Bytes()[len("prefix"):], want.Bytes()) || string(out.Bytes()[:len("prefix")]) != "prefix" {
				t.Errorf("round %d input %d: Deflate does not append a new writer's bytes", round, i)
			}
		}
	}
}

// TestCompressShared: a font stream compressed once per process is the
// stream a new writer makes of it, equal inputs share one result, an
// input changed in place after the call does not change what it gave, and
// the cache keeps at most deflatedMax inputs, dropping the oldest.
func TestCompressShared(t *testing.T) {
	in := bytes.Repeat([]byte("glyf loca hmtx "), 4000)
	var want bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
	zw.Write(in)
	zw.Close()
	first := compressShared(in)
	if !bytes.Equal(first, want.Bytes()) {
		t.Fatal("compressShared differs from a new writer's stream")
	}
	again := compressShared(bytes.Clone(in))
	if &again[0] != &first[0] {
		t.Error("an equal input was compressed again")
	}
	in[0] = 'X' // the caller reuses its buffer
	if !bytes.Equal(compressShared(bytes.Repeat([]byte("glyf loca hmtx "), 4000)), want.Bytes()) {
		t.Error("changing the input after the call changed the cached stream")
	}
	for i := range deflatedMax + 5 {
		compressShared([]byte(fmt.Sprintf("input %d", i)))
	}
	deflated.Lock()
	n, order := len(deflated.m), len(deflated.order)
	_, oldest := deflated.m["input 0"]
	_, newest := deflated.m[fmt.Sprintf("input %d", deflatedMax+4)]
	deflated.Unlock()
	if n != deflatedMax || order != deflatedMax || oldest || !newest {
		t.Errorf("cache holds %d (order %d), oldest kept %v, newest kept %v; want %d, the oldest dropped", n, order, oldest, newest, deflatedMax)
	}
}

// testTTF is one of pkgen's embedded fonts (the repository this copy lives
// in); upstream's test fonts are not part of the copy.
func testTTF(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../fonts/" + name)
	if err != nil {
		t.Skipf("pkgen's fonts not found: %v", err)
	}
	return b
}

// TestCutFontFromCache: subsetting with the tables kept from the parse
// gives the bytes upstream's subsetting (which parses the font again)
// gives, for several sets of runes.
func TestCutFontFromCache(t *testing.T) {
	for _, name := range []string{"LiberationSans-Regular.ttf", "LiberationSans-BoldItalic.ttf"} {
		ttf := testTTF(t, name)
		parsed := parseUTF8Cached(ttf)
		if parsed.err != nil || parsed.cut == nil {
			t.Fatalf("%s: %v, cut tables %v", name, parsed.err, parsed.cut != nil)
		}
		for _, runes := range []string{"", "Perjanjian Kinerja 2024", "àéîõü ĀăĞş €—“”•…≤≥ √∞", "\u0400\u04ff\u2603"} {
			used := makeSubsetRange(57)
			for _, r := range runes {
				used[int(r)] = int(r)
			}
			delete(used, 0)
			fresh := newUTF8Font(&fileReader{array: ttf})
			if err := fresh.parseFile(); err != nil {
				t.Fatal(err)
			}
			want := fresh.GenerateCutFont(used)

			cached := newUTF8Font(&fileReader{array: ttf})
			cached.cut = parsed.cut
			got := cached.GenerateCutFont(used)
			if !bytes.Equal(got, want) {
				t.Errorf("%s %q: subset differs from upstream's (%d bytes, upstream %d)", name, runes, len(got), len(want))
			}
			if fmt.Sprint(cached.CodeSymbolDictionary) != fmt.Sprint(fresh.CodeSymbolDictionary) || cached.LastRune != fresh.LastRune {
				t.Errorf("%s %q: glyph map or last rune differ from upstream's", name, runes)
			}
		}
	}
}

// TestCachedFontAsUpstream: a font added from the cache has the metrics,
// widths and ID a fresh parse gives.
func TestCachedFontAsUpstream(t *testing.T) {
	ttf := testTTF(t, "LiberationSans-Bold.ttf")
	utf := newUTF8Font(&fileReader{array: ttf})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	want := fontDefType{
		Tp: "UTF8", Name: "liberationsansB",
		Desc: FontDescType{
			Ascent: int(utf.Ascent), Descent: int(utf.Descent), CapHeight: utf.CapHeight, Flags: utf.Flags,
			FontBBox: utf.Bbox, ItalicAngle: utf.ItalicAngle, StemV: utf.StemV, MissingWidth: round(utf.DefaultWidth),
		},
		Up: int(round(utf.UnderlinePosition)), Ut: round(utf.UnderlineThickness), Cw: utf.CharWidths,
	}
	want.i, _ = upstreamFontID(want)

	for range 2 { // the second from the cache
		f := New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("LiberationSans", "B", ttf)
		got := f.fonts["liberationsansB"]
		if got.i != want.i || got.Desc != want.Desc || got.Up != want.Up || got.Ut != want.Ut || fmt.Sprint(got.Cw) != fmt.Sprint(want.Cw) {
			t.Errorf("cached font differs from a fresh parse: ID %s (want %s), desc %+v (want %+v)", got.i, want.i, got.Desc, want.Desc)
		}
	}
}

// TestCachedFontConcurrent: documents made at once from the shared font
// are byte-identical (go test -race checks the sharing).
func TestCachedFontConcurrent(t *testing.T) {
	ttf := testTTF(t, "LiberationSans-Italic.ttf")
	doc := func() []byte {
		f := New("P", "mm", "A4", "")
		f.SetCatalogSort(true)
		f.SetCreationDate(fixedTime)
		f.SetModificationDate(fixedTime)
		f.AddUTF8FontFromBytes("LiberationSans", "I", ttf)
		f.AddPage()
		f.SetFont("LiberationSans", "I", 11)
		f.Text(10, 20, "Perjanjian Kinerja — “ĀăĞş” 2024")
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Error(err)
		}
		return b.Bytes()
	}
	want := doc()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := doc(); !bytes.Equal(got, want) {
				t.Error("a document made concurrently differs")
			}
		})
	}
	wg.Wait()
}

// TestParsedHash: the cache key covers the tables the kept parse reads and
// not the glyph outlines, which each document's subset reads itself.
func TestParsedHash(t *testing.T) {
	ttf := testTTF(t, "LiberationSans-Regular.ttf")
	table := func(tag string) (int, int) {
		n := int(ttf[4])<<8 | int(ttf[5])
		for i := range n {
			rec := ttf[12+16*i:]
			if string(rec[:4]) == tag {
				u32 := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
				return u32(rec[8:]), u32(rec[12:])
			}
		}
		t.Fatalf("no %s table", tag)
		return 0, 0
	}
	base := parsedHash(ttf)
	for _, c := range []struct {
		tag  string
		same bool
	}{{"glyf", true}, {"hmtx", false}, {"cmap", false}, {"loca", false}, {"head", false}} {
		off, size := table(c.tag)
		changed := bytes.Clone(ttf)
		changed[off+size/2] ^= 0x55
		if got := parsedHash(changed) == base; got != c.same {
			t.Errorf("a byte of %s changed: same key %v, want %v", c.tag, got, c.same)
		}
	}
	short := []byte{0, 1, 0, 0, 0xff, 0xff}
	if parsedHash(short) == parsedHash([]byte{0, 1, 0, 0, 0xff, 0xfe}) {
		t.Error("short inputs hashed alike")
	}
}

// TestTextOpAsUpstream: Text's operator is written as upstream's sprintf
// writes it, for all kinds of numbers and texts.
func TestTextOpAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	values := []float64{0, math.Copysign(0, -1), 0.004999, 0.005, 0.015, 0.025, -0.005, 1.005, 2.675, 123.455, 841.89, -12.3456, 1e-9, 1e21, 14400}
	for range 2000 {
		values = append(values, (rng.Float64()-0.3)*2000, float64(rng.Intn(100000))/1000)
	}
	texts := []string{"", "Perjanjian (Kinerja)", `a\\b`, "x\\\\y", "\x00H\x00a"}
	for i, x := range values {
		y := values[(i*7+3)%len(values)]
		txt := texts[i%len(texts)]
		want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, txt)
		if got := string(appendTextOp(nil, x, y, txt)); got != want {
			t.Fatalf("x %v y %v: %q, upstream %q", x, y, got, want)
		}
	}
}

// TestTextOpUTF16: the operator written in place for a UTF-8 font is
// appendTextOp of the escaped UTF-16 string upstream makes, for texts
// whose UTF-16 bytes hold parentheses, backslashes and carriage returns
// in either byte, runes of every UTF-8 length, and random texts.
func TestTextOpUTF16(t *testing.T) {
	f := New("P", "mm", "A4", "")
	texts := []string{"", "Perjanjian (Kinerja)", `a\b(c)d`, "\r\n", "\u2829\u5c00\u0d0d\u285c\u0029", "é—Ā", "8x\U0001F600", "((((", "\\"}
	rng := rand.New(rand.NewSource(5))
	pool := []rune{'(', ')', '\\', '\r', 'a', ' ', 'é', '—', 0x2829, 0x5C29, 0x0D28, 0x28FF, 0xFFFD, 0x10000}
	for range 3000 {
		r := make([]rune, rng.Intn(12))
		for i := range r {
			r[i] = pool[rng.Intn(len(pool))]
		}
		texts = append(texts, string(r))
	}
	for i, s := range texts {
		x, y := float64(i)*1.37, 841.89-float64(i)*0.5
		want := string(appendTextOp(nil, x, y, f.escape(utf8toutf16(s, false))))
		if got := string(appendTextOpUTF16([]byte("keep"), x, y, s)); got != "keep"+want {
			t.Fatalf("%q: %q, upstream %q", s, got, want)
		}
	}
}

// TestTextMarksRunes: Text records every rune it draws with itself as the
// value, the runes below 57 too (makeSubsetRange starts them at 0), as
// upstream does; subsetting reads the values.
func TestTextMarksRunes(t *testing.T) {
	f := New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("LiberationSans", "", testTTF(t, "LiberationSans-Regular.ttf"))
	f.AddPage()
	f.SetFont("LiberationSans", "", 11)
	const s = "08 (x)—Ā"
	f.Text(10, 10, s)
	f.Text(10, 20, s) // again: already there
	used := f.fonts["liberationsans"].usedRunes
	for _, r := range s {
		if v, ok := used[int(r)]; !ok || v != int(r) {
			t.Errorf("rune %q: used %d (%v), want %d", r, v, ok, r)
		}
	}
	if v := used[int('1')]; v != 0 {
		t.Errorf("rune '1', not drawn: %d, want makeSubsetRange's 0", v)
	}
	// Each font has its own marks (runeBits): runes drawn in one face are
	// recorded again in another; a rune beyond the BMP is recorded each
	// time it is drawn.
	f.AddUTF8FontFromBytes("LiberationSans", "B", testTTF(t, "LiberationSans-Bold.ttf"))
	f.SetFont("LiberationSans", "B", 11)
	const b = "8x\U0001F600"
	f.Text(10, 30, b)
	f.Text(10, 40, b)
	bold := f.fonts["liberationsansB"].usedRunes
	for _, r := range b {
		if v, ok := bold[int(r)]; !ok || v != int(r) {
			t.Errorf("bold rune %q: used %d (%v), want %d", r, v, ok, r)
		}
	}
	if v := bold[int('0')]; v != 0 {
		t.Errorf("rune '0', drawn in the regular face only: bold has %d, want makeSubsetRange's 0", v)
	}
}

// TestKnownFontID: UTF8FontID is the ID adding the font gives, and an ID
// recorded with KnownUTF8FontID is used as it is, for that font key only.
func TestKnownFontID(t *testing.T) {
	ttf := testTTF(t, "LiberationSans-Regular.ttf")
	id, err := UTF8FontID("LiberationSans", "", ttf)
	if err != nil {
		t.Fatal(err)
	}
	f := New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("LiberationSans", "", ttf)
	if got := f.fonts["liberationsans"].i; got != id {
		t.Fatalf("UTF8FontID %s, adding the font gives %s", id, got)
	}
	// Another key for the same bytes, so that the ID computed above for
	// "liberationsans" is not in the way.
	KnownUTF8FontID("Kept", "B", ttf, "kept-id")
	f = New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("Kept", "B", ttf)
	f.AddUTF8FontFromBytes("Kept", "I", ttf)
	if got := f.fonts["keptB"].i; got != "kept-id" {
		t.Errorf("recorded ID not used: %s", got)
	}
	if got, want := f.fonts["keptI"].i, mustID(t, "Kept", "I", ttf); got != want {
		t.Errorf("another style got %s, want its computed %s", got, want)
	}
	if _, err := UTF8FontID("x", "", []byte("not a font")); err == nil {
		t.Error("UTF8FontID of a non-font: no error")
	}
}

func mustID(t *testing.T, family, style string, ttf []byte) string {
	t.Helper()
	id, err := UTF8FontID(family, style, ttf)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestPreparedSubset: a document whose subset was prepared for its runes
// takes it and is byte-identical to one without; prepared for other runes,
// or run too late, it makes its own and is still identical.
func TestPreparedSubset(t *testing.T) {
	ttf := testTTF(t, "LiberationSans-Regular.ttf")
	const text = "Perjanjian Kinerja 2024: ±½ Ünïcode"
	type counts struct{ taken, late, again int }
	doc := func(runes func() []rune, late bool) ([]byte, counts) {
		f := New("P", "mm", "A4", "")
		f.SetCreationDate(fixedTime)
		f.SetModificationDate(fixedTime)
		f.AddUTF8FontFromBytes("Prep", "", ttf)
		if runes != nil {
			run := f.PrepareUTF8Subset("Prep", "", runes)
			if run == nil {
				t.Fatal("PrepareUTF8Subset refused a UTF-8 font")
			}
			if f.PrepareUTF8Subset("Prep", "", func() []rune { return nil }) != nil {
				t.Error("a second PrepareUTF8Subset for the same font accepted")
			}
			if late {
				defer run() // after closing: the document made its own
			} else {
				run() // before drawing, so that the test does not race it
			}
		}
		f.AddPage()
		f.SetFont("Prep", "", 12)
		f.Text(10, 20, text)
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		var c counts
		c.taken, c.late, c.again = f.PreparedSubsets()
		return b.Bytes(), c
	}
	f := New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("Prep", "", ttf)
	if f.PrepareUTF8Subset("Prep", "", nil) != nil {
		t.Error("PrepareUTF8Subset accepted no runes function")
	}
	if f.PrepareUTF8Subset("Helvetica", "", func() []rune { return nil }) != nil {
		t.Error("PrepareUTF8Subset accepted a font that is not a UTF-8 font of the document")
	}
	want, _ := doc(nil, false)
	for _, c := range []struct {
		name  string
		runes func() []rune
		late  bool
		want  counts
	}{
		{"same runes", func() []rune { return []rune(text) }, false, counts{1, 0, 0}},
		{"same runes again (shared)", func() []rune { return []rune(text) }, false, counts{1, 0, 0}},
		{"other runes", func() []rune { return []rune("xyz") }, false, counts{0, 0, 1}},
		{"panicking", func() []rune { panic("no runes") }, false, counts{0, 0, 1}},
		{"run after closing", func() []rune { return []rune(text) }, true, counts{0, 1, 0}},
	} {
		got, n := doc(c.runes, c.late)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the document differs from one made without preparing", c.name)
		}
		if n != c.want {
			t.Errorf("%s: taken, late, made again = %v, want %v", c.name, n, c.want)
		}
	}
}

// TestPageBuffersReused: a document's page buffers go back to the free list
// when it is closed, and the next documents are byte-identical to the first
// (a reused buffer starts empty); its page count stays. A page made at a
// size told ahead (SetNextPageSize: none, too small, about right, larger
// than kept) is the same too.
func TestPageBuffersReused(t *testing.T) {
	size := 0
	make1 := func(pages int) []byte {
		f := New("P", "mm", "A4", "")
		f.SetCreationDate(fixedTime)
		f.SetModificationDate(fixedTime)
		f.SetFont("Helvetica", "", 12)
		for i := range pages {
			f.SetNextPageSize(size)
			f.AddPage()
			for j := range 60 {
				f.Text(10, 10+float64(j)*4, fmt.Sprintf("page %d line %d", i, j))
			}
		}
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		if f.PageCount() != pages {
			t.Errorf("page count %d after closing, want %d", f.PageCount(), pages)
		}
		return b.Bytes()
	}
	first := make1(3)
	make1(5) // leaves grown buffers on the free list
	for range 3 {
		if again := make1(3); !bytes.Equal(again, first) {
			t.Fatal("a document made with reused page buffers differs")
		}
	}
	for _, size = range []int{10, 3000, pageBufferMax + 1} {
		if again := make1(3); !bytes.Equal(again, first) {
			t.Fatalf("a document with pages sized %d ahead differs", size)
		}
	}
}

// TestCompressionBeside: page contents compressed on a second goroutine
// as well give the same document, for one page and for many, with the
// {nb} alias replaced in some pages, and when a document is made again
// right after (the page buffers go back to the free list only once the
// goroutine is done; run with -race).
func TestCompressionBeside(t *testing.T) {
	make1 := func(pages int, beside bool) []byte {
		f := New("P", "mm", "A4", "")
		f.SetCreationDate(fixedTime)
		f.SetModificationDate(fixedTime)
		f.SetCompressionBeside(beside)
		f.AliasNbPages("")
		f.SetFont("Helvetica", "", 12)
		for i := range pages {
			f.AddPage()
			for j := range 80 {
				f.Text(10, 10+float64(j)*3.5, fmt.Sprintf("page %d of {nb}, line %d: %d", i+1, j, i*j*7919%1000))
			}
		}
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, pages := range []int{1, 2, 3, 17} {
		want := make1(pages, false)
		if !bytes.Contains(want, []byte("/Filter /FlateDecode")) {
			t.Fatal("pages not compressed")
		}
		for range 3 {
			if got := make1(pages, true); !bytes.Equal(got, want) {
				t.Fatalf("%d pages: compressed beside, the document differs", pages)
			}
		}
	}
}

// TestCompressedCIDToGIDMap: a CIDToGIDMap written from its pairs
// inflates to the map's 128 kB as upstream wrote them, and equal pairs give
// equal streams.
func TestCompressedCIDToGIDMap(t *testing.T) {
	pairs := map[int]int{0: 9, 32: 3, 65: 36, 0xE9: 140, 2047: 512, 2048: 0x1234, 0x2014: 1170, 0xFFFD: 2200, 0xFFFF: 65535}
	raw := make([]byte, 256*256*2)
	for cc, g := range pairs {
		raw[cc*2], raw[cc*2+1] = byte(g>>8), byte(g)
	}
	first := compressedCIDToGIDMap(pairs)
	zr, err := zlib.NewReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, raw) {
		t.Fatalf("the stream inflates to %d bytes (%v), not the map's", len(got), err)
	}
	if again := compressedCIDToGIDMap(maps.Clone(pairs)); !bytes.Equal(again, first) {
		t.Error("equal pairs gave another stream")
	}
	other := maps.Clone(pairs)
	other[66] = 37
	if bytes.Equal(compressedCIDToGIDMap(other), first) {
		t.Error("another map gave the same stream")
	}
}

// TestWidthsFromPairs: the parse's widths, made from the cmap's pairs
// (parseHMTXPairs), are the widths upstream's maps give (parseHMTXTable),
// and its rune → glyph array answers as upstream's map does, for every
// rune of the Basic Multilingual Plane, in pkgen's four faces.
func TestWidthsFromPairs(t *testing.T) {
	for _, name := range []string{"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"} {
		ttf := testTTF(t, name)
		got := newUTF8Font(&fileReader{array: ttf})
		if err := got.parseFile(); err != nil {
			t.Fatal(err)
		}
		want := newUTF8Font(&fileReader{array: ttf})
		if err := want.parseFile(); err != nil {
			t.Fatal(err)
		}
		// Upstream's maps and widths, from the same subtable and counts.
		n := want.parseHHEATable()
		want.SeekTable("maxp")
		want.skip(4)
		numSymbols := want.readUint16()
		symbolChar, charSymbol := map[int][]int{}, map[int]int{}
		want.generateSCCSDictionaries(want.cmapPosition, symbolChar, charSymbol)
		want.parseHMTXTable(n, numSymbols, symbolChar, 1000.0/float64(want.fontElementSize))

		if got.DefaultWidth != want.DefaultWidth || !slices.Equal(got.CharWidths, want.CharWidths) {
			t.Errorf("%s: widths differ from upstream's (default %v, upstream %v)", name, got.DefaultWidth, want.DefaultWidth)
		}
		if len(charSymbol) < 1000 {
			t.Fatalf("%s: %d runes in the cmap", name, len(charSymbol))
		}
		for r := range 1 << 16 {
			s, ok := got.symbolOf(r)
			ws, wok := charSymbol[r]
			if s != ws || ok != wok {
				t.Fatalf("%s: rune %#x: glyph %d (%v), upstream %d (%v)", name, r, s, ok, ws, wok)
			}
		}
	}
}
