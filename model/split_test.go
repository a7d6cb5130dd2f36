package model

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"pkgen/internal/testutil"
)

// Decoding in halves gives the map decoding the whole gives, for every
// example long enough (the seed among them, which must split), and
// declines every text where something crosses the split.
func TestDecodeSplit(t *testing.T) {
	whole := func(text string) map[string]any {
		t.Helper()
		var raw map[string]any
		if _, err := toml.Decode(text, &raw); err != nil {
			t.Fatal(err)
		}
		return raw
	}
	dir := testutil.Example(t, "")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	split := 0
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		text := string(b)
		raw, ok := decodeSplit(text)
		if e.Name() == "jakarta-pusat-2023.toml" && !ok {
			t.Error("the seed is not decoded in halves")
		}
		if !ok {
			continue
		}
		split++
		if want := whole(text); !reflect.DeepEqual(raw, want) {
			t.Errorf("%s: the halves' map differs from the whole's", e.Name())
		}
	}
	if split == 0 {
		t.Fatal("no example decoded in halves")
	}

	// A PK of many sasaran, and texts where something crosses the split.
	var b strings.Builder
	b.WriteString("tahun = 2024\ntempat = \"Sukamulya\"\n[instansi]\nkop = [\"DINAS\"]\n")
	for i := range 60 {
		fmt.Fprintf(&b, "\n[[sasaran]]\nuraian = \"Sasaran %d %s\"\n", i, strings.Repeat("panjang ", 30))
		for j := range 3 {
			fmt.Fprintf(&b, "\n[[sasaran.indikator]]\nkode = \"K%d-%d\"\nuraian = \"Indikator\"\npengukuran = '''\n**DEFINISI**\n%s\n'''\ntarget = { tw1 = 1, tw2 = 2, tw3 = 3, tw4 = 4, tahunan = 4 }\n", i, j, strings.Repeat("definisi ", 20))
		}
	}
	base := b.String()
	mid := splitPoint(base)
	if mid < 0 {
		t.Fatal("no split point in a PK of 60 sasaran")
	}
	for _, c := range []struct {
		name, text string
		ok         bool
	}{
		{"many sasaran", base, true},
		{"a table after the sasaran", base + "\n[pihak_kedua]\nnama = \"Ratna\"\n", true},
		// The header near the middle is inside a multi-line string.
		{"header inside a string", base[:mid] + "catatan = '''\n" + base[mid:mid+12] + "'''\n" + base[mid:], false},
		{"a table in both halves", base[:mid] + "[instansi.logo]\nberkas = \"a.png\"\n" + base[mid:] + "\n[instansi.alamat]\njalan = \"x\"\n", false},
		{"an array of tables in both halves", "[[anggaran]]\nuraian = \"a\"\n" + base + "\n[[anggaran]]\nuraian = \"b\"\n", false},
		{"a broken line in the second half", base + "\nrusak = = 1\n", false},
		{"sasaran an inline array before", strings.Replace(base, "[instansi]", "sasaran = [{uraian = \"x\"}]\n[instansi]", 1), false},
	} {
		raw, ok := decodeSplit(c.text)
		if ok != c.ok {
			t.Errorf("%s: split %v, want %v", c.name, ok, c.ok)
			continue
		}
		if ok {
			if want := whole(c.text); !reflect.DeepEqual(raw, want) {
				t.Errorf("%s: the halves' map differs from the whole's", c.name)
			}
		}
	}
}

// FuzzDecodeSplit: whatever is put in a long PK at its split point, at its
// start or at its end, decoding in halves either declines or gives the
// map decoding the whole gives.
func FuzzDecodeSplit(f *testing.F) {
	var b strings.Builder
	b.WriteString("tahun = 2024\ntempat = \"Sukamulya\"\n[instansi]\nkop = [\"DINAS\"]\n")
	for i := range 40 {
		fmt.Fprintf(&b, "\n[[sasaran]]\nuraian = \"Sasaran %d %s\"\n", i, strings.Repeat("panjang ", 40))
		fmt.Fprintf(&b, "\n[[sasaran.indikator]]\nkode = \"K%d\"\npengukuran = '''\n%s\n'''\n", i, strings.Repeat("definisi ", 30))
	}
	base := b.String()
	mid := splitPoint(base)
	if mid < 0 {
		f.Fatal("no split point")
	}
	for _, s := range []string{
		"", "catatan = '''\n", "'''\n", "x = [\n", "[instansi.logo]\nberkas = \"a\"\n", "[[anggaran]]\nuraian = \"a\"\n",
		"[[sasaran]]\n", "[sasaran]\n", "sasaran = 1\n", "[pihak_kedua]\nnama = \"R\"\n", "\"\"\"\n", "a.b.c = 1\n",
	} {
		for where := range uint8(3) {
			f.Add(s, where)
		}
	}
	f.Fuzz(func(t *testing.T, insert string, where uint8) {
		var text string
		switch where % 3 {
		case 0:
			text = base[:mid] + insert + base[mid:]
		case 1:
			text = insert + base
		default:
			text = base + insert
		}
		raw, ok := decodeSplit(text)
		if !ok {
			return
		}
		var want map[string]any
		if _, err := toml.Decode(text, &want); err != nil {
			t.Fatalf("the halves decode, the whole does not: %v", err)
		}
		if !reflect.DeepEqual(raw, want) {
			t.Fatal("the halves' map differs from the whole's")
		}
	})
}
