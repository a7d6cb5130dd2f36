package testutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Example is the path of examples/NAME (NAME may be a glob pattern) from
// the running test's folder, found by walking up to go.mod. It is relative
// when it can be (../examples/NAME), so messages that show it stay short.
func Example(t testing.TB, name string) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := moduleRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "examples", name)
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

var roots sync.Map // folder → module root

// moduleRoot is the nearest folder at or above dir holding go.mod.
func moduleRoot(dir string) (string, error) {
	if r, ok := roots.Load(dir); ok {
		return r.(string), nil
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			roots.Store(dir, d)
			return d, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
		d = up
	}
}

// ReadFile is os.ReadFile, failing the test on an error.
func ReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// WriteFile is os.WriteFile with mode 0644, failing the test on an error.
func WriteFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
