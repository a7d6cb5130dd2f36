package web

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pkgen"
	"pkgen/files"
	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/pesan"
)

const amended = "jakarta-pusat-2023-perubahan-1.toml"

// amendAnswer is what /api/perubahan answers.
type amendAnswer struct {
	Berkas, Alamat, Pesan string
}

func (h *harness) amend(from string, body string, status int) amendAnswer {
	h.t.Helper()
	w := h.request("POST", "/api/perubahan?berkas="+from, []byte(body))
	if w.Code != status {
		h.t.Fatalf("amend %s: status %d, want %d: %s", from, w.Code, status, w.Body)
	}
	var ans amendAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &ans); err != nil {
		h.t.Fatal(err)
	}
	return ans
}

// checkFile is pkgen check of a file of the workspace, as the CLI runs it.
func checkFile(t *testing.T, dir, name string) *model.Document {
	t.Helper()
	res, err := pkgen.Check(pkgen.Input{FS: files.NewSnapshot(os.DirFS(dir)), Name: name}, pkgen.Options{})
	if err != nil {
		t.Fatalf("check %s: %v", name, err)
	}
	if errs := res.Problems.Errors(); len(errs) > 0 {
		t.Fatalf("check %s: %v", name, errs)
	}
	return res.Doc
}

// The wizard makes Perubahan ke-1 from the seed: sah by pkgen check, and
// its diff against the seed lists the new PIHAK KEDUA; then ke-2 from
// ke-1, named after the original.
func TestBuatPerubahan(t *testing.T) {
	dir := workspace(t)
	os.Remove(filepath.Join(dir, amended))
	h := newHarness(t, dir)

	page := h.request("GET", "/perubahan?berkas="+seed, nil)
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "jakarta-pusat-2023-perubahan-1.toml") ||
		!strings.Contains(page.Body.String(), `value="Heru Budi Hartono"`) {
		t.Fatalf("page: %d\n%s", page.Code, page.Body)
	}

	ans := h.amend(seed, `{"alasan":"pejabat","berlaku":"2023-07-01","keterangan":"Pergantian Penjabat Gubernur.",
		"kedua":{"nama":"Budi Santoso","status":"Pj.","jabatan":"Gubernur","unit_kerja":"Daerah Khusus Ibukota Jakarta"}}`, http.StatusCreated)
	if ans.Berkas != amended || ans.Alamat != "/dokumen?berkas="+amended {
		t.Fatalf("answer %+v", ans)
	}
	doc := checkFile(t, dir, amended)
	p := doc.Perubahan
	if doc.Jenis != model.JenisPerubahan || p.Ke != 1 || p.Mengubah != seed || p.Alasan != model.AlasanPejabat ||
		p.Berlaku.Format("2006-01-02") != "2023-07-01" || p.Keterangan != "Pergantian Penjabat Gubernur." || doc.PihakKedua.Nama != "Budi Santoso" {
		t.Errorf("amendment %+v, pihak kedua %+v", p, doc.PihakKedua)
	}

	// The document's page links the diff against the version it amends.
	dokumen := h.request("GET", "/dokumen?berkas="+amended, nil).Body.String()
	link := `/beda?lama=` + seed + `&amp;baru=` + amended
	if !strings.Contains(dokumen, link) {
		t.Errorf("no link to the diff in the amendment's page")
	}
	diff := h.request("GET", "/beda?lama="+seed+"&baru="+amended, nil)
	body := diff.Body.String()
	if diff.Code != http.StatusOK || !strings.Contains(body, "~ pihak_kedua.nama: Heru Budi Hartono → Budi Santoso") {
		t.Errorf("diff: %d\n%s", diff.Code, body)
	}

	// In the workbench's language.
	pesan.Use(pesan.Inggris)
	diff = h.request("GET", "/beda?lama="+seed+"&baru="+amended, nil)
	pesan.Use(pesan.Indonesia)
	if body := diff.Body.String(); !strings.Contains(body, "Differences between versions") || !strings.Contains(body, "Heru Budi Hartono → Budi Santoso") {
		t.Errorf("English diff: %s", body)
	}

	// Ke-2 from ke-1: named after the original, amending ke-1.
	ans = h.amend(amended, `{"alasan":"strategi","berlaku":"2023-10-01","keterangan":"Penyesuaian anggaran."}`, http.StatusCreated)
	if ans.Berkas != "jakarta-pusat-2023-perubahan-2.toml" {
		t.Fatalf("ke-2: %+v", ans)
	}
	doc = checkFile(t, dir, ans.Berkas)
	if p := doc.Perubahan; p.Ke != 2 || p.Mengubah != amended || p.Alasan != model.AlasanStrategi || doc.PihakKedua.Nama != "Budi Santoso" {
		t.Errorf("ke-2: %+v", p)
	}
	if diff := h.request("GET", "/beda?lama="+amended+"&baru="+ans.Berkas, nil); diff.Code != http.StatusOK ||
		!strings.Contains(diff.Body.String(), "Tidak ada perubahan isi.") {
		t.Errorf("diff ke-1 → ke-2: %d\n%s", diff.Code, diff.Body)
	}
}

// Nothing is written when the amendment's file exists, when pkgen check
// finds an error in the amendment, or when the answers are not valid.
func TestBuatPerubahanRefused(t *testing.T) {
	h := newHarness(t, workspace(t))
	// The examples hold Perubahan ke-1 already.
	w := h.refused(http.StatusConflict, "POST", "/api/perubahan?berkas="+seed, []byte(`{"alasan":"strategi","berlaku":"2023-07-01"}`))
	if !strings.Contains(w.Body.String(), amended+" sudah ada") {
		t.Errorf("answer %s", w.Body)
	}
	os.Remove(filepath.Join(h.dir, amended))
	// "pejabat" with the same parties: pkgen check's error.
	w = h.refused(http.StatusUnprocessableEntity, "POST", "/api/perubahan?berkas="+seed, []byte(`{"alasan":"pejabat","berlaku":"2023-07-01"}`))
	if !strings.Contains(w.Body.String(), "perubahan.alasan") {
		t.Errorf("answer %s", w.Body)
	}
	// A date outside the document's year: pkgen check's error too.
	h.refused(http.StatusUnprocessableEntity, "POST", "/api/perubahan?berkas="+seed, []byte(`{"alasan":"strategi","berlaku":"2024-07-01"}`))
	for _, body := range []string{
		`{"alasan":"lain","berlaku":"2023-07-01"}`,
		`{"alasan":"strategi","berlaku":"1 Juli 2023"}`,
		`{"alasan":"strategi","berlaku":"2023-07-01","tambahan":1}`,
		`{"alasan":"strategi","berlaku":"2023-07-01","keterangan":"a\tb"}`,
		`bukan json`,
	} {
		h.refused(http.StatusBadRequest, "POST", "/api/perubahan?berkas="+seed, []byte(body))
	}
	// A realisasi report is not a PK to amend.
	h.refused(http.StatusUnprocessableEntity, "POST", "/api/perubahan?berkas=jakarta-pusat-2023-tw3.toml", []byte(`{"alasan":"strategi","berlaku":"2023-07-01"}`))
	if w := h.request("GET", "/perubahan?berkas=jakarta-pusat-2023-tw3.toml", nil); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("page of a realisasi report: %d", w.Code)
	}
	// Names confined as every other.
	h.refused(http.StatusBadRequest, "GET", "/beda?lama=../x.toml&baru="+seed, nil)
	h.refused(http.StatusBadRequest, "GET", "/beda?lama="+seed+"&baru=/etc/x.toml", nil)
}

// Restore writes the chosen copy back through the editor's save: the
// version it replaces goes to the history, and a version changed on disk
// since the page loaded is not replaced.
func TestRiwayatPulihkan(t *testing.T) {
	h := newHarness(t, workspace(t))
	path := filepath.Join(h.dir, seed)
	old := testutil.ReadFile(t, path)
	edited := append([]byte("# disunting\n"), old...)
	if w := h.request("POST", "/api/simpan?berkas="+seed+"&hash="+hash(old), edited); w.Code != http.StatusOK {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	copy1 := "jakarta-pusat-2023-20240301T093000Z.toml"

	page := h.request("GET", "/riwayat?berkas="+seed, nil)
	body := page.Body.String()
	if page.Code != http.StatusOK || !strings.Contains(body, `data-salinan="`+copy1+`"`) || !strings.Contains(body, ">"+strconv.Itoa(len(old))+"<") {
		t.Fatalf("riwayat: %d\n%s", page.Code, body)
	}
	// The amendment's history is its own, though its name starts the same.
	if w := h.request("GET", "/riwayat?berkas="+amended, nil); strings.Contains(w.Body.String(), copy1) {
		t.Error("another document's copy is listed")
	}

	// Conflict: the page loaded a version that is no longer on disk.
	h.refused(http.StatusConflict, "POST", "/api/riwayat/pulihkan?berkas="+seed+"&salinan="+copy1+"&hash="+hash(old), nil)
	// Only a copy of the list, never a path.
	for _, c := range []string{"../" + seed, "../../" + seed, "x.toml", ""} {
		h.refused(http.StatusNotFound, "POST", "/api/riwayat/pulihkan?berkas="+seed+"&salinan="+c+"&hash="+hash(edited), nil)
	}
	// The guard's rules hold: no CSRF token, another origin.
	restore := "/api/riwayat/pulihkan?berkas=" + seed + "&salinan=" + copy1 + "&hash=" + hash(edited)
	h.refused(http.StatusForbidden, "POST", restore, nil, func(r *http.Request) { r.Header.Del(csrfHeader) })
	h.refused(http.StatusForbidden, "POST", restore, nil, func(r *http.Request) {
		r.Header.Set("Origin", "http://jahat.example")
		r.Header.Set("Sec-Fetch-Site", "cross-site")
	})

	w := h.request("POST", restore, nil)
	if w.Code != http.StatusOK {
		t.Fatalf("restore: %d %s", w.Code, w.Body)
	}
	if got := testutil.ReadFile(t, path); string(got) != string(old) {
		t.Error("restore did not bring back the old bytes")
	}
	kept := filepath.Join(h.dir, ".pkgen", "riwayat", "jakarta-pusat-2023-20240301T093000Z-2.toml")
	if got := testutil.ReadFile(t, kept); string(got) != string(edited) {
		t.Error("the replaced version is not in the history")
	}
	copies, err := h.s.historyOf(seed)
	if err != nil || len(copies) != 2 || copies[0].Name != filepath.Base(kept) {
		t.Errorf("history %+v %v", copies, err)
	}
}

// Every POST of the amendment and the history is guarded.
func TestPerubahanRequestsGuarded(t *testing.T) {
	h := newHarness(t, workspace(t))
	os.Remove(filepath.Join(h.dir, amended))
	body := []byte(`{"alasan":"strategi","berlaku":"2023-07-01"}`)
	for _, target := range []string{"/api/perubahan?berkas=" + seed, "/api/riwayat/pulihkan?berkas=" + seed + "&salinan=x.toml"} {
		h.refused(http.StatusForbidden, "POST", target, body, func(r *http.Request) { r.Header.Del(csrfHeader) })
		h.refused(http.StatusForbidden, "POST", target, body, func(r *http.Request) { r.Header.Set(csrfHeader, "falsch") })
		h.refused(http.StatusForbidden, "POST", target, body, func(r *http.Request) {
			r.Header.Set("Origin", "http://jahat.example")
			r.Header.Del("Sec-Fetch-Site")
		})
		h.refused(http.StatusUnauthorized, "POST", target, body, func(r *http.Request) { r.Header.Del("Cookie") })
		h.refused(http.StatusMisdirectedRequest, "POST", target, body, func(r *http.Request) { r.Host = "jahat.example:8800" })
	}
}

func TestAmendmentName(t *testing.T) {
	for _, c := range []struct {
		name      string
		srcKe, ke int
		want      string
	}{
		{"pk.toml", 0, 1, "pk-perubahan-1.toml"},
		{"pk-perubahan-1.toml", 1, 2, "pk-perubahan-2.toml"},
		{"a/pk-perubahan-2.toml", 2, 3, "a/pk-perubahan-3.toml"},
		{"pk-perubahan.toml", 0, 1, "pk-perubahan-1.toml"},
	} {
		if got := amendmentName(c.name, c.srcKe, c.ke); got != c.want {
			t.Errorf("amendmentName(%q, %d, %d) = %q, want %q", c.name, c.srcKe, c.ke, got, c.want)
		}
	}
}
