package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Page content streams of a long document (more than laterPages pages) are
// compressed here rather than by fpdf, on several cores: fpdf writes the
// pages uncompressed; compressPages then deflates every page's content
// stream and rewrites the cross-reference table. A shorter document has
// fpdf compress its pages as it writes them (see build), which gives the
// same bytes. (This was written when fpdf made a new zlib writer, about 1
// MB of zeroed state, for every stream; the patched copy in third_party
// reuses its writers.)
//
// The level is zlib.BestSpeed, as fpdf's own. On the seed's content
// streams (150 kB) it gives 63 kB in 1.6 ms; the default level 58 kB in
// 3.4 ms, Huffman-only 102 kB in 2.0 ms. Output stays deterministic:
// compress/flate gives the same bytes for the same input and level, and
// each stream is compressed on its own, so doing several at once (large
// documents) changes nothing.

// deflate appends the zlib stream of data to dst, with the zlib writers
// fpdf keeps for its own streams (third_party/fpdf): a writer carries about
// 1 MB of compressor state, so one set serves both.
func deflate(dst *bytes.Buffer, data []byte) {
	fpdf.Deflate(dst, data)
}

// object is one indirect object of a serialised PDF: pdf[start:end].
type object struct {
	num        int
	start, end int
}

// compressPages rewrites fpdf's output (written with compression off) with
// every page content stream deflated. Objects keep their numbers and order;
// only their offsets, the stream dictionaries of the contents and the
// cross-reference table change.
func compressPages(pdf []byte) ([]byte, error) {
	offs, err := xrefOffsets(pdf)
	if err != nil {
		return nil, err
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if xref < 0 || trailer < xref {
		return nil, errors.New("no xref table")
	}
	xref++
	trailer++
	tail := bytes.LastIndex(pdf, []byte("startxref\n"))
	if tail < trailer {
		return nil, errors.New("no startxref after the trailer")
	}

	if len(offs) < 2 {
		return nil, errors.New("no objects")
	}
	// Objects in file order; fpdf writes objects 1 and 2 after the pages.
	objs := make([]object, 0, len(offs)-1)
	for n := 1; n < len(offs); n++ {
		if offs[n] <= 0 || offs[n] >= xref {
			return nil, fmt.Errorf("object %d: bad offset %d", n, offs[n])
		}
		objs = append(objs, object{num: n, start: offs[n]})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.start - b.start })
	ends := make([]int, len(offs))
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
		ends[objs[i].num] = objs[i].end
	}

	// Content streams are the objects pages name in /Contents.
	contents := make([]int, len(offs)) // object → index in streams, +1
	var streams [][]byte               // their data, then compressed
	total := 0
	for _, o := range objs {
		body := pdf[o.start:o.end]
		if !bytes.Contains(body[:min(len(body), 32)], []byte(" 0 obj\n<</Type /Page\n")) {
			continue
		}
		i := bytes.LastIndex(body, []byte("/Contents "))
		if i < 0 {
			return nil, fmt.Errorf("page object %d without /Contents", o.num)
		}
		rest := body[i+len("/Contents "):]
		j := bytes.IndexByte(rest, ' ')
		if j < 0 {
			return nil, fmt.Errorf("page object %d: bad /Contents", o.num)
		}
		c, err := strconv.Atoi(string(rest[:j]))
		if err != nil || c < 1 || c >= len(offs) || contents[c] != 0 {
			return nil, fmt.Errorf("page object %d: bad /Contents %q", o.num, rest[:j])
		}
		data, err := streamData(pdf[offs[c]:ends[c]], c)
		if err != nil {
			return nil, err
		}
		streams = append(streams, data)
		contents[c] = len(streams)
		total += len(data)
	}
	deflateAll(streams, total)

	var out bytes.Buffer
	out.Grow(len(pdf) - total + total/3)
	out.Write(pdf[:objs[0].start])
	newOffs := make([]int, len(offs))
	var hdr []byte
	for _, o := range objs {
		newOffs[o.num] = out.Len()
		if contents[o.num] == 0 {
			out.Write(pdf[o.start:o.end])
			continue
		}
		z := streams[contents[o.num]-1]
		hdr = strconv.AppendInt(hdr[:0], int64(o.num), 10)
		hdr = append(hdr, " 0 obj\n<</Filter /FlateDecode /Length "...)
		hdr = strconv.AppendInt(hdr, int64(len(z)), 10)
		hdr = append(hdr, ">>\nstream\n"...)
		out.Write(hdr)
		out.Write(z)
		out.WriteString("\nendstream\nendobj\n")
	}

	at := out.Len()
	writeXref(&out, newOffs)
	out.Write(pdf[trailer:tail])
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(at))
	out.WriteString("\n%%EOF\n")
	return out.Bytes(), nil
}

// streamData returns the data of an uncompressed stream object as fpdf
// writes it: "N 0 obj\n<</Length L>>\nstream\n" data "\nendstream\nendobj\n".
func streamData(obj []byte, num int) ([]byte, error) {
	const end = "\nendstream\nendobj\n"
	open := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(open)) {
		return nil, fmt.Errorf("content stream %d: unexpected dictionary", num)
	}
	rest := obj[len(open):]
	j := bytes.Index(rest[:min(len(rest), 24)], []byte(">>\nstream\n"))
	if j < 0 {
		return nil, fmt.Errorf("content stream %d: no stream", num)
	}
	n, err := strconv.Atoi(string(rest[:j]))
	data := rest[j+len(">>\nstream\n"):]
	if err != nil || n != len(data)-len(end) || !bytes.HasSuffix(data, []byte(end)) {
		return nil, fmt.Errorf("content stream %d: length does not match", num)
	}
	return data[:n], nil
}

// parallelBytes is the amount of page content above which streams are
// compressed on several cores; below it, starting goroutines costs more
// than it saves (the seed has about 150 kB).
const parallelBytes = 512 << 10

// deflateAll replaces each stream by its zlib stream. Streams are
// independent, so compressing them concurrently gives the same bytes.
func deflateAll(streams [][]byte, total int) {
	workers := min(runtime.GOMAXPROCS(0), len(streams), 1+total/parallelBytes)
	if workers <= 1 {
		deflatePart(streams)
		return
	}
	// Contiguous shares of about equal size, one per worker.
	var wg sync.WaitGroup
	first, share, acc := 0, total/workers, 0
	for i := range streams {
		acc += len(streams[i])
		if acc < share && i < len(streams)-1 {
			continue
		}
		part := streams[first : i+1]
		wg.Go(func() { deflatePart(part) })
		first, acc = i+1, 0
	}
	wg.Wait()
}

// deflatePart compresses streams into one buffer.
func deflatePart(streams [][]byte) {
	var z bytes.Buffer
	ends := make([]int, len(streams))
	for i, data := range streams {
		deflate(&z, data)
		ends[i] = z.Len()
	}
	b, start := z.Bytes(), 0
	for i, end := range ends {
		streams[i] = b[start:end:end]
		start = end
	}
}
