package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"pkgen/files"
	"pkgen/pesan"
	"pkgen/templates/baru"
)

// newPage is Buat baru: the shapes of pkgen baru --bentuk, and the few
// things a PK needs first.
func (s *Server) newPage(w http.ResponseWriter, r *http.Request) {
	s.page(w, "baru", map[string]any{
		"Bentuk": baru.Bentuk(), "Tahun": s.now().Year(), "CSRF": s.csrf,
		"MinTahun": baru.MinTahun, "MaxTahun": baru.MaxTahun,
	})
}

// newPK is what Buat baru asks.
type newPK struct {
	Bentuk         string `json:"bentuk"`
	Berkas         string `json:"berkas"`
	Tahun          int    `json:"tahun"`
	Kop            string `json:"kop"` // one line of the letterhead a line
	PertamaNama    string `json:"pertama_nama"`
	PertamaJabatan string `json:"pertama_jabatan"`
	KeduaNama      string `json:"kedua_nama"`
	KeduaJabatan   string `json:"kedua_jabatan"`
}

// newLimit bounds Buat baru's request: a few short lines.
const newLimit = 64 << 10

// create writes a new PK from a starting file, filled with the request's
// answers, as NAME.toml at the top of the workspace; an existing file is
// never replaced.
func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	var req newPK
	body := http.MaxBytesReader(w, r.Body, newLimit)
	if err := json.NewDecoder(body).Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		status := http.StatusBadRequest
		if errors.As(err, &tooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		writeJSON(w, status, map[string]any{"pesan": pesan.Sprintf("permintaan Buat baru tidak dapat dibaca; muat ulang halaman")})
		return
	}
	name, text, err := req.fill()
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"pesan": pesan.Current().Error(err)})
		return
	}
	if err := files.WriteIn(s.root, name, text, false); err != nil {
		status := http.StatusInternalServerError
		msg := pesan.Current().Error(err)
		if errors.Is(err, files.ErrExist) {
			status = http.StatusConflict
			msg = pesan.Sprintf("%s sudah ada; pilih nama lain (berkas yang ada tidak ditimpa)", name)
		}
		writeJSON(w, status, map[string]any{"pesan": msg})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"berkas": name, "alamat": "/dokumen?berkas=" + url.QueryEscape(name),
		"pesan": pesan.Sprintf("%s dibuat dari bentuk %s", name, req.Bentuk),
	})
}

// fill checks the answers and makes the file: the starting file of the
// shape for the year, with the letterhead and both parties' nama and
// jabatan in place of the examples.
func (req newPK) fill() (name string, text []byte, err error) {
	data, ok := baru.Berkas(req.Bentuk)
	if !ok {
		return "", nil, pesan.Errorf("bentuk %q tidak dikenal; pilih salah satu: %s", req.Bentuk, strings.Join(baru.Bentuk(), ", "))
	}
	name = strings.TrimSpace(req.Berkas)
	if !strings.HasSuffix(strings.ToLower(name), extTOML) {
		name += extTOML
	}
	if !plainName(name) {
		return "", nil, pesan.Errorf("nama berkas %q ditolak: tulis nama saja (huruf, angka, - dan _), tanpa folder", req.Berkas)
	}
	if req.Tahun < baru.MinTahun || req.Tahun > baru.MaxTahun {
		return "", nil, pesan.Errorf("tahun %d di luar rentang 2010–2100", req.Tahun)
	}
	var kop []string
	for _, l := range strings.Split(req.Kop, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			kop = append(kop, l)
		}
	}
	if len(kop) == 0 {
		return "", nil, pesan.Errorf("kop kosong: tulis nama instansi, satu baris kop per baris")
	}
	lines := strings.Split(string(baru.ForYear(data, req.Tahun)), "\n")
	// A regional head's PK has one party: the second is not asked.
	second := slices.Contains(lines, "[pihak_kedua]")
	fields := []struct{ label, value string }{
		{pesan.Key("nama pihak pertama"), req.PertamaNama},
		{pesan.Key("jabatan pihak pertama"), req.PertamaJabatan},
	}
	if second {
		fields = append(fields, []struct{ label, value string }{
			{pesan.Key("nama pihak kedua"), req.KeduaNama},
			{pesan.Key("jabatan pihak kedua"), req.KeduaJabatan},
		}...)
	}
	for _, f := range fields {
		if strings.TrimSpace(f.value) == "" {
			return "", nil, pesan.Errorf("%s kosong", pesan.M(f.label))
		}
	}
	for _, v := range append(kop, req.PertamaNama, req.PertamaJabatan, req.KeduaNama, req.KeduaJabatan) {
		if strings.ContainsFunc(v, unicode.IsControl) {
			return "", nil, pesan.Errorf("%q: tulis dalam satu baris, tanpa tab atau karakter kendali", v)
		}
	}
	quoted := make([]string, len(kop))
	for i, l := range kop {
		quoted[i] = tomlString(l)
	}
	// The #:schema line names the schema from pkgen's source tree; the
	// workspace is elsewhere.
	if strings.HasPrefix(lines[0], "#:schema ") {
		lines = lines[1:]
	}
	sets := []struct{ table, key, value string }{
		{"instansi", "kop", "[" + strings.Join(quoted, ", ") + "]"},
		{"pihak_pertama", "nama", tomlString(strings.TrimSpace(req.PertamaNama))},
		{"pihak_pertama", "jabatan", tomlString(strings.TrimSpace(req.PertamaJabatan))},
	}
	if second {
		sets = append(sets, []struct{ table, key, value string }{
			{"pihak_kedua", "nama", tomlString(strings.TrimSpace(req.KeduaNama))},
			{"pihak_kedua", "jabatan", tomlString(strings.TrimSpace(req.KeduaJabatan))},
		}...)
	}
	for _, set := range sets {
		if !setKey(lines, set.table, set.key, set.value) {
			// Every starting file has these keys (TestNewEveryShape).
			return "", nil, pesan.Errorf("bentuk %s tidak punya %s.%s", req.Bentuk, set.table, set.key)
		}
	}
	return name, []byte(strings.Join(lines, "\n")), nil
}

// setKey replaces the value of the line "key = …" of [table] in lines.
func setKey(lines []string, table, key, value string) bool {
	in := false
	for i, l := range lines {
		if strings.HasPrefix(l, "[") {
			in = l == "["+table+"]"
			continue
		}
		if in && strings.HasPrefix(l, key+" = ") {
			lines[i] = key + " = " + value
			return true
		}
	}
	return false
}

// tomlString is s as a TOML basic string (s has no control characters).
func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// plainName: a file name at the top of the workspace, of letters,
// digits, '-', '_' and '.', not hidden.
func plainName(name string) bool {
	if strings.HasPrefix(name, ".") || len(name) > 200 {
		return false
	}
	for _, c := range name {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune("-_.", c) {
			return false
		}
	}
	return true
}
