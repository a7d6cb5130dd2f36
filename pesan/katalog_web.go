package pesan

// pesanWeb are the messages and page texts of package web, the
// workbench (its templates' {{t "…"}} keys included: web's tests check
// every one is here).
var pesanWeb = []entri{
	// Starting.
	{"alamat %q tidak sah: tulis HOST:PORT, misalnya %s", "address %q is not valid: write HOST:PORT, for example %s"},
	{"%s bukan folder", "%s is not a folder"},
	{"folder %s tidak ditemukan", "folder %s not found"},
	// The guard.
	{"host %q ditolak: buka meja kerja lewat alamat yang dicetak pkgen web", "host %q refused: open the workbench at the address pkgen web printed"},
	{"token akses salah: buka alamat lengkap yang dicetak pkgen web", "wrong access token: open the full address pkgen web printed"},
	{"token akses tidak ada: buka alamat lengkap yang dicetak pkgen web, dengan ?token=…", "no access token: open the full address pkgen web printed, with ?token=…"},
	{"permintaan dari situs lain ditolak", "request from another site refused"},
	{"token CSRF tidak ada atau salah; muat ulang halaman", "CSRF token missing or wrong; reload the page"},
	{"nama berkas %q ditolak: sebutkan berkas .toml, .pdf atau .xlsx di dalam folder kerja, tanpa .. dan tanpa jalur mutlak",
		"file name %q refused: name a .toml, .pdf or .xlsx file inside the workspace, without .. and without an absolute path"},
	// Documents.
	{"%d galat", "%d errors"},
	{"sah, %d peringatan", "valid, %d warnings"},
	{"sah", "valid"},
	{"Realisasi TW %d", "Realisasi Q%d"},
	{"%s berubah di disk sejak dimuat (oleh penyunting lain atau tab lain); tidak disimpan. Salin perubahan Anda, muat ulang, lalu terapkan lagi.",
		"%s changed on disk since it was loaded (by another editor or tab); not saved. Copy your changes, reload, and apply them again."},
	{"%s disimpan; versi sebelumnya di %s", "%s saved; the previous version is in %s"},
	{"%s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa tanpa persetujuan Anda.", "%s already exists; a PDF that may be signed is not replaced without your consent."},
	{"PDF ditulis: %s", "PDF written: %s"},
	// Page texts.
	{"Meja kerja pkgen", "pkgen workbench"},
	{"Langsung ke isi", "Skip to content"},
	{"Navigasi utama", "Main navigation"},
	{"Daftar dokumen", "Documents"},
	{"Panduan", "Guide"},
	{"Folder kerja:", "Workspace:"},
	{"Cari (berkas, unit, tahun, versi, status)", "Search (file, unit, year, version, status)"},
	{"Berkas PK dan realisasi di folder kerja", "PK and realisasi files in the workspace"},
	{"Berkas", "File"},
	{"Unit", "Unit"},
	{"Tahun", "Year"},
	{"Versi", "Version"},
	{"Status", "Status"},
	{"PDF terakhir", "Last PDF"},
	{"belum dibuat", "not made yet"},
	{"Tidak ada dokumen yang cocok.", "No document matches."},
	{"Tidak ada berkas .toml di folder kerja.", "No .toml file in the workspace."},
	{"Pesan pemeriksaan", "Check messages"},
	{"Tidak ada pesan.", "No messages."},
	{"Teks TOML", "TOML text"},
	{"Periksa", "Check"},
	{"Simpan", "Save"},
	{"Simpan PDF", "Save PDF"},
	{"Timpa PDF yang ada", "Replace the existing PDF"},
	{"Versi di disk:", "The version on disk:"},
	{"Pratinjau", "Preview"},
	{"Pratinjau PDF", "PDF preview"},
	// The scripts' texts.
	{"Memeriksa…", "Checking…"},
	{"Menyimpan…", "Saving…"},
	{"Membuat pratinjau…", "Making the preview…"},
	{"Pratinjau belum diperbarui: dokumen masih bergalat. Yang tampil adalah PDF sah terakhir.", "Preview not updated: the document still has errors. The last valid PDF is shown."},
	{"Ada perubahan yang belum disimpan.", "There are unsaved changes."},
	{"Gagal menghubungi meja kerja:", "Could not reach the workbench:"},
}
