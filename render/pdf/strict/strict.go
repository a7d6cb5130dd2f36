// Package strict is pdfcpu's strict validation as pkgen applies it, waiving
// one rule. It lives apart from render/pdf so that test helpers
// (internal/testutil), which render/pdf's own tests import, can validate
// without importing render/pdf.
package strict

import (
	"bytes"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	cpuvalidate "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"pkgen/render/pdf/internal/pdfcpuconf"
)

// Validate checks a PDF with pdfcpu's strict validation, waiving one rule.
//
// pdfcpu accepts /AFRelationship in a file specification only in PDF 2.0
// files. PDF/A-3, which is based on PDF 1.7, requires it in the
// specification of every embedded file, and pkgen lists those
// specifications in the EmbeddedFiles name tree (which pdfcpu checks) as
// well as in /AF (which it does not check before 2.0), as Factur-X does.
// Writing "%PDF-2.0" instead would make the file claim a version PDF/A-3
// does not allow. So in a file older than 2.0 the check runs on a copy
// without the /AFRelationship entries whose value PDF 2.0 allows;
// everything else is checked as strictly as pdfcpu does.
//
// pdfcpu may panic on a damaged file; callers that take untrusted input
// recover (render/pdf.Validate does).
func Validate(pdf []byte) error {
	conf := pdfcpuconf.New(model.ValidationStrict)
	conf.Cmd = model.VALIDATE
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), conf)
	if err != nil {
		return err
	}
	if ctx.XRefTable.Version() < model.V20 {
		WaiveAFRelationship(ctx)
	}
	return cpuvalidate.XRefTable(ctx)
}

// afRelationships are the values PDF 2.0 (14.13.2) allows.
var afRelationships = map[types.Name]bool{
	"Source": true, "Data": true, "Alternative": true, "Supplement": true,
	"EncryptedPayload": true, "FormData": true, "Schema": true, "Unspecified": true,
}

// WaiveAFRelationship removes every valid /AFRelationship from the file
// specifications of a context read for validation only.
func WaiveAFRelationship(ctx *model.Context) {
	for _, e := range ctx.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		eachDict(e.Object, func(d types.Dict) {
			if v, ok := d["AFRelationship"].(types.Name); ok && afRelationships[v] && (d["EF"] != nil || d.Type() != nil && *d.Type() == "Filespec") {
				delete(d, "AFRelationship")
			}
		})
	}
}

// eachDict calls f for o and every dictionary nested in it, without
// following indirect references.
func eachDict(o types.Object, f func(types.Dict)) {
	switch v := o.(type) {
	case types.Dict:
		f(v)
		for _, x := range v {
			eachDict(x, f)
		}
	case types.StreamDict:
		eachDict(v.Dict, f)
	case types.Array:
		for _, x := range v {
			eachDict(x, f)
		}
	}
}
