package web

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"pkgen"
	"pkgen/files"
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
// itself, through the same use case as pkgen kaskade (its walk skips
// hidden folders, realisasi reports and column sets; of an amended PK
// only its latest version).
func (s *Server) indukChoices(name string, doc *model.Document) []indukChoice {
	res, err := pkgen.Kaskade(pkgen.Input{FS: s.root.FS(), Name: "."}, doc.Tahun)
	if err != nil || res.Cascade == nil {
		return nil
	}
	var out []indukChoice
	for _, n := range res.Cascade.Nodes {
		if n.Name == name || n.Doc == nil {
			continue
		}
		label := n.Doc.PihakPertama.Jabatan
		if u := n.Doc.PihakPertama.UnitKerja; u != "" && !strings.Contains(label, u) {
			label += " — " + u
		}
		out = append(out, indukChoice{Path: relativePath(path.Dir(name), n.Name), Label: label})
	}
	return out
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
