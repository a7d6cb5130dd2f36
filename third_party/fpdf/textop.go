// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"slices"
	"strconv"
)

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

// appendTextOpUTF16 appends what Text writes for the UTF-8 text s in a
// UTF-8 font at x, y (points): appendTextOp of escape(utf8toutf16(s,
// false)), written in place without the two intermediate strings and
// escape's four passes (TestTextOpUTF16).
func appendTextOpUTF16(b []byte, x, y float64, s string) []byte {
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, y, 'f', 2, 64)
	b = append(b, " Td ("...)
	start := len(b)
	b = appendUTF16(b, s)
	b = escapeFrom(b, start)
	return append(b, ") Tj ET"...)
}

// escapeFrom escapes b[start:] as escape does a string: a backslash before
// each backslash and parenthesis, and "\r" for a carriage return. One pass
// gives what escape's four replacements in a row give, as none of them
// makes a byte a later one replaces.
func escapeFrom(b []byte, start int) []byte {
	n := 0
	for _, c := range b[start:] {
		if c == '\\' || c == '(' || c == ')' || c == '\r' {
			n++
		}
	}
	if n == 0 {
		return b
	}
	end := len(b)
	b = slices.Grow(b, n)[:end+n]
	for i, j := end-1, end+n-1; i >= start; i-- {
		switch c := b[i]; c {
		case '\\', '(', ')':
			b[j], b[j-1] = c, '\\'
			j -= 2
		case '\r':
			b[j], b[j-1] = 'r', '\\'
			j -= 2
		default:
			b[j] = c
			j--
		}
	}
	return b
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
