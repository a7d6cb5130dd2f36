package pdf

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/render"
	"pkgen/templates"
)

// Apache PDFBox Preflight, an independent PDF/A validator, from Debian's
// libpdfbox2-java (with libactivation-java, libjaxb-api-java and
// libcommons-logging-java). It checks PDF/A-1b, whose rules mostly hold in
// PDF/A-3b too; allowedFindings are the differences.
var preflightJars = []string{"preflight.jar", "pdfbox2.jar", "xmpbox.jar", "fontbox2.jar", "javax.activation.jar", "jaxb-api.jar", "commons-logging.jar"}

const javaDir = "/usr/share/java"

// allowedFindings are the Preflight (PDF/A-1b) error codes PDF/A-3b
// permits, each with the reason. Nothing else may be reported.
var allowedFindings = map[string]string{
	"1.2.9":  "an embedded file in a file specification: PDF/A-1 forbids embedded files, PDF/A-3 (ISO 19005-3, 6.8) allows them, each with /AFRelationship and listed in /AF",
	"1.4.7":  "an EmbeddedFiles entry in the Names dictionary: forbidden in PDF/A-1 for the same reason, allowed in PDF/A-3",
	"7.11.2": "pdfaid:part is 3, not 1: the file claims PDF/A-3b, and Preflight validates PDF/A-1 only",
}

// finding is one error Preflight reports.
type finding struct {
	Code    string `xml:"code"`
	Details string `xml:"details"`
}

func (f finding) String() string { return f.Code + " " + f.Details }

// preflight validates the PDFs in one run of the validator (a JVM start
// costs a second or two) and returns each file's findings. Without Java or
// the jars it skips, unless CI is set.
func preflight(t *testing.T, pdfs map[string][]byte) map[string][]finding {
	t.Helper()
	cp := make([]string, len(preflightJars))
	for i, j := range preflightJars {
		cp[i] = filepath.Join(javaDir, j)
	}
	_, err := exec.LookPath("java")
	for _, j := range cp {
		if err == nil {
			_, err = os.Stat(j)
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PDFBox Preflight not installed (%v): apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java", err)
		}
		t.Skipf("PDFBox Preflight not installed (%v); apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java", err)
	}
	dir := t.TempDir()
	var list strings.Builder
	for name, b := range pdfs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		list.WriteString(p + "\n")
	}
	listPath := filepath.Join(dir, "daftar.txt")
	if err := os.WriteFile(listPath, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// A short run: the quick compiler alone and a serial collector start
	// and finish sooner.
	cmd := exec.Command("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", strings.Join(cp, string(os.PathListSeparator)),
		"org.apache.pdfbox.preflight.Validator_A1b", "xml", "group", listPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("preflight: %v\n%s", err, out)
	}
	data, err := os.ReadFile(listPath + ".preflight.xml")
	if err != nil {
		t.Fatalf("preflight wrote no report: %v", err)
	}
	var rep struct {
		Files []struct {
			Name     string    `xml:"name,attr"`
			Valid    *string   `xml:"isValid"`
			Findings []finding `xml:"errors>error"`
		} `xml:"preflight"`
	}
	if err := xml.Unmarshal(data, &rep); err != nil {
		t.Fatalf("preflight report: %v\n%s", err, data)
	}
	out := map[string][]finding{}
	for _, f := range rep.Files {
		if f.Valid == nil {
			t.Errorf("%s: preflight gave no verdict (did it fail on the file?)", f.Name)
		}
		out[f.Name] = f.Findings
	}
	for name := range pdfs {
		if _, ok := out[name]; !ok {
			t.Errorf("%s: not in the preflight report\n%s", name, data)
		}
	}
	return out
}

// disallowed are the findings allowedFindings does not permit.
func disallowed(fs []finding) []finding {
	var out []finding
	for _, f := range fs {
		if _, ok := allowedFindings[f.Code]; !ok {
			out = append(out, f)
		}
	}
	return out
}

// exampleOutputs makes the PDF/A outputs of every example as the commands
// do: each PK (and the first with electronic signature blocks), each
// realisasi report's capaian annex (unsigned, and signed with electronic
// blocks), with their sources embedded. plain is the first PK as a plain
// PDF (--pdfa=none).
func exampleOutputs(t *testing.T) (pdfa map[string][]byte, plain []byte) {
	t.Helper()
	fsys := os.DirFS(testutil.Example(t, ""))
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	slices.Sort(names)
	pdfa = map[string][]byte{}
	write := func(name string, laid *render.Document, opt Options) []byte {
		b, err := Bytes(laid, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pdfa[name] = b
		return b
	}
	tte := true
	for _, name := range names {
		base := strings.TrimSuffix(name, ".toml")
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if model.IsRealisasi(raw) {
			lap, probs, err := model.LoadRealisasi(fsys, name)
			if err != nil || lap == nil || lap.Dokumen == nil {
				t.Fatalf("%s: %v %v", name, err, probs)
			}
			srcs := append([]Source{{Name: lap.File, Desc: "laporan realisasi", Data: lap.Raw}}, versions(lap.Dokumen)...)
			set := templateSet(t, fsys, lap.Dokumen)
			for _, v := range []struct {
				suffix   string
				ttd, tte bool
			}{{".capaian.pdf", false, false}, {".capaian-ttd-tte.pdf", true, true}} {
				laid, err := render.LayoutCapaian(lap, render.CapaianOptions{Options: render.Options{Templates: set, TTE: v.tte}, TandaTangan: v.ttd})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				write(base+v.suffix, laid, Options{PDFA: true, Sources: srcs})
			}
			continue
		}
		doc, probs, err := model.Load(fsys, name)
		if err != nil || doc == nil {
			t.Fatalf("%s: %v %v", name, err, probs)
		}
		opt := render.Options{Templates: templateSet(t, fsys, doc)}
		laid, err := render.Layout(doc, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		srcs := versions(doc)
		write(base+".pdf", laid, Options{PDFA: true, Sources: srcs})
		if tte {
			tte = false
			if plain, err = Bytes(laid, Options{Sources: srcs}); err != nil {
				t.Fatal(err)
			}
			opt.TTE, opt.Jangkar = true, "#{peran}"
			laid, err := render.Layout(doc, opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			write(base+".tte.pdf", laid, Options{PDFA: true, Sources: srcs})
		}
	}
	return pdfa, plain
}

// versions are the sources of a PK: its file and those of the versions it
// amends.
func versions(doc *model.Document) []Source {
	var out []Source
	for d := doc; d != nil; {
		out = append(out, Source{Name: d.File, Desc: fmt.Sprintf("%s Tahun %d", d.Versi(), d.Tahun), Data: d.Raw})
		if d.Perubahan == nil {
			break
		}
		d = d.Perubahan.Asal
	}
	return out
}

func templateSet(t *testing.T, fsys fs.FS, doc *model.Document) *templates.Set {
	t.Helper()
	over, err := templates.Resolve(fsys, doc.File, doc.Templat)
	if err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(over...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// Every example's PDF/A output (PKs, capaian annexes, electronic
// signature blocks) and the sample document (a transparent image made
// opaque) pass PDFBox Preflight but for the findings PDF/A-3 permits; the
// same PK as a plain PDF does not.
func TestPreflightEveryExample(t *testing.T) {
	t.Parallel()
	pdfa, plain := exampleOutputs(t)
	pdfa["sample.pdf"] = mustBuild(t, sampleDoc(t), archival)
	all := map[string][]byte{"plain.pdf": plain}
	for name, b := range pdfa {
		all[name] = b
	}
	found := preflight(t, all)
	for name := range pdfa {
		if bad := disallowed(found[name]); len(bad) > 0 {
			t.Errorf("%s: Preflight findings PDF/A-3 does not permit:\n%v", name, bad)
		}
	}
	if len(disallowed(found["plain.pdf"])) == 0 {
		t.Errorf("a --pdfa=none file passes: %v", found["plain.pdf"])
	}
}
