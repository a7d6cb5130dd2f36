package spreadsheet

import (
	"os"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// BenchmarkImport reads back the seed PK's workbook.
func BenchmarkImport(b *testing.B) {
	data, err := os.ReadFile(testutil.Example(b, "jakarta-pusat-2023.toml"))
	if err != nil {
		b.Fatal(err)
	}
	doc, probs := model.Parse("jakarta-pusat-2023.toml", data)
	if doc == nil {
		b.Fatal(probs.Errors())
	}
	x, err := ExportPK(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(x)))
	for b.Loop() {
		if _, err := Import(x); err != nil {
			b.Fatal(err)
		}
	}
}
