package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"pkgen/internal/testutil"
	"pkgen/model"
)

func TestMain(m *testing.M) {
	api.DisableConfigDir() // pdfcpu would otherwise write a config file under $HOME
	os.Exit(m.Run())
}

const example = "../../examples/jakarta-pusat-2023.toml"

func renderFile(t *testing.T, in string, env ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.pdf")
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", in, "-o", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("render %s: exit %d\n%s", in, code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var wordRe = regexp.MustCompile(`[0-9A-Za-z\x{00C0}-\x{024F}]+`)

func words(s string) []string {
	return wordRe.FindAllString(strings.ToLower(s), -1)
}

func TestRenderEveryExample(t *testing.T) {
	examples, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, ex := range examples {
		if model.IsRealisasi(testutil.ReadFile(t, ex)) {
			continue // a realisasi report, rendered by the capaian tests
		}
		t.Run(filepath.Base(ex), func(t *testing.T) {
			doc, probs, err := model.Load(testutil.Rooted(ex))
			if err != nil || doc == nil {
				t.Fatalf("load: %v %v", err, probs)
			}
			b := renderFile(t, ex)
			testutil.ValidateStrict(t, b)
			conf := pdfmodel.NewDefaultConfiguration()
			conf.ValidationMode = pdfmodel.ValidationRelaxed // strictValid checked it
			dims, err := api.PageDims(bytes.NewReader(b), conf)
			if err != nil {
				t.Fatal(err)
			}
			statement := !doc.HanyaLampiran
			if statement && len(dims) < 2 || len(dims) < 1 {
				t.Fatalf("%d pages, want the statement (unless hanya_lampiran) and at least one lampiran page", len(dims))
			}
			short, long := 210.0, 297.0
			if doc.Kertas == model.F4 {
				short, long = 215, 330
			}
			for i, d := range dims {
				w, h := d.Width*25.4/72, d.Height*25.4/72
				wantW, wantH := long, short
				if i == 0 && statement {
					wantW, wantH = short, long
				}
				if abs(w-wantW) > 0.5 || abs(h-wantH) > 0.5 {
					t.Errorf("page %d is %.1f × %.1f mm, want %.0f × %.0f", i+1, w, h, wantW, wantH)
				}
			}
			checkFonts(t, b)
			checkTextOrder(t, b, doc)
			checkInfo(t, b, doc)
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// checkFonts requires every font to be embedded (pdffonts' "emb" column).
func checkFonts(t *testing.T, b []byte) {
	bin := testutil.Tool(t, "pdffonts", "poppler-utils")
	file := filepath.Join(t.TempDir(), "f.pdf")
	testutil.WriteFile(t, file, b)
	out, err := exec.Command(bin, file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts listed:\n%s", out)
	}
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		// name type... encoding emb sub uni object ID: emb is 5th from the end.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
		if !strings.Contains(strings.ToLower(ln), "liberationsans") {
			t.Errorf("unexpected font: %s", ln)
		}
	}
}

// checkInfo reads the document information with pdfinfo.
func checkInfo(t *testing.T, b []byte, doc *model.Document) {
	bin := testutil.Tool(t, "pdfinfo", "poppler-utils")
	file := filepath.Join(t.TempDir(), "i.pdf")
	testutil.WriteFile(t, file, b)
	out, err := exec.Command(bin, file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	info := map[string]string{}
	for _, ln := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(ln, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	want := map[string]string{
		"Title":   "Perjanjian Kinerja",
		"Author":  doc.PihakPertama.Nama,
		"Subject": "PERJANJIAN KINERJA",
		"Creator": "pkgen",
	}
	if len(doc.Templat) > 0 && doc.HanyaLampiran {
		want["Subject"] = "KINERJA" // the unit's own title (tapkin.tmpl)
	}
	if !strings.Contains(info["Title"], fmt.Sprintf("Tahun %d", doc.Tahun)) {
		t.Errorf("pdfinfo Title = %q, want the year", info["Title"])
	}
	if doc.Perubahan != nil && !strings.Contains(info["Title"], "Perubahan") {
		t.Errorf("pdfinfo Title = %q, want it to name the amendment", info["Title"])
	}
	for k, v := range want {
		if !strings.Contains(info[k], v) {
			t.Errorf("pdfinfo %s = %q, want it to contain %q", k, info[k], v)
		}
	}
	if !strings.Contains(info["Keywords"], fmt.Sprint(doc.Tahun)) {
		t.Errorf("pdfinfo Keywords = %q", info["Keywords"])
	}
}

// checkTextOrder finds every sasaran and indicator text in the PDF's text,
// in document order. A cell split across pages is interleaved with the
// cells beside it, so a text's words must appear in order (not adjacent),
// starting after the start of the previous text.
func checkTextOrder(t *testing.T, b []byte, doc *model.Document) {
	all := words(testutil.PDFText(t, b, "-raw"))
	pos := 0
	find := func(what, s string) {
		w := words(s)
		start, k := -1, 0
		for i := pos; i < len(all) && k < len(w); i++ {
			if all[i] == w[k] {
				if k == 0 {
					start = i
				}
				k++
			}
		}
		if k < len(w) {
			t.Errorf("%s not found in order after word %d: %q (word %q missing)", what, pos, s, w[k])
			return
		}
		pos = start + 1
	}
	for _, s := range doc.Sasaran {
		find(fmt.Sprintf("sasaran %d", s.Nomor), s.Uraian)
		for _, ind := range s.Indikator {
			find(fmt.Sprintf("sasaran %d indikator %d", s.Nomor, ind.Nomor), ind.Uraian)
		}
	}
}

// TestSeedFidelity compares the rendered example with the text of the
// signed PK: nearly every word of the seed, in nearly the same order.
func TestSeedFidelity(t *testing.T) {
	seedText, err := os.ReadFile("../../testdata/seed/000_88fc8bda834583a7.txt")
	if err != nil {
		t.Fatal(err)
	}
	tags := regexp.MustCompile(`</?(?:p|ol|ul|li|br|b|strong|i|em|u|span|div)\b[^>]*>`)
	clean := strings.NewReplacer("&amp;", "&", "\u2013", "-", "\u2014", "-").Replace(tags.ReplaceAllString(string(seedText), " "))
	seed := words(clean)
	out := words(testutil.PDFText(t, renderFile(t, example), "-raw"))

	count := map[string]int{}
	for _, w := range out {
		count[w]++
	}
	found := 0
	var missing []string
	for _, w := range seed {
		if count[w] > 0 {
			count[w]--
			found++
		} else {
			missing = append(missing, w)
		}
	}
	recall := float64(found) / float64(len(seed))
	order := 2 * float64(lcs(seed, out)) / float64(len(seed)+len(out))
	t.Logf("seed words %d, pdf words %d, recall %.4f, order %.4f, missing %v", len(seed), len(out), recall, order, missing)
	// The example fixes six seed defects (a duplicated sasaran number, three
	// surplus target values, two words repeated by the extraction).
	if len(missing) > 6 {
		t.Errorf("%d seed words missing from the PDF: %v", len(missing), missing)
	}
	// The header repeated on every lampiran page and the page numbers add
	// words the seed's extraction has once or not at all, and rows split at
	// other places than in the seed; 0.948 was measured when this was written.
	if order < 0.94 {
		t.Errorf("word order similarity %.4f, want >= 0.94", order)
	}
}

// lcs is the length of the longest common subsequence of two word lists.
func lcs(a, b []string) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

func TestDeterministic(t *testing.T) {
	a := renderFile(t, example)
	b := renderFile(t, example)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same input differ")
	}
	c := renderFile(t, example, "SOURCE_DATE_EPOCH=1700000000")
	if bytes.Equal(a, c) {
		t.Fatal("SOURCE_DATE_EPOCH did not change the PDF date")
	}
	d := renderFile(t, example, "SOURCE_DATE_EPOCH=1700000000")
	if !bytes.Equal(c, d) {
		t.Fatal("renders with the same SOURCE_DATE_EPOCH differ")
	}
}
