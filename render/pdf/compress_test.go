package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/render"
)

// contentStreams returns the page content streams of a PDF in object order,
// inflated if compressed.
func contentStreams(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	re := regexp.MustCompile(`/Contents (\d+) 0 R`)
	offs, err := xrefOffsets(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range re.FindAllSubmatch(b, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		obj := b[offs[n]:]
		dict := obj[:bytes.Index(obj, []byte("stream\n"))]
		l := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(dict)
		size, _ := strconv.Atoi(string(l[1]))
		data := obj[len(dict)+len("stream\n"):][:size]
		if !bytes.HasPrefix(obj[len(dict)+len("stream\n")+size:], []byte("\nendstream\nendobj\n")) {
			t.Fatalf("object %d: /Length %d does not end at endstream", n, size)
		}
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, data)
	}
	return out
}

// Compressing after fpdf keeps every page's content and a correct
// cross-reference table.
func TestCompressPages(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	plain := mustBuild(t, doc, options{noCompress: true})
	packed := mustBuild(t, doc, options{})
	validate(t, packed)
	if len(packed) >= len(plain) {
		t.Errorf("compressed PDF is %d bytes, uncompressed %d", len(packed), len(plain))
	}
	a, b := contentStreams(t, plain), contentStreams(t, packed)
	if len(a) != len(doc.Pages) || len(b) != len(a) {
		t.Fatalf("%d and %d content streams for %d pages", len(a), len(b), len(doc.Pages))
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("page %d: content differs after compression", i+1)
		}
	}
	offs, err := xrefOffsets(packed)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n < len(offs); n++ {
		if want := fmt.Sprintf("%d 0 obj\n", n); !bytes.HasPrefix(packed[offs[n]:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n, packed[offs[n]:min(len(packed), offs[n]+12)])
		}
	}
	at := bytes.LastIndex(packed, []byte("startxref\n"))
	x, _ := strconv.Atoi(string(bytes.Fields(packed[at+len("startxref\n"):])[0]))
	if !bytes.HasPrefix(packed[x:], []byte("xref\n0 ")) {
		t.Error("startxref does not point at the xref table")
	}
	if !bytes.HasSuffix(packed, []byte("\n%%EOF\n")) {
		t.Error("no end-of-file marker at the end")
	}
}

// Malformed input to the rewriter is an error, never a panic or a broken
// file.
func TestCompressPagesErrors(t *testing.T) {
	t.Parallel()
	plain := mustBuild(t, sampleDoc(t), options{noCompress: true})
	for name, b := range map[string][]byte{
		"empty":       {},
		"no xref":     bytes.ReplaceAll(plain, []byte("startxref"), []byte("startxreF")),
		"bad length":  bytes.Replace(plain, []byte("/Contents"), []byte("/Contents 999999 0 R /X"), 1),
		"short":       plain[:len(plain)/2],
		"bad content": regexp.MustCompile(`<</Length (\d+)>>\nstream`).ReplaceAll(plain, []byte("<</Length 1>>\nstream")),
	} {
		if _, err := compressPages(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Compressing on several cores gives the bytes of compressing in turn.
func TestDeflateAllParallel(t *testing.T) {
	t.Parallel()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var streams [][]byte
	total := 0
	for i := range 40 {
		var b bytes.Buffer
		for j := range 2000 + 100*i {
			fmt.Fprintf(&b, "BT %d.%02d %d Td (kata %d) Tj ET\n", j%600, j%100, i*j%800, j*i)
		}
		streams = append(streams, b.Bytes())
		total += b.Len()
	}
	if total < 2*parallelBytes {
		t.Fatalf("only %d bytes: the parallel path is not taken", total)
	}
	seq := slices.Clone(streams)
	deflatePart(seq)
	par := slices.Clone(streams)
	deflateAll(par, total)
	for i := range streams {
		if !bytes.Equal(seq[i], par[i]) {
			t.Fatalf("stream %d differs when compressed in parallel", i)
		}
		r, err := zlib.NewReader(bytes.NewReader(par[i]))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, streams[i]) {
			t.Fatalf("stream %d does not inflate to its data (%v)", i, err)
		}
	}
}

// TestCompressBothWays: page contents compressed by fpdf as it writes
// (short documents) and by compressPages afterwards (long ones) give the
// same file, PDF/A or not, for a short and a long document.
func TestCompressBothWays(t *testing.T) {
	t.Parallel()
	long := &render.Document{}
	for i := range laterPages + 5 {
		p := page(a4L)
		p.Texts = []render.Text{text(20, 20, fonts.Bold, 12, fmt.Sprint("Halaman ", i+1)), text(20, 30, fonts.Regular, 9, strings.Repeat("isi lampiran ", 20))}
		p.Lines = []render.Line{{X1: 10, Y1: 35, X2: 280, Y2: 35, Width: 0.2}}
		long.Pages = append(long.Pages, p)
		long.Outline = append(long.Outline, render.Bookmark{Title: fmt.Sprint("Bagian ", i), Page: i, Level: i % 2})
	}
	for name, doc := range map[string]*render.Document{"short": sampleDoc(t), "long": long} {
		for _, pdfa := range []bool{false, true} {
			now, err := build(doc, Options{PDFA: pdfa}, testOptions{now: true})
			if err != nil {
				t.Fatal(err)
			}
			later, err := build(doc, Options{PDFA: pdfa}, testOptions{later: true})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(now, later) {
				t.Errorf("%s (PDF/A %v): the two ways differ (%d and %d bytes)", name, pdfa, len(now), len(later))
			}
			if !bytes.Contains(now, []byte("/Filter /FlateDecode /Length")) {
				t.Errorf("%s: no compressed stream", name)
			}
			validate(t, now)
		}
	}
}
