package pesan

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// sameInBoth are keys whose English is the Indonesian word, or that hold
// no word of either language (a TOML key path).
var sameInBoth = map[string]bool{
	"boolean":                  true,
	"logo":                     true,
	"%s:%d: instansi.logo: %v": true,
	"%s:%d: templat: %v":       true,
	"pk %q: %v":                true,
	"Unit":                     true,
	"Status":                   true,
}

// notMessages are literals with words, in any scanned package, that are
// not messages and stay Indonesian whatever the language: text written
// into the PDF (the descriptions of its attached source files; the PDF is
// Indonesian, and its bytes must not depend on the language of messages)
// and parts of file names. TestNoUncataloguedMessages fails on an entry no
// source uses.
var notMessages = map[string]bool{
	"Berkas TOML sumber: %s Tahun %d":                            true, // render.go
	"Berkas TOML sumber: laporan realisasi triwulan %d Tahun %d": true, // capaian.go
	"render: more pages than the smallest type gives":            true, // render/layout.go: internal, Layout never returns it
}

// TestCatalogueComplete: every key has a non-empty Indonesian and English
// text, reads back from the catalogue unchanged, is there once, and the
// English of a message takes the same arguments with the same verbs.
func TestCatalogueComplete(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	check := func(key, id, en string, format bool) {
		if seen[key] {
			t.Errorf("key %q is in the catalogue twice", key)
		}
		seen[key] = true
		if strings.TrimSpace(id) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("key %q: empty text (id %q, en %q)", key, id, en)
		}
		if got, ok := lookup(Indonesia, key); !ok || got != id {
			t.Errorf("key %q: Indonesian reads back as %q (%v)", key, got, ok)
		}
		if got, ok := lookup(Inggris, key); !ok || got != en {
			t.Errorf("key %q: English reads back as %q (%v)", key, got, ok)
		}
		if en == id && !sameInBoth[key] {
			t.Errorf("key %q: the English is the Indonesian", key)
		}
		if format {
			if vi, ve := verbs(id), verbs(en); !slices.Equal(vi, ve) {
				t.Errorf("key %q: English verbs %v, Indonesian %v", key, ve, vi)
			}
		}
	}
	for _, list := range entries {
		for _, e := range list {
			check(e.id, e.id, e.en, true)
		}
	}
	if len(seen) < 150 {
		t.Errorf("only %d keys", len(seen))
	}
}

var reVerb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\[(\d+)\])?([a-zA-Z%])`)

// verbs lists the arguments a format takes as "index verb", sorted and
// without repeats: "%[1]s … %[1]s" takes one.
func verbs(f string) []string {
	set := map[string]bool{}
	n := 0
	for _, m := range reVerb.FindAllStringSubmatch(f, -1) {
		if m[3] == "%" {
			continue
		}
		i := n + 1
		for _, g := range m[1:3] {
			if g != "" {
				i, _ = strconv.Atoi(g)
			}
		}
		n = i
		set[fmt.Sprintf("%d%s", i, m[3])] = true
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// rePkgen is the program's name and a command's: "pkgen baru".
var rePkgen = regexp.MustCompile(`pkgen(?: [a-z]+)?`)

// hasWords reports whether a literal says something in a language: a
// letter outside format verbs and the program's name.
func hasWords(s string) bool {
	s = reVerb.ReplaceAllString(s, "")
	s = rePkgen.ReplaceAllString(s, "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// The message sources are every package of the module, found by folder,
// so that a new package is checked from its first commit.
//
// How a package joins (render, render/pdf, the use-case package at the
// module root …):
//  1. Write every user-facing message through package pesan:
//     pesan.Errorf, pesan.M, pesan.Fprintf, or a message function of the
//     package's own, which this test knows by its parameters
//     `format string, args ...any` (model's errf, spreadsheet's errf). The
//     format is the Indonesian text, a literal at every call.
//  2. Add pesan/katalog_<package>.go with a list of entri {Indonesian,
//     English}, and add that list to entries in katalog.go.
//  3. Remove the package from pending below. Run go test ./pesan: it names
//     every message still missing, by file and line.
//
// A package whose text is not user-facing goes in notScanned, with why.

// notScanned are folders with Go code but no user-facing messages.
var notScanned = map[string]string{
	"pesan":                "the catalogue itself",
	"internal/testutil":    "helpers of tests",
	"render/pdf/pdfacheck": "a checker used by tests",
	"fonts":                "errors about the embedded fonts: a broken build, never the user's input",
}

// notScannedFiles are files in scanned folders whose errors never reach a
// user as such: the PDF writer's checks of a layout the renderer already
// validated (a programmer's error, printed with a catalogued prefix).
var notScannedFiles = map[string]string{
	"render/pdf/pdf.go":      "the writer's checks of its own input",
	"render/pdf/compress.go": "the writer's post-processing of its own output",
	"render/pdf/images.go":   "images decoded and checked before layout",
	"render/pdf/outline.go":  "the writer's post-processing of its own output",
	"render/pdf/pdfa.go":     "the writer's PDF/A conformance of its own output",
}

// pending are packages with user-facing messages not yet catalogued; each
// leaves this list in the commit that adds its katalog_*.go.
var pending = map[string]string{}

// strictSprintf are the folders where even fmt.Sprintf text with words
// is a message (the CLI prints what it builds); elsewhere Sprintf builds
// paths and document text.
func strictSprintf(dir string) bool { return strings.HasPrefix(dir, "cmd/") }

// messageDirs lists the module's folders with non-test Go files, relative
// to the module root ("." for the root package), testdata and hidden
// folders left out, and folders that are modules of their own (with a
// go.mod: third_party's copies of other projects).
func messageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != ".." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if _, err := os.Stat(filepath.Join(path, "go.mod")); path != ".." && err == nil {
			return filepath.SkipDir
		}
		if len(goFiles(t, path)) > 0 {
			rel, _ := filepath.Rel("..", path)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string]string{notScanned, pending} {
		for dir := range m {
			if !slices.Contains(dirs, dir) {
				t.Errorf("%s is listed but has no Go files; remove it from the list", dir)
			}
		}
	}
	for file := range notScannedFiles {
		if _, err := os.Stat(filepath.Join("..", file)); err != nil {
			t.Errorf("%s is listed in notScannedFiles: %v", file, err)
		}
	}
	return dirs
}

// goFiles are a folder's non-test Go files.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, "_test.go") {
			out = append(out, f)
		}
	}
	return out
}

// keyArg is the position of the catalogue key among the arguments of
// package pesan's functions and its Printer's methods.
var keyArg = map[string]int{
	"M": 0, "Errorf": 0, "Key": 0, "Sprintf": 0, "Text": 0, "Fprintf": 1, "Fprint": 1,
	"layoutErrorf": 1, // render's layout errors: (key, format, args...)
}

// messageFuncs finds a package's own message functions: functions,
// methods and closures with the parameters `format string, args ...any`;
// it returns the position of format by name.
func messageFuncs(t *testing.T, files map[string]*ast.File) map[string]int {
	t.Helper()
	out := map[string]int{}
	add := func(name string, ft *ast.FuncType, where string) {
		if ft.Params == nil || len(ft.Params.List) == 0 {
			return
		}
		last := ft.Params.List[len(ft.Params.List)-1]
		if _, variadic := last.Type.(*ast.Ellipsis); !variadic {
			return
		}
		i := 0
		for _, f := range ft.Params.List {
			for _, n := range f.Names {
				if id, ok := f.Type.(*ast.Ident); ok && id.Name == "string" && n.Name == "format" {
					if j, seen := out[name]; seen && j != i {
						t.Errorf("%s: two message functions named %s take the format at different places; rename one", where, name)
					}
					out[name] = i
				}
				i++
			}
		}
	}
	for path, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				add(n.Name.Name, n.Type, path)
			case *ast.AssignStmt:
				for i, r := range n.Rhs {
					if fl, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							add(id.Name, fl.Type, path)
						}
					}
				}
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if fl, ok := v.(*ast.FuncLit); ok && i < len(n.Names) {
						add(n.Names[i].Name, fl.Type, path)
					}
				}
			}
			return true
		})
	}
	return out
}

// TestNoUncataloguedMessages reads the message sources and fails on a
// message that bypasses the catalogue: a key literal missing from it; a
// message function's format that is not a literal, or only a verb ("%v"),
// hiding the text from this test; fmt or errors text with words (use
// pesan.Errorf, pesan.Fprintf …); a Problem built with a Msg literal.
func TestNoUncataloguedMessages(t *testing.T) {
	t.Parallel()
	known := map[string]bool{}
	for _, list := range entries {
		for _, e := range list {
			known[e.id] = true
		}
	}
	found := 0
	notUsed := map[string]bool{}
	for s := range notMessages {
		notUsed[s] = true
	}
	scanned := 0
	for _, dir := range messageDirs(t) {
		if _, skip := notScanned[dir]; skip {
			continue
		}
		if _, later := pending[dir]; later {
			continue
		}
		scanned++
		strict := strictSprintf(dir)
		fset := token.NewFileSet()
		files := map[string]*ast.File{}
		for _, path := range goFiles(t, filepath.Join("..", dir)) {
			if _, skip := notScannedFiles[filepath.ToSlash(path[3:])]; skip {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files[path] = f
		}
		msgFuncs := messageFuncs(t, files)
		for _, f := range files {
			bad := func(n ast.Node, format string, args ...any) {
				t.Errorf("%s: %s", fset.Position(n.Pos()), fmt.Sprintf(format, args...))
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Problem" {
						for _, el := range n.Elts {
							if kv, ok := el.(*ast.KeyValueExpr); ok {
								if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Msg" && literalText(kv.Value) {
									bad(kv, "a Problem with a Msg text; build it with problemf and a catalogue key")
								}
							}
						}
					}
				case *ast.CallExpr:
					pkg, name := callee(n)
					switch {
					case pkg == "fmt" || pkg == "errors":
						for _, a := range n.Args {
							if s, ok := stringLit(a); ok && notMessages[s] {
								notUsed[s] = false
							}
						}
						if pkg == "fmt" && strings.HasPrefix(name, "Sprint") && !strict {
							return true // Sprintf builds paths and document text
						}
						if pkg == "fmt" && strings.HasPrefix(name, "Fprint") && !toTerminal(n.Args[0]) {
							return true // building a text (a script, a line) in a buffer
						}
						for _, a := range n.Args {
							if s, ok := stringLit(a); ok && hasWords(s) && !notMessages[s] {
								bad(a, "%s.%s with text %q: print it through package pesan", pkg, name, s)
							}
						}
					case pkg == "" || pkg == "pesan" || pkg == "method":
						i, own := msgFuncs[name]
						if pkg == "pesan" || !own {
							var ok bool
							if i, ok = keyArg[name]; !ok {
								return true
							}
							own = false
						}
						if i >= len(n.Args) {
							return true
						}
						a := n.Args[i]
						s, isLit := stringLit(a)
						if own {
							if !isLit {
								if id, ok := a.(*ast.Ident); !ok || id.Name != "format" {
									bad(a, "%s with a format that is not a literal", name)
								}
								return true
							}
							if !hasWords(s) {
								bad(a, "%s with the format %q: write the message itself as the format (errOf for an error)", name, s)
								return true
							}
						}
						switch {
						case isLit:
							found++
							if !known[s] && hasWords(s) {
								bad(a, "message not in the catalogue (package pesan): %q", s)
							}
						case isForward(a):
						default:
							bad(a, "%s with a key that is neither a literal nor a name", name)
						}
					}
				}
				return true
			})
		}
	}
	t.Logf("%d packages scanned", scanned)
	if scanned < 6 {
		t.Errorf("only %d packages scanned", scanned)
	}
	if found < 150 {
		t.Errorf("only %d messages found in the sources", found)
	}
	for s, unused := range notUsed {
		if unused {
			t.Errorf("notMessages: %q is in no source any more; remove it", s)
		}
	}
}

// callee names a call: ("fmt", "Errorf"), ("pesan", "M"), ("", "errf") for
// a function or closure, ("method", "errf") for a method.
func callee(c *ast.CallExpr) (pkg, name string) {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return "", f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && (x.Name == "fmt" || x.Name == "errors" || x.Name == "pesan") {
			return x.Name, f.Sel.Name
		}
		return "method", f.Sel.Name
	}
	return "", ""
}

// toTerminal is a writer argument that is the user's: stdout, stderr (as a
// variable or field) or os.Stdout, os.Stderr.
func toTerminal(e ast.Expr) bool {
	var name string
	switch w := e.(type) {
	case *ast.Ident:
		name = w.Name
	case *ast.SelectorExpr:
		name = w.Sel.Name
	}
	switch strings.ToLower(name) {
	case "stdout", "stderr":
		return true
	}
	return false
}

// literalText is a string literal, or fmt.Sprintf of one.
func literalText(e ast.Expr) bool {
	if _, ok := stringLit(e); ok {
		return true
	}
	if c, ok := e.(*ast.CallExpr); ok && len(c.Args) > 0 {
		if pkg, _ := callee(c); pkg == "fmt" {
			_, ok := stringLit(c.Args[0])
			return ok
		}
	}
	return false
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// isForward accepts a key passed on by name (a parameter, a table field,
// a pesan.Key constant): its literal is checked where it is written. A key
// without words ("pkgen baru: %v\n") needs no catalogue entry: it is
// printed through pesan for its arguments' sake.
func isForward(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		return true
	}
	return false
}
