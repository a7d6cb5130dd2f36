package main

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	digipdf "github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
	"github.com/digitorus/pdfsign/verify"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"pkgen"
	"pkgen/internal/testutil"
	"pkgen/render"
	"pkgen/render/pdf/pdfacheck"
)

// renderTTE renders in with --tte and the given extra arguments into a
// temporary folder and returns the PDF's path and its sidecar.
func renderTTE(t *testing.T, in string, args ...string) (string, pkgen.Sidecar) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "pk-tte.pdf")
	code, _, stderr := runCLI(append([]string{"render", in, "-o", out, "--tte"}, args...)...)
	if code != exitOK {
		t.Fatalf("render --tte: exit %d\n%s", code, stderr)
	}
	var side pkgen.Sidecar
	if err := json.Unmarshal(must(os.ReadFile(out+".ttd.json")), &side); err != nil {
		t.Fatal(err)
	}
	return out, side
}

// The sidecar lists every signature area of the layout, in points from the
// bottom-left corner, inside the PDF's pages.
func TestTTDSidecar(t *testing.T) {
	for _, in := range []string{example, "../../examples/kabupaten-contoh-bupati-2024.toml", "../../examples/kota-contoh-bertingkat-2024.toml"} {
		t.Run(filepath.Base(in), func(t *testing.T) {
			out, side := renderTTE(t, in, "--jangkar", "#{peran}")
			b := must(os.ReadFile(out))
			if side.PDF != filepath.Base(out) || side.Satuan != "pt" || side.Asal != "kiri-bawah" {
				t.Errorf("sidecar header %+v", side)
			}
			fsys, name := testutil.Rooted(in)
			pk, err := pkgen.RenderPK(pkgen.Input{FS: fsys, Name: name}, pkgen.Options{TTE: true, Jangkar: "#{peran}"})
			if err != nil {
				t.Fatal(err)
			}
			laid := pk.Layout
			var want []render.SignArea
			var pages []int
			for i, p := range laid.Pages {
				for _, a := range p.SignAreas {
					want = append(want, a)
					pages = append(pages, i)
				}
			}
			if len(want) < 2 || len(side.TandaTangan) != len(want) {
				t.Fatalf("sidecar has %d signers, layout %d areas", len(side.TandaTangan), len(want))
			}
			dims, err := api.PageDims(bytes.NewReader(b), pdfmodel.NewDefaultConfiguration())
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range side.TandaTangan {
				a, pi := want[i], pages[i]
				llx, lly, urx, ury := a.Points(laid.Pages[pi].Height)
				if e.Halaman != pi+1 || e.Peran != a.Peran || e.Nama != a.Nama || e.Jabatan != a.Jabatan || e.NIP != a.NIP ||
					e.LLX != llx || e.LLY != lly || e.URX != urx || e.URY != ury || e.Jangkar != "#"+a.Peran {
					t.Errorf("entry %d %+v, layout area %+v on page %d", i, e, a, pi+1)
				}
				d := dims[e.Halaman-1]
				if abs(e.LebarHalaman-d.Width) > 0.01 || abs(e.TinggiHalaman-d.Height) > 0.01 {
					t.Errorf("entry %d: page %.2f×%.2f, PDF page %.2f×%.2f", i, e.LebarHalaman, e.TinggiHalaman, d.Width, d.Height)
				}
				if e.LLX < 0 || e.LLY < 0 || e.URX > d.Width || e.URY > d.Height || e.LLX >= e.URX || e.LLY >= e.URY {
					t.Errorf("entry %d: rectangle %v %v %v %v outside its %.2f×%.2f page", i, e.LLX, e.LLY, e.URX, e.URY, d.Width, d.Height)
				}
				if abs((e.URX-e.LLX)-(e.URY-e.LLY)) > 0.02 {
					t.Errorf("entry %d: electronic area is not square", i)
				}
			}
			if r := pdfacheck.Check(b); len(r.Problems) > 0 {
				t.Errorf("--tte output is not PDF/A: %v", r.Problems)
			}
			testutil.ValidateStrict(t, b)
		})
	}
}

// A batch with --tte writes a sidecar beside each PDF, as render does.
func TestTTDBatch(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	in := writeFile(t, src, "a.toml", seedTOML(t))
	writeFile(t, src, "b.toml", variant(t, "Bogor"))
	if code, _, stderr := runCLI("render", src, "-d", dst, "--tte"); code != exitOK {
		t.Fatal(stderr)
	}
	_, side := renderTTE(t, in)
	for _, n := range []string{"a", "b"} {
		var got pkgen.Sidecar
		if err := json.Unmarshal(must(os.ReadFile(filepath.Join(dst, n+".pdf.ttd.json"))), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.TandaTangan) != len(side.TandaTangan) || got.PDF != n+".pdf" {
			t.Errorf("%s: sidecar %+v", n, got)
		}
	}
	// Without --tte there is no sidecar.
	out := filepath.Join(t.TempDir(), "x.pdf")
	if code, _, _ := runCLI("render", in, "-o", out); code != exitOK {
		t.Fatal("render")
	}
	if _, err := os.Stat(out + ".ttd.json"); err == nil {
		t.Error("sidecar without --tte")
	}
}

// pdftotext -bbox word boxes, per page, in points from the top-left.
type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Words  []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"body>doc>page"`
}

func wordBoxes(t *testing.T, path string) bboxDoc {
	t.Helper()
	out, err := exec.Command(testutil.Tool(t, "pdftotext", "poppler-utils"), "-bbox", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v\n%s", err, out)
	}
	var d bboxDoc
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

// The invisible anchor is found by text extraction inside each signature
// rectangle of the sidecar, and nowhere else.
func TestTTDJangkar(t *testing.T) {
	out, side := renderTTE(t, example, "--jangkar", "#")
	d := wordBoxes(t, out)
	found := 0
	for pi, p := range d.Pages {
		for _, w := range p.Words {
			if strings.TrimSpace(w.Text) != "#" {
				continue
			}
			found++
			// Centre of the word, from the bottom-left.
			cx, cy := (w.XMin+w.XMax)/2, p.Height-(w.YMin+w.YMax)/2
			ok := false
			for _, e := range side.TandaTangan {
				ok = ok || e.Halaman == pi+1 && cx > e.LLX && cx < e.URX && cy > e.LLY && cy < e.URY
			}
			if !ok {
				t.Errorf("page %d: anchor at %.1f,%.1f outside every signature rectangle", pi+1, cx, cy)
			}
		}
	}
	if found != len(side.TandaTangan) {
		t.Errorf("%d anchors found, %d signers", found, len(side.TandaTangan))
	}
	// The e-signature wording and the BSrE note are real text.
	all := testutil.PDFText(t, must(os.ReadFile(out)), "-raw")
	for _, s := range []string{"Ditandatangani secara elektronik oleh:", "Balai Besar Sertifikasi Elektronik (BSrE)"} {
		if !strings.Contains(strings.Join(strings.Fields(all), " "), s) {
			t.Errorf("%q not in the text", s)
		}
	}
}

// selfSigned makes a throwaway signing certificate, as a BSrE certificate
// would be for a signer, but issued by itself.
func selfSigned(t *testing.T, name string) (*rsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(now.UnixNano()),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"Uji pkgen"}, Country: []string{"ID"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return key, cert
}

// signAt signs a PDF by incremental update with a visible signature at a
// sidecar rectangle.
func signAt(t *testing.T, b []byte, e pkgen.SignaturePlace) []byte {
	t.Helper()
	key, cert := selfSigned(t, e.Nama)
	rdr, err := digipdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("pdfsign cannot read the PDF: %v", err)
	}
	var out bytes.Buffer
	err = sign.Sign(bytes.NewReader(b), &out, rdr, int64(len(b)), sign.SignData{
		Signature: sign.SignDataSignature{
			Info:     sign.SignDataSignatureInfo{Name: e.Nama, Location: "Jakarta", Reason: "Perjanjian Kinerja " + e.Peran, Date: time.Now()},
			CertType: sign.ApprovalSignature,
		},
		Signer:          key,
		DigestAlgorithm: crypto.SHA256,
		Certificate:     cert,
		Appearance: sign.Appearance{Visible: true, Page: uint32(e.Halaman),
			LowerLeftX: e.LLX, LowerLeftY: e.LLY, UpperRightX: e.URX, UpperRightY: e.URY},
	})
	if err != nil {
		t.Fatalf("sign as %s: %v", e.Peran, err)
	}
	if !bytes.HasPrefix(out.Bytes(), b) {
		t.Fatal("signing rewrote the document instead of appending to it")
	}
	return out.Bytes()
}

// A rendered PK signs: both parties sign in turn (incremental updates) at
// their rectangles of the sidecar with throwaway self-signed certificates,
// both signatures verify, the signed file still opens, and it still carries
// its source. This is as close as we get here to the real BSrE flow.
func TestTTDSignAndVerify(t *testing.T) {
	out, side := renderTTE(t, example)
	b := must(os.ReadFile(out))
	signed := b
	var signers []string
	for _, e := range side.TandaTangan {
		if e.Halaman != 1 {
			continue // the statement page's blocks
		}
		signed = signAt(t, signed, e)
		signers = append(signers, e.Nama)
	}
	if len(signers) != 2 {
		t.Fatalf("signed by %v", signers)
	}

	opts := verify.DefaultVerifyOptions()
	opts.AllowUntrustedRoots = true // the certificates are self-signed
	opts.TrustSignatureTime = true  // no timestamp authority here
	opts.RequiredEKUs = nil
	resp, err := verify.VerifyWithOptions(bytes.NewReader(signed), int64(len(signed)), opts)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if resp.Error != "" {
		t.Errorf("verify: %s", resp.Error)
	}
	if len(resp.Signers) != 2 {
		t.Fatalf("%d signatures, want 2", len(resp.Signers))
	}
	for i, s := range resp.Signers {
		if !s.ValidSignature {
			t.Errorf("signature %d (%s) is not valid", i+1, s.Name)
		}
		if s.Name != signers[i] {
			t.Errorf("signature %d by %q, want %q", i+1, s.Name, signers[i])
		}
	}

	// A change after signing breaks the signature.
	tampered := bytes.Clone(signed)
	i := bytes.Index(tampered, []byte("/Title "))
	tampered[i+8] ^= 1
	if resp, err := verify.VerifyWithOptions(bytes.NewReader(tampered), int64(len(tampered)), opts); err == nil && resp.Error == "" && len(resp.Signers) > 0 && resp.Signers[0].ValidSignature {
		t.Error("a changed document still verifies")
	}

	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	if err := api.Validate(bytes.NewReader(signed), conf); err != nil {
		t.Errorf("signed PDF does not validate (relaxed): %v", err)
	}
	got := ekstrakTo(t, writePDF(t, signed), t.TempDir())
	wantFiles(t, got, map[string]string{"jakarta-pusat-2023.toml": example})
	// Our PDF is clean; what signing adds (the signer's appearance, with
	// a standard font it does not embed) is the signing tool's, in objects
	// numbered after ours.
	if r := pdfacheck.Check(b); len(r.Problems) > 0 {
		t.Errorf("before signing, the structural checker reports: %v", r.Problems)
	}
	ctx, err := api.ReadContext(bytes.NewReader(b), conf)
	if err != nil || ctx.XRefTable.Size == nil {
		t.Fatalf("reading the unsigned PDF: %v", err)
	}
	ours := *ctx.XRefTable.Size - 1 // the highest object number
	for _, p := range pdfacheck.Check(signed).Problems {
		m := regexp.MustCompile(`object (\d+)`).FindStringSubmatch(fmt.Sprint(p))
		if m == nil {
			t.Errorf("after signing: %s", p)
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n <= ours {
			t.Errorf("after signing, in an object of ours: %s", p)
		}
	}
}

// capaian --ttd --tte: the annex's signature areas in a sidecar, counted
// from the start of the merged PDF when appended to an LKIP.
func TestTTDCapaian(t *testing.T) {
	dir := t.TempDir()
	in := "../../examples/jakarta-pusat-2023-tw3.toml"
	lkip := writeFile(t, dir, "lkip.pdf", lkipPDF(t))
	lkipPages := pageCount(t, lkipPDF(t))
	for _, merged := range []bool{false, true} {
		out := filepath.Join(dir, "annex.pdf")
		args := []string{"capaian", in, "-o", out, "--ttd", "--tte", "--jangkar", "#"}
		skip := 0
		if merged {
			out = filepath.Join(dir, "gabung.pdf")
			args = []string{"capaian", in, "-o", out, "--ttd", "--tte", "--jangkar", "#", "--lampirkan-ke", lkip}
			skip = lkipPages
		}
		if code, _, stderr := runCLI(args...); code != exitOK {
			t.Fatalf("%v: %s", args, stderr)
		}
		var side pkgen.Sidecar
		if err := json.Unmarshal(must(os.ReadFile(out+".ttd.json")), &side); err != nil {
			t.Fatal(err)
		}
		n := pageCount(t, must(os.ReadFile(out)))
		if len(side.TandaTangan) == 0 {
			t.Fatal("no signers")
		}
		d := wordBoxes(t, out)
		for _, e := range side.TandaTangan {
			if e.Halaman != n || e.Halaman <= skip {
				t.Errorf("merged %v: signer on page %d of %d", merged, e.Halaman, n)
				continue
			}
			p := d.Pages[e.Halaman-1]
			ok := false
			for _, w := range p.Words {
				cx, cy := (w.XMin+w.XMax)/2, p.Height-(w.YMin+w.YMax)/2
				ok = ok || strings.TrimSpace(w.Text) == "#" && cx > e.LLX && cx < e.URX && cy > e.LLY && cy < e.URY
			}
			if !ok {
				t.Errorf("merged %v: no anchor in the rectangle of %s", merged, e.Peran)
			}
		}
	}
	if code, _, _ := runCLI("capaian", in, "-o", filepath.Join(dir, "x.pdf"), "--tte"); code != exitUsage {
		t.Errorf("--tte without --ttd: exit %d", code)
	}
}
