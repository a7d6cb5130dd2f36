package web

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pkgen"
	"pkgen/internal/testutil"
	"pkgen/render/pdf/pdfacheck"
)

// fetchBytes fetches url from the page (its cookie and origin), as a
// download would.
func fetchBytes(t *testing.T, ctx context.Context, url string) []byte {
	t.Helper()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const r = await fetch(`+"`"+url+"`"+`);
		if (!r.ok) throw new Error("status " + r.status);
		const b = new Uint8Array(await r.arrayBuffer());
		let s = "";
		for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
		return btoa(s);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetching %s: %v", url, err)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBrowserSheet drives Buat baru, Excel out and in, in Chromium: a new
// PK from a shape lands on its page; its workbook, fetched by the page,
// comes back with a changed target; the page lists the change, the file
// stays as it was until Terima, then holds the new target.
func TestBrowserSheet(t *testing.T) {
	ctx := browser(t)
	dir := workspace(t)
	s := serve(t, dir)

	do(t, ctx, "open", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	do(t, ctx, "Buat baru", chromedp.Click(chromedp.CSS(`header a[href="/baru"]`)), chromedp.WaitVisible(chromedp.CSS("#baru")))
	do(t, ctx, "choose the shape", chromedp.SetValue(chromedp.CSS("#bentuk"), "eselon3"))
	for id, v := range map[string]string{
		"berkas": "pk-bidang-2026", "tahun": "2026", "kop": "PEMERINTAH KABUPATEN CONTOH\nDINAS PERTANIAN",
		"pertama-nama": "Ir. Siti Aminah, M.Si.", "pertama-jabatan": "Kepala Bidang Tanaman Pangan",
		"kedua-nama": "Dr. Bambang Wijaya", "kedua-jabatan": "Kepala Dinas Pertanian",
	} {
		setValue(t, ctx, id, v)
	}
	screenshot(t, ctx, "sheet-1-buat-baru")
	do(t, ctx, "create", chromedp.Click(chromedp.CSS("#buat")), chromedp.WaitVisible(chromedp.CSS("#isi-toml")))
	const name = "pk-bidang-2026.toml"
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/dokumen?berkas="+name) {
		t.Errorf("after Buat baru the page is %s", loc)
	}
	if got := text(t, ctx, ".ringkas"); !strings.Contains(got, "2026") || !strings.Contains(got, "sah") {
		t.Errorf("the new PK's summary: %q", got)
	}
	do(t, ctx, "let the preview draw", chromedp.Sleep(time.Second))
	screenshot(t, ctx, "sheet-2-dokumen-baru")

	// Excel out: the page's link, fetched by the page.
	do(t, ctx, "Excel dan unduh", chromedp.Click(chromedp.CSS("#ke-lembar")), chromedp.WaitVisible(chromedp.CSS("#lembar")))
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("unduh-xlsx").href`))
	if err != nil {
		t.Fatal(err)
	}
	book := setBookCell(t, fetchBytes(t, ctx, href), "SP-02", "45", 47.5)
	upload := filepath.Join(t.TempDir(), "pk-bidang-2026.xlsx")
	testutil.WriteFile(t, upload, book)

	// Excel in: the change listed, nothing written until Terima.
	saved := testutil.ReadFile(t, filepath.Join(dir, name))
	do(t, ctx, "upload and compare",
		chromedp.SetUploadFiles(chromedp.CSS("#unggah"), []string{upload}),
		chromedp.Click(chromedp.CSS("#bandingkan")),
		chromedp.WaitVisible(chromedp.CSS("#beda li")))
	if got := text(t, ctx, "#beda"); !strings.Contains(got, "~ SP-02 target.tw4: 45 → 47.5") || !strings.Contains(got, "~ SP-02 target.tahunan: 45 → 47.5") {
		t.Fatalf("the changes listed: %q (%s)", got, text(t, ctx, "#kabar"))
	}
	if got := testutil.ReadFile(t, filepath.Join(dir, name)); string(got) != string(saved) {
		t.Error("comparing wrote the file")
	}
	screenshot(t, ctx, "sheet-3-bandingkan")
	do(t, ctx, "Terima", chromedp.Click(chromedp.CSS("#terima")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("lembar").dataset.diterima === "1"`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("never accepted: %v (%s)", err, text(t, ctx, "#kabar"))
	}
	if got := text(t, ctx, "#kabar"); !strings.Contains(got, "disimpan") {
		t.Errorf("after Terima: %q", got)
	}
	screenshot(t, ctx, "sheet-4-diterima")
	res, err := pkgen.Check(pkgen.Input{FS: os.DirFS(dir), Name: name}, pkgen.Options{})
	if err != nil || len(res.Problems.Errors()) > 0 {
		t.Fatalf("the accepted PK: %v %v", err, res.Problems)
	}
	if got := res.Doc.Sasaran[0].Indikator[1].Target.TW[3].String(); got != "47.5" {
		t.Errorf("the accepted target tw4 is %q, want 47.5", got)
	}
	if kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "pk-bidang-2026-*.toml")); len(kept) != 1 {
		t.Errorf("history %v", kept)
	}

	// Unduh: the PDF the page downloads passes the command line's checks:
	// strict validation, PDF/A structure, and the accepted target printed.
	pdfURL := "/unduh/pdf?berkas=" + name
	doc := fetchBytes(t, ctx, pdfURL)
	testutil.ValidateStrict(t, doc)
	if r := pdfacheck.Check(doc); len(r.Problems) > 0 {
		t.Errorf("the downloaded PDF/A: %v", r.Problems)
	}
	if text := testutil.PDFText(t, doc); !strings.Contains(text, "47,5") {
		t.Error("the downloaded PDF lacks the accepted target 47,5")
	}
}
