package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"pkgen/pesan"
	"pkgen/templates/baru"
)

// sekarang is the clock of the default year; tests replace it.
var sekarang = time.Now

var reTahun = regexp.MustCompile(`(?m)^tahun = [0-9]+`)

func baruCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("baru", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.baru") }
	bentuk := fs.String("bentuk", "", "bentuk dokumen: "+strings.Join(baru.Bentuk(), ", "))
	out := fs.String("o", "pk.toml", "berkas TOML yang ditulis, atau - untuk keluaran standar")
	tahun := fs.Int("tahun", 0, "tahun perjanjian (bawaan: tahun ini)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		pesan.Fprintf(stderr, "pkgen baru: argumen %q tidak dikenal; nama berkas ditulis dengan -o\n\n%s", pos[0], pesan.Text("help.baru"))
		return exitUsage
	}
	data, ok := baru.Berkas(*bentuk)
	if !ok {
		if *bentuk == "" {
			pesan.Fprintf(stderr, "pkgen baru: sebutkan --bentuk: %s\n\n%s", strings.Join(baru.Bentuk(), ", "), pesan.Text("help.baru"))
		} else {
			pesan.Fprintf(stderr, "pkgen baru: bentuk %q tidak dikenal; pilih salah satu: %s\n", *bentuk, strings.Join(baru.Bentuk(), ", "))
		}
		return exitUsage
	}
	y := *tahun
	if y == 0 {
		y = sekarang().Year()
	}
	// The starting files' NIP were appointed up to 2010.
	if y < 2010 || y > 2100 {
		pesan.Fprintf(stderr, "pkgen baru: tahun %d di luar rentang 2010–2100\n", y)
		return exitUsage
	}
	text := reTahun.ReplaceAllString(string(data), "tahun = "+strconv.Itoa(y))
	text = strings.ReplaceAll(text, "2025-02-15", fmt.Sprintf("%d-02-15", y))

	dst := *out
	dir := "."
	if dst != "-" {
		dir = filepath.Dir(dst)
	}
	text = gantiDirektifSkema(text, dir, "pk.schema.json")
	if dst == "-" {
		if _, err := io.WriteString(stdout, text); err != nil {
			pesan.Fprintf(stderr, "pkgen baru: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	if err := tulisBerkas(dst, []byte(text), false); err != nil {
		pesan.Fprintf(stderr, "pkgen baru: %v%s\n", err, saranAda(err, pesan.Key("; berkas yang ada tidak ditimpa, pilih nama lain dengan -o")))
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: PK bentuk %s tahun %d dibuat; isi, lalu periksa dengan: pkgen check %s\n", dst, *bentuk, y, dst)
	return exitOK
}

// gantiDirektifSkema replaces a first "#:schema" line by one naming the
// schema file of this pkgen as seen from dir, when a schema/ folder is
// found in dir or above; otherwise the line is dropped.
func gantiDirektifSkema(text, dir, file string) string {
	first, rest, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, "#:schema ") {
		return text
	}
	if p := cariSkema(dir, file); p != "" {
		return "#:schema " + p + "\n" + rest
	}
	return rest
}

// cariSkema returns the path of schema/FILE relative to dir, looking in
// dir and its parents; "" when there is none.
func cariSkema(dir, file string) string {
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

// saranAda is hint, in the current language when it is a catalogue key,
// when err is errAda; else "".
func saranAda(err error, hint string) string {
	if errors.Is(err, errAda) {
		return pesan.Text(hint)
	}
	return ""
}

// errAda reports an output file that exists and may not be replaced
// ("pk.toml sudah ada").
var errAda = pesan.Errorf("sudah ada")

// tulisBerkas writes data to dst through a temporary file renamed (or,
// without timpa, linked) into place when complete: a failure leaves no
// half-written file, and without timpa an existing dst is never replaced,
// even when it appears while writing.
func tulisBerkas(dst string, data []byte, timpa bool) error {
	if timpa {
		return writeAtomic(dst, data)
	}
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s %w", dst, errAda)
	}
	f, err := os.CreateTemp(filepath.Dir(dst), ".pkgen-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	err = os.Link(tmp, dst)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s %w", dst, errAda)
	}
	// A file system without hard links: rename, after checking again.
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s %w", dst, errAda)
	}
	return os.Rename(tmp, dst)
}
