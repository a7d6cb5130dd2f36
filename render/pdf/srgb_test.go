package pdf

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"io"
	"os"
	"testing"

	"pkgen/internal/testutil"
)

//go:embed icc/sRGB2014.icc
var srgbProfile []byte

// TestSRGBDeflated: the embedded zlib stream of the output intent holds
// the sRGB profile; -update writes it again from the profile with the
// document's writer (deflate).
func TestSRGBDeflated(t *testing.T) {
	if testutil.Update() {
		var b bytes.Buffer
		deflate(&b, srgbProfile)
		if err := os.WriteFile("icc/sRGB2014.icc.zlib", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	zr, err := zlib.NewReader(bytes.NewReader(srgbDeflated))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("inflating the embedded profile: %v", err)
	}
	if !bytes.Equal(got, srgbProfile) || len(got) < 1000 {
		t.Fatalf("the embedded stream inflates to %d bytes, not the %d of icc/sRGB2014.icc", len(got), len(srgbProfile))
	}
}
