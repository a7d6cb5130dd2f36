package pesan

// pesanWebPerubahan are the workbench's Buat PK Perubahan, the diff
// between versions and Riwayat (web/perubahan.go, riwayat.go and their
// pages).
var pesanWebPerubahan = []entri{
	// Buat PK Perubahan.
	{"permintaan PK Perubahan tidak dapat dibaca; muat ulang halaman", "the PK Perubahan request cannot be read; reload the page"},
	{"%s sudah ada; PK Perubahan ke-%d tidak dibuat (berkas yang ada tidak ditimpa)", "%s already exists; PK Perubahan no. %d was not made (the existing file is not replaced)"},
	{"%s tidak dibuat: PK Perubahannya bergalat (%d galat)", "%s was not made: the PK Perubahan has errors (%d errors)"},
	{"%s dibuat: PK Perubahan ke-%d dari %s", "%s made: PK Perubahan no. %d of %s"},
	{"alasan %q tidak dikenal; pilih pejabat, strategi atau prioritas", "reason %q unknown; choose pejabat, strategi or prioritas"},
	{"tanggal berlaku %q tidak sah: tulis TTTT-BB-HH, misalnya %d-07-01", "effective date %q is not valid: write YYYY-MM-DD, for example %d-07-01"},
	{"Membuat %s: salinan %s (%s) sebagai PK Perubahan ke-%d. Sasaran, indikator dan target disunting sesudahnya, di dokumen barunya.",
		"Makes %s: a copy of %s (%s) as PK Perubahan no. %d. Objectives, indicators and targets are edited afterwards, in the new document."},
	{"Buat PK Perubahan", "Make a PK Perubahan (amendment)"},
	{"Alasan perubahan", "Reason for the amendment"},
	{"pejabat berganti", "the official changed"},
	{"strategi, program atau anggaran berubah", "strategy, programme or budget changed"},
	{"prioritas atau asumsi berubah signifikan", "priorities or assumptions changed significantly"},
	{"Berlaku mulai", "Effective from"},
	{"(pejabat yang baru)", "(the new official)"},
	// The diff.
	{"Perbedaan versi", "Differences between versions"},
	{"Dari", "From"},
	{"ke", "to"},
	{"Tidak ada perubahan isi.", "No change of content."},
	{"Bandingkan dengan versi yang diubah", "Compare with the amended version"},
	// Riwayat.
	{"Riwayat", "History"},
	{"salinan %q tidak ada di riwayat %s", "copy %q is not in the history of %s"},
	{"Setiap simpan menyimpan versi yang diganti di", "Every save keeps the version it replaces in"},
	{"Pulihkan menulis salinan itu kembali; versi sekarang lebih dulu disimpan ke riwayat.", "Restore writes that copy back; the current version goes to the history first."},
	{"Waktu", "Time"},
	{"Ukuran (bita)", "Size (bytes)"},
	{"Salinan", "Copy"},
	{"Pulihkan", "Restore"},
	{"Belum ada salinan di riwayat.", "No copy in the history yet."},
	{"Pulihkan salinan ini?", "Restore this copy?"},
	{"Ya, pulihkan", "Yes, restore"},
	{"Memulihkan…", "Restoring…"},
}
