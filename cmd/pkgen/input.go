package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/templates"
)

// An input is read inside its root folder: the input's own folder, or
// --akar. Files it refers to (versions, PK, templates, logo) may not leave
// that root: a TOML from someone else must not make pkgen read any file on
// the machine.

// akarFlag is --akar, the root folder every input and the files it
// refers to must stay in.
func akarFlag(fs *flag.FlagSet) *string {
	return fs.String("akar", "", "folder akar: berkas yang dirujuk dokumen harus di dalamnya (bawaan: folder masukan)")
}

// input is an opened input of the command line.
type input struct {
	pkgen.Input
	root *os.Root
}

func (in *input) Close() {
	if in.root != nil {
		in.root.Close()
	}
}

// openInput roots path (as typed) in akar, or in its own folder. "-" is
// standard input, read now, whose references are relative to akar or the
// working folder.
func openInput(path, akar string, stdin io.Reader) (*input, error) {
	if path == files.Stdin {
		dir := akar
		if dir == "" {
			dir = "."
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		data, err := files.ReadPath(path, files.TOML, stdin)
		if err != nil {
			root.Close()
			return nil, err
		}
		show := showIn(dir, path, files.Stdin)
		snap := files.NewLabeled(root.FS(), show)
		snap.Add(files.Stdin, data)
		return &input{Input: pkgen.Input{FS: snap, Name: files.Stdin, Show: show}, root: root}, nil
	}
	dir := akar
	if dir == "" {
		dir = filepath.Dir(path)
	}
	rel, err := filepath.Rel(absOr(dir), absOr(path))
	if err != nil || !filepath.IsLocal(rel) {
		return nil, pesan.Errorf("%s berada di luar folder akar %s", path, dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The file named on the command line is read as the user gave it: a
	// regular file, or a pipe (<(…), /dev/stdin) read without waiting for
	// a writer that never comes. Its references are read inside the root.
	data, err := files.ReadPath(path, files.TOML, stdin)
	if err != nil {
		root.Close()
		return nil, err
	}
	name := filepath.ToSlash(rel)
	show := showIn(dir, path, name)
	// One snapshot: every read of the input (kind, version, render) gets
	// the same bytes.
	snap := files.NewLabeled(root.FS(), show)
	snap.Add(name, data)
	return &input{Input: pkgen.Input{FS: snap, Name: name, Show: show}, root: root}, nil
}

// showIn names a file of the root dir as the user would: the input as
// typed, any other file joined to dir.
func showIn(dir, typed, name string) func(string) string {
	return func(n string) string {
		if n == name {
			return typed
		}
		if dir == "." {
			return filepath.FromSlash(n)
		}
		return filepath.Join(dir, filepath.FromSlash(n))
	}
}

// osPath is the OS path of a file of in's root.
func (in *input) osPath(name string) string {
	if name == in.Name || in.root == nil {
		return in.Show(name)
	}
	return filepath.Join(in.root.Name(), filepath.FromSlash(name))
}

func absOr(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// readTemplates reads the --templat files (a variant name is kept as is).
func readTemplates(names []string, stdin io.Reader) ([]templates.Override, error) {
	var out []templates.Override
	for _, t := range names {
		if templates.IsVariant(t) {
			out = append(out, templates.Override{Name: t})
			continue
		}
		data, err := files.ReadPath(t, files.Template, stdin)
		if err != nil {
			return nil, pesan.Errorf("templat: %v", err)
		}
		out = append(out, templates.Override{Name: t, Data: data})
	}
	return out, nil
}

// created is the PDF date SOURCE_DATE_EPOCH asks for; zero without it.
func created() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, pesan.Errorf("SOURCE_DATE_EPOCH %q bukan bilangan detik", s)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// printProblems prints a file's warnings and errors, one a line, in the
// current language.
func printProblems(w io.Writer, probs model.Problems) {
	pr := pesan.Current()
	for _, p := range probs {
		fmt.Fprintln(w, p.In(pr))
	}
}

// timpaHint tells how to replace an existing file on purpose (a catalogue
// key: print pesan.Text(timpaHint)).
var timpaHint = pesan.Key(" Pakai --timpa untuk menggantinya, atau -o dengan nama lain.")

// writeOutput writes dst through package files: never replacing an
// existing file without --timpa (replace), never leaving half a file.
func writeOutput(cmd, dst string, data []byte, replace bool, stderr io.Writer) bool {
	err := files.Write(dst, data, replace)
	if err == nil {
		return true
	}
	pesan.Fprintf(stderr, "pkgen %s: %v%s\n", cmd, err, existHint(err))
	return false
}

// refuseExisting refuses, before any work, an output that exists (it may
// be signed) unless replace. A folder is refused always.
func refuseExisting(cmd, dst string, replace bool, stderr io.Writer) bool {
	st, err := os.Lstat(dst)
	switch {
	case err != nil:
		return false
	case st.IsDir():
		pesan.Fprintf(stderr, "pkgen %s: keluaran %s adalah folder; sebutkan nama berkas dengan -o\n", cmd, dst)
		return true
	case !replace:
		pesan.Fprintf(stderr, "pkgen %s: %s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa.%s\n", cmd, dst, pesan.Text(timpaHint))
		return true
	}
	return false
}

// samePath reports whether two paths name one file: the same cleaned
// absolute path, or (when both exist) the same file through a link.
func samePath(a, b string) bool {
	if absOr(a) == absOr(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// writeSignatures writes the sidecar of dst, which belongs to that PDF and
// is replaced with it.
func writeSignatures(cmd, dst string, data []byte, stderr io.Writer) bool {
	if err := files.Write(dst+".ttd.json", data, true); err != nil {
		pesan.Fprintf(stderr, "pkgen %s: daftar tanda tangan %s.ttd.json: %v\n", cmd, dst, err)
		return false
	}
	return true
}

// existHint tells how to replace an existing output, after an error that
// refused to.
func existHint(err error) string {
	if errors.Is(err, fs.ErrExist) {
		return "." + pesan.Text(timpaHint)
	}
	return ""
}
