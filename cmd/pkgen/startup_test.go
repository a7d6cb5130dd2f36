package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// initHeavy are the packages allowed to allocate more than initBudget at
// start-up: dependencies of pdfcpu that build their tables at init and
// that pkgen cannot make lazy without carrying a copy of them.
var initHeavy = map[string]string{
	"github.com/pdfcpu/pdfcpu/internal/corefont/metrics": "pdfcpu's core font metrics, built at init",
}

// initBudget is what one package's initialisation may allocate.
const initBudget = 32 << 10

// TestStartupInit: nothing heavy runs at start-up (issue 19's start-up
// goal). pkgen version is run with GODEBUG=inittrace=1, which reports
// what each package's initialisation allocated; every package but the
// known ones stays under initBudget, and pkgen's own packages and goldmark
// (whose tables and expressions are made on first use, third_party/
// goldmark/README.pkgen.md) together under 64 kB each. Allocation, not
// time: the same on every machine.
func TestStartupInit(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "pkgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pkgen version: %v\n%s", err, stderr.String())
	}
	inits, err := parseInitTrace(stderr.String())
	if err != nil {
		t.Fatal(err)
	}
	if inits["main"].bytes == 0 && inits["pkgen/model"].bytes == 0 {
		t.Fatalf("no initialisation of main or pkgen/model reported:\n%s", stderr.String())
	}
	sums := map[string]int{}
	for pkg, in := range inits {
		if _, ok := initHeavy[pkg]; !ok && in.bytes > initBudget {
			t.Errorf("%s allocates %d bytes (%d allocations) at start-up, more than %d: build it on first use",
				pkg, in.bytes, in.allocs, initBudget)
		}
		switch {
		case pkg == "main" || pkg == "pkgen" || strings.HasPrefix(pkg, "pkgen/"):
			sums["pkgen"] += in.bytes
		case pkg == "github.com/yuin/goldmark" || strings.HasPrefix(pkg, "github.com/yuin/goldmark/"):
			sums["goldmark"] += in.bytes
		}
	}
	for _, who := range []string{"pkgen", "goldmark"} {
		if sums[who] == 0 || sums[who] > 64<<10 {
			t.Errorf("%s's packages allocate %d bytes at start-up, want some and at most 64 kB", who, sums[who])
		}
	}
	for pkg, why := range initHeavy {
		if _, ok := inits[pkg]; !ok {
			t.Errorf("%s (%s) is no longer linked: drop it from initHeavy", pkg, why)
		}
	}
}

type initCost struct{ bytes, allocs int }

// parseInitTrace reads GODEBUG=inittrace=1's lines:
// "init PKG @T ms, C ms clock, B bytes, A allocs".
func parseInitTrace(s string) (map[string]initCost, error) {
	out := map[string]initCost{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		b, err1 := strconv.Atoi(f[7])
		a, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("inittrace line %q: bad counts", sc.Text())
		}
		out[f[1]] = initCost{b, a}
	}
	return out, sc.Err()
}
