package pdf

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"pkgen/pesan"
)

// catch turns a panic inside fpdf or pdfcpu into an error, the last line of
// defence once inputs have been checked: a library bug on an odd input
// becomes a message naming where it happened, not a crash. Each exported
// function that calls into those libraries defers it once, first:
//
//	defer catch(&err, key)
//
// key is a catalogue message taking one %v: the panic and its place.
func catch(err *error, key string) {
	r := recover()
	if r == nil {
		return
	}
	*err = pesan.Errorf(key, fmt.Sprintf("%v, %s", r, panicSite()))
}

// panicSite is the file and line that panicked: the first frame below the
// runtime's panic machinery.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs) // skip Callers, panicSite, catch
	frames := runtime.CallersFrames(pcs[:n])
	inRuntime := false
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "runtime."):
			inRuntime = true
		case inRuntime:
			return filepath.Base(filepath.Dir(f.File)) + "/" + filepath.Base(f.File) + ":" + fmt.Sprint(f.Line)
		}
		if !more {
			return "?"
		}
	}
}
