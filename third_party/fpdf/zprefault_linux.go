// pkgen patch: not part of upstream fpdf (see README.pkgen.md).

package fpdf

import "syscall"

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14): fault the pages
// in writable, as writing each would, without writing. An older kernel
// refuses it (EINVAL), which leaves the memory as it was.
const madvPopulateWrite = 23

// prefault maps the pages wholly inside the n bytes at addr writable.
func prefault(addr, n uintptr) {
	page := uintptr(syscall.Getpagesize())
	from, to := (addr+page-1)&^(page-1), (addr+n)&^(page-1)
	if to > from {
		syscall.Syscall(syscall.SYS_MADVISE, from, to-from, madvPopulateWrite)
	}
}
