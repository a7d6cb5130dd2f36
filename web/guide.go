package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/yuin/goldmark"

	"pkgen/docs"
)

// guidePage shows the user guide (docs/panduan.md). goldmark's HTML
// renderer leaves raw HTML out, so the guide's text cannot inject markup;
// its pictures are served from /panduan/gambar/.
func (s *Server) guidePage(w http.ResponseWriter, r *http.Request) {
	md := strings.ReplaceAll(string(docs.Panduan), "](gambar/", "](/panduan/gambar/")
	var b bytes.Buffer
	if err := goldmark.Convert([]byte(md), &b); err != nil {
		refuse(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.page(w, "panduan", map[string]any{"Isi": template.HTML(b.String())})
}

// guidePictures serves the guide's pictures.
func guidePictures() http.Handler {
	sub, err := fs.Sub(docs.Gambar, "gambar")
	if err != nil {
		return http.NotFoundHandler()
	}
	return http.StripPrefix("/panduan/gambar/", http.FileServerFS(sub))
}
