package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

// Buat PK Perubahan and the diff between two versions: registered here,
// beside their handlers.
func init() {
	pageNames = append(pageNames, "perubahan", "beda", "riwayat")
	scriptTexts = append(scriptTexts, pesan.Key("Memulihkan…"))
}

// perubahanRoutes are the amendment's routes and Riwayat's.
func (s *Server) perubahanRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /perubahan", s.amendPage)
	mux.HandleFunc("POST /api/perubahan", s.amend)
	mux.HandleFunc("GET /beda", s.diffPage)
	mux.HandleFunc("GET /riwayat", s.historyPage)
	mux.HandleFunc("POST /api/riwayat/pulihkan", s.restore)
}

// amendmentName is the file of the amendment ke of name, whose own
// amendment number is srcKe (0 for an original PK): the name pkgen
// render gives its PDF (pkgen.OutputName), as .toml, counted from the
// original's name, so ke-2 of X-perubahan-1.toml is X-perubahan-2.toml.
func amendmentName(name string, srcKe, ke int) string {
	base := strings.TrimSuffix(name, path.Ext(name))
	if srcKe > 0 {
		base = strings.TrimSuffix(base, "-perubahan-"+strconv.Itoa(srcKe))
	}
	return strings.TrimSuffix(pkgen.OutputName(base+extTOML, ke), extPDF) + extTOML
}

// nextKe is the number of the amendment made from doc.
func nextKe(doc *model.Document) int {
	if doc.Perubahan != nil {
		return doc.Perubahan.Ke + 1
	}
	return 1
}

// amendPage asks what an amendment of a PK needs: why, from when, a note,
// and for a change of official the new PIHAK KEDUA.
func (s *Server) amendPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	view := map[string]any{"Name": name, "CSRF": s.csrf}
	base, why := s.loadBase(name, data)
	if base == nil {
		view["Unavailable"] = why
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.page(w, "perubahan", view)
		return
	}
	ke := nextKe(base)
	berlaku := s.now()
	if berlaku.Year() != base.Tahun {
		berlaku = time.Date(base.Tahun, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	view["Intro"] = pesan.Sprintf("Membuat %s: salinan %s (%s) sebagai PK Perubahan ke-%d. Sasaran, indikator dan target disunting sesudahnya, di dokumen barunya.",
		amendmentName(name, ke-1, ke), name, base.Versi(), ke)
	view["Tahun"] = base.Tahun
	view["Berlaku"] = berlaku.Format(time.DateOnly)
	if base.PihakKedua != nil {
		view["Kedua"] = formOf(base).PihakKedua
	}
	s.page(w, "perubahan", view)
}

// amendRequest is what the page sends.
type amendRequest struct {
	Alasan     string     `json:"alasan"`
	Berlaku    string     `json:"berlaku"` // YYYY-MM-DD
	Keterangan string     `json:"keterangan"`
	Kedua      *formPihak `json:"kedua"` // the new PIHAK KEDUA, for alasan "pejabat"
}

// amendLimit bounds the request: a few short fields.
const amendLimit = 64 << 10

// amend writes the amendment of a PK: a copy of it with jenis =
// "perubahan" and its [perubahan], checked by pkgen check before it is
// written, never over an existing file. The page then opens it.
func (s *Server) amend(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	var req amendRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, amendLimit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		status := http.StatusBadRequest
		if errors.As(err, &tooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		writeJSON(w, status, map[string]any{"pesan": pesan.Sprintf("permintaan PK Perubahan tidak dapat dibaca; muat ulang halaman")})
		return
	}
	data, ok := s.read(w, name, files.TOML)
	if !ok {
		return
	}
	base, why := s.loadBase(name, data)
	if base == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"pesan": why})
		return
	}
	ke := nextKe(base)
	target := amendmentName(name, ke-1, ke)
	if _, err := s.root.Lstat(target); err == nil {
		writeJSON(w, http.StatusConflict, map[string]any{"berkas": target,
			"pesan": pesan.Sprintf("%s sudah ada; PK Perubahan ke-%d tidak dibuat (berkas yang ada tidak ditimpa)", target, ke)})
		return
	}
	doc, err := req.apply(base, relativeName(target, name), ke)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"pesan": pesan.Current().Error(err)})
		return
	}
	text := model.EncodePK(doc, formHeader(data))
	rep := s.check(target, text)
	if rep.Errors > 0 {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"periksa": checkResult(rep),
			"pesan": pesan.Sprintf("%s tidak dibuat: PK Perubahannya bergalat (%d galat)", target, rep.Errors)})
		return
	}
	if err := files.WriteIn(s.root, target, text, false); err != nil {
		status, msg := http.StatusInternalServerError, pesan.Current().Error(err)
		if errors.Is(err, files.ErrExist) {
			status = http.StatusConflict
			msg = pesan.Sprintf("%s sudah ada; PK Perubahan ke-%d tidak dibuat (berkas yang ada tidak ditimpa)", target, ke)
		}
		writeJSON(w, status, map[string]any{"berkas": target, "pesan": msg})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"berkas": target, "alamat": "/dokumen?berkas=" + url.QueryEscape(target), "periksa": checkResult(rep),
		"pesan": pesan.Sprintf("%s dibuat: PK Perubahan ke-%d dari %s", target, ke, name),
	})
}

// apply makes the amendment of base (loaded fresh, so it is changed in
// place): jenis = "perubahan", its [perubahan], and the new PIHAK KEDUA
// when the official changed. What is left for pkgen check (the date in
// the document's year, parties that changed) is left to it.
func (req amendRequest) apply(base *model.Document, mengubah string, ke int) (*model.Document, error) {
	alasan := model.Alasan(req.Alasan)
	switch alasan {
	case model.AlasanPejabat, model.AlasanStrategi, model.AlasanPrioritas:
	default:
		return nil, pesan.Errorf("alasan %q tidak dikenal; pilih pejabat, strategi atau prioritas", req.Alasan)
	}
	berlaku, err := time.Parse(time.DateOnly, strings.TrimSpace(req.Berlaku))
	if err != nil {
		return nil, pesan.Errorf("tanggal berlaku %q tidak sah: tulis TTTT-BB-HH, misalnya %d-07-01", req.Berlaku, base.Tahun)
	}
	keterangan := strings.TrimSpace(req.Keterangan)
	if strings.ContainsFunc(keterangan, func(c rune) bool { return unicode.IsControl(c) && c != '\n' }) {
		return nil, pesan.Errorf("%q: tulis dalam satu baris, tanpa tab atau karakter kendali", keterangan)
	}
	daftar := base.Perubahan != nil && base.Perubahan.DaftarPerubahan
	base.Jenis = model.JenisPerubahan
	base.Perubahan = &model.Perubahan{Mengubah: mengubah, Ke: ke, Alasan: alasan, Keterangan: keterangan,
		Berlaku: berlaku, Triwulan: (int(berlaku.Month())-1)/3 + 1, DaftarPerubahan: daftar}
	if alasan == model.AlasanPejabat && req.Kedua != nil && base.PihakKedua != nil {
		p := req.Kedua.pihak()
		for _, v := range []string{p.Nama, p.GelarDepan, p.GelarBelakang, p.NIP, p.Pangkat, p.Jabatan, p.UnitKerja, p.Status} {
			if strings.ContainsFunc(v, unicode.IsControl) {
				return nil, pesan.Errorf("%q: tulis dalam satu baris, tanpa tab atau karakter kendali", v)
			}
		}
		base.PihakKedua = &p
	}
	return base, nil
}

// Amends is the file this amendment amends, resolved in the workspace;
// "" for an original PK or a document that did not load.
func (rep *report) Amends() string {
	if rep.Laporan != nil || rep.Doc == nil || rep.Doc.Perubahan == nil {
		return ""
	}
	ref, err := files.Resolve(rep.Name, rep.Doc.Perubahan.Mengubah)
	if err != nil {
		return ""
	}
	return ref
}

// diffPage lists what changed from lama to baru, as pkgen diff lists it.
func (s *Server) diffPage(w http.ResponseWriter, r *http.Request) {
	lama, ok1 := fileParam(r, "lama", extTOML)
	baru, ok2 := fileParam(r, "baru", extTOML)
	if !ok1 || !ok2 {
		bad := r.URL.Query().Get("lama")
		if ok1 {
			bad = r.URL.Query().Get("baru")
		}
		refuse(w, http.StatusBadRequest, pesan.Sprintf("nama berkas %q ditolak: sebutkan berkas .toml, .pdf atau .xlsx di dalam folder kerja, tanpa .. dan tanpa jalur mutlak", bad))
		return
	}
	snap := files.NewSnapshot(s.root.FS())
	changes, _, err := pkgen.Diff(pkgen.Input{FS: snap, Name: lama}, pkgen.Input{FS: snap, Name: baru})
	pr := pesan.Current()
	view := map[string]any{"Lama": lama, "Baru": baru}
	if err != nil {
		view["Unavailable"] = pr.Error(err)
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.page(w, "beda", view)
		return
	}
	type line struct{ Text, Class string }
	lines := make([]line, len(changes))
	for i, c := range changes {
		lines[i] = line{c.In(pr), string(c.Jenis)}
	}
	view["Lines"] = lines
	s.page(w, "beda", view)
}
