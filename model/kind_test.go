package model

import (
	"os"
	"testing"
)

// PerubahanKe finds the amendment number however the key is written, and
// 0 where there is none, also when the word stands only in a text.
func TestPerubahanKe(t *testing.T) {
	amended, err := os.ReadFile("../examples/jakarta-pusat-2023-perubahan-1.toml")
	if err != nil {
		t.Fatal(err)
	}
	original, err := os.ReadFile("../examples/jakarta-pusat-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data string
		want int
	}{
		{"seed", string(original), 0},
		{"example perubahan-1", string(amended), 1},
		{"table", "tahun = 2024\n[perubahan]\nke = 2\n", 2},
		{"dotted", "tahun = 2024\nperubahan.ke = 3\n", 3},
		{"inline", "tahun = 2024\nperubahan = { ke = 4 }\n", 4},
		{"quoted key", "tahun = 2024\n[\"perubahan\"]\nke = 5\n", 5},
		{"escaped key", "tahun = 2024\n[\"perub\\u0061han\"]\nke = 6\n", 6},
		{"escaped key, capital U", "tahun = 2024\n[\"perub\\U00000061han\"]\nke = 7\n", 7},
		{"word in a text only", "tahun = 2024\nuraian = \"tanpa perubahan\"\n", 0},
		{"none", "tahun = 2024\n", 0},
		{"negative", "[perubahan]\nke = -1\n", 0},
		{"not TOML", "[perubahan\nke = 1\n", 0},
	} {
		if got := PerubahanKe([]byte(c.data)); got != c.want {
			t.Errorf("%s: PerubahanKe = %d, want %d", c.name, got, c.want)
		}
	}
}

// BenchmarkPerubahanKe is what a batch spends on each input to name its
// output (the seed: no amendment).
func BenchmarkPerubahanKe(b *testing.B) {
	data, err := os.ReadFile("../examples/jakarta-pusat-2023.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		PerubahanKe(data)
	}
}
