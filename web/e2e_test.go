package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pkgen/internal/testutil"
)

// browser starts a headless Chromium for the test; without one the test
// is skipped (failed under CI).
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := testutil.Tool(t, "chromium", "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1400, 1000), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// serve runs a workbench over dir on a free port until the test ends.
func serve(t *testing.T, dir string) *Server {
	t.Helper()
	s, err := New(Config{Folder: dir, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
		s.Close()
	})
	return s
}

// screenshot saves the tab's viewport as NAME.png in the test's temporary
// folder and, when PKGEN_SCREENSHOTS names a folder, there too.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("PKGEN_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		testutil.WriteFile(t, filepath.Join(d, name+".png"), png)
	}
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	// One evaluation rather than a node lookup and a read: a page that
	// redraws (or is still being replaced) can drop the node in between
	// ("No node with given id found"). A missing element is waited for.
	q, _ := json.Marshal(sel)
	const missing = "\x00missing"
	js := `(() => { const e = document.querySelector(` + string(q) + `); return e ? e.textContent : "\x00missing" })()`
	var (
		s   string
		err error
	)
	for range 50 {
		if s, err = chromedp.Run(ctx, chromedp.Evaluate[string](js)); err == nil && s != missing {
			return s
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("text of %s: %v (element missing: %t)", sel, err, s == missing)
	return ""
}

// setValue sets the value of the element with id as typing would end,
// with an input event.
func setValue(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	js, _ := json.Marshal(value)
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const e = document.getElementById("`+id+`");
		e.value = `+string(js)+`;
		e.dispatchEvent(new Event("input", { bubbles: true }));
		return true;
	})()`))
	if err != nil {
		t.Fatalf("setting #%s: %v", id, err)
	}
}

// previewPDF fetches the bytes the preview frame shows.
func previewPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const r = await fetch(document.getElementById("pratinjau").src);
		const b = new Uint8Array(await r.arrayBuffer());
		let s = "";
		for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
		return btoa(s);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetching the preview: %v", err)
	}
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// TestBrowser drives the workbench in Chromium: refused without the
// token, the Daftar, a document's messages, a bad target and its located
// message, the fix and the preview's new text, a save, and a conflict.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	dir := workspace(t)
	s := serve(t, dir)
	base := strings.TrimSuffix(s.URL(), "/?token="+s.Token())

	// Without the token.
	do(t, ctx, "open without token", chromedp.Navigate(base+"/"))
	if got := text(t, ctx, "body"); !strings.Contains(got, "token akses tidak ada") {
		t.Errorf("without the token the page says %q", got)
	}
	screenshot(t, ctx, "1-tanpa-token")

	// With it: the Daftar, and its filter.
	do(t, ctx, "open with token", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); strings.Contains(loc, "token") {
		t.Errorf("the token stays in the address bar: %s", loc)
	}
	screenshot(t, ctx, "2-daftar")
	do(t, ctx, "filter", chromedp.SendKeys(chromedp.CSS("#cari"), "perubahan"))
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#daftar tbody tr:not([hidden])").length`))
	if err != nil || shown != 2 {
		t.Errorf("filter 'perubahan' shows %d rows (%v), want 2", shown, err)
	}
	screenshot(t, ctx, "3-daftar-cari")
	setValue(t, ctx, "cari", "")

	// A document from the Daftar.
	do(t, ctx, "open the seed",
		chromedp.Click(chromedp.CSS(`a[href="/dokumen?berkas=`+seed+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#isi-toml")))
	if got := text(t, ctx, "#pesan"); !strings.Contains(got, "jakarta-pusat-2023.toml:425: sasaran[17].indikator[1].satuan") {
		t.Errorf("messages: %s", got)
	}
	original := previewPDF(t, ctx)
	if got := testutil.PDFText(t, original); !strings.Contains(got, "86,75") || strings.Contains(got, "85,25") {
		t.Fatalf("the saved PK's preview:\n%.400s", got)
	}
	do(t, ctx, "let the preview draw", chromedp.Sleep(time.Second))
	screenshot(t, ctx, "4-dokumen")

	// A bad target: the located message, and the preview stays.
	saved := testutil.ReadFile(t, filepath.Join(dir, seed))
	setValue(t, ctx, "isi-toml", string(badTarget(t, saved)))
	do(t, ctx, "check a bad target",
		chromedp.Click(chromedp.CSS("#periksa")),
		chromedp.WaitVisible(chromedp.CSS("#status.galat")))
	first := text(t, ctx, "#pesan li:first-child")
	if !strings.Contains(first, "jakarta-pusat-2023.toml:47: sasaran[1].indikator[1].target.tw2") || !strings.Contains(first, "berbeda jenis") {
		t.Errorf("first message: %q", first)
	}
	do(t, ctx, "go to the line", chromedp.Click(chromedp.CSS("#pesan li:first-child button")))
	line, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const e = document.getElementById("isi-toml"); return e.value.slice(e.selectionStart, e.selectionEnd); })()`))
	if err != nil || !strings.Contains(line, `tw2 = "banyak"`) {
		t.Errorf("the message selects %q (%v), want line 47", line, err)
	}
	screenshot(t, ctx, "5-periksa-galat")

	// Fixed: valid again, and the preview shows the new target.
	fixed := bytes.Replace(saved, []byte(`tw2 = 86.75,`), []byte(`tw2 = 85.25,`), 1)
	setValue(t, ctx, "isi-toml", string(fixed))
	do(t, ctx, "check the fix",
		chromedp.Click(chromedp.CSS("#periksa")),
		chromedp.WaitVisible(chromedp.CSS("#status.peringatan")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("pratinjau").src.startsWith("blob:")`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the preview never refreshed: %v", err)
	}
	if got := testutil.PDFText(t, previewPDF(t, ctx)); !strings.Contains(got, "85,25") {
		t.Errorf("the preview lacks the new target 85,25:\n%.400s", got)
	}
	if got := testutil.ReadFile(t, filepath.Join(dir, seed)); !bytes.Equal(got, saved) {
		t.Error("checking wrote the file")
	}
	do(t, ctx, "let the preview draw", chromedp.Sleep(time.Second))
	screenshot(t, ctx, "6-pratinjau-baru")

	// Saved.
	do(t, ctx, "save", chromedp.Click(chromedp.CSS("#simpan")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("kabar").textContent.includes("disimpan")`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("never saved: %v (%s)", err, text(t, ctx, "#kabar"))
	}
	if got := testutil.ReadFile(t, filepath.Join(dir, seed)); !bytes.Equal(got, fixed) {
		t.Error("the file is not the saved text")
	}
	kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "jakarta-pusat-2023-*.toml"))
	if len(kept) != 1 || !bytes.Equal(testutil.ReadFile(t, kept[0]), saved) {
		t.Errorf("history %v", kept)
	}

	// Changed on disk meanwhile: the next save is refused, both versions shown.
	other := append([]byte("# disunting di editor lain\n"), fixed...)
	testutil.WriteFile(t, filepath.Join(dir, seed), other)
	setValue(t, ctx, "isi-toml", "# dari halaman\n"+string(fixed))
	do(t, ctx, "save over a changed file",
		chromedp.Click(chromedp.CSS("#simpan")),
		chromedp.WaitVisible(chromedp.CSS("#konflik")))
	if got := text(t, ctx, "#kabar"); !strings.Contains(got, "berubah di disk") {
		t.Errorf("conflict message %q", got)
	}
	if got := text(t, ctx, "#versi-disk"); !strings.HasPrefix(got, "# disunting di editor lain") {
		t.Errorf("the version on disk shown: %.60q", got)
	}
	if got := testutil.ReadFile(t, filepath.Join(dir, seed)); !bytes.Equal(got, other) {
		t.Error("the conflicting save wrote the file")
	}
	do(t, ctx, "scroll to the conflict", chromedp.ScrollIntoView(chromedp.CSS("#kabar")))
	screenshot(t, ctx, "7-konflik")
}
