// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"compress/zlib"
	"reflect"
)

// A new zlib writer's BestSpeed encoder keeps a match table of 128 kB that
// it reads an entry of before writing it. On fresh memory (every writer of
// a short-lived process) each of its 32 pages was therefore mapped twice:
// first to the kernel's shared zero page, then copied on the write, which
// also interrupts every other core running the process to flush its TLB.
// prefaultTable has the table's pages mapped writable at once instead
// (prefault, per system), which changes no byte of memory or output.

// tableRange is where zw's match table lies, found by reflection:
// compress/flate keeps it unexported. ok is false when it is not where
// this expects it (another Go version, another level); the caller then
// does nothing. zw must have written its header, which makes its
// compressor.
func tableRange(zw *zlib.Writer) (start, size uintptr, ok bool) {
	c := reflect.ValueOf(zw).Elem().FieldByName("compressor")
	if !c.IsValid() || c.Kind() != reflect.Pointer || c.IsNil() {
		return 0, 0, false
	}
	d := c.Elem().FieldByName("d")
	if !d.IsValid() || d.Kind() != reflect.Struct {
		return 0, 0, false
	}
	fast := d.FieldByName("bestSpeed")
	if !fast.IsValid() || fast.Kind() != reflect.Pointer || fast.IsNil() {
		return 0, 0, false
	}
	table, found := fast.Type().Elem().FieldByName("table")
	if !found || table.Type.Kind() != reflect.Array {
		return 0, 0, false
	}
	return fast.Pointer() + table.Offset, table.Type.Size(), true
}

// prefaultTable maps the pages wholly inside zw's match table, if it finds
// it. It writes zw's header to its writer first (an empty Write), as the
// first Write or Close would.
func prefaultTable(zw *zlib.Writer) {
	if _, err := zw.Write(nil); err != nil {
		return // Close reports it again
	}
	if start, size, ok := tableRange(zw); ok {
		prefault(start, size)
	}
}
