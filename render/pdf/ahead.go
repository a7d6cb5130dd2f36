package pdf

import (
	"bytes"
	"sync"
)

// aheadStreams are the sources of a document to deflate ahead
// (PrepareSources, run by PrepareFonts); Bytes embeds them instead of
// deflating the sources on its way out.
type aheadStreams struct {
	once sync.Once
	srcs []Source
	z    [][]byte // nil where deflating failed: finish does it again
}

// PrepareSources returns opt carrying its sources to be deflated ahead:
// PrepareFonts with these options deflates them on its goroutine after
// the font subsets, and Bytes with them embeds the streams made there
// instead of deflating the sources at the end, after the pages, on the
// way out (about half a millisecond for the seed's 38 kB of TOML). If
// nothing deflated them ahead, Bytes does. The bytes are the same either
// way.
func PrepareSources(opt Options) Options {
	if len(opt.Sources) > 0 {
		opt.ahead = &aheadStreams{srcs: opt.Sources, z: make([][]byte, len(opt.Sources))}
	}
	return opt
}

// run deflates the sources, once; nothing without any.
func (a *aheadStreams) run() {
	if a == nil {
		return
	}
	a.once.Do(func() {
		for i, s := range a.srcs {
			a.z[i] = deflated(s.Data)
		}
	})
}

// deflated is data's zlib stream; nil if deflating panicked (finish then
// deflates it again, and the panic is its own).
func deflated(data []byte) (z []byte) {
	defer func() {
		if recover() != nil {
			z = nil
		}
	}()
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	deflate(&b, data)
	return b.Bytes()
}

// stream is the deflated source i if it was made ahead for s, else nil.
func (a *aheadStreams) stream(i int, s Source) []byte {
	if a == nil || i >= len(a.srcs) {
		return nil
	}
	if p := a.srcs[i].Data; len(p) != len(s.Data) || len(p) > 0 && &p[0] != &s.Data[0] {
		return nil // not the bytes it was made of
	}
	a.run() // if nobody has, or waits for whoever is at it
	return a.z[i]
}
