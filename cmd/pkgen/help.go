package main

import (
	"embed"
	"io"

	"pkgen/pesan"
)

// The help texts are the command's own, one file per command and
// language: help/NAME.id.txt and help/NAME.en.txt ("usage" is the
// overview). Every help ends with an example.
//
//go:embed help/*.txt
var helpFiles embed.FS

// helpText is the help of name in the language of the run.
func helpText(name string) string {
	lang := "id"
	if pesan.Current().Lang() == pesan.Inggris {
		lang = "en"
	}
	b, err := helpFiles.ReadFile("help/" + name + "." + lang + ".txt")
	if err != nil {
		// Every command has its files (TestHelpTexts): a build without
		// them is broken.
		panic("pkgen: no help for " + name)
	}
	return string(b)
}

// printHelp writes the help of name.
func printHelp(w io.Writer, name string) { io.WriteString(w, helpText(name)) }
