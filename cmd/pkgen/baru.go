package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pkgen/pesan"
	"pkgen/templates/baru"
)

// now is the clock of the default year; tests replace it.
var now = time.Now

func baruCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("baru", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "baru") }
	bentuk := fs.String("bentuk", "", "bentuk dokumen: "+strings.Join(baru.Bentuk(), ", "))
	out := fs.String("o", "pk.toml", "berkas TOML yang ditulis, atau - untuk keluaran standar")
	tahun := fs.Int("tahun", 0, "tahun perjanjian (bawaan: tahun ini)")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		pesan.Fprintf(stderr, "pkgen baru: argumen %q tidak dikenal; nama berkas ditulis dengan -o\n\n%s", pos[0], helpText("baru"))
		return exitUsage
	}
	data, ok := baru.Berkas(*bentuk)
	if !ok {
		if *bentuk == "" {
			pesan.Fprintf(stderr, "pkgen baru: sebutkan --bentuk: %s\n\n%s", strings.Join(baru.Bentuk(), ", "), helpText("baru"))
		} else {
			pesan.Fprintf(stderr, "pkgen baru: bentuk %q tidak dikenal; pilih salah satu: %s\n", *bentuk, strings.Join(baru.Bentuk(), ", "))
		}
		return exitUsage
	}
	y := *tahun
	if y == 0 {
		y = now().Year()
	}
	if y < baru.MinTahun || y > baru.MaxTahun {
		pesan.Fprintf(stderr, "pkgen baru: tahun %d di luar rentang 2010–2100\n", y)
		return exitUsage
	}
	text := string(baru.ForYear(data, y))

	dst := *out
	dir := "."
	if dst != "-" {
		dir = filepath.Dir(dst)
	}
	text = replaceSchemaDirective(text, dir, "pk.schema.json")
	if dst == "-" {
		if _, err := io.WriteString(stdout, text); err != nil {
			pesan.Fprintf(stderr, "pkgen baru: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	if !writeOutput("baru", dst, []byte(text), *timpa, stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: PK bentuk %s tahun %d dibuat; isi, lalu periksa dengan: pkgen check %s\n", dst, *bentuk, y, dst)
	return exitOK
}

// replaceSchemaDirective replaces a first "#:schema" line by one naming the
// schema file of this pkgen as seen from dir, when a schema/ folder is
// found in dir or above; otherwise the line is dropped.
func replaceSchemaDirective(text, dir, file string) string {
	first, rest, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, "#:schema ") {
		return text
	}
	if p := findSchema(dir, file); p != "" {
		return "#:schema " + p + "\n" + rest
	}
	return rest
}

// findSchema returns the path of schema/FILE relative to dir, looking in
// dir and its parents; "" when there is none.
func findSchema(dir, file string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; {
		cand := filepath.Join(d, "schema", file)
		if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
			rel, err := filepath.Rel(abs, cand)
			if err != nil {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
