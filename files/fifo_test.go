//go:build unix

package files_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"pkgen/files"
)

// A FIFO is read to its end: what a writer wrote, or nothing when no
// writer ever comes, without hanging either way.
func TestReadPathFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipa")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	read := func() ([]byte, error) {
		type result struct {
			b   []byte
			err error
		}
		done := make(chan result, 1)
		go func() {
			b, err := files.ReadPath(fifo, files.TOML, nil)
			done <- result{b, err}
		}()
		select {
		case r := <-done:
			return r.b, r.err
		case <-time.After(10 * time.Second): // a hang, not a timing assertion
			t.Fatal("ReadPath hangs on a FIFO")
			return nil, nil
		}
	}

	// No writer: empty, at once.
	if b, err := read(); err != nil || len(b) != 0 {
		t.Errorf("a FIFO without a writer: %q %v", b, err)
	}

	// A writer that has written and closed before the read ends.
	w, err := os.OpenFile(fifo, os.O_RDWR, 0) // RDWR: opening does not wait for a reader
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteString("tahun = 2025\n"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var got []byte
	var rerr error
	go func() {
		defer close(done)
		got, rerr = files.ReadPath(fifo, files.TOML, nil)
	}()
	// The writer closes once the reader has the FIFO open: closed before,
	// the FIFO would lose what it holds.
	real, err := filepath.EvalSymlinks(fifo)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second) // against a hang, not a timing assertion
	for opened := 0; opened < 2; {
		entries, err := os.ReadDir("/proc/self/fd")
		if err != nil || time.Now().After(deadline) {
			w.Close()
			<-done
			t.Skipf("cannot tell when the reader has opened the FIFO: %v", err)
		}
		opened = 0
		for _, e := range entries {
			if l, _ := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); l == real {
				opened++
			}
		}
		time.Sleep(time.Millisecond)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("ReadPath hangs on a FIFO after its writer closed")
	}
	if rerr != nil || string(got) != "tahun = 2025\n" {
		t.Errorf("a FIFO with a writer: %q %v", got, rerr)
	}
}
