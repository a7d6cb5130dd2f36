// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import (
	"bytes"
	"compress/zlib"
	"syscall"
	"testing"
	"unsafe"
)

// TestPrefaultMapsTable: after prefaultTable every whole page of a new
// writer's match table is resident (mincore) before anything is
// compressed, where the encoder would otherwise fault them in one by one.
func TestPrefaultMapsTable(t *testing.T) {
	zw, err := zlib.NewWriterLevel(new(bytes.Buffer), zlib.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	prefaultTable(zw)
	start, size, ok := tableRange(zw)
	if !ok {
		t.Fatal("no match table found")
	}
	page := uintptr(syscall.Getpagesize())
	from, to := (start+page-1)&^(page-1), (start+size)&^(page-1)
	if to <= from {
		t.Skipf("the table (%d bytes) holds no whole page of %d bytes", size, page)
	}
	vec := make([]byte, (to-from)/page)
	if _, _, errno := syscall.Syscall(syscall.SYS_MINCORE, from, to-from, uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatalf("mincore: %v", errno)
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, from, 0, madvPopulateWrite); errno == syscall.EINVAL {
		t.Skip("this kernel has no MADV_POPULATE_WRITE (Linux 5.14)")
	}
	for i, v := range vec {
		if v&1 == 0 {
			t.Fatalf("page %d of %d of the table is not resident after the prefault", i, len(vec))
		}
	}
	zw.Close()
}
