package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer written by the watcher's goroutine and read by
// the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestPantau starts the watcher on a temporary folder: a valid file gives
// a PDF; an invalid one, saved by rename as editors do, leaves the PDF as
// it was and reports the problems; a valid edit renders again; cancelling
// the context ends the watcher.
func TestPantau(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/kabupaten-contoh-bidang-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "pk.toml")
	out := filepath.Join(dir, "pk.pdf")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	results := make(chan bool, 10)
	var stderr lockedBuffer
	p := &watcher{in: in, out: out, delay: 60 * time.Millisecond, stderr: &stderr,
		after: func(ok bool) { results <- ok }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- p.run(ctx) }()

	next := func(want bool) {
		t.Helper()
		select {
		case ok := <-results:
			if ok != want {
				t.Fatalf("render ok = %v, seharusnya %v:\n%s", ok, want, stderr.String())
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("tidak ada render:\n%s", stderr.String())
		}
	}
	next(true)
	first, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(first, []byte("%PDF")) {
		t.Fatalf("PDF tidak ada: %v", err)
	}

	// Save an invalid version by writing a temporary file and renaming it.
	bad := strings.Replace(string(src), "tahun = 2024", `tahun = "2024"`, 1)
	tmp := filepath.Join(dir, ".pk.toml.swp")
	if err := os.WriteFile(tmp, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, in); err != nil {
		t.Fatal(err)
	}
	next(false)
	if now, _ := os.ReadFile(out); !bytes.Equal(now, first) {
		t.Error("PDF berubah padahal masukan tidak sah")
	}
	if s := stderr.String(); !strings.Contains(s, "tahun: harus bilangan bulat") || !strings.Contains(s, "PDF terakhir yang sah dipertahankan") {
		t.Errorf("pesan tidak dilaporkan:\n%s", s)
	}

	// A valid edit in place, written in two steps: one render.
	good := strings.Replace(string(src), `tempat = "Sukamulya"`, `tempat = "Lembah Hijau"`, 1)
	if err := os.WriteFile(in, []byte(good[:len(good)/2]), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	next(true)
	if now, _ := os.ReadFile(out); bytes.Equal(now, first) {
		t.Error("PDF tidak diperbarui")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("pemantau tidak berhenti")
	}
	select {
	case ok := <-results:
		t.Errorf("render tambahan (ok = %v)", ok)
	default:
	}
}

func TestPantauPemakaian(t *testing.T) {
	for _, c := range []struct {
		args []string
		out  string
	}{
		{[]string{"pantau"}, "tepat satu berkas"},
		{[]string{"pantau", example, "-o", "-"}, "harus berupa berkas"},
		{[]string{"pantau", example, "-o", example}, "sama dengan masukan"},
	} {
		if code, _, errOut := runCLI(c.args...); code != exitUsage || !strings.Contains(errOut, c.out) {
			t.Errorf("pkgen %v: exit %d: %s", c.args, code, errOut)
		}
	}
}
