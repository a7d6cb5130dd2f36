package pkgen

import (
	"io/fs"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/spreadsheet"
)

// Exported is a workbook made from a PK or a realisasi report.
type Exported struct {
	XLSX     []byte
	Problems model.Problems // warnings of the document, to print
}

// ExportXLSX makes the workbook of in: a PK's sheets, or (realisasi) the
// realisasi form of a PK or of a realisasi report with its values. pkRef
// names, for the form, the PK's file (as shown) as seen from where the
// workbook will be: that is the pk = … it is imported back with.
func ExportXLSX(in Input, realisasi bool, pkRef func(pkFile string) string) (res *Exported, err error) {
	defer catch(&err, in.show(in.Name))
	res = &Exported{}
	if IsRealisasi(in) {
		lap, probs, err := LoadRealisasi(in)
		res.Problems = probs
		if err != nil {
			return res, err
		}
		if lap == nil {
			return res, &InvalidError{Name: in.show(in.Name), Errors: len(probs.Errors())}
		}
		res.XLSX, err = spreadsheet.ExportRealisasi(lap.Dokumen, lap, pkRef(lap.Dokumen.File))
		return res, err
	}
	doc, probs, err := LoadPK(in)
	res.Problems = probs
	if err != nil {
		return res, err
	}
	if doc == nil {
		return res, &InvalidError{Name: in.show(in.Name), Errors: len(probs.Errors())}
	}
	if realisasi {
		res.XLSX, err = spreadsheet.ExportRealisasi(doc, nil, pkRef(doc.File))
	} else {
		res.XLSX, err = spreadsheet.ExportPK(doc)
	}
	return res, err
}

// Imported is a workbook turned back into TOML, checked.
type Imported struct {
	TOML     []byte
	Sheet    *spreadsheet.Imported // places problems in the workbook (Locate)
	Doc      *model.Document       // a PK workbook, when valid
	Laporan  *model.Laporan        // a realisasi workbook, when valid
	Problems model.Problems        // of the TOML, about the workbook's cells
}

// ImportXLSX turns a workbook back into TOML and checks it as the file
// name inside dir will be checked: a realisasi form's pk = … is looked up
// from there, and may not leave dir. header (given whether the workbook
// is a realisasi form) is the TOML's first comment lines.
func ImportXLSX(data []byte, dir fs.FS, name string, header func(realisasi bool) string) (res *Imported, err error) {
	defer catch(&err, name)
	h, err := spreadsheet.Import(data)
	if err != nil {
		return nil, err
	}
	res = &Imported{Sheet: h}
	res.TOML = h.TOML(header(h.Laporan != nil))
	if h.Laporan == nil {
		res.Doc, res.Problems = model.Parse(name, res.TOML)
		return res, nil
	}
	ref, err := files.Resolve(name, h.Laporan.PK)
	if err != nil {
		return res, pesan.Errorf("pk %q: %v", h.Laporan.PK, err)
	}
	doc, probs, err := model.Load(files.NewSnapshot(dir), ref)
	if err != nil || doc == nil {
		res.Problems = probs
		if err == nil {
			err = pesan.Errorf("pk %q: PK yang disebut tidak sah", h.Laporan.PK)
		}
		return res, err
	}
	res.Laporan, res.Problems = model.ParseRealisasi(name, res.TOML, doc)
	return res, nil
}
