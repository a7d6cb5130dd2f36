// Package spreadsheet carries a PK and a realisasi report to and from an
// XLSX workbook, for the colleagues who prefer to fill targets and
// realisasi in a spreadsheet, and writes them back as TOML.
//
// A PK workbook has the sheets Dokumen (one row per key: kunci, nilai,
// keterangan), Lampiran (one row per indicator), Anggaran (one row per
// [[anggaran]]) and, when the document has them, Bagian (the [[bagian]]
// sections, with a sasaran.bagian column in Lampiran) and Kategori and
// Skala (the [capaian] tables). A realisasi workbook has Laporan (pk, tahun,
// triwulan) and Realisasi (one row per indicator of the PK: its targets,
// read only, beside the realisasi cells; for a report, its capaian s.d.
// and category, read only too). ExportCapaian writes the capaian annex's
// tables, for reading only. Column headers are the TOML keys
// ("indikator.kode", "target.tw1"), so columns may be reordered; other
// sheets are ignored. Reading is strict like the TOML loader: a missing or
// unknown column, text in a number cell or a merged cell is reported with
// its sheet and cell. It is also bounded, for a workbook from anyone: see
// MaxRows and the other limits in scan.go.
package spreadsheet

import (
	"strings"

	"pkgen/model"
)

// Sheet names.
const (
	SheetPetunjuk  = "Petunjuk"
	SheetDokumen   = "Dokumen"
	SheetLampiran  = "Lampiran"
	SheetAnggaran  = "Anggaran"
	SheetBagian    = "Bagian"
	SheetParaf     = "Paraf"
	SheetKategori  = "Kategori"
	SheetSkala     = "Skala"
	SheetLaporan   = "Laporan"
	SheetRealisasi = "Realisasi"
)

// cellKind is what a cell holds.
type cellKind int

const (
	kindText     cellKind = iota // text; a number is taken as written
	kindNIP                      // text of digits; a number cell is refused (Excel keeps 15 digits)
	kindInteger                  // integer
	kindDecimal                  // decimal number
	kindDate                     // date
	kindBool                     // TRUE/FALSE
	kindMarkdown                 // text kept with its line breaks
	kindValue                    // a target or realisasi value: number, percent or text
)

// keyRow is one row of the Dokumen sheet.
type keyRow struct {
	key     string
	kind    cellKind
	list    bool // one row per item (kop, templat)
	note    string
	choices []string // allowed values, offered as a drop-down
	// optional rows are written only when the document has a value, so a
	// workbook of a document without them stays as it was.
	optional bool
}

var pihakKeys = []keyRow{
	{key: "nama", note: "nama seperti biasa ditulis, tanpa gelar"},
	{key: "gelar_depan", note: "gelar di depan nama: Dr."},
	{key: "gelar_belakang", note: "gelar di belakang nama: S.H., M.Si."},
	{key: "nip", kind: kindNIP, note: "NIP 18 angka, sebagai teks; kosongkan untuk pejabat tanpa NIP"},
	{key: "jabatan", note: "jabatan: Walikota"},
	{key: "unit_kerja", note: "unit kerja, dicetak bersama jabatan"},
	{key: "pangkat", note: "pangkat/golongan: Pembina (IV/a)"},
	{key: "status", note: "awalan pejabat sementara", choices: []string{"Pj.", "Plt.", "Plh."}},
}

func gayaKopChoices() []string {
	out := make([]string, len(model.GayaKops))
	for i, g := range model.GayaKops {
		out[i] = string(g)
	}
	return out
}

func tingkatChoices() []string {
	out := make([]string, len(model.Tingkats))
	for i, t := range model.Tingkats {
		out[i] = string(t)
	}
	return out
}

// noLines is the identitas_lampiran row for a lampiran without lines
// under its title (an empty list, unlike no rows: the default).
const noLines = "-"

// dokumenKeys lists the Dokumen sheet's keys in order.
var dokumenKeys = func() []keyRow {
	ks := []keyRow{
		{key: "tahun", kind: kindInteger, note: "tahun perjanjian, 2000–2100 (wajib)"},
		{key: "jenis", note: "pk atau perubahan", choices: []string{string(model.JenisPK), string(model.JenisPerubahan)}},
		{key: "tingkat", note: "tingkat PIHAK PERTAMA", choices: tingkatChoices()},
		{key: "kertas", note: "ukuran kertas", choices: []string{string(model.A4), string(model.F4)}},
		{key: "format_angka", note: "id (86,75) atau en (86.75)", choices: []string{"id", "en"}},
		{key: "tempat", note: "tempat pada baris tanggal (wajib)"},
		{key: "tanggal", kind: kindDate, note: "tanggal penandatanganan TTTT-BB-HH, atau bulannya saja sebagai teks TTTT-BB; kosongkan untuk ditulis tangan"},
		{key: "lampiran", note: "bentuk lampiran: dki, eselon2, eselon3, eselon4, tahunan, bertingkat, program, kegiatan atau nama sendiri"},
		{key: "templat", list: true, note: "varian kata-kata atau berkas templat, satu per baris"},
		{key: "pk_induk", optional: true, note: "berkas PK tingkat di atasnya (pohon kinerja), relatif terhadap berkas TOML"},
		{key: "nomor_halaman", optional: true, note: "lampiran (bawaan) atau semua: halaman pernyataan juga diberi Halaman 1 dari N", choices: []string{string(model.HalamanLampiran), string(model.HalamanSemua)}},
		{key: "hanya_lampiran", kind: kindBool, note: "TRUE: hanya tabel lampiran, tanpa halaman pernyataan; para pihak boleh kosong"},
		{key: "identitas_lampiran", list: true, note: "baris di bawah judul lampiran, satu per baris: nama, nip, jabatan, unit_kerja, unit_organisasi_eselon_i, unit_organisasi, satker, tahun_anggaran; - untuk tanpa baris; kosongkan untuk bawaan"},
		{key: "instansi.kop", list: true, note: "baris kop, satu per baris (wajib, kecuali ada logo)"},
		{key: "instansi.kop_gaya", list: true, optional: true, note: "gaya setiap baris kop, satu per baris sejajar dengan instansi.kop: nama, besar atau alamat", choices: gayaKopChoices()},
		{key: "instansi.logo", note: "berkas logo PNG/JPEG, relatif terhadap berkas TOML"},
		{key: "instansi.tata_kop", optional: true, note: "dengan logo: kiri (logo di kiri kop, bawaan) atau tengah (logo di atas kop)", choices: []string{string(model.KopKiri), string(model.KopTengah)}},
		{key: "instansi.unit_organisasi_eselon_i", note: "baris Unit Organisasi Eselon I di bawah judul lampiran"},
		{key: "instansi.unit_organisasi", note: "baris Unit Organisasi di bawah judul lampiran"},
		{key: "instansi.satker", note: "baris Satker di bawah judul lampiran"},
	}
	for _, p := range []string{"pihak_pertama", "pihak_kedua"} {
		for _, k := range pihakKeys {
			k.key = p + "." + k.key
			if p == "pihak_kedua" && k.key == "pihak_kedua.nama" {
				k.note += "; kosongkan semua baris pihak_kedua untuk PK satu pihak"
			}
			ks = append(ks, k)
		}
	}
	ks = append(ks,
		keyRow{key: "tanda_tangan.nip", note: "cara mencetak NIP", choices: []string{string(model.NIPRapat), string(model.NIPKelompok)}},
		keyRow{key: "tanda_tangan.baris_tanggal", kind: kindBool, note: "FALSE menghilangkan baris tempat dan tanggal"},
		keyRow{key: "tanda_tangan.peran_di_lampiran", kind: kindBool, note: "TRUE mencetak PIHAK KEDUA, / PIHAK PERTAMA, juga di tanda tangan penutup lampiran"},
		keyRow{key: "tanda_tangan.koma_jabatan", kind: kindBool, note: "FALSE mencetak jabatan di atas tanda tangan tanpa koma"},
		keyRow{key: "tanda_tangan.url_verifikasi", note: "alamat verifikasi dokumen, dicetak sebagai kode QR bersama --tte"},
		keyRow{key: "tanda_tangan.paraf_di", optional: true, note: "tempat tabel paraf: pernyataan (bawaan) atau semua halaman", choices: []string{string(model.ParafPernyataan), string(model.ParafSemua)}},
		keyRow{key: "tanda_tangan.mengetahui.peran", note: "peran penanda tangan ketiga; bawaan Mengetahui,"},
	)
	for _, k := range pihakKeys {
		k.key = "tanda_tangan.mengetahui." + k.key
		ks = append(ks, k)
	}
	ks = append(ks,
		keyRow{key: "perubahan.mengubah", note: "PK Perubahan: berkas PK yang diubah"},
		keyRow{key: "perubahan.ke", kind: kindInteger, note: "PK Perubahan: perubahan ke-berapa"},
		keyRow{key: "perubahan.alasan", note: "PK Perubahan: alasan", choices: []string{string(model.AlasanPejabat), string(model.AlasanStrategi), string(model.AlasanPrioritas)}},
		keyRow{key: "perubahan.keterangan", note: "PK Perubahan: alasan dalam kata-kata"},
		keyRow{key: "perubahan.berlaku", kind: kindDate, note: "PK Perubahan: tanggal mulai berlaku TTTT-BB-HH"},
		keyRow{key: "perubahan.daftar_perubahan", kind: kindBool, note: "PK Perubahan: TRUE menambahkan Daftar Perubahan"},
		keyRow{key: "capaian.rumus_turun", note: "rumus capaian indikator turun", choices: []string{string(model.RumusDuaTKurangR), string(model.RumusTBagiR)}},
		keyRow{key: "capaian.batas", kind: kindDecimal, note: "batas capaian dalam persen (100 atau lebih); kosongkan untuk tanpa batas"},
		keyRow{key: "capaian.kolom", list: true, optional: true, note: "kolom tambahan lampiran capaian, satu per baris: " + strings.Join(model.KolomCapaian, ", ")},
	)
	return ks
}()

// column is a column of a table sheet.
type column struct {
	header   string // header: the TOML key
	kind     cellKind
	required bool // the column must be present when reading
	width    float64
	choices  []string
	readOnly bool // written for reading only; ignored when read back
	// optional columns are written only when some row has a value (see
	// keyRow.optional).
	optional bool
}

var lampiranColumns = []column{
	// Written only for a lampiran of sections (a workbook without the
	// column is one table, as before).
	{header: "sasaran.bagian", width: 14},
	{header: "kelompok", width: 18},
	{header: "sasaran.nomor", kind: kindInteger, width: 8},
	{header: "sasaran.uraian", required: true, width: 40},
	{header: "sasaran.induk", width: 24},
	{header: "indikator.kode", required: true, width: 12},
	{header: "indikator.uraian", required: true, width: 40},
	{header: "indikator.sumber_data", width: 14},
	{header: "indikator.satuan", width: 12},
	{header: "indikator.polaritas", width: 10, choices: []string{string(model.Naik), string(model.Turun)}},
	{header: "indikator.agregasi", width: 11, choices: []string{string(model.Akhir), string(model.Jumlah), string(model.RataRata)}},
	{header: "indikator.skala", width: 12},
	{header: "indikator.pengukuran", kind: kindMarkdown, width: 60},
	{header: "target.tw1", kind: kindValue, required: true, width: 11},
	{header: "target.tw2", kind: kindValue, required: true, width: 11},
	{header: "target.tw3", kind: kindValue, required: true, width: 11},
	{header: "target.tw4", kind: kindValue, required: true, width: 11},
	{header: "target.tahunan", kind: kindValue, required: true, width: 11},
	{header: "indikator.rumus_turun", width: 10, optional: true, choices: []string{string(model.RumusDuaTKurangR), string(model.RumusTBagiR)}},
	{header: "indikator.batas", kind: kindDecimal, width: 9, optional: true},
	{header: "indikator.kondisi_awal.nilai", kind: kindValue, width: 11, optional: true},
	{header: "indikator.kondisi_awal.tahun", kind: kindInteger, width: 9, optional: true},
	{header: "indikator.target_akhir.nilai", kind: kindValue, width: 11, optional: true},
	{header: "indikator.target_akhir.tahun", kind: kindInteger, width: 9, optional: true},
	{header: "indikator.target_akhir.dokumen", width: 12, optional: true},
	// The cascade's keys (pohon kinerja), last: a workbook without them
	// keeps its columns where they were.
	{header: "sasaran.mendukung", width: 14, optional: true},
	{header: "indikator.mendukung", width: 14, optional: true},
	{header: "indikator.agregasi_kaskade", width: 11, optional: true, choices: []string{string(model.Jumlah)}},
}

var anggaranColumns = []column{
	{header: "uraian", required: true, width: 60},
	{header: "jumlah", kind: kindInteger, required: true, width: 22},
	{header: "keterangan", width: 20},
}

// bagianColumns are the Bagian sheet's, one row per [[bagian]]; the sheet
// is written only for a lampiran of sections.
var bagianColumns = []column{
	{header: "nama", required: true, width: 16},
	{header: "judul", width: 40},
	{header: "lampiran", width: 14},
	{header: "nomor_lanjut", kind: kindBool, width: 12},
}

// parafColumns are the Paraf sheet's, one row per [[paraf]]; the sheet is
// written only for a document with paraf boxes.
var parafColumns = []column{
	{header: "jabatan", required: true, width: 30},
	{header: "nama", width: 30},
}

var kategoriColumns = []column{
	{header: "nama", required: true, width: 24},
	{header: "min", kind: kindDecimal, required: true, width: 10},
}

var skalaColumns = []column{
	{header: "skala", required: true, width: 16},
	{header: "angka", required: true, width: 10, choices: []string{string(model.AngkaSkor), string(model.AngkaNilai)}},
	{header: "label", required: true, width: 20},
	{header: "skor", kind: kindDecimal, width: 8},
	{header: "persen", kind: kindDecimal, required: true, width: 8},
}

var realisasiColumns = []column{
	{header: "sasaran.nomor", kind: kindInteger, readOnly: true, width: 8},
	{header: "indikator.kode", required: true, width: 12},
	{header: "indikator.uraian", readOnly: true, width: 40},
	{header: "indikator.satuan", readOnly: true, width: 12},
	{header: "target.tw1", kind: kindValue, readOnly: true, width: 11},
	{header: "realisasi.tw1", kind: kindValue, required: true, width: 11},
	{header: "target.tw2", kind: kindValue, readOnly: true, width: 11},
	{header: "realisasi.tw2", kind: kindValue, required: true, width: 11},
	{header: "target.tw3", kind: kindValue, readOnly: true, width: 11},
	{header: "realisasi.tw3", kind: kindValue, required: true, width: 11},
	{header: "target.tw4", kind: kindValue, readOnly: true, width: 11},
	{header: "realisasi.tw4", kind: kindValue, required: true, width: 11},
	{header: "target.tahunan", kind: kindValue, readOnly: true, width: 11},
	{header: "realisasi.tahun_lalu", kind: kindValue, width: 11},
	{header: "realisasi.kendala", kind: kindMarkdown, width: 40},
	{header: "realisasi.upaya", kind: kindMarkdown, width: 40},
	// Computed from a report's values (written only for a report with its
	// triwulan), as the capaian annex prints them.
	{header: "capaian.sd", kind: kindDecimal, readOnly: true, width: 11},
	{header: "capaian.kategori", readOnly: true, width: 16},
}

var laporanKeys = []keyRow{
	{key: "pk", note: "berkas PK yang dilaporkan, relatif terhadap berkas realisasi (wajib)"},
	{key: "tahun", kind: kindInteger, note: "tahun laporan; harus sama dengan tahun PK"},
	{key: "triwulan", kind: kindInteger, note: "triwulan terakhir yang dilaporkan, 1–4 (wajib)", choices: []string{"1", "2", "3", "4"}},
}
