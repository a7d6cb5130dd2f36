package pesan

// pesanFormKaskade are the workbench form's cascade fields (web/form_kaskade.go,
// web/halaman/form.html, web/aset/form.js): pk_induk, mendukung and
// agregasi_kaskade.
var pesanFormKaskade = []entri{
	{"Kaskade (pohon kinerja)", "Cascade (pohon kinerja)"},
	{"PK induk adalah PK atasan yang didukung PK ini (tahun yang sama, di folder kerja). Bila diisi, setiap sasaran dan indikator mendapat isian Mendukung: kode indikator PK induk yang didukungnya.",
		"The induk PK is the PK of the level above that this PK supports (same year, in the workspace). When it is set, each sasaran and indicator gets a Mendukung field: the kode of the induk PK's indicators it supports."},
	{"PK induk (berkas PK atasan; kosongkan bila tidak ada)", "Induk PK (the PK file of the level above; empty if none)"},
	{"Mendukung (kode indikator PK induk, pisahkan dengan koma)", "Mendukung (kode of the induk PK's indicators, separated by commas)"},
	{"mis. IK-01, IK-02", "e.g. IK-01, IK-02"},
	{"Dijumlahkan: target ini jumlah target indikator PK bawahan yang mendukungnya",
		"Summed: this target is the sum of the targets of the lower PKs' indicators that support it"},
	{"Indikator PK induk dimuat:", "Indicators of the induk PK loaded:"},
	{"Tanpa PK induk: kolom Mendukung disembunyikan bila kosong.", "No induk PK: empty Mendukung fields are hidden."},
	{"PK induk %q ditolak: berkas di folder tersembunyi tidak dapat menjadi PK induk",
		"induk PK %q refused: a file in a hidden folder cannot be an induk PK"},
}
