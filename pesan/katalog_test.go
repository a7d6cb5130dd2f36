package pesan

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
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
	"boolean":               true,
	"logo":                  true,
	"%s: instansi.logo: %v": true,
}

// notMessages are literals with words in the CLI that are not messages and
// stay Indonesian whatever the language: text written into the PDF (the
// descriptions of its attached source files; the PDF is Indonesian, and its
// bytes must not depend on the language of messages) and parts of file
// names. TestNoUncataloguedMessages fails on an entry no source uses.
var notMessages = map[string]bool{
	"Berkas TOML sumber: %s Tahun %d":                            true, // render.go
	"Berkas TOML sumber: laporan realisasi triwulan %d Tahun %d": true, // capaian.go
}

// TestCatalogueComplete: every key has a non-empty Indonesian and English
// text, reads back from the catalogue unchanged, is there once, and the
// English of a message takes the same arguments with the same verbs.
func TestCatalogueComplete(t *testing.T) {
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
	for _, list := range [][]entri{pesanModel, pesanCLI, pesanFiles} {
		for _, e := range list {
			check(e.id, e.id, e.en, true)
		}
	}
	for _, x := range bantuan {
		if !strings.HasPrefix(x.key, "help.") {
			t.Errorf("text key %q: names start with help.", x.key)
		}
		check(x.key, x.id, x.en, false)
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

// messageSources are the Go files whose messages must all be catalogued:
// the model, files, every file of the CLI, and the files of render/pdf
// that read PDFs from users (its writer's errors are a programmer's).
var messageSources = []struct {
	dir   string
	files []string // nil: every non-test file
	cli   bool
}{
	{"../model", nil, false},
	{"../files", nil, false},
	{"../render/pdf", []string{"catch.go", "sources.go", "append.go", "validate.go"}, false},
	{"../cmd/pkgen", []string{"main.go", "check.go", "diff.go", "baru.go", "xlsx.go", "impor.go", "pantau.go", "version.go", "completion.go",
		"render.go", "batch.go", "capaian.go", "ekstrak.go"}, true},
}

// keyArg is the position of the catalogue key (format) among the
// arguments of the message functions, by name: the model's errf/warnf and
// its closures, and package pesan with its Printer methods.
var keyArg = map[string]int{
	"errf": 1, "warnf": 1, "fail": 1, "add": 2, "problemf": 4,
	"M": 0, "Errorf": 0, "Key": 0, "Sprintf": 0, "Text": 0, "Fprintf": 1, "Fprint": 1,
}

// modelFormat are the model's own message functions: their format must be
// a literal (or the format parameter they forward), with words.
var modelFormat = map[string]bool{"errf": true, "warnf": true, "fail": true, "add": true, "problemf": true}

// TestNoUncataloguedMessages reads the message sources and fails on a
// message that bypasses the catalogue: a key literal missing from it; a
// model message whose format is not a literal, or only a verb ("%v"),
// hiding the text from this test; fmt or errors text with words (use
// pesan.Errorf, pesan.Fprintf …); a Problem built with a Msg literal.
func TestNoUncataloguedMessages(t *testing.T) {
	known := map[string]bool{}
	for _, list := range [][]entri{pesanModel, pesanCLI, pesanFiles} {
		for _, e := range list {
			known[e.id] = true
		}
	}
	for _, x := range bantuan {
		known[x.key] = true
	}
	found := 0
	notUsed := map[string]bool{}
	for s := range notMessages {
		notUsed[s] = true
	}
	for _, src := range messageSources {
		files := src.files
		if files == nil {
			all, _ := filepath.Glob(filepath.Join(src.dir, "*.go"))
			for _, f := range all {
				if !strings.HasSuffix(f, "_test.go") {
					files = append(files, filepath.Base(f))
				}
			}
		}
		for _, name := range files {
			path := filepath.Join(src.dir, name)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
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
						if pkg == "fmt" && strings.HasPrefix(name, "Sprint") && !src.cli {
							return true // the model's Sprintf builds paths and document text
						}
						if pkg == "fmt" && strings.HasPrefix(name, "Fprint") && !toTerminal(n.Args[0]) {
							return true // building a text (a script, a line) in a buffer
						}
						for _, a := range n.Args {
							if s, ok := stringLit(a); ok && notMessages[s] && src.cli {
								notUsed[s] = false
								continue
							}
							if s, ok := stringLit(a); ok && hasWords(s) {
								bad(a, "%s.%s with text %q: print it through package pesan", pkg, name, s)
							}
						}
					case pkg == "" || pkg == "pesan" || pkg == "method":
						i, ok := keyArg[name]
						if !ok || i >= len(n.Args) {
							return true
						}
						a := n.Args[i]
						s, isLit := stringLit(a)
						if modelFormat[name] && pkg != "pesan" {
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
