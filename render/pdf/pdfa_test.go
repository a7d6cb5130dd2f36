package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"pkgen/fonts"
	"pkgen/render"
	"pkgen/render/pdf/internal/pdfcpuconf"
	"pkgen/render/pdf/pdfacheck"
	"pkgen/render/pdf/strict"
)

var sampleSources = []Source{
	{Name: "pk-2025.toml", Desc: "PK", Data: []byte("tahun = 2025\ntempat = \"Jakarta\"\n")},
	{Name: "lama/pk asal é.toml", Desc: "PK yang diubah", Data: []byte("tahun = 2025 # (versi asal) \\ ü\n")},
}

// archival are the options of a PDF/A with two sources.
var archival = options{Options: Options{PDFA: true, Sources: sampleSources}}

// plainWithSources are those of a plain PDF with the same sources.
var plainWithSources = options{Options: Options{Sources: sampleSources}}

func mustCheck(t *testing.T, b []byte) *pdfacheck.Report {
	t.Helper()
	r := pdfacheck.Check(b)
	for _, p := range r.Problems {
		t.Errorf("PDF/A: %s", p)
	}
	return r
}

// The PDF/A output passes the structural checker and pdfcpu's strict
// validation, and its XMP lists the sources with their SHA-256.
func TestPDFAStructure(t *testing.T) {
	t.Parallel()
	b := mustBuild(t, sampleDoc(t), archival)
	validate(t, b)
	r := mustCheck(t, b)
	if len(r.Sources) != len(sampleSources) {
		t.Fatalf("XMP sources %v", r.Sources)
	}
	for _, s := range sampleSources {
		sum := sha256.Sum256(s.Data)
		if r.Sources[s.Name] != hex.EncodeToString(sum[:]) {
			t.Errorf("XMP sha256 of %s = %q", s.Name, r.Sources[s.Name])
		}
	}
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q", b[:9])
	}
	// Without sources, and uncompressed, it is still PDF/A.
	b = mustBuild(t, sampleDoc(t), options{Options: Options{PDFA: true}, noCompress: true})
	validate(t, b)
	mustCheck(t, b)
}

// A plain document fails every rule it does not meet by itself: no XMP,
// no output intent, no ID, a transparent image, sources without
// /AFRelationship.
func TestPDFACheckerFailsPlain(t *testing.T) {
	t.Parallel()
	b := mustBuild(t, sampleDoc(t), plainWithSources)
	validate(t, b)
	r := pdfacheck.Check(b)
	want := []string{pdfacheck.RuleXMP, pdfacheck.RulePDFAID, pdfacheck.RuleInfo, pdfacheck.RuleDates,
		pdfacheck.RuleOutputIntent, pdfacheck.RuleID, pdfacheck.RuleTransparency, pdfacheck.RuleEmbedded}
	if got := r.Rules(); !slices.Equal(got, want) {
		t.Errorf("failed rules %v, want %v\n%v", got, want, r.Problems)
	}
}

// replaceOnce swaps one occurrence of old for new of the same length, so
// every offset stays valid.
func replaceOnce(t *testing.T, b []byte, old, new string) []byte {
	t.Helper()
	if len(old) != len(new) {
		t.Fatalf("%q and %q differ in length", old, new)
	}
	i := bytes.Index(b, []byte(old))
	if i < 0 {
		t.Fatalf("%q not in the PDF", old)
	}
	out := slices.Clone(b)
	copy(out[i:], new)
	return out
}

// edit changes a PDF through pdfcpu and writes it again.
func edit(t *testing.T, b []byte, f func(ctx *model.Context)) []byte {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(b), pdfcpuconf.New(model.ValidationRelaxed))
	if err != nil {
		t.Fatal(err)
	}
	f(ctx)
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func catalog(t *testing.T, ctx *model.Context) types.Dict {
	t.Helper()
	d, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The checker fails on a document that misses each requirement in turn.
func TestPDFACheckerFailsEachRule(t *testing.T) {
	t.Parallel()
	good := mustBuild(t, sampleDoc(t), archival)
	tamper := func(old, new string) func(*testing.T) []byte {
		return func(t *testing.T) []byte { return replaceOnce(t, good, old, new) }
	}
	cases := []struct {
		rule string
		make func(*testing.T) []byte
	}{
		{pdfacheck.RuleHeader, tamper("%\xc2\xb5\xc2\xb6\n", "%abcd\n")},
		{pdfacheck.RuleHeader, tamper("%PDF-1.7", "%PDF-1.8")},
		{pdfacheck.RuleXMP, tamper("/Metadata ", "/Metadatx ")},
		{pdfacheck.RuleXMP, tamper("</x:xmpmeta>", "</x:xmpmetb>")},
		{pdfacheck.RulePDFAID, tamper("<pdfaid:part>3<", "<pdfaid:part>2<")},
		{pdfacheck.RulePDFAID, tamper("<pdfaid:conformance>B<", "<pdfaid:conformance>U<")},
		{pdfacheck.RuleInfo, tamper("<pdf:Producer>pkgen<", "<pdf:Producer>pkgem<")},
		{pdfacheck.RuleInfo, tamper("Perjanjian Kinerja 2025</rdf:li>", "Perjanjian Kinerja 2026</rdf:li>")},
		{pdfacheck.RuleDates, tamper("<xmp:CreateDate>2025", "<xmp:CreateDate>2024")},
		{pdfacheck.RuleDates, tamper("<xmp:ModifyDate>2025-01-02T03:04:05Z", "<xmp:ModifyDate>2025-01-02T03:04:06Z")},
		{pdfacheck.RuleDates, tamper("/CreationDate (D:20250102030405+00'00')", "/CreationDate (D:20250102030405)       ")},
		{pdfacheck.RuleExtension, tamper("<pdfaProperty:name>sumber<", "<pdfaProperty:name>sumbex<")},
		{pdfacheck.RuleValueType, tamper("<pdfaProperty:valueType>seq Sumber<", "<pdfaProperty:valueType>Seq Sumber<")},
		{pdfacheck.RuleValueType, tamper("<pdfaType:type>Sumber<", "<pdfaType:type>Sumbex<")},
		{pdfacheck.RuleValueType, tamper("<pdfaField:name>nama<", "<pdfaField:name>namx<")},
		{pdfacheck.RuleValueType, tamper(`xmlns:pkgenBerkas="`+nsBerkas+`"`, `xmlns:pkgenBerkas="`+nsBerkas[:len(nsBerkas)-1]+`#"`)},
		{pdfacheck.RuleOutline, tamper("/Last 30 0 R /Count 4>>", "/Last 30 0 R /Cxunt 4>>")},
		{pdfacheck.RuleEmbedded, tamper("/Names <</EmbeddedFiles", "/Namex <</EmbeddedFiles")},
		{pdfacheck.RuleOutputIntent, tamper("/OutputIntents ", "/OutputIntentz ")},
		{pdfacheck.RuleOutputIntent, tamper("/S /GTS_PDFA1", "/S /GTS_PDFX1")},
		{pdfacheck.RuleOutputIntent, tamper("/N 3 /Alternate", "/N 4 /Alternate")},
		{pdfacheck.RuleID, tamper("/ID [", "/IX [")},
		{pdfacheck.RuleFonts, tamper("/FontFile2 ", "/FontFileX ")},
		{pdfacheck.RuleEmbedded, tamper("/AFRelationship /Source", "/AFRelationshix /Source")},
		{pdfacheck.RuleEmbedded, tamper("/AF [", "/AX [")},
		{pdfacheck.RuleEmbedded, tamper("/Subtype /application#2Ftoml", "/Subtypx /application#2Ftoml")},
		{pdfacheck.RuleEncrypt, func(t *testing.T) []byte {
			conf := model.NewAESConfiguration("", "pemilik", 256)
			var out bytes.Buffer
			if err := api.Encrypt(bytes.NewReader(good), &out, conf); err != nil {
				t.Fatal(err)
			}
			return out.Bytes()
		}},
		{pdfacheck.RuleJavaScript, func(t *testing.T) []byte {
			return edit(t, good, func(ctx *model.Context) {
				catalog(t, ctx)["OpenAction"] = types.Dict{"S": types.Name("JavaScript"), "JS": types.StringLiteral("app.alert(1)")}
			})
		}},
		{pdfacheck.RuleExternal, func(t *testing.T) []byte {
			return edit(t, good, func(ctx *model.Context) {
				catalog(t, ctx)["OpenAction"] = types.Dict{"S": types.Name("Launch"), "F": types.StringLiteral("calc.exe")}
			})
		}},
		{pdfacheck.RuleTransparency, func(t *testing.T) []byte {
			return edit(t, good, func(ctx *model.Context) {
				// As fpdf writes it on pages once an image has alpha.
				catalog(t, ctx)["Test"] = types.Dict{"Group": types.Dict{"Type": types.Name("Group"), "S": types.Name("Transparency"), "CS": types.Name("DeviceRGB")}}
			})
		}},
		{pdfacheck.RuleTransparency, func(t *testing.T) []byte {
			return edit(t, good, func(ctx *model.Context) {
				catalog(t, ctx)["Test"] = types.Dict{"Type": types.Name("ExtGState"), "ca": types.Float(0.5)}
			})
		}},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			r := pdfacheck.Check(c.make(t))
			if !r.Failed(c.rule) {
				t.Errorf("rule %s not reported; got %v", c.rule, r.Problems)
			}
		})
	}
}

// A file-specific trailer ID keeps output reproducible: two renders are
// identical, and another document gets another ID.
func TestPDFADeterministic(t *testing.T) {
	t.Parallel()
	a, b := mustBuild(t, sampleDoc(t), archival), mustBuild(t, sampleDoc(t), archival)
	if !bytes.Equal(a, b) {
		t.Fatal("two PDF/A renders differ")
	}
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]`)
	m := id.FindSubmatch(a)
	if m == nil || !bytes.Equal(m[1], m[2]) {
		t.Fatalf("trailer ID: %q", m)
	}
	doc := sampleDoc(t)
	doc.Meta.Title += "."
	m2 := id.FindSubmatch(mustBuild(t, doc, archival))
	if m2 == nil || bytes.Equal(m[1], m2[1]) {
		t.Error("another document has the same ID")
	}
	// The ID is the hash of the file with the ID zeroed.
	zero := bytes.Replace(a, m[0], []byte("/ID ["+idPlaceholder+idPlaceholder+"]"), 1)
	sum := sha256.Sum256(zero)
	if hex.EncodeToString(sum[:16]) != string(m[1]) {
		t.Error("ID is not the file's hash")
	}
}

// Images are opaque in PDF/A: no soft mask, and a padded image clipped to
// its box. (CMYK JPEGs are converted too, but Go cannot write one to test.)
func TestPDFAImagesOpaque(t *testing.T) {
	t.Parallel()
	doc := sampleDoc(t)
	p := &doc.Pages[0]
	// A second image of the same width is padded (see imageSet).
	p.Images = append(p.Images, render.Image{X: 20, Y: 130, W: 20, H: 10,
		Data: pngImage(t, 40, 20, color.NRGBA{0, 0, 200, 128}), Type: "png", Name: "other"})
	b := mustBuild(t, doc, options{Options: archival.Options, noCompress: true})
	validate(t, b)
	mustCheck(t, b)
	if bytes.Contains(b, []byte("/SMask")) {
		t.Error("soft mask in PDF/A")
	}
	// The padded image is drawn inside a clip of its box.
	contents := string(contentStreams(t, b)[0])
	if !regexp.MustCompile(`q [\d.]+ [\d.]+ [\d.]+ -?[\d.]+ re W n\s+q [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm /I\w+ Do Q\s+Q`).MatchString(contents) {
		t.Errorf("padded image not clipped:\n%s", contents)
	}

}

// Invisible text is drawn in render mode 3 and still extracted.
func TestInvisibleText(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	anchor := text(50, 100, fonts.Regular, 10, "#ttd#")
	anchor.Invisible = true
	doc.Pages[0].Texts = []render.Text{text(10, 20, fonts.Regular, 10, "terlihat"), anchor, text(10, 120, fonts.Regular, 10, "lagi")}
	b := mustBuild(t, doc, options{noCompress: true})
	validate(t, b)
	cs := string(contentStreams(t, b)[0])
	if !regexp.MustCompile(`3 Tr\s+BT [\d.]+ [\d.]+ Td \(.*\) Tj ET\s+0 Tr`).MatchString(cs) {
		t.Errorf("anchor not in render mode 3:\n%s", cs)
	}
	if got := pageText(t, b, 1); !strings.Contains(got, "#ttd#") || !strings.Contains(got, "lagi") {
		t.Errorf("text not extracted: %q", got)
	}
}

// Both kinds list their sources in the EmbeddedFiles name tree, so viewers
// and qpdf show them; a PDF/A one lists the same file specifications in
// the catalog's /AF too, with /AFRelationship; a plain one has no /AF.
func TestSourcesNameTreeAndAF(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		opt  options
	}{{"PDF/A", archival}, {"plain", plainWithSources}} {
		t.Run(c.name, func(t *testing.T) {
			b := mustBuild(t, sampleDoc(t), c.opt)
			validate(t, b)
			ctx := readContext(t, b)
			// The one rule Validate waives; see TestValidateWaivesOneRule.
			strict.WaiveAFRelationship(ctx)
			if err := api.ValidateContext(ctx); err != nil {
				t.Fatal(err)
			}
			list, err := ctx.ListAttachments()
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range list {
				names = append(names, a.FileName)
			}
			slices.Sort(names)
			want := []string{"lama/pk asal é.toml", "pk-2025.toml"}
			if !slices.Equal(names, want) {
				t.Errorf("name tree attachments %q, want %q", names, want)
			}
			if got := qpdfAttachments(t, b); got != nil && !slices.Equal(got, want) {
				t.Errorf("qpdf --list-attachments: %q, want %q", got, want)
			}
			af := regexp.MustCompile(`/AF \[(\d+) 0 R (\d+) 0 R\]`).FindSubmatch(b)
			if !c.opt.PDFA {
				if af != nil || bytes.Contains(b, []byte("/AFRelationship")) {
					t.Error("plain PDF with /AF")
				}
				return
			}
			if af == nil {
				t.Fatal("PDF/A without /AF of both sources")
			}
			tree := regexp.MustCompile(`/EmbeddedFiles <</Names \[\([^)]*\) (\d+) 0 R \([^)]*\) (\d+) 0 R\]`).FindSubmatch(b)
			if tree == nil {
				t.Fatal("name tree not found")
			}
			inAF := []string{string(af[1]), string(af[2])}
			inTree := []string{string(tree[1]), string(tree[2])}
			slices.Sort(inAF)
			slices.Sort(inTree)
			if !slices.Equal(inAF, inTree) {
				t.Errorf("/AF lists %v, the name tree %v: not the same file specifications", inAF, inTree)
			}
		})
	}
}

// qpdfAttachments lists a PDF's attachments with qpdf, nil without qpdf
// (outside CI).
func qpdfAttachments(t *testing.T, b []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf not installed")
		}
		t.Log("qpdf not installed; attachments not listed with it")
		return nil
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--list-attachments", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	var names []string
	for _, l := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutSuffix(l, " -> "); ok {
			names = append(names, n)
		} else if n, _, ok := strings.Cut(l, " -> "); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

func TestSourceNames(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "/abs.toml", "../x.toml", "a/../b.toml", "a//b.toml", "c:x.toml", "a\\b.toml", "x\n.toml"} {
		if _, err := Bytes(sampleDoc(t), Options{PDFA: true, Sources: []Source{{Name: bad, Data: []byte("x")}}}); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	if _, err := Bytes(sampleDoc(t), Options{Sources: []Source{{Name: "a.toml"}, {Name: "a.toml"}}}); err == nil {
		t.Error("duplicate name accepted")
	}
}

// PDF/A never shows the .notdef glyph: runes the font lacks become '?'.
func TestPDFANoNotdef(t *testing.T) {
	t.Parallel()
	doc := &render.Document{Pages: []render.Page{page(a4P)}}
	doc.Pages[0].Texts = []render.Text{text(10, 20, fonts.Regular, 10, "target 😀 ✓ tercapai")}
	got := pageText(t, mustBuild(t, doc, options{Options: Options{PDFA: true}}), 1)
	if !strings.Contains(got, "target ? ? tercapai") {
		t.Errorf("text %q", got)
	}
	if got := pageText(t, mustBuild(t, doc, options{}), 1); strings.Contains(got, "?") {
		t.Errorf("plain PDF changed the text: %q", got)
	}
}
