// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

// cidMapBytes is the size of a CIDToGIDMap: a big-endian glyph number
// for each of the 65,536 codes.
const cidMapBytes = 256 * 256 * 2

// sparseCIDToGIDMapZ returns a zlib stream of the CIDToGIDMap that maps
// each of codes (ascending, each below 65,536) to its glyph, every other
// code to glyph 0. Upstream deflated the map's 128 kB with compress/flate,
// about a third of the time a subset took, though a document uses some
// hundred codes: the map is zeros but for their 2 bytes each. This writes
// the stream directly, in time linear in the codes (RFC 1950, 1951): one
// block with Huffman codes made for such maps (cidCodes), every non-zero
// byte a literal, every run of zeros a literal zero and copies of the
// byte before (distance 1; a copy of 258 bytes takes 2 bits), and the
// Adler-32 of the map computed from its non-zero bytes. Any inflater gives
// back the same 128 kB (TestSparseCIDToGIDMapZ); the stream is about as
// long as compress/flate's.
func sparseCIDToGIDMapZ(codes []int, glyph func(code int) int) []byte {
	h := cidCodes()
	w := huffmanWriter{h: h, out: make([]byte, 0, 256+3*len(codes))}
	w.out = append(w.out, 0x78, 0x01) // zlib: deflate, 32 kB window, fastest
	w.header()

	// Adler-32: a = 1 + Σb, b = n + Σ (n-i)·b over the bytes b at offsets
	// i of the n; zeros add nothing.
	var sum, weighted uint64
	pos := 0 // the bytes before are written
	byteAt := func(at int, b byte) {
		if b == 0 {
			return // left to the runs of zeros
		}
		w.zeros(at - pos)
		w.symbol(int(b))
		pos = at + 1
		sum += uint64(b)
		weighted += uint64(cidMapBytes-at) * uint64(b)
	}
	for _, c := range codes {
		g := glyph(c)
		byteAt(2*c, byte(g>>8))
		byteAt(2*c+1, byte(g))
	}
	w.zeros(cidMapBytes - pos)
	w.symbol(endOfBlock)
	if w.n > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	const mod = 65521
	a, b := (1+sum)%mod, (cidMapBytes+weighted)%mod
	return binary.BigEndian.AppendUint32(w.out, uint32(b<<16|a))
}

const (
	endOfBlock = 256
	copy258    = 285 // the length symbol of a copy of 258 bytes
	numLitLen  = 286 // literals, end of block, lengths
)

// Lengths 3–258 as deflate codes them: symbol 257+i covers lengthBase[i]
// and lengthExtra[i] bits more.
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

// cidHuffman are the block's codes: the same for every map, so its header
// is too. A copy of 258 bytes has a 1-bit code; bytes 0–226 9 bits; bytes
// 227–255, the end of block and the other lengths 10 bits (a complete
// code: 1/2 + 227/512 + 58/1024 = 1). The distance code has two 1-bit
// codes, of which only distance 1 is used (complete too, so that no
// inflater needs the rule for a single code).
type cidHuffman struct {
	litLen   [numLitLen]uint8
	litCode  [numLitLen]uint16 // bit-reversed, ready to write
	distLen  [2]uint8
	distCode [2]uint16
}

var cidCodes = sync.OnceValue(func() *cidHuffman {
	h := &cidHuffman{distLen: [2]uint8{1, 1}}
	for s := range numLitLen {
		switch {
		case s == copy258:
			h.litLen[s] = 1
		case s <= 226:
			h.litLen[s] = 9
		default:
			h.litLen[s] = 10
		}
	}
	canonical(h.litLen[:], h.litCode[:])
	canonical(h.distLen[:], h.distCode[:])
	return h
})

// canonical fills codes with deflate's canonical Huffman codes for the
// lengths (RFC 1951, 3.2.2), bit-reversed for writing.
func canonical(lengths []uint8, codes []uint16) {
	var count, next [16]uint16
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for s, l := range lengths {
		if l > 0 {
			codes[s] = bits.Reverse16(next[l]) >> (16 - l)
			next[l]++
		}
	}
}

// clOrder is the order in which a dynamic block's header gives the code
// lengths of the code-length alphabet.
var clOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// huffmanWriter writes a deflate block with cidHuffman's codes, least
// significant bit first.
type huffmanWriter struct {
	h   *cidHuffman
	out []byte
	acc uint64 // bits not yet written, the first in the lowest
	n   uint   // how many
}

func (w *huffmanWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

// header writes the block's header: the last block, dynamic codes, and
// the code lengths of cidHuffman, themselves coded with the code-length
// alphabet's 9 (1 bit), 16 "repeat the last 3–6 times" (2 bits), 1 and 10
// (3 bits each).
func (w *huffmanWriter) header() {
	w.bits(0b101, 3) // BFINAL 1, BTYPE 10
	w.bits(numLitLen-257, 5)
	w.bits(uint64(len(w.h.distLen)-1), 5)
	var clLen [19]uint8
	clLen[9], clLen[16], clLen[1], clLen[10] = 1, 2, 3, 3
	var clCode [19]uint16
	canonical(clLen[:], clCode[:])
	last := 0
	for i, s := range clOrder {
		if clLen[s] > 0 {
			last = i
		}
	}
	w.bits(uint64(last+1-4), 4)
	for _, s := range clOrder[:last+1] {
		w.bits(uint64(clLen[s]), 3)
	}
	all := append(slices.Clip(w.h.litLen[:]), w.h.distLen[:]...)
	for i := 0; i < len(all); {
		l := all[i]
		w.bits(uint64(clCode[l]), uint(clLen[l]))
		run := 1
		for i+run < len(all) && all[i+run] == l {
			run++
		}
		i += run
		for rest := run - 1; rest > 0; {
			if rest < 3 {
				w.bits(uint64(clCode[l]), uint(clLen[l]))
				rest--
				continue
			}
			k := min(rest, 6)
			w.bits(uint64(clCode[16]), uint(clLen[16]))
			w.bits(uint64(k-3), 2)
			rest -= k
		}
	}
}

// symbol writes a literal/length symbol.
func (w *huffmanWriter) symbol(s int) {
	w.bits(uint64(w.h.litCode[s]), uint(w.h.litLen[s]))
}

// copy writes a copy of n bytes (3–258) of the byte before: distance 1.
func (w *huffmanWriter) copy(n int) {
	i := 28 // 258 has its own symbol
	if n < 258 {
		for i = 27; lengthBase[i] > n; i-- {
		}
	}
	w.symbol(257 + i)
	w.bits(uint64(n-lengthBase[i]), lengthExtra[i])
	w.bits(uint64(w.h.distCode[0]), uint(w.h.distLen[0]))
}

// zeros writes n zero bytes after a non-zero one (or none): a literal
// zero, then copies of it.
func (w *huffmanWriter) zeros(n int) {
	if n == 0 {
		return
	}
	w.symbol(0)
	n--
	for n >= 3 {
		l := min(n, 258)
		if r := n - l; r > 0 && r < 3 {
			l -= 3 - r // leave a whole copy for the rest
		}
		w.copy(l)
		n -= l
	}
	for ; n > 0; n-- {
		w.symbol(0)
	}
}
