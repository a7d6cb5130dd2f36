package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

const (
	testAddr  = "127.0.0.1:8800"
	testToken = "rahasia-uji"
	seed      = "jakarta-pusat-2023.toml"
)

// workspace copies the Jakarta examples (a PK, its amendment and two
// realisasi reports) into a new folder.
func workspace(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{seed, "jakarta-pusat-2023-perubahan-1.toml", "jakarta-pusat-2023-tw3.toml", "jakarta-pusat-2023-perubahan-1-tw4.toml"} {
		testutil.WriteFile(t, filepath.Join(dir, n), testutil.ReadFile(t, testutil.Example(t, n)))
	}
	return dir
}

type harness struct {
	t   testing.TB
	dir string
	s   *Server
	h   http.Handler
}

func newHarness(t testing.TB, dir string) *harness {
	t.Helper()
	s, err := New(Config{Folder: dir, Addr: testAddr, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.now = func() time.Time { return time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC) }
	return &harness{t: t, dir: dir, s: s, h: s.Handler()}
}

// request is a request as the workbench's own page sends it: the right
// Host, the token's cookie and, for a POST, same-origin headers and the
// CSRF token; edit changes it.
func (h *harness) request(method, target string, body []byte, edit ...func(*http.Request)) *httptest.ResponseRecorder {
	h.t.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(body))
	r.Host = testAddr
	r.AddCookie(&http.Cookie{Name: "pkgen-token-8800", Value: testToken})
	if method != http.MethodGet {
		r.Header.Set("Origin", "http://"+testAddr)
		r.Header.Set("Sec-Fetch-Site", "same-origin")
		r.Header.Set(csrfHeader, h.s.csrf)
	}
	for _, e := range edit {
		e(r)
	}
	w := httptest.NewRecorder()
	h.h.ServeHTTP(w, r)
	return w
}

// tree is every file under dir (the history folder too), by content hash.
func tree(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			// A symbolic link out of the workspace: its name is enough.
			b = []byte("link")
		}
		out[p] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t testing.TB, before, after map[string][32]byte) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("files changed: %d before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed", p)
		}
	}
}

// refused sends a request that must be refused with status, changing no
// file.
func (h *harness) refused(status int, method, target string, body []byte, edit ...func(*http.Request)) *httptest.ResponseRecorder {
	h.t.Helper()
	before := tree(h.t, h.dir)
	w := h.request(method, target, body, edit...)
	if w.Code != status {
		h.t.Errorf("%s %s: status %d, want %d (%s)", method, target, w.Code, status, w.Body)
	}
	sameTree(h.t, before, tree(h.t, h.dir))
	return w
}

func TestForeignHostRefused(t *testing.T) {
	h := newHarness(t, workspace(t))
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	for _, host := range []string{"evil.example:8800", "pkgen.evil.example:8800", "127.0.0.1:8801", "localhost", "127.0.0.1"} {
		setHost := func(r *http.Request) {
			r.Host = host
			r.Header.Set("Origin", "http://"+host)
		}
		h.refused(http.StatusMisdirectedRequest, "GET", "/", nil, setHost)
		h.refused(http.StatusMisdirectedRequest, "POST", "/api/simpan?berkas="+seed+"&hash="+hash(text), text, setHost)
	}
	for _, host := range []string{"localhost:8800", "127.0.0.1:8800", "[::1]:8800"} {
		if w := h.request("GET", "/aset/app.css", nil, func(r *http.Request) { r.Host = host }); w.Code != http.StatusOK {
			t.Errorf("Host %s: status %d", host, w.Code)
		}
	}
}

func TestTokenRequired(t *testing.T) {
	h := newHarness(t, workspace(t))
	text := []byte("tahun = 2024\n")
	noCookie := func(r *http.Request) { r.Header.Del("Cookie") }
	wrongCookie := func(r *http.Request) {
		r.Header.Del("Cookie")
		r.AddCookie(&http.Cookie{Name: "pkgen-token-8800", Value: "tebakan"})
	}
	for _, target := range []string{"/", "/dokumen?berkas=" + seed, "/pratinjau?berkas=" + seed, "/aset/app.css", "/?token=tebakan"} {
		h.refused(http.StatusUnauthorized, "GET", target, nil, noCookie)
		h.refused(http.StatusUnauthorized, "GET", target, nil, wrongCookie)
	}
	h.refused(http.StatusUnauthorized, "POST", "/api/simpan?berkas="+seed+"&hash=x", text, noCookie)
	w := h.refused(http.StatusUnauthorized, "POST", "/api/periksa?berkas="+seed, text, wrongCookie)
	if !strings.Contains(w.Body.String(), "token akses") {
		t.Errorf("message: %s", w.Body)
	}
}

func TestTokenSetsCookie(t *testing.T) {
	h := newHarness(t, workspace(t))
	w := h.request("GET", "/dokumen?berkas="+seed+"&token="+testToken, nil, func(r *http.Request) { r.Header.Del("Cookie") })
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dokumen?berkas="+seed {
		t.Fatalf("status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies %v", cookies)
	}
	c := cookies[0]
	if c.Value != testToken || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie %+v", c)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	h := newHarness(t, workspace(t))
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	save := "/api/simpan?berkas=" + seed + "&hash=" + hash(text)
	changed := append([]byte("# diubah\n"), text...)
	cases := map[string]func(*http.Request){
		"foreign Origin": func(r *http.Request) {
			r.Header.Set("Origin", "http://evil.example")
			r.Header.Del("Sec-Fetch-Site")
		},
		"cross-site fetch": func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") },
		"neither Origin nor Sec-Fetch-Site": func(r *http.Request) {
			r.Header.Del("Origin")
			r.Header.Del("Sec-Fetch-Site")
		},
		"no CSRF token":    func(r *http.Request) { r.Header.Del(csrfHeader) },
		"wrong CSRF token": func(r *http.Request) { r.Header.Set(csrfHeader, "tebakan") },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			h.t = t
			for _, target := range []string{save, "/api/simpan-pdf?berkas=" + seed, "/api/periksa?berkas=" + seed} {
				h.refused(http.StatusForbidden, "POST", target, changed, edit)
			}
			h.refused(http.StatusForbidden, "DELETE", "/dokumen?berkas="+seed, nil, edit)
		})
	}
	h.t = t
	// Same-origin by Sec-Fetch-Site alone, or by Origin alone, passes.
	for _, edit := range []func(*http.Request){
		func(r *http.Request) { r.Header.Del("Origin") },
		func(r *http.Request) { r.Header.Del("Sec-Fetch-Site") },
	} {
		if w := h.request("POST", "/api/periksa?berkas="+seed, text, edit); w.Code != http.StatusOK {
			t.Errorf("same-origin check: status %d: %s", w.Code, w.Body)
		}
	}
}

func TestPathsConfined(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "rahasia.toml")
	testutil.WriteFile(t, secret, []byte("tahun = 2024\n"))
	h := newHarness(t, workspace(t))
	if err := os.Symlink(secret, filepath.Join(h.dir, "tautan.toml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(h.dir, "luar")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(h.dir, ".pkgen", "riwayat"), 0o755)
	testutil.WriteFile(t, filepath.Join(h.dir, ".pkgen", "riwayat", "lama.toml"), []byte("tahun = 2024\n"))
	text := []byte("tahun = 2024\n")
	for _, name := range []string{"../rahasia.toml", "a/../../rahasia.toml", secret, "/etc/passwd", `..\rahasia.toml`,
		"C:/rahasia.toml", ".pkgen/riwayat/lama.toml", "jakarta-pusat-2023.sh", "", ".", "a//b.toml", "./" + seed} {
		q := "berkas=" + urlQuery(name)
		h.refused(http.StatusBadRequest, "GET", "/dokumen?"+q, nil)
		h.refused(http.StatusBadRequest, "GET", "/unduh?"+q, nil)
		h.refused(http.StatusBadRequest, "GET", "/pratinjau?"+q, nil)
		h.refused(http.StatusBadRequest, "POST", "/api/simpan?"+q+"&hash="+hash(text), []byte("tahun = 2025\n"))
		h.refused(http.StatusBadRequest, "POST", "/api/simpan-pdf?"+q, nil)
	}
	// Symbolic links out of the workspace: the root refuses them.
	for _, name := range []string{"tautan.toml", "luar/rahasia.toml"} {
		q := "berkas=" + urlQuery(name)
		h.refused(http.StatusForbidden, "GET", "/dokumen?"+q, nil)
		h.refused(http.StatusForbidden, "GET", "/unduh?"+q, nil)
		h.refused(http.StatusForbidden, "POST", "/api/simpan?"+q+"&hash="+hash(text), []byte("tahun = 2025\n"))
		h.refused(http.StatusUnprocessableEntity, "POST", "/api/simpan-pdf?"+q, nil)
	}
	if got := testutil.ReadFile(t, secret); string(got) != string(text) {
		t.Errorf("the file outside changed: %q", got)
	}
}

func urlQuery(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "#", "%23", "+", "%2B", " ", "%20").Replace(s)
}

func TestBodyLimit(t *testing.T) {
	h := newHarness(t, workspace(t))
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	huge := bytes.Repeat([]byte("#"), int(32<<20)+1)
	for _, target := range []string{"/api/simpan?berkas=" + seed + "&hash=" + hash(text), "/api/periksa?berkas=" + seed, "/api/pratinjau?berkas=" + seed} {
		w := h.refused(http.StatusRequestEntityTooLarge, "POST", target, huge)
		if !strings.Contains(w.Body.String(), "32 MB") {
			t.Errorf("message: %s", w.Body)
		}
	}
}

func TestDaftar(t *testing.T) {
	h := newHarness(t, workspace(t))
	testutil.WriteFile(t, filepath.Join(h.dir, "rusak.toml"), []byte("tahun = \"dua ribu\"\n"))
	testutil.WriteFile(t, filepath.Join(h.dir, "jakarta-pusat-2023.pdf"), []byte("%PDF-1.7\n"))
	before := tree(t, h.dir)
	w := h.request("GET", "/", nil)
	sameTree(t, before, tree(t, h.dir))
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, %s", w.Code, w.Header().Get("Content-Type"))
	}
	rows := regexp.MustCompile(`(?s)<tr data-cari.*?</tr>`).FindAllString(w.Body.String(), -1)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5:\n%s", len(rows), w.Body)
	}
	cell := regexp.MustCompile(`(?s)<td>(.*?)</td>`)
	want := [][]string{
		{"jakarta-pusat-2023-perubahan-1-tw4.toml", "Kota Administrasi Jakarta Pusat", "2023", "Realisasi TW 4"},
		{"jakarta-pusat-2023-perubahan-1.toml", "Kota Administrasi Jakarta Pusat", "2023", "Perubahan ke-1"},
		{"jakarta-pusat-2023-tw3.toml", "Kota Administrasi Jakarta Pusat", "2023", "Realisasi TW 3"},
		{"jakarta-pusat-2023.toml", "Kota Administrasi Jakarta Pusat", "2023", "PK"},
		{"rusak.toml", "—", "—", "PK"},
	}
	for i, r := range rows {
		cells := cell.FindAllStringSubmatch(r, -1)
		for j, s := range want[i] {
			if got := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(cells[j][1], ""); got != s {
				t.Errorf("row %d cell %d: %q, want %q", i, j, got, s)
			}
		}
	}
	if !strings.Contains(rows[3], `class="status peringatan">sah, 4 peringatan<`) {
		t.Errorf("seed status: %s", rows[3])
	}
	if !strings.Contains(rows[4], `class="status galat">`) {
		t.Errorf("broken file status: %s", rows[4])
	}
	if !strings.Contains(rows[3], `href="/unduh?berkas=jakarta-pusat-2023.pdf">jakarta-pusat-2023.pdf</a>`) {
		t.Errorf("seed's PDF not shown: %s", rows[3])
	}
	if !strings.Contains(rows[1], "belum dibuat") {
		t.Errorf("amendment's PDF: %s", rows[1])
	}

	// Listed again after the PK the amendment amends broke: both rows
	// say so (the cache of checks knows what each check read).
	path := filepath.Join(h.dir, seed)
	testutil.WriteFile(t, path, badTarget(t, testutil.ReadFile(t, path)))
	w = h.request("GET", "/", nil)
	rows = regexp.MustCompile(`(?s)<tr data-cari.*?</tr>`).FindAllString(w.Body.String(), -1)
	for _, i := range []int{1, 3} {
		if !strings.Contains(rows[i], `class="status galat">`) {
			t.Errorf("row %d after its PK broke: %s", i, rows[i])
		}
	}
	if !strings.Contains(rows[2], `class="status galat">`) {
		t.Errorf("the TW3 report of the broken PK: %s", rows[2])
	}
}

func TestDokumenPage(t *testing.T) {
	h := newHarness(t, workspace(t))
	before := tree(t, h.dir)
	w := h.request("GET", "/dokumen?berkas="+seed, nil)
	sameTree(t, before, tree(t, h.dir))
	body := w.Body.String()
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	for _, s := range []string{
		`data-hash="` + hash(text) + `"`,
		`jakarta-pusat-2023.toml:425: sasaran[17].indikator[1].satuan</span> &#34;Presentase&#34;: mungkin maksudnya &#34;Persentase&#34;`,
		`src="/pratinjau?berkas=jakarta-pusat-2023.toml"`,
		`Kota Administrasi Jakarta Pusat`,
		"Dhany Sukma",
	} {
		if !strings.Contains(body, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	if w.Code != http.StatusOK {
		t.Errorf("status %d", w.Code)
	}
	h.refused(http.StatusNotFound, "GET", "/dokumen?berkas=tidak-ada.toml", nil)
}

func TestPratinjau(t *testing.T) {
	h := newHarness(t, workspace(t))
	before := tree(t, h.dir)
	w := h.request("GET", "/pratinjau?berkas="+seed, nil)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/pdf" ||
		w.Header().Get("Content-Disposition") != `inline; filename="jakarta-pusat-2023.pdf"` {
		t.Fatalf("status %d, %v", w.Code, w.Header())
	}
	if got := testutil.PDFText(t, w.Body.Bytes()); !strings.Contains(got, "Dhany Sukma") {
		t.Errorf("preview text lacks the first party:\n%.300s", got)
	}
	// The unsaved text, changed.
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	changed := bytes.Replace(text, []byte(`nama = "Dhany Sukma"`), []byte(`nama = "Dhany Sukma Diubah"`), 1)
	w = h.request("POST", "/api/pratinjau?berkas="+seed, changed)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if got := testutil.PDFText(t, w.Body.Bytes()); !strings.Contains(got, "Dhany Sukma Diubah") {
		t.Errorf("preview of the unsaved text lacks the change")
	}
	// Invalid text: 422 with the messages, no PDF.
	w = h.request("POST", "/api/pratinjau?berkas="+seed, badTarget(t, text))
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "target.tw2") {
		t.Errorf("invalid preview: %d %s", w.Code, w.Body)
	}
	// A realisasi report's preview is its capaian annex.
	w = h.request("GET", "/pratinjau?berkas=jakarta-pusat-2023-tw3.toml", nil)
	if w.Code != http.StatusOK || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF")) {
		t.Errorf("realisasi preview: %d", w.Code)
	}
	sameTree(t, before, tree(t, h.dir))
}

// badTarget makes the first indicator's TW2 target a word among numbers.
func badTarget(t testing.TB, text []byte) []byte {
	t.Helper()
	out := bytes.Replace(text, []byte(`tw2 = 86.75,`), []byte(`tw2 = "banyak",`), 1)
	if bytes.Equal(out, text) {
		t.Fatal("the seed's first target is not where the test expects it")
	}
	return out
}

type checkAnswer struct {
	Errors   int       `json:"galat"`
	Warnings int       `json:"peringatan"`
	Status   string    `json:"status"`
	Messages []message `json:"daftar"`
}

func TestPeriksa(t *testing.T) {
	h := newHarness(t, workspace(t))
	text := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	before := tree(t, h.dir)
	w := h.request("POST", "/api/periksa?berkas="+seed, badTarget(t, text))
	sameTree(t, before, tree(t, h.dir))
	var got checkAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != http.StatusOK {
		t.Fatalf("status %d, %v: %s", w.Code, err, w.Body)
	}
	if got.Errors != 1 || got.Warnings != 4 || got.Status != "1 galat" {
		t.Errorf("got %d errors, %d warnings, %q", got.Errors, got.Warnings, got.Status)
	}
	m := got.Messages[0]
	if m.Location != "jakarta-pusat-2023.toml:47: sasaran[1].indikator[1].target.tw2" || m.Line != 47 || !m.Galat ||
		!strings.Contains(m.Text, "berbeda jenis") {
		t.Errorf("first message %+v", m)
	}
	// In English.
	defer pesan.Use(pesan.Indonesia)
	pesan.Use(pesan.Inggris)
	w = h.request("POST", "/api/periksa?berkas="+seed, badTarget(t, text))
	json.Unmarshal(w.Body.Bytes(), &got)
	if got.Status != "1 errors" {
		t.Errorf("English status %q", got.Status)
	}
}

func TestSimpan(t *testing.T) {
	h := newHarness(t, workspace(t))
	path := filepath.Join(h.dir, seed)
	old := testutil.ReadFile(t, path)
	changed := append([]byte("# disunting di meja kerja\n"), old...)
	w := h.request("POST", "/api/simpan?berkas="+seed+"&hash="+hash(old), changed)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if got := testutil.ReadFile(t, path); !bytes.Equal(got, changed) {
		t.Error("the file is not the saved text")
	}
	kept := filepath.Join(h.dir, ".pkgen", "riwayat", "jakarta-pusat-2023-20240301T093000Z.toml")
	if got := testutil.ReadFile(t, kept); !bytes.Equal(got, old) {
		t.Error("the history does not keep the previous version")
	}
	var ans struct{ Hash, Pesan string }
	json.Unmarshal(w.Body.Bytes(), &ans)
	if ans.Hash != hash(changed) || !strings.Contains(ans.Pesan, ".pkgen/riwayat/jakarta-pusat-2023-20240301T093000Z.toml") {
		t.Errorf("answer %+v", ans)
	}
	// A second save in the same second keeps both earlier versions.
	again := append([]byte("# lagi\n"), changed...)
	if w := h.request("POST", "/api/simpan?berkas="+seed+"&hash="+hash(changed), again); w.Code != http.StatusOK {
		t.Fatalf("second save: %d %s", w.Code, w.Body)
	}
	if got := testutil.ReadFile(t, strings.TrimSuffix(kept, ".toml")+"-2.toml"); !bytes.Equal(got, changed) {
		t.Error("the second history copy")
	}
}

func TestSimpanConflict(t *testing.T) {
	h := newHarness(t, workspace(t))
	path := filepath.Join(h.dir, seed)
	loaded := testutil.ReadFile(t, path)
	onDisk := append([]byte("# diubah penyunting lain\n"), loaded...)
	testutil.WriteFile(t, path, onDisk)
	w := h.refused(http.StatusConflict, "POST", "/api/simpan?berkas="+seed+"&hash="+hash(loaded), append([]byte("# dari halaman\n"), loaded...))
	var ans struct {
		Konflik bool
		Isi     string
		Pesan   string
	}
	json.Unmarshal(w.Body.Bytes(), &ans)
	if !ans.Konflik || ans.Isi != string(onDisk) || !strings.Contains(ans.Pesan, "berubah di disk") {
		t.Errorf("answer %+v", ans)
	}
	// Without a hash at all, too.
	h.refused(http.StatusConflict, "POST", "/api/simpan?berkas="+seed, loaded)
}

func TestSimpanPDF(t *testing.T) {
	h := newHarness(t, workspace(t))
	out := filepath.Join(h.dir, "jakarta-pusat-2023-perubahan-1.pdf")
	target := "/api/simpan-pdf?berkas=jakarta-pusat-2023-perubahan-1.toml"
	if w := h.request("POST", target, nil); w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if text := testutil.PDFText(t, testutil.ReadFile(t, out)); !strings.Contains(text, "PERUBAHAN") {
		t.Errorf("the amendment's PDF:\n%.300s", text)
	}
	// Made again: refused without consent, whatever is there.
	testutil.WriteFile(t, out, []byte("%PDF ditandatangani"))
	w := h.refused(http.StatusConflict, "POST", target, nil)
	if !strings.Contains(w.Body.String(), `"ada":true`) {
		t.Errorf("answer %s", w.Body)
	}
	if w := h.request("POST", target+"&timpa=1", nil); w.Code != http.StatusOK {
		t.Fatalf("with consent: %d %s", w.Code, w.Body)
	}
	if got := testutil.ReadFile(t, out); !bytes.HasPrefix(got, []byte("%PDF-")) || len(got) < 1000 {
		t.Error("not replaced with consent")
	}
	// An invalid file makes no PDF.
	testutil.WriteFile(t, filepath.Join(h.dir, "rusak.toml"), []byte("tahun = \"dua ribu\"\n"))
	h.refused(http.StatusUnprocessableEntity, "POST", "/api/simpan-pdf?berkas=rusak.toml", nil)
}

// TestPageTextsCatalogued: every {{t "…"}} of the pages is in the
// catalogue, with its English.
func TestPageTextsCatalogued(t *testing.T) {
	en := pesan.NewPrinter(pesan.Inggris)
	re := regexp.MustCompile(`\{\{t "([^"]+)"\}\}`)
	n := 0
	for _, name := range append(pageNames, "layout") {
		b, err := pageFiles.ReadFile("halaman/" + name + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			if got := en.Text(m[1]); got == m[1] && m[1] != "Unit" && m[1] != "Status" {
				t.Errorf("%s.html: %q is not in the catalogue", name, m[1])
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d texts found", n)
	}
}

// The user guide is served as a page with its pictures; raw HTML in it
// would be left out by the Markdown renderer.
func TestGuidePage(t *testing.T) {
	h := newHarness(t, workspace(t))
	w := h.request(http.MethodGet, "/panduan", nil)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "Panduan pkgen untuk perencana") || !strings.Contains(body, `src="/panduan/gambar/daftar.png"`) {
		t.Fatalf("guide: %d\n%.300s", w.Code, body)
	}
	pic := h.request(http.MethodGet, "/panduan/gambar/daftar.png", nil)
	if pic.Code != http.StatusOK || !strings.HasPrefix(pic.Body.String(), "\x89PNG") {
		t.Errorf("picture: %d", pic.Code)
	}
}
