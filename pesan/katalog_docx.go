package pesan

// pesanDOCX are the messages of the Word outputs: pkgen capaian --docx.
var pesanDOCX = []entri{
	{"dokumen Word DOCX tabel capaian", "the capaian tables as a Word document (DOCX)"},
	{"pkgen capaian: --docx %s: tulis dokumen Word ke berkas lain (bukan masukan, bukan -o, bukan --xlsx, bukan -)\n",
		"pkgen capaian: --docx %s: write the Word document to another file (not the input, not -o, not --xlsx, not -)\n"},
	{"pkgen capaian: masukan dari masukan standar (-) dibaca sekali: tulis satu berkas saja (PDF, --xlsx atau --docx)\n",
		"pkgen capaian: input from standard input (-) is read once: write one file only (PDF, --xlsx or --docx)\n"},
	{"pkgen capaian: %v; DOCX tidak ditulis\n", "pkgen capaian: %v; no DOCX written\n"},
	{"%s: dokumen Word tabel capaian\n", "%s: capaian Word document\n"},
}
