package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pkgen"
	"pkgen/internal/testutil"
)

// at selects the form's field or row whose key path is path.
func at(path string) chromedp.CSS { return chromedp.CSS(`[data-path="` + path + `"]`) }

// retype clears a field and types text into it, key by key, as a user
// would: each key is an input event, and the checks are debounced.
func retype(t *testing.T, ctx context.Context, path, text string) {
	t.Helper()
	// chromedp.Clear sets the value attribute, which a field typed into
	// no longer shows.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { document.querySelector('[data-path="`+path+`"]').value = ""; return true; })()`)); err != nil {
		t.Fatalf("clearing %s: %v", path, err)
	}
	do(t, ctx, "type into "+path, chromedp.ScrollIntoView(at(path)), chromedp.SendKeys(at(path), text))
}

// waitFor polls a script until it is true.
func waitFor(t *testing.T, ctx context.Context, what, script string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](script, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("%s: %v (kabar: %q, pesan: %.400q)", what, err, text(t, ctx, "#kabar"), text(t, ctx, "#pesan"))
	}
}

// beside is the script for the message shown beside the field at path.
func beside(path string) string {
	return `((document.querySelector('[data-path="` + path + `"]').closest(".medan").querySelector(".pesan-medan.galat") || {}).textContent || "")`
}

// TestBrowserForm drives the form in Chromium: a bad target and its
// message beside the field, a click on the message focusing the field,
// the fix, a new indicator moved up by keyboard (Alt+↑) and by mouse, and
// a save whose TOML has the new indicator first and loads.
func TestBrowserForm(t *testing.T) {
	ctx := browser(t)
	dir := workspace(t)
	s := serve(t, dir)
	base := strings.TrimSuffix(s.URL(), "/?token="+s.Token())
	const tw2 = "sasaran[1].indikator[1].target.tw2"

	do(t, ctx, "open with token", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	do(t, ctx, "open the form from the document",
		chromedp.Navigate(base+"/dokumen?berkas="+seed),
		chromedp.Click(chromedp.CSS(`a[href="/formulir?berkas=`+seed+`"]`)),
		chromedp.WaitVisible(at(tw2)))
	waitFor(t, ctx, "the first check", `document.querySelectorAll("#pesan li button").length > 0`)
	if got := text(t, ctx, "#kanonik"); !strings.Contains(got, "komentar dan tata letaknya tidak dipertahankan") {
		t.Errorf("no warning about the hand-written file: %q", got)
	}
	if got := text(t, ctx, "#pesan"); !strings.Contains(got, "sasaran[17].indikator[1].satuan") {
		t.Errorf("the seed's warnings are not listed: %.300s", got)
	}
	screenshot(t, ctx, "form-1-dibuka")

	// A bad target: the message beside the field, marked invalid.
	retype(t, ctx, tw2, "banyak")
	waitFor(t, ctx, "the message beside the target", beside(tw2)+`.includes("berbeda jenis")`)
	if inv, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-path="`+tw2+`"]').getAttribute("aria-invalid") || ""`)); inv != "true" {
		t.Errorf("the bad target is not marked invalid: %q", inv)
	}
	if got := text(t, ctx, "#status"); !strings.Contains(got, "galat") {
		t.Errorf("status %q", got)
	}
	do(t, ctx, "focus elsewhere", chromedp.Focus(at("pihak_pertama.nama")))
	do(t, ctx, "click the message", chromedp.Click(chromedp.CSS(`#pesan button[data-jalur="`+tw2+`"]`)))
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.dataset.path || ""`)); focused != tw2 {
		t.Errorf("the message's click focuses %q", focused)
	}
	screenshot(t, ctx, "form-2-target-salah")

	// Fixed.
	retype(t, ctx, tw2, "85.25")
	waitFor(t, ctx, "the fix", beside(tw2)+` === "" && !document.getElementById("status").classList.contains("galat")`)

	// A new indicator in the first sasaran, moved up by Alt+↑ and by its
	// button: first.
	do(t, ctx, "add an indicator", chromedp.Click(chromedp.CSS(`[data-path="sasaran[1]"] > button[data-tambah="indikator"]`)))
	const added = "sasaran[1].indikator[3]"
	for key, v := range map[string]string{"kode": "IK-99", "uraian": "Jumlah dokumen uji", "satuan": "Dokumen",
		"target.tw1": "1", "target.tw2": "2", "target.tw3": "3", "target.tw4": "4", "target.tahunan": "4",
		"pengukuran": "Dokumen uji yang selesai"} {
		retype(t, ctx, added+"."+key, v)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { document.querySelector('[data-path="`+added+`.pengukuran"]').setSelectionRange(0, 7); return true; })()`)); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "bold the measurement", chromedp.Click(chromedp.CSS(`[data-path="`+added+`"] button[data-md="tebal"]`)))
	do(t, ctx, "Alt+↑ on the new indicator", chromedp.Focus(at(added+".kode")), chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierAlt)))
	if got, _ := chromedp.Run(ctx, chromedp.Value(at("sasaran[1].indikator[2].kode"))); got != "IK-99" {
		t.Errorf("after Alt+↑ the second indicator is %q", got)
	}
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.dataset.path || ""`)); focused != "sasaran[1].indikator[2].kode" {
		t.Errorf("after Alt+↑ the focus is on %q", focused)
	}
	do(t, ctx, "its move-up button", chromedp.Click(chromedp.CSS(`[data-path="sasaran[1].indikator[2]"] > .alat button[data-aksi="naik"]`)))
	if got, _ := chromedp.Run(ctx, chromedp.Value(at("sasaran[1].indikator[1].kode"))); got != "IK-99" {
		t.Errorf("after the button the first indicator is %q", got)
	}
	waitFor(t, ctx, "the check of the new indicator", `!document.getElementById("formulir").dataset.menunggu`)
	if got := text(t, ctx, "#status"); strings.Contains(got, "galat") {
		t.Errorf("with the new indicator: %s: %s", got, text(t, ctx, "#pesan"))
	}
	do(t, ctx, "scroll to it", chromedp.ScrollIntoView(at("sasaran[1].indikator[1]")))
	screenshot(t, ctx, "form-3-indikator-baru")

	// Saved: the TOML has the new indicator first and loads.
	do(t, ctx, "save", chromedp.Click(chromedp.CSS("#simpan")))
	waitFor(t, ctx, "saved", `document.getElementById("kabar").textContent.includes("disimpan")`)
	if got := text(t, ctx, "#kabar"); !strings.Contains(got, "TOML kanonik") {
		t.Errorf("the save does not say the comments are gone: %q", got)
	}
	doc, probs, err := pkgen.LoadPK(pkgen.Input{FS: os.DirFS(dir), Name: seed})
	if doc == nil || err != nil {
		t.Fatalf("the saved PK does not load: %v %v", err, probs)
	}
	first := doc.Sasaran[0]
	if len(first.Indikator) != 3 || first.Indikator[0].Kode != "IK-99" || first.Indikator[1].Kode != "IK-01" ||
		first.Indikator[0].Pengukuran != "**Dokumen** uji yang selesai" || first.Indikator[1].Target.TW[1].String() != "85.25" {
		t.Errorf("the saved first sasaran: %+v", first.Indikator)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "jakarta-pusat-2023-*.toml"))
	if len(kept) != 1 || !strings.HasPrefix(string(testutil.ReadFile(t, kept[0])), "#:schema ../schema/pk.schema.json\n# Perjanjian Kinerja 2023") {
		t.Errorf("history %v", kept)
	}
	do(t, ctx, "scroll to the top", chromedp.ScrollIntoView(chromedp.CSS("h1")))
	screenshot(t, ctx, "form-4-disimpan")
}
