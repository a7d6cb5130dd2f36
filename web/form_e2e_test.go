package web

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pkgen"
	"pkgen/internal/testutil"
	"pkgen/model"
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

// TestBrowserFormKaskade drives the form's cascade fields in Chromium: the
// seksi's PK induk with the induk's indicators described under each
// Mendukung, a wrong kode and its message beside the field, the fix and the
// preview made again, the sum checkbox, another induk chosen (its
// indicators loaded, the old kode now wrong), and a save whose TOML has
// the three keys.
func TestBrowserFormKaskade(t *testing.T) {
	ctx := browser(t)
	dir := chainWorkspace(t)
	s := serve(t, dir)
	base := strings.TrimSuffix(s.URL(), "/?token="+s.Token())
	const (
		sas = "sasaran[1].mendukung"
		ind = "sasaran[1].indikator[1].mendukung"
	)
	do(t, ctx, "open with token", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	do(t, ctx, "open the seksi's form", chromedp.Navigate(base+"/formulir?berkas="+seksi), chromedp.WaitVisible(at(sas)))
	waitFor(t, ctx, "the bidang's indicators", `document.getElementById("formulir").dataset.induk === "7"`)
	waitFor(t, ctx, "the first preview", `!!document.getElementById("formulir").dataset.pratinjau`)
	if got := described(t, ctx, sas); !strings.HasPrefix(got, "P2P-04 — ") {
		t.Errorf("the sasaran's kode described as %q", got)
	}
	if got := text(t, ctx, "#kabar-induk"); !strings.Contains(got, "7") {
		t.Errorf("the induk's news: %q", got)
	}
	// The mendukung field offers the induk's indicators, completing after
	// a comma.
	do(t, ctx, "focus the indicator's mendukung", chromedp.Focus(at(ind)))
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#kode-induk option"), (o) => o.value + "|" + o.textContent).join("\n")`)); !strings.Contains(got, "P2P-05|P2P-05 — ") {
		t.Errorf("suggestions %q", got)
	}

	// A wrong kode: its message beside the field; the preview stays.
	previewed, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("formulir").dataset.pratinjau`))
	retype(t, ctx, ind, "P2P-4")
	waitFor(t, ctx, "the message beside the mendukung", beside(ind)+`.includes("tidak ada di PK induk")`)
	if got := text(t, ctx, "#pesan"); !strings.Contains(got, ind+"[1]") {
		t.Errorf("the list does not locate the wrong kode at %s[1]: %.300s", ind, got)
	}
	do(t, ctx, "scroll to it", chromedp.ScrollIntoView(at("sasaran[1]")))
	screenshot(t, ctx, "form-kaskade-1-kode-salah")

	// Fixed, two kode: no message, the preview made again.
	retype(t, ctx, ind, "P2P-04, P2P-05")
	waitFor(t, ctx, "the fix and a new preview", beside(ind)+` === "" && document.getElementById("formulir").dataset.pratinjau !== "`+previewed+`"`)
	if got := described(t, ctx, ind); !strings.Contains(got, "P2P-04 — ") || !strings.Contains(got, "P2P-05 — ") {
		t.Errorf("the two kode described as %q", got)
	}
	do(t, ctx, "check the sum", chromedp.Click(at("sasaran[1].indikator[1].agregasi_kaskade")))
	waitFor(t, ctx, "its check", `!document.getElementById("formulir").dataset.menunggu`)
	waitFor(t, ctx, "its preview", `document.getElementById("kabar-pratinjau").textContent === ""`)
	do(t, ctx, "scroll to it", chromedp.ScrollIntoView(at("sasaran[1].uraian")))
	screenshot(t, ctx, "form-kaskade-2-mendukung")

	// Another induk: the dinas's indicators; the bidang's kode are wrong
	// there.
	retype(t, ctx, "pk_induk", dinas)
	waitFor(t, ctx, "the dinas's indicators", `document.getElementById("formulir").dataset.induk === "13"`)
	waitFor(t, ctx, "the bidang's kode refused", beside(sas)+`.includes("tidak ada di PK induk")`)
	do(t, ctx, "scroll to the induk", chromedp.ScrollIntoView(chromedp.CSS("h1")))
	screenshot(t, ctx, "form-kaskade-3-induk-lain")
	retype(t, ctx, sas, "DK-07")
	retype(t, ctx, "sasaran[2].mendukung", "DK-08")
	retype(t, ctx, ind, "DK-07")
	waitFor(t, ctx, "valid again", `!document.getElementById("formulir").dataset.menunggu && !document.getElementById("status").classList.contains("galat")`)
	do(t, ctx, "save", chromedp.Click(chromedp.CSS("#simpan")))
	waitFor(t, ctx, "saved", `document.getElementById("kabar").textContent.includes("disimpan")`)
	doc := loadPK(t, dir, seksi)
	if first := doc.Sasaran[0]; doc.PKInduk != dinas || !slices.Equal(first.Mendukung, []string{"DK-07"}) ||
		!slices.Equal(first.Indikator[0].Mendukung, []string{"DK-07"}) || first.Indikator[0].AgregasiKaskade != model.Jumlah {
		t.Errorf("saved: %q %q %q %q", doc.PKInduk, first.Mendukung, first.Indikator[0].Mendukung, first.Indikator[0].AgregasiKaskade)
	}

	// No induk: the empty Mendukung fields are hidden, the filled ones
	// stay (with the check's warning beside them).
	retype(t, ctx, "pk_induk", " ")
	waitFor(t, ctx, "no induk", `document.getElementById("formulir").dataset.induk === "0"`)
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('#daftar-sasaran [data-key="mendukung"]')].map((e) => e.dataset.path + "=" + (e.offsetParent !== null)).join(" ")`)); !strings.Contains(got, sas+"=true") || !strings.Contains(got, "sasaran[1].indikator[2].mendukung=false") {
		t.Errorf("visible mendukung fields without an induk: %s", got)
	}
}

// described is the description of the kode under the Mendukung field at
// path.
func described(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-path="`+path+`"]').closest(".medan").querySelector(".uraian-induk").textContent`))
	if err != nil {
		t.Fatalf("the description under %s: %v", path, err)
	}
	return got
}
