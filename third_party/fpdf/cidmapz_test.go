// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand"
	"slices"
	"testing"
)

// denseCIDToGIDMap is the map's 128 kB as upstream wrote it.
func denseCIDToGIDMap(pairs map[int]int) []byte {
	raw := make([]byte, cidMapBytes)
	for c, g := range pairs {
		raw[2*c], raw[2*c+1] = byte(g>>8), byte(g)
	}
	return raw
}

// checkSparseZ inflates the stream of pairs and compares it with the map's
// bytes; zlib's reader also checks the Adler-32.
func checkSparseZ(t *testing.T, name string, pairs map[int]int) []byte {
	t.Helper()
	codes := make([]int, 0, len(pairs))
	for c := range pairs {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	z := sparseCIDToGIDMapZ(codes, func(c int) int { return pairs[c] })
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: inflating: %v", name, err)
	}
	if want := denseCIDToGIDMap(pairs); !bytes.Equal(got, want) {
		t.Fatalf("%s: inflates to %d bytes unlike the map's %d", name, len(got), len(want))
	}
	return z
}

// TestSparseCIDToGIDMapZ: the stream inflates to the map's bytes, with the
// right checksum, for maps at the edges (empty, full, first and last
// codes, glyphs with a zero byte, runs of zeros of every length around a
// copy's 3 and 258) and random ones; and, but for the maps of regular
// patterns (every code, every gap), it is at most a tenth (and 64 bytes)
// longer than compress/flate's.
func TestSparseCIDToGIDMapZ(t *testing.T) {
	full := map[int]int{}
	for c := range 256 * 256 {
		full[c] = (c*7919 + 1) & 0xFFFF
	}
	cases := map[string]map[int]int{
		"empty":          {},
		"first and last": {0: 1, 0xFFFF: 0xFFFF},
		"zero bytes":     {1: 0x0100, 2: 0x0001, 3: 0x0000, 10: 0xFF00, 11: 0x00FF, 0xFFFE: 0x8000},
		"adjacent":       {32: 3, 33: 4, 34: 5, 35: 0x1234},
		"full":           full,
		"seed-like":      {32: 3, 65: 36, 0xE9: 140, 2047: 512, 2048: 0x1234, 0x2014: 1170, 0xFFFD: 2200},
	}
	// Gaps of 0–600 bytes between non-zero bytes: every run length a copy
	// splits near 3 and 258 (1, 2, 259, 260, 261, 516, ...).
	gaps := map[int]int{}
	at := 0
	for gap := 0; at < 256*256-400; gap++ {
		gaps[at] = 0x0101 // both bytes non-zero
		at += 1 + gap/2
	}
	cases["gaps"] = gaps
	rng := rand.New(rand.NewSource(7))
	for i := range 40 {
		m := map[int]int{}
		for range rng.Intn(600) {
			m[rng.Intn(256*256)] = rng.Intn(1 << 16)
		}
		cases["random "+string(rune('A'+i%26))+string(rune('a'+i/26))] = m
	}
	for name, pairs := range cases {
		z := checkSparseZ(t, name, pairs)
		var flate bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&flate, zlib.BestSpeed)
		zw.Write(denseCIDToGIDMap(pairs))
		zw.Close()
		t.Logf("%s: %d pairs, %d bytes, compress/flate %d", name, len(pairs), len(z), flate.Len())
		if name == "gaps" || name == "full" {
			continue // regular patterns, which compress/flate copies
		}
		if len(z) > flate.Len()*11/10+64 {
			t.Errorf("%s: %d bytes, compress/flate's %d", name, len(z), flate.Len())
		}
	}
}

// FuzzSparseCIDToGIDMapZ: any codes and glyphs (from pairs of the input's
// 2-byte words) give a stream that inflates to their map.
func FuzzSparseCIDToGIDMapZ(f *testing.F) {
	f.Add([]byte{0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF})
	f.Add([]byte{0, 32, 0, 3, 0, 33, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		pairs := map[int]int{}
		for i := 0; i+4 <= len(data); i += 4 {
			pairs[int(data[i])<<8|int(data[i+1])] = int(data[i+2])<<8 | int(data[i+3])
		}
		checkSparseZ(t, "fuzz", pairs)
	})
}

// seedLikeCodes are some 130 codes as a Latin-script document uses: ASCII,
// a few Latin-1 letters and punctuation.
func seedLikeCodes() map[int]int {
	m := map[int]int{}
	g := 1
	for c := 0x20; c < 0x7F; c++ {
		m[c] = g
		g++
	}
	for _, c := range []int{0xA0, 0xB0, 0xE9, 0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026} {
		m[c] = g
		g++
	}
	return m
}

// BenchmarkCIDToGIDMap: the stream of a document's CIDToGIDMap, written
// from its pairs (sparse) or deflated from its 128 kB as upstream did
// (flate, with a warm writer).
func BenchmarkCIDToGIDMap(b *testing.B) {
	pairs := seedLikeCodes()
	b.Run("sparse", func(b *testing.B) {
		for b.Loop() {
			compressedCIDToGIDMap(pairs)
		}
	})
	b.Run("flate", func(b *testing.B) {
		raw := denseCIDToGIDMap(pairs)
		for b.Loop() {
			var out bytes.Buffer
			deflateTo(&out, raw)
		}
	})
}
