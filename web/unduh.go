package web

import (
	"archive/zip"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"pkgen"
	"pkgen/files"
	"pkgen/pesan"
	"pkgen/render"
)

// downloadOptions are a download's choices, as the command line's flags:
// PDF/A unless format=biasa, tte=1 (--tte), draf=1 (--draf; a draft is
// never PDF/A).
func downloadOptions(q url.Values) pkgen.Options {
	return pkgen.Options{PDFA: q.Get("format") != "biasa", TTE: q.Get("tte") == "1", Draf: q.Get("draf") == "1"}
}

// rendered is a document's PDF made for download.
type rendered struct {
	PDF    []byte
	Layout *render.Document
	Out    string // the PDF's name, pkgen.OutputName's
}

// renderFor makes the PDF of the saved file name with opt: the PK, or a
// realisasi report's capaian annex (with TTE, closed by the signatures,
// as pkgen capaian --ttd --tte).
func (s *Server) renderFor(name string, opt pkgen.Options) (*rendered, error) {
	in := pkgen.Input{FS: files.NewSnapshot(s.root.FS()), Name: name}
	if pkgen.IsRealisasi(in) {
		res, err := pkgen.RenderCapaian(in, pkgen.CapaianOptions{Options: opt, TandaTangan: opt.TTE})
		if err != nil {
			return nil, err
		}
		return &rendered{PDF: res.PDF, Layout: res.Layout, Out: pkgen.OutputName(name, 0)}, nil
	}
	res, err := pkgen.RenderPK(in, opt)
	if err != nil {
		return nil, err
	}
	ke := 0
	if res.Doc.Perubahan != nil {
		ke = res.Doc.Perubahan.Ke
	}
	return &rendered{PDF: res.PDF, Layout: res.Layout, Out: pkgen.OutputName(name, ke)}, nil
}

// downloadPDF sends the PDF of a saved document, made in memory with the
// request's options; nothing is written.
func (s *Server) downloadPDF(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	res, err := s.renderFor(name, downloadOptions(r.URL.Query()))
	if err != nil {
		refuse(w, http.StatusUnprocessableEntity, pesan.Current().Error(err))
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", attachment(path.Base(res.Out)))
	w.Write(res.PDF)
}

// downloadSidecar sends the signature sidecar (PDF.ttd.json) of the PDF
// that downloadPDF makes with tte=1 and the same other options: the same
// layout, so the places are that PDF's.
func (s *Server) downloadSidecar(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	opt := downloadOptions(r.URL.Query())
	opt.TTE = true
	res, err := s.renderFor(name, opt)
	if err != nil {
		refuse(w, http.StatusUnprocessableEntity, pesan.Current().Error(err))
		return
	}
	base := path.Base(res.Out)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", attachment(base+".ttd.json"))
	w.Write(pkgen.Signatures(base, res.Layout, false, 0))
}

// downloadYear streams a ZIP of the PDFs of every PK of a year in the
// workspace (the Daftar's files: what pkgen batch of the folder renders),
// named as pkgen batch names them, with TTE each PDF's sidecar beside it.
// The PDFs are made by pkgen.Batch on every core and written into the ZIP
// in the Daftar's order as they are done, never to the workspace. A PK
// that fails, and a name changed to avoid a collision, is noted in
// CATATAN.txt at the end of the ZIP.
func (s *Server) downloadYear(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	y, err := strconv.Atoi(q.Get("tahun"))
	if err != nil {
		refuse(w, http.StatusBadRequest, pesan.Sprintf("tahun %q tidak sah: tulis tahun dengan angka, misalnya 2024", q.Get("tahun")))
		return
	}
	rows, err := s.list()
	if err != nil {
		refuse(w, http.StatusInternalServerError, pesan.Current().Error(err))
		return
	}
	var jobs []*pkgen.Job
	for _, row := range rows {
		if row.Laporan == nil && row.Doc != nil && row.Doc.Tahun == y {
			jobs = append(jobs, &pkgen.Job{Path: row.Name, Input: pkgen.Input{FS: s.root.FS(), Name: row.Name}})
		}
	}
	if len(jobs) == 0 {
		refuse(w, http.StatusNotFound, pesan.Sprintf("tidak ada PK tahun %d yang sah di folder kerja", y))
		return
	}
	if err := pkgen.PlanBatch(jobs, ""); err != nil {
		refuse(w, http.StatusInternalServerError, pesan.Current().Error(err))
		return
	}
	pr := pesan.Current()
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", attachment("pk-"+strconv.Itoa(y)+".zip"))
	zw := zip.NewWriter(w)
	var mu sync.Mutex
	made := map[string][]byte{}
	keep := func(p string, data []byte, _ bool) error {
		mu.Lock()
		made[p] = data
		mu.Unlock()
		return nil
	}
	var notes []string
	put := func(name string, data []byte) {
		// PDFs are compressed already: stored, not deflated again.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: s.now()})
		if err == nil {
			f.Write(data)
		}
	}
	opt := pkgen.BatchOptions{Options: downloadOptions(q), Write: keep}
	pkgen.Batch(jobs, opt, func(j *pkgen.Job, res pkgen.Result) {
		if res.Err != nil {
			notes = append(notes, j.Path+": "+pr.Error(res.Err))
			return
		}
		if j.Note.Key != "" {
			notes = append(notes, j.Note.In(pr))
		}
		for _, p := range []string{j.Out, j.Out + ".ttd.json"} {
			mu.Lock()
			data, ok := made[p]
			delete(made, p)
			mu.Unlock()
			if ok {
				put(filepath.ToSlash(filepath.Base(p)), data)
			}
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	})
	if len(notes) > 0 {
		put("CATATAN.txt", []byte(strings.Join(notes, "\n")+"\n"))
	}
	zw.Close()
}
