// Package baru holds the starting files written by `pkgen baru`: one
// commented PK per shape of document, each valid as it is (the tests load
// and render every one).
package baru

import (
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
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

// The years a starting file is made for: its NIP were appointed up to
// 2010.
const (
	MinTahun = 2010
	MaxTahun = 2100
)

var yearLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^tahun = [0-9]+`) })

// ForYear is a starting file made for year y: its tahun, and its example
// dates moved into that year. The command line and the workbench both
// start from it.
func ForYear(data []byte, y int) []byte {
	text := yearLine().ReplaceAllString(string(data), "tahun = "+strconv.Itoa(y))
	text = strings.ReplaceAll(text, "2025-02-15", fmt.Sprintf("%d-02-15", y))
	text = strings.ReplaceAll(text, `"2025-01"`, fmt.Sprintf(`"%d-01"`, y))
	return []byte(text)
}
