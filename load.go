package pkgen

import "pkgen/model"

// LoadPK loads and validates the PK in with the versions it amends; the
// document is nil when the problems hold errors.
func LoadPK(in Input) (doc *model.Document, probs model.Problems, err error) {
	defer catch(&err, in.show(in.Name))
	doc, probs, err = model.Load(in.snapshot(), in.Name)
	in.rename(doc, probs)
	return doc, probs, err
}

// LoadRealisasi loads and validates the realisasi report in with its PK.
func LoadRealisasi(in Input) (lap *model.Laporan, probs model.Problems, err error) {
	defer catch(&err, in.show(in.Name))
	lap, probs, err = model.LoadRealisasi(in.snapshot(), in.Name)
	in.rename(nil, probs)
	if lap != nil {
		lap.File = in.show(lap.File)
		in.rename(lap.Dokumen, nil)
	}
	return lap, probs, err
}
