// Package schema generates the JSON Schemas of pkgen's TOML files from Go
// types that mirror them key for key (see types.go): pk.schema.json for a
// PK and realisasi.schema.json for a realisasi report. The schemas are
// committed beside this file; editors that understand JSON Schema for TOML
// (VS Code with Even Better TOML, through a first line
// "#:schema ../schema/pk.schema.json") complete and check the keys with
// them. The descriptions are in Indonesian, like pkgen's messages.
//
// The committed files are regenerated with
//
//	go test ./schema -update
//
// and a test fails when they are out of date.
package schema

//go:generate go test -run TestSchemasUpToDate -update .

import (
	"bytes"
	"encoding/json"
	"reflect"
	"time"

	"github.com/invopop/jsonschema"
)

// Draft is the JSON Schema version written: draft-07 is the one every
// editor extension understands.
const Draft = "http://json-schema.org/draft-07/schema#"

// FilePK and FileRealisasi name the committed schema files.
const (
	FilePK        = "pk.schema.json"
	FileRealisasi = "realisasi.schema.json"
)

// PK returns the schema of a PK file as indented JSON.
func PK() ([]byte, error) {
	return generate(&Document{}, "Perjanjian Kinerja (pkgen)",
		"Berkas TOML Perjanjian Kinerja yang dibaca pkgen: kunci berbahasa Indonesia, huruf kecil; kunci yang tidak dikenal adalah galat.")
}

// RealisasiSchema returns the schema of a realisasi file as indented JSON.
func RealisasiSchema() ([]byte, error) {
	return generate(&Realisasi{}, "Realisasi Perjanjian Kinerja (pkgen)",
		"Berkas TOML realisasi: capaian s.d. satu triwulan terhadap PK yang disebut pk = \"…\".")
}

// All returns every schema by file name.
func All() (map[string][]byte, error) {
	pk, err := PK()
	if err != nil {
		return nil, err
	}
	r, err := RealisasiSchema()
	if err != nil {
		return nil, err
	}
	return map[string][]byte{FilePK: pk, FileRealisasi: r}, nil
}

func generate(v any, title, desc string) ([]byte, error) {
	r := &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true, // one tree: simplest for editors
		RequiredFromJSONSchemaTags: true,
	}
	s := r.ReflectFromType(reflect.TypeOf(v))
	s.Version = Draft
	s.Title = title
	s.Description = desc
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ToJSON converts a TOML value decoded by github.com/BurntSushi/toml into
// map[string]any into a JSON-compatible value to validate against the
// schemas: arrays of tables become []any and dates become "YYYY-MM-DD"
// strings (the schemas say format: date).
func ToJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = ToJSON(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ToJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ToJSON(e)
		}
		return out
	case time.Time:
		return x.Format("2006-01-02")
	}
	return v
}
