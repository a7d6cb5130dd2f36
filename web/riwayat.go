package web

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"pkgen/files"
	"pkgen/pesan"
)

// historyCopy is one copy of a document in .pkgen/riwayat.
type historyCopy struct {
	Name string // the copy's file name, in the document's history folder
	Time string // when it was replaced, local time
	Size int64

	stamp string // the timestamp and the copy's number: the order
	n     int
}

// historyStamp is the tail keep gives a copy: -TIMESTAMP.toml, or
// -TIMESTAMP-n.toml for a second copy in the same second.
var historyStamp = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-(\d{8}T\d{6}Z)(-\d+)?\.toml$`) })

// historyOf lists name's copies in the history, newest first. A copy of
// another document whose name starts the same (X-perubahan-1 beside X)
// has more than a timestamp after the prefix, so it is not listed.
func (s *Server) historyOf(name string) ([]historyCopy, error) {
	dir := path.Join(historyDir, path.Dir(name))
	entries, err := fs.ReadDir(s.root.FS(), dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := strings.TrimSuffix(path.Base(name), path.Ext(name))
	var out []historyCopy
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		m := historyStamp().FindStringSubmatch(rest)
		if !ok || m == nil || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		when, err := time.Parse("20060102T150405Z", m[1])
		if err != nil {
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2][1:])
		}
		out = append(out, historyCopy{Name: e.Name(), Time: when.Local().Format(time.DateTime), Size: info.Size(), stamp: m[1], n: n})
	}
	slices.SortFunc(out, func(a, b historyCopy) int {
		if c := strings.Compare(b.stamp, a.stamp); c != 0 {
			return c
		}
		return b.n - a.n
	})
	return out, nil
}

// historyPage is Riwayat: the copies a document's saves replaced, each
// with Pulihkan.
func (s *Server) historyPage(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.requestedTOML(w, r)
	if !ok {
		return
	}
	copies, err := s.historyOf(name)
	if err != nil {
		refuse(w, http.StatusInternalServerError, pesan.Current().Error(err))
		return
	}
	s.page(w, "riwayat", map[string]any{"Name": name, "Hash": hash(data), "CSRF": s.csrf, "Copies": copies,
		"Folder": path.Join(historyDir, path.Dir(name))})
}

// restore writes a copy from the history back over the document, through
// the editor's save: refused when the document changed on disk since the
// page loaded it, and the version it replaces goes to the history first.
func (s *Server) restore(w http.ResponseWriter, r *http.Request) {
	name, ok := s.tomlName(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 0)
	copyName := r.URL.Query().Get("salinan")
	copies, err := s.historyOf(name)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"pesan": pesan.Current().Error(err)})
		return
	}
	// Only a copy the list shows: the name is never a path of its own.
	if !slices.ContainsFunc(copies, func(c historyCopy) bool { return c.Name == copyName }) {
		writeJSON(w, http.StatusNotFound, map[string]any{"pesan": pesan.Sprintf("salinan %q tidak ada di riwayat %s", copyName, name)})
		return
	}
	text, ok := s.read(w, path.Join(historyDir, path.Dir(name), copyName), files.TOML)
	if !ok {
		return
	}
	s.saveText(w, name, text, r.URL.Query().Get("hash"))
}
