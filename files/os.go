package files

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"pkgen/pesan"
)

// Stdin is the name of standard input on the command line.
const Stdin = "-"

// ReadPath reads a file named on the command line: "-" is standard input;
// a pipe (bash's <(…), /dev/stdin fed by a pipe) is read to its end
// without waiting for a writer that never comes; anything else must be a
// regular file. Every read stops at kind's limit.
func ReadPath(name string, kind Kind, stdin io.Reader) ([]byte, error) {
	if name == Stdin {
		return readLimited(stdin, name, kind, 0)
	}
	st, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, kinded(fs.ErrNotExist, "%s: berkas tidak ditemukan", name)
	}
	if err != nil {
		return nil, err
	}
	switch m := st.Mode(); {
	case m.IsRegular():
		if st.Size() > kind.Limit() {
			return nil, tooLarge(name, kind)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readLimited(f, name, kind, st.Size())
	case m&fs.ModeNamedPipe != 0:
		f, err := openPipe(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readLimited(f, name, kind, 0)
	default:
		return nil, notRegular(name, m)
	}
}

// tempPrefix and tempSuffix name pkgen's temporary files; a run removes
// stale ones of this pattern (left by a killed run) from the folder it
// writes to.
const (
	tempPrefix = ".pkgen-"
	tempSuffix = ".tmp"
	staleAfter = time.Minute
)

// Write writes data to the file path through a temporary file in the same
// folder, put in place only when complete, so a failure never leaves a
// half-written file. Without replace an existing file is never replaced,
// not even one that appears while writing: the error wraps ErrExist.
func Write(path string, data []byte, replace bool) error {
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer root.Close()
	return writeIn(root, filepath.Base(path), path, data, replace)
}

// WriteIn is Write inside root: name may not leave it.
func WriteIn(root *os.Root, name string, data []byte, replace bool) error {
	return writeIn(root, name, name, data, replace)
}

// writeIn is WriteIn, naming the file label in messages.
func writeIn(root *os.Root, name, label string, data []byte, replace bool) error {
	if !replace {
		if _, err := root.Lstat(name); err == nil {
			return existErr(label)
		}
	}
	if st, err := root.Stat(name); err == nil && st.IsDir() {
		return kinded(ErrNotRegular, "%s adalah folder; sebutkan nama berkas", label)
	}
	dir := filepath.Dir(name)
	// The sweep reads the folder while the file is written and synced
	// (os.Root is safe for that); it never removes a file this young.
	swept := make(chan struct{})
	go func() {
		defer close(swept)
		RemoveStale(root, dir)
	}()
	defer func() { <-swept }()
	tmp, f, err := createTemp(root, dir)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			root.Remove(tmp) // gone after a link; a leftover after a failure
		}
	}()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Chmod(tmp, 0o644)
	}
	if err != nil {
		return err
	}
	if replace {
		err = root.Rename(tmp, name)
		renamed = err == nil
		return err
	}
	// A hard link fails when name exists, where a rename would replace it.
	err = root.Link(tmp, name)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return existErr(label)
	}
	// A file system without hard links: rename, after checking again.
	if _, err := root.Lstat(name); err == nil {
		return existErr(label)
	}
	err = root.Rename(tmp, name)
	renamed = err == nil
	return err
}

func existErr(name string) error {
	return kinded(fs.ErrExist, "%s sudah ada", name)
}

// createTemp creates a new temporary file of pkgen's pattern in dir.
func createTemp(root *os.Root, dir string) (string, *os.File, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, tempPrefix+hex.EncodeToString(b[:])+tempSuffix)
		f, err := root.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, f, err
	}
	return "", nil, pesan.Errorf("tidak ada nama sementara yang bebas")
}

// TempDir creates a new temporary folder of pkgen's pattern in dir, for
// writing several files that appear together or not at all.
func TempDir(root *os.Root, dir string) (string, error) {
	RemoveStale(root, dir)
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, tempPrefix+hex.EncodeToString(b[:])+tempSuffix)
		err := root.Mkdir(name, 0o700)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, err
	}
	return "", pesan.Errorf("tidak ada nama sementara yang bebas")
}

// swept is when each folder was last cleaned of stale temporaries by this
// process: a batch writes hundreds of files into one folder, and listing
// it before each would cost in the square of their number. What turns
// stale since is older than the next sweep's minute.
var swept = struct {
	sync.Mutex
	at map[string]time.Time
}{at: map[string]time.Time{}}

// sweepDue reports whether folder is to be swept now, and notes it.
func sweepDue(folder string) bool {
	now := time.Now()
	swept.Lock()
	defer swept.Unlock()
	if last, ok := swept.at[folder]; ok && now.Sub(last) < staleAfter {
		return false
	}
	if len(swept.at) > 1024 { // a long-running server: forget, sweep again
		clear(swept.at)
	}
	swept.at[folder] = now
	return true
}

// RemoveStale removes pkgen's temporary files and folders in dir that are
// older than a minute: what a killed run (kill -9, power loss) left. A
// younger one may belong to a run still writing.
func RemoveStale(root *os.Root, dir string) {
	if !sweepDue(filepath.Join(root.Name(), dir)) {
		return
	}
	f, err := root.Open(dir)
	if err != nil {
		return
	}
	// Names only: a DirEntry per file cost a render in a folder of 600
	// files about 5% of its CPU time; only pkgen's own names are looked at.
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return
	}
	now := time.Now()
	for _, n := range names {
		if !strings.HasPrefix(n, tempPrefix) || !strings.HasSuffix(n, tempSuffix) {
			continue
		}
		info, err := root.Lstat(filepath.Join(dir, n))
		if err != nil || now.Sub(info.ModTime()) < staleAfter {
			continue
		}
		root.RemoveAll(filepath.Join(dir, n))
	}
}
