// Package pkgen holds the use cases of pkgen, shared by the command line
// and the browser workbench: render a PK, render the capaian annex (alone
// or appended to an LKIP), check, compare, extract the embedded sources,
// render many documents at once, and name outputs. Every input is read
// from an fs.FS confined to a root folder, once, through a files.Snapshot,
// so the bytes parsed are the bytes printed, hashed and embedded; the two
// front ends differ only in where that fs.FS comes from (os.OpenRoot of
// the input's folder, the workbench's workspace). Nothing here writes
// except through package files, which never replaces without being told.
package pkgen

import (
	"fmt"
	"io/fs"
	"time"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render/pdf"
	"pkgen/templates"
)

// Input is a document to read: Name inside FS, whose root confines every
// file the document refers to (versions it amends, its PK, templates,
// logo).
type Input struct {
	FS   fs.FS
	Name string // slash-separated, relative to FS's root
	// Show names a file of FS in messages and results as the user knows it
	// (the path typed on the command line); nil shows names as they are.
	Show func(name string) string
}

func (in Input) show(name string) string {
	if in.Show == nil {
		return name
	}
	return in.Show(name)
}

// snapshot is the read-once view of in's files for one use.
func (in Input) snapshot() *files.Snapshot {
	return files.NewLabeled(in.FS, in.show)
}

// Options are the choices common to every rendered PDF.
type Options struct {
	// Templates are wording or column-set overrides applied after the
	// document's own `templat` list (the command line's --templat),
	// already read: a variant name, or a file's name and content.
	Templates []templates.Override
	PDFA      bool      // PDF/A-3b, the default of the command line
	TTE       bool      // electronic signature blocks
	Jangkar   string    // invisible anchor text in each signature area (with TTE)
	Created   time.Time // the PDF's date; zero: from the document (SOURCE_DATE_EPOCH is the caller's)
	// HanyaLampiran renders the lampiran alone, without the statement page.
	HanyaLampiran bool
	// Draf marks every page as a draft (a light diagonal DRAF and a note
	// at the foot). A draft is written as a plain PDF, never PDF/A,
	// whatever PDFA says; its sources are still attached.
	Draf bool
}

// InvalidError reports a document with errors: its problems are in the
// result; nothing was made.
type InvalidError struct {
	Name   string // as shown
	Errors int
}

func (e *InvalidError) Error() string {
	return pesan.Sprintf("%s tidak sah (%d galat)", e.Name, e.Errors)
}

// rename shows every file name of docs and problems as the user knows it.
func (in Input) rename(doc *model.Document, probs model.Problems) {
	for i := range probs {
		probs[i].File = in.show(probs[i].File)
	}
	for d := doc; d != nil; {
		d.File = in.show(d.File)
		if d.Perubahan == nil {
			break
		}
		d = d.Perubahan.Asal
	}
}

// inFile prefixes err with the file it concerns, as shown.
func inFile(name string, err error) error {
	return fmt.Errorf("%s: %w", name, err)
}

// Warm starts preparing, on another core, what every PDF needs (the
// embedded wording, parsed; the fonts' metrics and their parse for the PDF
// backend), so that a command about to render overlaps it with reading its
// input. Output is the same with or without it.
func Warm() {
	go templates.Default() // an error shows where the wording is used
	pdf.Warm()
}
