package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"pkgen"
)

// prepareProcess readies the process for the command args name, before it
// runs: only in main, since it changes the whole process (tests call run).
// A command that writes a PDF starts preparing the fonts on another core
// (pkgen.Warm) while it reads its input; one that renders and exits holds the
// garbage collector back (holdGC).
func prepareProcess(args []string) {
	switch commandOf(args) {
	case "render", "capaian":
		pkgen.Warm()
		holdGC(holdLimit)
	case "pantau":
		pkgen.Warm()
	}
}

// commandOf is the command args name: the first argument that is not a
// flag, skipping the global --lang and its value.
func commandOf(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--lang" || a == "-lang":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return a
		}
	}
	return ""
}

// holdLimit is the Go memory (heap, stacks, runtime) up to which a render
// runs without garbage collection. The seed PK allocates about 15 MB in
// all, start-up included (25 MB of Go memory), and the process peaks under
// 30 MB; the largest example 17 MB (29 MB). A PK of 1,000 indicators
// passes the limit and is collected as usual from there.
const holdLimit = 40 << 20

// holdGC turns the garbage collector off until Go's memory reaches limit,
// unless GOGC or GOMEMLIMIT is set. A small document is rendered and the
// process exits before it would need to collect: collecting two or three
// times took about a sixth of a seed render's CPU time (measured: 40 → 31
// ms of CPU, 4,000 → 4,700 page faults). The first collection
// (a large document reached the limit) hands back to pacing without a
// limit (GOGC=longGCPercent), so a document whose live data nears the
// limit is not collected over and over; unless batch mode has set its own
// pacing (tuneGC) by then, which it keeps.
func holdGC(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// A cleanup runs after the collection that finds its object
	// unreachable, i.e. the first one. The object holds a pointer so that
	// it is not batched with others in a tiny block, which could delay it.
	sentinel := &struct{ p *int }{}
	runtime.AddCleanup(sentinel, func(int) {
		defer func() {
			if f := handedBack.Load(); f != nil {
				(*f)()
			}
		}()
		if p := debug.SetGCPercent(longGCPercent); p != -1 {
			// Batch mode has set its own pacing meanwhile (tuneGC).
			debug.SetGCPercent(p)
			return
		}
		debug.SetMemoryLimit(math.MaxInt64)
	}, 0)
}

// longGCPercent is the pacing of a single render past holdLimit: a long
// document, whose peak memory is its layout's live data and what the
// collector lets grow beside it. At Go's default 100 the PK of 10,000
// indicators peaked at 398–528 MB (40–53 kB an indicator, by when the
// collections fell) in 1.63–1.87 s; at 50, 379–430 MB in 1.72–2.03 s (six
// runs each): issue 19 asks for at most 45 kB and 0.33 ms an indicator.
const longGCPercent = 50

// handedBack, if set, is called when holdGC's first collection has run
// (tests wait for it).
var handedBack atomic.Pointer[func()]
