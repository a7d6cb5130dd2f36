//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The hostile corpus of issue 12: inputs that once hung pkgen, ate
// gigabytes, wrote where they should not or passed check while render
// refused them. Each runs through the built binary, in a fresh folder, with
// a time limit; the test asserts the exit status, a located message, that
// no file appeared and none changed (anywhere under the case's folder, the
// hidden .pkgen-*.tmp included), and the peak memory.
//
// Three groups: corpus held when it was written; found are the bugs it
// found (each one in issue 12: the logo read unbounded and unchecked,
// characters the font lacks, a device's name, ekstrak through a symlink);
// rewrite is the behaviour the use-case layer brought (capaian --timpa, "-"
// for standard input, pantau refusing an existing PDF, the input's folder
// as root). All must hold.

const (
	// hostileTimeout is how long one run may take: a hang is a failure.
	hostileTimeout = 60 * time.Second
	// hostileMaxRSS bounds the peak resident memory of one run, bytes.
	hostileMaxRSS = 1 << 30
	// hostileAddressSpace caps each run's address space (RLIMIT_AS, KiB,
	// Linux only) so that an input which would take gigabytes fails the
	// test without taking the machine's memory first.
	hostileAddressSpace = 3 << 20
)

// hostileResult is one run of pkgen.
type hostileResult struct {
	code           int
	stdout, stderr string
	rss            int64 // peak resident set, bytes; 0 when unknown
	hung           bool
}

// hostileEnv is a case's folders: work is the working directory, root
// holds it and outside (a folder a hostile path may aim at), and all of
// root is compared before and after.
type hostileEnv struct {
	bin, runner, root, work, outside, home string
}

// hostileCase is one command on one hostile input.
type hostileCase struct {
	name    string
	setup   func(t *testing.T, e *hostileEnv) // files in e.work, e.outside, e.root
	args    []string
	stdin   []byte
	code    int
	want    []string // each must be in stderr: the file and the line or key
	notOut  []string // must not be in stdout (a silent "0 peringatan")
	created []string // files (relative to work) that must appear, nothing else
	changed []string // files (relative to work) that may change
	timeout time.Duration
	signal  os.Signal // sent at the timeout instead of SIGKILL (pantau)
	pair    string    // the check and render (or capaian) of one file share it
}

func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pkgen and generates large files")
	}
	bin, runner := buildHostile(t)
	groups := []struct {
		name  string
		cases func() []hostileCase
	}{
		{"corpus", hostileCorpus},
		{"found", hostileFailing},
		{"rewrite", hostilePending},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			var pairs []string
			codes := map[string][]string{}
			for _, c := range g.cases() {
				code := -1
				t.Run(c.name, func(t *testing.T) { code = runHostile(t, bin, runner, c) })
				if c.pair != "" {
					if codes[c.pair] == nil {
						pairs = append(pairs, c.pair)
					}
					codes[c.pair] = append(codes[c.pair], fmt.Sprintf("%s exit %d", c.args[0], code))
				}
			}
			// check runs every check render (or capaian) runs: both
			// refuse a file or both accept it.
			for _, p := range pairs {
				ok := 0
				for _, c := range codes[p] {
					if strings.HasSuffix(c, " exit 0") {
						ok++
					}
				}
				if ok != 0 && ok != len(codes[p]) {
					t.Errorf("%s: %s disagree", p, strings.Join(codes[p], ", "))
				}
			}
		})
	}
}

// buildHostile builds pkgen and the runner that starts it. The runner
// exists for the memory measure: Go starts a child with vfork, sharing the
// parent's memory until exec, and Linux counts that memory's high-water
// mark in the child's Maxrss, so a child of the test process reports at
// least the test's own memory (144 MiB here, with the generated inputs).
// A child of the small runner starts from the runner's few MiB.
func buildHostile(t *testing.T) (bin, runner string) {
	dir := t.TempDir()
	bin = filepath.Join(dir, "pkgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "runner")
	limit := ""
	if runtime.GOOS == "linux" {
		limit = `if kib > 0 {
		lim := &syscall.Rlimit{Cur: kib << 10, Max: kib << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			fmt.Fprintln(os.Stderr, "runner:", err)
			os.Exit(125)
		}
	}`
	}
	writeHostile(t, src, "go.mod", []byte("module runner\n\ngo 1.22\n"))
	writeHostile(t, src, "main.go", []byte(strings.Replace(runnerSource, "LIMIT", limit, 1)))
	runner = filepath.Join(dir, "run")
	build := exec.Command("go", "build", "-o", runner, ".")
	build.Dir = src
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build runner: %v\n%s", err, out)
	}
	return bin, runner
}

// runnerSource is the runner: run KIB RSSFILE BIN ARGS... starts BIN with
// its address space capped to KIB (where LIMIT is filled in), standard
// input and outputs passed on, writes BIN's peak RSS (getrusage units) to
// RSSFILE and exits with BIN's status. It catches SIGINT and SIGTERM, which
// reach BIN too (the test signals the whole process group), so that it
// outlives BIN to report.
const runnerSource = `package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
)

func main() {
	kib, _ := strconv.ParseUint(os.Args[1], 10, 64)
	_ = kib
	LIMIT
	signal.Notify(make(chan os.Signal, 1), os.Interrupt, syscall.SIGTERM)
	cmd := exec.Command(os.Args[3], os.Args[4:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(125)
	}
	cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		os.WriteFile(os.Args[2], []byte(strconv.FormatInt(int64(ru.Maxrss), 10)), 0o644)
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		os.Exit(128 + int(ws.Signal()))
	}
	os.Exit(ws.ExitStatus())
}
`

// runHostile runs c in a fresh folder and asserts everything it promises.
func runHostile(t *testing.T, bin, runner string, c hostileCase) int {
	root := t.TempDir()
	e := &hostileEnv{bin: bin, runner: runner, root: root, work: filepath.Join(root, "work"),
		outside: filepath.Join(root, "luar"), home: t.TempDir()}
	for _, d := range []string{e.work, e.outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeHostile(t, e.outside, "rahasia.txt", []byte("bukan untuk dibaca\n"))
	if c.setup != nil {
		c.setup(t, e)
	}
	before := snapshot(t, root)
	timeout := c.timeout
	if timeout == 0 {
		timeout = hostileTimeout
	}
	r := e.runWith(t, c.stdin, timeout, c.signal, c.args...)
	t.Logf("pkgen %s: exit %d, max RSS %.1f MiB\n%s", shortArgs(c.args), r.code, float64(r.rss)/(1<<20), clipTo(r.stderr, 400))
	if r.hung {
		t.Errorf("pkgen %s did not finish within %v", shortArgs(c.args), timeout)
	}
	if r.code != c.code {
		t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, c.code, clip(r.stdout), clip(r.stderr))
	}
	var lacks []string
	for _, w := range c.want {
		if !strings.Contains(r.stderr, w) {
			lacks = append(lacks, fmt.Sprintf("%q", w))
		}
	}
	if len(lacks) > 0 {
		t.Errorf("stderr lacks %s:\n%s", strings.Join(lacks, ", "), clip(r.stderr))
	}
	for _, w := range c.notOut {
		if strings.Contains(r.stdout, w) {
			t.Errorf("stdout has %q:\n%s", w, clip(r.stdout))
		}
	}
	if r.rss > hostileMaxRSS {
		t.Errorf("max RSS %d MiB, bound %d MiB", r.rss>>20, hostileMaxRSS>>20)
	}
	after := snapshot(t, root)
	rel := func(name string) string { return filepath.ToSlash(filepath.Join("work", name)) }
	created := map[string]bool{}
	for _, n := range c.created {
		created[rel(n)] = true
		if _, ok := after[rel(n)]; !ok {
			t.Errorf("%s not written", n)
		}
	}
	changed := map[string]bool{}
	for _, n := range c.changed {
		changed[rel(n)] = true
	}
	for _, name := range slices.Sorted(mapKeys(after)) {
		if _, ok := before[name]; !ok && !created[name] {
			t.Errorf("new file %s (%s)", name, after[name])
		}
	}
	for _, name := range slices.Sorted(mapKeys(before)) {
		switch got, ok := after[name]; {
		case !ok:
			t.Errorf("%s removed", name)
		case got != before[name] && !changed[name]:
			t.Errorf("%s changed: %s, was %s", name, got, before[name])
		}
	}
	return r.code
}

// runWith runs the binary in e.work through the runner, which caps its
// address space on Linux (a runaway allocation then ends it, instead of
// taking the machine's memory) and reports its peak memory. At the timeout
// the runner and pkgen get sig, or SIGKILL.
func (e *hostileEnv) runWith(t *testing.T, stdin []byte, timeout time.Duration, sig os.Signal, args ...string) hostileResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	rssFile := filepath.Join(e.home, "rss")
	os.Remove(rssFile)
	runnerArgs := append([]string{strconv.Itoa(hostileAddressSpace), rssFile, e.bin}, args...)
	cmd := exec.CommandContext(ctx, e.runner, runnerArgs...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if sig == nil {
		sig = syscall.SIGKILL
	}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, sig.(syscall.Signal)) }
	cmd.WaitDelay = 10 * time.Second
	cmd.Dir = e.work
	cmd.Env = hostileEnviron(e.home)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // whatever outlived the runner
	}
	r := hostileResult{stdout: stdout.String(), stderr: stderr.String(), hung: ctx.Err() != nil}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		if cmd.ProcessState == nil {
			t.Fatalf("pkgen %s: %v", shortArgs(args), err)
		}
		r.code = cmd.ProcessState.ExitCode()
	}
	if b, err := os.ReadFile(rssFile); err == nil {
		r.rss, _ = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if runtime.GOOS != "darwin" { // Linux and the BSDs count KiB, macOS bytes
			r.rss <<= 10
		}
	}
	return r
}

// run is runWith for a setup step, which must succeed.
func (e *hostileEnv) run(t *testing.T, args ...string) {
	t.Helper()
	if r := e.runWith(t, nil, hostileTimeout, nil, args...); r.code != 0 {
		t.Fatalf("setup: pkgen %s: exit %d\n%s", shortArgs(args), r.code, r.stderr)
	}
}

// hostileEnviron is the environment without locale or date settings that
// would change the messages or the output: messages in Indonesian.
func hostileEnviron(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "SOURCE_DATE_EPOCH", "HOME", "GOMEMLIMIT", "GOGC":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=id_ID.UTF-8", "HOME="+home)
}

// snapshot describes every entry under root, symlinks not followed: the
// SHA-256 of a file, the target of a link, or "folder".
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		switch {
		case path == root:
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			m[rel] = "link to " + target
		case d.IsDir():
			m[rel] = "folder"
		case d.Type().IsRegular():
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			h := sha256.New()
			n, err := io.Copy(h, f)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%d bytes, sha256 %s", n, hex.EncodeToString(h.Sum(nil))[:16])
		default:
			m[rel] = d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func writeHostile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlinkHostile(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// clip shortens a long output for a failure message.
func clip(s string) string {
	if len(s) > 1500 {
		return s[:1500] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

func shortArgs(args []string) string {
	s := strings.Join(args, " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// exampleBytes reads an example; examples are copied, never edited.
var exampleCache sync.Map

func exampleBytes(name string) []byte {
	if b, ok := exampleCache.Load(name); ok {
		return b.([]byte)
	}
	b, err := os.ReadFile(filepath.Join("../../examples", name))
	if err != nil {
		panic(err)
	}
	exampleCache.Store(name, b)
	return b
}

// The PK most cases start from: a 2024 PK with a built-in wording
// template, signed 5 February 2024.
const hostileBase = "kota-contoh-tahunan-2024.toml"

func basePK() string { return string(exampleBytes(hostileBase)) }

// lineOf is the 1-based line of the first occurrence of sub in s.
func lineOf(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in the text", sub))
	}
	return 1 + strings.Count(s[:i], "\n")
}

// replaceOnce replaces old in s, which must be there.
func replaceOnce(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("%q not in the text", old))
	}
	return strings.Replace(s, old, new, 1)
}

// withLine is the base PK with text appended as a new last line, and that
// line's number.
func withLine(text string) (string, int) {
	b := basePK()
	return b + text + "\n", strings.Count(b, "\n") + 1
}

// withLogo is the base PK with instansi.logo set, and its line.
func withLogo(logo string) (string, int) {
	s := replaceOnce(basePK(), "[instansi]\n", "[instansi]\nlogo = "+quoteTOML(logo)+"\n")
	return s, lineOf(s, "logo = ")
}

func quoteTOML(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// tomlPair is a hostile PK as check and as render take it: both must give
// the same exit status and name the problem; render writes out.pdf only
// when it succeeds.
func tomlPair(name, file string, data func() []byte, setup func(*testing.T, *hostileEnv), code int, want ...string) []hostileCase {
	return filePair(name, file, data, setup, code, []string{"render", file, "-o", "out.pdf"}, "out.pdf", want...)
}

// filePair is tomlPair with the command that uses the file (render for a
// PK, capaian for a realisasi report) given.
func filePair(name, file string, data func() []byte, setup func(*testing.T, *hostileEnv), code int, use []string, out string, want ...string) []hostileCase {
	full := func(t *testing.T, e *hostileEnv) {
		if setup != nil {
			setup(t, e)
		}
		if data != nil {
			writeHostile(t, e.work, file, data())
		}
	}
	var created []string
	if code == 0 {
		created = []string{out}
	}
	return []hostileCase{
		{name: name + "/check", setup: full, args: []string{"check", file}, code: code, want: want, pair: name},
		{name: name + "/" + use[0], setup: full, args: use, code: code, want: want, created: created, pair: name},
	}
}

// located is the prefix of a problem reported at a line.
func located(file string, line int) string { return fmt.Sprintf("%s:%d:", file, line) }

// hostileCorpus are the cases that hold today.
func hostileCorpus() []hostileCase {
	var cs []hostileCase
	add := func(c ...hostileCase) { cs = append(cs, c...) }

	// Shape limits of the TOML text, checked before decoding; each input
	// once took seconds to minutes and up to 6 GB in the parser.
	nested := func(n int, open, close string) func() []byte {
		return func() []byte {
			s, _ := withLine("x = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n))
			return []byte(s)
		}
	}
	_, last := withLine("")
	add(tomlPair("nested-tables-4000", "dalam.toml", nested(4000, "{a=", "}"), nil, 1, located("dalam.toml", last), "bersarang")...)
	add(tomlPair("nested-tables-50000", "dalam.toml", nested(50000, "{a=", "}"), nil, 1, located("dalam.toml", last), "bersarang")...)
	add(tomlPair("nested-arrays-50000", "dalam.toml", nested(50000, "[", "]"), nil, 1, located("dalam.toml", last), "bersarang")...)
	add(tomlPair("dotted-key-20000", "titik.toml", func() []byte {
		s, _ := withLine(strings.Repeat("a.", 19999) + "a = 1")
		return []byte(s)
	}, nil, 1, located("titik.toml", last), "kunci bertitik")...)
	add(tomlPair("table-name-20000", "titik.toml", func() []byte {
		s, _ := withLine("[" + strings.Repeat("a.", 19999) + "a]")
		return []byte(s)
	}, nil, 1, located("titik.toml", last), "nama tabel")...)

	// Size: 40 MB, over the 32 MiB limit for a TOML file.
	add(tomlPair("toml-40MB", "besar.toml", func() []byte {
		s, _ := withLine("# " + strings.Repeat("isi ", 10<<20))
		return []byte(s)
	}, nil, 1, "besar.toml", "32 MB")...)

	// Bytes that are not TOML text.
	name := lineOf(basePK(), `nama = "Bambang Prasetyo"`)
	inName := func(b []byte) func() []byte {
		return func() []byte {
			return bytes.Replace([]byte(basePK()), []byte("Bambang"), b, 1)
		}
	}
	add(tomlPair("invalid-utf8", "rusak.toml", inName([]byte("Bam\xff\xfebang")), nil, 1, located("rusak.toml", name), "UTF-8")...)
	add(tomlPair("nul-byte", "rusak.toml", inName([]byte("Bam\x00bang")), nil, 1, located("rusak.toml", name), "NUL")...)
	add(tomlPair("raw-control-character", "rusak.toml", inName([]byte("Bam\x07bang")), nil, 1, located("rusak.toml", name), "karakter kendali")...)
	// A leading BOM (Notepad writes one) is an encoding mark, not text:
	// accepted, as without it.
	add(tomlPair("leading-bom", "bom.toml", func() []byte { return append([]byte("\uFEFF"), basePK()...) }, nil, 0)...)

	// A date outside the PK's year.
	add(tomlPair("tanggal-0001", "tanggal.toml", func() []byte {
		return []byte(replaceOnce(basePK(), "tanggal = 2024-02-05", "tanggal = 0001-01-01"))
	}, nil, 1, located("tanggal.toml", lineOf(basePK(), "tanggal = ")), "tanggal: ", "2024")...)

	// Texts that do not fit page 1: layout errors naming the key.
	kop := `kop = ["PEMERINTAH KOTA TIRTA RAYA", "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH"]`
	add(tomlPair("kop-50-lines", "kop.toml", func() []byte {
		lines := make([]string, 50)
		for i := range lines {
			lines[i] = fmt.Sprintf("%q", fmt.Sprintf("BARIS KOP %d", i+1))
		}
		return []byte(replaceOnce(basePK(), kop, "kop = ["+strings.Join(lines, ", ")+"]"))
	}, nil, 1, "kop.toml", "instansi.kop")...)
	add(tomlPair("kop-4000-characters", "kop.toml", func() []byte {
		return []byte(replaceOnce(basePK(), kop, `kop = ["`+strings.Repeat("PEMERINTAH ", 364)+`"]`))
	}, nil, 1, "kop.toml", "instansi.kop")...)
	add(tomlPair("nama-1MB", "nama.toml", func() []byte {
		return []byte(replaceOnce(basePK(), `nama = "Bambang Prasetyo"`, `nama = "`+strings.Repeat("Bambang ", 1<<17)+`"`))
	}, nil, 1, "nama.toml", "pihak_pertama.nama")...)

	// Paths from a file someone else wrote: templat, mengubah and pk may
	// not be absolute nor leave the folder.
	withTemplat := func(v string) func() []byte {
		return func() []byte {
			return []byte(replaceOnce(basePK(), `templat = ["sebut-target"]`, "templat = ["+quoteTOML(v)+"]"))
		}
	}
	add(tomlPair("templat-dev-zero", "pk.toml", withTemplat("/dev/zero"), nil, 1, "pk.toml", "templat", "/dev/zero")...)
	add(tomlPair("templat-absolute", "pk.toml", withTemplat("/etc/passwd"), nil, 1, "pk.toml", "templat", "/etc/passwd")...)
	add(tomlPair("templat-parent", "pk.toml", withTemplat("../luar/kata.tmpl"), func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.outside, "kata.tmpl", []byte(`{{define "pembuka"}}dari luar{{end}}`))
	}, 1, "pk.toml", "templat", "../luar/kata.tmpl")...)

	amendment := func(mengubah string) func() []byte {
		return func() []byte {
			return []byte(replaceOnce(string(exampleBytes("jakarta-pusat-2023-perubahan-1.toml")),
				`mengubah = "jakarta-pusat-2023.toml"`, "mengubah = "+quoteTOML(mengubah)))
		}
	}
	asalOutside := func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.outside, "asal.toml", exampleBytes("jakarta-pusat-2023.toml"))
	}
	add(tomlPair("mengubah-absolute", "ubah.toml", nil, func(t *testing.T, e *hostileEnv) {
		asalOutside(t, e)
		writeHostile(t, e.work, "ubah.toml", amendment(filepath.Join(e.outside, "asal.toml"))())
	}, 1, "ubah.toml", "perubahan.mengubah", "mutlak")...)
	add(tomlPair("mengubah-parent", "ubah.toml", amendment("../luar/asal.toml"), asalOutside, 1,
		"ubah.toml", "perubahan.mengubah", "../luar/asal.toml")...)

	realisasi := func(pk string) func() []byte {
		return func() []byte {
			return []byte(replaceOnce(string(exampleBytes("jakarta-pusat-2023-tw3.toml")),
				`pk = "jakarta-pusat-2023.toml"`, "pk = "+quoteTOML(pk)))
		}
	}
	pkLine := lineOf(string(exampleBytes("jakarta-pusat-2023-tw3.toml")), "pk = ")
	capaianOf := func(file string) []string { return []string{"capaian", file, "-o", "out.pdf"} }
	add(filePair("pk-absolute", "real.toml", nil, func(t *testing.T, e *hostileEnv) {
		asalOutside(t, e)
		writeHostile(t, e.work, "real.toml", realisasi(filepath.Join(e.outside, "asal.toml"))())
	}, 1, capaianOf("real.toml"), "out.pdf", located("real.toml", pkLine), "pk: ", "mutlak")...)
	add(filePair("pk-parent", "real.toml", realisasi("../luar/asal.toml"), asalOutside, 1,
		capaianOf("real.toml"), "out.pdf", located("real.toml", pkLine), "pk: ", "../luar/asal.toml")...)

	// Outputs that exist are never replaced without --timpa.
	const mine = "punya saya, mungkin sudah ditandatangani\n"
	pkAnd := func(files ...string) func(*testing.T, *hostileEnv) {
		return func(t *testing.T, e *hostileEnv) {
			writeHostile(t, e.work, "pk.toml", []byte(basePK()))
			for _, f := range files {
				writeHostile(t, e.work, f, []byte(mine))
			}
		}
	}
	add(hostileCase{name: "render-existing-output", setup: pkAnd("out.pdf"),
		args: []string{"render", "pk.toml", "-o", "out.pdf"}, code: 1, want: []string{"out.pdf", "--timpa"}})
	add(hostileCase{name: "render-existing-default-output", setup: pkAnd("pk.pdf"),
		args: []string{"render", "pk.toml"}, code: 1, want: []string{"pk.pdf", "--timpa"}})
	add(hostileCase{name: "render-timpa-replaces", setup: pkAnd("out.pdf"),
		args: []string{"render", "pk.toml", "-o", "out.pdf", "--timpa"}, code: 0, changed: []string{"out.pdf"}})
	add(hostileCase{name: "xlsx-existing-output", setup: pkAnd("out.xlsx"),
		args: []string{"xlsx", "pk.toml", "-o", "out.xlsx"}, code: 1, want: []string{"out.xlsx", "--timpa"}})
	add(hostileCase{name: "impor-existing-output", setup: func(t *testing.T, e *hostileEnv) {
		pkAnd("out.toml")(t, e)
		e.run(t, "xlsx", "pk.toml", "-o", "pk.xlsx")
	}, args: []string{"impor", "pk.xlsx", "-o", "out.toml"}, code: 1, want: []string{"out.toml", "--timpa"}})
	add(hostileCase{name: "baru-existing-output", setup: pkAnd(),
		args: []string{"baru", "--bentuk", "eselon2", "-o", "pk.toml"}, code: 1, want: []string{"pk.toml", "sudah ada"}})
	add(hostileCase{name: "baru-existing-default-output", setup: pkAnd(),
		args: []string{"baru", "--bentuk", "eselon2"}, code: 1, want: []string{"pk.toml", "sudah ada"}})

	// Workbooks that unzip or lay out far past a PK's size.
	add(hostileCase{name: "impor-zip-bomb", setup: func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.work, "bom.xlsx", hostileWorkbook(t, e, bombSheet, false))
	}, args: []string{"impor", "bom.xlsx", "-o", "out.toml"}, code: 1, want: []string{"bom.xlsx", "64 MB"}})
	add(hostileCase{name: "impor-zip-bomb-lying-sizes", setup: func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.work, "bom.xlsx", hostileWorkbook(t, e, bombSheet, true))
	}, args: []string{"impor", "bom.xlsx", "-o", "out.toml"}, code: 1, want: []string{"bom.xlsx"}})
	add(hostileCase{name: "impor-1048576-rows", setup: func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.work, "baris.xlsx", hostileWorkbook(t, e, millionRowSheet, false))
	}, args: []string{"impor", "baris.xlsx", "-o", "out.toml"}, code: 1, want: []string{"baris.xlsx", "12000"}})

	// A PDF whose EmbeddedFiles name tree loops.
	for _, cyc := range []struct{ name, kids string }{{"kids-cycle", "5 0 R"}, {"kids-self", "4 0 R"}} {
		add(hostileCase{name: "ekstrak-" + cyc.name, setup: func(t *testing.T, e *hostileEnv) {
			writeHostile(t, e.work, "putar.pdf", cyclePDF(cyc.kids))
		}, args: []string{"ekstrak", "putar.pdf", "-d", "hasil"}, code: 1, want: []string{"putar.pdf", "/EmbeddedFiles"}})
	}

	// ekstrak writes all or nothing: one target exists, nothing is written.
	add(hostileCase{name: "ekstrak-one-target-exists", setup: func(t *testing.T, e *hostileEnv) {
		amendmentPDF(t, e, "pk.pdf")
		writeHostile(t, e.work, "hasil/2023/pk.toml", []byte(mine))
	}, args: []string{"ekstrak", "pk.pdf", "-d", "hasil"}, code: 1, want: []string{"pk.toml", "sudah ada"}})
	return cs
}

// hostileFailing are the cases that failed when the corpus was written:
// bugs it found (issue 12), fixed by the use-case layer.
func hostileFailing() []hostileCase {
	var cs []hostileCase
	add := func(c ...hostileCase) { cs = append(cs, c...) }
	logo := func(path string) func() []byte {
		return func() []byte { s, _ := withLogo(path); return []byte(s) }
	}
	_, logoLine := withLogo("x")
	at := located("pk.toml", logoLine)

	// check must run every check render runs: a logo that is no image.
	add(tomlPair("logo-etc-passwd", "pk.toml", logo("/etc/passwd"), nil, 1, "pk.toml", "instansi.logo")...)
	// Bounded reads: render read /dev/zero to the end (6 GB).
	add(tomlPair("logo-dev-zero", "pk.toml", logo("/dev/zero"), nil, 1, at, "instansi.logo", "/dev/zero")...)
	add(tomlPair("logo-parent", "pk.toml", logo("../luar/logo.png"), func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.outside, "logo.png", hostilePNG())
	}, 1, at, "instansi.logo", "../luar/logo.png")...)
	add(tomlPair("logo-symlink-outside", "pk.toml", logo("logo.png"), func(t *testing.T, e *hostileEnv) {
		writeHostile(t, e.outside, "logo.png", hostilePNG())
		symlinkHostile(t, filepath.Join(e.outside, "logo.png"), filepath.Join(e.work, "logo.png"))
	}, 1, at, "instansi.logo", "logo.png")...)

	// Characters the font lacks: an error for a control character, a
	// warning otherwise, never a silent "sah … 0 peringatan".
	name := lineOf(basePK(), `nama = "Bambang Prasetyo"`)
	nama := func(v string) func() []byte {
		return func() []byte {
			return []byte(replaceOnce(basePK(), `nama = "Bambang Prasetyo"`, "nama = "+v))
		}
	}
	add(tomlPair("control-character-escaped", "pk.toml", nama(`"Bambang\u0007 Prasetyo"`), nil, 1,
		located("pk.toml", name), "pihak_pertama.nama", "karakter kendali U+0007")...)
	for _, c := range []struct{ name, value, want string }{
		{"cjk-in-nama", `"Bambang 王 Prasetyo"`, "U+738B"},
		{"emoji-in-nama", `"Bambang 😀 Prasetyo"`, "U+1F600"},
		{"feff-in-nama", `"Bambang\uFEFF Prasetyo"`, "U+FEFF"},
	} {
		for _, pc := range tomlPair(c.name, "pk.toml", nama(c.value), nil, 0,
			located("pk.toml", name)+" peringatan: pihak_pertama.nama", c.want, "tidak ada di huruf") {
			pc.notOut = []string{"0 peringatan"}
			add(pc)
		}
	}

	// A device named on the command line is named as given.
	add(hostileCase{name: "check-dev-zero", args: []string{"check", "/dev/zero"}, code: 1, want: []string{"/dev/zero"}})
	add(hostileCase{name: "render-dev-zero", args: []string{"render", "/dev/zero", "-o", "out.pdf"}, code: 1, want: []string{"/dev/zero"}})

	// An LKIP read to its end: /dev/zero took 6 GB.
	add(hostileCase{name: "capaian-lampirkan-ke-dev-zero", setup: realisasiFiles,
		args: []string{"capaian", "real.toml", "--lampirkan-ke", "/dev/zero", "-o", "out.pdf"},
		code: 1, want: []string{"/dev/zero"}})

	// A symlink already inside ekstrak's target folder is not followed.
	add(hostileCase{name: "ekstrak-symlink-in-target", setup: func(t *testing.T, e *hostileEnv) {
		amendmentPDF(t, e, "pk.pdf")
		symlinkHostile(t, e.outside, filepath.Join(e.work, "hasil", "2023"))
	}, args: []string{"ekstrak", "pk.pdf", "-d", "hasil"}, code: 1, want: []string{"2023"}})
	return cs
}

// hostilePending are the behaviours the rewrite of the command line
// brought (issue 12): --timpa for capaian and pantau, standard input, the
// input's folder as root.
func hostilePending() []hostileCase {
	const mine = "punya saya, mungkin sudah ditandatangani\n"
	withOut := func(t *testing.T, e *hostileEnv) {
		realisasiFiles(t, e)
		writeHostile(t, e.work, "out.pdf", []byte(mine))
	}
	pk := []byte(basePK())
	return []hostileCase{
		{name: "capaian-existing-output", setup: withOut,
			args: []string{"capaian", "real.toml", "-o", "out.pdf"}, code: 1, want: []string{"out.pdf", "--timpa"}},
		{name: "capaian-existing-default-output", setup: func(t *testing.T, e *hostileEnv) {
			realisasiFiles(t, e)
			writeHostile(t, e.work, "real.pdf", []byte(mine))
		}, args: []string{"capaian", "real.toml"}, code: 1, want: []string{"real.pdf", "--timpa"}},
		{name: "capaian-timpa-replaces", setup: withOut,
			args: []string{"capaian", "real.toml", "-o", "out.pdf", "--timpa"}, code: 0, changed: []string{"out.pdf"}},
		{name: "check-stdin", args: []string{"check", "-"}, stdin: pk, code: 0},
		{name: "render-stdin", args: []string{"render", "-", "-o", "out.pdf"}, stdin: pk, code: 0, created: []string{"out.pdf"}},
		{name: "render-stdin-without-o", args: []string{"render", "-"}, stdin: pk, code: 2, want: []string{"-o"}},
		{name: "pantau-existing-output", setup: func(t *testing.T, e *hostileEnv) {
			writeHostile(t, e.work, "pk.toml", pk)
			writeHostile(t, e.work, "out.pdf", []byte(mine))
		}, args: []string{"pantau", "pk.toml", "-o", "out.pdf"}, code: 1, want: []string{"out.pdf", "--timpa"},
			timeout: 10 * time.Second, signal: os.Interrupt},
		// The root is the input file's folder: an amendment in sub/ may not
		// reach its sibling's file.
		{name: "mengubah-leaves-input-folder", setup: func(t *testing.T, e *hostileEnv) {
			writeHostile(t, e.work, "asal.toml", exampleBytes("jakarta-pusat-2023.toml"))
			writeHostile(t, e.work, "sub/ubah.toml", []byte(strings.Replace(string(exampleBytes("jakarta-pusat-2023-perubahan-1.toml")),
				`mengubah = "jakarta-pusat-2023.toml"`, `mengubah = "../asal.toml"`, 1)))
		}, args: []string{"check", "sub/ubah.toml"}, code: 1, want: []string{"sub/ubah.toml", "perubahan.mengubah"}},
	}
}

// realisasiFiles writes the third-quarter realisasi example (real.toml)
// and its PK.
func realisasiFiles(t *testing.T, e *hostileEnv) {
	writeHostile(t, e.work, "jakarta-pusat-2023.toml", exampleBytes("jakarta-pusat-2023.toml"))
	writeHostile(t, e.work, "real.toml", exampleBytes("jakarta-pusat-2023-tw3.toml"))
}

// amendmentPDF renders, outside the case's folders, an amendment kept in
// perubahan/ whose original is 2023/pk.toml, and copies the PDF to name in
// e.work: its sources extract to 2023/ and perubahan/.
func amendmentPDF(t *testing.T, e *hostileEnv, name string) {
	t.Helper()
	src := t.TempDir()
	writeHostile(t, src, "2023/pk.toml", exampleBytes("jakarta-pusat-2023.toml"))
	writeHostile(t, src, "perubahan/pk-p1.toml", []byte(replaceOnce(string(exampleBytes("jakarta-pusat-2023-perubahan-1.toml")),
		`mengubah = "jakarta-pusat-2023.toml"`, `mengubah = "../2023/pk.toml"`)))
	in := &hostileEnv{bin: e.bin, runner: e.runner, work: src, home: e.home}
	in.run(t, "render", "perubahan/pk-p1.toml", "-o", "pk.pdf", "--akar", ".")
	b, err := os.ReadFile(filepath.Join(src, "pk.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeHostile(t, e.work, name, b)
}

// cyclePDF is a one-page PDF whose EmbeddedFiles name tree is object 4
// with kids; kids "5 0 R" makes 4 → 5 → 4, "4 0 R" makes 4 → 4.
func cyclePDF(kids string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
		"<< /Kids [" + kids + "] >>",
		"<< /Kids [4 0 R] /Limits [(a.toml) (z.toml)] >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// hostilePNG is a 1×1 PNG.
func hostilePNG() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// hostileWorkbook is the workbook pkgen exports for the base PK with its
// Lampiran sheet replaced by what sheet writes, streamed into the ZIP.
// With lie, the ZIP's headers say the sheet is 1,000 bytes unzipped.
func hostileWorkbook(t *testing.T, e *hostileEnv, sheet func(w io.Writer) error, lie bool) []byte {
	t.Helper()
	src := t.TempDir()
	writeHostile(t, src, "pk.toml", []byte(basePK()))
	in := &hostileEnv{bin: e.bin, runner: e.runner, work: src, home: e.home}
	in.run(t, "xlsx", "pk.toml", "-o", "pk.xlsx")
	data, err := os.ReadFile(filepath.Join(src, "pk.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := lampiranPart(t, zr)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part && lie {
			// Deflated here, so that the header can claim 1 KB.
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.BestCompression)
			sum := crc32.NewIEEE()
			if err := sheet(io.MultiWriter(fw, sum)); err != nil {
				t.Fatal(err)
			}
			fw.Close()
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: sum.Sum32(),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000})
			if err == nil {
				_, err = w.Write(comp.Bytes())
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if f.Name == part {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
			if err != nil {
				t.Fatal(err)
			}
			if err := sheet(w); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// lampiranPart is the ZIP part that holds the Lampiran sheet.
func lampiranPart(t *testing.T, zr *zip.Reader) string {
	t.Helper()
	read := func(name string) string {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	m := regexp.MustCompile(`<sheet [^>]*name="Lampiran"[^>]*r:id="([^"]+)"`).FindStringSubmatch(read("xl/workbook.xml"))
	if m == nil {
		t.Fatal("no Lampiran sheet in the exported workbook")
	}
	rels := read("xl/_rels/workbook.xml.rels")
	for _, rel := range regexp.MustCompile(`<Relationship [^>]*>`).FindAllString(rels, -1) {
		if strings.Contains(rel, `Id="`+m[1]+`"`) {
			target := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(rel)[1]
			return strings.TrimPrefix(filepath.ToSlash(filepath.Join("xl", target)), "/")
		}
	}
	t.Fatalf("relationship %s not found", m[1])
	return ""
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const sheetTail = `</sheetData></worksheet>`

// bombSheet is about 100 MB of XML that deflates to a few hundred KB:
// 1,600 rows, each one cell of 64 KiB of the same letter.
func bombSheet(w io.Writer) error {
	cell := strings.Repeat("A", 64<<10)
	if _, err := io.WriteString(w, sheetHead); err != nil {
		return err
	}
	for r := 1; r <= 1600; r++ {
		if _, err := fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, cell); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, sheetTail)
	return err
}

// millionRowSheet has every row Excel allows, 1,048,576, each one number.
func millionRowSheet(w io.Writer) error {
	if _, err := io.WriteString(w, sheetHead); err != nil {
		return err
	}
	var b []byte
	for r := 1; r <= 1<<20; r++ {
		b = fmt.Appendf(b[:0], `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, sheetTail)
	return err
}

func clipTo(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
