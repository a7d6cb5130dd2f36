package pkgen

import (
	"encoding/json"

	"pkgen/render"
)

// Sidecar is the signature sidecar (PDF.ttd.json): it tells a signing service where each
// signatory signs.
type Sidecar struct {
	PDF         string           `json:"pdf"`
	Satuan      string           `json:"satuan"`
	Asal        string           `json:"asal_koordinat"`
	TandaTangan []SignaturePlace `json:"tanda_tangan"`
}

type SignaturePlace struct {
	Halaman       int     `json:"halaman"` // 1-based
	Peran         string  `json:"peran"`
	Nama          string  `json:"nama"`
	Jabatan       string  `json:"jabatan"`
	NIP           string  `json:"nip,omitempty"`
	LLX           float64 `json:"llx"`
	LLY           float64 `json:"lly"`
	URX           float64 `json:"urx"`
	URY           float64 `json:"ury"`
	LebarHalaman  float64 `json:"lebar_halaman"`
	TinggiHalaman float64 `json:"tinggi_halaman"`
	Jangkar       string  `json:"jangkar,omitempty"`
}

// Signatures is the sidecar of a PDF named pdfName: the signature areas of
// laid in PDF points from the page's bottom-left corner, rounded to
// 0.01 pt, with the anchor texts when jangkar. skip is the number of pages
// before the layout's first in the PDF (the LKIP an annex is appended to).
func Signatures(pdfName string, laid *render.Document, jangkar bool, skip int) []byte {
	out := Sidecar{PDF: pdfName, Satuan: "pt", Asal: "kiri-bawah", TandaTangan: []SignaturePlace{}}
	for i, p := range laid.Pages {
		for _, a := range p.SignAreas {
			llx, lly, urx, ury := a.Points(p.Height)
			e := SignaturePlace{Halaman: skip + i + 1, Peran: a.Peran, Nama: a.Nama, Jabatan: a.Jabatan, NIP: a.NIP,
				LLX: llx, LLY: lly, URX: urx, URY: ury,
				LebarHalaman: render.Points(p.Width), TinggiHalaman: render.Points(p.Height)}
			if jangkar {
				e.Jangkar = a.Jangkar
			}
			out.TandaTangan = append(out.TandaTangan, e)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		// Strings and finite numbers only: marshalling cannot fail.
		return nil
	}
	return append(b, '\n')
}
