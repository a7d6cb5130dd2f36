// Package testutil holds what the tests of several packages share.
package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Rooted returns a file system and fs.FS name for a path as a test writes
// it: a relative path inside the current folder keeps its name (messages
// show it as written); any other is rooted at its own folder. Use it as
// model.Load(testutil.Rooted(path)).
func Rooted(path string) (fs.FS, string) {
	if filepath.IsLocal(path) {
		return os.DirFS("."), filepath.ToSlash(path)
	}
	return os.DirFS(filepath.Dir(path)), filepath.Base(path)
}
