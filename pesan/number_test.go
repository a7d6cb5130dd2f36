package pesan

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

func TestFormatDecimal(t *testing.T) {
	t.Parallel()
	cases := []struct {
		unscaled int64
		scale    int32
		format   string
		want     string
	}{
		{8675, 2, "id", "86,75"},
		{885, 1, "id", "88,5"},
		{100, 0, "id", "100"},
		{12345678900, 0, "id", "12.345.678.900"},
		{9007199254740993, 0, "id", "9.007.199.254.740.993"}, // above 2^53
		{123456789012345678, 6, "id", "123.456.789.012,345678"},
		{-5, 1, "id", "-0,5"},
		{5, 2, "id", "0,05"},
		{12345, 1, "en", "1,234.5"},
		{-1234, 0, "en", "-1,234"},
		{math.MinInt64, 0, "id", "-9.223.372.036.854.775.808"},
		{math.MinInt64, 3, "en", "-9,223,372,036,854,775.808"},
		{7, -2, "id", "7"},
	}
	for _, c := range cases {
		if got := FormatDecimal(c.unscaled, c.scale, c.format); got != c.want {
			t.Errorf("FormatDecimal(%d, %d, %s) = %q, want %q", c.unscaled, c.scale, c.format, got, c.want)
		}
	}
}

// TestFormatIntAsXText: integers print as golang.org/x/text's number
// printer printed them before pkgen had its own (the PDFs stay the same).
func TestFormatIntAsXText(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	vals := []int64{0, 1, -1, 999, 1000, -1000, 999999, 1000000, math.MaxInt64, math.MinInt64}
	for range 2000 {
		vals = append(vals, r.Int64()>>r.IntN(63)*int64(1-2*r.IntN(2)))
	}
	for _, f := range []struct {
		format string
		tag    language.Tag
	}{{"id", language.Indonesian}, {"en", language.English}} {
		p := message.NewPrinter(f.tag)
		for _, v := range vals {
			want := p.Sprint(number.Decimal(v))
			if got := FormatInt(big.NewInt(v), f.format); got != want {
				t.Errorf("FormatInt(%d, %s) = %q, x/text %q", v, f.format, got, want)
			}
			if got := FormatDecimal(v, 0, f.format); got != want {
				t.Errorf("FormatDecimal(%d, 0, %s) = %q, x/text %q", v, f.format, got, want)
			}
		}
	}
}

// TestFormatIntBeyondInt64: a budget total above int64 is grouped like
// any other (it printed as bare digits).
func TestFormatIntBeyondInt64(t *testing.T) {
	t.Parallel()
	v, _ := new(big.Int).SetString("12345678901234567890123", 10)
	if got, want := FormatInt(v, "id"), "12.345.678.901.234.567.890.123"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := FormatInt(new(big.Int).Neg(v), "en"), "-12,345,678,901,234,567,890,123"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if FormatInt(nil, "id") != "" {
		t.Error("nil prints something")
	}
}

func TestFormatRat(t *testing.T) {
	t.Parallel()
	rat := func(s string) *big.Rat {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad rat %q", s)
		}
		return r
	}
	cases := []struct {
		r      string
		digits int
		format string
		want   string
	}{
		{"1234.5678", 2, "id", "1.234,57"},
		{"1234.5678", 2, "en", "1,234.57"},
		{"305/3", 2, "id", "101,67"},
		{"-0.004", 2, "id", "0,00"},
		{"-0.005", 2, "id", "-0,01"},
		{"0.5", 0, "id", "1"},
		{"2.5", -1, "id", "3"},
		{"1000000", 0, "en", "1,000,000"},
	}
	for _, c := range cases {
		if got := FormatRat(rat(c.r), c.digits, c.format); got != c.want {
			t.Errorf("FormatRat(%s, %d, %s) = %q, want %q", c.r, c.digits, c.format, got, c.want)
		}
	}
	// Finite decimals print exactly, however many decimals they have
	// (0.018169 printed "0,02"); only other fractions round, to two.
	short := map[string]string{"88.5": "88,5", "1000": "1.000", "257/3": "85,67", "1/8": "0,125", "1/16": "0,0625",
		"1/32": "0,03125", "0.018169": "0,018169", "1.23456": "1,23456", "-0.000000000001": "-0,000000000001",
		"123456789.123456789012": "123.456.789,123456789012", "2/3": "0,67", "1/6": "0,17", "7/40": "0,175"}
	for in, want := range short {
		if got := FormatRatShort(rat(in), "id"); got != want {
			t.Errorf("FormatRatShort(%s) = %q, want %q", in, got, want)
		}
	}
	if FormatRat(nil, 2, "id") != "" || FormatRatShort(nil, "id") != "" {
		t.Error("nil prints something")
	}
}
