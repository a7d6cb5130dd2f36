package pkgen

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"sync/atomic"

	"pkgen/files"
	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
	"pkgen/render/pdf"
	"pkgen/templates"
)

// PK is a rendered PK: what was loaded, its problems, its layout and its
// PDF. After an error the fields filled so far are set: Problems always,
// for the caller to print.
type PK struct {
	Doc      *model.Document
	Problems model.Problems
	Layout   *render.Document
	PDF      []byte
	// Inputs are the files read, as FS names, in the order first read:
	// what a watcher watches.
	Inputs []string
}

// RenderPK loads, checks, lays out and writes the PDF of the PK in.
func RenderPK(in Input, opt Options) (res *PK, err error) {
	defer catch(&err, in.show(in.Name))
	res, err = preparePK(in, opt, true)
	return res, err
}

// preparePK is RenderPK; without makePDF it stops after the layout (the
// check of pkgen check, which runs every check render runs).
func preparePK(in Input, opt Options, makePDF bool) (*PK, error) {
	snap := in.snapshot()
	res := &PK{}
	defer func() {
		res.Inputs = snap.Names()
		in.rename(res.Doc, res.Problems)
	}()
	doc, probs, ropt, err := loadForLayout(in, snap, opt)
	res.Doc, res.Problems = doc, probs
	if err != nil {
		return res, err
	}
	ropt.SmallestType = !makePDF // a check finds every layout error there
	popt := pdf.Options{PDFA: opt.PDFA && !opt.Draf, Sources: sources(versions(doc))}
	if makePDF {
		// The only document in progress has its font subsets made from
		// its first layout, on the core that is free while the layout
		// finishes; in a batch every core is busy already.
		if rendering.Add(1) == 1 {
			// The sources are deflated after the font subsets, on
			// PrepareFonts's goroutine (else when written).
			popt = pdf.PrepareSources(popt)
			var waitFonts func()
			ropt.FirstLayout = func(d *render.Document) { waitFonts = pdf.PrepareFonts(d, popt) }
			defer func() {
				if waitFonts != nil {
					waitFonts()
				}
			}()
		}
		defer rendering.Add(-1)
	}
	laid, err := render.Layout(doc, ropt)
	if err != nil {
		return res, inFile(in.show(doc.File), err)
	}
	res.Layout = laid
	if !makePDF {
		// A check also checks the PK's links up its cascade.
		res.Problems = append(res.Problems, linkProblems(snap, doc)...)
		if n := len(res.Problems.Errors()); n > 0 {
			return res, &InvalidError{Name: in.show(in.Name), Errors: n}
		}
		return res, nil
	}
	res.PDF, err = pdf.Bytes(laid, popt)
	if err != nil {
		return res, inFile(in.show(doc.File), err)
	}
	return res, nil
}

// rendering counts the PKs being rendered (preparePK with a PDF).
var rendering atomic.Int32

// loadForLayout is what RenderPK and RenderDOCX do first: in's printable
// document, and what its layout needs besides it (templates, logo). After
// an error the document, if it loaded, is returned with it.
func loadForLayout(in Input, snap *files.Snapshot, opt Options) (*model.Document, model.Problems, render.Options, error) {
	doc, probs, err := loadPrintable(in, snap)
	if err != nil {
		return nil, probs, render.Options{}, err
	}
	ropt, err := layoutOptions(snap, doc, opt, true)
	return doc, probs, ropt, err
}

// loadPrintable loads in's document and checks that its font prints
// every character: the document, or its problems and why there is none.
func loadPrintable(in Input, snap *files.Snapshot) (*model.Document, model.Problems, error) {
	doc, probs, err := model.Load(snap, in.Name)
	if err != nil {
		return nil, probs, err
	}
	if doc != nil {
		probs = append(probs, model.CheckCharacters(doc, fonts.Name, fonts.Covers)...)
	}
	if n := len(probs.Errors()); doc == nil || n > 0 {
		return nil, probs, &InvalidError{Name: in.show(in.Name), Errors: n}
	}
	return doc, probs, nil
}

// layoutOptions gathers what layout needs besides the document: its
// templates (the document's own list, then opt's), checked against the
// document, and its logo (withLogo), read from snap.
func layoutOptions(snap *files.Snapshot, doc *model.Document, opt Options, withLogo bool) (render.Options, error) {
	ropt := render.Options{Created: opt.Created, TTE: opt.TTE, Jangkar: opt.Jangkar, HanyaLampiran: opt.HanyaLampiran, Draf: opt.Draf}
	shown := snap.Label(doc.File)
	all, err := templates.Resolve(snap, doc.File, doc.Templat)
	if err != nil {
		return ropt, pesan.Errorf("%s:%d: templat: %v", shown, doc.Line("templat"), err)
	}
	set, err := templates.Load(append(all, opt.Templates...)...)
	if err != nil {
		return ropt, pesan.Errorf("%s: templat: %v", shown, err)
	}
	if err := render.Check(doc, set); err != nil {
		var le *render.LayoutError
		if errors.As(err, &le) && doc.Line(le.Key) > 0 {
			return ropt, fmt.Errorf("%s:%d: %w", shown, doc.Line(le.Key), err)
		}
		return ropt, inFile(shown, err)
	}
	ropt.Templates = set
	if withLogo && doc.Instansi.Logo != "" {
		name, err := files.Resolve(doc.File, doc.Instansi.Logo)
		if err == nil {
			ropt.Logo, err = files.Read(snap, name, files.Logo)
		}
		if err != nil {
			return ropt, pesan.Errorf("%s:%d: instansi.logo: %v", shown, doc.Line("instansi.logo"), err)
		}
	}
	return ropt, nil
}

// source is a file to embed: its FS name, description and bytes.
type source struct {
	name, desc string
	data       []byte
}

// versions lists the TOML files of doc and of every version it amends,
// newest first.
func versions(doc *model.Document) []source {
	var out []source
	for d := doc; d != nil; {
		// The description is part of the PDF, which is Indonesian and the
		// same bytes whatever the language of messages.
		out = append(out, source{d.File, fmt.Sprintf("Berkas TOML sumber: %s Tahun %d", d.Versi(), d.Tahun), d.Raw})
		if d.Perubahan == nil {
			break
		}
		d = d.Perubahan.Asal
	}
	return out
}

// sources names the files to embed by their path relative to the folder
// holding them all, so the files written back by ExtractSources find each
// other (perubahan.mengubah, pk) as they did. A file named twice is
// embedded once.
func sources(list []source) []pdf.Source {
	root := ""
	for i, s := range list {
		dir := path.Dir(s.name)
		if i == 0 {
			root = dir
			continue
		}
		for root != "." && !within(root, dir) {
			root = path.Dir(root)
		}
	}
	out := make([]pdf.Source, 0, len(list))
	seen := map[string]bool{}
	for _, s := range list {
		name := s.name
		if name == files.Stdin {
			name = "stdin.toml"
		}
		if root != "." {
			name = strings.TrimPrefix(name, root+"/")
		}
		name = sourceName.Replace(name)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, pdf.Source{Name: name, Desc: s.desc, Data: s.data})
	}
	return out
}

// within reports whether folder dir is root or inside it.
func within(root, dir string) bool {
	return dir == root || strings.HasPrefix(dir, root+"/")
}

// sourceName replaces what a name inside the PDF may not hold.
var sourceName = strings.NewReplacer(`\`, "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_")
