package pdf

import (
	"fmt"

	"pkgen/internal/panicsite"
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
	*err = pesan.Errorf(key, fmt.Sprintf("%v, %s", r, panicsite.Of()))
}
