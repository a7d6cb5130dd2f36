//go:build unix

package pkgen

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"pkgen/internal/testutil"
)

// A FIFO where a document expects a file (its logo, a template, the
// version it amends) is refused at once: opening it would wait for a
// writer that never comes.
func TestFIFOReferenceRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipa"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	base := string(example(t, "kabupaten-contoh-bidang-2024.toml"))
	for _, c := range []struct{ name, edit, want string }{
		{"logo", strings.Replace(base, "[instansi]\n", "[instansi]\nlogo = \"pipa\"\n", 1), "instansi.logo"},
		{"templat", strings.Replace(base, `templat = ["atasan-langsung"]`, `templat = ["atasan-langsung", "pipa"]`, 1), "templat"},
	} {
		if c.edit == base {
			t.Fatalf("%s: the example did not change", c.name)
		}
		testutil.WriteFile(t, filepath.Join(dir, c.name+".toml"), []byte(c.edit))
		_, err := Check(Input{FS: os.DirFS(dir), Name: c.name + ".toml"}, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "FIFO") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
