// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import "strconv"

// appendTextOp appends what Text writes for a text at x, y (points), the
// same bytes as sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, txt): fmt's
// %.2f is strconv's 'f' with precision 2. fmt's parsing and boxing of the
// arguments was a fifth of writing a page of table text.
func appendTextOp(b []byte, x, y float64, txt string) []byte {
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, y, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = append(b, txt...)
	return append(b, ") Tj ET"...)
}

// runeBits marks the runes of the Basic Multilingual Plane that Text has
// stored in a font's usedRunes (pkgen patch), so that a rune drawn again
// costs a bit test, not a map lookup (a page of table text marks some
// thousands of runes, nearly all seen before). A nil set marks nothing.
type runeBits [1 << 16 / 64]uint64

// newRuneBits returns an empty set, written once before it is read: a
// fresh page first read maps the kernel's zero page, and the write after
// it faults again and flushes the other core's TLB.
func newRuneBits() *runeBits {
	b := new(runeBits)
	clear(b[:])
	return b
}

func (b *runeBits) has(r rune) bool {
	return b != nil && uint32(r) < 1<<16 && b[r>>6]&(1<<(r&63)) != 0
}

func (b *runeBits) set(r rune) {
	if b != nil && uint32(r) < 1<<16 {
		b[r>>6] |= 1 << (r & 63)
	}
}
