// Package spreadsheet carries a PK and a realisasi report to and from an
// XLSX workbook, for the colleagues who prefer to fill targets and
// realisasi in a spreadsheet, and writes them back as TOML.
//
// A PK workbook has the sheets Dokumen (one row per key: kunci, nilai,
// keterangan), Lampiran (one row per indicator), Anggaran (one row per
// [[anggaran]]) and, when the document has them, Kategori and Skala (the
// [capaian] tables). A realisasi workbook has Laporan (pk, tahun,
// triwulan) and Realisasi (one row per indicator of the PK: its targets,
// read only, beside the realisasi cells). Column headers are the TOML keys
// ("indikator.kode", "target.tw1"), so columns may be reordered; other
// sheets are ignored. Reading is strict like the TOML loader: a missing or
// unknown column, text in a number cell or a merged cell is reported with
// its sheet and cell.
package spreadsheet

import "pkgen/model"

// Sheet names.
const (
	LembarPetunjuk  = "Petunjuk"
	LembarDokumen   = "Dokumen"
	LembarLampiran  = "Lampiran"
	LembarAnggaran  = "Anggaran"
	LembarKategori  = "Kategori"
	LembarSkala     = "Skala"
	LembarLaporan   = "Laporan"
	LembarRealisasi = "Realisasi"
)

// jenisSel is what a cell holds.
type jenisSel int

const (
	selTeks     jenisSel = iota // text; a number is taken as written
	selNIP                      // text of digits; a number cell is refused (Excel keeps 15 digits)
	selBulat                    // integer
	selAngka                    // decimal number
	selTanggal                  // date
	selBoolean                  // TRUE/FALSE
	selMarkdown                 // text kept with its line breaks
	selNilai                    // a target or realisasi value: number, percent or text
)

// kunciDok is one row of the Dokumen sheet.
type kunciDok struct {
	kunci   string
	jenis   jenisSel
	daftar  bool // one row per item (kop, templat)
	ket     string
	pilihan []string // allowed values, offered as a drop-down
}

var pihakKeys = []kunciDok{
	{kunci: "nama", ket: "nama seperti biasa ditulis, tanpa gelar"},
	{kunci: "gelar_depan", ket: "gelar di depan nama: Dr."},
	{kunci: "gelar_belakang", ket: "gelar di belakang nama: S.H., M.Si."},
	{kunci: "nip", jenis: selNIP, ket: "NIP 18 angka, sebagai teks; kosongkan untuk pejabat tanpa NIP"},
	{kunci: "jabatan", ket: "jabatan: Walikota"},
	{kunci: "unit_kerja", ket: "unit kerja, dicetak bersama jabatan"},
	{kunci: "pangkat", ket: "pangkat/golongan: Pembina (IV/a)"},
	{kunci: "status", ket: "awalan pejabat sementara", pilihan: []string{"Pj.", "Plt.", "Plh."}},
}

// kunciDokumen lists the Dokumen sheet's keys in order.
var kunciDokumen = func() []kunciDok {
	ks := []kunciDok{
		{kunci: "tahun", jenis: selBulat, ket: "tahun perjanjian, 2000–2100 (wajib)"},
		{kunci: "jenis", ket: "pk atau perubahan", pilihan: []string{string(model.JenisPK), string(model.JenisPerubahan)}},
		{kunci: "tingkat", ket: "tingkat PIHAK PERTAMA", pilihan: []string{string(model.KepalaDaerah), string(model.KepalaPerangkatDaerah), string(model.EselonIII), string(model.EselonIV)}},
		{kunci: "kertas", ket: "ukuran kertas", pilihan: []string{string(model.A4), string(model.F4)}},
		{kunci: "format_angka", ket: "id (86,75) atau en (86.75)", pilihan: []string{"id", "en"}},
		{kunci: "tempat", ket: "tempat pada baris tanggal (wajib)"},
		{kunci: "tanggal", jenis: selTanggal, ket: "tanggal penandatanganan TTTT-BB-HH; kosongkan untuk ditulis tangan"},
		{kunci: "lampiran", ket: "bentuk lampiran: dki, eselon2, eselon3, eselon4, tahunan, bertingkat atau nama sendiri"},
		{kunci: "templat", daftar: true, ket: "varian kata-kata atau berkas templat, satu per baris"},
		{kunci: "instansi.kop", daftar: true, ket: "baris kop, satu per baris (wajib)"},
		{kunci: "instansi.logo", ket: "berkas logo PNG/JPEG, relatif terhadap berkas TOML"},
	}
	for _, p := range []string{"pihak_pertama", "pihak_kedua"} {
		for _, k := range pihakKeys {
			k.kunci = p + "." + k.kunci
			if p == "pihak_kedua" && k.kunci == "pihak_kedua.nama" {
				k.ket += "; kosongkan semua baris pihak_kedua untuk PK satu pihak"
			}
			ks = append(ks, k)
		}
	}
	ks = append(ks,
		kunciDok{kunci: "tanda_tangan.nip", ket: "cara mencetak NIP", pilihan: []string{string(model.NIPRapat), string(model.NIPKelompok)}},
		kunciDok{kunci: "tanda_tangan.baris_tanggal", jenis: selBoolean, ket: "FALSE menghilangkan baris tempat dan tanggal"},
		kunciDok{kunci: "tanda_tangan.url_verifikasi", ket: "alamat verifikasi dokumen, dicetak sebagai kode QR bersama --tte"},
		kunciDok{kunci: "tanda_tangan.mengetahui.peran", ket: "peran penanda tangan ketiga; bawaan Mengetahui,"},
	)
	for _, k := range pihakKeys {
		k.kunci = "tanda_tangan.mengetahui." + k.kunci
		ks = append(ks, k)
	}
	ks = append(ks,
		kunciDok{kunci: "perubahan.mengubah", ket: "PK Perubahan: berkas PK yang diubah"},
		kunciDok{kunci: "perubahan.ke", jenis: selBulat, ket: "PK Perubahan: perubahan ke-berapa"},
		kunciDok{kunci: "perubahan.alasan", ket: "PK Perubahan: alasan", pilihan: []string{string(model.AlasanPejabat), string(model.AlasanStrategi), string(model.AlasanPrioritas)}},
		kunciDok{kunci: "perubahan.keterangan", ket: "PK Perubahan: alasan dalam kata-kata"},
		kunciDok{kunci: "perubahan.berlaku", jenis: selTanggal, ket: "PK Perubahan: tanggal mulai berlaku TTTT-BB-HH"},
		kunciDok{kunci: "perubahan.daftar_perubahan", jenis: selBoolean, ket: "PK Perubahan: TRUE menambahkan Daftar Perubahan"},
		kunciDok{kunci: "capaian.rumus_turun", ket: "rumus capaian indikator turun", pilihan: []string{string(model.RumusDuaTKurangR), string(model.RumusTBagiR)}},
		kunciDok{kunci: "capaian.batas", jenis: selAngka, ket: "batas capaian dalam persen (100 atau lebih); kosongkan untuk tanpa batas"},
	)
	return ks
}()

// kolom is a column of a table sheet.
type kolom struct {
	judul   string // header: the TOML key
	jenis   jenisSel
	wajib   bool // the column must be present when reading
	lebar   float64
	pilihan []string
	info    bool // written for reading only; ignored when read back
}

var kolomLampiran = []kolom{
	{judul: "kelompok", lebar: 18},
	{judul: "sasaran.nomor", jenis: selBulat, lebar: 8},
	{judul: "sasaran.uraian", wajib: true, lebar: 40},
	{judul: "sasaran.induk", lebar: 24},
	{judul: "indikator.kode", wajib: true, lebar: 12},
	{judul: "indikator.uraian", wajib: true, lebar: 40},
	{judul: "indikator.sumber_data", lebar: 14},
	{judul: "indikator.satuan", lebar: 12},
	{judul: "indikator.polaritas", lebar: 10, pilihan: []string{string(model.Naik), string(model.Turun)}},
	{judul: "indikator.agregasi", lebar: 11, pilihan: []string{string(model.Akhir), string(model.Jumlah), string(model.RataRata)}},
	{judul: "indikator.skala", lebar: 12},
	{judul: "indikator.pengukuran", jenis: selMarkdown, lebar: 60},
	{judul: "target.tw1", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw2", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw3", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw4", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tahunan", jenis: selNilai, wajib: true, lebar: 11},
}

var kolomAnggaran = []kolom{
	{judul: "uraian", wajib: true, lebar: 60},
	{judul: "jumlah", jenis: selBulat, wajib: true, lebar: 22},
	{judul: "keterangan", lebar: 20},
}

var kolomKategori = []kolom{
	{judul: "nama", wajib: true, lebar: 24},
	{judul: "min", jenis: selAngka, wajib: true, lebar: 10},
}

var kolomSkala = []kolom{
	{judul: "skala", wajib: true, lebar: 16},
	{judul: "angka", wajib: true, lebar: 10, pilihan: []string{string(model.AngkaSkor), string(model.AngkaNilai)}},
	{judul: "label", wajib: true, lebar: 20},
	{judul: "skor", jenis: selAngka, lebar: 8},
	{judul: "persen", jenis: selAngka, wajib: true, lebar: 8},
}

var kolomRealisasi = []kolom{
	{judul: "sasaran.nomor", jenis: selBulat, info: true, lebar: 8},
	{judul: "indikator.kode", wajib: true, lebar: 12},
	{judul: "indikator.uraian", info: true, lebar: 40},
	{judul: "indikator.satuan", info: true, lebar: 12},
	{judul: "target.tw1", jenis: selNilai, info: true, lebar: 11},
	{judul: "realisasi.tw1", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw2", jenis: selNilai, info: true, lebar: 11},
	{judul: "realisasi.tw2", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw3", jenis: selNilai, info: true, lebar: 11},
	{judul: "realisasi.tw3", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tw4", jenis: selNilai, info: true, lebar: 11},
	{judul: "realisasi.tw4", jenis: selNilai, wajib: true, lebar: 11},
	{judul: "target.tahunan", jenis: selNilai, info: true, lebar: 11},
	{judul: "realisasi.tahun_lalu", jenis: selNilai, lebar: 11},
	{judul: "realisasi.kendala", jenis: selMarkdown, lebar: 40},
	{judul: "realisasi.upaya", jenis: selMarkdown, lebar: 40},
}

var kunciLaporan = []kunciDok{
	{kunci: "pk", ket: "berkas PK yang dilaporkan, relatif terhadap berkas realisasi (wajib)"},
	{kunci: "tahun", jenis: selBulat, ket: "tahun laporan; harus sama dengan tahun PK"},
	{kunci: "triwulan", jenis: selBulat, ket: "triwulan terakhir yang dilaporkan, 1–4 (wajib)", pilihan: []string{"1", "2", "3", "4"}},
}
