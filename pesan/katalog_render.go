package pesan

// pesanRender are the messages of package render: a document that cannot
// be laid out without clipping (layout errors name the input first), the
// template column sets and logos it refuses, and the table engine's
// checks. The text printed on the page is not here: it is the document's
// own, in Indonesian.
var pesanRender = []entri{
	// Layout errors; the first %s is the input (a key path or a template
	// block), the second, where there is one, what does not fit.
	{"%s: halaman pernyataan %.1f mm lebih panjang dari satu halaman; teks ini mengisi %.1f mm (%d baris): persingkat agar pernyataan dan tanda tangannya muat di halaman 1",
		"%s: the statement page runs %.1f mm past one page; this text fills %.1f mm (%d lines): shorten it so that the statement and its signatures fit on page 1"},
	{"%s: %s setinggi %.1f mm tidak muat di satu halaman (%.1f mm); teks ini mengisi %.1f mm (%d baris): persingkat",
		"%s: %s, %.1f mm tall, does not fit on one page (%.1f mm); this text fills %.1f mm (%d lines): shorten it"},
	{"%s: %s setinggi %.1f mm tidak muat di sisa halamannya (%.1f mm); teks ini mengisi %.1f mm (%d baris): persingkat",
		"%s: %s, %.1f mm tall, does not fit in the rest of its page (%.1f mm); this text fills %.1f mm (%d lines): shorten it"},
	{"%s: %s setinggi %.1f mm tidak muat di tepi bawah halaman (%.1f mm): persingkat",
		"%s: %s, %.1f mm tall, does not fit in the page's bottom margin (%.1f mm): shorten it"},
	{"%s: teks di legenda grafik selebar %.1f mm, lebih lebar dari halaman (%.1f mm): persingkat",
		"%s: the text in the chart's legend is %.1f mm wide, wider than the page (%.1f mm): shorten it"},

	// What does not fit.
	{"kop", "the letterhead"},
	{"pihak", "the party's lines"},
	{"teks templat", "the template's text"},
	{"judul dan identitas", "the title and identity lines"},
	{"judul tabel", "the table's heading"},
	{"kepala tabel", "the table's header"},
	{"judul daftar perubahan", "the title of the list of changes"},
	{"judul ringkasan", "the summary's heading"},
	{"catatan ringkasan", "the note under the summary"},
	{"catatan versi target", "the note under the capaian table naming the version of each quarter's targets"},
	{"judul dan legenda grafik", "the chart's title and legend"},
	{"blok tanda tangan", "the signature block"},
	{"nomor halaman", "the page number"},
	{"catatan tanda tangan elektronik", "the electronic-signature note"},
	{"catatan draf", "the draft note"},

	// Documents and templates render refuses.
	{"lampiran %q memuat tabel %s: isi [[anggaran]] di dokumen (uraian, jumlah, keterangan)",
		"lampiran %q holds a %s table: fill [[anggaran]] in the document (uraian, jumlah, keterangan)"},
	{"%s: kolom lampiran %q tidak dikenal; tersedia: %s (atau berkas lampiran-NAMA.toml sendiri di templat)",
		"%s: column set %q is unknown; available: %s (or a lampiran-NAMA.toml file of your own in templat)"},
	{"%s: [[anggaran]] diisi, tetapi lampiran %q tidak memuat tabel anggaran; tabel anggaran memakai kolom lampiran dokumen: tulis mis. lampiran = \"eselon2\" di awal dokumen",
		"%s: [[anggaran]] is filled in, but lampiran %q has no budget table; the budget table takes the document's column set: write e.g. lampiran = \"eselon2\" at the top of the document"},
	{"logo: gambar tidak terbaca (%v); gunakan PNG atau JPEG", "logo: unreadable image (%v); use PNG or JPEG"},
	{"logo: gambar berukuran nol", "logo: the image has no size"},
	{"capaian: laporan realisasi atau PK-nya tidak ada", "capaian: no realisasi report or no PK for it"},

	// The table engine: a column set (lampiran-NAMA.toml) that does not
	// fit the page, and checks of tables pkgen builds itself.
	{"tabel: kolom berlebar tetap (%.2f mm) lebih lebar dari tabel (%.2f mm)", "table: fixed columns (%.2f mm) are wider than the table (%.2f mm)"},
	{"tabel: kolom berlebar tetap (%.2f mm) tidak menyisakan lebar untuk kolom berbobot", "table: fixed columns (%.2f mm) leave no width for proportional columns"},
	{"tabel: kolom %d tidak mendapat lebar", "table: column %d gets no width"},
	{"tabel: kolom %d: lebar %v dan bobot %v harus terhingga dan >= 0", "table: column %d: width %v and weight %v must be finite and >= 0"},
	{"tabel: kolom %d: beri lebar tetap atau bobot, bukan keduanya", "table: column %d: give a fixed width or a weight, not both"},
	{"tabel: kolom %d: tanpa lebar dan tanpa bobot", "table: column %d: no width and no weight"},
	{"tabel: tidak ada kolom", "table: no columns"},
	{"tabel: lebar harus positif, bukan %v", "table: the width must be positive, not %v"},
	{"tabel: %s harus panjang terhingga >= 0, bukan %v", "table: %s must be a finite length >= 0, not %v"},
	{"tabel: MinLines harus >= 0, bukan %d", "table: MinLines must be >= 0, not %d"},
	{"tabel: tinggi wilayah harus terhingga", "table: region heights must be finite"},
	{"tabel: tinggi wilayah penuh harus positif", "table: the full region height must be positive"},
	{"tabel: Keep harus panjang terhingga >= 0, bukan %v", "table: Keep must be a finite length >= 0, not %v"},
	{"tabel: tata letak tidak maju", "table: the layout made no progress"},
	{"tabel: %s %d, sel %d: %v", "table: %s %d, cell %d: %v"},
	{"baris", "row"},
	{"baris kepala", "header row"},
	{"rentang negatif", "negative span"},
	{"kolom %d di luar jangkauan (tabel punya %d)", "column %d out of range (the table has %d)"},
	{"merentang %d kolom dari kolom %d, melewati kolom terakhir", "spans %d columns from column %d, past the last column"},
	{"merentang %d baris, melewati baris terakhir", "spans %d rows, past the last row"},
	{"sel baris kelompok tidak boleh merentang baris", "a group row's cell cannot span rows"},
	{"isian %v bukan tingkat abu-abu (0..1, atau negatif untuk tanpa isian)", "fill %v is not a grey level (0..1, or negative for none)"},
	{"rentang baris melintasi baris kelompok %d", "the row span crosses group row %d"},
	{"menimpa sel lain di baris %d, kolom %d", "overlaps another cell at row %d, column %d"},
	{"lebar kolom %.2f mm tidak menyisakan ruang di dalam bantalan", "the column width %.2f mm leaves no room inside the padding"},
	{"baris teks %d setinggi %v, ascent %v", "line %d has height %v, ascent %v"},
	{"%s: kolom tidak dapat ditata: %v", "%s: the columns cannot be laid out: %v"},
	{"%s: ringkasan capaian tidak muat selebar halaman (%.0f mm): %d kategori terlalu banyak untuk satu kolom per kategori dan %d kelompok terlalu banyak untuk satu kolom per kelompok; kurangi kategori atau kelompok, atau pakai kertas F4",
		"%s: the capaian summary does not fit the page's width (%.0f mm): %d categories are too many for a column each and %d groups too many for a column each; use fewer categories or groups, or F4 paper"},
	{"%s: tanda tangan penutup lampiran capaian (--ttd) memerlukan para pihak; PK ini lampiran saja tanpa [pihak_pertama]", "%s: closing the capaian annex with signatures (--ttd) needs the parties; this PK is a lampiran only, without [pihak_pertama]"},
}
