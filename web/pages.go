package web

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"

	"pkgen/pesan"
)

// The pages, their scripts (plain ES modules, no build step) and style,
// embedded: nothing is fetched from elsewhere at run time.
//
//go:embed halaman/*.html
var pageFiles embed.FS

//go:embed aset
var assetFiles embed.FS

// pageNames are the pages, each halaman/NAME.html over halaman/layout.html.
var pageNames = []string{"daftar", "dokumen", "panduan"}

// pages are the parsed page templates.
type pages struct {
	set map[string]*template.Template
}

// funcs are the templates' helpers. Every text a page shows goes through
// t, the catalogue (TestPageTextsCatalogued checks each key).
var funcs = template.FuncMap{
	"t": func(key string) string { return pesan.Current().Text(key) },
	"scriptTexts": func() map[string]string {
		out := map[string]string{}
		for _, k := range scriptTexts {
			out[k] = pesan.Current().Text(k)
		}
		return out
	},
	"lang": func() string { return pesan.Current().Lang().String() },
}

// scriptTexts are the texts the scripts show themselves, sent with each
// page in its language (the scripts key them by their Indonesian text).
var scriptTexts = []string{
	pesan.Key("Memeriksa…"),
	pesan.Key("Menyimpan…"),
	pesan.Key("Membuat pratinjau…"),
	pesan.Key("Pratinjau belum diperbarui: dokumen masih bergalat. Yang tampil adalah PDF sah terakhir."),
	pesan.Key("Ada perubahan yang belum disimpan."),
	pesan.Key("Timpa PDF yang ada"),
	pesan.Key("Versi di disk:"),
	pesan.Key("Gagal menghubungi meja kerja:"),
	pesan.Key("Tidak ada pesan."),
}

func loadPages() (*pages, error) {
	p := &pages{set: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(pageFiles, "halaman/layout.html", "halaman/"+name+".html")
		if err != nil {
			return nil, err
		}
		p.set[name] = t
	}
	return p, nil
}

// page writes a page; it is built in memory first, so a template failure
// is a 500, not half a page.
func (s *Server) page(w http.ResponseWriter, name string, data map[string]any) {
	var b bytes.Buffer
	if err := s.pages.set[name].Execute(&b, data); err != nil {
		refuse(w, http.StatusInternalServerError, pesan.Current().Error(err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// assets serves aset/NAME at /aset/NAME.
func assetHandler() http.Handler { return http.FileServerFS(assetFiles) }
