package pkgen

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTypstSeedMatchesExample keeps bench/typst/seed.typ, the document
// bench/vs-typst.sh times Typst on, the same PK as the example pkgen
// renders in that comparison: every sasaran, indicator, source, unit and
// each paragraph of the definitions, in order. A changed example needs
// `python3 gen.py > seed.typ` in bench/typst.
func TestTypstSeedMatchesExample(t *testing.T) {
	typ, err := os.ReadFile("bench/typst/seed.typ")
	if err != nil {
		t.Fatal(err)
	}
	doc, probs, err := LoadPK(Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"})
	if err != nil || len(probs.Errors()) > 0 {
		t.Fatalf("example: %v %v", err, probs)
	}
	rest := string(typ)
	// want finds s as a Typst string literal after the previous find.
	want := func(where, s string) {
		t.Helper()
		lit := strconv.Quote(s) // the same escapes as gen.py's for this text
		i := strings.Index(rest, lit)
		if i < 0 {
			t.Fatalf("%s: %s not in seed.typ (in this order); run gen.py again", where, lit)
		}
		rest = rest[i+len(lit):]
	}
	want("pihak_pertama", strings.ToUpper(doc.PihakPertama.Nama))
	n := 0
	for i, s := range doc.Sasaran {
		want("sasaran "+strconv.Itoa(i+1), s.Uraian)
		for _, ind := range s.Indikator {
			n++
			want(ind.Kode, ind.Uraian)
			want(ind.Kode+" sumber_data", ind.SumberData)
			for _, para := range strings.Split(strings.TrimSpace(ind.Pengukuran), "\n\n") {
				// Each paragraph's last plain run (after any **bold**).
				line := strings.TrimSuffix(strings.TrimSpace(para[strings.LastIndex(para, "\n")+1:]), `\`)
				if j := strings.LastIndex(line, "**"); j >= 0 {
					line = line[j+2:]
				}
				if line != "" {
					want(ind.Kode+" pengukuran", line)
				}
			}
			want(ind.Kode+" satuan", ind.Satuan)
		}
	}
	if n != 28 {
		t.Errorf("the seed has 28 indicators, the example %d", n)
	}
}
