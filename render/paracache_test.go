package render

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"pkgen/fonts"
)

// The definitions' cache parses a text once, whoever asks and however
// many at once, gives what RichParas gives, and keeps at most two
// generations of about max bytes of texts.
func TestParaCache(t *testing.T) {
	c := newParaCache(100)
	var parses atomic.Int32
	parse := func(md string) []Para {
		parses.Add(1)
		return RichParas(md, fonts.Regular, 1.2)
	}
	md := "**DEFINISI :** indeks *kepuasan* masyarakat"
	var wg sync.WaitGroup
	got := make([][]Para, 8)
	for i := range got {
		wg.Go(func() { got[i] = c.get(md, parse) })
	}
	wg.Wait()
	if n := parses.Load(); n != 1 {
		t.Fatalf("parsed %d times by 8 callers", n)
	}
	want := RichParas(md, fonts.Regular, 1.2)
	for _, g := range got {
		if !reflect.DeepEqual(g, want) {
			t.Fatalf("cached paragraphs differ from RichParas: %+v", g)
		}
	}

	// 40-byte texts: two fill a generation of 100 bytes; the third starts
	// a new one, the fifth drops the first two.
	text := func(i int) string { return fmt.Sprintf("%-40d", i) }
	for i := range 5 {
		c.get(text(i), parse)
	}
	before := parses.Load()
	c.get(text(4), parse) // current generation
	c.get(text(2), parse) // old generation: moves back
	if n := parses.Load() - before; n != 0 {
		t.Errorf("%d texts parsed again from the two generations kept", n)
	}
	c.get(text(0), parse) // dropped
	if n := parses.Load() - before; n != 1 {
		t.Errorf("a dropped text: %d parses, want 1", n)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept := len(c.m) + len(c.old); kept > 5 {
		t.Errorf("%d texts kept, want at most 5 of 40 bytes with max 100", kept)
	}
	if c.size > c.max {
		t.Errorf("current generation holds %d bytes, max %d", c.size, c.max)
	}
}
