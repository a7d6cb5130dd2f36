package pkgen

import (
	"fmt"
	"path/filepath"
	"strings"
)

// OutputName is the PDF of a PK named in (a path or file name): beside it,
// with the version in the name so that an amendment never lands on the
// signed original's file. pk-2023.toml → pk-2023.pdf; a PK Perubahan
// ke-1 → pk-2023-perubahan-1.pdf, unless its name already says so. ke is
// the amendment's number, 0 for an original PK or a realisasi report.
// Single renders and batches name files through this one function.
func OutputName(in string, ke int) string {
	base := strings.TrimSuffix(in, filepath.Ext(in))
	if ke > 0 {
		n := fmt.Sprintf("-%d", ke)
		switch {
		case strings.HasSuffix(base, "-perubahan"+n):
		case strings.HasSuffix(base, "-perubahan"):
			base += n
		default:
			base += "-perubahan" + n
		}
	}
	return base + ".pdf"
}
