package pesan

// pesanSpreadsheet are the messages of package spreadsheet: reading a
// workbook back (its limits, its sheets and columns, each cell's value) and
// writing one. Sheet names (Lampiran, Dokumen …), column headers and TOML
// keys stay as the workbook writes them; the text written into a workbook
// (its instructions and drop-down hints) is the workbook's, not a message.
var pesanSpreadsheet = []entri{
	// cell.go: where a problem is, and the problems of one cell.
	{"lembar %s, sel %s: ", "sheet %s, cell %s: "},
	{"lembar %s: ", "sheet %s: "},
	{"tidak dapat dibaca: %v", "cannot be read: %v"},
	{"lebih dari %d masalah; perbaiki yang di atas lalu impor lagi", "more than %d problems; fix those above and import again"},
	{"sel berisi galat Excel %s; perbaiki rumus atau isi nilainya", "the cell holds the Excel error %s; fix the formula or type the value"},
	{"%s harus teks, bukan nilai TRUE/FALSE", "%s must be text, not a TRUE/FALSE value"},
	{"%s ditulis sebagai angka; Excel hanya menyimpan 15 angka pertama. Format sel sebagai Teks lalu ketik ulang NIP 18 angka", "%s is written as a number; Excel keeps only the first 15 digits. Format the cell as Text, then type the 18-digit NIP again"},
	{"teks %q di sel angka (%s); ketik angka saja, tanpa titik ribuan dan tanpa tanda kutip", "text %q in a number cell (%s); type the number only, without thousands separators or quotes"},
	{"%s harus angka", "%s must be a number"},
	{"%s harus bilangan bulat, bukan %s", "%s must be a whole number, not %s"},
	{"%s: %q bukan tanggal", "%s: %q is not a date"},
	{"%s: %q bukan tanggal; ketik tanggal (format sel Tanggal) atau teks TTTT-BB-HH, mis. 2024-02-15", "%s: %q is not a date; type a date (cell format Date) or text YYYY-MM-DD, e.g. 2024-02-15"},
	{"%s harus TRUE atau FALSE, bukan %q", "%s must be TRUE or FALSE, not %q"},
	{"%s: nilai TRUE/FALSE bukan target; isi angka, persen, kategori atau N/A", "%s: a TRUE/FALSE value is not a target; type a number, a percentage, a category or N/A"},
	{"%s: angka %q tersimpan sebagai teks; ketik ulang sebagai angka (format sel Umum atau Angka)", "%s: the number %q is stored as text; type it again as a number (cell format General or Number)"},

	// import.go: the workbook, its sheets and columns, its rows.
	{"bukan berkas XLSX yang dapat dibaca: %v", "not a readable XLSX file: %v"},
	{"tidak ada lembar %s (PK) atau %s (realisasi); lembar yang ada: %s", "no sheet %s (PK) or %s (realisasi); the sheets are: %s"},
	{"lembar %s tidak ada", "sheet %s is missing"},
	{"sel gabungan (merge) tidak didukung; pisahkan sel (Unmerge Cells) dan isi setiap sel", "merged cells are not supported; unmerge the cells (Unmerge Cells) and fill each one"},
	{"kolom %q tidak dikenal; maksud Anda %q?", "unknown column %q; did you mean %q?"},
	{"kolom %q tidak dikenal; kolom yang boleh: %s", "unknown column %q; the columns allowed: %s"},
	{"kolom %q sudah ada di sel %s", "column %q is already in cell %s"},
	{"kolom wajib %q tidak ada di baris judul (baris 1)", "the required column %q is not in the header row (row 1)"},
	{"nilai tanpa kunci; isi kunci di sel %s", "a value without a key; fill in the key in cell %s"},
	{"kunci %q tidak dikenal", "unknown key %q"},
	{"kunci %q sudah ada di sel %s", "key %q is already in cell %s"},
	{"jumlah wajib diisi: anggaran dalam rupiah utuh", "jumlah is required: the budget in whole rupiah"},
	{"instansi.kop_gaya: %d baris untuk %d baris kop; tulis satu gaya per baris kop (nama, besar atau alamat)", "instansi.kop_gaya: %d rows for %d kop lines; write one style per kop line (nama, besar or alamat)"},
	{"sasaran nomor %d sudah ada di baris %d; baris satu sasaran harus berurutan", "sasaran number %d is already on row %d; the rows of one sasaran must be consecutive"},
	{"%s berbeda dengan baris %d dari sasaran yang sama (%q); kosongkan sel ini, samakan isinya, atau beri sasaran.nomor baru", "%s differs from row %d of the same sasaran (%q); empty this cell, make it the same, or give a new sasaran.nomor"},
	{"nama skala wajib diisi", "the scale's name is required"},
	{"baris skala %q harus berurutan (baris pertamanya %d)", "the rows of scale %q must be consecutive (its first row is %d)"},
	{"angka %q berbeda dengan baris %d dari skala yang sama (%q)", "angka %q differs from row %d of the same scale (%q)"},
	{"persen wajib diisi: nilai tingkat ini terhadap tingkat terbaik, mis. 75", "persen is required: this level's value against the best level, e.g. 75"},
	{"indikator.kode wajib diisi pada baris yang berisi realisasi", "indikator.kode is required on a row with realisasi"},

	// scan.go: the limits of a workbook.
	{"berkas XLSX berisi %d bagian, lebih dari batas %d; lembar kerja dari pkgen berisi belasan bagian", "the XLSX file holds %d parts, over the limit of %d; a workbook from pkgen holds about fifteen"},
	{"isi berkas XLSX lebih dari %d MB setelah dibuka, batas untuk lembar kerja (cukup untuk PK dengan 10.000 indikator)", "the XLSX file unzips to more than %d MB, the limit for a workbook (enough for a PK of 10,000 indicators)"},
	{"isi berkas XLSX lebih dari %d unsur XML di luar lembar-lembarnya, batas untuk lembar kerja (cukup untuk PK dengan 10.000 indikator)", "the XLSX file holds more than %d XML elements outside its sheets, the limit for a workbook (enough for a PK of 10,000 indicators)"},
	{"bagian %s memakai pengodean %q, bukan UTF-8; simpan ulang lembar kerja dengan Excel atau LibreOffice", "part %s is encoded as %q, not UTF-8; save the workbook again with Excel or LibreOffice"},
	{"isi lembar tidak ditemukan di dalam berkas XLSX", "the sheet's content is missing from the XLSX file"},
	{"nomor baris %q tidak sah", "invalid row number %q"},
	{"baris %d berisi lebih dari %d sel", "row %d holds more than %d cells"},
	{"baris %d melewati batas %d baris per lembar (cukup untuk 10.000 indikator); hapus baris di bawah tabel, juga baris kosong yang diberi format", "row %d is past the limit of %d rows per sheet (enough for 10,000 indicators); delete the rows below the table, formatted empty rows too"},
	{"kolom %s melewati batas %d kolom per lembar (kolom terakhir yang boleh: %s); hapus kolom di kanan tabel", "column %s is past the limit of %d columns per sheet (the last allowed: %s); delete the columns right of the table"},

	// export.go: writing a workbook.
	{"lembar %s, sel %s: teks %d karakter melebihi batas satu sel Excel (%d)", "sheet %s, cell %s: a text of %d characters is over the limit of one Excel cell (%d)"},
	{"lembar %s, sel %s: jenis nilai %T tidak dikenal", "sheet %s, cell %s: unknown kind of value %T"},
}
