package web

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"pkgen"
	"pkgen/files"
	"pkgen/internal/parallel"
	"pkgen/model"
	"pkgen/pesan"
)

// The form's cascade fields: pk_induk chosen from the workspace's PKs of
// the same year, and mendukung suggested from the induk's indicators.
// Whether the links hold is pkgen check's (the form's check goes through
// it, with the workspace as the root); this file only offers choices.

func init() {
	scriptTexts = append(scriptTexts,
		pesan.Key("Indikator PK induk dimuat:"),
		pesan.Key("Tanpa PK induk: kolom Mendukung disembunyikan bila kosong."),
	)
}

// indukChoice is a PK the form offers as pk_induk: its path relative to
// the form's file, as pk_induk holds it, and who signs it.
type indukChoice struct {
	Path  string
	Label string
}

// indukKode is an indicator of the induk, for mendukung's suggestions.
type indukKode struct {
	Kode   string `json:"kode"`
	Uraian string `json:"uraian"`
}

// indukChoices are the PKs of the workspace of doc's year other than name
// itself: its TOML files, walked as pkgen kaskade walks them (hidden
// folders, realisasi reports and column sets left out).
func (s *Server) indukChoices(name string, doc *model.Document) []indukChoice {
	var out []indukChoice
	for _, pk := range s.induk.summaries(s.root.FS()) {
		if pk.name == name || pk.tahun != doc.Tahun {
			continue
		}
		out = append(out, indukChoice{Path: relativePath(path.Dir(name), pk.name), Label: pk.label})
	}
	return out
}

// indukCache keeps what the choices need of each PK of the workspace,
// loaded again only when its file's size or time changes: a form in a
// folder of 200 PKs opens without loading them all each time.
type indukCache struct {
	mu  sync.Mutex
	pks map[string]pkSummary
}

// pkSummary is a PK of the workspace as the choices show it; tahun is 0
// for a file that is not a valid PK.
type pkSummary struct {
	name  string
	at    stamp
	tahun int
	label string
}

// summaries are the workspace's PKs, in name order.
func (c *indukCache) summaries(root fs.FS) []pkSummary {
	var found []pkSummary
	fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder offers nothing
		}
		base := d.Name()
		if d.IsDir() {
			if name != "." && strings.HasPrefix(base, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.EqualFold(path.Ext(base), extTOML) || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "lampiran-") {
			return nil
		}
		if info, err := d.Info(); err == nil {
			found = append(found, pkSummary{name: name, at: stamp{info.Size(), info.ModTime()}})
		}
		return nil
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pks == nil {
		c.pks = map[string]pkSummary{}
	}
	var stale []int
	for i, f := range found {
		if old, ok := c.pks[f.name]; ok && old.at == f.at {
			found[i] = old
		} else {
			stale = append(stale, i)
		}
	}
	parallel.Each(len(stale), func(k int) {
		i := stale[k]
		found[i] = summarize(root, found[i])
	})
	clear(c.pks)
	for _, f := range found {
		c.pks[f.name] = f
	}
	var out []pkSummary
	for _, f := range found {
		if f.tahun != 0 {
			out = append(out, f)
		}
	}
	return out
}

// summarize loads one file (bounded, rooted) for its year and label.
func summarize(root fs.FS, pk pkSummary) pkSummary {
	snap := files.NewSnapshot(root)
	data, err := files.Read(snap, pk.name, files.TOML)
	if err != nil || model.IsRealisasi(data) {
		return pk
	}
	doc, _, _ := model.Load(snap, pk.name)
	if doc == nil {
		return pk
	}
	pk.tahun = doc.Tahun
	pk.label = doc.PihakPertama.Jabatan
	if u := doc.PihakPertama.UnitKerja; u != "" && !strings.Contains(pk.label, u) {
		pk.label += " — " + u
	}
	if doc.Perubahan != nil {
		pk.label += " (" + doc.Versi() + ")"
	}
	return pk
}

// relativePath is the path of to (a name in the workspace) from the
// folder dir, as pk_induk is written: "../induk.toml" from a subfolder.
func relativePath(dir, to string) string {
	if dir == "." {
		return to
	}
	from, parts := strings.Split(dir, "/"), strings.Split(to, "/")
	i := 0
	for i < len(from) && i < len(parts)-1 && from[i] == parts[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(parts[i:], "/")
}

// indukKodes are the indicators of the PK that ref (pk_induk as typed)
// names from the file name. ref is resolved as pkgen check resolves it:
// inside the workspace, neither absolute nor leaving it, and read through
// the workspace's root (a symbolic link cannot lead out); a hidden
// folder (.pkgen) is not offered either. The status is the HTTP status
// of the error: 400 for a path refused, 404 for a file not found, 422 for
// one that is not a valid PK.
func (s *Server) indukKodes(name, ref string) ([]indukKode, int, error) {
	target, err := files.Resolve(name, strings.TrimSpace(ref))
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	for _, part := range strings.Split(target, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, http.StatusBadRequest, pesan.Errorf("PK induk %q ditolak: berkas di folder tersembunyi tidak dapat menjadi PK induk", ref)
		}
	}
	// Read once, bounded and rooted; the load reads the same bytes.
	snap := files.NewSnapshot(s.root.FS())
	if _, err := files.Read(snap, target, files.TOML); errors.Is(err, fs.ErrNotExist) {
		return nil, http.StatusNotFound, pesan.Errorf("berkas PK induk %q tidak ditemukan (dicari di %s)", ref, target)
	} else if err != nil {
		return nil, http.StatusBadRequest, err
	}
	doc, _, err := pkgen.LoadPK(pkgen.Input{FS: snap, Name: target})
	if doc == nil || err != nil {
		return nil, http.StatusUnprocessableEntity, pesan.Errorf("PK induk %s tidak sah; perbaiki dulu berkas itu", ref)
	}
	var out []indukKode
	for _, sas := range doc.Sasaran {
		for _, ind := range sas.Indikator {
			if ind.Kode != "" {
				out = append(out, indukKode{Kode: ind.Kode, Uraian: ind.Uraian})
			}
		}
	}
	return out, http.StatusOK, nil
}

// formInduk answers the indicators of the induk the form names (GET
// /api/formulir/induk?berkas=PK.toml&induk=REF), for mendukung's
// suggestions after pk_induk changes; it writes nothing.
func (s *Server) formInduk(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	ref := r.URL.Query().Get("induk")
	if strings.TrimSpace(ref) == "" {
		writeJSON(w, http.StatusOK, map[string]any{"kode": []indukKode{}})
		return
	}
	kodes, status, err := s.indukKodes(name, ref)
	if err != nil {
		writeJSON(w, status, map[string]any{"pesan": "pk_induk: " + pesan.Current().Error(err)})
		return
	}
	if kodes == nil {
		kodes = []indukKode{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"kode": kodes})
}
