package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"pkgen"
	"pkgen/internal/testutil"
	"pkgen/model"
)

const tw3 = "jakarta-pusat-2023-tw3.toml"

// loadedGrid is the grid the page shows for a saved report, as the page
// sends it back unchanged.
func loadedGrid(t testing.TB, h *harness, name string) *grid {
	t.Helper()
	lap, _, err := pkgen.LoadRealisasi(pkgen.Input{FS: h.s.root.FS(), Name: name})
	if err != nil || lap == nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return newView(name, lap.Dokumen, lap).toGrid()
}

func (h *harness) postGrid(target string, g *grid) (*http.Response, []byte) {
	h.t.Helper()
	body, err := json.Marshal(g)
	if err != nil {
		h.t.Fatal(err)
	}
	w := h.request("POST", target, body)
	return w.Result(), w.Body.Bytes()
}

func (h *harness) checkGrid(g *grid) gridResult {
	h.t.Helper()
	res, body := h.postGrid("/api/realisasi/periksa?berkas="+tw3, g)
	if res.StatusCode != http.StatusOK {
		h.t.Fatalf("periksa: %d %s", res.StatusCode, body)
	}
	var out gridResult
	if err := json.Unmarshal(body, &out); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// setCell sets a row's cell (q 1..4) of the grid.
func setCell(t testing.TB, g *grid, kode string, q int, v string) {
	t.Helper()
	for i := range g.Rows {
		if g.Rows[i].Kode == kode {
			g.Rows[i].TW[q-1] = v
			return
		}
	}
	t.Fatalf("no row %s", kode)
}

func TestGridPage(t *testing.T) {
	h := newHarness(t, workspace(t))
	w := h.request("GET", "/realisasi?berkas="+tw3, nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	page := w.Body.String()
	for _, want := range []string{
		`data-kode="IK-01" data-jalur="realisasi[1]"`,
		`data-path="realisasi[1].tw.tw2" value="88,2"`,                    // the value, with a decimal comma
		`<span class="target">T 86,75</span>`,                             // its target beside it
		`>101,67% · Tercapai</output>`,                                    // T 86,75, R 88,2
		`value="(3) WTP"`,                                                 // a category
		`data-path="realisasi[4].kendala">Koordinasi rumpun perekonomian`, // notes
		`id="r0-tw4" class="nilai" data-tw="4" data-path="realisasi[1].tw.tw4" value="" autocomplete="off" disabled`, // after the report's quarter
		"Menyimpan dari grid menulis TOML baku", // the example's inner comments would go
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the grid lacks %q", want)
		}
	}
	// IK-21 and IK-22 have nothing to report before TW IV: rows, not written.
	if !strings.Contains(page, `data-kode="IK-21" data-jalur=""`) {
		t.Error("IK-21 has no row")
	}
	// A PK: its report of a quarter, or a new one named after it.
	if w := h.request("GET", "/realisasi?berkas="+seed+"&triwulan=3", nil); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/realisasi?berkas="+tw3 {
		t.Errorf("the PK's TW 3: %d %q", w.Code, w.Header().Get("Location"))
	}
	w = h.request("GET", "/realisasi?berkas="+seed+"&triwulan=2", nil)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `data-berkas="jakarta-pusat-2023-tw2.toml" data-hash=""`) {
		t.Errorf("a new report's grid: %d\n%.300s", w.Code, w.Body)
	}
	// A report that does not load has no grid: its messages, and the editor.
	testutil.WriteFile(t, filepath.Join(h.dir, "rusak-tw1.toml"), []byte("pk = \"jakarta-pusat-2023.toml\"\ntriwulan = 7\n"))
	w = h.request("GET", "/realisasi?berkas=rusak-tw1.toml", nil)
	if body := w.Body.String(); w.Code != http.StatusOK || !strings.Contains(body, "triwulan 7 tidak ada") || !strings.Contains(body, `href="/dokumen?berkas=rusak-tw1.toml"`) {
		t.Errorf("a broken report: %d\n%.600s", w.Code, body)
	}
	h.refused(http.StatusBadRequest, "GET", "/realisasi?berkas="+seed, nil)
	h.refused(http.StatusBadRequest, "GET", "/realisasi?berkas=../"+tw3, nil)
}

// TestGridRoundTrip: the grid of a report, sent back unchanged, is
// written as a report with the same values that computes the same
// capaian.
func TestGridRoundTrip(t *testing.T) {
	h := newHarness(t, workspace(t))
	lap, _, err := pkgen.LoadRealisasi(pkgen.Input{FS: h.s.root.FS(), Name: tw3})
	if err != nil || lap == nil {
		t.Fatal(err)
	}
	res := h.checkGrid(loadedGrid(t, h, tw3))
	if res.Errors != 0 || res.Warnings != 4 {
		t.Errorf("check: %d errors, %d warnings: %v", res.Errors, res.Warnings, res.Messages)
	}
	again, probs := model.ParseRealisasi(tw3, []byte(res.TOML), lap.Dokumen)
	if again == nil {
		t.Fatalf("the grid's TOML does not load: %v\n%s", probs, res.TOML)
	}
	if len(again.Realisasi) != len(lap.Realisasi) {
		t.Fatalf("%d rows written, %d in the file", len(again.Realisasi), len(lap.Realisasi))
	}
	for i, want := range lap.Realisasi {
		got := again.Realisasi[i]
		same := got.Kode == want.Kode && got.Kendala == want.Kendala && got.Upaya == want.Upaya && got.TahunLalu.Sama(want.TahunLalu)
		for k := range 4 {
			same = same && got.TW[k].Sama(want.TW[k]) && got.TW[k].Teks == want.TW[k].Teks
		}
		if !same {
			t.Errorf("row %d: %+v, want %+v", i+1, got, want)
		}
	}
	if !strings.HasPrefix(res.TOML, "#:schema ../schema/realisasi.schema.json\n# Realisasi Perjanjian Kinerja 2023") {
		t.Errorf("the file's opening comments are not kept:\n%.200s", res.TOML)
	}
	// The capaian the grid shows are the annex's.
	computed := 0
	for q := 1; q <= 3; q++ {
		at := *lap
		at.Triwulan = q
		rows, err := model.ComputeCapaian(lap.Dokumen, &at)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range rows {
			got := res.Rows[b.Indikator.Kode].TW[q-1]
			if got.Persen != b.Capaian.Persen(2) || got.Kategori != b.Capaian.Kategori {
				t.Errorf("%s TW %d: %+v, want %s %s", b.Indikator.Kode, q, got, b.Capaian.Persen(2), b.Capaian.Kategori)
			}
			if got.Persen != "" {
				computed++
			}
			if q == 3 {
				if sd := res.Rows[b.Indikator.Kode].SD; sd.Persen != b.CapaianSD.Persen(2) || sd.Kategori != b.CapaianSD.Kategori {
					t.Errorf("%s s.d. TW III: %+v, want %s", b.Indikator.Kode, sd, b.CapaianSD.Persen(2))
				}
			}
		}
	}
	if computed < 20 {
		t.Errorf("only %d capaian computed", computed)
	}
	if got := res.Rows["IK-01"].TW[1]; got.Persen != "101,67%" || got.Kategori != "Tercapai" {
		t.Errorf("IK-01 TW II: %+v", got)
	}
}

// TestGridBadValue: a bad cell's message names its cell; the other rows
// keep their capaian.
func TestGridBadValue(t *testing.T) {
	h := newHarness(t, workspace(t))
	g := loadedGrid(t, h, tw3)
	setCell(t, g, "IK-02", 2, "banyak")
	before := tree(t, h.dir)
	res := h.checkGrid(g)
	sameTree(t, before, tree(t, h.dir))
	if res.Errors == 0 || res.Class != "galat" {
		t.Fatalf("no error: %+v", res.checkJSON)
	}
	var found *message
	for i, m := range res.Messages {
		if m.Path == "realisasi[2].tw.tw2" {
			found = &res.Messages[i]
		}
	}
	if found == nil || !found.Galat || !strings.Contains(found.Location, "jakarta-pusat-2023-tw3.toml:") {
		t.Fatalf("no error at realisasi[2].tw.tw2: %+v", res.Messages)
	}
	if res.Rows["IK-02"].Path != "realisasi[2]" || res.Rows["IK-02"].TW[1].Persen != "" {
		t.Errorf("IK-02: %+v", res.Rows["IK-02"])
	}
	if got := res.Rows["IK-01"].TW[1].Persen; got != "101,67%" {
		t.Errorf("IK-01 lost its capaian: %q", got)
	}
	// A number typed with a decimal comma is a number.
	setCell(t, g, "IK-02", 2, "86,75")
	if res := h.checkGrid(g); res.Errors != 0 || res.Rows["IK-02"].TW[1].Kategori == "" {
		t.Errorf("86,75: %+v %+v", res.Messages, res.Rows["IK-02"])
	}
}

func TestGridSave(t *testing.T) {
	h := newHarness(t, workspace(t))
	file := filepath.Join(h.dir, tw3)
	original := testutil.ReadFile(t, file)
	g := loadedGrid(t, h, tw3)
	setCell(t, g, "IK-01", 2, "90")

	// Changed on disk since the page loaded it: refused, nothing written.
	res, body := func() (*http.Response, []byte) {
		before := tree(t, h.dir)
		defer sameTree(t, before, tree(t, h.dir))
		return h.postGrid("/api/realisasi/simpan?berkas="+tw3+"&hash="+hash([]byte("another version")), g)
	}()
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(body), "berubah di disk") {
		t.Errorf("conflict: %d %s", res.StatusCode, body)
	}

	res, body = h.postGrid("/api/realisasi/simpan?berkas="+tw3+"&hash="+hash(original), g)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("save: %d %s", res.StatusCode, body)
	}
	saved := testutil.ReadFile(t, file)
	if !bytes.Contains(saved, []byte("kode = \"IK-01\"\ntw = { tw2 = 90 }\n")) {
		t.Errorf("saved:\n%s", saved)
	}
	kept, _ := filepath.Glob(filepath.Join(h.dir, ".pkgen", "riwayat", "jakarta-pusat-2023-tw3-*.toml"))
	if len(kept) != 1 || !bytes.Equal(testutil.ReadFile(t, kept[0]), original) {
		t.Errorf("history %v", kept)
	}
	if rep := h.s.check(tw3, nil); rep.Errors != 0 {
		t.Errorf("the saved report: %v", rep.Messages)
	}

	// A new report: created once, never over an existing file.
	g.Triwulan = 2
	for i := range g.Rows {
		g.Rows[i].TW[2] = ""
	}
	const tw2 = "jakarta-pusat-2023-tw2.toml"
	if res, body := h.postGrid("/api/realisasi/simpan?berkas="+tw2, g); res.StatusCode != http.StatusOK {
		t.Fatalf("new report: %d %s", res.StatusCode, body)
	}
	if rep := h.s.check(tw2, nil); rep.Errors != 0 || rep.Laporan == nil || rep.Laporan.Triwulan != 2 {
		t.Errorf("the new report: %v", rep.Messages)
	}
	before := tree(t, h.dir)
	if res, body := h.postGrid("/api/realisasi/simpan?berkas="+tw2, g); res.StatusCode != http.StatusConflict {
		t.Errorf("creating over it: %d %s", res.StatusCode, body)
	}
	sameTree(t, before, tree(t, h.dir))
}

func TestGridAnnex(t *testing.T) {
	h := newHarness(t, workspace(t))
	g := loadedGrid(t, h, tw3)
	setCell(t, g, "IK-01", 2, "91,5")
	before := tree(t, h.dir)
	res, body := h.postGrid("/api/realisasi/lampiran?berkas="+tw3+"&ttd=1", g)
	sameTree(t, before, tree(t, h.dir))
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("annex: %d %s", res.StatusCode, body)
	}
	if text := testutil.PDFText(t, body); !strings.Contains(text, "91,5") || !strings.Contains(text, "105,48") {
		t.Errorf("the annex lacks the grid's value 91,5 and its capaian 105,48%%:\n%.600s", text)
	}
	setCell(t, g, "IK-01", 2, "banyak")
	if res, body := h.postGrid("/api/realisasi/lampiran?berkas="+tw3, g); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a bad grid's annex: %d %.200s", res.StatusCode, body)
	}

	// Written beside the report only when asked, replaced only with consent.
	save := "/api/realisasi/simpan-lampiran?berkas=" + tw3
	if w := h.request("POST", save, nil); w.Code != http.StatusOK {
		t.Fatalf("save the annex: %d %s", w.Code, w.Body)
	}
	out := filepath.Join(h.dir, "jakarta-pusat-2023-tw3.pdf")
	first := testutil.ReadFile(t, out)
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	w := h.refused(http.StatusConflict, "POST", save+"&ttd=1", nil)
	if !strings.Contains(w.Body.String(), `"ada":true`) {
		t.Errorf("conflict body %s", w.Body)
	}
	if w := h.request("POST", save+"&ttd=1&timpa=1", nil); w.Code != http.StatusOK || bytes.Equal(testutil.ReadFile(t, out), first) {
		t.Errorf("replace with consent: %d %s", w.Code, w.Body)
	}
}

// lkipForm is the multipart request the page sends to merge an LKIP.
func lkipForm(t *testing.T, g *grid, lkip []byte) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	js, _ := json.Marshal(g)
	mw.WriteField("grid", string(js))
	fw, _ := mw.CreateFormFile("lkip", "lkip-2023.pdf")
	fw.Write(lkip)
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

func TestGridLKIP(t *testing.T) {
	h := newHarness(t, workspace(t))
	g := loadedGrid(t, h, tw3)
	pk, err := pkgen.RenderPK(pkgen.Input{FS: h.s.root.FS(), Name: seed}, pkgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	send := func(status int, lkip []byte, edit ...func(*http.Request)) *http.Response {
		t.Helper()
		body, ctype := lkipForm(t, g, lkip)
		w := h.refused(status, "POST", "/api/realisasi/lkip?berkas="+tw3+"&ttd=1", body,
			append([]func(*http.Request){func(r *http.Request) { r.Header.Set("Content-Type", ctype) }}, edit...)...)
		return w.Result()
	}
	res := send(http.StatusOK, pk.PDF)
	if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="lkip-2023-capaian.pdf"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	var merged bytes.Buffer
	merged.ReadFrom(res.Body)
	text := testutil.PDFText(t, merged.Bytes())
	if !strings.Contains(text, "PERJANJIAN KINERJA") || !strings.Contains(text, "101,67") {
		t.Errorf("the merged PDF lacks the LKIP or the annex:\n%.400s", text)
	}

	// Not a PDF: refused with its reason.
	res = send(http.StatusUnsupportedMediaType, []byte("PK,IK-01\n1,2\n"))
	var msg bytes.Buffer
	msg.ReadFrom(res.Body)
	if !strings.Contains(msg.String(), "lkip-2023.pdf bukan berkas PDF") {
		t.Errorf("message %q", msg.String())
	}
	send(http.StatusUnprocessableEntity, []byte("%PDF-1.7\nrusak"))

	// Over the limit: streamed, or declared up front.
	defer func(was int64) { lkipLimit = was }(lkipLimit)
	lkipLimit = int64(len(pk.PDF)) - 1
	send(http.StatusRequestEntityTooLarge, pk.PDF, func(r *http.Request) { r.ContentLength = -1 })
	lkipLimit = 1 << 20
	send(http.StatusRequestEntityTooLarge, pk.PDF, func(r *http.Request) { r.ContentLength = 300 << 20 })
}

// BenchmarkGridCheck is the grid's round trip for the tw3 example: the
// JSON, the TOML written, pkgen.Check and the capaian of each quarter;
// with a bad cell the report is checked twice (the rest's capaian).
func BenchmarkGridCheck(b *testing.B) {
	h := newHarness(b, workspace(b))
	g := loadedGrid(b, h, tw3)
	body, _ := json.Marshal(g)
	setCell(b, g, "IK-02", 2, "banyak")
	bad, _ := json.Marshal(g)
	for name, body := range map[string][]byte{"valid": body, "bad-cell": bad} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if w := h.request("POST", "/api/realisasi/periksa?berkas="+tw3, body); w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}

// BenchmarkGridAnnex is "Buat lampiran capaian" for the tw3 example.
func BenchmarkGridAnnex(b *testing.B) {
	h := newHarness(b, workspace(b))
	body, _ := json.Marshal(loadedGrid(b, h, tw3))
	b.ReportAllocs()
	for b.Loop() {
		if w := h.request("POST", "/api/realisasi/lampiran?berkas="+tw3+"&ttd=1", body); w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
