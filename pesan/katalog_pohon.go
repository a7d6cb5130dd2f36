package pesan

// pesanPohon are the messages of package render/pohon: the drawing of the
// pohon kinerja. Its page words (the legend, the continuation marks) are
// printed through the catalogue too, in Indonesian unless a caller asks.
var pesanPohon = []entri{
	// Options and trees it refuses.
	{"pohon: ukuran kertas, tepi, huruf atau kotak tidak sah", "pohon: invalid paper size, margins, type size or box width"},
	{"pohon: ukuran huruf %.1f pt (terkecil %.1f pt) di luar 4–14 pt", "pohon: type size %.1f pt (smallest %.1f pt) outside 4–14 pt"},
	{"pohon: kertas %.0f×%.0f mm terlalu kecil untuk kotak selebar %.0f mm dengan tepi ini", "pohon: paper %.0f×%.0f mm is too small for boxes %.0f mm wide with these margins"},
	{"pohon: kotak selebar %.0f mm terlalu sempit (paling sedikit 30 mm)", "pohon: boxes %.0f mm wide are too narrow (30 mm at least)"},
	{"pohon: PK %q muncul dua kali di pohon (siklus?)", "pohon: PK %q appears twice in the tree (a cycle?)"},
	{"pohon: dua PK bernama %q", "pohon: two PKs named %q"},
	{"pohon: pohon tanpa PK", "pohon: a tree without any PK"},
	{"pohon: PK kosong (nil) di pohon", "pohon: an empty (nil) PK in the tree"},
	{"pohon: kotak PK %q tidak muat di satu halaman walau tanpa indikator: persingkat unit, jabatan atau peringatannya",
		"pohon: the box of PK %q does not fit on one page even without its indicators: shorten its unit, jabatan or warnings"},

	// Words on the page.
	{"POHON KINERJA", "PERFORMANCE TREE"},
	{"Sasaran %d:", "Objective %d:"},
	{"mendukung %s", "supports %s"},
	{"… dan %d indikator lagi", "… and %d more indicators"},
	{"… dan %d sasaran, %d indikator lagi", "… and %d more objectives, %d more indicators"},
	{"lanjut di halaman %s", "continued on page %s"},
	{"(dari halaman %d)", "(from page %d)"},
	{"Halaman %d dari %d", "Page %d of %d"},
	{"Keterangan:", "Key:"},
	{"PK dengan peringatan (bingkai tebal; peringatannya di bawah kotak)", "PK with warnings (thick border; the warnings at the foot of the box)"},
	{"indikator dengan peringatan", "indicator with a warning"},
	{"rujukan ke halaman lain (lanjut di / dari halaman N)", "reference to another page (continued on / from page N)"},
	{"Kategori capaian:", "Capaian category:"},
	// The tree as pkgen kaskade -o draws it (pohon.go in the module root).
	{"baris %d", "line %d"},
	{"%d masalah pada indikator bertanda ! (rinciannya di ringkasan pkgen kaskade)", "%d problems at the indicators marked ! (the pkgen kaskade summary has the details)"},
	{"TAHUN %s", "YEAR %s"},
	{"Pohon kinerja", "Performance tree"},
}
