package pkgen

import (
	"bytes"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/render/pdf"
)

// pdfaClaim reports whether a PDF claims PDF/A in its XMP.
func pdfaClaim(b []byte) bool { return bytes.Contains(b, []byte("pdfaid:part")) }

// A draft is a plain PDF whatever PDFA says, with its sources attached
// and DRAF printed on every page; the final version of the same file is
// PDF/A and unmarked.
func TestDraftIsNotPDFA(t *testing.T) {
	t.Parallel()
	fsys, name := testutil.Rooted(testutil.Example(t, "kementerian-contoh-balai-2024.toml"))
	for _, draft := range []bool{false, true} {
		pk, err := RenderPK(Input{FS: fsys, Name: name}, Options{PDFA: true, Draf: draft})
		if err != nil {
			t.Fatal(err)
		}
		if pdfaClaim(pk.PDF) == draft {
			t.Errorf("draft %v: PDF/A claim %v", draft, pdfaClaim(pk.PDF))
		}
		srcs, _, err := pdf.ReadSources(pk.PDF)
		if err != nil || len(srcs) != 1 {
			t.Errorf("draft %v: sources %d, %v; want the TOML attached", draft, len(srcs), err)
		}
		for i, p := range pk.Layout.Pages {
			if (len(p.Background) == 1) != draft {
				t.Errorf("draft %v: page %d has %d background texts", draft, i+1, len(p.Background))
			}
		}
		if draft {
			text := testutil.PDFText(t, pk.PDF)
			if n := bytes.Count([]byte(text), []byte("DRAF — belum ditandatangani")); n != len(pk.Layout.Pages) {
				t.Errorf("the draft note printed %d times on %d pages", n, len(pk.Layout.Pages))
			}
		}
	}
}

// The capaian annex of a draft is a plain PDF too.
func TestDraftCapaianIsNotPDFA(t *testing.T) {
	t.Parallel()
	fsys, name := testutil.Rooted(testutil.Example(t, "jakarta-pusat-2023-tw3.toml"))
	for _, draft := range []bool{false, true} {
		res, err := RenderCapaian(Input{FS: fsys, Name: name}, CapaianOptions{Options: Options{PDFA: true, Draf: draft}})
		if err != nil {
			t.Fatal(err)
		}
		if pdfaClaim(res.PDF) == draft {
			t.Errorf("draft %v: PDF/A claim %v", draft, pdfaClaim(res.PDF))
		}
		if srcs, _, err := pdf.ReadSources(res.PDF); err != nil || len(srcs) < 2 {
			t.Errorf("draft %v: %d sources, %v", draft, len(srcs), err)
		}
	}
}
