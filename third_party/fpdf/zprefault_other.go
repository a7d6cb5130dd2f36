// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

//go:build !linux

package fpdf

// prefault does nothing where MADV_POPULATE_WRITE is not known.
func prefault(addr, n uintptr) {}
