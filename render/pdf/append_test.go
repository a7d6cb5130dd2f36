package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"pkgen/fonts"
	"pkgen/pesan"
	"pkgen/render"
	"pkgen/render/pdf/internal/pdfcpuconf"
	"pkgen/render/pdf/pdfacheck"
)

// rawPDF is a PDF of the given objects (numbered from 1, the first the
// catalog) with a classic cross-reference table: for structures no writer
// makes, such as trees that loop.
func rawPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// One page (objects 2 to 4), then whatever a test adds from object 5 on.
const (
	rawPages   = "<</Type /Pages /Kids [3 0 R] /Count 1>>"
	rawPage    = "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <<>>>>"
	rawContent = "<</Length 0>>\nstream\n\nendstream"
	rawSource  = "<</Type /EmbeddedFile /Length 10>>\nstream\ntahun = 1\n\nendstream"
)

// cyclicTrees are LKIPs whose trees reach a node twice. Each loops, or
// (the shared kids) takes 2^40 steps to walk without a visited set.
func cyclicTrees() map[string][]byte {
	shared := []string{"<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 5 0 R>>>>", rawPages, rawPage, rawContent}
	for i := range 40 {
		shared = append(shared, fmt.Sprintf("<</Kids [%d 0 R %d 0 R]>>", 6+i, 6+i))
	}
	shared = append(shared, "<</Names [(a.toml) 46 0 R]>>", "<</Type /Filespec /F (a.toml) /EF <</F 47 0 R>>>>", rawSource)
	return map[string][]byte{
		"name tree /Kids loop": rawPDF("<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 5 0 R>>>>", rawPages, rawPage, rawContent,
			"<</Kids [6 0 R]>>", "<</Kids [5 0 R 5 0 R] /Limits [(a) (z)]>>"),
		"name tree sharing kids 40 deep": rawPDF(shared...),
		"page tree loop": rawPDF("<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R 5 0 R] /Count 2>>", rawPage, rawContent,
			"<</Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1>>"),
		"outline /Next loop": rawPDF("<</Type /Catalog /Pages 2 0 R /Outlines 5 0 R>>", rawPages, rawPage, rawContent,
			"<</Type /Outlines /First 6 0 R /Last 7 0 R /Count 2>>",
			"<</Title (a) /Parent 5 0 R /Next 7 0 R /Dest [3 0 R /Fit]>>",
			"<</Title (b) /Parent 5 0 R /Prev 6 0 R /Next 6 0 R /Dest [3 0 R /Fit]>>"),
		"outline child is its parent": rawPDF("<</Type /Catalog /Pages 2 0 R /Outlines 5 0 R>>", rawPages, rawPage, rawContent,
			"<</Type /Outlines /First 6 0 R /Last 6 0 R /Count 1>>",
			"<</Title (a) /Parent 5 0 R /First 6 0 R /Last 6 0 R /Count 1 /Dest [3 0 R /Fit]>>"),
	}
}

// A name tree that loops or shares nodes is an error naming the object,
// not minutes and gigabytes (issue 12 saw both).
func TestReadSourcesCyclicNameTree(t *testing.T) {
	t.Parallel()
	for name, b := range cyclicTrees() {
		if !strings.HasPrefix(name, "name tree") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, _, err := ReadSources(b)
			if err == nil || !strings.Contains(err.Error(), "berputar") || !strings.Contains(err.Error(), "obj#") {
				t.Fatalf("err %v", err)
			}
		})
	}
	// The tree without the loop reads: the walk itself is sound.
	ok := rawPDF("<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 5 0 R>>>>", rawPages, rawPage, rawContent,
		"<</Kids [6 0 R]>>", "<</Names [(a.toml) 7 0 R] /Limits [(a.toml) (a.toml)]>>",
		"<</Type /Filespec /F (a.toml) /EF <</F 8 0 R>>>>", rawSource)
	srcs, check, err := ReadSources(ok)
	if err != nil || len(srcs) != 1 || srcs[0].Name != "a.toml" || string(srcs[0].Data) != "tahun = 1\n" {
		t.Fatalf("%v %q", err, srcs)
	}
	if check.Listed || !slices.Equal(check.Digests, []Digest{Unchecked}) {
		t.Errorf("check %+v", check)
	}
}

// An LKIP whose page tree, outline or name tree loops is refused with a
// message, before pdfcpu walks it.
func TestAppendCyclicLKIP(t *testing.T) {
	t.Parallel()
	annex := annexPDF(t)
	for name, b := range cyclicTrees() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, _, err := Append(b, annex, nil, time.Time{})
			if err == nil || out != nil {
				t.Fatalf("merged (%d bytes), err %v", len(out), err)
			}
			if !strings.Contains(err.Error(), "PDF LKIP rusak") {
				t.Errorf("err %v", err)
			}
		})
	}
}

// lkipDoc stands for an LKIP made by other software: two pages and a
// bookmark.
func lkipDoc() *render.Document {
	page := func(s string) render.Page {
		return render.Page{Width: 210, Height: 297, Texts: []render.Text{{X: 25, Y: 30, Style: fonts.Bold, Size: 14, S: s}}}
	}
	return &render.Document{
		Pages:   []render.Page{page("LAPORAN KINERJA"), page("BAB I")},
		Outline: []render.Bookmark{{Title: "LKIP"}},
		Meta:    render.Meta{Title: "LKIP 2025"},
	}
}

func annexPDF(t *testing.T) []byte {
	doc := lkipDoc()
	doc.Pages = doc.Pages[:1]
	doc.Pages[0].Texts[0].S = "CAPAIAN KINERJA"
	doc.Outline[0].Title = "Capaian"
	return mustBuild(t, doc, options{})
}

// A damaged LKIP that relaxed reading lets through but whose merge fails
// strict validation (a page whose /Parent is another object) is refused:
// before, it was merged with exit 0.
func TestAppendDamagedLKIP(t *testing.T) {
	t.Parallel()
	lkip := mustBuild(t, lkipDoc(), options{noCompress: true})
	bad := bytes.Replace(lkip, []byte("/Parent 1 0 R"), []byte("/Parent 9 0 R"), 1)
	if bytes.Equal(bad, lkip) {
		t.Fatal("no page /Parent to damage")
	}
	out, _, err := Append(bad, annexPDF(t), nil, time.Time{})
	if err == nil || out != nil || !strings.Contains(err.Error(), "validasi ketat") {
		t.Fatalf("merged (%d bytes), err %v", len(out), err)
	}
	// The undamaged LKIP merges.
	if _, _, err := Append(lkip, annexPDF(t), nil, time.Time{}); err != nil {
		t.Fatal(err)
	}
}

var realisasiSource = Source{Name: "pk-2025-tw3.toml", Desc: "realisasi", Data: []byte("pk = \"pk-2025.toml\"\ntriwulan = 3\n")}

// merge appends the annex with srcs and checks what every merge must give:
// strict validity, the LKIP's pages first, no PDF/A claim, and sources that
// read back checked, each once, the same in the name tree (and in qpdf).
func merge(t *testing.T, lkip []byte, srcs []Source, want map[string]string) []byte {
	t.Helper()
	created := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	out, pages, err := Append(lkip, annexPDF(t), srcs, created)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, out)
	if n, err := api.PageCount(bytes.NewReader(out), pdfcpuconf.New(model.ValidationRelaxed)); err != nil || n != pages+1 {
		t.Errorf("%d pages (%v), want LKIP %d + 1", n, err, pages)
	}
	r := pdfacheck.Check(out)
	if !r.Failed(pdfacheck.RulePDFAID) {
		t.Error("the merged PDF still claims PDF/A")
	}
	if bytes.Contains(out, []byte("<pdfaid:part>")) || bytes.Contains(out, []byte("pdfaid:part=")) {
		t.Error("a pdfaid claim is left in the file")
	}
	got, check, err := ReadSources(out)
	if err != nil {
		t.Fatal(err)
	}
	if !check.Listed {
		t.Error("the merged XMP does not list the sources")
	}
	names := map[string]string{}
	for i, s := range got {
		if _, twice := names[s.Name]; twice {
			t.Errorf("%s read twice", s.Name)
		}
		names[s.Name] = string(s.Data)
		if check.Digests[i] != SHA256 {
			t.Errorf("%s: checked %v, want SHA-256", s.Name, check.Digests[i])
		}
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("sources %q\nwant %q", names, want)
	}
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if q := qpdfAttachments(t, out); q != nil && !slices.Equal(q, keys) {
		t.Errorf("qpdf --list-attachments: %q, want %q", q, keys)
	}
	return out
}

// Merging into a pkgen PK PDF (PDF/A, with its sources): ekstrak worked on
// neither the merged file nor its claim before; now the claim goes, the
// shared source is attached once and every source reads back.
func TestAppendIntoPkgenPDF(t *testing.T) {
	t.Parallel()
	lkip := mustBuild(t, sampleDoc(t), archival)
	want := map[string]string{
		"pk-2025.toml":        string(sampleSources[0].Data),
		"lama/pk asal é.toml": string(sampleSources[1].Data),
		realisasiSource.Name:  string(realisasiSource.Data),
	}
	out := merge(t, lkip, []Source{realisasiSource, sampleSources[0]}, want)
	// The rest of the LKIP's metadata stays.
	if !bytes.Contains(out, []byte("Perjanjian Kinerja 2025</rdf:li>")) {
		t.Error("the LKIP's dc:title is gone")
	}
	// Sources the LKIP has already: nothing new is attached.
	delete(want, realisasiSource.Name)
	merge(t, lkip, sampleSources, want)
}

// A source whose name the LKIP uses for other bytes puts the annex's
// sources under a folder, all of them, so pk = "pk-2025.toml" still finds
// its file.
func TestAppendNameClash(t *testing.T) {
	t.Parallel()
	lkip := mustBuild(t, sampleDoc(t), archival)
	other := Source{Name: "pk-2025.toml", Data: []byte("tahun = 2025 # lain\n")}
	merge(t, lkip, []Source{realisasiSource, other}, map[string]string{
		"pk-2025.toml":                             string(sampleSources[0].Data),
		"lama/pk asal é.toml":                      string(sampleSources[1].Data),
		"lampiran-capaian/" + realisasiSource.Name: string(realisasiSource.Data),
		"lampiran-capaian/pk-2025.toml":            string(other.Data),
	})
}

// An LKIP of an older pkgen lists its sources in /AF only; the merged file
// lists them in the name tree too, so viewers show every source.
func TestAppendAFOnlyLKIP(t *testing.T) {
	t.Parallel()
	lkip := replaceOnce(t, mustBuild(t, sampleDoc(t), archival), "/Names <</EmbeddedFiles", "/Namex <</EmbeddedFiles")
	merge(t, lkip, []Source{realisasiSource}, map[string]string{
		"pk-2025.toml":        string(sampleSources[0].Data),
		"lama/pk asal é.toml": string(sampleSources[1].Data),
		realisasiSource.Name:  string(realisasiSource.Data),
	})
}

// An LKIP from other software (no XMP, no sources) gets a packet that
// lists the annex's sources.
func TestAppendPlainLKIP(t *testing.T) {
	t.Parallel()
	lkip := mustBuild(t, lkipDoc(), options{})
	merge(t, lkip, []Source{realisasiSource, sampleSources[0]}, map[string]string{
		"pk-2025.toml":       string(sampleSources[0].Data),
		realisasiSource.Name: string(realisasiSource.Data),
	})
	// Without sources, nothing is attached and no packet is added.
	out, _, err := Append(lkip, annexPDF(t), nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("pkgen:sumber")) || bytes.Contains(out, []byte("/EmbeddedFiles")) {
		t.Error("sources listed although none were given")
	}
}

// The PDF/A identification goes, in element and attribute form; the rest
// of the packet is copied; what cannot be rewritten is replaced.
func TestRewriteXMP(t *testing.T) {
	t.Parallel()
	in := `<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:a="http://www.aiim.org/pdfa/ns/id/" a:part="1" a:conformance="B" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B &lt;c&gt;</rdf:li></rdf:Alt></dc:title></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<!-- catatan -->
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`
	if !claimsPDFA([]byte(in)) {
		t.Fatal("claim not seen")
	}
	list := []byte("<rdf:Description>daftar</rdf:Description>\n")
	out, ok := rewriteXMP([]byte(in), list)
	if !ok {
		t.Fatal("not rewritten")
	}
	if claimsPDFA(out) {
		t.Errorf("claim left:\n%s", out)
	}
	for _, keep := range []string{`<?xpacket begin="` + "\uFEFF", `A &amp; B &lt;c&gt;</rdf:li>`, `xml:lang="x-default"`, "<!-- catatan -->", "daftar</rdf:Description>\n</rdf:RDF>", `<?xpacket end="w"?>`} {
		if !strings.Contains(string(out), keep) {
			t.Errorf("lost %q:\n%s", keep, out)
		}
	}
	for _, bad := range []string{"<x:xmpmeta>", "<rdf:RDF></rdf:RDF>", "<!DOCTYPE x>" + in} {
		if _, ok := rewriteXMP([]byte(bad), list); ok {
			t.Errorf("%.20q rewritten", bad)
		}
	}
}

// Validate waives exactly one pdfcpu rule: a PDF/A output fails pdfcpu's
// own strict validation on /AFRelationship in the name tree and on nothing
// else, and passes Validate; a fault elsewhere still fails Validate.
func TestValidateWaivesOneRule(t *testing.T) {
	t.Parallel()
	b := mustBuild(t, sampleDoc(t), archival)
	err := api.Validate(bytes.NewReader(b), strictConf())
	if err == nil || !strings.Contains(err.Error(), "AFRelationship: unsupported in version 1.7") {
		t.Fatalf("pdfcpu strict on PDF/A: %v", err)
	}
	if err := Validate(b); err != nil {
		t.Fatal(err)
	}
	// Without /AFRelationship the file passes pdfcpu as it is.
	noAF := bytes.ReplaceAll(b, []byte(" /AFRelationship /Source"), []byte("                        "))
	if err := api.Validate(bytes.NewReader(noAF), strictConf()); err != nil {
		t.Fatalf("without /AFRelationship: %v", err)
	}
	// A value PDF 2.0 does not allow is not waived.
	if err := Validate(replaceOnce(t, b, "/AFRelationship /Source", "/AFRelationship /Sourcx")); err == nil {
		t.Error("an invalid /AFRelationship passes")
	}
	if err := Validate(replaceOnce(t, b, "/Parent 1 0 R", "/Parent 9 0 R")); err == nil {
		t.Error("a broken page tree passes")
	}
}

// A panic inside a library becomes an error naming the panic and where it
// happened.
func TestCatch(t *testing.T) {
	t.Parallel()
	f := func() (err error) {
		defer catch(&err, pesan.Key("PDF rusak atau tidak dapat dibaca (%v)"))
		var m map[string]int
		m["x"] = 1 // panics
		return nil
	}
	err := f()
	if err == nil || !strings.Contains(err.Error(), "assignment to entry in nil map") || !strings.Contains(err.Error(), "pdf/append_test.go:") {
		t.Fatalf("err %v", err)
	}
}

// Reading, merging and validating from several goroutines at once share
// pdfcpu's configuration switch (set once) and nothing else: run with
// -race.
func TestConcurrentPDFCPU(t *testing.T) {
	t.Parallel()
	pk := mustBuild(t, sampleDoc(t), archival)
	lkip := mustBuild(t, lkipDoc(), options{})
	annex := annexPDF(t)
	errs := make(chan error, 12)
	for range 4 {
		go func() { _, _, err := ReadSources(pk); errs <- err }()
		go func() { errs <- Validate(pk) }()
		go func() { _, _, err := Append(lkip, annex, sampleSources, time.Time{}); errs <- err }()
	}
	for range 12 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// ReadSources reads PDFs of earlier pkgen versions, whose XMP list has its
// fields in the schema's namespace, and checks them as before.
func TestReadSourcesOlderList(t *testing.T) {
	t.Parallel()
	b := mustBuild(t, sampleDoc(t), archival)
	decl := `xmlns:pkgenBerkas="` + nsBerkas + `"`
	old := `xmlns:pkgenBerkas="` + nsSumber + `"`
	b = replaceOnce(t, b, decl, old+strings.Repeat(" ", len(decl)-len(old)))
	srcs, check, err := ReadSources(b)
	if err != nil || len(srcs) != 2 || !check.Listed || !slices.Equal(check.Digests, []Digest{SHA256, SHA256}) {
		t.Fatalf("%v %q %+v", err, srcs, check)
	}
	// A wrong digest in that list is still found.
	i := bytes.Index(b, []byte("<pkgenBerkas:sha256>")) + len("<pkgenBerkas:sha256>")
	bad := bytes.Clone(b)
	bad[i] ^= 1
	if _, _, err := ReadSources(bad); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("tampered digest: %v", err)
	}
}
