package model

import (
	"io/fs"
	"os"
	"path/filepath"
)

// rooted returns the file system and fs.FS name for a test's path: a
// relative path inside the package folder keeps its name (messages show
// it as written), any other is rooted at its own folder.
func rooted(path string) (fs.FS, string) {
	if filepath.IsLocal(path) {
		return os.DirFS("."), filepath.ToSlash(path)
	}
	return os.DirFS(filepath.Dir(path)), filepath.Base(path)
}

func loadPath(path string) (*Document, Problems, error) {
	fsys, name := rooted(path)
	return Load(fsys, name)
}

func loadRealisasiPath(path string) (*Laporan, Problems, error) {
	fsys, name := rooted(path)
	return LoadRealisasi(fsys, name)
}
