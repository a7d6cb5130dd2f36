// Package baru holds the starting files written by `pkgen baru`: one
// commented PK per shape of document, each valid as it is (the tests load
// and render every one).
package baru

import (
	"embed"
	"sort"
	"strings"
)

//go:embed *.toml
var files embed.FS

// Bentuk lists the shapes, sorted: the files' names without ".toml"
// ("beberapa-tabel", "dki", "eselon2", …).
func Bentuk() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".toml"))
	}
	sort.Strings(out)
	return out
}

// Berkas returns the starting file of a shape; ok is false for an unknown
// shape.
func Berkas(bentuk string) (data []byte, ok bool) {
	if bentuk == "" || strings.ContainsAny(bentuk, "/\\.") {
		return nil, false
	}
	data, err := files.ReadFile(bentuk + ".toml")
	return data, err == nil
}
