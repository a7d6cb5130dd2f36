package web

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/pesan"
)

// daftar is the list of documents.
func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	rows, err := s.list()
	if err != nil {
		refuse(w, http.StatusInternalServerError, pesan.Current().Error(err))
		return
	}
	s.page(w, "daftar", map[string]any{"Rows": rows, "Folder": s.root.Name()})
}

// dokumen is a document's page: its messages, its text in the editor,
// and the preview of its PDF.
func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	rep := s.check(name, data)
	s.page(w, "dokumen", map[string]any{
		"Name": name, "Text": string(data), "Hash": hash(data), "Report": rep, "CSRF": s.csrf,
	})
}

// pratinjauSaved is the PDF of the file as saved, shown inline; nothing
// is written.
func (s *Server) previewSaved(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	s.servePDF(w, name, nil)
}

// pratinjauText is the PDF of the editor's unsaved text; nothing is
// written.
func (s *Server) previewText(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	text, ok := readBody(w, r, name, files.TOML)
	if !ok {
		return
	}
	s.servePDF(w, name, text)
}

func (s *Server) servePDF(w http.ResponseWriter, name string, text []byte) {
	pdf, rep, err := s.render(name, text, false)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": pesan.Current().Error(err), "daftar": rep.Messages})
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", "inline; filename=\""+path.Base(pkgen.OutputName(name, rep.Ke))+"\"")
	w.Write(pdf)
}

// render makes the PDF of name (or of text standing for it) in memory:
// the PK, or a realisasi report's capaian annex.
func (s *Server) render(name string, text []byte, pdfa bool) ([]byte, *report, error) {
	snap := files.NewSnapshot(s.root.FS())
	if text != nil {
		snap.Add(name, text)
	}
	in := pkgen.Input{FS: snap, Name: name}
	opt := pkgen.Options{PDFA: pdfa}
	if pkgen.IsRealisasi(in) {
		res, err := pkgen.RenderCapaian(in, pkgen.CapaianOptions{Options: opt})
		if err != nil {
			return nil, s.check(name, text), err
		}
		return res.PDF, &report{Name: name, Laporan: res.Laporan}, nil
	}
	res, err := pkgen.RenderPK(in, opt)
	if err != nil {
		return nil, s.check(name, text), err
	}
	rep := &report{Name: name, Doc: res.Doc}
	if res.Doc.Perubahan != nil {
		rep.Ke = res.Doc.Perubahan.Ke
	}
	return res.PDF, rep, nil
}

// checkJSON is a check's answer to the page.
type checkJSON struct {
	Errors   int       `json:"galat"`
	Warnings int       `json:"peringatan"`
	Status   string    `json:"status"`
	Class    string    `json:"kelas"`
	Messages []message `json:"daftar"`
}

func checkResult(rep *report) checkJSON {
	msgs := rep.Messages
	if msgs == nil {
		msgs = []message{}
	}
	return checkJSON{Errors: rep.Errors, Warnings: rep.Warnings, Status: rep.Status(), Class: rep.StatusClass(), Messages: msgs}
}

// periksa checks the editor's unsaved text; nothing is written.
func (s *Server) checkText(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	text, ok := readBody(w, r, name, files.TOML)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, checkResult(s.check(name, text)))
}

// simpan saves the editor's text over the file, atomically, unless the
// file changed on disk since the page loaded it (the hash it sends back);
// the version replaced is kept in .pkgen/riwayat.
func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	text, ok := readBody(w, r, name, files.TOML)
	if !ok {
		return
	}
	s.saveText(w, name, text, r.URL.Query().Get("hash"))
}

// saveText writes text over name unless name's content on disk no longer
// has the hash the page loaded (wantHash); the version replaced goes to
// the history first. The editor's Simpan and Riwayat's Pulihkan save
// through it.
func (s *Server) saveText(w http.ResponseWriter, name string, text []byte, wantHash string) {
	s.saving.Lock()
	defer s.saving.Unlock()
	old, ok := s.readUnchanged(w, name, wantHash)
	if !ok {
		return
	}
	kept, ok := s.replace(w, name, old, text)
	if !ok {
		return
	}
	rep := s.check(name, nil)
	writeJSON(w, http.StatusOK, map[string]any{
		"hash": hash(text), "periksa": checkResult(rep),
		"pesan": pesan.Sprintf("%s disimpan; versi sebelumnya di %s", name, kept),
	})
}

// readUnchanged reads name for a save, answering 409 (with the version on
// disk) when its content no longer has the hash the page loaded. The
// caller holds s.saving.
func (s *Server) readUnchanged(w http.ResponseWriter, name, wantHash string) ([]byte, bool) {
	old, ok := s.read(w, name, files.TOML)
	if !ok {
		return nil, false
	}
	if h := hash(old); !same(h, wantHash) {
		writeJSON(w, http.StatusConflict, map[string]any{
			"konflik": true, "hash": h, "isi": string(old),
			"pesan": pesan.Sprintf("%s berubah di disk sejak dimuat (oleh penyunting lain atau tab lain); tidak disimpan. Salin perubahan Anda, muat ulang, lalu terapkan lagi.", name),
		})
		return nil, false
	}
	return old, true
}

// replace keeps old in the history and writes text over name, answering
// 500 on failure; it returns the history copy's name.
func (s *Server) replace(w http.ResponseWriter, name string, old, text []byte) (string, bool) {
	kept, err := s.keep(name, old)
	if err == nil {
		err = files.WriteIn(s.root, name, text, true)
	}
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"pesan": pesan.Current().Error(err)})
		return "", false
	}
	return kept, true
}

// historyDir keeps the versions a save replaced.
const historyDir = ".pkgen/riwayat"

// keep writes old, the content a save replaces, to the history:
// .pkgen/riwayat/NAME-TIMESTAMP.toml (in the file's folder's mirror),
// never replacing an earlier copy.
func (s *Server) keep(name string, old []byte) (string, error) {
	dir := path.Join(historyDir, path.Dir(name))
	if err := s.root.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(path.Base(name), path.Ext(name)) + "-" + s.now().UTC().Format("20060102T150405Z")
	for n := 1; ; n++ {
		kept := path.Join(dir, base+extTOML)
		if n > 1 {
			kept = path.Join(dir, base+"-"+strconv.Itoa(n)+extTOML)
		}
		err := files.WriteIn(s.root, kept, old, false)
		if !errors.Is(err, files.ErrExist) || n == 100 {
			return kept, err
		}
	}
}

// simpanPDF writes the PDF of the saved file beside it, named as pkgen
// render names it. An existing PDF (it may be signed) is replaced only
// when the request says so (timpa=1), after the page asked the user.
func (s *Server) savePDF(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 0)
	replace := r.URL.Query().Get("timpa") == "1"
	pdf, rep, err := s.render(name, nil, true)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": pesan.Current().Error(err), "periksa": checkResult(rep)})
		return
	}
	out := rep.PDFName()
	if _, err := s.root.Lstat(out); err == nil && !replace {
		writeJSON(w, http.StatusConflict, map[string]any{"ada": true,
			"pesan": pesan.Sprintf("%s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa tanpa persetujuan Anda.", out)})
		return
	}
	if err := files.WriteIn(s.root, out, pdf, replace); err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, files.ErrExist) {
			status = http.StatusConflict
		}
		writeJSON(w, status, map[string]any{"ada": status == http.StatusConflict, "pesan": pesan.Current().Error(err)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"pdf": out, "pesan": pesan.Sprintf("PDF ditulis: %s", out)})
}

// unduh sends a PDF, TOML or XLSX file of the workspace.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	name, ok := fileName(r, extPDF, extTOML, extXLSX)
	if !ok {
		badName(w, r)
		return
	}
	kind, ctype := files.PDF, "application/pdf"
	switch strings.ToLower(path.Ext(name)) {
	case extTOML:
		kind, ctype = files.TOML, "text/plain; charset=utf-8"
	case extXLSX:
		kind, ctype = files.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	data, ok := s.read(w, name, kind)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "inline; filename=\""+path.Base(name)+"\"")
	w.Write(data)
}

// tomlName is the TOML file the request names, or a 400.
func (s *Server) tomlName(w http.ResponseWriter, r *http.Request) (string, bool) {
	name, ok := fileName(r, extTOML)
	if !ok {
		badName(w, r)
	}
	return name, ok
}

func badName(w http.ResponseWriter, r *http.Request) {
	refuse(w, http.StatusBadRequest, pesan.Sprintf("nama berkas %q ditolak: sebutkan berkas .toml, .pdf atau .xlsx di dalam folder kerja, tanpa .. dan tanpa jalur mutlak", r.URL.Query().Get("berkas")))
}

// requestedTOML is the TOML file the request names and its content, or
// the 400, 403 or 404 that says why not.
func (s *Server) requestedTOML(w http.ResponseWriter, r *http.Request) (string, []byte, bool) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return "", nil, false
	}
	data, ok := s.read(w, name, files.TOML)
	return name, data, ok
}

// read reads a file of the workspace through package files (bounded, a
// regular file, inside the root), answering 404 or 403 when it cannot.
func (s *Server) read(w http.ResponseWriter, name string, kind files.Kind) ([]byte, bool) {
	data, err := files.Read(s.root.FS(), name, kind)
	if err == nil {
		return data, true
	}
	status := http.StatusForbidden
	if errors.Is(err, fs.ErrNotExist) {
		status = http.StatusNotFound
	}
	refuse(w, status, pesan.Current().Error(err))
	return nil, false
}

// readBody reads a request's body, at most kind's limit (the limit the
// command line reads such a file with).
func readBody(w http.ResponseWriter, r *http.Request, name string, kind files.Kind) ([]byte, bool) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, kind.Limit()))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		kindName := kind.Name()
		refuse(w, http.StatusRequestEntityTooLarge, pesan.Sprintf("%s: berkas lebih dari %d MB, batas untuk %s", name, kind.Limit()>>20, pesan.M(kindName)))
		return nil, false
	case err != nil:
		refuse(w, http.StatusBadRequest, pesan.Current().Error(err))
		return nil, false
	}
	return data, true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
