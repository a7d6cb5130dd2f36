package pkgen

import (
	"pkgen/files"
	"pkgen/model"
)

// Checked is what Check found: a PK (Doc) or a realisasi report (Laporan),
// and the problems of either.
type Checked struct {
	Doc      *model.Document
	Laporan  *model.Laporan
	Problems model.Problems
}

// Check runs every check rendering runs, without making a PDF: loading
// and validation, the fonts' coverage of every printed character, the
// templates, the logo and the layout. A realisasi report is checked with
// its PK and its annex is laid out. The error is nil only for a document
// that renders.
func Check(in Input, opt Options) (res *Checked, err error) {
	defer catch(&err, in.show(in.Name))
	snap := in.snapshot()
	in.FS = snap // the sniff's read is the load's
	data, err := files.Read(snap, in.Name, files.TOML)
	if err == nil && model.IsRealisasi(data) {
		c, err := prepareCapaian(in, CapaianOptions{Options: opt, TandaTangan: true}, false)
		return &Checked{Laporan: c.Laporan, Problems: c.Problems}, err
	}
	pk, err := preparePK(in, opt, false)
	return &Checked{Doc: pk.Doc, Problems: pk.Problems}, err
}

// IsRealisasi tells whether in is a realisasi report rather than a PK; a
// file that cannot be read is a PK, for loading to report.
func IsRealisasi(in Input) bool {
	data, err := files.Read(in.FS, in.Name, files.TOML)
	return err == nil && model.IsRealisasi(data)
}

// Diff compares two PKs. The error is for a file that does not load; the
// problems of both are returned for printing.
func Diff(old, new Input) (changes []model.Beda, probs model.Problems, err error) {
	defer catch(&err, new.show(new.Name))
	var docs [2]*model.Document
	for i, in := range []Input{old, new} {
		doc, ps, err := model.Load(in.snapshot(), in.Name)
		in.rename(doc, ps)
		probs = append(probs, ps...)
		if err != nil {
			return nil, probs, err
		}
		if doc == nil {
			return nil, probs, &InvalidError{Name: in.show(in.Name), Errors: len(ps.Errors())}
		}
		docs[i] = doc
	}
	return model.Compare(docs[0], docs[1]), probs, nil
}
