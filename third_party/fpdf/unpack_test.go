// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"slices"
	"testing"
)

// upstreamUnpack is upstream's unpackUint16Array (width 2) and
// unpackUint32Array (width 4): a bytes.Reader read into a reused buffer.
func upstreamUnpack(data []byte, width int) []int {
	answer := make([]int, 1)
	r := bytes.NewReader(data)
	bs := make([]byte, width)
	c, e := r.Read(bs)
	for e == nil && c > 0 {
		if width == 2 {
			answer = append(answer, int(binary.BigEndian.Uint16(bs)))
		} else {
			answer = append(answer, int(binary.BigEndian.Uint32(bs)))
		}
		c, e = r.Read(bs)
	}
	return answer
}

// TestUnpackArrays: the in-place unpacking gives upstream's values for
// every length (a partial last value included) and random bytes.
func TestUnpackArrays(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := range 70 {
		for range 5 {
			data := make([]byte, n)
			rng.Read(data)
			if got, want := unpackUint16Array(data), upstreamUnpack(data, 2); !slices.Equal(got, want) {
				t.Fatalf("16-bit, %d bytes %x: %v, upstream %v", n, data, got, want)
			}
			if got, want := unpackUint32Array(data), upstreamUnpack(data, 4); !slices.Equal(got, want) {
				t.Fatalf("32-bit, %d bytes %x: %v, upstream %v", n, data, got, want)
			}
		}
	}
}
