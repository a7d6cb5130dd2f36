package model

import (
	"os"
	"testing"

	"pkgen/internal/testutil"
)

// BenchmarkLocator is one scan of the seed for key lines.
func BenchmarkLocator(b *testing.B) {
	data, err := os.ReadFile(testutil.Example(b, "jakarta-pusat-2023.toml"))
	if err != nil {
		b.Fatal(err)
	}
	src := string(data)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if newLocator(src).line("sasaran[1].indikator[1].target") == 0 {
			b.Fatal("not located")
		}
	}
}

// BenchmarkParseNilai reads values of every kind written as text.
func BenchmarkParseNilai(b *testing.B) {
	values := []string{"100%", "12,5 %", "N/A", "–", "(3) WTP", "A (82)", "80–90%", "Baik"}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range values {
			if _, err := ParseNilai(v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseDesimal reads the numbers a decoded TOML holds.
func BenchmarkParseDesimal(b *testing.B) {
	values := []string{"86.75", "-3", "1e3", "86,75", "100", "0.125"}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range values {
			if _, err := ParseDesimal(v); err != nil {
				b.Fatal(err)
			}
		}
	}
}
