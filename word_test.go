package pkgen

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pkgen/docx"
)

// docxParts opens a DOCX and returns its parts by name, each XML part
// checked to be well formed.
func docxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
		}
	}
	return parts
}

// wordElement is what the structure test reads of document.xml: sections,
// table rows and cells.
type wordBody struct {
	Sections []wordSection `xml:"body>p>pPr>sectPr"`
	Last     wordSection   `xml:"body>sectPr"`
	Tables   []struct {
		Rows []struct {
			Header *struct{} `xml:"trPr>tblHeader"`
			Split  *struct{} `xml:"trPr>cantSplit"`
			Cells  []struct {
				Merge *struct {
					Val string `xml:"val,attr"`
				} `xml:"tcPr>vMerge"`
				Text []string `xml:"p>r>t"`
			} `xml:"tc"`
		} `xml:"tr"`
	} `xml:"body>tbl"`
}

type wordSection struct {
	Size struct {
		W      int    `xml:"w,attr"`
		H      int    `xml:"h,attr"`
		Orient string `xml:"orient,attr"`
	} `xml:"pgSz"`
	Footer []struct{} `xml:"footerReference"`
}

func TestDOCXStructure(t *testing.T) {
	t.Parallel()
	in := Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"}
	res, err := RenderDOCX(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, res.DOCX)
	var body wordBody
	if err := xml.Unmarshal([]byte(parts["word/document.xml"]), &body); err != nil {
		t.Fatal(err)
	}
	// Two sections: the statement portrait, unnumbered; the lampiran
	// landscape with the page numbers.
	if len(body.Sections) != 1 {
		t.Fatalf("%d sections before the last, want 1 (the statement's)", len(body.Sections))
	}
	st, la := body.Sections[0], body.Last
	if st.Size.W >= st.Size.H || st.Size.Orient == "landscape" || len(st.Footer) != 0 {
		t.Errorf("statement section %+v: want portrait A4 without a footer", st)
	}
	if la.Size.W <= la.Size.H || la.Size.Orient != "landscape" || len(la.Footer) != 1 {
		t.Errorf("lampiran section %+v: want landscape with the footer", la)
	}
	if st.Size.W != la.Size.H || st.Size.W != 11906 {
		t.Errorf("paper %d×%d and %d×%d twips: want A4 both", st.Size.W, st.Size.H, la.Size.W, la.Size.H)
	}
	// The lampiran's table: header rows repeated and unsplittable, body
	// rows free to break, the first sasaran (two indicators) merged down.
	var lampiran *struct{ rows int }
	for _, tbl := range body.Tables {
		if len(tbl.Rows) < 10 {
			continue // the kop and signature tables
		}
		lampiran = &struct{ rows int }{len(tbl.Rows)}
		if h := tbl.Rows[0]; h.Header == nil || h.Split == nil || tbl.Rows[1].Header == nil {
			t.Error("the two header rows are not marked w:tblHeader and w:cantSplit")
		}
		var restart, cont int
		for _, r := range tbl.Rows[2:] {
			if r.Header != nil {
				t.Fatal("a body row is marked as a header")
			}
			if r.Split != nil {
				t.Fatal("a body row may not break across pages")
			}
			for _, c := range r.Cells {
				if c.Merge != nil && c.Merge.Val == "restart" {
					restart++
				} else if c.Merge != nil {
					cont++
				}
			}
		}
		// Row 2 is the group row; row 3 the first sasaran's first indicator.
		first := tbl.Rows[3].Cells
		if first[0].Merge == nil || first[0].Merge.Val != "restart" || strings.Join(first[0].Text, "") != "1" ||
			first[1].Merge == nil || first[1].Merge.Val != "restart" {
			t.Errorf("the first sasaran's number and name do not start a vertical merge: %+v", first[:2])
		}
		if second := tbl.Rows[4].Cells; second[0].Merge == nil || second[0].Merge.Val != "" || second[1].Merge == nil {
			t.Errorf("the first sasaran's second row does not continue the merge: %+v", second[:2])
		}
		if restart == 0 || cont < restart {
			t.Errorf("%d merges started, %d continued", restart, cont)
		}
	}
	if lampiran == nil {
		t.Fatal("no lampiran table")
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{"PERJANJIAN KINERJA", "DHANY SUKMA", "Sasaran Strategis", "Triwulan",
		// Markdown of the pengukuran as bold runs, not asterisks.
		`<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:t xml:space="preserve">DASAR HUKUM :</w:t>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if strings.Contains(doc, "**") {
		t.Error("literal Markdown ** in the document")
	}
	footer := parts["word/footer1.xml"]
	for _, want := range []string{`Halaman `, `w:instr=" PAGE "`, ` dari `, `w:instr=" NUMPAGES "`} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer lacks %q: %s", want, footer)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `w:ascii="Liberation Sans"`) || !strings.Contains(parts["word/fontTable.xml"], `w:name="Liberation Sans"`) {
		t.Error("Liberation Sans is not the document's font")
	}
	core := parts["docProps/core.xml"]
	for _, want := range []string{"<dc:title>Perjanjian Kinerja Tahun 2023 — Walikota Kota Administrasi Jakarta Pusat</dc:title>",
		"<dc:creator>pkgen</dc:creator>", "<dc:subject>PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2023</dc:subject>",
		"<cp:keywords>Perjanjian Kinerja, 2023,"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %q:\n%s", want, core)
		}
	}
	src, err := os.ReadFile("examples/jakarta-pusat-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	want := `name="` + docx.SourceProperty + `"><vt:lpwstr>` + hex.EncodeToString(sum[:]) + `</vt:lpwstr>`
	if !strings.Contains(parts["docProps/custom.xml"], want) {
		t.Errorf("custom.xml lacks the source's SHA-256:\n%s", parts["docProps/custom.xml"])
	}
}

// Every example that renders makes the same DOCX bytes twice, with every
// part well formed, the lampiran landscape and the kop's logo inline.
func TestDOCXDeterministic(t *testing.T) {
	t.Parallel()
	names, err := filepath.Glob("examples/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatal("no examples", err)
	}
	made := 0
	for _, name := range names {
		in := Input{FS: os.DirFS("examples"), Name: filepath.Base(name)}
		if IsRealisasi(in) {
			continue
		}
		a, err := RenderDOCX(in, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		b, err := RenderDOCX(in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.DOCX, b.DOCX) {
			t.Errorf("%s: two runs made different DOCX bytes", name)
		}
		parts := docxParts(t, a.DOCX)
		if !strings.Contains(parts["word/document.xml"], `w:orient="landscape"`) {
			t.Errorf("%s: no landscape section", name)
		}
		if a.Doc.Instansi.Logo != "" && !a.Doc.HanyaLampiran {
			if !strings.Contains(parts["word/document.xml"], `r:embed="rIdLogo"`) || parts["word/media/logo.png"] == "" && parts["word/media/logo.jpg"] == "" {
				t.Errorf("%s: the logo is not in the document", name)
			}
		}
		made++
	}
	t.Logf("%d examples", made)
}

// An eselon2 PK's DOCX has the budget table with the total pkgen
// computes, its rows kept on one page.
func TestDOCXBudgetTable(t *testing.T) {
	t.Parallel()
	in := Input{FS: os.DirFS("examples"), Name: "kabupaten-contoh-dinas-kesehatan-2024.toml"}
	res, err := RenderDOCX(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := docxParts(t, res.DOCX)["word/document.xml"]
	for _, want := range []string{">Program<", ">Anggaran (Rp)<", ">Jumlah<", ">256.083.808.350<", ">Program Pengendalian Penduduk<"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}
