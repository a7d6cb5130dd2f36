package files_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"pkgen/files"
)

func TestRead(t *testing.T) {
	t.Parallel()
	big := make([]byte, files.Template.Limit()+1)
	fsys := fstest.MapFS{
		"pk.toml":      {Data: []byte("tahun = 2025\n")},
		"folder":       {Mode: fs.ModeDir},
		"big.tmpl":     {Data: big},
		"pipe":         {Mode: fs.ModeNamedPipe},
		"limit.tmpl":   {Data: big[:files.Template.Limit()]},
		"perangkat":    {Mode: fs.ModeDevice},
		"sub/logo.png": {Data: []byte("png")},
	}
	for _, c := range []struct {
		name string
		kind files.Kind
		want error // nil: reads the file's bytes
	}{
		{"pk.toml", files.TOML, nil},
		{"sub/logo.png", files.Logo, nil},
		{"limit.tmpl", files.Template, nil},
		{"big.tmpl", files.Template, files.ErrTooLarge},
		{"big.tmpl", files.TOML, nil}, // the limit is the kind's
		{"folder", files.TOML, files.ErrNotRegular},
		{"pipe", files.TOML, files.ErrNotRegular},
		{"perangkat", files.TOML, files.ErrNotRegular},
		{"tidak-ada.toml", files.TOML, fs.ErrNotExist},
	} {
		got, err := files.Read(fsys, c.name, c.kind)
		switch {
		case c.want == nil && err != nil:
			t.Errorf("Read(%s, %s): %v", c.name, c.kind.Name(), err)
		case c.want == nil && !bytes.Equal(got, fsys[c.name].Data):
			t.Errorf("Read(%s): %d bytes, want %d", c.name, len(got), len(fsys[c.name].Data))
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("Read(%s, %s): error %v, want one matching %v", c.name, c.kind.Name(), err, c.want)
		case c.want != nil && got != nil:
			t.Errorf("Read(%s): %d bytes with an error", c.name, len(got))
		}
		if err != nil && c.want != fs.ErrNotExist && !strings.Contains(err.Error(), c.name) {
			t.Errorf("Read(%s): message %q does not name the file", c.name, err)
		}
	}
}

// A file whose size grows past the limit after Stat (or a file system that
// reports a wrong size) is still cut at the limit.
func TestReadGrowing(t *testing.T) {
	t.Parallel()
	fsys := lyingFS{data: make([]byte, files.Template.Limit()+10)}
	if _, err := files.Read(fsys, "x.tmpl", files.Template); !errors.Is(err, files.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
}

// lyingFS serves one file whose Stat says it is empty.
type lyingFS struct{ data []byte }

func (l lyingFS) Open(name string) (fs.File, error) {
	return &lyingFile{Reader: bytes.NewReader(l.data)}, nil
}

type lyingFile struct{ *bytes.Reader }

func (f *lyingFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"x": {}}.Stat("x")
}
func (f *lyingFile) Close() error { return nil }

func TestResolve(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		from, ref string
		want      string
		err       error
	}{
		{"pk.toml", "logo.png", "logo.png", nil},
		{"a/pk.toml", "logo.png", "a/logo.png", nil},
		{"a/b/pk.toml", "../logo.png", "a/logo.png", nil},
		{"a/pk.toml", "../logo.png", "logo.png", nil},
		{"a/pk.toml", `kata\kami.tmpl`, "a/kata/kami.tmpl", nil},
		{"pk.toml", "./x/../logo.png", "logo.png", nil},
		{"pk.toml", "../logo.png", "", files.ErrOutsideRoot},
		{"a/pk.toml", "../../logo.png", "", files.ErrOutsideRoot},
		{"a/pk.toml", "x/../../../logo.png", "", files.ErrOutsideRoot},
		{"pk.toml", "/etc/passwd", "", files.ErrAbsolute},
		{"pk.toml", `\\server\share\x.png`, "", files.ErrAbsolute},
		{"pk.toml", `C:\logo.png`, "", files.ErrAbsolute},
		{"pk.toml", "c:logo.png", "", files.ErrAbsolute},
		{"pk.toml", "", "", nil}, // refused with its own message
	} {
		got, err := files.Resolve(c.from, c.ref)
		switch {
		case c.ref == "":
			if err == nil {
				t.Errorf("Resolve(%q, %q) = %q, want an error", c.from, c.ref, got)
			}
		case c.err == nil && (err != nil || got != c.want):
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", c.from, c.ref, got, err, c.want)
		case c.err != nil && !errors.Is(err, c.err):
			t.Errorf("Resolve(%q, %q) = %q, %v; want an error matching %v", c.from, c.ref, got, err, c.err)
		}
	}
}

func TestSnapshotReadsOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "pk.toml")
	write(t, path, "tahun = 2025\n")
	s := files.NewSnapshot(os.DirFS(dir))
	if files.NewSnapshot(s) != s {
		t.Error("a snapshot of a snapshot is a new one")
	}
	first, err := files.Read(s, "pk.toml", files.TOML)
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, "tahun = 2026 # changed\n")
	again, err := files.Read(s, "pk.toml", files.TOML)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != "tahun = 2025\n" || !bytes.Equal(first, again) {
		t.Errorf("second read %q, want the first read's bytes %q", again, first)
	}
	opened, err := fs.ReadFile(s, "pk.toml")
	if err != nil || !bytes.Equal(opened, first) {
		t.Errorf("Open after the first read: %q %v", opened, err)
	}
	if st, err := fs.Stat(s, "pk.toml"); err != nil || st.Size() != int64(len(first)) {
		t.Errorf("Stat after the first read: %v %v", st, err)
	}
	s.Add("stdin.toml", []byte("tahun = 1"))
	if got, err := files.Read(s, "stdin.toml", files.TOML); err != nil || string(got) != "tahun = 1" {
		t.Errorf("added file: %q %v", got, err)
	}
	if got, want := s.Names(), []string{"pk.toml", "stdin.toml"}; !slices.Equal(got, want) {
		t.Errorf("Names %q, want %q", got, want)
	}
}

// A file added to a snapshot is held to the limit of the kind it is read as.
func TestSnapshotAddedTooLarge(t *testing.T) {
	t.Parallel()
	s := files.NewSnapshot(nil)
	s.Add("t.tmpl", make([]byte, files.Template.Limit()+1))
	if _, err := files.Read(s, "t.tmpl", files.Template); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("error %v, want ErrTooLarge", err)
	}
	if _, err := s.Open("absent"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open without a base: %v", err)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// temporaries lists pkgen's temporary files left in dir.
func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".pkgen-") && strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWrite(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		existing string // "" for none
		replace  bool
		want     string // the file's content afterwards
		err      error
	}{
		{"new", "", false, "baru", nil},
		{"new, replace", "", true, "baru", nil},
		{"existing", "lama", false, "lama", files.ErrExist},
		{"existing, replace", "lama", true, "baru", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "out.pdf")
			if c.existing != "" {
				write(t, path, c.existing)
			}
			err := files.Write(path, []byte("baru"), c.replace)
			if c.err == nil && err != nil || c.err != nil && !errors.Is(err, c.err) {
				t.Errorf("Write: %v, want %v", err, c.err)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil || string(got) != c.want {
				t.Errorf("file holds %q (%v), want %q", got, rerr, c.want)
			}
			if left := temporaries(t, dir); len(left) > 0 {
				t.Errorf("temporary files left: %q", left)
			}
		})
	}
}

// Writing to a folder's name fails, leaves the folder and no temporary.
func TestWriteOntoFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "out.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := files.Write(filepath.Join(dir, "out.pdf"), []byte("x"), true); !errors.Is(err, files.ErrNotRegular) {
		t.Errorf("error %v, want ErrNotRegular", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "out.pdf")); err != nil || !st.IsDir() {
		t.Errorf("the folder is gone: %v", err)
	}
	if left := temporaries(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// WriteIn may not leave its root.
func TestWriteInRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "root"), 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(filepath.Join(dir, "root"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := files.WriteIn(root, "../escape.pdf", []byte("x"), false); err == nil {
		t.Error("WriteIn wrote outside its root")
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.pdf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("escape.pdf: %v", err)
	}
	if err := files.WriteIn(root, "in.pdf", []byte("x"), false); err != nil {
		t.Fatal(err)
	}
	if left := temporaries(t, filepath.Join(dir, "root")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

func TestRemoveStale(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Minute)
	for _, c := range []struct {
		name  string
		dir   bool
		old   bool
		stays bool
	}{
		{".pkgen-0123456789abcdef.tmp", false, true, false},
		{".pkgen-00000000000000aa.tmp", true, true, false},  // a TempDir
		{".pkgen-fedcba9876543210.tmp", false, false, true}, // a run still writing
		{"pk.toml", false, true, true},
		{".pkgen-x.toml", false, true, true},
		{"laporan.tmp", false, true, true},
	} {
		p := filepath.Join(dir, c.name)
		if c.dir {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(p, "inside.pdf"), "x")
		} else {
			write(t, p, "x")
		}
		if c.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() {
			_, err := os.Stat(p)
			if stays := err == nil; stays != c.stays {
				t.Errorf("%s: stays %v, want %v", c.name, stays, c.stays)
			}
		})
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	files.RemoveStale(root, ".")
}

func TestTempDir(t *testing.T) {
	t.Parallel()
	root, err := os.OpenRoot(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	name, err := files.TempDir(root, ".")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := root.Stat(name); err != nil || !st.IsDir() || !strings.HasPrefix(name, ".pkgen-") || !strings.HasSuffix(name, ".tmp") {
		t.Errorf("TempDir %q: %v %v", name, st, err)
	}
}

func TestReadPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "pk.toml")
	write(t, path, "tahun = 2025\n")
	got, err := files.ReadPath(path, files.TOML, strings.NewReader("not read"))
	if err != nil || string(got) != "tahun = 2025\n" {
		t.Errorf("a regular file: %q %v", got, err)
	}
	got, err = files.ReadPath(files.Stdin, files.TOML, strings.NewReader("dari stdin"))
	if err != nil || string(got) != "dari stdin" {
		t.Errorf("stdin: %q %v", got, err)
	}
	big := strings.NewReader(strings.Repeat("x", int(files.Template.Limit())+1))
	if _, err := files.ReadPath(files.Stdin, files.Template, big); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("stdin over the limit: %v, want ErrTooLarge", err)
	}
	if _, err := files.ReadPath(dir, files.TOML, nil); !errors.Is(err, files.ErrNotRegular) {
		t.Errorf("a folder: %v, want ErrNotRegular", err)
	}
	if _, err := files.ReadPath(filepath.Join(dir, "absent.toml"), files.TOML, nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want ErrNotExist", err)
	}
	write(t, filepath.Join(dir, "big.tmpl"), strings.Repeat("x", int(files.Template.Limit())+1))
	if _, err := files.ReadPath(filepath.Join(dir, "big.tmpl"), files.Template, nil); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("a file over the limit: %v, want ErrTooLarge", err)
	}
}

// A folder is swept once a minute per process: a stale temporary that
// appears after a sweep stays until the next minute's (a batch writing
// hundreds of files lists its folder once, not before every file), while
// another folder is swept at its first write.
func TestRemoveStaleOncePerMinute(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	old := time.Now().Add(-2 * time.Minute)
	stale := func(p string) {
		write(t, p, "x")
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "lain"), 0o700); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, ".pkgen-0000000000000001.tmp")
	stale(first)
	files.RemoveStale(root, ".")
	if _, err := os.Stat(first); err == nil {
		t.Fatal("the first sweep left a stale temporary")
	}
	second := filepath.Join(dir, ".pkgen-0000000000000002.tmp")
	stale(second)
	other := filepath.Join(dir, "lain", ".pkgen-0000000000000003.tmp")
	stale(other)
	files.RemoveStale(root, ".")
	files.RemoveStale(root, "lain")
	if _, err := os.Stat(second); err != nil {
		t.Error("the folder was swept again within the minute")
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("another folder was not swept at its first write")
	}
}

// A regular file is read into a buffer made for its size at once, and a
// file whose Stat understates its size is still read to its end.
func TestReadSized(t *testing.T) {
	data := bytes.Repeat([]byte("tahun = 2024\n"), 3000) // 39 kB
	fsys := fstest.MapFS{"pk.toml": {Data: data}}
	allocs := testing.AllocsPerRun(20, func() {
		if b, err := files.Read(fsys, "pk.toml", files.TOML); err != nil || !bytes.Equal(b, data) {
			t.Fatalf("read %d bytes, %v", len(b), err)
		}
	})
	// Five with the buffer made for the size (Stat, Open and the file take
	// the others); twelve when it was doubled from 512 bytes.
	if allocs > 8 {
		t.Errorf("%v allocations to read a 39 kB file", allocs)
	}
	small := shortStatFS{fstest.MapFS{"pk.toml": {Data: data}}}
	if b, err := files.Read(small, "pk.toml", files.TOML); err != nil || !bytes.Equal(b, data) {
		t.Fatalf("a file larger than its Stat: read %d of %d bytes, %v", len(b), len(data), err)
	}
}

// shortStatFS says every file holds 10 bytes.
type shortStatFS struct{ fstest.MapFS }

func (s shortStatFS) Open(name string) (fs.File, error) {
	f, err := s.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return shortStatFile{f}, nil
}

func (s shortStatFS) Stat(name string) (fs.FileInfo, error) {
	f, err := s.Open(name)
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

type shortStatFile struct{ fs.File }

func (f shortStatFile) Stat() (fs.FileInfo, error) {
	st, err := f.File.Stat()
	return shortInfo{st}, err
}

type shortInfo struct{ fs.FileInfo }

func (shortInfo) Size() int64 { return 10 }

// Write sweeps the folder's stale temporaries beside writing the file, and
// has done so when it returns: none is left, its own neither.
func TestWriteSweepsBeside(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stale := filepath.Join(dir, ".pkgen-0123456789abcdef.tmp")
	write(t, stale, "x")
	old := time.Now().Add(-2 * time.Minute)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	for _, replace := range []bool{false, true} {
		if err := files.Write(filepath.Join(dir, "pk.pdf"), []byte("%PDF"), replace); err != nil {
			t.Fatal(err)
		}
	}
	if left := temporaries(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pk.pdf")); err != nil || string(b) != "%PDF" {
		t.Errorf("written: %q, %v", b, err)
	}
}
