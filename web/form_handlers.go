package web

import (
	"bytes"
	"net/http"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

// The form's page and its two requests: periksa checks the form as it
// stands and writes nothing; simpan writes it, as canonical TOML, with
// the same conflict check and history as the TOML editor's Simpan.
func init() {
	pageNames = append(pageNames, "form")
	funcs["party"] = func(key string, p formPihak) formParty { return formParty{Key: key, Pihak: p} }
	scriptTexts = append(scriptTexts,
		pesan.Key("Baris dipindah:"),
		pesan.Key("Baris dihapus."),
		pesan.Key("Baris ditambah."),
	)
}

// formRoutes are the form's routes, added to the workbench's.
func (s *Server) formRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /formulir", s.formPage)
	mux.HandleFunc("POST /api/formulir/periksa", s.formCheck)
	mux.HandleFunc("POST /api/formulir/simpan", s.formSave)
	mux.HandleFunc("POST /api/formulir/pratinjau", s.formPreview)
	mux.HandleFunc("GET /api/formulir/induk", s.formInduk)
}

// loadBase loads the PK name as saved (data is its content): the
// document the form is laid over. The report says why when it does not
// load; a realisasi report has no form.
func (s *Server) loadBase(name string, data []byte) (*model.Document, string) {
	snap := files.NewSnapshot(s.root.FS())
	snap.Add(name, data)
	in := pkgen.Input{FS: snap, Name: name}
	if pkgen.IsRealisasi(in) {
		return nil, pesan.Sprintf("%s laporan realisasi, bukan PK; formulir ini hanya untuk PK", name)
	}
	doc, _, err := pkgen.LoadPK(in)
	if doc == nil || err != nil {
		return nil, pesan.Sprintf("%s bergalat sehingga tidak dapat dibuka sebagai formulir; perbaiki dulu di teks TOML", name)
	}
	return doc, ""
}

// formPage is the form of a PK, rendered from the document it loads to.
func (s *Server) formPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	rep := s.check(name, data)
	view := map[string]any{"Name": name, "Hash": hash(data), "Report": rep, "CSRF": s.csrf}
	base, why := s.loadBase(name, data)
	if base == nil {
		view["Unavailable"] = why
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.page(w, "form", view)
		return
	}
	view["Form"] = formOf(base)
	view["Total"] = totalAnggaran(base)
	view["Canonical"] = canonical(data, base)
	view["NewSasaran"] = blankSasaran()
	view["NewIndikator"] = blankIndikator()
	view["NewAnggaran"] = formAnggaran{Path: anggaranPath(0)}
	view["IndukChoices"] = s.indukChoices(name, base)
	if base.PKInduk != "" {
		// A broken link is the check's message; the suggestions are
		// then empty.
		view["IndukKode"], _, _ = s.indukKodes(name, base.PKInduk)
	}
	s.page(w, "form", view)
}

// formChecked is a check of the form: the messages, and the budget's
// total as the form stands.
type formChecked struct {
	checkJSON
	Total string `json:"total"`
}

// checkForm builds the document of the form over the saved file (data)
// and checks its TOML as the file's content: the form's own problems
// first, then pkgen check's. The text is nil when the file has no form.
func (s *Server) checkForm(name string, data []byte, f *formDocument) (*report, []byte, string, string) {
	base, why := s.loadBase(name, data)
	if base == nil {
		return nil, nil, "", why
	}
	doc, probs := f.apply(base)
	text := model.EncodePK(doc, formHeader(data))
	checked := s.check(name, text)
	rep := &report{Name: name, Doc: checked.Doc, Ke: checked.Ke}
	pr := pesan.Current()
	for _, p := range probs {
		rep.add(p, pr)
	}
	rep.Messages = append(rep.Messages, checked.Messages...)
	rep.Errors += checked.Errors
	rep.Warnings += checked.Warnings
	return rep, text, totalAnggaran(doc), ""
}

// formCheck checks the form the page sends; nothing is written.
func (s *Server) formCheck(w http.ResponseWriter, r *http.Request) {
	name, f, ok := s.formRequest(w, r)
	if !ok {
		return
	}
	data, ok := s.read(w, name, files.TOML)
	if !ok {
		return
	}
	rep, _, total, ok := s.checkedForm(w, name, data, f)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, formChecked{checkResult(rep), total})
}

// formPreview renders the form's document in memory, as it would be
// saved; nothing is written. A form with errors gets 422, so the page keeps
// the last good preview.
func (s *Server) formPreview(w http.ResponseWriter, r *http.Request) {
	name, f, ok := s.formRequest(w, r)
	if !ok {
		return
	}
	data, ok := s.read(w, name, files.TOML)
	if !ok {
		return
	}
	rep, text, _, ok := s.checkedForm(w, name, data, f)
	if !ok {
		return
	}
	if rep.Errors > 0 {
		writeJSON(w, http.StatusUnprocessableEntity, checkResult(rep))
		return
	}
	s.servePDF(w, name, text)
}

// checkedForm is checkForm for a handler: a form that cannot be laid over
// the file (why) is answered 422 here, and ok is false.
func (s *Server) checkedForm(w http.ResponseWriter, name string, data []byte, f *formDocument) (*report, []byte, string, bool) {
	rep, text, total, why := s.checkForm(name, data, f)
	if rep == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": why})
		return nil, nil, "", false
	}
	return rep, text, total, true
}

// formRequest reads a form request: the file it names, and the form in
// its body.
func (s *Server) formRequest(w http.ResponseWriter, r *http.Request) (string, *formDocument, bool) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return "", nil, false
	}
	body, ok := readBody(w, r, name, files.TOML)
	if !ok {
		return "", nil, false
	}
	f, err := decodeForm(body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"pesan": pesan.Current().Error(err)})
		return "", nil, false
	}
	return name, f, true
}

// formSave writes the form as canonical TOML over the file, unless the
// file changed on disk since the page loaded it (the hash it sends back)
// or the form has errors (a file the form could no longer open). The
// version replaced is kept in .pkgen/riwayat, as the TOML editor's
// Simpan keeps it.
func (s *Server) formSave(w http.ResponseWriter, r *http.Request) {
	name, f, ok := s.formRequest(w, r)
	if !ok {
		return
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	old, ok := s.readUnchanged(w, name, r.URL.Query().Get("hash"))
	if !ok {
		return
	}
	rep, text, total, ok := s.checkedForm(w, name, old, f)
	if !ok {
		return
	}
	res := formChecked{checkResult(rep), total}
	if rep.Errors > 0 {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"periksa": res,
			"pesan": pesan.Sprintf("%s tidak disimpan: formulir masih bergalat. Perbaiki pesan bertanda galat lalu simpan lagi.", name)})
		return
	}
	if bytes.Equal(text, old) {
		writeJSON(w, http.StatusOK, map[string]any{"hash": hash(old), "periksa": res,
			"pesan": pesan.Sprintf("%s tidak berubah; tidak ada yang ditulis", name)})
		return
	}
	base, _ := s.loadBase(name, old)
	handWritten := base != nil && !canonical(old, base)
	kept, ok := s.replace(w, name, old, text)
	if !ok {
		return
	}
	msg := pesan.Sprintf("%s disimpan; versi sebelumnya di %s", name, kept)
	if handWritten {
		msg = pesan.Sprintf("%s disimpan sebagai TOML kanonik: komentar dan tata letak tulisan tangan tidak dipertahankan; berkas aslinya di %s", name, kept)
	}
	writeJSON(w, http.StatusOK, map[string]any{"hash": hash(text), "periksa": res, "pesan": msg})
}
