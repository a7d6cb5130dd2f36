package pkgen

import (
	"fmt"

	"pkgen/internal/panicsite"
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
	*err = pesan.Errorf("%s: galat internal: %v", name, fmt.Sprintf("%v, %s", r, panicsite.Of()))
}
