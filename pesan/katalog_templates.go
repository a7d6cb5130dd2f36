package pesan

// pesanTemplates are the messages of package templates: loading wording and
// column-set files over the embedded ones, resolving a document's templat
// list, executing a block. Keys of a lampiran-*.toml file (nama, kolom,
// isi, lebar, bobot, rata, anggaran) stay as the file writes them.
var pesanTemplates = []entri{
	{"templat bawaan: %v", "embedded template: %v"},
	{"templat: varian %q tidak dikenal (varian bawaan: %s)", "template: unknown variant %q (embedded variants: %s)"},
	{"templat %s: %v", "template %s: %v"},
	{"templat %s: jenis berkas tidak dikenal; gunakan .tmpl (kata-kata) atau lampiran-NAMA.toml (kolom)", "template %s: unknown kind of file; use .tmpl (wording) or lampiran-NAME.toml (columns)"},
	{"templat %s: kunci %q tidak dikenal", "template %s: unknown key %q"},
	{"templat %s: nama wajib diisi", "template %s: nama is required"},
	{"templat %s: setidaknya satu [[kolom]]", "template %s: at least one [[kolom]]"},
	{"templat %s: kolom[%d].isi: %q tidak dikenal; pilih salah satu: %s", "template %s: kolom[%d].isi: unknown %q; choose one of: %s"},
	{"templat %s: kolom[%d]: isi tepat satu dari lebar (mm) atau bobot (bagian), dan harus positif", "template %s: kolom[%d]: give exactly one of lebar (mm) or bobot (share), and it must be positive"},
	{"templat %s: kolom[%d].rata: %q tidak dikenal; pilih \"kiri\", \"tengah\" atau \"kanan\"", "template %s: kolom[%d].rata: unknown %q; choose \"kiri\", \"tengah\" or \"kanan\""},
	{"templat %s: anggaran: uraian dan jumlah (judul kolom) wajib diisi", "template %s: anggaran: uraian and jumlah (column headers) are required"},
	{"lampiran %q tidak dikenal; tersedia: %s", "unknown lampiran %q; available: %s"},
	{"templat: %v", "template: %v"},
	{"%s: blok %q: variabel %s tidak dikenal (lihat daftar variabel di README, bagian Templates)", "%s: block %q: unknown variable %s (see the list of variables in the README, section Templates)"},
	{"templat %s: berkas tidak ditemukan (dicari di %s; varian bawaan: %s)", "template %s: file not found (looked for at %s; embedded variants: %s)"},
}
