package spreadsheet

import (
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// BenchmarkExportPK writes the seed example's PK workbook.
func BenchmarkExportPK(b *testing.B) {
	doc, probs := model.Parse("jakarta-pusat-2023.toml", testutil.ReadFile(b, testutil.Example(b, "jakarta-pusat-2023.toml")))
	if doc == nil {
		b.Fatal(probs.Errors())
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportPK(doc); err != nil {
			b.Fatal(err)
		}
	}
}
