package pdf

import (
	"pkgen/pesan"
	"pkgen/render/pdf/strict"
)

// Validate checks a PDF with pdfcpu's strict validation, waiving only the
// rule that /AFRelationship needs PDF 2.0 (see strict.Validate).
func Validate(pdf []byte) (err error) {
	defer catch(&err, pesan.Key("validasi PDF gagal di pustaka pdfcpu (%v)"))
	return strict.Validate(pdf)
}

// validationError is the message for a merged PDF that fails Validate.
func validationError(err error) error {
	return pesan.Errorf("PDF gabungan tidak lolos validasi ketat pdfcpu (%v); PDF LKIP kemungkinan rusak: simpan ulang dari aplikasi pembuatnya lalu ulangi", err)
}
