//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A folder with files that are not PKs (random bytes, a FIFO, a symlink
// out of the folder, a folder named .toml, a pk_induk leaving the root)
// is read without hanging or following anything out: those files are
// listed as not valid and the run exits 1, the linked PKs still checked.
func TestKaskadeHostileFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, n := range []string{"kabupaten-contoh-bupati-2024.toml", "kabupaten-contoh-dinas-kesehatan-2024.toml"} {
		writeFile(t, dir, n, must(os.ReadFile(filepath.Join("../../examples", n))))
	}
	writeFile(t, dir, "acak.toml", bytes.Repeat([]byte{0xff, 0x00, '[', '='}, 5000))
	writeFile(t, dir, "sub/jahat.toml", []byte("tahun = 2024\npk_induk = \"../../luar.toml\"\n"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "luar.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.toml"), 0o700); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := runWith([]string{"kaskade", dir}, nil, &stdout, &stderr)
	out := stdout.String()
	if code != exitInvalid {
		t.Errorf("exit %d, want 1\n%s%s", code, out, stderr.String())
	}
	for _, want := range []string{"2 PK (2 dalam pohon)", "acak.toml", "fifo.toml", "luar.toml", filepath.Join("sub", "jahat.toml")} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "root:") {
		t.Error("a file outside the folder was read")
	}
}
