package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"pkgen/pesan"
	"pkgen/templates"
)

// jedaPantau is how long saving must pause before a render: editors write
// a file in several steps.
const jedaPantau = 200 * time.Millisecond

// pantauan watches one document. It renders through renderCmd itself, so
// the PDF is made exactly as by pkgen render (templates, logo,
// SOURCE_DATE_EPOCH, atomic write; invalid input writes nothing).
type pantauan struct {
	in, out string
	tpls    []string
	jeda    time.Duration
	stderr  io.Writer
	// setelah, when set, is called after every render with its outcome (a
	// test hook).
	setelah func(ok bool)
}

func pantauCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pantau", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.pantau") }
	out := fs.String("o", "", "berkas PDF keluaran")
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen pantau: sebutkan tepat satu berkas .toml\n\n%s", pesan.Text("help.pantau"))
		return exitUsage
	}
	in := files[0]
	dst := *out
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	if dst == "-" {
		pesan.Fprintf(stderr, "pkgen pantau: PDF pratinjau harus berupa berkas; sebutkan -o BERKAS.pdf\n")
		return exitUsage
	}
	if filepath.Clean(dst) == filepath.Clean(in) {
		pesan.Fprintf(stderr, "pkgen pantau: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p := &pantauan{in: in, out: dst, tpls: tpls, jeda: jedaPantau, stderr: stderr}
	if err := p.jalan(ctx); err != nil {
		pesan.Fprintf(stderr, "pkgen pantau: %v\n", err)
		return exitInvalid
	}
	pesan.Fprintf(stderr, "pkgen pantau: berhenti\n")
	return exitOK
}

// jalan renders once, then again after every change of a file the
// document depends on, until ctx ends.
func (p *pantauan) jalan(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	watched := map[string]bool{}
	deps := map[string]bool{}
	watch := func() error {
		for f := range deps {
			d := filepath.Dir(f)
			if watched[d] {
				continue
			}
			// The folder, not the file: editors save by writing a new
			// file and renaming it over the old one.
			if err := w.Add(d); err != nil {
				return fmt.Errorf("%s: %w", d, err)
			}
			watched[d] = true
		}
		return nil
	}
	refresh := func() {
		for _, f := range p.dependencies() {
			deps[f] = true
		}
	}
	refresh()
	if err := watch(); err != nil {
		return err
	}
	pesan.Fprintf(p.stderr, "pkgen pantau: memantau %s; hentikan dengan Ctrl-C\n", p.in)
	p.render()
	refresh()
	if err := watch(); err != nil {
		return err
	}

	var timer *time.Timer
	var fire <-chan time.Time
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod || !deps[jalurMutlak(ev.Name)] {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(p.jeda)
				fire = timer.C
			} else {
				timer.Reset(p.jeda)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			pesan.Fprintf(p.stderr, "pkgen pantau: %v\n", err)
		case <-fire:
			p.render()
			refresh()
			if err := watch(); err != nil {
				pesan.Fprintf(p.stderr, "pkgen pantau: %v\n", err)
			}
		}
	}
}

// render runs pkgen render, which prints the document's messages and
// writes the PDF only when the document is valid.
func (p *pantauan) render() {
	// Live preview replaces its own PDF on every save.
	args := []string{p.in, "-o", p.out, "--timpa"}
	for _, t := range p.tpls {
		args = append(args, "--templat", t)
	}
	pesan.Fprintf(p.stderr, "[%s] menyusun %s\n", time.Now().Format("15:04:05"), p.out)
	ok := renderCmd(args, io.Discard, p.stderr) == exitOK
	if !ok {
		pesan.Fprintf(p.stderr, "[%s] %s tidak diperbarui; PDF terakhir yang sah dipertahankan\n", time.Now().Format("15:04:05"), p.out)
	}
	if p.setelah != nil {
		p.setelah(ok)
	}
}

// dependencies lists the files a render reads: the document, its template
// files and logo, the versions it amends and the --templat files. A
// document that does not load depends on itself only, until it loads.
func (p *pantauan) dependencies() []string {
	out := []string{jalurMutlak(p.in)}
	for _, t := range p.tpls {
		out = append(out, jalurMutlak(t))
	}
	doc, _, err := loadPK(p.in)
	if err != nil || doc == nil {
		return out
	}
	for d := doc; d != nil; {
		dir := filepath.Dir(d.File)
		out = append(out, jalurMutlak(d.File))
		for _, t := range d.Templat {
			if !slices.Contains(templates.Variants(), t) {
				out = append(out, jalurMutlak(joinRel(dir, t)))
			}
		}
		if d.Instansi.Logo != "" {
			out = append(out, jalurMutlak(joinRel(dir, d.Instansi.Logo)))
		}
		if d.Perubahan == nil {
			break
		}
		out = append(out, jalurMutlak(joinRel(dir, d.Perubahan.Mengubah)))
		d = d.Perubahan.Asal
	}
	return out
}

func joinRel(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func jalurMutlak(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
