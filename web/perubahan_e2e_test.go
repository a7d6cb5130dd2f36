package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pkgen/internal/testutil"
)

// TestBrowserPerubahan drives Buat PK Perubahan and Riwayat in Chromium:
// from the seed's page, an amendment for a new PIHAK KEDUA lands on its
// own page, whose diff lists the new name; then a save of the seed is
// undone from Riwayat after the page's confirmation.
func TestBrowserPerubahan(t *testing.T) {
	ctx := browser(t)
	dir := workspace(t)
	os.Remove(filepath.Join(dir, amended))
	s := serve(t, dir)

	do(t, ctx, "open", chromedp.Navigate(s.URL()), chromedp.WaitVisible(chromedp.CSS("#daftar")))
	do(t, ctx, "the seed", chromedp.Navigate(strings.Replace(s.URL(), "/?token=", "/dokumen?berkas="+seed+"&token=", 1)),
		chromedp.WaitVisible(chromedp.CSS("#isi-toml")))
	do(t, ctx, "Buat PK Perubahan", chromedp.Click(chromedp.CSS("#ke-perubahan")), chromedp.WaitVisible(chromedp.CSS("#perubahan")))
	if got := text(t, ctx, "#ringkas-perubahan"); !strings.Contains(got, amended) {
		t.Errorf("the wizard says %q", got)
	}
	do(t, ctx, "alasan pejabat", chromedp.Click(chromedp.CSS(`input[value="pejabat"]`)), chromedp.WaitVisible(chromedp.CSS("#kedua")))
	setValue(t, ctx, "berlaku", "2023-07-01")
	setValue(t, ctx, "keterangan", "Pergantian Penjabat Gubernur.")
	setValue(t, ctx, "kedua-nama", "Budi Santoso")
	screenshot(t, ctx, "perubahan-1-wizard")
	do(t, ctx, "create", chromedp.Click(chromedp.CSS("#buat-perubahan")))
	// The page before also has #isi-toml: wait for the new address first,
	// or the next query may run while the old page goes away.
	var loc string
	for range 100 {
		l, err := chromedp.Run(ctx, chromedp.Location())
		if loc = l; err == nil && strings.HasSuffix(loc, "/dokumen?berkas="+amended) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.HasSuffix(loc, "/dokumen?berkas="+amended) {
		t.Fatalf("after Buat PK Perubahan the page is %s (%s)", loc, text(t, ctx, "#kabar"))
	}
	do(t, ctx, "the amendment", chromedp.WaitVisible(chromedp.CSS("#isi-toml")), chromedp.WaitVisible(chromedp.CSS(".ringkas")))
	if got := text(t, ctx, ".ringkas"); !strings.Contains(got, "Perubahan ke-1") || !strings.Contains(got, "sah") {
		t.Errorf("the amendment's summary: %q", got)
	}
	screenshot(t, ctx, "perubahan-2-dokumen")
	do(t, ctx, "the diff", chromedp.Click(chromedp.CSS("#ke-beda")), chromedp.WaitVisible(chromedp.CSS("#beda-versi")))
	if got := text(t, ctx, "#beda-versi"); !strings.Contains(got, "~ pihak_kedua.nama: Heru Budi Hartono → Budi Santoso") {
		t.Errorf("the diff lists %q", got)
	}
	screenshot(t, ctx, "perubahan-3-beda")

	// A save of the seed, then Riwayat brings the old version back.
	path := filepath.Join(dir, seed)
	old := testutil.ReadFile(t, path)
	do(t, ctx, "the seed again", chromedp.Navigate(strings.Replace(s.URL(), "/?token=", "/dokumen?berkas="+seed+"&token=", 1)),
		chromedp.WaitVisible(chromedp.CSS("#isi-toml")))
	setValue(t, ctx, "isi-toml", "# disunting di peramban\n"+string(old))
	do(t, ctx, "save", chromedp.Click(chromedp.CSS("#simpan")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("kabar").textContent.includes("disimpan")`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("never saved: %v (%s)", err, text(t, ctx, "#kabar"))
	}
	do(t, ctx, "Riwayat", chromedp.Click(chromedp.CSS("#ke-riwayat")), chromedp.WaitVisible(chromedp.CSS("#riwayat button.pulihkan")))
	do(t, ctx, "Pulihkan", chromedp.Click(chromedp.CSS("#riwayat button.pulihkan")), chromedp.WaitVisible(chromedp.CSS("#konfirmasi")))
	if got := testutil.ReadFile(t, path); string(got) == string(old) {
		t.Fatal("restored before the confirmation")
	}
	screenshot(t, ctx, "perubahan-4-riwayat")
	do(t, ctx, "confirm", chromedp.Click(chromedp.CSS("#ya-pulihkan")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("kabar").textContent.includes("disimpan")`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("never restored: %v (%s)", err, text(t, ctx, "#kabar"))
	}
	if got := testutil.ReadFile(t, path); string(got) != string(old) {
		t.Error("Pulihkan did not bring the old version back")
	}
	if kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "jakarta-pusat-2023-2*.toml")); len(kept) != 2 {
		t.Errorf("history %v", kept)
	}
	do(t, ctx, "the list again", chromedp.WaitVisible(chromedp.CSS("#riwayat")), chromedp.Sleep(2*time.Second))
	screenshot(t, ctx, "perubahan-5-dipulihkan")
}
