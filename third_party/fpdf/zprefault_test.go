// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"compress/zlib"
	"math/rand"
	"testing"
)

// TestTableRangeFound: the match table is where prefaultTable looks for it
// in this Go version, inside the encoder, and large enough to matter; if
// compress/flate moves it, this fails rather than the prefault silently
// doing nothing.
func TestTableRangeFound(t *testing.T) {
	zw, err := zlib.NewWriterLevel(new(bytes.Buffer), zlib.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := tableRange(zw); ok {
		t.Fatal("found a table before the header made the compressor")
	}
	zw.Write(nil)
	start, size, ok := tableRange(zw)
	if !ok {
		t.Fatal("no match table found in compress/flate's BestSpeed writer")
	}
	if start == 0 || size < 64<<10 {
		t.Fatalf("table at %#x, %d bytes: want a table of at least 64 kB", start, size)
	}
	// Another level has no such table: nothing is prefaulted there.
	zd, _ := zlib.NewWriterLevel(new(bytes.Buffer), zlib.DefaultCompression)
	zd.Write(nil)
	if _, _, ok := tableRange(zd); ok {
		t.Fatal("found a BestSpeed table in a default-level writer")
	}
}

// TestPrefaultSameStream: streams made by new writers (prefaulted) and by
// reused ones equal those of a plain zlib writer, for inputs of several
// sizes and kinds, empty included.
func TestPrefaultSameStream(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	inputs := [][]byte{nil, []byte("BT /F1 9 Tf ET\n")}
	for _, n := range []int{100, 5000, 70000, 200000} {
		b := make([]byte, n)
		for i := range b {
			if rng.Intn(4) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = "0123 Tf Td TJ\n"[rng.Intn(14)]
			}
		}
		inputs = append(inputs, b)
	}
	for round := range 2 { // new writers first, then the ones kept
		if round == 0 {
			drainZlibFree()
		}
		for i, in := range inputs {
			var got bytes.Buffer
			deflateTo(&got, in)
			var want bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
			zw.Write(in)
			zw.Close()
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("round %d, input %d (%d bytes): stream differs from zlib's", round, i, len(in))
			}
		}
	}
}

// drainZlibFree empties the free writers, so that the next stream is made
// by a new one.
func drainZlibFree() {
	for {
		select {
		case <-zlibFree:
		default:
			return
		}
	}
}
