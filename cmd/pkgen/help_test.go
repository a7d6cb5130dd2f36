package main

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"pkgen/pesan"
)

// Every command has its help in both languages, each naming every flag
// the command takes and ending with an example; no help file is left
// over.
func TestHelpTexts(t *testing.T) {
	names, err := fs.Glob(helpFiles, "help/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{}
	for _, c := range append(commands, command{name: "usage", help: "usage"}) {
		texts := map[string]string{}
		for _, lang := range []string{"id", "en"} {
			file := "help/" + c.help + "." + lang + ".txt"
			want = append(want, file)
			b, err := helpFiles.ReadFile(file)
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			texts[lang] = string(b)
		}
		if texts["id"] == texts["en"] {
			t.Errorf("%s: the English help is the Indonesian", c.name)
		}
		for lang, text := range texts {
			example := map[string]string{"id": "Contoh:", "en": "Example"}[lang]
			if !strings.Contains(text, example) {
				t.Errorf("%s (%s): no example", c.name, lang)
			}
			for _, f := range c.flags {
				if !strings.Contains(text, f.name) {
					t.Errorf("%s (%s): flag %s not in the help", c.name, lang, f.name)
				}
			}
		}
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("help files %v, want %v", names, want)
	}
	defer pesan.Use(pesan.Indonesia)
	pesan.Use(pesan.Inggris)
	if !strings.HasPrefix(helpText("usage"), "pkgen — Perjanjian Kinerja from TOML to PDF") {
		t.Errorf("English overview: %q", helpText("usage")[:40])
	}
}
