package model

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

// hostileShapes are the inputs that made the TOML decoder take quadratic
// time (issue 12), each sized past where it took seconds and gigabytes,
// with where PreScan must stop them.
func hostileShapes() []struct {
	name      string
	text      string
	line, col int
	msg       string
} {
	const n = 50_000
	return []struct {
		name      string
		text      string
		line, col int
		msg       string
	}{
		{"nested inline tables", "tahun = 2024\na = " + strings.Repeat("{b = ", n) + "1" + strings.Repeat("}", n) + "\n",
			2, 5 + MaxDepth*5, "daftar atau tabel sebaris bersarang lebih dari 16 tingkat"},
		{"nested arrays", "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			1, 5 + MaxDepth, "daftar atau tabel sebaris bersarang lebih dari 16 tingkat"},
		{"arrays of inline tables across lines", "a = [\n" + strings.Repeat("{ x = [\n", n),
			1 + MaxDepth/2, 7, "daftar atau tabel sebaris bersarang lebih dari 16 tingkat"},
		{"dotted key", "\n\n  " + strings.Repeat("a.", 20_000) + "a = 1\n",
			3, 3, "kunci bertitik dengan lebih dari 16 bagian"},
		{"quoted dotted key", `"x"` + strings.Repeat(`. 'a'`, 20_000) + " = 1\n",
			1, 1, "kunci bertitik dengan lebih dari 16 bagian"},
		{"dotted key in an inline table", "t = { ok = 1, " + strings.Repeat("b.", 20_000) + "b = 1 }\n",
			1, 15, "kunci bertitik dengan lebih dari 16 bagian"},
		{"table header", "x = 1\n[" + strings.Repeat("a.", 20_000) + "a]\n",
			2, 1, "nama tabel dengan lebih dari 16 bagian"},
		{"array of tables header", "# é\n[[" + strings.Repeat(`"é".`, 20_000) + "a]]\n",
			2, 1, "nama tabel dengan lebih dari 16 bagian"},
		{"many tables", manyTables(MaxItems/2 + 1),
			MaxItems + 1, 1, "berkas berisi lebih dari 400000 kunci, nama tabel dan unsur daftar"},
	}
}

// manyTables is n one-line tables, 2 items each: [t1] with x = 1.
func manyTables(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[t" + strconv.Itoa(i) + "]\nx = 1\n")
	}
	return b.String()
}

// TestPreScanRefusesHostileShapes: each hostile shape is refused, located
// at the bracket or key that passes the limit, and Parse, Load and
// IsRealisasi stop there instead of decoding it.
func TestPreScanRefusesHostileShapes(t *testing.T) {
	t.Parallel()
	for _, c := range hostileShapes() {
		t.Run(c.name, func(t *testing.T) {
			err := PreScan([]byte(c.text))
			var le *LimitError
			if !errors.As(err, &le) {
				t.Fatalf("PreScan = %v, want a *LimitError", err)
			}
			if le.Line != c.line || le.Col != c.col || !strings.HasPrefix(le.Msg.Error(), c.msg) {
				t.Errorf("got line %d col %d %q; want line %d col %d %q…", le.Line, le.Col, le.Msg.Error(), c.line, c.col, c.msg)
			}
			if m, ok := pesan.Of(err); !ok || !strings.HasPrefix(m.Error(), "baris ") {
				t.Errorf("not a catalogue message: %v", err)
			}
			doc, probs := Parse("dalam.toml", []byte(c.text))
			if doc != nil || len(probs) != 1 {
				t.Fatalf("Parse: doc %v, problems %v", doc != nil, probs)
			}
			want := "dalam.toml:" + strconv.Itoa(c.line) + ": bentuk TOML di luar batas (kolom " + strconv.Itoa(c.col) + "): " + c.msg
			if got := probs[0].String(); !strings.HasPrefix(got, want) {
				t.Errorf("got %q, want %q…", got, want)
			}
			if IsRealisasi([]byte("pk = \"a.toml\"\n" + c.text)) {
				t.Error("IsRealisasi: a text past the limits counts as a PK")
			}
		})
	}
}

// TestPreScanAtTheLimit: MaxDepth levels and MaxKeyParts parts pass, one
// more does not.
func TestPreScanAtTheLimit(t *testing.T) {
	t.Parallel()
	ok := map[string]string{
		"arrays":        "a = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
		"inline tables": "a = " + strings.Repeat("{b = ", MaxDepth) + "1" + strings.Repeat("}", MaxDepth),
		"key":           strings.Repeat("a.", MaxKeyParts-1) + "a = 1",
		"header":        "[" + strings.Repeat("a.", MaxKeyParts-1) + "a]",
		"header and key and arrays": "[" + strings.Repeat("a.", MaxKeyParts-1) + "a]\n" +
			strings.Repeat("b.", MaxKeyParts-1) + "b = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
		"items": "a = [" + strings.Repeat("1, ", MaxItems-2) + "]", // a, [ and the commas
	}
	for name, text := range ok {
		if err := PreScan([]byte(text)); err != nil {
			t.Errorf("%s at the limit: %v", name, err)
		}
	}
	over := map[string]string{
		"arrays":        "a = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
		"inline tables": "a = " + strings.Repeat("{b = ", MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1),
		"key":           strings.Repeat("a.", MaxKeyParts) + "a = 1",
		"header":        "[" + strings.Repeat("a.", MaxKeyParts) + "a]",
		"items":         "a = [" + strings.Repeat("1, ", MaxItems-1) + "]",
	}
	for name, text := range over {
		if err := PreScan([]byte(text)); err == nil {
			t.Errorf("%s one past the limit: passed", name)
		}
	}
}

// TestPreScanReadsStringsAndComments: brackets and dots inside strings and
// comments do not count, in every kind of string.
func TestPreScanReadsStringsAndComments(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[{", 100) + strings.Repeat("a.", 100)
	for name, text := range map[string]string{
		"basic":                 `a = "` + deep + `"`,
		"basic with escapes":    `a = "\"\\` + deep + `\""` + "\nb = 1",
		"literal":               `a = '` + deep + `\'`,
		"multi-line basic":      "a = \"\"\"\n" + deep + "\n\\\"\"\"\n" + deep + "\"\"\"\"\"\nb = [1]",
		"multi-line literal":    "a = '''\n" + deep + "\n''''' \nb = [1]",
		"line-ending backslash": "a = \"\"\"x\\\n" + deep + "\"\"\"",
		"comment":               "a = 1 # " + deep + "\n# " + deep,
		"quoted key":            `"` + deep + `" = 1`,
		"quoted header":         `["` + deep + `"]`,
		"float and date values": "a = [1.5, 2.25, 1979-05-27T07:32:00Z, {x = 1.5}, 1.5]\n" + strings.Repeat("b = 1.5\n", 40),
		"unclosed basic string": "a = \"" + deep + "\nb = 1",
	} {
		if err := PreScan([]byte(text)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// After a string, counting goes on.
	if PreScan([]byte(`a = ["]]]", `+strings.Repeat("[", MaxDepth)+"]]")) == nil {
		t.Error("brackets after a string are not counted")
	}
	if PreScan([]byte("a = '''\n]]]\n'''\nb = "+strings.Repeat("[", MaxDepth)+"[")) == nil {
		t.Error("brackets after a multi-line string are not counted")
	}
}

// TestPreScanPassesEveryKnownFile: every TOML file of the repository (the
// examples, the test corpora, the embedded templates) passes but the two
// made to be refused: the limits refuse no real document.
func TestPreScanPassesEveryKnownFile(t *testing.T) {
	t.Parallel()
	refused := map[string]bool{"nesting-too-deep.toml": true, "key-too-long.toml": true} // made to be
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "fuzz" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".toml") || refused[d.Name()] {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if err := PreScan(data); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d files", n)
	}
}

// BenchmarkPreScan measures the pass over a real PK.
func BenchmarkPreScan(b *testing.B) {
	data, err := os.ReadFile(testutil.Example(b, "jakarta-pusat-2023.toml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := PreScan(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHostile measures Parse on each hostile shape: refused in
// time linear in its size (it took 19 s and 887 MB for 4,000 nested
// inline tables before the pre-scan).
func BenchmarkParseHostile(b *testing.B) {
	for _, c := range hostileShapes() {
		b.Run(strings.ReplaceAll(c.name, " ", "-"), func(b *testing.B) {
			data := []byte(c.text)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if doc, _ := Parse("dalam.toml", data); doc != nil {
					b.Fatal("parsed")
				}
			}
		})
	}
}
