package pkgen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/docx"
)

// capaianBody is what the capaian test reads of document.xml: one
// section, the tables with their rows' flags and cells' merge, alignment
// and text.
type capaianBody struct {
	Sections []wordSection `xml:"body>p>pPr>sectPr"`
	Last     wordSection   `xml:"body>sectPr"`
	Tables   []struct {
		Rows []struct {
			Header *struct{} `xml:"trPr>tblHeader"`
			Cells  []struct {
				Merge *struct {
					Val string `xml:"val,attr"`
				} `xml:"tcPr>vMerge"`
				Fill  []xmlVal `xml:"tcPr>shd"`
				Paras []struct {
					Jc   xmlVal   `xml:"pPr>jc"`
					Text []string `xml:"r>t"`
				} `xml:"p"`
			} `xml:"tc"`
		} `xml:"tr"`
	} `xml:"body>tbl"`
}

type xmlVal struct {
	Val  string `xml:"val,attr"`
	Fill string `xml:"fill,attr"`
}

// The capaian annex as DOCX: one landscape section with the page numbers,
// the capaian table (two header rows repeated, sasaran merged down,
// figures as right-aligned text with the PDF's values, category tints),
// the summary, the chart as PNG pictures, the signatures with --ttd, the
// report's hash, the same bytes every run.
func TestCapaianDOCX(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"jakarta-pusat-2023-tw3.toml", "kota-contoh-lkip-2024-tw4.toml"} {
		in := Input{FS: os.DirFS("examples"), Name: name}
		res, err := CapaianDOCX(in, CapaianOptions{TandaTangan: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := CapaianDOCX(in, CapaianOptions{TandaTangan: true})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(res.DOCX, again.DOCX) {
			t.Errorf("%s: two runs made different bytes", name)
		}
		parts := docxParts(t, res.DOCX)
		var body capaianBody
		if err := xml.Unmarshal([]byte(parts["word/document.xml"]), &body); err != nil {
			t.Fatal(err)
		}
		if len(body.Sections) != 0 || body.Last.Size.Orient != "landscape" || body.Last.Size.W <= body.Last.Size.H || len(body.Last.Footer) != 1 {
			t.Errorf("%s: sections %+v, last %+v: want one landscape section with the footer", name, body.Sections, body.Last)
		}
		if len(body.Tables) < 3 {
			t.Fatalf("%s: %d tables, want the capaian table, the summary and the signatures", name, len(body.Tables))
		}
		capaian := body.Tables[0]
		if capaian.Rows[0].Header == nil || capaian.Rows[1].Header == nil || capaian.Rows[2].Header != nil {
			t.Errorf("%s: the two header rows (only) are to repeat", name)
		}
		restart, right, tinted := 0, 0, 0
		percent := regexp.MustCompile(`^-?[0-9.]+,[0-9]{2}%$`)
		for _, r := range capaian.Rows[2:] {
			for _, c := range r.Cells {
				if c.Merge != nil && c.Merge.Val == "restart" {
					restart++
				}
				for _, f := range c.Fill {
					if f.Fill != "" {
						tinted++
					}
				}
				for _, p := range c.Paras {
					if text := strings.Join(p.Text, ""); percent.MatchString(text) {
						if p.Jc.Val != "right" {
							t.Errorf("%s: capaian %q aligned %q, want right", name, text, p.Jc.Val)
						}
						right++
					}
				}
			}
		}
		if restart == 0 || right == 0 || tinted == 0 {
			t.Errorf("%s: %d merges, %d right-aligned capaian, %d tinted categories", name, restart, right, tinted)
		}
		doc := parts["word/document.xml"]
		for _, want := range []string{"CAPAIAN KINERJA", "RINGKASAN CAPAIAN", "GRAFIK CAPAIAN", "Seluruh Indikator", `r:embed="rIdMedia1"`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: document.xml lacks %q", name, want)
			}
		}
		if !strings.Contains(doc, "<w:u ") {
			t.Errorf("%s: no signature (--ttd)", name)
		}
		img, err := png.Decode(strings.NewReader(parts["word/media/grafik1.png"]))
		if err != nil {
			t.Fatalf("%s: the chart: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 100 {
			t.Errorf("%s: chart %v px", name, b)
		}
		if !strings.Contains(parts["word/footer1.xml"], `w:instr=" PAGE "`) {
			t.Errorf("%s: no page numbers", name)
		}
		src, err := os.ReadFile("examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(src)
		if want := `name="` + docx.SourceProperty + `"><vt:lpwstr>` + hex.EncodeToString(sum[:]); !strings.Contains(parts["docProps/custom.xml"], want) {
			t.Errorf("%s: custom.xml lacks the report's SHA-256", name)
		}
		if !strings.Contains(parts["docProps/core.xml"], "<cp:keywords>Capaian Kinerja, Triwulan") {
			t.Errorf("%s: core.xml: %s", name, parts["docProps/core.xml"])
		}
	}
}

// Without --ttd the annex is unsigned, as the PDF's.
func TestCapaianDOCXUnsigned(t *testing.T) {
	t.Parallel()
	res, err := CapaianDOCX(Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023-tw3.toml"}, CapaianOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The signatory's name is the one underlined text.
	if doc := docxParts(t, res.DOCX)["word/document.xml"]; strings.Contains(doc, "<w:u ") {
		t.Error("an unsigned annex has a signature")
	}
}

// The paraf boxes stand in the statement section's first-page footer
// (paraf_di default), or in the footer of every section (paraf_di =
// "semua"), with each jabatan and nama.
func TestDOCXParaf(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("examples/kementerian-contoh-balai-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	logo, err := os.ReadFile("examples/lambang.png")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "[tanda_tangan]") {
		t.Fatal("the example has a [tanda_tangan] table: set paraf_di in it")
	}
	every := string(src) + "\n[tanda_tangan]\nparaf_di = \"semua\"\n"
	for _, tc := range []struct {
		name, text string
		every      bool
	}{{"statement", string(src), false}, {"semua", every, true}} {
		fsys := fstest.MapFS{"pk.toml": {Data: []byte(tc.text)}, "lambang.png": {Data: logo}}
		res, err := RenderDOCX(Input{FS: fsys, Name: "pk.toml"}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		parts := docxParts(t, res.DOCX)
		var body wordBody
		if err := xml.Unmarshal([]byte(parts["word/document.xml"]), &body); err != nil {
			t.Fatal(err)
		}
		doc := parts["word/document.xml"]
		paraf := parts["word/footer2.xml"]
		for _, want := range []string{"Kepala Bagian Umum", "Dedi Kurniawan", "Kepala Seksi Perencanaan"} {
			if !strings.Contains(paraf, want) {
				t.Errorf("%s: the paraf footer lacks %q", tc.name, want)
			}
		}
		if tc.every {
			if strings.Contains(doc, "w:titlePg") || strings.Count(doc, `r:id="rIdFooter2"`) != 2 {
				t.Errorf("%s: not every section's footer has the paraf boxes", tc.name)
			}
		} else if !strings.Contains(doc, `<w:footerReference w:type="first" r:id="rIdFooter2"/>`) || !strings.Contains(doc, "<w:titlePg/>") ||
			strings.Contains(doc, `w:type="default" r:id="rIdFooter2"`) {
			t.Errorf("%s: the paraf boxes are not the statement's first-page footer alone", tc.name)
		}
	}
}

// A PK Perubahan with daftar_perubahan ends with its Daftar Perubahan:
// the title on a new page, the group rows and the changes.
func TestDOCXDaftarPerubahan(t *testing.T) {
	t.Parallel()
	res, err := RenderDOCX(Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023-perubahan-1.toml"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := docxParts(t, res.DOCX)["word/document.xml"]
	at := strings.Index(doc, "DAFTAR PERUBAHAN")
	if at < 0 {
		t.Fatal("no Daftar Perubahan")
	}
	if p := strings.LastIndex(doc[:at], "<w:p>"); !strings.Contains(doc[p:at], "<w:pageBreakBefore/>") {
		t.Error("the Daftar Perubahan does not start a page")
	}
	for _, want := range []string{"Perubahan Para Pihak", "Sasaran/Indikator yang Ditambah", "Sasaran/Indikator yang Dihapus", "Sasaran/Indikator yang Diubah", ">IK-01<", ">Target Tahunan<"} {
		if !strings.Contains(doc[at:], want) {
			t.Errorf("the Daftar Perubahan lacks %q", want)
		}
	}
}

// Markdown lists are Word lists: a bullet or decimal numbering per list,
// restarting at the list's first number, the marker no longer text.
func TestDOCXLists(t *testing.T) {
	t.Parallel()
	res, err := RenderDOCX(Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023.toml"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, res.DOCX)
	doc, numbering := parts["word/document.xml"], parts["word/numbering.xml"]
	if numbering == "" || !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="numbering.xml"`) ||
		!strings.Contains(parts["[Content_Types].xml"], "numbering+xml") {
		t.Fatal("no numbering part")
	}
	for _, want := range []string{`<w:numFmt w:val="bullet"/>`, `<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>`} {
		if !strings.Contains(numbering, want) {
			t.Errorf("numbering.xml lacks %q", want)
		}
	}
	used := regexp.MustCompile(`<w:numId w:val="([0-9]+)"/>`).FindAllStringSubmatch(doc, -1)
	lists := map[string]bool{}
	for _, m := range used {
		lists[m[1]] = true
	}
	nums := strings.Count(numbering, "<w:num ")
	if len(lists) < 2 || len(lists) != nums || strings.Count(numbering, "<w:startOverride") != nums {
		t.Errorf("%d lists used, %d instances: want one restarting instance per list", len(lists), nums)
	}
	if regexp.MustCompile(`<w:t xml:space="preserve">(•|[0-9]+\.)</w:t></w:r><w:r>(<w:rPr>.*?</w:rPr>)?<w:tab/>`).MatchString(doc) {
		t.Error("a list marker is still text")
	}
}

// BenchmarkCapaianDOCX: the seed report's capaian annex as DOCX, the
// chart's PNG included.
func BenchmarkCapaianDOCX(b *testing.B) {
	in := Input{FS: os.DirFS("examples"), Name: "jakarta-pusat-2023-tw3.toml"}
	for b.Loop() {
		if _, err := CapaianDOCX(in, CapaianOptions{TandaTangan: true}); err != nil {
			b.Fatal(err)
		}
	}
}
