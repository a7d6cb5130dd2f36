package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pkgen"
	"pkgen/files"
	"pkgen/internal/testutil"
	"pkgen/templates/baru"
)

// setCell opens a workbook, sets the cells of the first row holding kode
// whose value is was (on any sheet) to now (the quarter's target and the
// annual one that must agree), and returns the workbook.
func setBookCell(t testing.TB, book []byte, kode, was string, now any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for y, row := range rows {
			if !slices.Contains(row, kode) {
				continue
			}
			set := 0
			for x, v := range row {
				if v != was {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(x+1, y+1)
				if err := f.SetCellValue(sheet, cell, now); err != nil {
					t.Fatal(err)
				}
				set++
			}
			if set == 0 {
				continue
			}
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no cell %q in a row of %s", was, kode)
	return nil
}

type importAnswer struct {
	Realisasi bool      `json:"realisasi"`
	Changes   []string  `json:"beda"`
	Problems  []message `json:"masalah"`
	Errors    int       `json:"galat"`
	Text      string    `json:"isi"`
	Hash      string    `json:"hash"`
	Message   string    `json:"pesan"`
}

func (h *harness) importBook(name string, book []byte, status int) importAnswer {
	h.t.Helper()
	before := tree(h.t, h.dir)
	w := h.request("POST", "/api/impor?berkas="+name, book)
	if w.Code != status {
		h.t.Fatalf("impor %s: status %d, want %d: %s", name, w.Code, status, w.Body)
	}
	sameTree(h.t, before, tree(h.t, h.dir))
	var a importAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		h.t.Fatalf("impor answer %q: %v", w.Body, err)
	}
	return a
}

func (h *harness) download(target, ctype string) []byte {
	h.t.Helper()
	w := h.request("GET", target, nil)
	if w.Code != http.StatusOK {
		h.t.Fatalf("GET %s: status %d: %s", target, w.Code, w.Body)
	}
	if got := w.Header().Get("Content-Type"); !strings.HasPrefix(got, ctype) {
		h.t.Errorf("GET %s: Content-Type %q, want %q", target, got, ctype)
	}
	if got := w.Header().Get("Content-Disposition"); !strings.HasPrefix(got, "attachment;") {
		h.t.Errorf("GET %s: Content-Disposition %q", target, got)
	}
	return w.Body.Bytes()
}

// TestXLSXRoundTrip: the PK's workbook opens with excelize and, uploaded
// back unchanged, changes nothing of the PK's content; nothing is written.
func TestXLSXRoundTrip(t *testing.T) {
	h := newHarness(t, workspace(t))
	book := h.download("/xlsx?berkas="+seed, xlsxType)
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	if sheets := f.GetSheetList(); len(sheets) < 2 {
		t.Errorf("sheets %v", sheets)
	}
	f.Close()
	a := h.importBook(seed, book, http.StatusOK)
	if len(a.Changes) != 0 || a.Errors != 0 || a.Realisasi {
		t.Errorf("the unchanged workbook: %+v", a)
	}
	if !strings.Contains(a.Message, "tidak ada perubahan isi") {
		t.Errorf("message %q", a.Message)
	}
	if want := hash(testutil.ReadFile(t, filepath.Join(h.dir, seed))); a.Hash != want {
		t.Errorf("hash %s, want the file's %s", a.Hash, want)
	}
}

// TestXLSXImportDiff: a workbook with a changed target shows that change
// as pkgen diff words it, writes nothing; Terima (the editor's save with
// the hash compared) writes the imported TOML and keeps the old version.
func TestXLSXImportDiff(t *testing.T) {
	h := newHarness(t, workspace(t))
	saved := testutil.ReadFile(t, filepath.Join(h.dir, seed))
	book := setBookCell(t, h.download("/xlsx?berkas="+seed, xlsxType), "IK-01", "86.75", 85.25)
	a := h.importBook(seed, book, http.StatusOK)
	if !slices.Contains(a.Changes, "~ IK-01 target.tw2: 86.75 → 85.25") {
		t.Errorf("changes %q", a.Changes)
	}
	if !strings.HasPrefix(a.Message, fmt.Sprintf("%d perubahan", len(a.Changes))) {
		t.Errorf("message %q", a.Message)
	}
	w := h.request("POST", "/api/simpan?berkas="+seed+"&hash="+a.Hash, []byte(a.Text))
	if w.Code != http.StatusOK {
		t.Fatalf("Terima: %d %s", w.Code, w.Body)
	}
	if got := testutil.ReadFile(t, filepath.Join(h.dir, seed)); string(got) != a.Text {
		t.Error("Terima did not write the imported TOML")
	}
	kept, _ := filepath.Glob(filepath.Join(h.dir, ".pkgen", "riwayat", "jakarta-pusat-2023-*.toml"))
	if len(kept) != 1 || !bytes.Equal(testutil.ReadFile(t, kept[0]), saved) {
		t.Errorf("history %v", kept)
	}
	res, err := pkgen.Check(pkgen.Input{FS: os.DirFS(h.dir), Name: seed}, pkgen.Options{})
	if err != nil || res.Doc.Sasaran[0].Indikator[0].Target.TW[1].String() != "85.25" {
		t.Errorf("the accepted PK: %v", err)
	}
	// A second Terima of the same comparison: the file changed since.
	if w := h.request("POST", "/api/simpan?berkas="+seed+"&hash="+a.Hash, []byte(a.Text)); w.Code != http.StatusConflict {
		t.Errorf("a stale Terima: status %d", w.Code)
	}
}

// TestXLSXImportRealisasi: a realisasi form with a changed value lists it.
func TestXLSXImportRealisasi(t *testing.T) {
	h := newHarness(t, workspace(t))
	const tw3 = "jakarta-pusat-2023-tw3.toml"
	book := setBookCell(t, h.download("/xlsx?berkas="+tw3, xlsxType), "IK-01", "88.2", 90.5)
	a := h.importBook(tw3, book, http.StatusOK)
	if !a.Realisasi || !slices.Contains(a.Changes, "~ IK-01 tw.tw2: 88.2 → 90.5") {
		t.Errorf("changes %q (%s)", a.Changes, a.Message)
	}
	// The same form on the PK: refused, nothing written.
	if a := h.importBook(seed, book, http.StatusUnprocessableEntity); !strings.Contains(a.Message, "isian realisasi") {
		t.Errorf("a realisasi form on a PK: %q", a.Message)
	}
}

// TestXLSXUploadLimits: an upload over the XLSX limit is a 413, a file
// that is no workbook a 422 with its message; neither writes.
func TestXLSXUploadLimits(t *testing.T) {
	h := newHarness(t, workspace(t))
	h.refused(http.StatusRequestEntityTooLarge, "POST", "/api/impor?berkas="+seed, make([]byte, files.XLSX.Limit()+1))
	h.refused(http.StatusUnprocessableEntity, "POST", "/api/impor?berkas="+seed, []byte("bukan lembar kerja"))
	h.refused(http.StatusBadRequest, "POST", "/api/impor?berkas=../"+seed, []byte("x"))
	h.refused(http.StatusNotFound, "POST", "/api/impor?berkas=tidak-ada.toml", []byte("x"))
}

// TestUnduhPDF: the PDF with its options, and the sidecar of the TTE one.
func TestUnduhPDF(t *testing.T) {
	h := newHarness(t, workspace(t))
	before := tree(t, h.dir)
	pdfa := h.download("/unduh/pdf?berkas="+seed, "application/pdf")
	if !bytes.Contains(pdfa, []byte("pdfaid:part")) {
		t.Error("the default PDF is not PDF/A")
	}
	draf := h.download("/unduh/pdf?berkas="+seed+"&draf=1", "application/pdf")
	if bytes.Contains(draf, []byte("pdfaid:part")) || !strings.Contains(testutil.PDFText(t, draf), "DRAF") {
		t.Error("the draft is PDF/A or has no DRAF mark")
	}
	side := h.download("/unduh/ttd?berkas="+seed+"&tte=1", "application/json")
	var sc pkgen.Sidecar
	if err := json.Unmarshal(side, &sc); err != nil || sc.PDF != "jakarta-pusat-2023.pdf" || len(sc.TandaTangan) != 4 || sc.TandaTangan[0].Peran != "pihak_kedua" {
		t.Errorf("sidecar %s (%v)", side, err)
	}
	w := h.request("GET", "/unduh/pdf?berkas=jakarta-pusat-2023-perubahan-1.toml", nil)
	if got := w.Header().Get("Content-Disposition"); !strings.Contains(got, `"jakarta-pusat-2023-perubahan-1.pdf"`) {
		t.Errorf("the amendment's PDF is named %q", got)
	}
	sameTree(t, before, tree(t, h.dir))
}

func readZIP(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return out
}

// TestUnduhTahun: the ZIP of a year holds one PDF per PK of that year
// (not the realisasi reports), named as pkgen batch names them; with TTE
// each has its sidecar; nothing is written to the workspace.
func TestUnduhTahun(t *testing.T) {
	h := newHarness(t, workspace(t))
	other := strings.Replace(string(testutil.ReadFile(t, testutil.Example(t, seed))), "tahun = 2023", "tahun = 2024", 1)
	testutil.WriteFile(t, filepath.Join(h.dir, "lain-2024.toml"), []byte(other))
	before := tree(t, h.dir)
	got := readZIP(t, h.download("/unduh/tahun?tahun=2023&tte=1", "application/zip"))
	var names []string
	for n, data := range got {
		names = append(names, n)
		if strings.HasSuffix(n, ".pdf") && !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", n)
		}
	}
	slices.Sort(names)
	want := []string{"jakarta-pusat-2023-perubahan-1.pdf", "jakarta-pusat-2023-perubahan-1.pdf.ttd.json", "jakarta-pusat-2023.pdf", "jakarta-pusat-2023.pdf.ttd.json"}
	if !slices.Equal(names, want) {
		t.Errorf("ZIP holds %q, want %q", names, want)
	}
	sameTree(t, before, tree(t, h.dir))
	got = readZIP(t, h.download("/unduh/tahun?tahun=2024", "application/zip"))
	if len(got) != 1 || got["lain-2024.pdf"] == nil {
		t.Errorf("2024: %d files", len(got))
	}
	h.refused(http.StatusNotFound, "GET", "/unduh/tahun?tahun=1999", nil)
	h.refused(http.StatusBadRequest, "GET", "/unduh/tahun?tahun=dua", nil)
}

func newRequest(name string) newPK {
	return newPK{
		Bentuk: "eselon3", Berkas: name, Tahun: 2026,
		Kop:         "PEMERINTAH KABUPATEN CONTOH\n  DINAS \"PERTANIAN\"\n",
		PertamaNama: "Ir. Siti Aminah, M.Si.", PertamaJabatan: "Kepala Bidang Tanaman Pangan",
		KeduaNama: "Dr. Bambang Wijaya", KeduaJabatan: "Kepala Dinas Pertanian",
	}
}

// TestBuatBaru: a new PK from a shape with the answers in place, valid,
// and its page's address; an existing name is refused and not replaced.
func TestBuatBaru(t *testing.T) {
	h := newHarness(t, workspace(t))
	if w := h.request("GET", "/baru", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `value="kepala-daerah"`) {
		t.Fatalf("the page: %d", w.Code)
	}
	post := func(req newPK) (int, map[string]string) {
		body, _ := json.Marshal(req)
		w := h.request("POST", "/api/baru", body)
		var a map[string]string
		json.Unmarshal(w.Body.Bytes(), &a)
		return w.Code, a
	}
	before := tree(t, h.dir)
	code, a := post(newRequest(strings.TrimSuffix(seed, ".toml")))
	if code != http.StatusConflict || !strings.Contains(a["pesan"], "sudah ada") {
		t.Errorf("an existing name: %d %q", code, a["pesan"])
	}
	for _, bad := range []func(*newPK){
		func(r *newPK) { r.Berkas = "../luar" },
		func(r *newPK) { r.Berkas = ".tersembunyi" },
		func(r *newPK) { r.Bentuk = "tidak-ada" },
		func(r *newPK) { r.Tahun = 1990 },
		func(r *newPK) { r.Kop = " \n " },
		func(r *newPK) { r.KeduaNama = "" },
		func(r *newPK) { r.PertamaNama = "a\tb" },
	} {
		req := newRequest("baru")
		bad(&req)
		if code, a := post(req); code != http.StatusBadRequest {
			t.Errorf("%+v: %d %q", req, code, a["pesan"])
		}
	}
	sameTree(t, before, tree(t, h.dir))

	code, a = post(newRequest("pk-bidang"))
	if code != http.StatusCreated || a["alamat"] != "/dokumen?berkas=pk-bidang.toml" {
		t.Fatalf("created: %d %v", code, a)
	}
	res, err := pkgen.Check(pkgen.Input{FS: os.DirFS(h.dir), Name: "pk-bidang.toml"}, pkgen.Options{})
	if err != nil || len(res.Problems.Errors()) > 0 {
		t.Fatalf("the new PK: %v %v", err, res.Problems)
	}
	d := res.Doc
	kop := []string{d.Instansi.Kop[0].Teks, d.Instansi.Kop[1].Teks}
	if d.Tahun != 2026 || !slices.Equal(kop, []string{"PEMERINTAH KABUPATEN CONTOH", `DINAS "PERTANIAN"`}) ||
		d.PihakPertama.Nama != "Ir. Siti Aminah, M.Si." || d.PihakPertama.Jabatan != "Kepala Bidang Tanaman Pangan" ||
		d.PihakKedua.Nama != "Dr. Bambang Wijaya" || d.PihakKedua.Jabatan != "Kepala Dinas Pertanian" {
		t.Errorf("the new PK: %d %q %+v %+v", d.Tahun, kop, d.PihakPertama, d.PihakKedua)
	}
	if w := h.request("GET", a["alamat"], nil); w.Code != http.StatusOK {
		t.Errorf("its page: %d", w.Code)
	}
}

// TestNewEveryShape: every shape of pkgen baru takes the answers and
// stays valid.
func TestNewEveryShape(t *testing.T) {
	for _, b := range baru.Bentuk() {
		req := newRequest("pk")
		req.Bentuk = b
		name, text, err := req.fill()
		if err != nil {
			t.Errorf("%s: %v", b, err)
			continue
		}
		snap := files.NewSnapshot(os.DirFS(t.TempDir()))
		snap.Add(name, text)
		res, err := pkgen.Check(pkgen.Input{FS: snap, Name: name}, pkgen.Options{})
		if err != nil || len(res.Problems.Errors()) > 0 || res.Doc.PihakPertama.Nama != req.PertamaNama {
			t.Errorf("%s: %v %v", b, err, res.Problems)
		}
	}
}
