// Package model holds a Perjanjian Kinerja as data: its types, the strict
// TOML loader, validation with located messages, and computed numbering.
// It knows nothing about pages or PDF.
package model

import (
	"fmt"
	"time"
)

// Jenis is the kind of document.
type Jenis string

const (
	JenisPK        Jenis = "pk"        // the original agreement
	JenisPerubahan Jenis = "perubahan" // an amended agreement (PK Perubahan)
)

// Kertas is the paper size.
type Kertas string

const (
	A4 Kertas = "A4" // 210 × 297 mm
	F4 Kertas = "F4" // 215 × 330 mm (folio), common in Indonesian offices
)

// Tingkat is the level of the official who signs as PIHAK PERTAMA.
type Tingkat string

const (
	KepalaDaerah          Tingkat = "kepala-daerah"
	KepalaPerangkatDaerah Tingkat = "kepala-perangkat-daerah"
	EselonIII             Tingkat = "eselon-iii"
	EselonIV              Tingkat = "eselon-iv"
	// The central government's levels (Kementerian/Lembaga).
	EselonI      Tingkat = "eselon-i"      // a Deputi or Direktur Jenderal, signing with a Menteri or Menko
	EselonII     Tingkat = "eselon-ii"     // a Direktur or Kepala Biro of a ministry, signing with their Eselon I
	UnitVertikal Tingkat = "unit-vertikal" // a Kepala Kantor, Balai or Perwakilan, signing with their Eselon I
)

// Tingkats are the levels in the order the README lists them.
var Tingkats = []Tingkat{KepalaDaerah, KepalaPerangkatDaerah, EselonIII, EselonIV, EselonI, EselonII, UnitVertikal}

// Central reports whether the level is of the central government (a
// ministry or agency and its vertical units).
func (t Tingkat) Central() bool { return t == EselonI || t == EselonII || t == UnitVertikal }

// The lines a lampiran may print under its title (identitas_lampiran).
const (
	IdentitasNama                  = "nama"
	IdentitasNIP                   = "nip"
	IdentitasJabatan               = "jabatan"
	IdentitasUnitKerja             = "unit_kerja"
	IdentitasUnitOrganisasiEselonI = "unit_organisasi_eselon_i"
	IdentitasUnitOrganisasi        = "unit_organisasi"
	IdentitasSatker                = "satker"
	IdentitasTahunAnggaran         = "tahun_anggaran"
)

// IdentitasLines are the names identitas_lampiran accepts, in their default order.
var IdentitasLines = []string{IdentitasNama, IdentitasNIP, IdentitasJabatan, IdentitasUnitKerja,
	IdentitasUnitOrganisasiEselonI, IdentitasUnitOrganisasi, IdentitasSatker, IdentitasTahunAnggaran}

// Document is a validated, numbered Perjanjian Kinerja.
type Document struct {
	File string // where it was loaded from: its fs.FS name, used in messages
	// Raw is the file's bytes as read, once: the same bytes are parsed,
	// hashed and embedded in the PDF.
	Raw         []byte
	Tahun       int
	Jenis       Jenis
	Tingkat     Tingkat
	Kertas      Kertas
	FormatAngka string // "id" (86,75) or "en" (86.75)
	Tempat      string
	Tanggal     *time.Time // nil: left blank for hand-writing
	// TanggalBulan: tanggal gives only the month ("Januari 2020");
	// Tanggal is then the first day of that month.
	TanggalBulan bool
	Lampiran     string // name of the lampiran column set
	// Templat names wording variants ("pihak-kesatu") or template files
	// (relative to the document) applied over the embedded wording.
	Templat []string
	// PKInduk is the PK of the level above (pk_induk), a path relative to
	// this file as written; "" for a root of the cascade.
	PKInduk string
	// IdentitasLampiran names the lines under the lampiran title, in
	// order (IdentitasLines); nil prints the default, an empty list none.
	IdentitasLampiran []string
	// HanyaLampiran: the document is the lampiran table only (a Tapkin, or
	// a PK table annexed to another letter): no statement page, and the
	// parties are optional; without them the lampiran has no identity
	// lines and no closing signatures.
	HanyaLampiran bool
	Instansi      Instansi
	// PihakPertama signs the agreement; PihakKedua is the superior, nil for a
	// single-party PK (a Kepala Daerah signs alone).
	PihakPertama Pihak
	PihakKedua   *Pihak
	Tandatangan  Tandatangan
	Perubahan    *Perubahan // set when Jenis is JenisPerubahan
	// Bagian are the sections of a lampiran of several tables, in
	// order; nil for a lampiran of one table.
	Bagian   []Bagian
	Sasaran  []Sasaran
	Anggaran []Anggaran    // budget rows of the regulation's form, in order
	Capaian  AturanCapaian // how capaian is computed; the zero value means the defaults
	// Paraf are the officials who initial the draft before the leader
	// signs (paraf koordinasi), in order; nil when not given.
	Paraf []Paraf
	// NomorHalaman says which pages carry "Halaman k dari n".
	NomorHalaman NomorHalaman
}

// NomorHalaman names the pages that are numbered.
type NomorHalaman string

const (
	HalamanLampiran NomorHalaman = "lampiran" // the lampiran's pages (the default)
	HalamanSemua    NomorHalaman = "semua"    // the statement page too
)

// Paraf is one initials box of the paraf koordinasi table.
type Paraf struct {
	Jabatan string // "Sekretaris"
	Nama    string // optional, printed small under the box's jabatan
}

// ParafDi names where the paraf table is printed.
type ParafDi string

const (
	ParafPernyataan ParafDi = "pernyataan" // at the foot of the statement page (the default)
	ParafSemua      ParafDi = "semua"      // at the foot of every page
)

// Instansi is the issuing government body.
type Instansi struct {
	Kop  []KopBaris // heading lines of the statement page; may be empty when there is a logo
	Logo string     // optional image path, relative to the document file
	// TataKop places the logo: beside the kop (the default) or above it.
	TataKop TataKop
	// The header lines of a ministry's lampiran form, empty when not given.
	UnitOrganisasiEselonI string
	UnitOrganisasi        string
	Satker                string
}

// KopBaris is one heading line in its style.
type KopBaris struct {
	Teks string
	Gaya GayaKop
}

// GayaKop is the style of a kop line.
type GayaKop string

const (
	KopNama   GayaKop = "nama"   // bold, the heading size (a plain string)
	KopBesar  GayaKop = "besar"  // bold and larger: the agency's own name
	KopAlamat GayaKop = "alamat" // small, not bold: address, telephone, web
)

// GayaKops are the styles a kop line accepts.
var GayaKops = []GayaKop{KopNama, KopBesar, KopAlamat}

// TataKop is how the logo and the kop lines stand.
type TataKop string

const (
	KopKiri   TataKop = "kiri"   // logo left, lines centred beside it (a Dinas's letterhead)
	KopTengah TataKop = "tengah" // logo centred above the lines
)

// KopTeks are the kop lines' texts.
func (in Instansi) KopTeks() []string {
	out := make([]string, len(in.Kop))
	for i, k := range in.Kop {
		out[i] = k.Teks
	}
	return out
}

// Pihak is a party to the agreement.
type Pihak struct {
	Nama          string
	GelarDepan    string // e.g. "Dr."
	GelarBelakang string // e.g. "S.H., M.Si."
	NIP           string // 18 digits without spaces; empty for political officials
	Jabatan       string // e.g. "Walikota"
	UnitKerja     string // e.g. "Kota Administrasi Jakarta Pusat"
	Pangkat       string // e.g. "Pembina Utama Madya (IV/d)"
	Status        string // acting prefix: "", "Pj.", "Plt." or "Plh."
}

// HasParties reports whether the document names its signatories: always,
// except in a lampiran-only document that leaves them out.
func (d *Document) HasParties() bool { return d.PihakPertama.Nama != "" || !d.HanyaLampiran }

// Identitas returns the lines under the lampiran title: the document's
// list, or by default the PIHAK PERTAMA's lines followed by the [instansi]
// header lines that are given.
func (d *Document) Identitas() []string {
	if d.IdentitasLampiran != nil {
		return d.IdentitasLampiran
	}
	var out []string
	if d.HasParties() {
		out = []string{IdentitasNama, IdentitasNIP, IdentitasJabatan, IdentitasUnitKerja}
	}
	for _, h := range []struct{ name, value string }{
		{IdentitasUnitOrganisasiEselonI, d.Instansi.UnitOrganisasiEselonI},
		{IdentitasUnitOrganisasi, d.Instansi.UnitOrganisasi},
		{IdentitasSatker, d.Instansi.Satker},
	} {
		if h.value != "" {
			out = append(out, h.name)
		}
	}
	return out
}

// JabatanLengkap is the position as the statement page names it: acting
// prefix, jabatan and unit kerja ("Pj. Gubernur Daerah Khusus Ibukota Jakarta").
func (p Pihak) JabatanLengkap() string {
	s := p.Jabatan
	if p.UnitKerja != "" {
		s += " " + p.UnitKerja
	}
	if p.Status != "" {
		s = p.Status + " " + s
	}
	return s
}

// Sasaran is an objective with its indicators.
type Sasaran struct {
	Nomor    int    // 1..n across the document, or per section (Bagian), computed
	Bagian   string // the section ([[bagian]] nama) it belongs to; empty without sections
	Kelompok string // group such as "Sasaran Strategis"; may be empty
	Induk    string // parent objective (sasaran program above a sasaran kegiatan); may be empty
	Uraian   string
	// Mendukung are the kode of the induk PK's indicators this sasaran
	// supports (the cascade); nil when not given.
	Mendukung []string
	Indikator []Indikator
}

// Polaritas says whether a higher realisasi is better.
type Polaritas string

const (
	Naik  Polaritas = "naik"  // higher is better
	Turun Polaritas = "turun" // lower is better
)

// Agregasi says how quarterly targets make the year's.
type Agregasi string

const (
	Akhir    Agregasi = "akhir"     // cumulative: the last quarter's value is the year's
	Jumlah   Agregasi = "jumlah"    // quarters add up to the year
	RataRata Agregasi = "rata-rata" // the year is the average of the quarters
)

// Indikator is a performance indicator of a sasaran.
type Indikator struct {
	Nomor      int    // 1..k inside its sasaran, computed
	Kode       string // stable identity across versions and realisasi
	Uraian     string
	SumberData string
	Pengukuran string // Markdown
	Satuan     string // printed in the Keterangan column
	Polaritas  Polaritas
	Agregasi   Agregasi
	Target     Target
	Skala      string // name of the categorical scale; "" finds it from the target's label

	// KondisiAwal is the baseline (kondisi_awal), TargetAkhir the
	// end-of-period target of the RPJMD or Renstra (target_akhir); nil when
	// not given. Both are of the targets' kind.
	KondisiAwal *NilaiTahun
	TargetAkhir *NilaiTahun
	// RumusTurun and Batas override the document's [capaian] rules for this
	// indicator; "" and nil keep the document's.
	RumusTurun RumusTurun
	Batas      *Desimal

	// Mendukung are the kode of the induk PK's indicators this indicator
	// supports; nil when not given.
	Mendukung []string
	// AgregasiKaskade says how the supporting lower indicators' targets
	// make this one's: Jumlah (they add up) or "" (not checked).
	AgregasiKaskade Agregasi
}

// NilaiTahun is a value of another year than the PK's: the baseline or the
// end-of-period target of a planning document.
type NilaiTahun struct {
	Nilai   Nilai
	Tahun   int    // 0 when not given (allowed for kondisi_awal only)
	Dokumen string // the planning document ("RPJMD", "Renstra"); may be empty
}

// Target holds the quarterly and annual targets.
type Target struct {
	TW      [4]Nilai // Triwulan I..IV
	Tahunan Nilai
}

// Kelompok is a run of consecutive sasaran sharing a group name.
type Kelompok struct {
	Nama    string
	Sasaran []Sasaran
}

// Kelompok returns the groups in document order; a group ends where its
// section does.
func (d *Document) Kelompok() []Kelompok { return Groups(d.Sasaran) }

// JumlahIndikator counts indicators over all sasaran.
func (d *Document) JumlahIndikator() int {
	n := 0
	for _, s := range d.Sasaran {
		n += len(s.Indikator)
	}
	return n
}

// number assigns sasaran numbers across groups, starting again at 1 in
// each section unless it continues the one before (nomor_lanjut), and
// indicator numbers inside each sasaran; numbering is never typed by the
// user.
func (d *Document) number() {
	lanjut := map[string]bool{}
	for _, b := range d.Bagian {
		lanjut[b.Nama] = b.NomorLanjut
	}
	n := 0
	for i := range d.Sasaran {
		if s := d.Sasaran[i].Bagian; i > 0 && s != d.Sasaran[i-1].Bagian && !lanjut[s] {
			n = 0
		}
		n++
		d.Sasaran[i].Nomor = n
		for j := range d.Sasaran[i].Indikator {
			d.Sasaran[i].Indikator[j].Nomor = j + 1
		}
	}
}

// String prints a value with its year and document as written in TOML
// terms ("75 (Renstra 2026)"); "" for nil.
func (v *NilaiTahun) String() string {
	if v == nil {
		return ""
	}
	s := v.Nilai.String()
	switch {
	case v.Dokumen != "" && v.Tahun != 0:
		s += fmt.Sprintf(" (%s %d)", v.Dokumen, v.Tahun)
	case v.Tahun != 0:
		s += fmt.Sprintf(" (%d)", v.Tahun)
	}
	return s
}
