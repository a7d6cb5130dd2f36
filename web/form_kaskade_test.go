package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// The example chain of the seksi: seksi → bidang → dinas → bupati.
const (
	seksi  = "kabupaten-contoh-seksi-2024.toml"
	bidang = "kabupaten-contoh-bidang-2024.toml"
	dinas  = "kabupaten-contoh-dinas-kesehatan-2024.toml"
	bupati = "kabupaten-contoh-bupati-2024.toml"
)

// chainWorkspace copies the seksi's cascade into a workspace folder of
// its own, under a parent folder where a test may put files outside the
// workspace; it returns the workspace.
func chainWorkspace(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kerja")
	if err := os.MkdirAll(filepath.Join(dir, ".pkgen", "riwayat"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{seksi, bidang, dinas, bupati} {
		testutil.WriteFile(t, filepath.Join(dir, n), testutil.ReadFile(t, testutil.Example(t, n)))
	}
	return dir
}

// save saves f over name through the server and returns the saved
// document.
func (h *harness) saveForm(name string, f formDocument) *model.Document {
	h.t.Helper()
	old := testutil.ReadFile(h.t, filepath.Join(h.dir, name))
	resp, res := h.postForm("simpan", name, f, "&hash="+hash(old))
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("save %s: status %d: %v", name, resp.StatusCode, res)
	}
	return loadPK(h.t, h.dir, name)
}

// TestFormKaskadePage: the form of a linked PK shows its pk_induk with the
// workspace's other PKs of the year to choose from (relative paths, not
// itself), its Mendukung fields with the induk's indicators as
// suggestions, and the sum checkbox.
func TestFormKaskadePage(t *testing.T) {
	dir := chainWorkspace(t)
	testutil.WriteFile(t, filepath.Join(dir, "lain-2023.toml"), testutil.ReadFile(t, testutil.Example(t, seed)))
	h := newHarness(t, dir)
	page := h.request("GET", "/formulir?berkas="+seksi, nil).Body.String()
	for _, s := range []string{
		`<form id="pk" novalidate class="berinduk">`,
		`id="pk-induk" data-path="pk_induk" list="daftar-pk-induk" value="` + bidang + `"`,
		`<option value="` + bidang + `">`, `<option value="` + dinas + `">`, `<option value="` + bupati + `">`,
		`data-path="sasaran[1].mendukung" value="P2P-04"`, `data-path="sasaran[2].mendukung" value="P2P-05"`,
		`data-path="sasaran[1].indikator[1].mendukung" value=""`,
		`data-path="sasaran[1].indikator[1].agregasi_kaskade">`,
		`<option value="P2P-04" data-kode="P2P-04"`, `P2P-07 — `,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("the seksi's form lacks %s", s)
		}
	}
	for _, s := range []string{`<option value="` + seksi + `">`, `<option value="lain-2023.toml">`} {
		if strings.Contains(page, s) {
			t.Errorf("the seksi's form offers %s as its induk", s)
		}
	}
	// The choices follow the folder: a new PK of the year is offered, one
	// moved to another year no longer is.
	other := strings.Replace(string(testutil.ReadFile(t, filepath.Join(dir, bidang))), "tahun = 2024", "tahun = 2023", 1) + "\n# pindah tahun\n"
	testutil.WriteFile(t, filepath.Join(dir, bidang), []byte(other))
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(dir, "sub", "baru-2024.toml"), testutil.ReadFile(t, filepath.Join(dir, dinas)))
	page = h.request("GET", "/formulir?berkas="+seksi, nil).Body.String()
	if strings.Contains(page, `<option value="`+bidang+`">`) || !strings.Contains(page, `<option value="sub/baru-2024.toml">`) {
		t.Error("the choices did not follow the folder's changes")
	}
	if page := h.request("GET", "/formulir?berkas=sub/baru-2024.toml", nil).Body.String(); !strings.Contains(page, `<option value="../`+bupati+`">`) {
		t.Error("a PK in a subfolder is not offered its induk as ../NAME")
	}

	// The dinas marks DK-09 as the sum of the indicators below it.
	page = h.request("GET", "/formulir?berkas="+dinas, nil).Body.String()
	if n := strings.Count(page, `data-key="agregasi_kaskade" data-path="sasaran[`); n != loadPK(t, dir, dinas).JumlahIndikator()+2 { // and the two templates of new rows
		t.Errorf("%d sum checkboxes", n)
	}
	if !strings.Contains(page, `.agregasi_kaskade" checked>`) {
		t.Error("the dinas's DK-09 is not checked as a sum")
	}

	// The induk's indicators through the endpoint.
	w := h.request("GET", "/api/formulir/induk?berkas="+seksi+"&induk="+dinas, nil)
	var res struct{ Kode []indukKode }
	if err := json.Unmarshal(w.Body.Bytes(), &res); w.Code != http.StatusOK || err != nil || len(res.Kode) != loadPK(t, dir, dinas).JumlahIndikator() || res.Kode[0].Kode != "DK-01" || res.Kode[0].Uraian == "" {
		t.Errorf("the dinas's indicators: %d %s", w.Code, w.Body)
	}
	if w := h.request("GET", "/api/formulir/induk?berkas="+seksi+"&induk=", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"kode":[]`) {
		t.Errorf("no induk: %d %s", w.Code, w.Body)
	}
	if w := h.request("GET", "/api/formulir/induk?berkas="+seksi+"&induk=tiada.toml", nil); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "pk_induk: berkas PK induk") {
		t.Errorf("a missing induk: %d %s", w.Code, w.Body)
	}
	// The endpoint is behind the guard like every other: a foreign Host
	// and a missing token are refused before anything is read.
	target := "/api/formulir/induk?berkas=" + seksi + "&induk=" + dinas
	for _, w := range []*httptest.ResponseRecorder{
		h.refused(http.StatusMisdirectedRequest, "GET", target, nil, func(r *http.Request) { r.Host = "evil.example:8800" }),
		h.refused(http.StatusUnauthorized, "GET", target, nil, func(r *http.Request) { r.Header.Del("Cookie") }),
	} {
		if strings.Contains(w.Body.String(), "DK-01") {
			t.Error("a refused request was answered with the induk's indicators")
		}
	}
}

// TestRelativePath: pk_induk from a file in a subfolder.
func TestRelativePath(t *testing.T) {
	for _, c := range [][3]string{
		{".", "a.toml", "a.toml"}, {"x", "a.toml", "../a.toml"}, {"x", "x/a.toml", "a.toml"},
		{"x/y", "x/z/a.toml", "../z/a.toml"}, {"x", "y/a.toml", "../y/a.toml"},
	} {
		if got := relativePath(c[0], c[1]); got != c[2] {
			t.Errorf("relativePath(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// TestFormKaskadeRoundTrip: pk_induk, mendukung and agregasi_kaskade set,
// changed and cleared in the form are saved as such, and what the form
// sends unchanged is saved unchanged.
func TestFormKaskadeRoundTrip(t *testing.T) {
	dir := chainWorkspace(t)
	h := newHarness(t, dir)
	base := loadPK(t, dir, seksi)

	// Unchanged: the three keys survive.
	doc := h.saveForm(seksi, formOf(base))
	if d := model.Compare(base, doc); len(d) > 0 || doc.PKInduk != bidang || !slices.Equal(doc.Sasaran[1].Mendukung, []string{"P2P-05"}) {
		t.Fatalf("unchanged: %v, pk_induk %q", d, doc.PKInduk)
	}

	// Set: an indicator's mendukung (two kode, spaced as typed) and its
	// sum.
	f := formOf(doc)
	f.Sasaran[0].Indikator[1].Mendukung = " P2P-04 ,P2P-05,, "
	f.Sasaran[0].Indikator[1].AgregasiKaskade = true
	doc = h.saveForm(seksi, f)
	ind := doc.Sasaran[0].Indikator[1]
	if !slices.Equal(ind.Mendukung, []string{"P2P-04", "P2P-05"}) || ind.AgregasiKaskade != model.Jumlah {
		t.Errorf("set: %q %q", ind.Mendukung, ind.AgregasiKaskade)
	}
	if got := formOf(doc).Sasaran[0].Indikator[1]; got.Mendukung != "P2P-04, P2P-05" || !got.AgregasiKaskade {
		t.Errorf("set, as the form shows it: %q %v", got.Mendukung, got.AgregasiKaskade)
	}

	// Changed: the induk is the dinas now, the kode the dinas's.
	f = formOf(doc)
	f.PKInduk = dinas
	f.Sasaran[0].Mendukung = "DK-07"
	f.Sasaran[1].Mendukung = "DK-08, DK-13"
	f.Sasaran[0].Indikator[1].Mendukung = "DK-07"
	doc = h.saveForm(seksi, f)
	if doc.PKInduk != dinas || !slices.Equal(doc.Sasaran[1].Mendukung, []string{"DK-08", "DK-13"}) || !slices.Equal(doc.Sasaran[0].Indikator[1].Mendukung, []string{"DK-07"}) {
		t.Errorf("changed: %q %q %q", doc.PKInduk, doc.Sasaran[1].Mendukung, doc.Sasaran[0].Indikator[1].Mendukung)
	}
	if rep := h.s.check(seksi, nil); rep.Errors > 0 {
		t.Errorf("changed: the saved file has errors: %+v", rep.Messages)
	}

	// Cleared: no key is left.
	f = formOf(doc)
	f.PKInduk = ""
	for i := range f.Sasaran {
		f.Sasaran[i].Mendukung = ""
		for j := range f.Sasaran[i].Indikator {
			f.Sasaran[i].Indikator[j].Mendukung = " "
			f.Sasaran[i].Indikator[j].AgregasiKaskade = false
		}
	}
	h.saveForm(seksi, f)
	text := string(testutil.ReadFile(t, filepath.Join(dir, seksi)))
	for _, key := range []string{"pk_induk", "mendukung", "agregasi_kaskade"} {
		if strings.Contains(text, key) {
			t.Errorf("cleared, the file still has %s", key)
		}
	}
	if rep := h.s.check(seksi, nil); rep.Errors+rep.Warnings > 0 {
		t.Errorf("cleared: %+v", rep.Messages)
	}
	// A new sasaran and indicator carry the keys too.
	f = formOf(loadPK(t, dir, seksi))
	f.PKInduk = bidang
	f.Sasaran[0].Mendukung, f.Sasaran[1].Mendukung = "P2P-04", "P2P-05"
	added := blankIndikator()
	added.Kode, added.Uraian, added.Satuan, added.Mendukung, added.AgregasiKaskade = "SI-99", "Indikator uji", "Persen", "P2P-05", true
	added.Target = formTarget{TW1: "N/A", TW2: "N/A", TW3: "N/A", TW4: "90%", Tahunan: "90%"}
	f.Sasaran = append(f.Sasaran, formSasaran{Uraian: "Sasaran uji", Mendukung: "P2P-06", Indikator: []formIndikator{added}})
	doc = h.saveForm(seksi, f)
	last := doc.Sasaran[2]
	if !slices.Equal(last.Mendukung, []string{"P2P-06"}) || !slices.Equal(last.Indikator[0].Mendukung, []string{"P2P-05"}) || last.Indikator[0].AgregasiKaskade != model.Jumlah {
		t.Errorf("new rows: %q %q %q", last.Mendukung, last.Indikator[0].Mendukung, last.Indikator[0].AgregasiKaskade)
	}
}

// TestFormKaskadeWrongKode: a kode the induk lacks is an error at its
// row's mendukung, with a suggestion, as pkgen check reports it; the
// preview and the save are refused; nothing is written.
func TestFormKaskadeWrongKode(t *testing.T) {
	dir := chainWorkspace(t)
	h := newHarness(t, dir)
	before := tree(t, dir)
	f := formOf(loadPK(t, dir, seksi))
	f.Sasaran[1].Mendukung = "P2P-05, P2P-5"
	f.Sasaran[0].Indikator[1].Mendukung = "DK-01"
	resp, res := h.postForm("periksa", seksi, f, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %v", resp.StatusCode, res)
	}
	ms := messages(t, res)
	if m := findMessage(ms, "sasaran[2].mendukung[2]"); m == nil || m["galat"] != true || !strings.Contains(m["teks"].(string), `maksud Anda "P2P-05"`) {
		t.Errorf("no error at sasaran[2].mendukung[2]: %v", ms)
	}
	if m := findMessage(ms, "sasaran[1].indikator[2].mendukung[1]"); m == nil || m["galat"] != true || !strings.Contains(m["teks"].(string), `"DK-01" tidak ada di PK induk `+bidang) {
		t.Errorf("no error at sasaran[1].indikator[2].mendukung[1]: %v", ms)
	}
	if findMessage(ms, "sasaran[2].mendukung[1]") != nil {
		t.Errorf("the right kode is reported: %v", ms)
	}
	// Located as pkgen check locates it in the saved file.
	text := testutil.ReadFile(t, filepath.Join(dir, seksi))
	doc, _ := f.apply(loadPK(t, dir, seksi))
	testutil.WriteFile(t, filepath.Join(dir, "salin.toml"), model.EncodePK(doc, formHeader(text)))
	if rep := h.s.check("salin.toml", nil); findMessage(asMaps(rep.Messages), "sasaran[2].mendukung[2]") == nil {
		t.Errorf("pkgen check of the same TOML: %+v", rep.Messages)
	}
	os.Remove(filepath.Join(dir, "salin.toml"))

	if resp, res := h.postForm("pratinjau", seksi, f, ""); resp.StatusCode != http.StatusUnprocessableEntity || findMessage(messages(t, res), "sasaran[2].mendukung[2]") == nil {
		t.Errorf("preview: %d %v", resp.StatusCode, res)
	}
	if resp, res := h.postForm("simpan", seksi, f, "&hash="+hash(text)); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("save: %d %v", resp.StatusCode, res)
	}
	sameTree(t, before, tree(t, dir))
}

// asMaps are a report's messages as the JSON answer has them.
func asMaps(ms []message) []map[string]any {
	var out []map[string]any
	for _, m := range ms {
		out = append(out, map[string]any{"jalur": m.Path, "galat": m.Galat, "teks": m.Text})
	}
	return out
}

// TestFormKaskadeHostileInduk: a pk_induk that is absolute, leaves the
// workspace, goes through a symbolic link out of it or into a hidden
// folder is an error at pk_induk, and nothing outside the workspace is
// read: the PK outside, whose kode the form names, would make the link
// hold if it were. The suggestions also refuse a hidden folder (the
// history), which the workbench never offers.
func TestFormKaskadeHostileInduk(t *testing.T) {
	dir := chainWorkspace(t)
	outside := filepath.Join(filepath.Dir(dir), "luar.toml")
	pk := strings.ReplaceAll(string(testutil.ReadFile(t, filepath.Join(dir, bidang))), `kode = "P2P-`, `kode = "LUAR-`)
	pk = strings.Replace(pk, `pk_induk = "`+dinas+`"`, "", 1)
	testutil.WriteFile(t, outside, []byte(pk))
	if err := os.Symlink(outside, filepath.Join(dir, "tautan.toml")); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(dir, ".pkgen", "riwayat", "lama.toml"), []byte(pk))
	h := newHarness(t, dir)
	before := tree(t, filepath.Dir(dir))
	base := loadPK(t, dir, seksi)
	for _, ref := range []string{"../luar.toml", outside, "/etc/passwd", "tautan.toml", "sub/../../luar.toml", `..\luar.toml`} {
		f := formOf(base)
		f.PKInduk = ref
		f.Sasaran[0].Mendukung = "LUAR-04"
		resp, res := h.postForm("periksa", seksi, f, "")
		m := findMessage(messages(t, res), "pk_induk")
		if resp.StatusCode != http.StatusOK || m == nil || m["galat"] != true {
			t.Errorf("pk_induk = %q: no error at pk_induk: %d %v", ref, resp.StatusCode, res)
		}
		for _, m := range messages(t, res) {
			if strings.Contains(m["jalur"].(string), "mendukung") {
				t.Errorf("pk_induk = %q: the kode were checked against something: %v", ref, m)
			}
		}
		w := h.request("GET", "/api/formulir/induk?berkas="+seksi+"&induk="+url.QueryEscape(ref), nil)
		if w.Code < 400 || w.Code >= 500 || !strings.Contains(w.Body.String(), `"pesan":"pk_induk: `) || strings.Contains(w.Body.String(), "LUAR-") {
			t.Errorf("the induk's indicators of %q: %d %s", ref, w.Code, w.Body)
		}
	}
	w := h.request("GET", "/api/formulir/induk?berkas="+seksi+"&induk=.pkgen/riwayat/lama.toml", nil)
	if w.Code != http.StatusBadRequest || strings.Contains(w.Body.String(), "LUAR-") {
		t.Errorf("the induk's indicators of the history: %d %s", w.Code, w.Body)
	}
	sameTree(t, before, tree(t, filepath.Dir(dir)))

	// A file that names one opens as a form, with no suggestions.
	text := strings.Replace(string(testutil.ReadFile(t, filepath.Join(dir, seksi))), `pk_induk = "`+bidang+`"`, `pk_induk = "../luar.toml"`, 1)
	testutil.WriteFile(t, filepath.Join(dir, seksi), []byte(text))
	before = tree(t, filepath.Dir(dir))
	page := h.request("GET", "/formulir?berkas="+seksi, nil).Body.String()
	if !strings.Contains(page, `value="../luar.toml"`) || strings.Contains(page, "LUAR-") || !strings.Contains(page, `data-jalur="pk_induk"`) {
		t.Errorf("the form of a PK whose pk_induk leaves the workspace: %.2000s", page)
	}
	sameTree(t, before, tree(t, filepath.Dir(dir)))
}

// BenchmarkFormulirInduk200 opens the form of a PK in a folder of 200 PKs
// of its year (the seed under 200 units), which it offers as pk_induk:
// cold, each PK loaded; warm, from the choices kept while no file
// changed.
func BenchmarkFormulirInduk200(b *testing.B) {
	dir := b.TempDir()
	text := testutil.ReadFile(b, testutil.Example(b, seed))
	for i := range 200 {
		doc := strings.Replace(string(text), `unit_kerja = "Kota Administrasi Jakarta Pusat"`, fmt.Sprintf(`unit_kerja = "Unit %d"`, i), 1)
		testutil.WriteFile(b, filepath.Join(dir, fmt.Sprintf("pk-%03d.toml", i)), []byte(doc))
	}
	open := func(h *harness) {
		w := h.request("GET", "/formulir?berkas=pk-000.toml", nil)
		if w.Code != http.StatusOK || strings.Count(w.Body.String(), `<option value="pk-`) != 199 {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			open(newHarness(b, dir))
		}
	})
	b.Run("warm", func(b *testing.B) {
		h := newHarness(b, dir)
		open(h)
		b.ReportAllocs()
		for b.Loop() {
			open(h)
		}
	})
}
