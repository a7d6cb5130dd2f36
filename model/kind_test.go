package model

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
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

// isRealisasiWhole is IsRealisasi as it was: the whole text through
// PreScan first, then the head (headOf) decoded, then the whole if the
// head fails.
func isRealisasiWhole(data []byte) bool {
	if int64(len(data)) > MaxBytes || PreScan(data) != nil {
		return false
	}
	head := headOf(data)
	var v struct{}
	md, err := toml.Decode(string(head), &v)
	if err != nil && len(head) < len(data) {
		md, err = toml.Decode(string(data), &v)
	}
	return err == nil && md.IsDefined("pk")
}

// TestIsRealisasiAsWhole: scanning the whole text only for a head that
// names a PK gives the same answer as scanning it first, for every
// example, the hostile shapes behind a pk key or a table, heads that do
// not decode alone, and the examples cut at random places.
func TestIsRealisasiAsWhole(t *testing.T) {
	examples, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var texts []string
	realisasi := 0
	for _, ex := range examples {
		data, err := os.ReadFile(ex)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
		if isRealisasiWhole(data) {
			realisasi++
		}
	}
	if realisasi == 0 || realisasi == len(examples) {
		t.Fatalf("%d of %d examples are realisasi reports: want some of each", realisasi, len(examples))
	}
	for _, c := range hostileShapes() {
		texts = append(texts, "pk = \"a.toml\"\n"+c.text, "pk = \"a.toml\"\n[t]\n"+c.text, "tahun = 1\n[t]\n"+c.text)
	}
	texts = append(texts,
		"pk = \"a.toml\"\ns = '''\n[x]\n'''\n",
		"pk = \"a.toml\"\na = [\n[1]]\n",
		"pk = 'a'\n[[pk]]\n",
		"[pk]\nx = 1\n",
		"pk = \"a.toml\"\n",
	)
	rng := rand.New(rand.NewSource(11))
	for range 300 {
		s := texts[rng.Intn(len(examples))]
		texts = append(texts, s[:rng.Intn(len(s))])
	}
	for _, s := range texts {
		if got, want := IsRealisasi([]byte(s)), isRealisasiWhole([]byte(s)); got != want {
			t.Fatalf("IsRealisasi = %v, scanning the whole first %v, for %.200q", got, want, s)
		}
	}
}
