package main

import (
	"bytes"
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
	"sync"
	"time"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

// batchJob is one input of a batch and what became of it.
type batchJob struct {
	in, out string
	note    pesan.Pesan // why out is not the usual name, if it is not
	timpa   bool        // replace an existing PDF
	pil     pilihan

	msgs  bytes.Buffer // warnings and errors, printed in input order
	pages int
	ok    bool
}

// renderBatch renders several inputs (files, or folders of PK files)
// concurrently. dir, if set, is the folder for every PDF; out must be empty
// (-o names one file). It returns the exit status.
func renderBatch(args []string, out, dir string, tpls []string, timpa bool, pil pilihan, stderr io.Writer) int {
	if out != "" {
		pesan.Fprintf(stderr, "pkgen render: -o hanya untuk satu berkas masukan; untuk beberapa berkas atau folder pakai -d FOLDER\n\n%s", pesan.Text("help.render"))
		return exitUsage
	}
	inputs, skipped, err := expandInputs(args)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		pesan.Fprintf(stderr, "pkgen render: tidak ada berkas PK .toml di %s\n", strings.Join(args, ", "))
		return exitUsage
	}
	jobs, err := planOutputs(inputs, dir)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitUsage
	}
	for _, j := range jobs {
		j.timpa = timpa
		j.pil = pil
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			pesan.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
	}
	for _, j := range jobs {
		if j.note.Key != "" {
			pesan.Fprintf(stderr, "pkgen render: catatan: %s\n", j.note)
		}
	}

	defer tuneGC(min(runtime.GOMAXPROCS(0), len(jobs)))()
	start := time.Now()
	prog := newProgress(stderr, len(jobs))
	runJobs(jobs, tpls, func(j *batchJob) {
		prog.clear()
		stderr.Write(j.msgs.Bytes())
		prog.update(j)
	})
	prog.clear()

	failed, pages := 0, 0
	for _, j := range jobs {
		if j.ok {
			pages += j.pages
		} else {
			failed++
		}
	}
	secs := time.Since(start).Seconds()
	pesan.Fprintf(stderr, "pkgen render: %d PDF ditulis, %d halaman, %s detik (%s berkas/detik)",
		len(jobs)-failed, pages, decimal(secs, 2), decimal(float64(len(jobs))/max(secs, 1e-9), 1))
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
		key, err := filepath.Abs(path)
		if err != nil {
			key = filepath.Clean(path)
		}
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
		names, err := filepath.Glob(filepath.Join(globEscape(arg), "*.toml"))
		if err != nil {
			return nil, 0, err
		}
		slices.Sort(names)
		for _, name := range names {
			if st, err := os.Stat(name); err != nil || st.IsDir() {
				continue
			}
			if isRealisasiFile(name) {
				skipped++
				continue
			}
			if err := add(name, arg); err != nil {
				return nil, 0, err
			}
		}
	}
	return inputs, skipped, nil
}

// globEscape quotes the pattern characters of a literal path.
func globEscape(s string) string {
	if !strings.ContainsAny(s, `*?[\`) || filepath.Separator == '\\' {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isRealisasiFile tells a realisasi report from a PK (model.IsRealisasi);
// a file that cannot be read counts as a PK, so that rendering it reports
// its problems.
func isRealisasiFile(path string) bool {
	data, err := files.ReadPath(path, files.TOML, os.Stdin)
	return err == nil && model.IsRealisasi(data)
}

// planOutputs names each input's PDF: beside the input, or in dir. Names
// that would collide get the name of the input's folder as a prefix
// (a/pk.toml → a-pk.pdf) and, if that is not enough, a number, in input
// order, so the same command always writes the same files.
func planOutputs(inputs []string, dir string) ([]*batchJob, error) {
	jobs := make([]*batchJob, len(inputs))
	taken := map[string]int{} // output path key → how many want it
	key := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		return strings.ToLower(p) // case-insensitive file systems
	}
	inKeys := map[string]bool{}
	for i, in := range inputs {
		jobs[i] = &batchJob{in: in, out: pdfName(in, dir, "", 0)}
		taken[key(jobs[i].out)]++
		inKeys[key(in)] = true
	}
	used := map[string]bool{}
	for _, j := range jobs {
		if taken[key(j.out)] == 1 {
			used[key(j.out)] = true
		}
	}
	for _, j := range jobs {
		if taken[key(j.out)] == 1 {
			continue
		}
		// A collision: prefix the folder's name, then number.
		parent := filepath.Base(filepath.Dir(absOr(j.in)))
		cand := pdfName(j.in, dir, parent, 0)
		for n := 2; used[key(cand)] || taken[key(cand)] > 0; n++ {
			cand = pdfName(j.in, dir, parent, n)
		}
		used[key(cand)] = true
		j.note = pesan.M("beberapa masukan menjadi %s; %s ditulis sebagai %s", filepath.Base(j.out), j.in, cand)
		j.out = cand
	}
	for _, j := range jobs {
		if inKeys[key(j.out)] {
			return nil, pesan.Errorf("keluaran %s sama dengan sebuah masukan", j.out)
		}
	}
	return jobs, nil
}

func absOr(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// pdfName is the output path of in: its name with .pdf, in dir or beside
// it, with prefix and "-" before the name if prefix is set and "-n" after
// it if n > 0.
func pdfName(in, dir, prefix string, n int) string {
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	if prefix != "" {
		base = prefix + "-" + base
	}
	if n > 0 {
		base += "-" + strconv.Itoa(n)
	}
	base += ".pdf"
	if dir == "" {
		dir = filepath.Dir(in)
	}
	return filepath.Join(dir, base)
}

// runJobs renders the jobs on a bounded pool of one worker per CPU and
// calls done for each job in input order, as soon as it and every job
// before it are finished.
func runJobs(jobs []*batchJob, tpls []string, done func(*batchJob)) {
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	next := make(chan int)
	finished := make([]chan struct{}, len(jobs))
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				renderJob(jobs[i], tpls)
				close(finished[i])
			}
		})
	}
	go func() {
		for i := range jobs {
			next <- i
		}
		close(next)
	}()
	for i, j := range jobs {
		<-finished[i]
		done(j)
	}
	wg.Wait()
}

// renderJob is the single-file render of one input, with its messages kept
// for later. It must produce the same bytes as renderCmd.
func renderJob(j *batchJob, tpls []string) {
	w := &j.msgs
	defer func() {
		// One document's bug must not stop the others.
		if r := recover(); r != nil {
			pesan.Fprintf(w, "pkgen render: %s: galat internal: %v\n", j.in, r)
			j.ok = false
		}
	}()
	doc, probs, err := loadPK(j.in)
	if err != nil {
		pesan.Fprintf(w, "pkgen: %v\n", err)
		return
	}
	printProblems(w, probs)
	if doc == nil {
		pesan.Fprintf(w, "pkgen render: %s tidak sah (%d galat); PDF tidak ditulis\n", j.in, len(probs.Errors()))
		return
	}
	data, laid, err := buatPK(doc, j.in, tpls, j.pil)
	if err != nil {
		pesan.Fprintf(w, "pkgen render: %v\n", err)
		return
	}
	if err := tulisBerkas(j.out, data, j.timpa); err != nil {
		pesan.Fprintf(w, "pkgen render: %v%s\n", err, saranAda(err, pesan.Key("; gunakan --timpa untuk menimpanya")))
		return
	}
	if j.pil.tte {
		if err := tulisTTD(j.out, laid, j.pil.jangkar != "", 0); err != nil {
			pesan.Fprintf(w, "pkgen render: %v\n", err)
			return
		}
	}
	j.pages, j.ok = len(laid.Pages), true
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

func (p *progress) update(j *batchJob) {
	p.n++
	p.pages += j.pages
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

// isDir reports whether path names a folder.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
