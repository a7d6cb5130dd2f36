package pesan

// pesanFiles are the messages of package files: reading within limits,
// paths inside the root folder, writing without replacing.
var pesanFiles = []entri{
	{"berkas TOML", "TOML file"},
	{"berkas templat", "template file"},
	{"logo", "logo"},
	{"berkas PDF", "PDF file"},
	{"lembar kerja XLSX", "XLSX workbook"},
	{"%s: berkas lebih dari %d MB, batas untuk %s", "%s: file over %d MB, the limit for a %s"},
	{"%s: sebuah folder, bukan berkas", "%s: a folder, not a file"},
	{"%s: sebuah pipa (FIFO), bukan berkas biasa", "%s: a pipe (FIFO), not a regular file"},
	{"%s: sebuah perangkat, bukan berkas biasa", "%s: a device, not a regular file"},
	{"%s: bukan berkas biasa", "%s: not a regular file"},
	{"jalur kosong", "empty path"},
	{"jalur mutlak %q tidak diizinkan; tulis jalur relatif terhadap berkas ini", "absolute path %q not allowed; write a path relative to this file"},
	{"jalur %q keluar dari folder akar; berkas yang dirujuk harus berada di folder akar atau di bawahnya", "path %q leaves the root folder; a referenced file must be in the root folder or below it"},
	{"%s sudah ada", "%s already exists"},
	{"%s adalah folder; sebutkan nama berkas", "%s is a folder; name a file"},
	{"tidak ada nama sementara yang bebas", "no free temporary name"},
	{"%s: berkas tidak ditemukan", "%s: file not found"},
}
