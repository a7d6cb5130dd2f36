package model

import (
	"fmt"
	"strings"
)

// Anggaran is one row of the budget table of the regulation's PK form: a
// programme (Eselon II), activity (Eselon III) or sub-activity (Eselon IV)
// and its budget in whole rupiah. The total is computed, never typed.
type Anggaran struct {
	Uraian     string
	Jumlah     int64 // rupiah
	Keterangan string
}

// maxRupiah bounds one row so that any realistic sum stays exact; the
// largest regional budget is far below 10^15 rupiah.
const maxRupiah = 1_000_000_000_000_000

func (d *decoder) anggaran(t *tbl) []Anggaran {
	var out []Anggaran
	for _, at := range t.list("anggaran") {
		a := Anggaran{Uraian: at.str("uraian", true), Keterangan: at.str("keterangan", false)}
		if v, ok := at.get("jumlah"); !ok {
			d.errf(at.keyPath("jumlah"), "wajib diisi: anggaran dalam rupiah tanpa tanda kutip dan tanpa titik, mis. 12345678900")
		} else {
			switch n := v.(type) {
			case int64:
				if n < 0 || n > maxRupiah {
					d.errf(at.keyPath("jumlah"), "anggaran %d di luar rentang 0–%d rupiah", n, int64(maxRupiah))
				}
				a.Jumlah = n
			case float64:
				d.errf(at.keyPath("jumlah"), "anggaran harus bilangan bulat rupiah (mis. 12345678900), bukan %v", n)
			case string:
				d.errf(at.keyPath("jumlah"), "anggaran %q ditulis sebagai teks; tulis angka rupiah tanpa tanda kutip dan tanpa titik, mis. 12345678900", n)
			default:
				d.errf(at.keyPath("jumlah"), "anggaran harus bilangan bulat rupiah, bukan %s", typeName(v))
			}
		}
		at.done()
		out = append(out, a)
	}
	return out
}

// FormatNIP says how a NIP is printed under a signature.
type FormatNIP string

const (
	NIPRapat    FormatNIP = "rapat"    // "NIP 197403091993111001", as the seed
	NIPKelompok FormatNIP = "kelompok" // "NIP. 19740309 199311 1 001"
)

// Tandatangan holds the document's choices for the signature blocks.
type Tandatangan struct {
	NIP          FormatNIP
	BarisTanggal bool // print the place/date line; default true
	// JabatanAsWritten (koma_jabatan = false) prints the jabatan above a
	// signature without the customary comma after it.
	JabatanAsWritten bool
	// PeranDiLampiran repeats the role lines (PIHAK KEDUA, / PIHAK
	// PERTAMA,) over the signatures after the lampiran, as some forms do.
	PeranDiLampiran bool
	Mengetahui      *Pihak // third signatory ("Mengetahui,"), optional
	PeranKetiga     string // its role line, default "Mengetahui,"
	// URLVerifikasi is the address where the signed document can be
	// verified; with electronic signature blocks it is printed as a QR
	// code in each block. Empty when not given.
	URLVerifikasi string
	// ParafDi places the paraf table: the statement page or every page.
	ParafDi ParafDi
}

func (d *decoder) tandatangan(t *tbl) Tandatangan {
	tt := Tandatangan{NIP: NIPRapat, BarisTanggal: true, ParafDi: ParafPernyataan}
	st := t.sub("tanda_tangan", false)
	if st == nil {
		return tt
	}
	tt.NIP = FormatNIP(st.enum("nip", string(NIPRapat), string(NIPRapat), string(NIPKelompok)))
	tt.BarisTanggal = d.flag(st, "baris_tanggal", true)
	tt.JabatanAsWritten = !d.flag(st, "koma_jabatan", true)
	tt.PeranDiLampiran = d.flag(st, "peran_di_lampiran", false)
	tt.ParafDi = ParafDi(st.enum("paraf_di", string(ParafPernyataan), string(ParafPernyataan), string(ParafSemua)))
	if u := st.str("url_verifikasi", false); u != "" {
		switch {
		case !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://"):
			d.errf(st.keyPath("url_verifikasi"), "harus alamat web lengkap yang diawali https://, bukan %q", u)
		case len(u) > maxURLVerifikasi:
			d.errf(st.keyPath("url_verifikasi"), "terlalu panjang (%d karakter); kode QR memuat paling banyak %d", len(u), maxURLVerifikasi)
		case strings.ContainsAny(u, " \t\n"):
			d.errf(st.keyPath("url_verifikasi"), "tidak boleh berisi spasi")
		default:
			tt.URLVerifikasi = u
		}
	}
	if mt := st.sub("mengetahui", false); mt != nil {
		tt.PeranKetiga = mt.str("peran", false)
		p := d.pihak(mt)
		tt.Mengetahui = &p
	}
	st.done()
	return tt
}

// flag reads a boolean key, def when it is absent or not a boolean.
func (d *decoder) flag(t *tbl, key string, def bool) bool {
	v, ok := t.get(key)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		d.errf(t.keyPath(key), "harus true atau false, bukan %s", typeName(v))
		return def
	}
	return b
}

// maxURLVerifikasi bounds url_verifikasi so its QR code stays legible in
// the signature square.
const maxURLVerifikasi = 300

// checkAnggaran reports duplicate rows, which are usually a copy-paste slip.
func (d *decoder) checkAnggaran(rows []Anggaran) {
	seen := map[string]int{}
	for i, a := range rows {
		if j, dup := seen[a.Uraian]; dup && a.Uraian != "" {
			d.warnf(fmt.Sprintf("anggaran[%d].uraian", i+1), "uraian sama dengan anggaran[%d]", j)
		} else {
			seen[a.Uraian] = i + 1
		}
	}
}
