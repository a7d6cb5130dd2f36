package pkgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"pkgen/docx"
	"pkgen/fonts"
	"pkgen/model"
	"pkgen/render"
	"pkgen/render/pdf"
	"pkgen/spreadsheet"
)

// CapaianOptions are the choices of the capaian annex.
type CapaianOptions struct {
	Options
	// TandaTangan closes the annex with the PK's signatories.
	TandaTangan bool
	// LKIP, when set, is the PDF the annex is appended to; the result is
	// that PDF with the annex's pages after its own and the sources
	// attached (not PDF/A: the LKIP is made by other software).
	LKIP []byte

	docx bool // CapaianDOCX: the Word document instead of the PDF
}

// Capaian is a rendered capaian annex, as PK is for a PK.
type Capaian struct {
	Laporan  *model.Laporan
	Problems model.Problems
	Layout   *render.Document
	PDF      []byte
	DOCX     []byte // CapaianDOCX's document
	// LKIPPages is the number of the LKIP's pages before the annex's first
	// (0 without LKIP): page numbers of signature areas shift by it.
	LKIPPages int
	Inputs    []string
}

// RenderCapaian loads the realisasi report in with its PK and makes the
// capaian annex.
func RenderCapaian(in Input, opt CapaianOptions) (res *Capaian, err error) {
	defer catch(&err, in.show(in.Name))
	return prepareCapaian(in, opt, true)
}

func prepareCapaian(in Input, opt CapaianOptions, makePDF bool) (*Capaian, error) {
	snap := in.snapshot()
	res := &Capaian{}
	defer func() {
		res.Inputs = snap.Names()
		in.rename(nil, res.Problems)
		if res.Laporan != nil {
			res.Laporan.File = in.show(res.Laporan.File)
			in.rename(res.Laporan.Dokumen, nil)
		}
	}()
	lap, probs, err := model.LoadRealisasi(snap, in.Name)
	res.Problems = probs
	if err != nil {
		return res, err
	}
	if lap != nil && lap.Dokumen != nil {
		res.Problems = append(res.Problems, model.CheckCharactersRealisasi(lap, fonts.Name, fonts.Covers)...)
		res.Problems = append(res.Problems, model.CheckCharacters(lap.Dokumen, fonts.Name, fonts.Covers)...)
	}
	if n := len(res.Problems.Errors()); lap == nil || lap.Dokumen == nil || n > 0 {
		return res, &InvalidError{Name: in.show(in.Name), Errors: n}
	}
	res.Laporan = lap
	doc := lap.Dokumen
	if !makePDF && !doc.HasParties() {
		opt.TandaTangan = false // check: a lampiran-only PK has no signatories
	}
	// The annex prints no logo: a PK whose logo file is missing still
	// gives its capaian annex.
	ropt, err := layoutOptions(snap, doc, opt.Options, false)
	if err != nil {
		return res, err
	}
	if opt.docx {
		words, err := render.GatherCapaian(lap, render.CapaianOptions{Options: ropt, TandaTangan: opt.TandaTangan})
		if err != nil {
			return res, inFile(in.show(in.Name), err)
		}
		sum := sha256.Sum256(lap.Raw)
		res.DOCX, err = docx.Capaian(words, docx.Properties{SourceSHA256: hex.EncodeToString(sum[:])})
		if err != nil {
			return res, inFile(in.show(in.Name), err)
		}
		return res, nil
	}
	laid, err := render.LayoutCapaian(lap, render.CapaianOptions{Options: ropt, TandaTangan: opt.TandaTangan})
	if err != nil {
		return res, inFile(in.show(in.Name), err)
	}
	res.Layout = laid
	if !makePDF {
		return res, nil
	}
	// The description is part of the PDF: Indonesian, whatever the
	// language of messages.
	srcs := sources(append([]source{{lap.File,
		fmt.Sprintf("Berkas TOML sumber: laporan realisasi triwulan %d Tahun %d", lap.Triwulan, doc.Tahun), lap.Raw}}, versions(doc)...))
	// Merged into an LKIP made by other software the result cannot be
	// PDF/A; the sources are attached to the merged file instead.
	// A draft is never PDF/A either.
	popt := pdf.Options{PDFA: opt.PDFA && opt.LKIP == nil && !opt.Draf}
	if opt.LKIP == nil {
		popt.Sources = srcs
	}
	data, err := pdf.Bytes(laid, popt)
	if err != nil {
		return res, inFile(in.show(in.Name), err)
	}
	if opt.LKIP != nil {
		merged, n, err := pdf.Append(opt.LKIP, data, srcs, laid.Meta.Created)
		if err != nil {
			return res, err
		}
		data, res.LKIPPages = merged, n
	}
	res.PDF = data
	return res, nil
}

// CapaianDOCX loads the realisasi report in with its PK and writes the
// capaian annex's tables as a Word document (docx.Capaian): the same words
// and values as the PDF annex, editable for the LKIP. Of opt, the
// templates and TandaTangan apply; PDFA, TTE, Draf and LKIP are the
// PDF's alone. The source hash is the report's.
func CapaianDOCX(in Input, opt CapaianOptions) (res *Capaian, err error) {
	defer catch(&err, in.show(in.Name))
	opt.docx, opt.TTE, opt.Draf, opt.LKIP = true, false, false, nil
	return prepareCapaian(in, opt, true)
}

// CapaianXLSX loads the realisasi report in with its PK and writes the
// capaian annex's tables as a workbook (spreadsheet.ExportCapaian): the
// same values as the PDF annex, editable for the LKIP.
func CapaianXLSX(in Input) (res *Exported, err error) {
	defer catch(&err, in.show(in.Name))
	res = &Exported{}
	lap, probs, err := LoadRealisasi(in)
	res.Problems = probs
	if err != nil {
		return res, err
	}
	if n := len(probs.Errors()); lap == nil || lap.Dokumen == nil || n > 0 {
		return res, &InvalidError{Name: in.show(in.Name), Errors: n}
	}
	res.XLSX, err = spreadsheet.ExportCapaian(lap)
	if err != nil {
		return res, inFile(in.show(in.Name), err)
	}
	return res, nil
}
