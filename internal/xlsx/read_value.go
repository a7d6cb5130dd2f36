package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is a cell's type as its t attribute gives it.
type Kind uint8

// The kinds of cell; KindUnset is a cell without t (a number, or a
// formula's cached number) or with an unknown one.
const (
	KindUnset        Kind = iota
	KindBool              // t="b": "1" or "0"
	KindDate              // t="d": an ISO 8601 date
	KindError             // t="e": "#DIV/0!" …
	KindFormula           // t="str": a formula's cached text
	KindInlineString      // t="inlineStr"
	KindNumber            // t="n"
	KindSharedString      // t="s"
)

// kindOf maps a t attribute to its kind.
func kindOf(t string) Kind {
	switch t {
	case "b":
		return KindBool
	case "d":
		return KindDate
	case "e":
		return KindError
	case "str":
		return KindFormula
	case "inlineStr":
		return KindInlineString
	case "n":
		return KindNumber
	case "s":
		return KindSharedString
	}
	return KindUnset
}

// Sheet dimensions of SpreadsheetML: no reference goes past them.
const (
	sheetRows    = 1_048_576
	sheetColumns = 16_384
)

// RefError is a cell reference that names no cell of a sheet.
type RefError struct{ Ref string }

func (e *RefError) Error() string { return "invalid cell reference " + strconv.Quote(e.Ref) }

// ParseRef returns the column and row (1-based) of a cell reference such
// as "B7" or "$B$7", as excelize's CellNameToCoordinates reads it.
func ParseRef(ref string) (col, row int, err error) {
	alpha := func(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '$' }
	last := -1
	for i := 0; i < len(ref); i++ {
		if alpha(ref[i]) {
			last = i
		}
	}
	if len(ref) == 0 || !alpha(ref[0]) || last == len(ref)-1 {
		return -1, -1, &RefError{ref}
	}
	row, err = strconv.Atoi(ref[last+1:])
	if err != nil || row < 1 || row > sheetRows {
		return -1, -1, &RefError{ref}
	}
	for i := 0; i <= last; i++ {
		c := ref[i]
		switch {
		case c == '$':
			continue
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case c < 'A' || c > 'Z':
			return -1, -1, &RefError{ref}
		}
		col = col*26 + int(c-'A'+1)
		if col > sheetColumns {
			return -1, -1, &RefError{ref}
		}
	}
	if col == 0 {
		return -1, -1, &RefError{ref}
	}
	return col, row, nil
}

// unescape decodes the _xHHHH_ escapes of a string item as excelize does:
// _x005F_ is an underscore, another escape its code point, or nothing for
// a surrogate; each escape is read once, left to right.
func unescape(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if v, ok := escapeAt(s, i); ok {
			if v == 0x5F {
				b.WriteByte('_')
			} else if utf8.ValidRune(rune(v)) {
				b.WriteRune(rune(v))
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// escapeAt reports an escape _xHHHH_ at s[i:] and its value.
func escapeAt(s string, i int) (uint64, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
	return v, err == nil
}

// SerialTime is the time of a date serial number, as excelize's
// ExcelDateToTime gives it: Excel's 1900 calendar (its 29 February 1900
// included) or the 1904 one.
func SerialTime(serial float64, date1904 bool) (time.Time, error) {
	if serial < 0 || math.IsNaN(serial) {
		return time.Time{}, &SerialError{serial}
	}
	t := timeOfSerial(serial, date1904)
	if !date1904 && serial >= 1 && serial < 60 {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

// SerialError is a number that is no date.
type SerialError struct{ Serial float64 }

func (e *SerialError) Error() string {
	return "invalid date serial number " + strconv.FormatFloat(e.Serial, 'g', -1, 64)
}

var (
	epoch1900 = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// timeOfSerial follows excelize's timeFromExcelTime: Julian days up to
// day 61, whole days from the epoch after, the time of day rounded to the
// second.
func timeOfSerial(serial float64, date1904 bool) time.Time {
	days := int(serial)
	if days <= 61 {
		const mjd0 = 2400000.5
		offset := 15018.0
		if date1904 {
			offset = 16480.0
		}
		return julianTime(mjd0, serial+offset)
	}
	frac := serial - float64(days) + 1e-9
	t := epoch1900
	if date1904 {
		t = epoch1904
	}
	t = t.AddDate(0, 0, days).Add(time.Duration(float64(24*time.Hour) * frac))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}

func julianTime(part1, part2 float64) time.Time {
	i1, f1 := math.Modf(part1)
	i2, f2 := math.Modf(part2)
	days, frac := i1+i2, f1+f2
	switch {
	case -0.5 < frac && frac < 0.5:
		frac += 0.5
	case frac >= 0.5:
		days++
		frac -= 0.5
	case frac <= -0.5:
		days--
		frac += 1.5
	}
	// Fliegel and Van Flandern's algorithm.
	l := int(days) + 68569
	n := (4 * l) / 146097
	l -= (146097*n + 3) / 4
	i := (4000 * (l + 1)) / 1461001
	l = l - (1461*i)/4 + 31
	j := (80 * l) / 2447
	d := l - (2447*j)/80
	l = j / 11
	m := j + 2 - (12 * l)
	y := 100*(n-49) + i + l
	const day = 24 * 60 * 60 * 1e9
	ns := int64(day*frac + 1e3/2)
	nanos := int((ns%1e9)/1e3) * 1e3
	ns /= 1e9
	sec, ns := int(ns%60), ns/60
	return time.Date(y, time.Month(m), d, int(ns/60), int(ns%60), sec, nanos, time.UTC)
}
