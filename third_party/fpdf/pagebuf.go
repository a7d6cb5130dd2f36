// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"sync"
)

// Page contents are built in one buffer per page, grown as the page is
// drawn and dropped once the document has copied them into its own
// buffer. Kept on a free list instead, a batch of documents reuses grown
// buffers: no growing, no zeroing of new memory (each of the seed's 13
// pages grew to 10-20 kB through a dozen copies).
var pageBuffers sync.Pool

// pageBufferMax is the largest buffer kept: a page of a long table is
// some tens of kB; an unusual page (a large image inline) is not kept.
const pageBufferMax = 1 << 20

// newPageBuffer is a page's content buffer with room for size bytes.
func newPageBuffer(size int) *bytes.Buffer {
	b, ok := pageBuffers.Get().(*bytes.Buffer)
	if ok {
		b.Reset()
	} else {
		b = new(bytes.Buffer)
	}
	if size > 0 && size <= pageBufferMax {
		b.Grow(size)
	}
	return b
}

// SetNextPageSize tells the size, in bytes, the contents of the next page
// added are expected to take: its buffer is made that large at once
// instead of grown through a dozen copies as the page is drawn (a single
// document has no buffers of earlier documents to reuse). Only the
// allocation changes, never the bytes.
func (f *Fpdf) SetNextPageSize(size int) {
	f.nextPageSize = size
}

// releasePages puts the page buffers on the free list once putpages has
// copied their contents (compressed or not) into the document's buffer;
// the pages keep empty buffers, so that the document's page count stays.
// A template's pages are kept: the template holds their bytes.
func (f *Fpdf) releasePages() {
	if f.keepPages {
		return
	}
	for i := 1; i < len(f.pages); i++ {
		if b := f.pages[i]; b != nil && b.Cap() <= pageBufferMax {
			pageBuffers.Put(b)
		}
		f.pages[i] = new(bytes.Buffer)
	}
}
