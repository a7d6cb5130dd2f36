// Package files is how pkgen reads and writes files: every read bounded by
// a limit for its kind of file, regular files only where a file is named
// inside a document, each file read once per use (Snapshot), references
// resolved inside a root folder, and writes that never leave a half-written
// file nor replace an existing one unless asked.
//
// The limits live here, not in the command, because the same inputs reach
// pkgen over the network (the browser workbench).
package files

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"pkgen/pesan"
)

// Kind is what a file is for; each kind has its own size limit.
type Kind int

const (
	TOML     Kind = iota // a PK or a realisasi report
	Template             // a wording (.tmpl) or column-set (.toml) file
	Logo                 // a PNG or JPEG
	PDF                  // an LKIP to append to, or a signed PDF to extract from
	XLSX                 // a workbook to import
)

// Limits per kind, bytes. A PK with 10,000 indicators and long definitions
// is about 13 MB; a logo is rarely above a megabyte; an LKIP with scanned
// annexes can be large.
var limits = [...]int64{
	TOML:     32 << 20,
	Template: 1 << 20,
	Logo:     8 << 20,
	PDF:      256 << 20,
	XLSX:     32 << 20,
}

var kindNames = [...]string{
	TOML:     pesan.Key("berkas TOML"),
	Template: pesan.Key("berkas templat"),
	Logo:     pesan.Key("logo"),
	PDF:      pesan.Key("berkas PDF"),
	XLSX:     pesan.Key("lembar kerja XLSX"),
}

// Limit is the largest file of the kind pkgen reads, in bytes.
func (k Kind) Limit() int64 { return limits[k] }

// Name is the kind in words, a catalogue key.
func (k Kind) Name() string { return kindNames[k] }

// Errors a caller may test for with errors.Is. They are never printed: the
// error that matches one prints its own catalogue message.
var (
	ErrTooLarge    error = sentinel("too large")
	ErrNotRegular  error = sentinel("not a regular file")
	ErrOutsideRoot error = sentinel("outside the root folder")
	ErrAbsolute    error = sentinel("absolute path")
	ErrExist             = fs.ErrExist
)

type sentinel string

func (s sentinel) Error() string { return string(s) }

// kindError is a catalogue message that errors.Is also matches with one of
// the sentinel errors above.
type kindError struct {
	kind error
	msg  error
}

func (e *kindError) Error() string   { return e.msg.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.msg} }

func kinded(kind error, key string, args ...any) error {
	return &kindError{kind: kind, msg: pesan.Errorf(key, args...)}
}

// tooLarge is the message for a file over its kind's limit.
func tooLarge(name string, k Kind) error {
	kind := k.Name()
	return kinded(ErrTooLarge, "%s: berkas lebih dari %d MB, batas untuk %s", name, k.Limit()>>20, pesan.M(kind))
}

// Read reads name from fsys: a regular file (not a folder, device or pipe)
// of at most kind's limit. Through a Snapshot, every later read of the
// same name gives the same bytes.
func Read(fsys fs.FS, name string, kind Kind) ([]byte, error) {
	if s, ok := fsys.(*Snapshot); ok {
		return s.read(name, kind)
	}
	return readFS(fsys, name, name, kind)
}

// readFS reads name from fsys; messages call it label.
func readFS(fsys fs.FS, name, label string, kind Kind) ([]byte, error) {
	// Opening a FIFO waits for a writer: look before opening.
	if st, err := fs.Stat(fsys, name); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(label, st.Mode())
	}
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, kinded(fs.ErrNotExist, "%s: berkas tidak ditemukan", label)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, &fs.PathError{Op: pe.Op, Path: label, Err: pe.Err}
		}
		return nil, err
	}
	name = label
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(name, st.Mode())
	}
	if st.Size() > kind.Limit() {
		return nil, tooLarge(name, kind)
	}
	return readLimited(f, name, kind, st.Size())
}

// readLimited reads r to its end, failing past kind's limit. size, if
// above 0, is what r is expected to hold (a regular file's size): the
// buffer is made for it at once rather than doubled a dozen times.
func readLimited(r io.Reader, name string, kind Kind, size int64) ([]byte, error) {
	var b bytes.Buffer
	if size > 0 && size <= kind.Limit() {
		b.Grow(int(size) + bytes.MinRead) // room left to read the end
	}
	n, err := b.ReadFrom(io.LimitReader(r, kind.Limit()+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if n > kind.Limit() {
		return nil, tooLarge(name, kind)
	}
	return b.Bytes(), nil
}

func notRegular(name string, m fs.FileMode) error {
	switch {
	case m.IsDir():
		return kinded(ErrNotRegular, "%s: sebuah folder, bukan berkas", name)
	case m&fs.ModeNamedPipe != 0:
		return kinded(ErrNotRegular, "%s: sebuah pipa (FIFO), bukan berkas biasa", name)
	case m&fs.ModeDevice != 0:
		return kinded(ErrNotRegular, "%s: sebuah perangkat, bukan berkas biasa", name)
	}
	return kinded(ErrNotRegular, "%s: bukan berkas biasa", name)
}

// Resolve names the file that ref, written inside the file from, points
// to: relative to from's folder, in fs.FS form. An absolute path, or one
// that leaves the root (more ".." than folders), is refused: a document
// written by someone else must not make pkgen read any file on the machine.
func Resolve(from, ref string) (string, error) {
	if ref == "" {
		return "", pesan.Errorf("jalur kosong")
	}
	slashed := strings.ReplaceAll(ref, `\`, "/")
	if path.IsAbs(slashed) || (len(slashed) >= 2 && slashed[1] == ':') {
		return "", kinded(ErrAbsolute, "jalur mutlak %q tidak diizinkan; tulis jalur relatif terhadap berkas ini", ref)
	}
	name := path.Join(path.Dir(from), slashed)
	if !fs.ValidPath(name) {
		return "", kinded(ErrOutsideRoot, "jalur %q keluar dari folder akar; berkas yang dirujuk harus berada di folder akar atau di bawahnya", ref)
	}
	return name, nil
}

// Snapshot is a read-once view of a file system: the first read of a name
// keeps its bytes, and every later read (parsing, layout, hashing,
// embedding) gets those same bytes, even if the file changes meanwhile.
// It is safe for concurrent use.
type Snapshot struct {
	base  fs.FS
	label func(string) string
	mu    sync.Mutex
	files map[string][]byte
	order []string
}

// NewSnapshot returns a read-once view of base.
func NewSnapshot(base fs.FS) *Snapshot {
	if s, ok := base.(*Snapshot); ok {
		return s
	}
	return &Snapshot{base: base, files: map[string][]byte{}}
}

// NewLabeled is NewSnapshot whose read errors name each file as label
// gives it: the path the user typed, not the name inside the root.
func NewLabeled(base fs.FS, label func(name string) string) *Snapshot {
	s := NewSnapshot(base)
	s.label = label
	return s
}

// Label names a file of the snapshot as messages do.
func (s *Snapshot) Label(name string) string {
	if s.label == nil {
		return name
	}
	return s.label(name)
}

// Add puts a file into the snapshot as if it had been read: the document
// read from standard input, or a form's content in the workbench.
func (s *Snapshot) Add(name string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.files[name]; !ok {
		s.order = append(s.order, name)
	}
	s.files[name] = data
}

func (s *Snapshot) read(name string, kind Kind) ([]byte, error) {
	s.mu.Lock()
	data, ok := s.files[name]
	s.mu.Unlock()
	if ok {
		if int64(len(data)) > kind.Limit() {
			return nil, tooLarge(s.Label(name), kind)
		}
		return data, nil
	}
	if s.base == nil {
		return nil, &fs.PathError{Op: "open", Path: s.Label(name), Err: fs.ErrNotExist}
	}
	data, err := readFS(s.base, name, s.Label(name), kind)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if prev, ok := s.files[name]; ok {
		return prev, nil // another reader was first
	}
	s.files[name] = data
	s.order = append(s.order, name)
	return data, nil
}

// Names lists the files read so far, in the order first read.
func (s *Snapshot) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.order...)
}

// Open implements fs.FS: a file already read is served from memory, any
// other from the base file system (and not kept).
func (s *Snapshot) Open(name string) (fs.File, error) {
	s.mu.Lock()
	data, ok := s.files[name]
	s.mu.Unlock()
	if ok {
		return &memFile{Reader: bytes.NewReader(data), name: path.Base(name), size: int64(len(data))}, nil
	}
	if s.base == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return s.base.Open(name)
}

// Stat implements fs.StatFS.
func (s *Snapshot) Stat(name string) (fs.FileInfo, error) {
	s.mu.Lock()
	data, ok := s.files[name]
	s.mu.Unlock()
	if ok {
		return memInfo{name: path.Base(name), size: int64(len(data))}, nil
	}
	if s.base == nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(s.base, name)
}

type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.name, f.size}, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
