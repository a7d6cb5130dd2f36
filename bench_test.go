package pkgen

import (
	"os"
	"testing"
)

// BenchmarkRenderPK is what pkgen render does for the seed PK: read once,
// validate, check every printed character against the font, lay out and
// write the PDF/A with its source.
func BenchmarkRenderPK(b *testing.B) {
	in := Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderPK(in, Options{PDFA: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is pkgen check of the seed PK: everything but the PDF.
func BenchmarkCheck(b *testing.B) {
	in := Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderDOCX is pkgen docx of the seed PK: read once, validate,
// gather the PDF's words and write the Word document.
func BenchmarkRenderDOCX(b *testing.B) {
	in := Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderDOCX(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
