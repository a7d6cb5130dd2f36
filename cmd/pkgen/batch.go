package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"pkgen"
	"pkgen/pesan"
)

// renderBatch renders several inputs (files, or folders of PK files)
// concurrently. dir, if set, is the folder for every PDF; out must be empty
// (-o names one file). It returns the exit status.
func renderBatch(args []string, out, dir string, timpa bool, of *outputFlags, stdin io.Reader, stderr io.Writer) int {
	if out != "" {
		pesan.Fprintf(stderr, "pkgen render: -o hanya untuk satu berkas masukan; untuk beberapa berkas atau folder pakai -d FOLDER\n\n%s", helpText("render"))
		return exitUsage
	}
	if slices.Contains(args, "-") {
		pesan.Fprintf(stderr, "pkgen render: masukan standar (-) hanya untuk satu berkas\n")
		return exitUsage
	}
	opt, err := of.options(stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitInvalid
	}
	paths, skipped, err := expandInputs(args)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitUsage
	}
	if len(paths) == 0 {
		pesan.Fprintf(stderr, "pkgen render: tidak ada berkas PK .toml di %s\n", strings.Join(args, ", "))
		return exitUsage
	}
	var jobs []*pkgen.Job
	failed := 0
	for _, p := range paths {
		in, err := openInput(p, *of.akar, stdin)
		if err != nil {
			// Reported in its place among the others.
			jobs = append(jobs, &pkgen.Job{Path: p, Err: err})
			continue
		}
		defer in.Close()
		jobs = append(jobs, &pkgen.Job{Path: p, Input: in.Input})
	}
	if err := pkgen.PlanBatch(jobs, dir); err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitUsage
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			pesan.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
	}
	for _, j := range jobs {
		if j.Note.Key != "" {
			pesan.Fprintf(stderr, "pkgen render: catatan: %s\n", j.Note)
		}
	}

	defer tuneGC(min(runtime.GOMAXPROCS(0), len(jobs)))()
	start := time.Now()
	prog := newProgress(stderr, len(jobs))
	pages := 0
	pkgen.Batch(jobs, pkgen.BatchOptions{Options: opt, Replace: timpa}, func(j *pkgen.Job, r pkgen.Result) {
		prog.clear()
		if r.PK != nil {
			printProblems(stderr, r.PK.Problems)
		}
		n := 0
		switch {
		case r.Err != nil:
			pesan.Fprintf(stderr, "pkgen render: %v%s\n", r.Err, existHint(r.Err))
			failed++
		default:
			n = len(r.PK.Layout.Pages)
			pages += n
		}
		prog.update(n)
	})
	prog.clear()

	secs := time.Since(start).Seconds()
	pesan.Fprintf(stderr, "pkgen render: %d PDF ditulis, %d halaman, %s detik (%s berkas/detik)",
		len(paths)-failed, pages, decimal(secs, 2), decimal(float64(len(paths))/max(secs, 1e-9), 1))
	if skipped > 0 {
		pesan.Fprintf(stderr, "; %d laporan realisasi dilewati", skipped)
	}
	if failed > 0 {
		pesan.Fprintf(stderr, "; %d berkas gagal\n", failed)
		return exitInvalid
	}
	fmt.Fprintln(stderr)
	return exitOK
}

// tuneGC lets the heap grow five times the live data instead of twice,
// bounded by a soft limit of 256 MiB per worker, unless GOGC or GOMEMLIMIT
// is set. Each document allocates several times its live memory (fpdf
// parses its fonts anew for every document), so with the default the
// collector runs several times per document; measured on 100 seed PKs and
// 2 cores this takes batch throughput from about 80 to about 100 documents
// per second for some 60 MB more peak memory. It returns the function that
// restores the previous settings.
func tuneGC(workers int) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(int64(workers) * 256 << 20)
	percent := debug.SetGCPercent(400)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// decimal formats v with a decimal comma, as Indonesian writes it, or a
// decimal point when messages are English.
func decimal(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if pesan.Current().Lang() == pesan.Inggris {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

// expandInputs replaces each folder by its PK files (*.toml, sorted, not
// realisasi reports) and rejects an input named twice. skipped counts the
// realisasi reports left out.
func expandInputs(args []string) (inputs []string, skipped int, err error) {
	seen := map[string]string{} // absolute path → folder it came from, or ""
	add := func(path, folder string) error {
		key := absOr(path)
		if prev, ok := seen[key]; ok {
			if f := cmp.Or(folder, prev); f != "" {
				return pesan.Errorf("%s disebut dua kali (juga lewat folder %s); tiap PDF dibuat dari tepat satu berkas .toml", path, f)
			}
			return pesan.Errorf("%s disebut dua kali; tiap PDF dibuat dari tepat satu berkas .toml", path)
		}
		seen[key] = folder
		inputs = append(inputs, path)
		return nil
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			// A missing file is reported when it is rendered, like any
			// other bad input.
			if err := add(arg, ""); err != nil {
				return nil, 0, err
			}
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, 0, err
		}
		root, err := os.OpenRoot(arg)
		if err != nil {
			return nil, 0, err
		}
		for _, e := range entries { // sorted by name
			if !e.Type().IsRegular() || filepath.Ext(e.Name()) != ".toml" {
				continue
			}
			if pkgen.IsRealisasi(pkgen.Input{FS: root.FS(), Name: e.Name()}) {
				skipped++
				continue
			}
			if err := add(filepath.Join(arg, e.Name()), arg); err != nil {
				root.Close()
				return nil, 0, err
			}
		}
		root.Close()
	}
	return inputs, skipped, nil
}

// progress draws one status line on a terminal; elsewhere it does nothing.
type progress struct {
	w        io.Writer
	on       bool
	total    int
	n        int
	pages    int
	start    time.Time
	drawn    bool
	lastDraw time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) update(pages int) {
	p.n++
	p.pages += pages
	if !p.on {
		return
	}
	now := time.Now()
	if p.n < p.total && now.Sub(p.lastDraw) < 100*time.Millisecond {
		return
	}
	p.lastDraw = now
	secs := now.Sub(p.start).Seconds()
	io.WriteString(p.w, eraseLine+pesan.Sprintf("%d/%d berkas, %d halaman, %s detik", p.n, p.total, p.pages, decimal(secs, 1)))
	p.drawn = true
}

// clear erases the status line before other output.
func (p *progress) clear() {
	if p.drawn {
		io.WriteString(p.w, eraseLine)
		p.drawn = false
	}
}

// eraseLine returns to the start of a terminal's line and erases it.
const eraseLine = "\r\x1b[K"
