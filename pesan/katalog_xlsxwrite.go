package pesan

// pesanXLSXWrite are the messages of internal/xlsx's writer: a workbook
// pkgen's own code got wrong (no user input reaches them unchecked).
var pesanXLSXWrite = []entri{
	{"xlsx: nama lembar %q harus 1 sampai 31 karakter", "xlsx: sheet name %q must be 1 to 31 characters"},
	{"xlsx: judul cetak untuk lembar buku kerja lain", "xlsx: print titles for a sheet of another workbook"},
	{"xlsx: format angka bawaan %d tidak ada", "xlsx: built-in number format %d does not exist"},
	{"xlsx: sel (%d, %d) di luar lembar", "xlsx: cell (%d, %d) outside the sheet"},
	{"xlsx: gaya sel %d tidak ada", "xlsx: cell style %d does not exist"},
	{"xlsx: lebar kolom %d (%g) harus 0 sampai 255 karakter", "xlsx: column %d width (%g) must be 0 to 255 characters"},
	{"xlsx: tinggi baris %d (%g) harus 0 sampai 409 poin", "xlsx: row %d height (%g) must be 0 to 409 points"},
	{"xlsx: lembar %q sudah mempunyai grafik", "xlsx: sheet %q has a chart already"},
}
