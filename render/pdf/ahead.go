package pdf

import (
	"bytes"
	"sync"
)

// aheadStreams are the sources of a document deflated on another goroutine
// (PrepareSources); Bytes embeds them instead of deflating the sources on
// its way out.
type aheadStreams struct {
	done chan struct{}
	srcs []Source
	z    [][]byte // nil where deflating failed: finish does it again
}

// PrepareSources starts deflating opt's sources on another goroutine, where
// a core is spare, and returns opt carrying them: Bytes with the returned
// options embeds the streams made ahead instead of deflating the sources
// at the end, after the pages (about half a millisecond for the seed's 38
// kB of TOML). The bytes are the same either way.
func PrepareSources(opt Options) Options {
	if len(opt.Sources) == 0 || !spareCore() {
		return opt
	}
	a := &aheadStreams{done: make(chan struct{}), srcs: opt.Sources, z: make([][]byte, len(opt.Sources))}
	go func() {
		defer close(a.done)
		for i, s := range a.srcs {
			a.z[i] = deflated(s.Data)
		}
	}()
	opt.ahead = a
	return opt
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
	<-a.done
	return a.z[i]
}

// srgbDeflated is the sRGB output intent profile deflated, once per process.
var srgbDeflated = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	deflate(&b, srgbProfile)
	return b.Bytes()
})
