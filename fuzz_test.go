package pkgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzCheck runs the whole check path (load, validation, fonts' coverage,
// templates, logo, layout) on a full file, as pkgen check does: it may
// report anything but must neither panic (catch would turn a panic into a
// "galat internal" error, which fails here) nor hang.
func FuzzCheck(f *testing.F) {
	names, _ := filepath.Glob("examples/*.toml")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(strings.Repeat("a = {b = ", 40) + "1" + strings.Repeat("}", 40)))
	f.Add([]byte("a" + strings.Repeat(".b", 40) + " = 1\n"))
	f.Add([]byte(strings.Repeat("[", 40) + strings.Repeat("]", 40)))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"pk.toml": {Data: data}}
		// A realisasi report names its PK: give it the seed PK.
		if b, err := os.ReadFile("examples/jakarta-pusat-2023.toml"); err == nil {
			fsys["jakarta-pusat-2023.toml"] = &fstest.MapFile{Data: b}
		}
		_, err := Check(Input{FS: fsys, Name: "pk.toml"}, Options{})
		if err != nil && strings.Contains(err.Error(), "galat internal") {
			t.Fatalf("panic: %v", err)
		}
	})
}
