package testutil

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the one flag that rewrites golden files, in every package:
// go test ./render -run TestTableGolden -update.
var update = flag.Bool("update", false, "rewrite the golden files the tests compare with")

// Update tells whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// Golden compares got with the golden file at path (relative to the test's
// folder). With -update it writes got there instead (making folders as
// needed). A difference fails the test, showing the first differing line
// and the command that accepts the change.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; create it with: %s", err, UpdateCommand(t))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs, %s\nif the change is intended, accept it with: %s", path, Diff(string(want), string(got)), UpdateCommand(t))
	}
}

// UpdateCommand is the command that rewrites the golden files of the
// running top-level test: go test ./PKG -run '^TestX$' -update.
func UpdateCommand(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return fmt.Sprintf("go test %s -run '^%s$' -update", packageDir(), name)
}

// packageDir is the package under test as go test names it: ./render/pdf.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	root, err := moduleRoot(wd)
	if err != nil {
		return "."
	}
	rel, err := filepath.Rel(root, wd)
	if err != nil || rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// Diff shows the first line where want and got differ, for a failure
// message.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("first at line %d:\n  want %q\n  got  %q", i+1, a, b)
		}
	}
	return "(no line differs)"
}
