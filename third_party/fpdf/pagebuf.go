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

func newPageBuffer() *bytes.Buffer {
	if b, ok := pageBuffers.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
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
