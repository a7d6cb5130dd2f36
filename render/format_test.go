package render

import (
	"testing"

	"pkgen/model"
)

func TestFormatDesimalExact(t *testing.T) {
	t.Parallel()
	cases := []struct {
		format, in, want string
	}{
		{"id", "86.75", "86,75"},
		{"id", "88.5", "88,5"},
		{"id", "100", "100"},
		{"id", "12345678900", "12.345.678.900"},
		{"id", "9007199254740993", "9.007.199.254.740.993"}, // above 2^53: no float64 on the way
		{"id", "123456789012.345678", "123.456.789.012,345678"},
		{"id", "-0.5", "-0,5"},
		{"id", "0.05", "0,05"},
		{"en", "1234.5", "1,234.5"},
		{"en", "-1234", "-1,234"},
	}
	for _, c := range cases {
		d, err := model.ParseDesimal(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got := newFormatter(c.format).desimal(d); got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.format, c.in, got, c.want)
		}
	}
}

// TestRupiahBeyondInt64: a budget total above int64 is grouped (it printed
// as bare digits).
func TestRupiahBeyondInt64(t *testing.T) {
	t.Parallel()
	rows := make([]model.Anggaran, 10_000)
	for i := range rows {
		rows[i].Jumlah = 1_000_000_000_000_000 // the largest a row may be
	}
	total := TotalAnggaran(rows)
	if total.IsInt64() {
		t.Fatal("the total fits int64; the test needs more")
	}
	if got, want := newFormatter("id").rupiah("Rp", total), "Rp 10.000.000.000.000.000.000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := newFormatter("en").rupiah("", total), "10,000,000,000,000,000,000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
