package pkgen

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"pkgen/files"
	"pkgen/internal/parallel"
	"pkgen/model"
	"pkgen/pesan"
)

// Job is one PK of a batch.
type Job struct {
	Path  string // the input as the user named it (an OS path)
	Input Input
	Out   string      // the PDF to write, set by PlanBatch
	Note  pesan.Pesan // why Out is not the usual name, if it is not
	// Err, when set, is why the input could not be opened: the job is
	// reported failed in its place, among the others.
	Err error
}

// PlanBatch names each job's PDF: OutputName of its path, beside the input
// or in dir. Names that would collide get the name of the input's folder
// as a prefix (a/pk.toml → a-pk.pdf) and, if that is not enough, a number,
// in input order, so the same command always writes the same files. Each
// input is read here, once: rendering reads the same bytes.
func PlanBatch(jobs []*Job, dir string) error {
	taken := map[string]int{} // output path key → how many want it
	inKeys := map[string]bool{}
	kes := perubahanKe(jobs)
	for i, j := range jobs {
		if j.Err != nil {
			continue
		}
		j.Out = batchName(j.Path, dir, "", 0, kes[i])
		taken[pathKey(j.Out)]++
		inKeys[pathKey(j.Path)] = true
	}
	used := map[string]bool{}
	for _, j := range jobs {
		if j.Err == nil && taken[pathKey(j.Out)] == 1 {
			used[pathKey(j.Out)] = true
		}
	}
	for i, j := range jobs {
		if j.Err != nil || taken[pathKey(j.Out)] == 1 {
			continue
		}
		parent := filepath.Base(filepath.Dir(absPath(j.Path)))
		cand := batchName(j.Path, dir, parent, 0, kes[i])
		for n := 2; used[pathKey(cand)] || taken[pathKey(cand)] > 0; n++ {
			cand = batchName(j.Path, dir, parent, n, kes[i])
		}
		used[pathKey(cand)] = true
		j.Note = pesan.M("beberapa masukan menjadi %s; %s ditulis sebagai %s", filepath.Base(j.Out), j.Path, cand)
		j.Out = cand
	}
	for _, j := range jobs {
		if j.Err == nil && inKeys[pathKey(j.Out)] {
			return pesan.Errorf("keluaran %s sama dengan sebuah masukan", j.Out)
		}
	}
	return nil
}

// perubahanKe reads each job's input into its snapshot (the bytes the
// render will use) and finds its amendment number, on every core: it
// decodes the whole TOML, which was a tenth of a batch's time when done
// one file after another before the workers start.
func perubahanKe(jobs []*Job) []int {
	kes := make([]int, len(jobs))
	parallel.Each(len(jobs), func(i int) {
		j := jobs[i]
		if j.Err != nil {
			return
		}
		snap := j.Input.snapshot()
		j.Input.FS = snap
		if data, err := files.Read(snap, j.Input.Name, files.TOML); err == nil {
			kes[i] = model.PerubahanKe(data)
		}
	})
	return kes
}

// pathKey compares output paths as a case-insensitive file system would.
func pathKey(p string) string { return strings.ToLower(absPath(p)) }

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// batchName is OutputName of in, in dir (or beside in), with prefix and
// "-" before the name if prefix is set and "-n" after it if n > 0.
func batchName(in, dir, prefix string, n, ke int) string {
	name := strings.TrimSuffix(filepath.Base(OutputName(in, ke)), ".pdf")
	if prefix != "" {
		name = prefix + "-" + name
	}
	if n > 0 {
		name += "-" + strconv.Itoa(n)
	}
	if dir == "" {
		dir = filepath.Dir(in)
	}
	return filepath.Join(dir, name+".pdf")
}

// BatchOptions are a batch's choices.
type BatchOptions struct {
	Options
	Replace bool // replace existing PDFs (--timpa)
	// Write writes a file; nil is files.Write.
	Write func(path string, data []byte, replace bool) error
}

// Result is what became of a job.
type Result struct {
	PK  *PK   // problems to print, even on failure; nil if it did not load
	Err error // nil: the PDF (and with TTE its sidecar) is written
}

// Batch renders the jobs on a pool of one worker per CPU and writes each
// PDF (with TTE, its PDF.ttd.json beside it, which belongs to that PDF and
// is replaced with it). done is called for each job in input order, as soon
// as it and every job before it are finished.
func Batch(jobs []*Job, opt BatchOptions, done func(*Job, Result)) {
	write := opt.Write
	if write == nil {
		write = files.Write
	}
	results := make([]Result, len(jobs))
	finished := make([]chan struct{}, len(jobs))
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				results[i] = renderJob(jobs[i], opt, write)
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
		done(j, results[i])
	}
	wg.Wait()
}

func renderJob(j *Job, opt BatchOptions, write func(string, []byte, bool) error) Result {
	if j.Err != nil {
		return Result{Err: j.Err}
	}
	pk, err := RenderPK(j.Input, opt.Options)
	if err != nil {
		return Result{PK: pk, Err: err}
	}
	if err := write(j.Out, pk.PDF, opt.Replace); err != nil {
		return Result{PK: pk, Err: err}
	}
	if opt.TTE {
		side := Signatures(filepath.Base(j.Out), pk.Layout, opt.Jangkar != "", 0)
		if err := write(j.Out+".ttd.json", side, true); err != nil {
			return Result{PK: pk, Err: pesan.Errorf("daftar tanda tangan %s.ttd.json: %v", j.Out, err)}
		}
	}
	return Result{PK: pk}
}
