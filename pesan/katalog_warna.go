package pesan

// pesanWarna are the messages of the capaian up the pohon kinerja: the
// realisasi reports of one quarter colouring the tree (pkgen kaskade
// --triwulan, package pkgen's LoadCapaian and the drawing).
var pesanWarna = []entri{
	// pkgen: the reports of the folder.
	{"triwulan %d di luar 1–4", "quarter %d outside 1–4"},
	{"dua laporan realisasi triwulan %d untuk PK %s: %s dan %s", "two realisasi reports of quarter %d for the PK %s: %s and %s"},
	{"PK %s dan %s memakai tabel kategori capaian yang berbeda; pohon kinerja diwarnai dengan satu tabel",
		"the PKs %s and %s use different capaian category tables; the pohon kinerja is coloured with one table"},
	// The drawing (always Indonesian).
	{"tanpa realisasi TW %s", "no realisasi for TW %s"},
	{"CAPAIAN TRIWULAN %s", "CAPAIAN OF QUARTER %s"},
	{"CAPAIAN S.D. TRIWULAN %s", "CAPAIAN UP TO QUARTER %s"},
	// The kaskade command.
	{"warnai indikator menurut capaian laporan realisasi triwulan ini", "colour the indicators by the capaian of this quarter's realisasi reports"},
	{"pkgen kaskade: triwulan %d tidak ada; tulis 1, 2, 3 atau 4\n", "pkgen kaskade: there is no quarter %d; write 1, 2, 3 or 4\n"},
	{"Capaian triwulan %d (warna indikator pada pohon):\n", "Capaian of quarter %d (the indicators' colours in the tree):\n"},
	{"Capaian s.d. triwulan %d (warna indikator pada pohon):\n", "Capaian up to quarter %d (the indicators' colours in the tree):\n"},
	{"%s (realisasi %s): %s", "%s (realisasi report %s): %s"},
	{"; %d tanpa capaian", "; %d without capaian"},
	{"  Tanpa realisasi triwulan %d: %s\n", "  Without realisasi for quarter %d: %s\n"},
}
