package xlsx

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"pkgen/pesan"
)

// MaxColumns and MaxRows are a worksheet's limits.
const (
	MaxColumns = 16384
	MaxRows    = 1048576
)

// ColumnName is a column's letters: 1 is "A", 27 is "AA".
func ColumnName(col int) string {
	if col < 1 || col > MaxColumns {
		return ""
	}
	var b [3]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellName is a cell's reference: (2, 3) is "B3".
func CellName(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

func checkCell(col, row int) error {
	if col < 1 || col > MaxColumns || row < 1 || row > MaxRows {
		return pesan.Errorf("xlsx: sel (%d, %d) di luar lembar", col, row)
	}
	return nil
}

// appendEscaped appends s escaped as encoding/xml escapes text and
// attributes: quotes, apostrophes, &, <, >, tab, newline and carriage
// return as references, and characters XML does not allow (most control
// characters, invalid UTF-8) as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !inCharacterRange(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// inCharacterRange is XML 1.0's Char production (as encoding/xml has it).
func inCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// maxCellChars is the most UTF-16 units a cell's text holds; longer text
// is cut, as excelize does.
const maxCellChars = 32767

func truncateUTF16(s string) string {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > maxCellChars {
			return s[:i]
		}
		n += w
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// sharedStrings is the workbook's string table.
type sharedStrings struct {
	list  []string
	index map[string]int
	used  bool
}

// add returns the index of s. The index is keyed, as excelize keys it,
// by s with its literal _xHHHH_ sequences escaped, while the lookup is by
// s itself: the two differ only for such text, which then gets a new
// entry each time.
func (t *sharedStrings) add(s string) int {
	if utf16Len(s) > maxCellChars {
		s = truncateUTF16(s)
	}
	if i, ok := t.index[s]; ok {
		return i
	}
	t.list = append(t.list, s)
	t.index[escapeLiteralEscapes(s)] = len(t.list) - 1
	return len(t.list) - 1
}

// needsPreserve reports whether text begins or ends with white space,
// which then needs xml:space="preserve".
func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte{9, 10, 13, 32} {
		if s[0] == c || s[len(s)-1] == c {
			return true
		}
	}
	return false
}

func (t *sharedStrings) xml() []byte {
	b := []byte(xmlHeader + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`)
	b = strconv.AppendInt(b, int64(len(t.list)), 10)
	b = append(b, `" uniqueCount="`...)
	b = strconv.AppendInt(b, int64(len(t.list)), 10)
	b = append(b, `">`...)
	for _, s := range t.list {
		if needsPreserve(s) {
			b = append(b, `<si><t xml:space="preserve">`...)
		} else {
			b = append(b, `<si><t>`...)
		}
		b = appendEscaped(b, s)
		b = append(b, `</t></si>`...)
	}
	return append(b, `</sst>`...)
}

// escapeLiteralEscapes escapes the underscore of every _xHHHH_ in s as
// _x005F_, the form a spreadsheet stores the literal text in; it is
// excelize's bstrMarshal, quirks included (an escape of a surrogate is
// dropped).
func escapeLiteralEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if !isEscapeAt(s, i) {
			i++
			continue
		}
		out.WriteString(s[cursor:i])
		sub, end := s[i:i+7], i+7
		switch {
		case sub == "_x005F_":
			if end+6 <= len(s) && s[end] == 'x' && isHex4(s[end+1:end+5]) && s[end+5] == '_' && validHex(s[end+1:end+5]) {
				out.WriteString(sub + "x005F" + sub)
			} else {
				out.WriteString(sub + "x005F_")
			}
		case validHex(s[i+2 : i+6]):
			out.WriteString("_x005F" + sub)
		}
		i, cursor = end, end
	}
	out.WriteString(s[cursor:])
	return out.String()
}

func isEscapeAt(s string, i int) bool {
	return s[i] == '_' && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_'
}

func isHex4(s string) bool {
	for i := range 4 {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// validHex reports whether four hex digits are a Unicode scalar value.
func validHex(h string) bool {
	v, err := strconv.ParseUint(h, 16, 32)
	return err == nil && utf8.ValidRune(rune(v))
}

// formatFloat writes a number as excelize's SetCellFloat(v, -1, 64) does:
// the shortest decimal, cut to 15 significant digits as Excel keeps.
func formatFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}
