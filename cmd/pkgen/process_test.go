package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestCommandOf(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "a.toml"}, "render"},
		{[]string{"--lang", "en", "capaian", "r.toml"}, "capaian"},
		{[]string{"--lang=en", "-x", "pantau"}, "pantau"},
		{[]string{"--version"}, ""},
		{nil, ""},
	} {
		if got := commandOf(c.args); got != c.want {
			t.Errorf("commandOf(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// TestHoldGC: the collector is off up to the limit, and the first
// collection hands back to longGCPercent's pacing with no limit.
func TestHoldGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	// The cleanup runs on its own goroutine after the collection.
	done := make(chan struct{})
	signal := func() { close(done) }
	handedBack.Store(&signal)
	defer func() {
		handedBack.Store(nil)
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	const held = 1 << 40 // far above this test's heap: only runtime.GC collects
	holdGC(held)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("GC percent %d while held, want -1 (off)", p)
	}
	if l := debug.SetMemoryLimit(-1); l != held {
		t.Errorf("memory limit %d while held, want %d", l, held)
	}
	runtime.GC()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the first collection's cleanup did not run")
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("memory limit %d after the first collection, want none", l)
	}
	if p := debug.SetGCPercent(100); p != longGCPercent {
		t.Errorf("GC percent %d after the first collection, want %d", p, longGCPercent)
	}
}

// TestHoldGCRespectsEnvironment: GOGC or GOMEMLIMIT set by the user wins.
func TestHoldGCRespectsEnvironment(t *testing.T) {
	t.Setenv("GOGC", "50")
	percent := debug.SetGCPercent(77)
	defer debug.SetGCPercent(percent)
	holdGC(64 << 20)
	if p := debug.SetGCPercent(77); p != 77 {
		t.Errorf("GC percent %d with GOGC set, want it untouched (77)", p)
	}
}

// TestHoldGCKeepsBatchPacing: a batch sets its own pacing after holdGC;
// the first collection leaves it alone.
func TestHoldGCKeepsBatchPacing(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	done := make(chan struct{})
	signal := func() { close(done) }
	handedBack.Store(&signal)
	defer func() {
		handedBack.Store(nil)
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	holdGC(1 << 40)
	restore := tuneGC(2)
	defer restore()
	runtime.GC()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the first collection's cleanup did not run")
	}
	if p := debug.SetGCPercent(400); p != 400 {
		t.Errorf("GC percent %d after the first collection, want batch mode's 400", p)
	}
	if l := debug.SetMemoryLimit(-1); l != 2*256<<20 {
		t.Errorf("memory limit %d after the first collection, want batch mode's %d", l, 2*256<<20)
	}
}
