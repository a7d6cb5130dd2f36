// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zlibFree holds idle zlib writers (pkgen patch). A writer carries about
// 1 MB of compressor state, which zlib.NewWriterLevel allocates and zeroes
// for every stream; Reset keeps it, and gives the same output as a new
// writer. A bounded free list rather than a sync.Pool, which every garbage
// collection empties.
var zlibFree = make(chan *zlib.Writer, runtime.GOMAXPROCS(0))

// Deflate appends the zlib stream of data (level BestSpeed, as fpdf's own
// streams) to dst, with the writers fpdf uses (pkgen patch: so that a
// program compressing streams of its own next to fpdf's needs no second
// set of writers).
func Deflate(dst *bytes.Buffer, data []byte) {
	deflateTo(dst, data)
}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))
	deflateTo(buf, data)
	return mem
}

func deflateTo(buf *bytes.Buffer, data []byte) {
	deflateFrom(buf, func(write func([]byte)) { write(data) })
}

// deflateFrom appends to buf the zlib stream of what feed writes (pkgen
// patch: a caller may hand its input over in pieces, which gives the same
// stream as one slice of it).
func deflateFrom(buf *bytes.Buffer, feed func(write func([]byte))) {
	var zw *zlib.Writer
	select {
	case zw = <-zlibFree:
		zw.Reset(buf)
	default:
		var err error
		zw, err = zlib.NewWriterLevel(buf, zlib.BestSpeed)
		if err != nil {
			panic(fmt.Errorf("could not create zlib writer: %w", err))
		}
		prefaultTable(zw) // pkgen patch (zprefault.go)
	}
	defer func() {
		zw.Reset(nil) // do not pin buf
		select {
		case zlibFree <- zw:
		default:
		}
	}()
	feed(func(data []byte) {
		if _, err := zw.Write(data); err != nil {
			panic(fmt.Errorf("could not zlib-compress slice: %w", err))
		}
	})

	err := zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}

// deflated keeps the zlib streams of the last font streams compressed
// (pkgen patch): a font subset and its CIDToGIDMap are the same bytes for
// every document that uses the same characters, as a batch of one
// office's PKs or a preview rendered again mostly does, and compressing
// them took a tenth of a document's time. Keyed by the whole input (the
// map compares it), so a hit is the stream upstream would have made.
var deflated = struct {
	sync.Mutex
	m     map[string][]byte
	order []string // oldest first
}{m: map[string][]byte{}}

// deflatedMax bounds the cache: at most this many inputs (a font subset is
// some tens of kB, a CIDToGIDMap 128 kB) and their streams are kept.
const deflatedMax = 24

// compressShared returns the zlib stream of data, compressed once for every
// equal input of the process; the result is shared and must not be changed.
func compressShared(data []byte) []byte {
	deflated.Lock()
	z, ok := deflated.m[string(data)]
	deflated.Unlock()
	if ok {
		return z
	}
	var buf bytes.Buffer
	buf.Grow(len(data) / 2)
	deflateTo(&buf, data)
	z = buf.Bytes()
	deflated.Lock()
	defer deflated.Unlock()
	if old, ok := deflated.m[string(data)]; ok {
		return old
	}
	if len(deflated.order) == deflatedMax {
		delete(deflated.m, deflated.order[0])
		deflated.order = deflated.order[1:]
	}
	key := string(data)
	deflated.m[key] = z
	deflated.order = append(deflated.order, key)
	return z
}
