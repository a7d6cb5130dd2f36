// Package panicsite names where a recovered panic happened, for the one
// catch each API entry defers (the use cases, the PDF backend).
package panicsite

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// Of is the file and line that panicked, called from the deferred function
// that recovered: the first frame below the runtime's panic machinery.
func Of() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs) // skip Callers, Of, the catch
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
