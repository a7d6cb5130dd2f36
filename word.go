package pkgen

import (
	"crypto/sha256"
	"encoding/hex"

	"pkgen/docx"
	"pkgen/model"
	"pkgen/render"
)

// DOCX is a PK as a Word document: what was loaded, its problems and the
// document's bytes. After an error the fields filled so far are set.
type DOCX struct {
	Doc      *model.Document
	Problems model.Problems
	DOCX     []byte
	Inputs   []string // the files read, as FS names
}

// RenderDOCX loads and checks the PK in as RenderPK does, and writes it as
// a Word document with the PDF's words (opt's templates; PDFA, TTE,
// Jangkar and Draf are the PDF's alone).
func RenderDOCX(in Input, opt Options) (res *DOCX, err error) {
	defer catch(&err, in.show(in.Name))
	snap := in.snapshot()
	res = &DOCX{}
	defer func() {
		res.Inputs = snap.Names()
		in.rename(res.Doc, res.Problems)
	}()
	doc, probs, ropt, err := loadForLayout(in, snap, opt)
	res.Doc, res.Problems = doc, probs
	if err != nil {
		return res, err
	}
	words, err := render.Gather(doc, ropt)
	if err != nil {
		return res, inFile(in.show(doc.File), err)
	}
	sum := sha256.Sum256(doc.Raw)
	res.DOCX, err = docx.Bytes(words, docx.Properties{SourceSHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		return res, inFile(in.show(doc.File), err)
	}
	return res, nil
}
