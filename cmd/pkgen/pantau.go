package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"pkgen"
	"pkgen/pesan"
)

// watchDelay is how long saving must pause before a render: editors write
// a file in several steps.
const watchDelay = 200 * time.Millisecond

// watcher renders one document again whenever a file it read changes. It
// renders through pkgen.RenderPK, as pkgen render does; an invalid
// document writes nothing, so the last valid PDF stays.
type watcher struct {
	in, out string
	akar    string
	timpa   bool // the output may be replaced even before this run wrote it
	opt     pkgen.Options
	tpls    []string // --templat files, watched too
	delay   time.Duration
	stderr  io.Writer
	owned   bool // this run has written out: later renders replace it
	// after, when set, is called after every render with its outcome (a
	// test hook).
	after func(ok bool)
}

func pantauCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pantau", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "pantau") }
	out := fs.String("o", "", "berkas PDF keluaran")
	timpa := fs.Bool("timpa", false, "ganti PDF yang sudah ada")
	lampiranOnly := fs.Bool("hanya-lampiran", false, "hanya lampiran, tanpa halaman pernyataan")
	of := addOutputFlags(fs, "blok tanda tangan elektronik dan berkas .ttd.json")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(inputs) != 1 || inputs[0] == "-" {
		pesan.Fprintf(stderr, "pkgen pantau: sebutkan tepat satu berkas .toml\n\n%s", helpText("pantau"))
		return exitUsage
	}
	in, dst := inputs[0], *out
	if dst == "" {
		dst = pkgen.OutputName(in, 0)
	}
	if dst == "-" {
		pesan.Fprintf(stderr, "pkgen pantau: PDF pratinjau harus berupa berkas; sebutkan -o BERKAS.pdf\n")
		return exitUsage
	}
	if samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen pantau: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	// A PDF this run did not write may be signed: refuse at start.
	if refuseExisting("pantau", dst, *timpa, stderr) {
		return exitInvalid
	}
	of.lampiranOnly = *lampiranOnly
	w := &watcher{in: in, out: dst, akar: *of.akar, timpa: *timpa, tpls: of.tpls, delay: watchDelay, stderr: stderr}
	if w.opt, err = of.options(stdin); err != nil {
		pesan.Fprintf(stderr, "pkgen pantau: %v\n", err)
		return exitInvalid
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := w.run(ctx); err != nil {
		pesan.Fprintf(stderr, "pkgen pantau: %v\n", err)
		return exitInvalid
	}
	pesan.Fprintf(stderr, "pkgen pantau: berhenti\n")
	return exitOK
}

// run renders once, then again after every change of a file the document
// read, until ctx ends.
func (w *watcher) run(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	watched := map[string]bool{} // folders
	deps := map[string]bool{}    // absolute paths
	watch := func(paths []string) error {
		for _, f := range paths {
			f = absOr(f)
			deps[f] = true
			d := filepath.Dir(f)
			if watched[d] {
				continue
			}
			// The folder, not the file: editors save by writing a new
			// file and renaming it over the old one.
			if err := fw.Add(d); err != nil {
				return fmt.Errorf("%s: %w", d, err)
			}
			watched[d] = true
		}
		return nil
	}
	if err := watch(append([]string{w.in}, w.tpls...)); err != nil {
		return err
	}
	pesan.Fprintf(w.stderr, "pkgen pantau: memantau %s; hentikan dengan Ctrl-C\n", w.in)
	if err := watch(w.render()); err != nil {
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
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod || !deps[absOr(ev.Name)] {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(w.delay)
				fire = timer.C
			} else {
				timer.Reset(w.delay)
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			pesan.Fprintf(w.stderr, "pkgen pantau: %v\n", err)
		case <-fire:
			if err := watch(w.render()); err != nil {
				pesan.Fprintf(w.stderr, "pkgen pantau: %v\n", err)
			}
		}
	}
}

// render renders and writes the PDF, printing the document's messages,
// and returns the files it read (OS paths).
func (w *watcher) render() (read []string) {
	pesan.Fprintf(w.stderr, "[%s] menyusun %s\n", time.Now().Format("15:04:05"), w.out)
	ok := false
	defer func() {
		if !ok {
			pesan.Fprintf(w.stderr, "[%s] %s tidak diperbarui; PDF terakhir yang sah dipertahankan\n", time.Now().Format("15:04:05"), w.out)
		}
		if w.after != nil {
			w.after(ok)
		}
	}()
	src, err := openInput(w.in, w.akar, nil)
	if err != nil {
		pesan.Fprintf(w.stderr, "pkgen pantau: %v\n", err)
		return nil
	}
	defer src.Close()
	pk, err := pkgen.RenderPK(src.Input, w.opt)
	if pk != nil {
		printProblems(w.stderr, pk.Problems)
		for _, n := range pk.Inputs {
			read = append(read, src.osPath(n))
		}
	}
	if err != nil {
		pesan.Fprintf(w.stderr, "pkgen pantau: %v\n", err)
		return read
	}
	if !writeOutput("pantau", w.out, pk.PDF, w.timpa || w.owned, w.stderr) {
		return read
	}
	w.owned = true
	if w.opt.TTE && !writeSignatures("pantau", w.out, pkgen.Signatures(filepath.Base(w.out), pk.Layout, w.opt.Jangkar != "", 0), w.stderr) {
		return read
	}
	pesan.Fprintf(w.stderr, "%s: %d halaman\n", w.out, len(pk.Layout.Pages))
	ok = true
	return read
}
