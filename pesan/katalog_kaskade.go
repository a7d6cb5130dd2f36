package pesan

// pesanKaskade are the messages of the cascade (pohon kinerja): the keys
// pk_induk and mendukung in package model, the links checked by package
// kaskade, and the kaskade command.
var pesanKaskade = []entri{
	// model: the keys' shape.
	{"tidak boleh kosong: tulis berkas PK atasan, mis. \"dinas-kesehatan-2024.toml\", atau hapus kunci ini",
		"must not be empty: write the PK file of the level above, e.g. \"dinas-kesehatan-2024.toml\", or remove this key"},
	{"kode kosong: tulis kode indikator PK induk, mis. \"IK-01\"", "empty kode: write the kode of an indicator of the induk PK, e.g. \"IK-01\""},
	{"kode %q disebut dua kali", "kode %q is named twice"},
	{"tidak berpengaruh tanpa pk_induk: tulis pk_induk (berkas PK atasan) di awal berkas",
		"has no effect without pk_induk: write pk_induk (the PK file of the level above) at the top of the file"},
	// kaskade: the links.
	{"sasaran ini tidak mendukung indikator PK induk mana pun: tulis mendukung = [\"KODE\"] pada sasaran atau indikatornya",
		"this sasaran supports no indicator of the induk PK: write mendukung = [\"KODE\"] on the sasaran or its indicators"},
	{"berkas PK induk %q tidak ditemukan (dicari di %s)", "induk PK file %q not found (looked for %s)"},
	{"PK induk %s tidak sah; perbaiki dulu berkas itu", "the induk PK %s is not valid; fix that file first"},
	{"PK induk %s bertahun %d, bukan %d", "the induk PK %s is of year %d, not %d"},
	{"kode %q tidak ada di PK induk %s, tetapi ada di PK Perubahan-nya %s: arahkan pk_induk ke berkas itu",
		"kode %q is not in the induk PK %s, but is in its PK Perubahan %s: point pk_induk to that file"},
	{"kode %q tidak ada di PK induk %s; maksud Anda %q? Kode yang ada: %s", "kode %q is not in the induk PK %s; did you mean %q? The kode there: %s"},
	{"kode %q tidak ada di PK induk %s; maksud Anda %q?", "kode %q is not in the induk PK %s; did you mean %q?"},
	{"kode %q tidak ada di PK induk %s; kode yang ada: %s", "kode %q is not in the induk PK %s; the kode there: %s"},
	{"indikator %q PK induk dihapus oleh PK Perubahan %s, tetapi masih didukung di sini",
		"indicator %q of the induk PK is removed by the PK Perubahan %s, but is still supported here"},
	{"pk_induk membentuk lingkaran: %s", "pk_induk makes a cycle: %s"},
	{"tidak ada [pihak_kedua]; PIHAK PERTAMA PK induk %s adalah %s", "no [pihak_kedua]; the PIHAK PERTAMA of the induk PK %s is %s"},
	{"NIP PIHAK KEDUA %s bukan NIP PIHAK PERTAMA PK induk %s (%s, %s)", "the PIHAK KEDUA's NIP %s is not the NIP of the PIHAK PERTAMA of the induk PK %s (%s, %s)"},
	{"PIHAK KEDUA %q bukan PIHAK PERTAMA PK induk %s (%q)", "PIHAK KEDUA %q is not the PIHAK PERTAMA of the induk PK %s (%q)"},
	{"indikator %q tidak didukung sasaran atau indikator PK bawahan mana pun", "indicator %q is supported by no sasaran or indicator of a lower PK"},
	{"indikator pendukung bersatuan lain tidak dijumlahkan: %s", "supporting indicators of another satuan are not added up: %s"},
	{"jumlah target indikator pendukung tidak sama dengan target ini (agregasi_kaskade = \"jumlah\"): %s; pendukung: %s",
		"the supporting indicators' targets do not add up to this target (agregasi_kaskade = \"jumlah\"): %s; supporting: %s"},
	// The kaskade command.
	{"periksa keselarasan PK satu folder (pohon kinerja)", "check how the PKs of a folder cascade (pohon kinerja)"},
	{"hanya PK tahun ini", "only the PKs of this year"},
	{"berkas PDF pohon kinerja", "the pohon kinerja PDF file"},
	{"pkgen kaskade: sebutkan tepat satu folder\n\n%s", "pkgen kaskade: name exactly one folder\n\n%s"},
	{"pkgen kaskade: tahun %d di luar rentang 2000–2100\n", "pkgen kaskade: year %d outside 2000–2100\n"},
	{"pkgen kaskade: menggambar pohon kinerja (-o) belum tersedia\n", "pkgen kaskade: drawing the pohon kinerja (-o) is not available yet\n"},
	{"Pohon kinerja tahun %d: %d PK (%d dalam pohon), %d dukungan; %d galat, %d peringatan\n",
		"Pohon kinerja of %d: %d PKs (%d in the tree), %d links; %d errors, %d warnings\n"},
	{"Pohon kinerja: %d PK (%d dalam pohon), %d dukungan; %d galat, %d peringatan\n",
		"Pohon kinerja: %d PKs (%d in the tree), %d links; %d errors, %d warnings\n"},
	{"Berdiri sendiri (tanpa pk_induk dan tanpa PK bawahan): %s\n", "Standalone (no pk_induk and no lower PK): %s\n"},
	{"Tidak sah, tidak masuk pohon (periksa dengan pkgen check): %s\n", "Not valid, left out of the tree (check with pkgen check): %s\n"},
	{"; mendukung %d indikator induk", "; supports %d indicators of its induk"},
	{"; %d masalah", "; %d problems"},
}
