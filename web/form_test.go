package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pkgen"
	"pkgen/files"
	"pkgen/internal/testutil"
	"pkgen/model"
)

// examplesWorkspace copies every example (with the logos and templates
// they name) into a new folder; it returns the folder and the PKs in it.
func examplesWorkspace(t testing.TB) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testutil.Example(t, ""))); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	var pks []string
	for _, n := range names {
		if !model.IsRealisasi(testutil.ReadFile(t, n)) {
			pks = append(pks, filepath.Base(n))
		}
	}
	if len(pks) < 10 {
		t.Fatalf("only %d example PKs", len(pks))
	}
	return dir, pks
}

// loadPK loads name from dir as pkgen does.
func loadPK(t testing.TB, dir, name string) *model.Document {
	t.Helper()
	doc, probs, err := pkgen.LoadPK(pkgen.Input{FS: os.DirFS(dir), Name: name})
	if doc == nil || err != nil {
		t.Fatalf("%s: %v %v", name, err, probs)
	}
	return doc
}

// formJSON is the form of name as the page sends it unchanged.
func formJSON(t testing.TB, dir, name string) formDocument {
	t.Helper()
	return formOf(loadPK(t, dir, name))
}

func (h *harness) postForm(what, name string, f formDocument, query string) (*http.Response, map[string]any) {
	h.t.Helper()
	body, err := json.Marshal(f)
	if err != nil {
		h.t.Fatal(err)
	}
	w := h.request("POST", "/api/formulir/"+what+"?berkas="+name+query, body)
	var out map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		h.t.Fatalf("%s %s: status %d, not JSON: %s", what, name, w.Code, w.Body)
	}
	return w.Result(), out
}

// messages are the located messages of a check's answer.
func messages(t testing.TB, res map[string]any) []map[string]any {
	t.Helper()
	list, _ := res["daftar"].([]any)
	var out []map[string]any
	for _, m := range list {
		out = append(out, m.(map[string]any))
	}
	return out
}

func findMessage(ms []map[string]any, path string) map[string]any {
	for _, m := range ms {
		if m["jalur"] == path {
			return m
		}
	}
	return nil
}

// TestFormRendersEveryExample: every example PK opens as a form with its
// parties, a field per target keyed by its path, and its budget's total; a
// realisasi report does not.
func TestFormRendersEveryExample(t *testing.T) {
	dir, pks := examplesWorkspace(t)
	h := newHarness(t, dir)
	for _, name := range pks {
		doc := loadPK(t, dir, name)
		w := h.request("GET", "/formulir?berkas="+name, nil)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d: %.300s", name, w.Code, w.Body)
			continue
		}
		page := w.Body.String()
		last := len(doc.Sasaran)
		want := []string{
			`data-path="sasaran[1].indikator[1].target.tw1"`,
			`data-path="sasaran[` + strconv.Itoa(last) + `].indikator[` + strconv.Itoa(len(doc.Sasaran[last-1].Indikator)) + `].target.tahunan"`,
			`data-path="pihak_pertama.nama"`, `data-path="pihak_kedua.status"`,
			`<template id="baru-indikator">`, `src="/aset/form.js"`,
		}
		if doc.PihakPertama.Nama != "" {
			want = append(want, `value="`+doc.PihakPertama.Nama+`"`)
		}
		if len(doc.Anggaran) > 0 {
			want = append(want, `data-path="anggaran[1].jumlah"`, `>`+totalAnggaran(doc)+`</output>`)
		}
		for _, s := range want {
			if !strings.Contains(page, s) {
				t.Errorf("%s: the form lacks %s", name, s)
			}
		}
		if n := strings.Count(page, `class="baris indikator"`); n != doc.JumlahIndikator()+2 { // and the two templates of new rows
			t.Errorf("%s: %d indicator rows, want %d", name, n, doc.JumlahIndikator()+2)
		}
		if n, labels := strings.Count(page, "<input")+strings.Count(page, "<select")+strings.Count(page, "<textarea"), strings.Count(page, "<label>"); n != labels {
			t.Errorf("%s: %d fields, %d labels", name, n, labels)
		}
	}
	w := h.request("GET", "/formulir?berkas=jakarta-pusat-2023-tw3.toml", nil)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "laporan realisasi, bukan PK") {
		t.Errorf("a realisasi report's form: status %d: %.300s", w.Code, w.Body)
	}
}

// TestFormRoundTrip: the form of every example, sent back unchanged,
// makes a TOML that checks to the same document (model.Compare finds
// nothing, the canonical TOML is the same bytes) with the same problems;
// what the form does not show (perubahan, capaian rules, templat,
// tanda_tangan, bagian, kondisi_awal …) survives.
func TestFormRoundTrip(t *testing.T) {
	dir, pks := examplesWorkspace(t)
	h := newHarness(t, dir)
	for _, name := range pks {
		base := loadPK(t, dir, name)
		_, before, _ := pkgen.LoadPK(pkgen.Input{FS: os.DirFS(dir), Name: name})
		// Through the server: the same counts as the file's own check.
		_, answer := h.postForm("periksa", name, formOf(base), "")
		if saved := h.s.check(name, nil); answer["galat"] != float64(saved.Errors) || answer["peringatan"] != float64(saved.Warnings) {
			t.Errorf("%s: the unchanged form checks to %v errors, %v warnings; the file to %d, %d", name, answer["galat"], answer["peringatan"], saved.Errors, saved.Warnings)
		}
		body, err := json.Marshal(formOf(base))
		if err != nil {
			t.Fatal(err)
		}
		f, err := decodeForm(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, probs := f.apply(base)
		if len(probs) > 0 {
			t.Errorf("%s: the form's own problems: %v", name, probs)
		}
		old := testutil.ReadFile(t, filepath.Join(dir, name))
		text := model.EncodePK(doc, formHeader(old))
		snap := files.NewSnapshot(os.DirFS(dir))
		snap.Add(name, text)
		res, err := pkgen.Check(pkgen.Input{FS: snap, Name: name}, pkgen.Options{})
		if err != nil || res.Doc == nil {
			t.Errorf("%s: the form's TOML does not check: %v", name, err)
			continue
		}
		if d := model.Compare(base, res.Doc); len(d) > 0 {
			t.Errorf("%s: changed by the round trip: %v", name, d)
		}
		if a, b := model.EncodePK(base, ""), model.EncodePK(res.Doc, ""); !bytes.Equal(a, b) {
			t.Errorf("%s: the canonical TOML differs:\n%s", name, testutil.Diff(string(a), string(b)))
		}
		if a, b := unlocated(before), unlocated(res.Problems); !slices.Equal(a, b) {
			t.Errorf("%s: problems\n%v\nbecame\n%v", name, a, b)
		}
	}
}

// unlocated are problems without their lines (the form's TOML is laid out
// anew).
func unlocated(ps model.Problems) []string {
	var out []string
	for _, p := range ps {
		p.Line = 0
		out = append(out, p.String())
	}
	return out
}

// TestFormCheckBadTarget: a bad target gives its message at the target's
// key path, a bad budget amount at its own; the check writes nothing.
func TestFormCheckBadTarget(t *testing.T) {
	dir, _ := examplesWorkspace(t)
	h := newHarness(t, dir)
	before := tree(t, dir)

	f := formJSON(t, dir, seed)
	f.Sasaran[0].Indikator[0].Target.TW2 = "banyak"
	resp, res := h.postForm("periksa", seed, f, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %v", resp.StatusCode, res)
	}
	m := findMessage(messages(t, res), "sasaran[1].indikator[1].target.tw2")
	if m == nil || m["galat"] != true || !strings.Contains(m["teks"].(string), "berbeda jenis") {
		t.Errorf("no error at sasaran[1].indikator[1].target.tw2: %v", messages(t, res))
	}

	// Moved: the message follows the row to its new path.
	s := f.Sasaran[0]
	s.Indikator[0], s.Indikator[1] = s.Indikator[1], s.Indikator[0]
	_, res = h.postForm("periksa", seed, f, "")
	if findMessage(messages(t, res), "sasaran[1].indikator[2].target.tw2") == nil {
		t.Errorf("moved, the message is not at sasaran[1].indikator[2].target.tw2: %v", messages(t, res))
	}

	const budget = "kabupaten-contoh-bidang-2024.toml"
	g := formJSON(t, dir, budget)
	g.Anggaran[0].Jumlah = "dua juta"
	g.Anggaran[1].Jumlah = "1.500.000"
	_, res = h.postForm("periksa", budget, g, "")
	if m := findMessage(messages(t, res), "anggaran[1].jumlah"); m == nil || m["galat"] != true {
		t.Errorf("no error at anggaran[1].jumlah: %v", messages(t, res))
	}
	if findMessage(messages(t, res), "anggaran[2].jumlah") != nil {
		t.Errorf("a grouped amount refused: %v", messages(t, res))
	}
	doc := loadPK(t, dir, budget)
	doc.Anggaran[0].Jumlah, doc.Anggaran[1].Jumlah = 0, 1_500_000
	if res["total"] != totalAnggaran(doc) {
		t.Errorf("total %v, want %s", res["total"], totalAnggaran(doc))
	}
	sameTree(t, before, tree(t, dir))
}

// TestFormSave: a save writes canonical TOML with the new indicator where
// the form put it, keeps the hand-written original in the history and
// says so, keeps what the form does not show, and refuses a save over a
// file changed on disk (409) and a form with errors (422), writing
// nothing.
func TestFormSave(t *testing.T) {
	dir, _ := examplesWorkspace(t)
	h := newHarness(t, dir)
	const name = "jakarta-pusat-2023-perubahan-1.toml"
	path := filepath.Join(dir, name)
	old := testutil.ReadFile(t, path)
	base := loadPK(t, dir, name)
	if w := h.request("GET", "/formulir?berkas="+name, nil); !strings.Contains(w.Body.String(), `id="kanonik"`) {
		t.Error("the form of a hand-written file does not say its comments will not be kept")
	}

	f := formOf(base)
	added := formIndikator{Kode: "IK-99", Uraian: "Jumlah dokumen uji", Satuan: "Dokumen", Polaritas: "naik", Agregasi: "akhir",
		Target: formTarget{TW1: "1", TW2: "2", TW3: "3", TW4: "4", Tahunan: "4"}, Pengukuran: "**Definisi:** dokumen uji.\n\n1. satu\n2. dua"}
	f.Sasaran[1].Indikator = append([]formIndikator{added}, f.Sasaran[1].Indikator...)
	f.Sasaran[0], f.Sasaran[2] = f.Sasaran[2], f.Sasaran[0]

	// With errors: refused.
	bad := f
	bad.Sasaran = slices.Clone(f.Sasaran)
	bad.Sasaran[1].Indikator = slices.Clone(f.Sasaran[1].Indikator)
	bad.Sasaran[1].Indikator[0].Target.TW2 = "banyak"
	before := tree(t, dir)
	resp, res := h.postForm("simpan", name, bad, "&hash="+hash(old))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res["pesan"].(string), "masih bergalat") {
		t.Errorf("a form with errors: status %d: %v", resp.StatusCode, res)
	}
	sameTree(t, before, tree(t, dir))

	resp, res = h.postForm("simpan", name, f, "&hash="+hash(old))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("save: status %d: %v", resp.StatusCode, res)
	}
	if msg := res["pesan"].(string); !strings.Contains(msg, "TOML kanonik") || !strings.Contains(msg, ".pkgen/riwayat/") {
		t.Errorf("the first save of a hand-written file says %q", msg)
	}
	saved := testutil.ReadFile(t, path)
	if res["hash"] != hash(saved) {
		t.Error("the hash answered is not the saved file's")
	}
	if !bytes.HasPrefix(saved, []byte("#:schema ../schema/pk.schema.json\n")) {
		t.Errorf("the schema directive is not kept: %.80q", saved)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, ".pkgen", "riwayat", "jakarta-pusat-2023-perubahan-1-*.toml"))
	if len(kept) != 1 || !bytes.Equal(testutil.ReadFile(t, kept[0]), old) {
		t.Errorf("history %v", kept)
	}
	doc := loadPK(t, dir, name)
	if got := doc.Sasaran[1].Indikator[0]; got.Kode != "IK-99" || got.Target.Tahunan.String() != "4" || got.Pengukuran != added.Pengukuran {
		t.Errorf("the new indicator: %+v", got)
	}
	if doc.Sasaran[0].Uraian != base.Sasaran[2].Uraian || doc.Sasaran[2].Uraian != base.Sasaran[0].Uraian {
		t.Error("the sasaran were not swapped")
	}
	if doc.Perubahan == nil || doc.Perubahan.Mengubah != base.Perubahan.Mengubah || doc.Perubahan.Alasan != base.Perubahan.Alasan ||
		!slices.Equal(doc.Templat, base.Templat) || !reflect.DeepEqual(doc.Tandatangan, base.Tandatangan) || !reflect.DeepEqual(doc.Capaian, base.Capaian) {
		t.Errorf("what the form does not show changed: %+v", doc.Perubahan)
	}
	// The moved indicators keep their hidden fields.
	for i, j := range []int{2, 1, 0} {
		for k, ind := range base.Sasaran[j].Indikator {
			at := k
			if i == 1 {
				at++
			}
			got := doc.Sasaran[i].Indikator[at]
			if got.Kode != ind.Kode || got.SumberData != ind.SumberData || got.KondisiAwal.String() != ind.KondisiAwal.String() || got.Skala != ind.Skala {
				t.Errorf("sasaran[%d].indikator[%d]: %+v, was %+v", i+1, at+1, got, ind)
			}
		}
	}

	// Saved again from the same page: unchanged, nothing written; the
	// file is canonical now, so no warning.
	resp, res = h.postForm("simpan", name, formOf(doc), "&hash="+hash(saved))
	if resp.StatusCode != http.StatusOK || !strings.Contains(res["pesan"].(string), "tidak berubah") {
		t.Errorf("an unchanged save: status %d: %v", resp.StatusCode, res)
	}
	w := h.request("GET", "/formulir?berkas="+name, nil)
	if strings.Contains(w.Body.String(), `id="kanonik"`) {
		t.Error("the form still warns about a hand-written file after saving it")
	}

	// Changed on disk since the page loaded it: refused, both versions.
	other := append([]byte("# disunting di editor lain\n"), saved...)
	testutil.WriteFile(t, path, other)
	before = tree(t, dir)
	resp, res = h.postForm("simpan", name, formOf(doc), "&hash="+hash(saved))
	if resp.StatusCode != http.StatusConflict || res["isi"] != string(other) || !strings.Contains(res["pesan"].(string), "berubah di disk") {
		t.Errorf("a save over a changed file: status %d: %v", resp.StatusCode, res["pesan"])
	}
	sameTree(t, before, tree(t, dir))
}

// TestFormRequestsGuarded: the form's requests pass the same guard as
// the editor's, and a body that is not the form is refused; nothing is
// written.
func TestFormRequestsGuarded(t *testing.T) {
	dir, _ := examplesWorkspace(t)
	h := newHarness(t, dir)
	old := testutil.ReadFile(t, filepath.Join(dir, seed))
	body, _ := json.Marshal(formJSON(t, dir, seed))
	save := "/api/formulir/simpan?berkas=" + seed + "&hash=" + hash(old)
	h.refused(http.StatusForbidden, "POST", save, body, func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") })
	h.refused(http.StatusForbidden, "POST", save, body, func(r *http.Request) { r.Header.Del(csrfHeader) })
	h.refused(http.StatusUnauthorized, "POST", save, body, func(r *http.Request) { r.Header.Del("Cookie") })
	h.refused(http.StatusBadRequest, "POST", "/api/formulir/simpan?berkas=../x.toml&hash="+hash(old), body)
	h.refused(http.StatusBadRequest, "POST", save, []byte(`{"sasaran": [], "tahun": 2030}`))
	h.refused(http.StatusBadRequest, "POST", save, []byte(`tahun = 2030`))
	h.refused(http.StatusBadRequest, "GET", "/formulir?berkas=/etc/passwd.toml", nil)
}

// The form's preview is the PDF of the form as it would be saved (a target
// changed in the form shows in it); a form with errors gets 422 and no PDF;
// nothing is written.
func TestFormPreview(t *testing.T) {
	dir, _ := examplesWorkspace(t)
	h := newHarness(t, dir)
	before := tree(t, dir)
	f := formJSON(t, dir, seed)
	f.Sasaran[0].Indikator[0].Target.TW2 = "85.25"
	f.Sasaran[0].Indikator[0].Target.TW4 = "85.25"
	f.Sasaran[0].Indikator[0].Target.Tahunan = "85.25"
	body, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	w := h.request("POST", "/api/formulir/pratinjau?berkas="+seed, body)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("preview: %d %s: %.200s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if text := testutil.PDFText(t, w.Body.Bytes()); !strings.Contains(text, "85,25") {
		t.Error("the preview does not show the form's target 85,25")
	}
	f.Sasaran[0].Indikator[0].Target.TW2 = "banyak"
	resp, res := h.postForm("pratinjau", seed, f, "")
	if resp.StatusCode != http.StatusUnprocessableEntity || findMessage(messages(t, res), "sasaran[1].indikator[1].target.tw2") == nil {
		t.Errorf("a form with errors: %d %v", resp.StatusCode, res)
	}
	sameTree(t, before, tree(t, dir))
}
