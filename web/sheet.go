package web

import (
	"bytes"
	"errors"
	"net/http"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/spreadsheet"
)

// The Excel, Unduh and Buat baru pages and their pages' texts: registered
// here, beside their handlers (sheet.go, unduh.go, baru.go).
func init() {
	pageNames = append(pageNames, "lembar", "baru")
	scriptTexts = append(scriptTexts,
		pesan.Key("Membandingkan…"),
		pesan.Key("Pilih berkas XLSX lebih dulu."),
		pesan.Key("Membuat…"),
	)
}

// sheetRoutes are the routes of Excel in and out, Unduh and Buat baru.
func (s *Server) sheetRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /lembar", s.sheetPage)
	mux.HandleFunc("GET /xlsx", s.downloadXLSX)
	mux.HandleFunc("POST /api/impor", s.importXLSX)
	mux.HandleFunc("GET /unduh/pdf", s.downloadPDF)
	mux.HandleFunc("GET /unduh/ttd", s.downloadSidecar)
	mux.HandleFunc("GET /unduh/tahun", s.downloadYear)
	mux.HandleFunc("GET /baru", s.newPage)
	mux.HandleFunc("POST /api/baru", s.create)
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// sheetPage is a document's Excel and Unduh page: its PDF with options,
// its workbooks, and the upload of a workbook with the diff before it is
// accepted.
func (s *Server) sheetPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	rep := s.check(name, data)
	s.page(w, "lembar", map[string]any{
		"Name": name, "Report": rep, "CSRF": s.csrf, "Realisasi": model.IsRealisasi(data),
	})
}

// downloadXLSX sends the workbook of a document, as pkgen xlsx makes it:
// a PK's sheets, or with realisasi=1 (always for a realisasi report) the
// realisasi form.
func (s *Server) downloadXLSX(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	in := pkgen.Input{FS: files.NewSnapshot(s.root.FS()), Name: name}
	realisasi := r.URL.Query().Get("realisasi") == "1"
	isPK := !pkgen.IsRealisasi(in)
	// The workbook is beside the TOML: its pk = … names the PK from there.
	res, err := pkgen.ExportXLSX(in, realisasi, func(pkFile string) string { return relativeName(name, pkFile) })
	if err != nil {
		refuse(w, http.StatusUnprocessableEntity, pesan.Current().Error(err))
		return
	}
	out := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if realisasi && isPK {
		out += "-realisasi"
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", attachment(out+extXLSX))
	w.Write(res.XLSX)
}

// relativeName names target, a file of the workspace, as seen from the
// folder of from.
func relativeName(from, target string) string {
	rel, err := filepath.Rel(filepath.FromSlash(path.Dir(from)), filepath.FromSlash(target))
	if err != nil {
		return target
	}
	return filepath.ToSlash(rel)
}

// attachment is a Content-Disposition that saves the file as name.
func attachment(name string) string {
	return "attachment; filename=\"" + strings.NewReplacer(`"`, "", `\`, "").Replace(name) + "\""
}

// importJSON is what an uploaded workbook would change.
type importJSON struct {
	Realisasi bool      `json:"realisasi"`
	Changes   []string  `json:"beda"`
	Problems  []message `json:"masalah"`
	Errors    int       `json:"galat"`
	Text      string    `json:"isi"`  // the TOML that Terima saves
	Hash      string    `json:"hash"` // of the file compared against: Terima's conflict check
	Message   string    `json:"pesan"`
}

// importXLSX reads an uploaded workbook as pkgen impor does, for the
// document named, and answers what accepting it would change; nothing is
// written. Terima sends the TOML back to the editor's save (api/simpan)
// with the hash of the version compared, so a file changed on disk since
// is refused there and the replaced version kept in the history.
func (s *Server) importXLSX(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	data, ok := readBody(w, r, name, files.XLSX)
	if !ok {
		return
	}
	old, ok := s.read(w, name, files.TOML)
	if !ok {
		return
	}
	pr := pesan.Current()
	header := func(bool) string { return "Dibuat oleh pkgen web dari lembar kerja XLSX." }
	res, err := pkgen.ImportXLSX(data, s.root.FS(), name, header)
	var sheetProblems spreadsheet.Problems
	switch {
	case errors.As(err, &sheetProblems):
		out := importJSON{Problems: []message{}, Changes: []string{}}
		for _, p := range sheetProblems {
			out.Problems = append(out.Problems, message{Text: p.In(pr), Galat: true})
		}
		out.Errors = len(out.Problems)
		out.Message = pr.Sprintf("lembar kerja tidak dapat dibaca (%d masalah); tidak ada yang diubah", out.Errors)
		writeJSON(w, http.StatusUnprocessableEntity, out)
		return
	case err != nil:
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": pr.Error(err)})
		return
	}
	out := importJSON{Realisasi: res.Sheet.Laporan != nil, Text: string(res.TOML), Hash: hash(old), Changes: []string{}, Problems: []message{}}
	if out.Realisasi != model.IsRealisasi(old) {
		msg := pr.Sprintf("%s adalah PK, lembar kerja ini isian realisasi; unggah lembar kerja PK-nya", name)
		if !out.Realisasi {
			msg = pr.Sprintf("%s adalah berkas realisasi, lembar kerja ini PK; unggah isian realisasinya", name)
		}
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": msg})
		return
	}
	for _, p := range res.Problems {
		loc := ""
		if l, ok := res.Sheet.Locate(p.Path); ok {
			loc = l.In(pr)
		}
		if p.Path != "" {
			loc += p.Path
		}
		out.Problems = append(out.Problems, message{Location: loc, Text: p.Text(pr), Galat: p.Severity == model.Galat})
		if p.Severity == model.Galat {
			out.Errors++
		}
	}
	if out.Errors > 0 {
		out.Message = pr.Sprintf("isi lembar kerja tidak sah (%d galat); tidak dapat diterima", out.Errors)
		writeJSON(w, http.StatusUnprocessableEntity, out)
		return
	}
	changes, loaded := s.compareImported(name, res)
	for _, c := range changes {
		out.Changes = append(out.Changes, c.In(pr))
	}
	switch {
	case bytes.Equal(res.TOML, old):
		out.Message = pr.Sprintf("lembar kerja sama dengan %s; tidak ada yang perlu diterima", name)
	case !loaded:
		out.Message = pr.Sprintf("%s di disk tidak sah, jadi perubahannya tidak dapat dirinci; Terima menggantinya dengan isi lembar kerja", name)
	case len(changes) == 0:
		out.Message = pr.Sprintf("tidak ada perubahan isi; Terima hanya menulis ulang %s dalam bentuk baku (komentar tidak dipertahankan, versi sekarang disimpan di riwayat)", name)
	default:
		out.Message = pr.Sprintf("%d perubahan; Terima menyimpannya ke %s (komentar tidak dipertahankan, versi sekarang disimpan di riwayat)", len(changes), name)
	}
	writeJSON(w, http.StatusOK, out)
}

// compareImported lists what the imported workbook changes in the file
// on disk: a PK's changes as pkgen diff lists them, a realisasi report's
// changed values. loaded is false when the file on disk does not load.
func (s *Server) compareImported(name string, res *pkgen.Imported) (changes []model.Beda, loaded bool) {
	in := pkgen.Input{FS: files.NewSnapshot(s.root.FS()), Name: name}
	if res.Sheet.Laporan != nil {
		lap, _, err := pkgen.LoadRealisasi(in)
		if err != nil || lap == nil || res.Laporan == nil {
			return nil, false
		}
		return compareRealisasi(lap, res.Laporan), true
	}
	doc, _, err := pkgen.LoadPK(in)
	if err != nil || doc == nil || res.Doc == nil {
		return nil, false
	}
	return model.Compare(doc, res.Doc), true
}

// compareRealisasi lists the values of b that differ from a's: the
// quarter, and each indicator's realisasi per TW, last year's, kendala
// and upaya, in b's order and then those b no longer reports.
func compareRealisasi(a, b *model.Laporan) []model.Beda {
	var out []model.Beda
	field := func(kode, bidang, lama, baru string) {
		if lama != baru {
			out = append(out, model.Beda{Jenis: model.Diubah, Kode: kode, Bidang: bidang, Lama: lama, Baru: baru})
		}
	}
	field("", "tahun", year(a.Tahun), year(b.Tahun))
	field("", "triwulan", strconv.Itoa(a.Triwulan), strconv.Itoa(b.Triwulan))
	var kodes []string
	seen := map[string]bool{}
	for _, l := range []*model.Laporan{b, a} {
		for _, ri := range l.Realisasi {
			if !seen[ri.Kode] {
				seen[ri.Kode] = true
				kodes = append(kodes, ri.Kode)
			}
		}
	}
	for _, kode := range kodes {
		var none model.RealisasiIndikator
		ra, rb := a.Find(kode), b.Find(kode)
		if ra == nil {
			ra = &none
		}
		if rb == nil {
			rb = &none
		}
		for i := range ra.TW {
			field(kode, "tw.tw"+strconv.Itoa(i+1), ra.TW[i].String(), rb.TW[i].String())
		}
		field(kode, "tahun_lalu", ra.TahunLalu.String(), rb.TahunLalu.String())
		field(kode, "kendala", ra.Kendala, rb.Kendala)
		field(kode, "upaya", ra.Upaya, rb.Upaya)
	}
	return out
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
