package web

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
)

// The form (formulir) is a PK edited as fields rather than as TOML. The
// form is the model: the page is rendered from the model.Document the
// file loads to, the browser sends the whole form back as JSON, and the
// server lays the form's fields over the loaded Document and encodes it
// with model.EncodePK, the canonical TOML pkgen impor writes. What the
// form does not show (perubahan, capaian rules, templat, tanda_tangan,
// bagian, an indicator's kondisi_awal …) comes from the loaded Document
// unchanged: every row carries its position in it (asal).

// formDocument is the whole form, as the page sends it.
type formDocument struct {
	// PKInduk is pk_induk as typed: the PK of the level above, relative
	// to this file; empty is none.
	PKInduk      string         `json:"pk_induk"`
	PihakPertama formPihak      `json:"pihak_pertama"`
	PihakKedua   formPihak      `json:"pihak_kedua"`
	Sasaran      []formSasaran  `json:"sasaran"`
	Anggaran     []formAnggaran `json:"anggaran"`
}

// formPihak is a party's fields; a PIHAK KEDUA whose fields are all
// empty is none (a PK signed by one party).
type formPihak struct {
	Nama          string `json:"nama"`
	GelarDepan    string `json:"gelar_depan"`
	GelarBelakang string `json:"gelar_belakang"`
	NIP           string `json:"nip"`
	Pangkat       string `json:"pangkat"`
	Jabatan       string `json:"jabatan"`
	UnitKerja     string `json:"unit_kerja"`
	Status        string `json:"status"`
}

type formSasaran struct {
	// Origin is the sasaran's index in the loaded Document; nil for a
	// new one.
	Origin    *int            `json:"asal"`
	Kelompok  string          `json:"kelompok"`
	Uraian    string          `json:"uraian"`
	Mendukung string          `json:"mendukung"` // the induk's kode, separated by commas
	Indikator []formIndikator `json:"indikator"`
	Path      string          `json:"-"` // its key path, for the page
	Number    string          `json:"-"` // as the page numbers it: "3"
}

type formIndikator struct {
	// Origin is the indicator's sasaran and index in the loaded
	// Document; nil for a new one.
	Origin     *[2]int    `json:"asal"`
	Kode       string     `json:"kode"`
	Uraian     string     `json:"uraian"`
	SumberData string     `json:"sumber_data"`
	Satuan     string     `json:"satuan"`
	Polaritas  string     `json:"polaritas"`
	Agregasi   string     `json:"agregasi"`
	Target     formTarget `json:"target"`
	Pengukuran string     `json:"pengukuran"` // Markdown, as the TOML stores it
	Mendukung  string     `json:"mendukung"`  // the induk's kode, separated by commas
	// AgregasiKaskade is agregasi_kaskade = "jumlah": the targets of the
	// lower indicators supporting this one add up to its target.
	AgregasiKaskade bool   `json:"agregasi_kaskade"`
	Path            string `json:"-"`
	Number          string `json:"-"` // "3.1"
}

// formTarget holds each target as typed: "86.75" or "86,75" is a number,
// anything else a value as a TOML string would hold it ("100%", "N/A",
// "(3) WTP"); empty is not given.
type formTarget struct {
	TW1     string `json:"tw1"`
	TW2     string `json:"tw2"`
	TW3     string `json:"tw3"`
	TW4     string `json:"tw4"`
	Tahunan string `json:"tahunan"`
}

type formAnggaran struct {
	Uraian     string `json:"uraian"`
	Jumlah     string `json:"jumlah"` // whole rupiah, plain or grouped with dots
	Keterangan string `json:"keterangan"`
	Path       string `json:"-"`
	Number     string `json:"-"`
}

// formParty is a party's fieldset: its key and its fields.
type formParty struct {
	Key   string
	Pihak formPihak
}

// OriginAttr is the data-asal attribute of a sasaran's row.
func (s formSasaran) OriginAttr() string {
	if s.Origin == nil {
		return ""
	}
	return strconv.Itoa(*s.Origin)
}

// OriginAttr is the data-asal attribute of an indicator's row: "i.j".
func (ind formIndikator) OriginAttr() string {
	if ind.Origin == nil {
		return ""
	}
	return strconv.Itoa(ind.Origin[0]) + "." + strconv.Itoa(ind.Origin[1])
}

// formOf is the form of a loaded document.
func formOf(doc *model.Document) formDocument {
	f := formDocument{PKInduk: doc.PKInduk, PihakPertama: formPihakOf(doc.PihakPertama)}
	if doc.PihakKedua != nil {
		f.PihakKedua = formPihakOf(*doc.PihakKedua)
	}
	for i, s := range doc.Sasaran {
		fs := formSasaran{Origin: &i, Kelompok: s.Kelompok, Uraian: s.Uraian, Mendukung: kodeList(s.Mendukung),
			Path: sasaranPath(i), Number: strconv.Itoa(i + 1)}
		for j, ind := range s.Indikator {
			fi := formIndikatorOf(ind)
			fi.Origin = &[2]int{i, j}
			fi.Path = indikatorPath(i, j)
			fi.Number = strconv.Itoa(i+1) + "." + strconv.Itoa(j+1)
			fs.Indikator = append(fs.Indikator, fi)
		}
		f.Sasaran = append(f.Sasaran, fs)
	}
	for k, a := range doc.Anggaran {
		f.Anggaran = append(f.Anggaran, formAnggaran{Uraian: a.Uraian, Jumlah: strconv.FormatInt(a.Jumlah, 10),
			Keterangan: a.Keterangan, Path: anggaranPath(k), Number: strconv.Itoa(k + 1)})
	}
	return f
}

func formPihakOf(p model.Pihak) formPihak {
	return formPihak{Nama: p.Nama, GelarDepan: p.GelarDepan, GelarBelakang: p.GelarBelakang, NIP: p.NIP,
		Pangkat: p.Pangkat, Jabatan: p.Jabatan, UnitKerja: p.UnitKerja, Status: p.Status}
}

func formIndikatorOf(ind model.Indikator) formIndikator {
	fi := formIndikator{Kode: ind.Kode, Uraian: ind.Uraian, SumberData: ind.SumberData, Satuan: ind.Satuan,
		Polaritas: string(ind.Polaritas), Agregasi: string(ind.Agregasi), Pengukuran: ind.Pengukuran,
		Mendukung: kodeList(ind.Mendukung), AgregasiKaskade: ind.AgregasiKaskade == model.Jumlah}
	if fi.Polaritas == "" {
		fi.Polaritas = string(model.Naik)
	}
	if fi.Agregasi == "" {
		fi.Agregasi = string(model.Akhir)
	}
	t := ind.Target
	fi.Target = formTarget{TW1: t.TW[0].String(), TW2: t.TW[1].String(), TW3: t.TW[2].String(), TW4: t.TW[3].String(), Tahunan: t.Tahunan.String()}
	return fi
}

// blankSasaran is a new sasaran's row with one new indicator, for the
// page's templates of new rows (their paths are set by the script).
func blankSasaran() formSasaran {
	return formSasaran{Path: sasaranPath(0), Indikator: []formIndikator{blankIndikator()}}
}

func blankIndikator() formIndikator {
	return formIndikator{Polaritas: string(model.Naik), Agregasi: string(model.Akhir), Path: indikatorPath(0, 0)}
}

// Key paths as pkgen check writes them, counted from 1.
func sasaranPath(i int) string { return "sasaran[" + strconv.Itoa(i+1) + "]" }
func indikatorPath(i, j int) string {
	return sasaranPath(i) + ".indikator[" + strconv.Itoa(j+1) + "]"
}
func anggaranPath(k int) string { return "anggaran[" + strconv.Itoa(k+1) + "]" }

// apply lays the form over base, the document as loaded, and returns the
// document it makes; the problems are the fields no TOML value can hold
// (a budget that is not a whole number), located by key path. base is
// not changed.
func (f *formDocument) apply(base *model.Document) (*model.Document, model.Problems) {
	doc := *base
	var probs model.Problems
	fail := func(path string, err error) {
		p := model.Problem{File: base.File, Path: path, Msg: err.Error(), Severity: model.Galat}
		if m, ok := pesan.Of(err); ok {
			p.Key, p.Args = m.Key, m.Args
		}
		probs = append(probs, p)
	}
	doc.PKInduk = strings.TrimSpace(f.PKInduk)
	doc.PihakPertama = f.PihakPertama.pihak()
	doc.PihakKedua = nil
	if f.PihakKedua != (formPihak{}) {
		p := f.PihakKedua.pihak()
		doc.PihakKedua = &p
	}
	doc.Sasaran = make([]model.Sasaran, 0, len(f.Sasaran))
	for i, fs := range f.Sasaran {
		var s model.Sasaran
		switch o := fs.Origin; {
		case o != nil && *o >= 0 && *o < len(base.Sasaran):
			s = base.Sasaran[*o]
		case i > 0:
			// A new sasaran belongs to the section of the row above it.
			s.Bagian = doc.Sasaran[i-1].Bagian
		case len(base.Bagian) > 0:
			s.Bagian = base.Bagian[0].Nama
		}
		s.Kelompok, s.Uraian = fs.Kelompok, fs.Uraian
		s.Mendukung = kodes(fs.Mendukung)
		s.Indikator = make([]model.Indikator, 0, len(fs.Indikator))
		for j, fi := range fs.Indikator {
			var ind model.Indikator
			if o := fi.Origin; o != nil && o[0] >= 0 && o[0] < len(base.Sasaran) && o[1] >= 0 && o[1] < len(base.Sasaran[o[0]].Indikator) {
				ind = base.Sasaran[o[0]].Indikator[o[1]]
			}
			ind.Kode, ind.Uraian, ind.SumberData, ind.Satuan = fi.Kode, fi.Uraian, fi.SumberData, fi.Satuan
			ind.Polaritas, ind.Agregasi = model.Polaritas(fi.Polaritas), model.Agregasi(fi.Agregasi)
			ind.Pengukuran = fi.Pengukuran
			ind.Mendukung = kodes(fi.Mendukung)
			ind.AgregasiKaskade = ""
			if fi.AgregasiKaskade {
				ind.AgregasiKaskade = model.Jumlah
			}
			path := indikatorPath(i, j) + ".target."
			for q, v := range []string{fi.Target.TW1, fi.Target.TW2, fi.Target.TW3, fi.Target.TW4} {
				n, err := targetValue(v)
				if err != nil {
					fail(path+"tw"+strconv.Itoa(q+1), err)
				}
				ind.Target.TW[q] = n
			}
			n, err := targetValue(fi.Target.Tahunan)
			if err != nil {
				fail(path+"tahunan", err)
			}
			ind.Target.Tahunan = n
			s.Indikator = append(s.Indikator, ind)
		}
		doc.Sasaran = append(doc.Sasaran, s)
	}
	doc.Anggaran = make([]model.Anggaran, 0, len(f.Anggaran))
	for k, fa := range f.Anggaran {
		n, err := rupiah(fa.Jumlah)
		if err != nil {
			fail(anggaranPath(k)+".jumlah", err)
		}
		doc.Anggaran = append(doc.Anggaran, model.Anggaran{Uraian: fa.Uraian, Jumlah: n, Keterangan: fa.Keterangan})
	}
	if len(doc.Anggaran) == 0 {
		doc.Anggaran = nil
	}
	return &doc, probs
}

func (p formPihak) pihak() model.Pihak {
	return model.Pihak{Nama: p.Nama, GelarDepan: p.GelarDepan, GelarBelakang: p.GelarBelakang, NIP: p.NIP,
		Pangkat: p.Pangkat, Jabatan: p.Jabatan, UnitKerja: p.UnitKerja, Status: p.Status}
}

// kodeList is a mendukung list as the form shows it: "DK-01, DK-02".
func kodeList(kodes []string) string { return strings.Join(kodes, ", ") }

// kodes reads a mendukung list as typed: kode separated by commas (or
// semicolons), blanks dropped; nil when none is named, so the key is left
// out.
func kodes(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// targetValue is a target as typed: a number ("86.75", "86,75") stays a
// number; anything else is the value a TOML string of that text is, so
// pkgen check judges it as it judges the file.
func targetValue(s string) (model.Nilai, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return model.Nilai{}, nil
	}
	n, err := model.ParseNilai(t)
	if err == nil {
		return n, nil
	}
	d, derr := model.ParseDesimal(t)
	if derr != nil {
		return model.Nilai{}, derr
	}
	return model.Nilai{Jenis: model.Angka, Angka: d}, nil
}

// reGroupedRupiah is a whole amount grouped with dots: 12.345.678.900.
var reGroupedRupiah = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`) })

// rupiah reads a budget amount typed in the form: digits, optionally
// grouped with dots or spaces and led by "Rp". The range is the model's
// check, not this one's.
func rupiah(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, pesan.Errorf("jumlah anggaran kosong; isi rupiah, mis. 12345678900")
	}
	digits := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "Rp"), "."))
	digits = strings.ReplaceAll(digits, " ", "")
	if reGroupedRupiah().MatchString(digits) {
		digits = strings.ReplaceAll(digits, ".", "")
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, pesan.Errorf("jumlah anggaran %q bukan bilangan bulat rupiah; isi angka saja, mis. 12345678900 atau 12.345.678.900", t)
	}
	return n, nil
}

// formHeader is the header a save from the form keeps: the editor's
// schema directive, when the file starts with one. Other comments are not
// kept (the page says so before the first save).
func formHeader(old []byte) string {
	first, _, _ := bytes.Cut(old, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	if bytes.HasPrefix(first, []byte("#:schema ")) {
		return string(first)
	}
	return ""
}

// canonical tells whether old is what a save from the form would write
// for base unchanged: then no comment or layout is lost.
func canonical(old []byte, base *model.Document) bool {
	return bytes.Equal(old, model.EncodePK(base, formHeader(old)))
}

// totalAnggaran is the budget's total as the page shows it.
func totalAnggaran(doc *model.Document) string {
	format := doc.FormatAngka
	if format == "" {
		format = "id"
	}
	return "Rp " + pesan.FormatInt(render.TotalAnggaran(doc.Anggaran), format)
}

// decodeForm reads the form's JSON strictly: a field the form does not
// have is refused, not dropped.
func decodeForm(body []byte) (*formDocument, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var f formDocument
	if err := dec.Decode(&f); err != nil {
		return nil, pesan.Errorf("isi formulir tidak terbaca: %s", err.Error())
	}
	return &f, nil
}
