package pkgen

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"pkgen/pesan"
)

// catch turns a panic in a dependency (the TOML decoder, goldmark,
// excelize, fpdf, pdfcpu) into an error naming the input: one document's
// bug must not stop a batch or a server. Each exported use case defers it
// once, first; nothing below catches panics itself.
func catch(err *error, name string) {
	r := recover()
	if r == nil {
		return
	}
	*err = pesan.Errorf("%s: galat internal: %v", name, fmt.Sprintf("%v, %s", r, panicSite()))
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
