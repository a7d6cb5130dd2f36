// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"sync/atomic"
)

// putpages compresses the page contents one after the other on the
// caller's goroutine. With SetCompressionBeside another goroutine
// compresses them too, from the last page back, while the caller goes from
// the first page on; each page is compressed by whichever reaches it
// first, and written in order, so the bytes are the same either way.

// SetCompressionBeside has a document's page contents compressed on a
// second goroutine as well when the document is closed (when compression
// is on): for a caller with a core to spare.
func (f *Fpdf) SetCompressionBeside(on bool) {
	f.compressBeside = on
}

// pagesBeside are the page contents claimed by the second goroutine.
type pagesBeside struct {
	state []atomic.Int32 // by page: 0 free, 1 the caller's, 2 the goroutine's
	done  []chan struct{}
	mem   []*membuffer // the goroutine's results (nil if it failed)
	quit  atomic.Bool
	ended chan struct{}
}

// compressPagesBeside starts the second goroutine over pages 1 to nb.
func (f *Fpdf) compressPagesBeside(nb int) *pagesBeside {
	b := &pagesBeside{
		state: make([]atomic.Int32, nb+1),
		done:  make([]chan struct{}, nb+1),
		mem:   make([]*membuffer, nb+1),
		ended: make(chan struct{}),
	}
	bufs := make([]*bytes.Buffer, nb+1)
	for n := 1; n <= nb; n++ {
		b.done[n] = make(chan struct{})
		bufs[n] = f.pages[n]
	}
	go func() {
		defer close(b.ended)
		for n := nb; n >= 1 && !b.quit.Load(); n-- {
			if !b.state[n].CompareAndSwap(0, 2) {
				return // the caller has come this far
			}
			func() {
				defer close(b.done[n])
				// A failure only loses the help: the caller then
				// compresses the page itself.
				defer func() { recover() }()
				b.mem[n] = xmem.compress(bufs[n].Bytes())
			}()
		}
	}()
	return b
}

// take returns page n's contents compressed by the goroutine, after
// waiting for it, or nil when the caller is to compress the page (it
// claims it). A nil b takes nothing.
func (b *pagesBeside) take(n int) *membuffer {
	if b == nil || b.state[n].CompareAndSwap(0, 1) {
		return nil
	}
	<-b.done[n]
	return b.mem[n]
}

// stop ends the goroutine and waits for it: the page buffers are released
// after putpages.
func (b *pagesBeside) stop() {
	b.quit.Store(true)
	<-b.ended
}
