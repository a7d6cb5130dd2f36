package pesan

// pesanCLI are the messages of the pkgen command, by source file of
// cmd/pkgen. Messages without words ("pkgen: %v\n") need no entry.
var pesanCLI = []entri{
	// main.go: the command table (completion descriptions).
	{"periksa berkas PK, laporkan semua masalah", "check PK files, report every problem"},
	{"buat PDF PK (pernyataan + lampiran)", "make the PK's PDF (statement + lampiran)"},
	{"buat lampiran capaian kinerja triwulan", "make the quarterly capaian annex"},
	{"tulis kembali berkas TOML sumber yang dilampirkan di PDF", "write back the source TOML files attached to a PDF"},
	{"perubahan antara dua versi PK", "the changes between two versions of a PK"},
	{"berkas PK awal berkomentar untuk diisi", "a commented starting PK file to fill in"},
	{"PK atau isian realisasi ke XLSX", "a PK or a realisasi form to XLSX"},
	{"lembar kerja XLSX kembali menjadi TOML", "an XLSX workbook back to TOML"},
	{"PDF dibuat ulang setiap disimpan", "the PDF made again on every save"},
	{"versi pkgen dan Go", "the versions of pkgen and Go"},
	{"skrip pelengkapan perintah untuk shell", "a command completion script for a shell"},
	{"bantuan sebuah perintah", "help on a command"},
	{"berkas templat pengganti (boleh diulang)", "a replacement template file (may be repeated)"},
	{"menimpa keluaran yang sudah ada", "overwrite an existing output"},
	{"3b (bawaan: PDF/A-3b untuk arsip) atau none (PDF biasa)", "3b (default: PDF/A-3b for archiving) or none (a plain PDF)"},
	{"berkas PDF keluaran, atau - untuk keluaran standar", "the output PDF file, or - for standard output"},
	{"folder keluaran untuk banyak berkas", "the output folder for many files"},
	{"blok tanda tangan elektronik dan berkas .ttd.json", "electronic signature blocks and a .ttd.json file"},
	{"teks jangkar tak terlihat di kotak tanda tangan (bersama --tte)", "invisible anchor text in the signature boxes (with --tte)"},
	{"tutup lampiran dengan tanda tangan", "close the annex with signatures"},
	{"PDF LKIP yang diberi lampiran", "the LKIP PDF the annex is appended to"},
	{"folder tujuan", "the destination folder"},
	{"bentuk dokumen", "the document's form"},
	{"berkas TOML yang ditulis, atau - untuk keluaran standar", "the TOML file written, or - for standard output"},
	{"tahun perjanjian (bawaan: tahun ini)", "the year of the agreement (default: this year)"},
	{"berkas XLSX keluaran", "the output XLSX file"},
	{"lembar isian realisasi", "a realisasi form"},
	{"berkas TOML keluaran, atau - untuk keluaran standar", "the output TOML file, or - for standard output"},
	{"berkas PDF keluaran", "the output PDF file"},
	{"bahasa pesan", "the language of messages"},
	{"bantuan", "help"},

	// main.go
	{"pkgen: perintah %q tidak dikenal\n\n%s", "pkgen: unknown command %q\n\n%s"},
	{"--lang memerlukan bahasa: id atau en", "--lang needs a language: id or en"},
	{"bahasa %q tidak dikenal; pilih id atau en", "unknown language %q; choose id or en"},
	{"pkgen help: sebutkan satu perintah saja\n\n%s", "pkgen help: name one command only\n\n%s"},

	// version.go and completion.go
	{"pkgen version: argumen %q tidak dikenal\n\n%s", "pkgen version: unknown argument %q\n\n%s"},
	{"revisi %s", "revision %s"},
	{"(diubah)", "(modified)"},
	{"pkgen completion: sebutkan satu shell: %s\n\n%s", "pkgen completion: name one shell: %s\n\n%s"},
	{"pkgen completion: shell %q tidak dikenal; pilih salah satu: %s\n", "pkgen completion: unknown shell %q; choose one of: %s\n"},

	// check.go
	{"pkgen check: sebutkan setidaknya satu berkas .toml\n\n%s", "pkgen check: name at least one .toml file\n\n%s"},
	{"%s: TIDAK SAH — %d galat, %d peringatan\n", "%s: INVALID — %d error(s), %d warning(s)\n"},
	{"%s: TIDAK SAH — %v\n", "%s: INVALID — %v\n"},
	{"%s: sah — %s\n", "%s: valid — %s\n"},
	{"%s %d, %s; %d sasaran, %d indikator; %d peringatan", "%s %d, %s; %d sasaran, %d indicator(s); %d warning(s)"},

	// diff.go
	{"pkgen diff: sebutkan dua berkas .toml: yang lama dan yang baru\n\n%s", "pkgen diff: name two .toml files: the old one and the new one\n\n%s"},
	{"pkgen diff: %s tidak sah\n", "pkgen diff: %s is invalid\n"},
	{"tidak ada perubahan antara %s dan %s\n", "no changes between %s and %s\n"},
	{"%d perubahan\n", "%d change(s)\n"},

	// baru.go
	{"pkgen baru: argumen %q tidak dikenal; nama berkas ditulis dengan -o\n\n%s", "pkgen baru: unknown argument %q; the file name is given with -o\n\n%s"},
	{"pkgen baru: sebutkan --bentuk: %s\n\n%s", "pkgen baru: give --bentuk: %s\n\n%s"},
	{"pkgen baru: bentuk %q tidak dikenal; pilih salah satu: %s\n", "pkgen baru: unknown form %q; choose one of: %s\n"},
	{"pkgen baru: tahun %d di luar rentang 2010–2100\n", "pkgen baru: year %d outside the range 2010–2100\n"},
	{"; berkas yang ada tidak ditimpa, pilih nama lain dengan -o", "; the existing file is not overwritten, choose another name with -o"},
	{"%s: PK bentuk %s tahun %d dibuat; isi, lalu periksa dengan: pkgen check %s\n", "%s: PK of form %s for year %d made; fill it in, then check it with: pkgen check %s\n"},
	{"sudah ada", "already exists"},

	// xlsx.go
	{"pkgen xlsx: sebutkan tepat satu berkas .toml\n\n%s", "pkgen xlsx: name exactly one .toml file\n\n%s"},
	{"pkgen xlsx: XLSX tidak ditulis ke keluaran standar; sebutkan -o BERKAS.xlsx\n", "pkgen xlsx: XLSX is not written to standard output; give -o FILE.xlsx\n"},
	{"pkgen xlsx: keluaran %s sama dengan masukan\n", "pkgen xlsx: the output %s is the input\n"},
	{"pkgen xlsx: %s adalah berkas realisasi; gunakan pkgen xlsx --realisasi %s\n", "pkgen xlsx: %s is a realisasi file; use pkgen xlsx --realisasi %s\n"},
	{"pkgen xlsx: %s tidak sah (%d galat); XLSX tidak ditulis\n", "pkgen xlsx: %s is invalid (%d error(s)); no XLSX written\n"},
	{"; gunakan --timpa untuk menimpanya", "; use --timpa to overwrite it"},
	{"%s: ditulis; kembalikan ke TOML dengan: pkgen impor %s\n", "%s: written; bring it back to TOML with: pkgen impor %s\n"},
	{"pkgen: %s tidak sah (%d galat)\n", "pkgen: %s is invalid (%d error(s))\n"},

	// impor.go
	{"pkgen impor: sebutkan tepat satu berkas .xlsx\n\n%s", "pkgen impor: name exactly one .xlsx file\n\n%s"},
	{"pkgen impor: keluaran %s sama dengan masukan\n", "pkgen impor: the output %s is the input\n"},
	{"pkgen impor: %s tidak dapat dibaca (%d masalah); TOML tidak ditulis\n", "pkgen impor: %s cannot be read (%d problem(s)); no TOML written\n"},
	{"PK yang disebut tidak sah", "the PK it names is invalid"},
	{"pkgen impor: %s: pk %q (dicari relatif terhadap %s): %v; TOML tidak ditulis\n", "pkgen impor: %s: pk %q (looked for relative to %s): %v; no TOML written\n"},
	{"realisasi s.d. triwulan %d, %d indikator", "realisasi up to quarter %d, %d indicator(s)"},
	{"PK %d, %d sasaran, %d indikator", "PK %d, %d sasaran, %d indicator(s)"},
	{"pkgen impor: isi %s tidak sah (%d galat); TOML tidak ditulis\n", "pkgen impor: the content of %s is invalid (%d error(s)); no TOML written\n"},
	{"lembar %s, sel %s: ", "sheet %s, cell %s: "},
	{"berkas lebih dari %d MB", "file larger than %d MB"},

	// pantau.go
	{"pkgen pantau: sebutkan tepat satu berkas .toml\n\n%s", "pkgen pantau: name exactly one .toml file\n\n%s"},
	{"pkgen pantau: PDF pratinjau harus berupa berkas; sebutkan -o BERKAS.pdf\n", "pkgen pantau: the preview PDF must be a file; give -o FILE.pdf\n"},
	{"pkgen pantau: keluaran %s sama dengan masukan\n", "pkgen pantau: the output %s is the input\n"},
	{"pkgen pantau: berhenti\n", "pkgen pantau: stopped\n"},
	{"pkgen pantau: memantau %s; hentikan dengan Ctrl-C\n", "pkgen pantau: watching %s; stop with Ctrl-C\n"},
	{"[%s] menyusun %s\n", "[%s] making %s\n"},
	{"[%s] %s tidak diperbarui; PDF terakhir yang sah dipertahankan\n", "[%s] %s not updated; the last valid PDF is kept\n"},
}
