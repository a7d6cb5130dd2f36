package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"pkgen/model"
)

// rooted is the file system and name of a path given on the command line,
// and how to show a name of it again (temporary, until the use-case layer
// roots every input in its folder).
func rooted(path string) (fsys fs.FS, name string, show func(string) string) {
	if filepath.IsLocal(path) {
		return os.DirFS("."), filepath.ToSlash(path), func(s string) string { return s }
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return os.DirFS("/"), strings.TrimPrefix(filepath.ToSlash(abs), "/"), func(s string) string { return "/" + s }
}

func loadPK(path string) (*model.Document, model.Problems, error) {
	fsys, name, show := rooted(path)
	doc, probs, err := model.Load(fsys, name)
	fixNames(path, name, show, doc, probs)
	return doc, probs, err
}

// fixNames names every version's file as the user would.
func fixNames(path, name string, show func(string) string, doc *model.Document, probs model.Problems) {
	for i := range probs {
		if probs[i].File == name {
			probs[i].File = path
		} else {
			probs[i].File = show(probs[i].File)
		}
	}
	for d := doc; d != nil; {
		if d.File == name {
			d.File = path
		} else {
			d.File = show(d.File)
		}
		if d.Perubahan == nil {
			break
		}
		d = d.Perubahan.Asal
	}
}

func loadRealisasi(path string) (*model.Laporan, model.Problems, error) {
	fsys, name, show := rooted(path)
	lap, probs, err := model.LoadRealisasi(fsys, name)
	fixNames(path, name, show, nil, probs)
	if lap != nil {
		lap.File = path
		fixNames(path, name, show, lap.Dokumen, nil)
	}
	return lap, probs, err
}
