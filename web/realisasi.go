package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

// The realisasi grid: a report's indicators by quarter, each cell beside
// its target, capaian and category computed by model.ComputeCapaian (the
// numbers the annex prints). The page sends the grid as JSON; the server
// writes it as the realisasi TOML (model.EncodeRealisasi) and checks that
// text with pkgen.Check as if it were saved, so a message's key path
// (realisasi[i].tw.tw2) names a cell of the grid.

func init() {
	pageNames = append(pageNames, "realisasi")
	funcs["romawi"] = func(q int) string {
		if q < 1 || q > 4 {
			return strconv.Itoa(q)
		}
		return [4]string{"I", "II", "III", "IV"}[q-1]
	}
	scriptTexts = append(scriptTexts,
		pesan.Key("Menghitung capaian…"),
		pesan.Key("Membuat lampiran…"),
		pesan.Key("Lampiran belum dibuat: laporan masih bergalat."),
		pesan.Key("Simpan dulu perubahan grid; PDF dibuat dari berkas yang tersimpan."),
		pesan.Key("Pilih berkas PDF LKIP dulu."),
		pesan.Key("Timpa lampiran yang ada"),
	)
}

// realisasiRoutes adds the grid's page and its requests.
func (s *Server) realisasiRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /realisasi", s.gridPage)
	mux.HandleFunc("POST /api/realisasi/periksa", s.gridCheck)
	mux.HandleFunc("POST /api/realisasi/simpan", s.gridSave)
	mux.HandleFunc("POST /api/realisasi/lampiran", s.gridAnnex)
	mux.HandleFunc("POST /api/realisasi/simpan-lampiran", s.gridSaveAnnex)
	mux.HandleFunc("POST /api/realisasi/lkip", s.gridLKIP)
}

// grid is the report as the page sends it: one row per indicator, each
// cell as typed.
type grid struct {
	PK       string    `json:"pk"`
	Tahun    int       `json:"tahun"`
	Triwulan int       `json:"triwulan"`
	Rows     []gridRow `json:"baris"`
}

type gridRow struct {
	Kode      string    `json:"kode"`
	TW        [4]string `json:"tw"`
	TahunLalu string    `json:"tahun_lalu"`
	Kendala   string    `json:"kendala"`
	Upaya     string    `json:"upaya"`
}

// cellValue is what a typed cell stands for: a number (86,75 or 86.75)
// stays a TOML number; anything else is written as the string typed
// ("95%", "(3) WTP", "N/A", "–"), for the loader to read or to locate
// its error at the cell. Jenis Kategori only carries the text to
// EncodeRealisasi, which writes such a value's Teks as typed.
func cellValue(s string) model.Nilai {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Nilai{}
	}
	if d, err := model.ParseDesimal(s); err == nil {
		return model.Nilai{Jenis: model.Angka, Angka: d}
	}
	return model.Nilai{Jenis: model.Kategori, Teks: s}
}

// cellText is a value as a cell shows it, read back by cellValue as the
// same value: numbers with the document's decimal separator.
func cellText(n model.Nilai, format string) string {
	s := n.String()
	if (n.Jenis == model.Angka || n.Jenis == model.Persen) && format != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// encode writes the grid as realisasi TOML, after header (the comments
// heading the file it replaces). Rows with nothing written are left out;
// paths names each written row's table by kode (realisasi[i], as the
// loader's messages name it).
func (g *grid) encode(header string) (text []byte, paths map[string]string) {
	lap := &model.Laporan{PK: g.PK, Tahun: g.Tahun, Triwulan: g.Triwulan}
	paths = map[string]string{}
	for _, r := range g.Rows {
		ri := model.RealisasiIndikator{Kode: strings.TrimSpace(r.Kode), TahunLalu: cellValue(r.TahunLalu),
			Kendala: strings.TrimSpace(r.Kendala), Upaya: strings.TrimSpace(r.Upaya)}
		written := ri.TahunLalu.Written() || ri.Kendala != "" || ri.Upaya != ""
		for k := range 4 {
			ri.TW[k] = cellValue(r.TW[k])
			written = written || ri.TW[k].Written()
		}
		if !written || ri.Kode == "" {
			continue
		}
		lap.Realisasi = append(lap.Realisasi, ri)
		paths[ri.Kode] = "realisasi[" + strconv.Itoa(len(lap.Realisasi)) + "]"
	}
	return model.EncodeRealisasi(lap, header), paths
}

// leadingComments is the comment block heading a TOML file, kept when the
// grid rewrites it.
func leadingComments(data []byte) string {
	var b strings.Builder
	for l := range strings.Lines(string(data)) {
		if !strings.HasPrefix(l, "#") {
			break
		}
		b.WriteString(l)
	}
	return b.String()
}

// gridView is a report's grid for the page.
type gridView struct {
	Name     string
	Hash     string // "" for a report not yet saved
	PK       string
	Tahun    int
	Triwulan int
	Format   string // the document's number format
	Rows     []gridViewRow
	Result   gridResult
	// Rewritten: saving from the grid changes the file beyond its values
	// (comments inside it, layout); the original goes to the history.
	Rewritten bool
}

type gridViewRow struct {
	Sasaran   string // the sasaran's uraian, on the first row of each sasaran
	Kode      string
	Uraian    string
	Satuan    string
	Cells     [4]gridCell
	TahunLalu string
	Kendala   string
	Upaya     string
}

type gridCell struct {
	Quarter int // 1..4
	Value   string
	Target  string
	Open    bool // a quarter up to the report's
}

// capaianJSON is one capaian as the grid shows it.
type capaianJSON struct {
	Persen   string `json:"persen"` // "101,67%"; "" without capaian
	Kategori string `json:"kategori"`
	Catatan  string `json:"catatan"` // why there is none, or the rule applied
}

// gridResult is a check of the grid: the messages, and each row's capaian
// per quarter up to the report's and year to date.
type gridResult struct {
	checkJSON
	Rows map[string]rowResult `json:"baris"`
	TOML string               `json:"toml"`
}

type rowResult struct {
	Path string         `json:"jalur"` // realisasi[i] in the TOML, "" when not written
	TW   [4]capaianJSON `json:"tw"`
	SD   capaianJSON    `json:"sd"`
}

func capaianOf(c model.Capaian, format string) capaianJSON {
	return capaianJSON{Persen: c.Format(2, format), Kategori: c.Kategori, Catatan: pesan.Current().Text(c.Catatan)}
}

// evaluate checks text standing for the report name, and computes the
// capaian of every row. When the report has errors, the rows they concern
// are left out and the rest computed, so one bad cell does not blank the
// grid.
func (s *Server) evaluate(name string, g *grid, header string) gridResult {
	text, paths := g.encode(header)
	rep := s.check(name, text)
	res := gridResult{checkJSON: checkResult(rep), Rows: map[string]rowResult{}, TOML: string(text)}
	lap := rep.Laporan
	if lap == nil && rep.Errors > 0 {
		bad := map[string]bool{}
		for _, m := range rep.Messages {
			for kode, p := range paths {
				if m.Path == p || strings.HasPrefix(m.Path, p+".") {
					bad[kode] = true
				}
			}
		}
		rest := *g
		rest.Rows = nil
		for _, r := range g.Rows {
			if !bad[r.Kode] {
				rest.Rows = append(rest.Rows, r)
			}
		}
		if len(bad) > 0 {
			t, _ := rest.encode(header)
			lap = s.check(name, t).Laporan
		}
	}
	for kode, p := range paths {
		res.Rows[kode] = rowResult{Path: p}
	}
	if lap == nil || lap.Dokumen == nil {
		return res
	}
	doc := lap.Dokumen
	format := doc.FormatAngka
	for q := 1; q <= lap.Triwulan; q++ {
		at := *lap
		at.Triwulan = q
		rows, err := model.ComputeCapaian(doc, &at)
		if err != nil {
			continue
		}
		for _, b := range rows {
			r := res.Rows[b.Indikator.Kode]
			r.TW[q-1] = capaianOf(b.Capaian, format)
			if q == lap.Triwulan {
				r.SD = capaianOf(b.CapaianSD, format)
			}
			res.Rows[b.Indikator.Kode] = r
		}
	}
	return res
}

// view builds the grid of lap (its values) over doc (its indicators and
// targets); extra reported kodes (an earlier version's indicators) follow
// the current version's rows.
func newView(name string, doc *model.Document, lap *model.Laporan) *gridView {
	v := &gridView{Name: name, PK: lap.PK, Tahun: lap.Tahun, Triwulan: lap.Triwulan, Format: doc.FormatAngka}
	f := v.Format
	cur := doc.VersiBerlaku(lap.Triwulan)
	seen := map[string]bool{}
	add := func(sasaran string, ind *model.Indikator) {
		seen[ind.Kode] = true
		r := gridViewRow{Sasaran: sasaran, Kode: ind.Kode, Uraian: ind.Uraian, Satuan: ind.Satuan}
		ri := lap.Find(ind.Kode)
		for k := range 4 {
			c := gridCell{Quarter: k + 1, Open: k < lap.Triwulan}
			if _, vi := doc.VersiBerlaku(k + 1).FindIndikator(ind.Kode); vi != nil {
				c.Target = model.BesaranNilai(vi.Target.TW[k]).Format(f)
			}
			if ri != nil {
				c.Value = cellText(ri.TW[k], f)
			}
			r.Cells[k] = c
		}
		if ri != nil {
			r.TahunLalu, r.Kendala, r.Upaya = cellText(ri.TahunLalu, f), ri.Kendala, ri.Upaya
		}
		v.Rows = append(v.Rows, r)
	}
	for i := range cur.Sasaran {
		sa := &cur.Sasaran[i]
		for j := range sa.Indikator {
			label := ""
			if j == 0 {
				label = sa.Uraian
			}
			add(label, &sa.Indikator[j])
		}
	}
	for _, ri := range lap.Realisasi {
		if seen[ri.Kode] {
			continue
		}
		for ver := doc; ver != nil; ver = earlier(ver) {
			if _, ind := ver.FindIndikator(ri.Kode); ind != nil {
				add(pesan.Sprintf("Indikator versi sebelumnya (%s)", ver.Versi()), ind)
				break
			}
		}
	}
	return v
}

func earlier(d *model.Document) *model.Document {
	if d.Perubahan == nil {
		return nil
	}
	return d.Perubahan.Asal
}

// toGrid is the grid the page would send for v unchanged.
func (v *gridView) toGrid() *grid {
	g := &grid{PK: v.PK, Tahun: v.Tahun, Triwulan: v.Triwulan}
	for _, r := range v.Rows {
		gr := gridRow{Kode: r.Kode, TahunLalu: r.TahunLalu, Kendala: r.Kendala, Upaya: r.Upaya}
		for k, c := range r.Cells {
			gr.TW[k] = c.Value
		}
		g.Rows = append(g.Rows, gr)
	}
	return g
}

// gridPage shows a report's grid: ?berkas=REPORT.toml, or
// ?berkas=PK.toml&triwulan=N for a new report of that PK and quarter,
// named as the examples are (PK-twN.toml); when that report exists, its
// grid.
func (s *Server) gridPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	in := pkgen.Input{FS: s.root.FS(), Name: name}
	var v *gridView
	if !model.IsRealisasi(data) {
		q, err := strconv.Atoi(r.URL.Query().Get("triwulan"))
		if err != nil || q < 1 || q > 4 {
			refuse(w, http.StatusBadRequest, pesan.Sprintf("%s adalah berkas PK; sebutkan triwulan 1–4 untuk laporan realisasi baru", name))
			return
		}
		report := strings.TrimSuffix(name, path.Ext(name)) + "-tw" + strconv.Itoa(q) + extTOML
		if _, err := s.root.Lstat(report); err == nil {
			http.Redirect(w, r, "/realisasi?berkas="+report, http.StatusSeeOther)
			return
		}
		doc, _, err := pkgen.LoadPK(in)
		if err != nil || doc == nil {
			s.gridInvalid(w, name)
			return
		}
		v = newView(report, doc, &model.Laporan{PK: path.Base(name), Tahun: doc.Tahun, Triwulan: q})
	} else {
		lap, _, err := pkgen.LoadRealisasi(in)
		if err != nil || lap == nil || lap.Dokumen == nil {
			s.gridInvalid(w, name)
			return
		}
		v = newView(name, lap.Dokumen, lap)
		v.Hash = hash(data)
		text, _ := v.toGrid().encode(leadingComments(data))
		v.Rewritten = !bytes.Equal(text, data)
	}
	var header string
	if v.Hash != "" {
		header = leadingComments(data)
	}
	v.Result = s.evaluate(v.Name, v.toGrid(), header)
	s.page(w, "realisasi", map[string]any{"Grid": v, "CSRF": s.csrf})
}

// gridInvalid: a report (or PK) that does not load has no grid; its
// messages are on its document page.
func (s *Server) gridInvalid(w http.ResponseWriter, name string) {
	s.page(w, "realisasi", map[string]any{"Invalid": name, "Report": s.check(name, nil)})
}

// readGrid reads the grid a request sends, at most a TOML file's limit.
func readGrid(w http.ResponseWriter, r *http.Request, name string) (*grid, bool) {
	body, ok := readBody(w, r, name, files.TOML)
	if !ok {
		return nil, false
	}
	return decodeGrid(w, body)
}

func decodeGrid(w http.ResponseWriter, body []byte) (*grid, bool) {
	var g grid
	if err := json.Unmarshal(body, &g); err != nil {
		refuse(w, http.StatusBadRequest, pesan.Sprintf("isi grid tidak terbaca: %v", err))
		return nil, false
	}
	return &g, true
}

// savedHeader is the comment block of the report as saved, kept by the grid.
func (s *Server) savedHeader(name string) string {
	data, err := files.Read(s.root.FS(), name, files.TOML)
	if err != nil {
		return ""
	}
	return leadingComments(data)
}

// gridCheck checks the grid as it stands; nothing is written.
func (s *Server) gridCheck(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	g, ok := readGrid(w, r, name)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, s.evaluate(name, g, s.savedHeader(name)))
}

// gridSave writes the grid as the report: over the saved file by the
// editor's Simpan (its conflict check by hash, its history), or, for a new
// report (no hash), as a new file that must not exist yet.
func (s *Server) gridSave(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	g, ok := readGrid(w, r, name)
	if !ok {
		return
	}
	text, _ := g.encode(s.savedHeader(name))
	if h := r.URL.Query().Get("hash"); h != "" {
		s.saveText(w, name, text, h)
		return
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	if err := files.WriteIn(s.root, name, text, false); err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, files.ErrExist) {
			status = http.StatusConflict
		}
		writeJSON(w, status, map[string]any{"konflik": status == http.StatusConflict, "pesan": pesan.Current().Error(err)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"hash": hash(text), "periksa": checkResult(s.check(name, nil)),
		"pesan": pesan.Sprintf("%s dibuat", name)})
}

// annexOptions are the annex's choices a request names: ttd=1 closes it
// with the signatures.
func annexOptions(r *http.Request, pdfa bool) pkgen.CapaianOptions {
	return pkgen.CapaianOptions{Options: pkgen.Options{PDFA: pdfa}, TandaTangan: r.URL.Query().Get("ttd") == "1"}
}

// renderAnnex makes the capaian annex of text standing for the report
// name (the saved file when text is nil), in memory.
func (s *Server) renderAnnex(name string, text []byte, opt pkgen.CapaianOptions) (*pkgen.Capaian, *report, error) {
	snap := files.NewSnapshot(s.root.FS())
	if text != nil {
		snap.Add(name, text)
	}
	res, err := pkgen.RenderCapaian(pkgen.Input{FS: snap, Name: name}, opt)
	if err != nil {
		return nil, s.check(name, text), err
	}
	return res, nil, nil
}

func annexRefused(w http.ResponseWriter, err error, rep *report) {
	body := map[string]any{"pesan": pesan.Current().Error(err)}
	if rep != nil {
		body["periksa"] = checkResult(rep)
	}
	writeJSON(w, http.StatusUnprocessableEntity, body)
}

// gridAnnex is the capaian annex of the grid as it stands, shown inline;
// nothing is written.
func (s *Server) gridAnnex(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	g, ok := readGrid(w, r, name)
	if !ok {
		return
	}
	text, _ := g.encode(s.savedHeader(name))
	res, rep, err := s.renderAnnex(name, text, annexOptions(r, false))
	if err != nil {
		annexRefused(w, err, rep)
		return
	}
	servePDFBytes(w, res.PDF, "inline", path.Base(pkgen.OutputName(name, 0)))
}

func servePDFBytes(w http.ResponseWriter, pdf []byte, disposition, filename string) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", disposition+"; filename=\""+filename+"\"")
	w.Write(pdf)
}

// gridSaveAnnex writes the annex of the saved report beside it (PDF/A),
// named as pkgen capaian names it; an existing PDF (it may be signed) is
// replaced only with timpa=1, after the page asked.
func (s *Server) gridSaveAnnex(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 0)
	replace := r.URL.Query().Get("timpa") == "1"
	res, rep, err := s.renderAnnex(name, nil, annexOptions(r, true))
	if err != nil {
		annexRefused(w, err, rep)
		return
	}
	out := pkgen.OutputName(name, 0)
	if _, err := s.root.Lstat(out); err == nil && !replace {
		writeJSON(w, http.StatusConflict, map[string]any{"ada": true,
			"pesan": pesan.Sprintf("%s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa tanpa persetujuan Anda.", out)})
		return
	}
	if err := files.WriteIn(s.root, out, res.PDF, replace); err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, files.ErrExist) {
			status = http.StatusConflict
		}
		writeJSON(w, status, map[string]any{"ada": status == http.StatusConflict, "pesan": pesan.Current().Error(err)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"pdf": out, "pesan": pesan.Sprintf("PDF ditulis: %s", out)})
}

// lkipLimit is the largest LKIP accepted: the limit the command line
// reads --lampirkan-ke with (a variable for the tests).
var lkipLimit = files.PDF.Limit()

// gridLKIP appends the annex of the grid as it stands to an uploaded LKIP
// (multipart: "grid", the grid's JSON; "lkip", the PDF) and sends the
// merged PDF back to download. Nothing is written in the workspace: the
// LKIP is the user's, and where the merged file goes is theirs to choose.
func (s *Server) gridLKIP(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	limit := lkipLimit + files.TOML.Limit() + 64<<10 // the LKIP, the grid, the form's framing
	tooLarge := func() {
		kind := files.PDF.Name()
		refuse(w, http.StatusRequestEntityTooLarge, pesan.Sprintf("%s: berkas lebih dari %d MB, batas untuk %s", "LKIP", lkipLimit>>20, pesan.M(kind)))
	}
	if r.ContentLength > limit {
		tooLarge()
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mr, err := r.MultipartReader()
	if err != nil {
		refuse(w, http.StatusBadRequest, pesan.Sprintf("kirim grid dan berkas LKIP sebagai formulir multipart: %v", err))
		return
	}
	var g *grid
	var lkip []byte
	upload := "lkip.pdf"
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge()
			return
		}
		if err != nil {
			refuse(w, http.StatusBadRequest, pesan.Current().Error(err))
			return
		}
		switch part.FormName() {
		case "grid":
			body, err := io.ReadAll(io.LimitReader(part, files.TOML.Limit()+1))
			if err != nil || int64(len(body)) > files.TOML.Limit() {
				if errors.As(err, &mbe) || err == nil {
					tooLarge()
				} else {
					refuse(w, http.StatusBadRequest, pesan.Current().Error(err))
				}
				return
			}
			if g, ok = decodeGrid(w, body); !ok {
				return
			}
		case "lkip":
			if fn := path.Base(part.FileName()); strings.EqualFold(path.Ext(fn), extPDF) {
				upload = fn
			}
			lkip, err = io.ReadAll(io.LimitReader(part, lkipLimit+1))
			if errors.As(err, &mbe) || int64(len(lkip)) > lkipLimit {
				tooLarge()
				return
			}
			if err != nil {
				refuse(w, http.StatusBadRequest, pesan.Current().Error(err))
				return
			}
		}
	}
	if g == nil || len(lkip) == 0 {
		refuse(w, http.StatusBadRequest, pesan.Sprintf("pilih berkas PDF LKIP; grid dan LKIP dikirim bersama"))
		return
	}
	if !bytes.HasPrefix(lkip, []byte("%PDF-")) {
		refuse(w, http.StatusUnsupportedMediaType, pesan.Sprintf("%s bukan berkas PDF (tidak diawali %%PDF-); unggah LKIP dalam bentuk PDF", upload))
		return
	}
	text, _ := g.encode(s.savedHeader(name))
	opt := annexOptions(r, false)
	opt.LKIP = lkip
	res, rep, err := s.renderAnnex(name, text, opt)
	if err != nil {
		annexRefused(w, err, rep)
		return
	}
	w.Header().Set("X-Pkgen-Halaman", strconv.Itoa(res.LKIPPages)+"+"+strconv.Itoa(len(res.Layout.Pages)))
	servePDFBytes(w, res.PDF, "attachment", strings.TrimSuffix(upload, path.Ext(upload))+"-capaian.pdf")
}
