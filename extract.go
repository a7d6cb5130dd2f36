package pkgen

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"pkgen/files"
	"pkgen/pesan"
	"pkgen/render/pdf"
)

// Limits on the names of embedded files written back by WriteSources: a
// PK's sources sit in a folder or two; anything deeper or longer is not
// pkgen's.
const (
	MaxSourceDepth = 8   // folders in a name
	MaxSourceName  = 255 // bytes in one part of a name
)

// The embedded files' types, as the PDF backend reads them: front ends need
// no import of render/pdf.
type (
	Source      = pdf.Source
	SourceCheck = pdf.Check
	Digest      = pdf.Digest
)

// How an extracted file was checked.
const (
	SHA256    = pdf.SHA256
	MD5       = pdf.MD5
	Unchecked = pdf.Unchecked
)

// ExtractSources reads the TOML files embedded in a PDF made by pkgen,
// each checked against its recorded digest, and checks that every name can
// be written: relative, inside the target, no control characters, not
// deeper than MaxSourceDepth, each name once.
func ExtractSources(data []byte) (srcs []pdf.Source, check pdf.Check, err error) {
	defer catch(&err, "PDF")
	srcs, check, err = pdf.ReadSources(data)
	if err != nil {
		return nil, check, err
	}
	seen := map[string]bool{}
	for _, s := range srcs {
		if err := sourceNameOK(s.Name); err != nil {
			return nil, check, err
		}
		key := strings.ToLower(s.Name) // case-insensitive file systems
		if seen[key] {
			return nil, check, pesan.Errorf("dua lampiran bernama %s dengan isi berbeda", quoted(s.Name))
		}
		seen[key] = true
	}
	return srcs, check, nil
}

// sourceNameOK refuses a name that cannot be written safely as a file
// inside the target folder.
func sourceNameOK(name string) error {
	q := quoted(name)
	if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return pesan.Errorf("nama lampiran %s memuat karakter kendali; tidak ditulis", q)
	}
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return pesan.Errorf("nama lampiran %s bukan jalur relatif di dalam folder tujuan", q)
	}
	parts := strings.Split(name, "/")
	if len(parts)-1 > MaxSourceDepth {
		return pesan.Errorf("nama lampiran %s bersarang %d folder; batasnya %d", q, len(parts)-1, MaxSourceDepth)
	}
	for _, p := range parts {
		if len(p) > MaxSourceName || strings.HasPrefix(p, ".pkgen-") {
			return pesan.Errorf("nama lampiran %s tidak dapat dipakai sebagai nama berkas", q)
		}
	}
	return nil
}

// quoted shows a name from a PDF safely: control characters escaped and
// long names shortened.
func quoted(name string) string {
	if len(name) > 120 {
		name = name[:120] + "…"
	}
	return strings.Trim(strconv.Quote(name), `"`)
}

// ExistsError lists the files of WriteSources that exist already.
type ExistsError struct{ Names []string }

func (e *ExistsError) Error() string {
	return pesan.Sprintf("%s sudah ada", strings.Join(e.Names, ", "))
}

// WriteSources writes srcs (from ExtractSources) into the folder dir, all
// or nothing: every name is checked and every target must be free before
// anything is written; the files are written into a temporary folder
// inside dir and then linked into place, and a failure removes what was
// placed. No symbolic link inside dir is followed. dir is created if
// missing. It returns the paths written, as dir joined with each name.
func WriteSources(dir string, srcs []pdf.Source) (written []string, err error) {
	defer catch(&err, dir)
	for _, s := range srcs {
		if err := sourceNameOK(s.Name); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var exist []string
	for _, s := range srcs {
		taken, err := occupied(root, s.Name)
		if err != nil {
			return nil, pesan.Errorf("%s: %v", filepath.Join(dir, filepath.FromSlash(s.Name)), err)
		}
		if taken {
			exist = append(exist, filepath.Join(dir, filepath.FromSlash(s.Name)))
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Names: exist}
	}
	tmp, err := files.TempDir(root, ".")
	if err != nil {
		return nil, err
	}
	defer root.RemoveAll(tmp)
	for _, s := range srcs {
		name := path.Join(tmp, s.Name)
		if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
			return nil, err
		}
		if err := root.WriteFile(name, s.Data, 0o644); err != nil {
			return nil, err
		}
	}
	// Place each file; undo on the first failure.
	var placed, made []string
	undo := func() {
		for _, n := range placed {
			root.Remove(n)
		}
		for i := len(made) - 1; i >= 0; i-- {
			root.Remove(made[i]) // only if still empty
		}
	}
	for _, s := range srcs {
		for d := range parents(s.Name) {
			if _, err := root.Lstat(d); errors.Is(err, fs.ErrNotExist) {
				if err := root.Mkdir(d, 0o755); err != nil {
					undo()
					return nil, err
				}
				made = append(made, d)
			}
		}
		if err := root.Link(path.Join(tmp, s.Name), s.Name); err != nil {
			undo()
			if errors.Is(err, fs.ErrExist) {
				return nil, &ExistsError{Names: []string{filepath.Join(dir, filepath.FromSlash(s.Name))}}
			}
			return nil, err
		}
		placed = append(placed, s.Name)
	}
	for _, s := range srcs {
		written = append(written, filepath.Join(dir, filepath.FromSlash(s.Name)))
	}
	return written, nil
}

// occupied reports whether name exists in root, refusing a name whose
// folders are not plain folders (a symbolic link is never followed).
func occupied(root *os.Root, name string) (bool, error) {
	for d := range parents(name) {
		st, err := root.Lstat(d)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !st.IsDir() || st.Mode()&fs.ModeSymlink != 0 {
			return false, pesan.Errorf("%s bukan folder biasa (tautan simbolik tidak diikuti)", d)
		}
	}
	_, err := root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// parents yields the folders of a slash-separated name, outermost first.
func parents(name string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(name); i++ {
			if name[i] == '/' && !yield(name[:i]) {
				return
			}
		}
	}
}
