package web

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pkgen/internal/testutil"
)

// TestBrowserRealisasi drives the realisasi grid in Chromium: the tw3
// example's grid, a realisasi entered and its capaian computed in its
// row, a bad value and its message on its cell, the annex made from the
// grid (its PDF's text has the new value), and the save.
func TestBrowserRealisasi(t *testing.T) {
	ctx := browser(t)
	dir := workspace(t)
	s := serve(t, dir)
	poll := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: %v (%s)", what, err, text(t, ctx, "#kabar"))
		}
	}
	row := func(kode string) string { return `#grid tr[data-kode="` + kode + `"]` }

	do(t, ctx, "open with token", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	do(t, ctx, "open the report", chromedp.Click(chromedp.CSS(`a[href="/dokumen?berkas=`+tw3+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/realisasi?berkas=`+tw3+`"]`)))
	// Followed by address, not by a click: Navigate waits for the page's
	// load, so no query races the new document.
	base := strings.TrimSuffix(s.URL(), "/?token="+s.Token())
	do(t, ctx, "open its grid", chromedp.Navigate(base+"/realisasi?berkas="+tw3), chromedp.WaitVisible(chromedp.CSS("#grid")))
	if got := text(t, ctx, row("IK-01")+` td[data-tw="2"] output`); got != "101,67% · Tercapai" {
		t.Errorf("IK-01 TW II shows %q", got)
	}
	screenshot(t, ctx, "r1-grid")

	// A realisasi entered: its capaian computed in its row, nothing written.
	saved := testutil.ReadFile(t, filepath.Join(dir, tw3))
	setValue(t, ctx, "r0-tw2", "91,5")
	poll("the capaian of 91,5", `document.querySelector('`+row("IK-01")+` td[data-tw="2"] output').textContent === "105,48% · Tercapai"`)
	if got := text(t, ctx, row("IK-01")+" output.capaian-sd"); got == "" {
		t.Error("no s.d. capaian")
	}
	scrollTop(t, ctx, "#grid caption")
	screenshot(t, ctx, "r2-capaian")

	// A bad value: its message on its cell and in the list.
	setValue(t, ctx, "r1-tw2", "banyak")
	poll("the bad value's message", `document.querySelector('`+row("IK-02")+` td[data-tw="2"] input').getAttribute("aria-invalid") === "true"`)
	if got := text(t, ctx, row("IK-02")+` td[data-tw="2"] .pesan-sel`); !strings.Contains(got, "banyak") {
		t.Errorf("IK-02's cell says %q", got)
	}
	if got := text(t, ctx, "#pesan"); !strings.Contains(got, "realisasi[2].tw.tw2") {
		t.Errorf("messages: %s", got)
	}
	if got := text(t, ctx, row("IK-01")+` td[data-tw="2"] output`); got != "105,48% · Tercapai" {
		t.Errorf("IK-01 lost its capaian: %q", got)
	}
	scrollTop(t, ctx, "#grid caption")
	screenshot(t, ctx, "r3-galat")
	setValue(t, ctx, "r1-tw2", "85,9")
	poll("fixed", `document.getElementById("status").classList.contains("peringatan")`)
	if got := testutil.ReadFile(t, filepath.Join(dir, tw3)); !bytes.Equal(got, saved) {
		t.Error("the grid's checks wrote the file")
	}

	// The annex of the grid as it stands, with signatures.
	do(t, ctx, "make the annex", chromedp.Click(chromedp.CSS("#ttd")), chromedp.Click(chromedp.CSS("#lampiran")))
	poll("the annex", `document.getElementById("pratinjau").src.startsWith("blob:")`)
	annex := testutil.PDFText(t, previewPDF(t, ctx))
	for _, want := range []string{"91,5", "105,48"} {
		if !strings.Contains(annex, want) {
			t.Errorf("the annex lacks %s:\n%.600s", want, annex)
		}
	}
	scrollTop(t, ctx, "#judul-pratinjau")
	do(t, ctx, "let the annex draw", chromedp.Sleep(time.Second))
	screenshot(t, ctx, "r4-lampiran")

	// Saved: the report holds the new value, the original is in the history.
	// Clicked from the page: a mouse click may land on the PDF viewer
	// still drawing under a loaded machine.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { document.getElementById("simpan").click(); return true; })()`)); err != nil {
		t.Fatalf("save: %v", err)
	}
	poll("saved", `document.getElementById("kabar").textContent.includes("disimpan")`)
	got := testutil.ReadFile(t, filepath.Join(dir, tw3))
	if !bytes.Contains(got, []byte("kode = \"IK-01\"\ntw = { tw2 = 91.5 }")) {
		t.Errorf("saved:\n%.800s", got)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "jakarta-pusat-2023-tw3-*.toml"))
	if len(kept) != 1 || !bytes.Equal(testutil.ReadFile(t, kept[0]), saved) {
		t.Errorf("history %v", kept)
	}
	scrollTop(t, ctx, "#kabar")
	screenshot(t, ctx, "r5-disimpan")
}

// scrollTop scrolls the element sel names to the top of the window.
func scrollTop(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	js, _ := json.Marshal(sel)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { document.querySelector(`+string(js)+`).scrollIntoView({ block: "start" }); return true; })()`)); err != nil {
		t.Fatalf("scrolling to %s: %v", sel, err)
	}
}
