package schema

import (
	"github.com/invopop/jsonschema"
)

// The types below mirror the TOML files key for key; they exist only to be
// reflected into JSON Schema. The model package decodes the TOML by hand
// (model/decode.go and its sub-decoders), so every key it reads must have a
// field here with the same name: the tests check the schema against the
// loader on every example and on files with unknown keys.

// Document is a PK file.
type Document struct {
	Tahun         int          `json:"tahun" jsonschema:"required,minimum=2000,maximum=2100" jsonschema_description:"Tahun perjanjian kinerja, 2000–2100, tanpa tanda kutip: tahun = 2023."`
	Jenis         string       `json:"jenis,omitempty" jsonschema:"enum=pk,enum=perubahan,default=pk" jsonschema_description:"Jenis dokumen: \"pk\" (bawaan) atau \"perubahan\" (PK Perubahan; judul menyebut PERUBAHAN dan tabel [perubahan] wajib ada)."`
	Tingkat       string       `json:"tingkat,omitempty" jsonschema:"enum=kepala-daerah,enum=kepala-perangkat-daerah,enum=eselon-iii,enum=eselon-iv,enum=eselon-i,enum=eselon-ii,enum=unit-vertikal,default=kepala-perangkat-daerah" jsonschema_description:"Tingkat PIHAK PERTAMA; menentukan judul lampiran dan kata-kata janji. Pemerintah daerah: \"kepala-daerah\", \"kepala-perangkat-daerah\" (bawaan), \"eselon-iii\", \"eselon-iv\". Kementerian/lembaga: \"eselon-i\" (Deputi, Direktur Jenderal; dengan Menteri), \"eselon-ii\" (Direktur, Kepala Biro), \"unit-vertikal\" (Kepala Kantor/Balai/Perwakilan; dengan Eselon I-nya)."`
	Kertas        string       `json:"kertas,omitempty" jsonschema:"enum=A4,enum=F4,default=A4" jsonschema_description:"Ukuran kertas: \"A4\" (bawaan) atau \"F4\" (215 × 330 mm)."`
	FormatAngka   string       `json:"format_angka,omitempty" jsonschema:"enum=id,enum=en,default=id" jsonschema_description:"Cara mencetak angka: \"id\" (bawaan: 86,75 dan 12.345) atau \"en\" (86.75 dan 12,345)."`
	Tempat        string       `json:"tempat,omitempty" jsonschema:"minLength=1" jsonschema_description:"Tempat pada baris tanggal: tempat = \"Jakarta\". Wajib, kecuali dokumen hanya_lampiran."`
	Tanggal       TanggalPK    `json:"tanggal,omitempty" jsonschema_description:"Tanggal penandatanganan sebagai tanggal TOML tanpa tanda kutip (tanggal = 2023-02-15), dicetak \"15 Februari 2023\", atau bulannya saja dalam tanda kutip (tanggal = \"2023-01\"), dicetak \"Januari 2023\". Hapus untuk mengisi tanggal dengan tangan."`
	Lampiran      string       `json:"lampiran,omitempty" jsonschema:"minLength=1,default=dki,example=dki,example=eselon2,example=eselon3,example=eselon4,example=tahunan,example=bertingkat,example=program,example=kegiatan" jsonschema_description:"Bentuk tabel lampiran: \"dki\" (bawaan), \"eselon2\", \"eselon3\", \"eselon4\", \"tahunan\", \"bertingkat\", \"program\" dan \"kegiatan\" (kementerian/lembaga), atau nama set kolom sendiri (lampiran-NAMA.toml)."`
	Templat       []string     `json:"templat,omitempty" jsonschema_description:"Varian kata-kata (\"pihak-kesatu\", \"atasan-langsung\", \"sebut-target\") dan berkas templat (.tmpl, lampiran-NAMA.toml, relatif terhadap berkas ini) yang diterapkan berurutan di atas kata-kata bawaan."`
	PKInduk       string       `json:"pk_induk,omitempty" jsonschema:"minLength=1,example=kabupaten-contoh-dinas-kesehatan-2024.toml" jsonschema_description:"Berkas PK tingkat di atasnya (pohon kinerja), relatif terhadap berkas ini dan di dalam folder akar: pk_induk = \"dinas-kesehatan-2024.toml\". Diperiksa oleh pkgen check dan pkgen kaskade. Tanpa kunci ini PK adalah puncak pohon."`
	Identitas     *[]string    `json:"identitas_lampiran,omitempty" jsonschema:"uniqueItems=true,enum=nama,enum=nip,enum=jabatan,enum=unit_kerja,enum=unit_organisasi_eselon_i,enum=unit_organisasi,enum=satker,enum=tahun_anggaran" jsonschema_description:"Baris di bawah judul lampiran, berurutan: \"nama\", \"nip\", \"jabatan\", \"unit_kerja\" (PIHAK PERTAMA), \"unit_organisasi_eselon_i\", \"unit_organisasi\", \"satker\" (dari [instansi]), \"tahun_anggaran\" (tahun PK). [] menghilangkan semuanya; bawaan: nama, nip, jabatan, unit_kerja lalu kunci [instansi] yang diisi."`
	Perubahan     *Perubahan   `json:"perubahan,omitempty" jsonschema_description:"PK Perubahan (jenis = \"perubahan\"): versi yang diubah, urutan, alasan dan tanggal berlaku. Hanya untuk jenis = \"perubahan\", dan wajib di sana."`
	Instansi      Instansi     `json:"instansi,omitempty" jsonschema_description:"Instansi yang menerbitkan: baris kop dan logo, dan baris kepala lampiran formulir kementerian/lembaga (unit organisasi, satker)."`
	HanyaLampiran bool         `json:"hanya_lampiran,omitempty" jsonschema:"default=false" jsonschema_description:"true: dokumen ini hanya tabel lampiran (Tapkin, atau tabel PK yang dilampirkan pada surat lain): tanpa halaman pernyataan; para pihak dan tempat boleh tidak diisi, dan tanpa mereka lampiran tidak punya baris identitas dan tanda tangan penutup."`
	PihakPertama  *Pihak       `json:"pihak_pertama,omitempty" jsonschema_description:"PIHAK PERTAMA: pejabat yang berjanji. Wajib, kecuali dokumen hanya_lampiran."`
	PihakKedua    *Pihak       `json:"pihak_kedua,omitempty" jsonschema_description:"PIHAK KEDUA: atasan PIHAK PERTAMA. Hapus tabel ini untuk PK satu pihak (Kepala Daerah menandatangani sendiri)."`
	TandaTangan   *TandaTangan `json:"tanda_tangan,omitempty" jsonschema_description:"Pilihan blok tanda tangan (opsional)."`
	Capaian       *Capaian     `json:"capaian,omitempty" jsonschema_description:"Aturan menghitung capaian (opsional): rumus indikator turun, batas, tabel kategori dan skala kategori."`
	Bagian        []Bagian     `json:"bagian,omitempty" jsonschema:"minItems=1" jsonschema_description:"Lampiran beberapa tabel: satu [[bagian]] per tabel, berurutan, masing-masing dengan judul, kumpulan kolom dan penomoran sendiri. Setiap [[sasaran]] lalu menyebut bagian-nya (bagian = \"nama\")."`
	Sasaran       []Sasaran    `json:"sasaran" jsonschema:"required,minItems=1" jsonschema_description:"Satu [[sasaran]] per sasaran, berurutan; nomornya dihitung pkgen, jangan diketik."`
	Anggaran      []Anggaran   `json:"anggaran,omitempty" jsonschema_description:"Baris tabel anggaran bentuk peraturan (eselon2, eselon3, eselon4, bertingkat), berurutan; jumlah totalnya dihitung pkgen."`
	Paraf         []Paraf      `json:"paraf,omitempty" jsonschema:"minItems=1,maxItems=6" jsonschema_description:"Paraf koordinasi: satu [[paraf]] per kotak paraf (mis. Sekretaris, Kasubag Perencanaan), dari kiri, dicetak di kaki halaman pernyataan (atau setiap halaman: [tanda_tangan] paraf_di = \"semua\"), pada draf maupun versi akhir; paling banyak 6."`
	NomorHalaman  string       `json:"nomor_halaman,omitempty" jsonschema:"enum=lampiran,enum=semua,default=lampiran" jsonschema_description:"Halaman yang diberi nomor \"Halaman k dari n\": \"lampiran\" (bawaan: halaman lampiran) atau \"semua\" (halaman pernyataan juga)."`
}

// Paraf is one [[paraf]].
type Paraf struct {
	Jabatan string `json:"jabatan" jsonschema:"required,minLength=1" jsonschema_description:"Jabatan pemaraf, dicetak di atas kotak paraf: \"Sekretaris\"."`
	Nama    string `json:"nama,omitempty" jsonschema_description:"Nama pemaraf (opsional), dicetak kecil di bawah kotak."`
}

// JSONSchemaExtend requires [perubahan] exactly for jenis = "perubahan",
// and tempat and [pihak_pertama] unless hanya_lampiran = true (then
// [pihak_pertama] when another party is given) and [instansi], as the loader does.
func (Document) JSONSchemaExtend(s *jsonschema.Schema) {
	jenis := jsonschema.NewProperties()
	jenis.Set("jenis", &jsonschema.Schema{Const: "perubahan"})
	perubahan := &jsonschema.Schema{
		If:   &jsonschema.Schema{Properties: jenis, Required: []string{"jenis"}},
		Then: &jsonschema.Schema{Required: []string{"perubahan"}},
		Else: &jsonschema.Schema{Not: &jsonschema.Schema{Required: []string{"perubahan"}}},
	}
	only := jsonschema.NewProperties()
	only.Set("hanya_lampiran", &jsonschema.Schema{Const: true})
	third := jsonschema.NewProperties()
	third.Set("tanda_tangan", &jsonschema.Schema{Required: []string{"mengetahui"}})
	otherParty := &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Required: []string{"pihak_kedua"}},
		{Required: []string{"tanda_tangan"}, Properties: third},
	}}
	parties := &jsonschema.Schema{
		If:   &jsonschema.Schema{Properties: only, Required: []string{"hanya_lampiran"}},
		Then: &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Required: []string{"pihak_pertama"}}, {Not: otherParty}}},
		Else: &jsonschema.Schema{Required: []string{"tempat", "instansi", "pihak_pertama"}},
	}
	s.AllOf = []*jsonschema.Schema{perubahan, parties}
}

// Instansi is [instansi].
type Instansi struct {
	Kop                   []KopBaris `json:"kop,omitempty" jsonschema_description:"Baris kop halaman pernyataan, mis. [\"PEMERINTAH PROVINSI DAERAH KHUSUS\", \"IBUKOTA JAKARTA\"]: teks dicetak tebal; baris bergaya lain ditulis { teks = \"Jalan …\", gaya = \"alamat\" }. Boleh tidak ada atau kosong bila logo diisi (kop lambang saja)."`
	Logo                  string     `json:"logo,omitempty" jsonschema:"minLength=1" jsonschema_description:"Berkas PNG atau JPEG kop, relatif terhadap berkas ini: di kiri baris kop (bawaan) atau di atasnya (tata_kop = \"tengah\"); tanpa baris kop, di tengah."`
	TataKop               string     `json:"tata_kop,omitempty" jsonschema:"enum=kiri,enum=tengah,default=kiri" jsonschema_description:"Letak logo bila ada baris kop: \"kiri\" (bawaan: logo di kiri, baris kop di tengah ruang sisanya, bentuk kop Dinas) atau \"tengah\" (logo di tengah di atas kop)."`
	UnitOrganisasiEselonI string     `json:"unit_organisasi_eselon_i,omitempty" jsonschema_description:"Baris \"Unit Organisasi Eselon I\" di bawah judul lampiran (formulir kementerian/lembaga): \"Direktorat Jenderal Tanaman Pangan\"."`
	UnitOrganisasi        string     `json:"unit_organisasi,omitempty" jsonschema_description:"Baris \"Unit Organisasi\" di bawah judul lampiran: \"Direktorat Serealia\"."`
	Satker                string     `json:"satker,omitempty" jsonschema_description:"Baris \"Satker\" (satuan kerja) di bawah judul lampiran: \"Balai Besar Peramalan Organisme Pengganggu Tumbuhan\"."`
}

// JSONSchemaExtend requires a kop of at least one line unless there is a
// logo, as the loader does.
func (Instansi) JSONSchemaExtend(s *jsonschema.Schema) {
	kop := jsonschema.NewProperties()
	kop.Set("kop", &jsonschema.Schema{MinItems: ptr(uint64(1))})
	s.AnyOf = []*jsonschema.Schema{{Required: []string{"logo"}}, {Required: []string{"kop"}, Properties: kop}}
}

func ptr[T any](v T) *T { return &v }

// KopBaris is one kop line: a string (a bold name line) or a line with
// its style.
type KopBaris struct{}

// JSONSchema describes a string or { teks, gaya }.
func (KopBaris) JSONSchema() *jsonschema.Schema {
	props := jsonschema.NewProperties()
	props.Set("teks", &jsonschema.Schema{Type: "string", MinLength: ptr(uint64(1)), Description: "Teks baris kop."})
	props.Set("gaya", &jsonschema.Schema{Type: "string", Enum: []any{"nama", "besar", "alamat"}, Default: "nama",
		Description: "Gaya baris: \"nama\" (bawaan: tebal), \"besar\" (tebal, lebih besar: nama instansi sendiri), \"alamat\" (kecil, tidak tebal: alamat, telepon, laman)."})
	return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
		{Type: "string"},
		{Type: "object", Properties: props, Required: []string{"teks"}, AdditionalProperties: jsonschema.FalseSchema},
	}}
}

// Pihak is [pihak_pertama] or [pihak_kedua].
type Pihak struct {
	Nama          string `json:"nama" jsonschema:"required,minLength=1" jsonschema_description:"Nama seperti biasa ditulis (\"Dhany Sukma\"), tanpa gelar; halaman pernyataan mencetaknya kapital sendiri."`
	GelarDepan    string `json:"gelar_depan,omitempty" jsonschema_description:"Gelar di depan nama: \"Dr.\"."`
	GelarBelakang string `json:"gelar_belakang,omitempty" jsonschema_description:"Gelar di belakang nama: \"S.H., M.Si.\"."`
	NIP           string `json:"nip,omitempty" jsonschema:"pattern=^\\s*([0-9]{18}|[0-9]{8} [0-9]{6} [0-9] [0-9]{3})\\s*$" jsonschema_description:"NIP 18 angka dalam tanda kutip, rapat (\"197403091993111001\") atau dikelompokkan (\"19740309 199311 1 001\"). Hapus untuk pejabat tanpa NIP."`
	Jabatan       string `json:"jabatan" jsonschema:"required,minLength=1" jsonschema_description:"Jabatan: \"Walikota\"."`
	UnitKerja     string `json:"unit_kerja,omitempty" jsonschema_description:"Unit kerja: \"Kota Administrasi Jakarta Pusat\"; dicetak bersama jabatan."`
	Pangkat       string `json:"pangkat,omitempty" jsonschema_description:"Pangkat/golongan: \"Pembina Utama Madya (IV/d)\"; dicetak di bawah nama."`
	Status        string `json:"status,omitempty" jsonschema:"enum=Pj.,enum=Plt.,enum=Plh." jsonschema_description:"Awalan pejabat sementara sebelum jabatan: \"Pj.\", \"Plt.\" atau \"Plh.\"."`
}

// TandaTangan is [tanda_tangan].
type TandaTangan struct {
	NIP             string      `json:"nip,omitempty" jsonschema:"enum=rapat,enum=kelompok,default=rapat" jsonschema_description:"Cara mencetak NIP: \"rapat\" (bawaan: NIP 197403091993111001) atau \"kelompok\" (NIP. 19740309 199311 1 001)."`
	BarisTanggal    *bool       `json:"baris_tanggal,omitempty" jsonschema:"default=true" jsonschema_description:"false menghilangkan baris tempat dan tanggal di atas tanda tangan (bawaan true)."`
	KomaJabatan     *bool       `json:"koma_jabatan,omitempty" jsonschema:"default=true" jsonschema_description:"false mencetak jabatan di atas tanda tangan persis seperti ditulis, tanpa koma di belakangnya (bawaan true; jabatan yang sudah berakhir dengan tanda baca tidak diberi koma)."`
	PeranDiLampiran bool        `json:"peran_di_lampiran,omitempty" jsonschema:"default=false" jsonschema_description:"true mencetak baris peran (PIHAK KEDUA, / PIHAK PERTAMA,) juga di atas tanda tangan penutup lampiran."`
	Mengetahui      *Mengetahui `json:"mengetahui,omitempty" jsonschema_description:"Penanda tangan ketiga di tengah bawah (\"Mengetahui,\"): kunci sebuah pihak ditambah peran."`
	ParafDi         string      `json:"paraf_di,omitempty" jsonschema:"enum=pernyataan,enum=semua,default=pernyataan" jsonschema_description:"Tempat tabel paraf [[paraf]]: \"pernyataan\" (bawaan: kaki halaman pernyataan) atau \"semua\" (kaki setiap halaman)."`
	URLVerifikasi   string      `json:"url_verifikasi,omitempty" jsonschema:"pattern=^https?://[^ ]+$,maxLength=300" jsonschema_description:"Alamat web untuk memverifikasi dokumen yang ditandatangani; dengan --tte dicetak sebagai kode QR di kotak tanda tangan."`
}

// Mengetahui is [tanda_tangan.mengetahui]: a pihak and its role line.
type Mengetahui struct {
	Peran string `json:"peran,omitempty" jsonschema_description:"Baris peran di atas tanda tangan; bawaan \"Mengetahui,\"."`
	Pihak
}

// Perubahan is [perubahan].
type Perubahan struct {
	Mengubah        string  `json:"mengubah" jsonschema:"required,minLength=1" jsonschema_description:"Berkas PK yang diubah, relatif terhadap berkas ini: \"jakarta-pusat-2023.toml\"; harus PK yang sah dari unit dan tahun yang sama."`
	Ke              int     `json:"ke" jsonschema:"required,minimum=1,maximum=20" jsonschema_description:"Urutan perubahan: 1 untuk perubahan pertama, 2 untuk kedua."`
	Alasan          string  `json:"alasan" jsonschema:"required,enum=pejabat,enum=strategi,enum=prioritas" jsonschema_description:"Alasan menurut PermenPAN-RB 53/2014: \"pejabat\" (pejabat berganti), \"strategi\" (strategi, program atau anggaran berubah), \"prioritas\" (prioritas atau asumsi berubah signifikan)."`
	Keterangan      string  `json:"keterangan,omitempty" jsonschema_description:"Alasan dalam kata-kata, dicetak di halaman pernyataan."`
	Berlaku         Tanggal `json:"berlaku" jsonschema:"required" jsonschema_description:"Tanggal mulai berlaku tanpa tanda kutip (berlaku = 2023-07-01); triwulannya yang pertama diukur dengan perubahan ini."`
	DaftarPerubahan bool    `json:"daftar_perubahan,omitempty" jsonschema:"default=false" jsonschema_description:"true menambahkan lampiran \"Daftar Perubahan\" (setiap perubahan per kode indikator, lama → baru)."`
}

// Capaian is [capaian].
type Capaian struct {
	RumusTurun string            `json:"rumus_turun,omitempty" jsonschema:"enum=2T-R,enum=T/R,default=2T-R" jsonschema_description:"Rumus capaian indikator turun (makin rendah makin baik): \"2T-R\" (bawaan: (2×T − R)/T × 100) atau \"T/R\" (T/R × 100)."`
	Batas      float64           `json:"batas,omitempty" jsonschema:"minimum=100" jsonschema_description:"Batas atas capaian dalam persen (100 atau lebih, mis. 120); hapus untuk tanpa batas."`
	Kategori   []KategoriCapaian `json:"kategori,omitempty" jsonschema:"minItems=1" jsonschema_description:"Tabel kategori capaian; tanpa tabel ini: ≥ 100 Tercapai, 90 s.d. < 100 Hampir tercapai, < 90 Tidak tercapai."`
	Skala      map[string]Skala  `json:"skala,omitempty" jsonschema_description:"Skala kategori yang dinyatakan dokumen ([capaian.skala.NAMA]); \"opini\" dan \"predikat\" sudah tersedia dan dapat diganti."`
	Kolom      []string          `json:"kolom,omitempty" jsonschema:"uniqueItems=true,enum=kondisi_awal,enum=tahun_lalu,enum=tahunan,enum=target_akhir" jsonschema_description:"Kolom tambahan lampiran capaian: \"kondisi_awal\", \"tahun_lalu\" (realisasi tahun lalu dari berkas realisasi), \"tahunan\" (target tahunan dan capaian terhadapnya), \"target_akhir\" (target akhir RPJMD/Renstra dan capaian terhadapnya)."`
}

// KategoriCapaian is one [[capaian.kategori]].
type KategoriCapaian struct {
	Nama string  `json:"nama" jsonschema:"required,minLength=1" jsonschema_description:"Nama kategori: \"Tercapai\"."`
	Min  float64 `json:"min,omitempty" jsonschema_description:"Capaian terendah (persen) kategori ini; hanya kategori terbawah yang boleh tanpa min."`
}

// Skala is one [capaian.skala.NAMA].
type Skala struct {
	Angka   string         `json:"angka,omitempty" jsonschema:"enum=skor,enum=nilai,default=skor" jsonschema_description:"Arti angka pada kategori: \"skor\" (bawaan: \"(3) WTP\" adalah skor tingkat) atau \"nilai\" (\"A (82)\" adalah nilai yang diukur)."`
	Tingkat []TingkatSkala `json:"tingkat" jsonschema:"required,minItems=1" jsonschema_description:"Tingkat skala, terbaik lebih dulu: tingkat = [ { label = \"WTP\", skor = 3, persen = 100 }, ... ]."`
}

// TingkatSkala is one level of a scale.
type TingkatSkala struct {
	Label  string  `json:"label" jsonschema:"required,minLength=1" jsonschema_description:"Label tingkat: \"WTP\"."`
	Skor   float64 `json:"skor,omitempty" jsonschema_description:"Skor tingkat (hanya untuk skala angka = \"skor\")."`
	Persen float64 `json:"persen" jsonschema:"required,minimum=0" jsonschema_description:"Nilai tingkat ini dalam persen terhadap tingkat terbaik, mis. 75."`
}

// Bagian is one [[bagian]].
type Bagian struct {
	Nama        string `json:"nama" jsonschema:"required,minLength=1" jsonschema_description:"Nama bagian yang disebut sasaran.bagian: \"program\"; unik dalam berkas."`
	Judul       string `json:"judul,omitempty" jsonschema_description:"Judul yang dicetak di atas tabel bagian ini: \"A. SASARAN PROGRAM\"."`
	Lampiran    string `json:"lampiran,omitempty" jsonschema:"minLength=1,example=eselon2,example=eselon3,example=eselon4,example=program,example=kegiatan,example=dki,example=tahunan,example=bertingkat" jsonschema_description:"Kumpulan kolom tabel ini: bentuk bawaan (\"eselon3\", \"kegiatan\", …) atau nama set kolom sendiri (lampiran-NAMA.toml); bawaan: lampiran dokumen."`
	NomorLanjut bool   `json:"nomor_lanjut,omitempty" jsonschema:"default=false" jsonschema_description:"true melanjutkan nomor sasaran dari bagian sebelumnya; bawaan nomor mulai lagi dari 1."`
}

// Sasaran is one [[sasaran]].
type Sasaran struct {
	Bagian    string      `json:"bagian,omitempty" jsonschema:"minLength=1" jsonschema_description:"Nama [[bagian]] (tabel lampiran) tempat sasaran ini; wajib bila dokumen punya [[bagian]]. Sasaran satu bagian berurutan, menurut urutan [[bagian]]."`
	Kelompok  string      `json:"kelompok,omitempty" jsonschema:"example=Sasaran Strategis,example=Sasaran Khusus,example=Sasaran Operasional" jsonschema_description:"Kelompok sasaran (\"Sasaran Strategis\"); baris kelompok dicetak di tempat kelompok berganti. Sasaran satu kelompok harus berurutan."`
	Induk     string      `json:"induk,omitempty" jsonschema_description:"Sasaran induk (sasaran program di atas sasaran kegiatan); sasaran berurutan dengan induk yang sama berbagi satu sel pada lampiran \"bertingkat\"."`
	Uraian    string      `json:"uraian" jsonschema:"required,minLength=1" jsonschema_description:"Uraian sasaran."`
	Mendukung []string    `json:"mendukung,omitempty" jsonschema:"minItems=1" jsonschema_description:"Kode indikator PK induk (pk_induk) yang didukung sasaran ini: mendukung = [\"DK-03\"]."`
	Indikator []Indikator `json:"indikator" jsonschema:"required,minItems=1" jsonschema_description:"Satu [[sasaran.indikator]] per indikator sasaran ini (setidaknya satu)."`
}

// Indikator is one [[sasaran.indikator]].
type Indikator struct {
	Kode        string       `json:"kode" jsonschema:"required,minLength=1" jsonschema_description:"Kode tetap indikator, unik dalam berkas (\"IK-01\"); realisasi dan perubahan mengacu ke kode ini."`
	Uraian      string       `json:"uraian" jsonschema:"required,minLength=1" jsonschema_description:"Uraian indikator kinerja."`
	SumberData  string       `json:"sumber_data,omitempty" jsonschema_description:"Sumber data: \"e-SAKIP\"."`
	Pengukuran  string       `json:"pengukuran,omitempty" jsonschema_description:"Definisi dan cara pengukuran dalam Markdown (**tebal**, *miring*, daftar 1. dan -, baris kosong untuk paragraf baru); tulis di antara ''' dan '''."`
	Satuan      string       `json:"satuan,omitempty" jsonschema_description:"Satuan, dicetak di kolom Keterangan: \"Persen\"."`
	Polaritas   string       `json:"polaritas,omitempty" jsonschema:"enum=naik,enum=turun,default=naik" jsonschema_description:"\"naik\" (bawaan: makin tinggi makin baik) atau \"turun\" (makin rendah makin baik)."`
	Agregasi    string       `json:"agregasi,omitempty" jsonschema:"enum=akhir,enum=jumlah,enum=rata-rata,default=akhir" jsonschema_description:"Cara triwulan membentuk target tahunan: \"akhir\" (bawaan: kumulatif, triwulan terakhir), \"jumlah\" (dijumlahkan), \"rata-rata\"."`
	Mendukung   []string     `json:"mendukung,omitempty" jsonschema:"minItems=1" jsonschema_description:"Kode indikator PK induk (pk_induk) yang didukung indikator ini: mendukung = [\"DK-03\"]."`
	Kaskade     string       `json:"agregasi_kaskade,omitempty" jsonschema:"enum=jumlah" jsonschema_description:"\"jumlah\": target indikator PK bawahan yang mendukung indikator ini (bersatuan sama) harus berjumlah sama dengan targetnya, per triwulan dan tahunan; diperiksa pkgen kaskade. Tanpa kunci ini jumlah tidak diperiksa."`
	Skala       string       `json:"skala,omitempty" jsonschema:"minLength=1,example=opini,example=predikat" jsonschema_description:"Nama skala kategori untuk target kategori (\"opini\", \"predikat\" atau [capaian.skala.NAMA]); tanpa kunci ini skala dicari dari label target."`
	Target      Target       `json:"target" jsonschema:"required" jsonschema_description:"Target per triwulan dan tahunan: { tw1 = …, tw2 = …, tw3 = …, tw4 = …, tahunan = … }, kelima kunci wajib."`
	RumusTurun  string       `json:"rumus_turun,omitempty" jsonschema:"enum=2T-R,enum=T/R" jsonschema_description:"Rumus capaian indikator turun khusus indikator ini; menggantikan [capaian] rumus_turun."`
	Batas       float64      `json:"batas,omitempty" jsonschema:"minimum=100" jsonschema_description:"Batas atas capaian indikator ini dalam persen (100 atau lebih); menggantikan [capaian] batas."`
	KondisiAwal *KondisiAwal `json:"kondisi_awal,omitempty" jsonschema_description:"Kondisi awal (baseline): { nilai = …, tahun = … }, nilai sejenis target."`
	TargetAkhir *TargetAkhir `json:"target_akhir,omitempty" jsonschema_description:"Target akhir periode RPJMD/Renstra: { nilai = …, tahun = 2026, dokumen = \"RPJMD\" }."`
}

// KondisiAwal is an indicator's kondisi_awal.
type KondisiAwal struct {
	Nilai Nilai `json:"nilai" jsonschema:"required" jsonschema_description:"Nilai kondisi awal, ditulis seperti target (bukan N/A atau \"–\")."`
	Tahun int   `json:"tahun,omitempty" jsonschema:"minimum=2000,maximum=2100" jsonschema_description:"Tahun kondisi awal, tidak sesudah tahun PK."`
}

// TargetAkhir is an indicator's target_akhir.
type TargetAkhir struct {
	Nilai   Nilai  `json:"nilai" jsonschema:"required" jsonschema_description:"Target akhir periode, ditulis seperti target (bukan N/A atau \"–\")."`
	Tahun   int    `json:"tahun" jsonschema:"required,minimum=2000,maximum=2100" jsonschema_description:"Tahun akhir periode, tidak sebelum tahun PK: 2026."`
	Dokumen string `json:"dokumen,omitempty" jsonschema:"example=RPJMD,example=Renstra" jsonschema_description:"Dokumen perencanaan: \"RPJMD\", \"Renstra\"."`
}

// Target is the inline target table.
type Target struct {
	TW1     Nilai `json:"tw1" jsonschema:"required" jsonschema_description:"Target Triwulan I."`
	TW2     Nilai `json:"tw2" jsonschema:"required" jsonschema_description:"Target Triwulan II."`
	TW3     Nilai `json:"tw3" jsonschema:"required" jsonschema_description:"Target Triwulan III."`
	TW4     Nilai `json:"tw4" jsonschema:"required" jsonschema_description:"Target Triwulan IV."`
	Tahunan Nilai `json:"tahunan" jsonschema:"required" jsonschema_description:"Target tahunan; harus sesuai dengan triwulan menurut agregasi; \"N/A\" bila datanya baru ada sesudah tahun berjalan."`
}

// Anggaran is one [[anggaran]].
type Anggaran struct {
	Uraian     string `json:"uraian" jsonschema:"required,minLength=1" jsonschema_description:"Program, kegiatan atau sub kegiatan."`
	Jumlah     int64  `json:"jumlah" jsonschema:"required,minimum=0,maximum=1000000000000000" jsonschema_description:"Anggaran dalam rupiah utuh tanpa titik dan tanpa tanda kutip: jumlah = 12345678900."`
	Keterangan string `json:"keterangan,omitempty" jsonschema_description:"Keterangan, mis. \"APBD\"."`
}

// Realisasi is a realisasi file.
type Realisasi struct {
	PK        string               `json:"pk" jsonschema:"required,minLength=1" jsonschema_description:"Berkas PK yang dilaporkan, relatif terhadap berkas ini: \"jakarta-pusat-2023.toml\"."`
	Tahun     int                  `json:"tahun,omitempty" jsonschema:"minimum=2000,maximum=2100" jsonschema_description:"Tahun laporan (opsional); harus sama dengan tahun PK."`
	Triwulan  int                  `json:"triwulan" jsonschema:"required,minimum=1,maximum=4" jsonschema_description:"Triwulan terakhir yang dilaporkan, 1–4."`
	Realisasi []RealisasiIndikator `json:"realisasi" jsonschema:"required,minItems=1" jsonschema_description:"Satu [[realisasi]] per indikator yang dilaporkan."`
}

// RealisasiIndikator is one [[realisasi]].
type RealisasiIndikator struct {
	Kode      string       `json:"kode" jsonschema:"required,minLength=1" jsonschema_description:"Kode indikator di PK (\"IK-01\")."`
	TW        *RealisasiTW `json:"tw,omitempty" jsonschema_description:"Realisasi per triwulan, ditulis seperti target: tw = { tw2 = 88.2, tw3 = \"N/A\" }."`
	Kendala   string       `json:"kendala,omitempty" jsonschema_description:"Kendala (Markdown), untuk lampiran capaian."`
	Upaya     string       `json:"upaya,omitempty" jsonschema_description:"Upaya mengatasi kendala (Markdown)."`
	TahunLalu *Nilai       `json:"tahun_lalu,omitempty" jsonschema_description:"Realisasi tahun lalu (opsional), ditulis seperti target."`
}

// RealisasiTW is the inline table of quarterly realisasi; every key is
// optional.
type RealisasiTW struct {
	TW1 *Nilai `json:"tw1,omitempty" jsonschema_description:"Realisasi Triwulan I."`
	TW2 *Nilai `json:"tw2,omitempty" jsonschema_description:"Realisasi Triwulan II."`
	TW3 *Nilai `json:"tw3,omitempty" jsonschema_description:"Realisasi Triwulan III."`
	TW4 *Nilai `json:"tw4,omitempty" jsonschema_description:"Realisasi Triwulan IV."`
}

// Nilai is a target or realisasi value: a TOML number, or text that is not
// a bare number.
type Nilai struct{}

// JSONSchema describes a value as the loader reads it (model.ParseNilai).
func (Nilai) JSONSchema() *jsonschema.Schema {
	one := uint64(1)
	return &jsonschema.Schema{
		AnyOf: []*jsonschema.Schema{
			{Type: "number", Description: "Angka tanpa tanda kutip: 86.75."},
			{
				Type:        "string",
				MinLength:   &one,
				Pattern:     `\S`,
				Not:         &jsonschema.Schema{Pattern: `^\s*[-+]?[0-9]+([.,][0-9]+)?\s*$`},
				Description: "Persen (\"100%\"), rentang (\"80-90\", \"80–90%\"), kategori (\"(3) WTP\", \"A (82)\", \"Baik\"), \"N/A\" (tidak diukur) atau \"–\" (belum ada); angka biasa ditulis tanpa tanda kutip.",
				Examples:    []any{"N/A", "–", "100%", "(3) WTP", "A (82)"},
			},
		},
	}
}

// TanggalPK is the signing date: a TOML local date, or a month in quotes.
type TanggalPK struct{}

// JSONSchema describes a date or a month.
func (TanggalPK) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", AnyOf: []*jsonschema.Schema{
		{Format: "date"},
		{Pattern: `^[0-9]{4}-(0[1-9]|1[0-2])$`},
	}}
}

// Tanggal is a TOML local date, a "YYYY-MM-DD" string once converted to
// JSON.
type Tanggal struct{}

// JSONSchema describes a date.
func (Tanggal) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "date"}
}
