package pohon

import (
	"os"
	"path/filepath"
	"testing"

	"pkgen/render/pdf"
)

// TestWritePDFs writes every shape's PDF into $POHON_PDF_DIR, to look at
// (pdftoppm -r 60 -png); skipped when it is not set.
func TestWritePDFs(t *testing.T) {
	dir := os.Getenv("POHON_PDF_DIR")
	if dir == "" {
		t.Skip("POHON_PDF_DIR not set")
	}
	for name, s := range shapes {
		doc, err := Layout(generate(s), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := pdf.Bytes(doc, pdf.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages", name, len(doc.Pages))
	}
}
