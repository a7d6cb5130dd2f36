package pesan

// bantuan are the help texts of the pkgen command, keyed by name:
// "help.usage" is the overview, "help.NAME" the help of command NAME
// (printed by pkgen help NAME and pkgen NAME --help). Every help ends with
// an example. This is the only copy of every help text.
var bantuan = []teks{
	{"help.usage", `pkgen — Perjanjian Kinerja dari TOML ke PDF

Pemakaian:
  pkgen check BERKAS.toml...           periksa berkas PK, laporkan semua masalah
  pkgen render BERKAS.toml [-o OUT]    buat PDF PK (pernyataan + lampiran)
  pkgen render BERKAS|FOLDER... -d OUT banyak PK sekaligus, di semua inti
  pkgen capaian REALISASI.toml [-o OUT] [--ttd] [--lampirkan-ke LKIP.pdf]
                                       buat lampiran capaian kinerja triwulan
  pkgen ekstrak BERKAS.pdf [-d FOLDER]  berkas TOML sumber kembali dari PDF
  pkgen diff LAMA.toml BARU.toml       perubahan antara dua versi PK
  pkgen baru --bentuk BENTUK [-o BERKAS.toml]
                                       berkas PK awal berkomentar untuk diisi
  pkgen xlsx BERKAS.toml [-o OUT.xlsx] [--realisasi] [--timpa]
                                       PK atau isian realisasi ke XLSX
  pkgen impor BERKAS.xlsx [-o OUT.toml] [--timpa]
                                       lembar kerja XLSX kembali menjadi TOML
  pkgen pantau BERKAS.toml [-o OUT.pdf]
                                       PDF dibuat ulang setiap disimpan
  pkgen version                        versi pkgen dan Go
  pkgen completion bash|zsh|fish|powershell
                                       skrip pelengkapan perintah untuk shell
  pkgen help [PERINTAH]                bantuan sebuah perintah

Opsi umum, sebelum atau sesudah perintah:
  --lang id|en     bahasa pesan; bawaan dari LC_ALL, LC_MESSAGES atau LANG
                   (en… bahasa Inggris, selainnya bahasa Indonesia)
  --help, -h       bantuan; pkgen PERINTAH --help untuk satu perintah
  --version        sama dengan pkgen version

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.

Contoh:
  pkgen check pk-2023.toml && pkgen render pk-2023.toml
`, `pkgen — Perjanjian Kinerja from TOML to PDF

Usage:
  pkgen check FILE.toml...             check PK files, report every problem
  pkgen render FILE.toml [-o OUT]      make the PK's PDF (statement + lampiran)
  pkgen render FILE|FOLDER... -d OUT   many PKs at once, on every core
  pkgen capaian REALISASI.toml [-o OUT] [--ttd] [--lampirkan-ke LKIP.pdf]
                                       make the quarterly capaian annex
  pkgen ekstrak FILE.pdf [-d FOLDER]    the source TOML files back from a PDF
  pkgen diff OLD.toml NEW.toml         the changes between two versions of a PK
  pkgen baru --bentuk FORM [-o FILE.toml]
                                       a commented starting PK file to fill in
  pkgen xlsx FILE.toml [-o OUT.xlsx] [--realisasi] [--timpa]
                                       a PK or a realisasi form to XLSX
  pkgen impor FILE.xlsx [-o OUT.toml] [--timpa]
                                       an XLSX workbook back to TOML
  pkgen pantau FILE.toml [-o OUT.pdf]
                                       the PDF made again on every save
  pkgen version                        the versions of pkgen and Go
  pkgen completion bash|zsh|fish|powershell
                                       a command completion script for a shell
  pkgen help [COMMAND]                 help on a command

Global options, before or after the command:
  --lang id|en     language of the messages; by default from LC_ALL,
                   LC_MESSAGES or LANG (en… English, anything else Indonesian)
  --help, -h       help; pkgen COMMAND --help for one command
  --version        the same as pkgen version

Exit status: 0 success, 1 invalid input or failed output, 2 wrong usage.

Example:
  pkgen check pk-2023.toml && pkgen render pk-2023.toml
`},

	{"help.check", `pkgen check BERKAS.toml... [--templat BERKAS]...

Memeriksa setiap berkas PK: sintaks TOML, kunci yang tidak dikenal, isian
wajib, NIP, jenis dan konsistensi target, kode indikator ganda, dan apakah
bentuk lampiran serta templatnya ada. Laporan realisasi (berkas dengan
pk = "…") diperiksa bersama PK-nya. Untuk setiap berkas yang sah dicetak
satu baris ringkasan; semua peringatan dan galat dicetak dengan nama berkas,
baris dan jalur kunci.

  --templat BERKAS
                  berkas kata-kata (.tmpl) atau kolom lampiran
                  (lampiran-NAMA.toml), seperti pada pkgen render; boleh diulang.

Status keluar: 0 semua berkas sah, 1 ada berkas tidak sah, 2 salah pemakaian.

Contoh:
  pkgen check examples/jakarta-pusat-2023.toml
`, `pkgen check FILE.toml... [--templat FILE]...

Checks every PK file: TOML syntax, unknown keys, required values, NIP, the
kind and consistency of targets, duplicate indicator codes, and whether the
lampiran layout and its templates exist. A realisasi report (a file with
pk = "…") is checked with its PK. For every valid file it prints one
summary line; every warning and error is printed with the file name, line
and key path.

  --templat FILE  a wording file (.tmpl) or a column set
                  (lampiran-NAME.toml), as for pkgen render; may be repeated.

Exit status: 0 every file valid, 1 some file invalid, 2 wrong usage.

Example:
  pkgen check examples/jakarta-pusat-2023.toml
`},

	{"help.render", `pkgen render BERKAS.toml [-o KELUARAN.pdf|-] [--timpa] [--templat BERKAS]... [--pdfa=3b|none] [--tte [--jangkar TEKS]]

Membuat PDF Perjanjian Kinerja: halaman pernyataan (tegak) dan lampiran
(mendatar) dengan tanda tangan penutup.

  -o KELUARAN     berkas PDF yang ditulis; "-" menulis ke keluaran standar.
                  Bawaan: nama berkas masukan dengan akhiran .pdf, di folder
                  yang sama; PK Perubahan ke-n berakhiran -perubahan-n.pdf.
  --timpa         ganti PDF yang sudah ada. Tanpa ini pkgen menolak menimpa
                  PDF (yang mungkin sudah ditandatangani) dan keluar dengan 1.
  --templat BERKAS
                  berkas kata-kata (.tmpl) atau kolom lampiran
                  (lampiran-NAMA.toml) yang menggantikan bawaan; boleh diulang.
  --pdfa=3b|none  bawaan 3b: PDF/A-3b (ISO 19005-3) untuk arsip, dengan
                  metadata XMP, profil warna sRGB dan berkas TOML sumbernya
                  terlampir (lihat pkgen ekstrak). none: PDF biasa; berkas
                  sumber tetap dilampirkan.
  --tte           blok tanda tangan elektronik: "Ditandatangani secara
                  elektronik oleh:", jabatan, kotak persegi untuk gambar
                  tanda tangan (berisi kode QR [tanda_tangan] url_verifikasi
                  bila ada), nama dan NIP; catatan sertifikat elektronik BSrE
                  di kaki setiap halaman. Juga menulis KELUARAN.pdf.ttd.json:
                  setiap penanda tangan dengan nomor halaman dan kotaknya
                  dalam poin PDF dari kiri bawah (llx, lly, urx, ury).
  --jangkar TEKS  (bersama --tte) teks tak terlihat di tengah setiap kotak
                  tanda tangan, untuk layanan TTE yang mencari tempat tanda
                  tangan dengan teks jangkar; "{peran}" diganti pihak_pertama,
                  pihak_kedua atau mengetahui.

PDF ditulis ke berkas sementara lalu diganti namanya setelah lengkap: masukan
yang tidak sah tidak menulis apa pun. Tanggal PDF diambil dari tanggal dokumen
(atau 1 Januari tahunnya), atau dari SOURCE_DATE_EPOCH bila diisi, sehingga
masukan yang sama selalu menghasilkan byte yang sama.

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.

Banyak berkas sekaligus:

  pkgen render BERKAS.toml... | FOLDER... [-d FOLDER_KELUARAN] [--templat BERKAS]...
               [--pdfa=3b|none] [--tte [--jangkar TEKS]]

  -d FOLDER       folder tempat semua PDF ditulis (dibuat bila belum ada).
                  Bawaan: setiap PDF di samping berkas masukannya.

Sebuah folder berarti berkas *.toml di dalamnya yang berupa PK; laporan
realisasi (berkas dengan kunci pk = "…") dilewati. Berkas dikerjakan
bersamaan di semua inti prosesor. Berkas yang tidak sah dilaporkan dengan
semua masalahnya dan tidak menghentikan berkas lain; status keluar 1 bila ada
yang gagal. Dua masukan dengan nama yang sama di satu folder keluaran diberi
awalan nama foldernya (a/pk.toml → a-pk.pdf, b/pk.toml → b-pk.pdf), dan hal
itu dicatat. -o tidak dapat dipakai untuk lebih dari satu masukan. Setiap PDF
sama persis, byte demi byte, dengan hasil pkgen render untuk berkas itu saja.
Di terminal sebuah baris kemajuan diperbarui selama bekerja; di akhir dicetak
ringkasan: jumlah PDF, halaman dan detik.

Contoh:
  pkgen render examples/jakarta-pusat-2023.toml -o pk-2023.pdf --timpa
  pkgen render examples/ -d pdf/
`, `pkgen render FILE.toml [-o OUTPUT.pdf|-] [--timpa] [--templat FILE]... [--pdfa=3b|none] [--tte [--jangkar TEXT]]

Makes the PDF of a Perjanjian Kinerja: the statement page (portrait) and the
lampiran (landscape) closed by the signatures.

  -o OUTPUT       the PDF file written; "-" writes to standard output.
                  Default: the input's name ending in .pdf, in the same
                  folder; a PK Perubahan ke-n ends in -perubahan-n.pdf.
  --timpa         replace an existing PDF. Without it pkgen refuses to
                  overwrite a PDF (it may be the signed one) and exits with 1.
  --templat FILE  a wording file (.tmpl) or a column set
                  (lampiran-NAME.toml) replacing the embedded ones; may be
                  repeated.
  --pdfa=3b|none  default 3b: PDF/A-3b (ISO 19005-3) for archiving, with XMP
                  metadata, an sRGB colour profile and its source TOML files
                  attached (see pkgen ekstrak). none: a plain PDF; the source
                  files are still attached.
  --tte           electronic signature blocks: "Ditandatangani secara
                  elektronik oleh:", the position, a square box for the
                  signature image (holding the QR code of [tanda_tangan]
                  url_verifikasi when given), name and NIP; the note on the
                  BSrE electronic certificate in every page's footer. Also
                  writes OUTPUT.pdf.ttd.json: every signatory with the page
                  number and the box in PDF points from the bottom left
                  (llx, lly, urx, ury).
  --jangkar TEXT  (with --tte) invisible text in the middle of every
                  signature box, for e-signature services that find the
                  place to sign by an anchor text; "{peran}" is replaced by
                  pihak_pertama, pihak_kedua or mengetahui.

The PDF is written to a temporary file and renamed once complete: invalid
input writes nothing. The PDF's date is the document's date (or 1 January of
its year), or SOURCE_DATE_EPOCH when set, so the same input always gives the
same bytes.

Exit status: 0 success, 1 invalid input or failed output, 2 wrong usage.

Many files at once:

  pkgen render FILE.toml... | FOLDER... [-d OUTPUT_FOLDER] [--templat FILE]...
               [--pdfa=3b|none] [--tte [--jangkar TEXT]]

  -d FOLDER       the folder every PDF is written to (created if missing).
                  Default: every PDF beside its input file.

A folder means the *.toml files in it that are PKs; realisasi reports (files
with a pk = "…" key) are skipped. Files are rendered concurrently on every
processor core. An invalid file is reported with all its problems and does
not stop the others; the exit status is 1 when any failed. Two inputs with
the same name for one output folder get their folder's name as a prefix
(a/pk.toml → a-pk.pdf, b/pk.toml → b-pk.pdf), and this is noted. -o cannot
be used with more than one input. Every PDF is byte for byte the one pkgen
render makes for that file alone. On a terminal a progress line is updated
while working; at the end a summary gives the number of PDFs, pages and
seconds.

Examples:
  pkgen render examples/jakarta-pusat-2023.toml -o pk-2023.pdf --timpa
  pkgen render examples/ -d pdf/
`},

	{"help.capaian", `pkgen capaian REALISASI.toml [-o KELUARAN.pdf|-] [--ttd [--tte [--jangkar TEKS]]] [--lampirkan-ke LKIP.pdf] [--templat BERKAS]... [--pdfa=3b|none]

Membuat lampiran capaian kinerja (PDF mendatar, ukuran kertas PK) dari
berkas realisasi triwulanan: tabel target, realisasi dan capaian per
indikator (triwulan ini dan s.d. triwulan ini) dengan kategori, kendala dan
upaya; ringkasan per kelompok sasaran; dan grafik batang capaian. Berkas
realisasi menyebut PK-nya (pk = "BERKAS-PK.toml") dan triwulannya
(triwulan = 3); lihat README, bagian Capaian.

  -o KELUARAN     berkas PDF yang ditulis; "-" menulis ke keluaran standar.
                  Bawaan: nama berkas realisasi dengan akhiran .pdf, di
                  folder yang sama. Wajib bersama --lampirkan-ke.
  --ttd           tutup lampiran dengan tanda tangan PIHAK PERTAMA (dan
                  "Mengetahui" bila PK menyatakannya). Bawaan: tanpa tanda
                  tangan, karena lampiran dijilid dalam LKIP yang ditandatangani.
  --lampirkan-ke LKIP.pdf
                  tambahkan lampiran di belakang PDF LKIP yang sudah ada dan
                  tulis gabungannya ke -o (harus berbeda dari LKIP.pdf);
                  berkas LKIP tidak diubah. LKIP yang rusak atau terenkripsi
                  ditolak.
  --templat BERKAS
                  berkas kata-kata (.tmpl) yang menggantikan bawaan (blok
                  capaian_*, lihat templates/capaian.tmpl); boleh diulang.
  --pdfa=3b|none  bawaan 3b: lampiran berupa PDF/A-3b untuk arsip, dengan
                  berkas realisasi dan PK-nya terlampir (lihat pkgen
                  ekstrak); none: PDF biasa, berkas sumber tetap terlampir.
                  Gabungan --lampirkan-ke bukan PDF/A (LKIP-nya dibuat
                  aplikasi lain); berkas sumber dilampirkan padanya.
  --tte           (bersama --ttd) blok tanda tangan elektronik dan catatan
                  sertifikat BSrE di setiap halaman, seperti pkgen render
                  --tte, dan berkas KELUARAN.pdf.ttd.json (nomor halaman
                  terhitung dari awal PDF gabungan bila --lampirkan-ke).
  --jangkar TEKS  (bersama --tte) teks jangkar tak terlihat di kotak tanda
                  tangan.

PDF ditulis ke berkas sementara lalu diganti namanya setelah lengkap: masukan
yang tidak sah tidak menulis apa pun. Tanggal PDF adalah hari terakhir
triwulan laporan, atau SOURCE_DATE_EPOCH bila diisi.

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.

Contoh:
  pkgen capaian examples/jakarta-pusat-2023-tw3.toml -o capaian-tw3.pdf
  pkgen capaian realisasi-tw4.toml --lampirkan-ke lkip.pdf -o lkip-lengkap.pdf
`, `pkgen capaian REALISASI.toml [-o OUTPUT.pdf|-] [--ttd [--tte [--jangkar TEXT]]] [--lampirkan-ke LKIP.pdf] [--templat FILE]... [--pdfa=3b|none]

Makes the capaian (performance achievement) annex (a landscape PDF on the
PK's paper size) from a quarterly realisasi file: a table of target,
realisasi and capaian per indicator (this quarter and up to this quarter)
with category, obstacles and actions; a summary per sasaran group; and a bar
chart of capaian. The realisasi file names its PK (pk = "PK-FILE.toml") and
its quarter (triwulan = 3); see the README, section Capaian.

  -o OUTPUT       the PDF file written; "-" writes to standard output.
                  Default: the realisasi file's name ending in .pdf, in the
                  same folder. Required with --lampirkan-ke.
  --ttd           close the annex with the signature of PIHAK PERTAMA (and
                  "Mengetahui" when the PK names one). Default: no
                  signature, as the annex is bound into the signed LKIP.
  --lampirkan-ke LKIP.pdf
                  append the annex to an existing LKIP PDF and write the
                  whole to -o (which must differ from LKIP.pdf); the LKIP
                  file is not changed. A damaged or encrypted LKIP is
                  refused.
  --templat FILE  a wording file (.tmpl) replacing the embedded one (the
                  capaian_* blocks, see templates/capaian.tmpl); may be
                  repeated.
  --pdfa=3b|none  default 3b: the annex is a PDF/A-3b for archiving, with the
                  realisasi file and its PK attached (see pkgen ekstrak);
                  none: a plain PDF, the source files still attached. The
                  --lampirkan-ke result is not PDF/A (its LKIP is made by
                  another application); the source files are attached to it.
  --tte           (with --ttd) electronic signature blocks and the BSrE
                  certificate note on every page, as pkgen render --tte, and
                  the file OUTPUT.pdf.ttd.json (page numbers counted from the
                  start of the merged PDF with --lampirkan-ke).
  --jangkar TEXT  (with --tte) an invisible anchor text in each signature
                  box.

The PDF is written to a temporary file and renamed once complete: invalid
input writes nothing. The PDF's date is the last day of the report's
quarter, or SOURCE_DATE_EPOCH when set.

Exit status: 0 success, 1 invalid input or failed output, 2 wrong usage.

Examples:
  pkgen capaian examples/jakarta-pusat-2023-tw3.toml -o capaian-tw3.pdf
  pkgen capaian realisasi-tw4.toml --lampirkan-ke lkip.pdf -o lkip-lengkap.pdf
`},

	{"help.ekstrak", `pkgen ekstrak BERKAS.pdf [-d FOLDER]

Menulis kembali berkas TOML sumber yang dilampirkan pkgen di dalam PDF: PK
dan setiap versi yang diubahnya, atau laporan realisasi beserta PK-nya.
Isinya sama persis, byte demi byte, dengan berkas yang dipakai membuat PDF,
sehingga PK Perubahan dapat dimulai dari PDF yang sudah ditandatangani saja.
Setiap berkas diperiksa terhadap sidik SHA-256 yang tercatat di metadata XMP
PDF (PDF --pdfa=none tidak punya XMP: diperiksa dengan CheckSum MD5
lampirannya).

  -d FOLDER       folder tujuan, dibuat bila belum ada. Bawaan: folder kerja.
                  Berkas ditulis dengan nama dan subfoldernya di dalam PDF,
                  sehingga pk = "…" dan perubahan.mengubah tetap menemukan
                  berkas yang dirujuknya.

Berkas yang sudah ada tidak pernah ditimpa: bila satu saja sudah ada, tidak
ada yang ditulis. Sidik yang tidak cocok juga membatalkan semuanya.

Status keluar: 0 berhasil, 1 PDF tidak terbaca, tanpa lampiran, sidik tidak
cocok atau berkas sudah ada, 2 salah pemakaian.

Contoh:
  pkgen ekstrak pk-2023-ttd.pdf -d pk-2023
`, `pkgen ekstrak FILE.pdf [-d FOLDER]

Writes back the source TOML files pkgen attached inside a PDF: the PK and
every version it amends, or a realisasi report with its PK. Their content is
byte for byte that of the files the PDF was made from, so a PK Perubahan can
be started from the signed PDF alone. Every file is checked against the
SHA-256 digest recorded in the PDF's XMP metadata (a --pdfa=none PDF has no
XMP: it is checked with its attachments' MD5 CheckSum).

  -d FOLDER       the destination folder, created if missing. Default: the
                  working folder. Files are written with their names and
                  subfolders inside the PDF, so that pk = "…" and
                  perubahan.mengubah still find the files they refer to.

An existing file is never overwritten: if a single one exists, nothing is
written. A digest that does not match also cancels everything.

Exit status: 0 success, 1 the PDF is unreadable or has no attachments, a
digest does not match or a file exists, 2 wrong usage.

Example:
  pkgen ekstrak pk-2023-ttd.pdf -d pk-2023
`},

	{"help.diff", `pkgen diff LAMA.toml BARU.toml

Menampilkan perubahan dari PK LAMA ke PK BARU: pihak yang berganti, lalu
indikator yang ditambah (+), dihapus (-) dan diubah (~) dengan nilai lama →
baru. Indikator dicocokkan menurut kode, sehingga baris yang disisipkan atau
diurutkan ulang tidak dilaporkan sebagai perubahan semua baris sesudahnya.

Status keluar (seperti diff): 0 sama, 1 berbeda, 2 masukan tidak sah atau
salah pemakaian.

Contoh:
  pkgen diff examples/jakarta-pusat-2023.toml examples/jakarta-pusat-2023-perubahan-1.toml
`, `pkgen diff OLD.toml NEW.toml

Shows the changes from the OLD PK to the NEW one: parties that changed, then
indicators added (+), removed (-) and changed (~) with the old value → the
new. Indicators are matched by kode, so rows inserted or reordered are not
reported as changes of every row after them.

Exit status (as for diff): 0 the same, 1 different, 2 invalid input or
wrong usage.

Example:
  pkgen diff examples/jakarta-pusat-2023.toml examples/jakarta-pusat-2023-perubahan-1.toml
`},

	{"help.baru", `pkgen baru --bentuk BENTUK [-o BERKAS.toml|-] [--tahun TAHUN]

Menulis berkas PK awal yang sudah sah dan penuh komentar, untuk diisi:

  dki            bentuk DKI Jakarta: target triwulan dan pengukuran kinerja
  eselon2        bentuk peraturan, Kepala Perangkat Daerah, anggaran Program
  eselon3        bentuk peraturan, Eselon III, anggaran Kegiatan
  eselon4        bentuk peraturan, Eselon IV, anggaran Sub Kegiatan
  kepala-daerah  PK satu pihak Kepala Daerah, target tahunan per misi

  --bentuk BENTUK  salah satu bentuk di atas (wajib).
  -o BERKAS        berkas yang ditulis (bawaan pk.toml); "-" menulis ke
                   keluaran standar. Berkas yang sudah ada tidak ditimpa.
  --tahun TAHUN    tahun perjanjian (bawaan: tahun ini).

Bila folder schema/ pkgen ditemukan di atas folder tujuan, baris pertama
berkas menjadi "#:schema …/schema/pk.schema.json" agar VS Code (ekstensi
Even Better TOML) melengkapi dan memeriksa kunci.

Status keluar: 0 berhasil, 1 gagal menulis (atau berkas sudah ada), 2 salah pemakaian.

Contoh:
  pkgen baru --bentuk eselon2 --tahun 2025 -o pk-2025.toml
`, `pkgen baru --bentuk FORM [-o FILE.toml|-] [--tahun YEAR]

Writes a starting PK file, already valid and fully commented, to fill in:

  dki            the DKI Jakarta form: quarterly targets and measurement
  eselon2        the regulation's form, Kepala Perangkat Daerah, Program budget
  eselon3        the regulation's form, Eselon III, Kegiatan budget
  eselon4        the regulation's form, Eselon IV, Sub Kegiatan budget
  kepala-daerah  a single-party PK of a Kepala Daerah, annual targets per mission

  --bentuk FORM    one of the forms above (required).
  -o FILE          the file written (default pk.toml); "-" writes to
                   standard output. An existing file is not overwritten.
  --tahun YEAR     the year of the agreement (default: this year).

When pkgen's schema/ folder is found above the destination folder, the
file's first line becomes "#:schema …/schema/pk.schema.json" so that VS Code
(the Even Better TOML extension) completes and checks the keys.

Exit status: 0 success, 1 failed output (or the file exists), 2 wrong usage.

Example:
  pkgen baru --bentuk eselon2 --tahun 2025 -o pk-2025.toml
`},

	{"help.xlsx", `pkgen xlsx BERKAS.toml [-o KELUARAN.xlsx] [--timpa]
pkgen xlsx --realisasi REALISASI.toml [-o KELUARAN.xlsx] [--timpa]

Menulis PK sebagai lembar kerja XLSX untuk diisi di Excel atau LibreOffice:
lembar Dokumen (satu baris per kunci), Lampiran (satu baris per indikator:
kelompok, sasaran, indikator, target TW I–IV dan tahunan) dan Anggaran.
Kembalikan ke TOML dengan pkgen impor.

Dengan --realisasi: lembar isian realisasi, satu baris per indikator PK
dengan target di samping sel realisasi (terisi dari berkas realisasi, atau
kosong bila BERKAS adalah PK) dan validasi data pada sel realisasi.

  -o KELUARAN   berkas XLSX yang ditulis. Bawaan: nama masukan dengan
                akhiran .xlsx (-realisasi.xlsx untuk lembar realisasi baru
                dari sebuah PK), di folder yang sama.
  --timpa       menimpa KELUARAN bila sudah ada.

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.

Contoh:
  pkgen xlsx examples/jakarta-pusat-2023.toml -o pk-2023.xlsx
  pkgen xlsx --realisasi examples/jakarta-pusat-2023.toml -o isian-tw1.xlsx
`, `pkgen xlsx FILE.toml [-o OUTPUT.xlsx] [--timpa]
pkgen xlsx --realisasi REALISASI.toml [-o OUTPUT.xlsx] [--timpa]

Writes a PK as an XLSX workbook to fill in with Excel or LibreOffice: the
sheets Dokumen (one row per key), Lampiran (one row per indicator: group,
sasaran, indicator, targets TW I–IV and annual) and Anggaran. Bring it back
to TOML with pkgen impor.

With --realisasi: a realisasi form, one row per indicator of the PK with the
target beside the realisasi cell (filled from the realisasi file, or empty
when FILE is a PK) and data validation on the realisasi cells.

  -o OUTPUT     the XLSX file written. Default: the input's name ending in
                .xlsx (-realisasi.xlsx for a new realisasi form from a PK),
                in the same folder.
  --timpa       overwrite OUTPUT if it exists.

Exit status: 0 success, 1 invalid input or failed output, 2 wrong usage.

Examples:
  pkgen xlsx examples/jakarta-pusat-2023.toml -o pk-2023.xlsx
  pkgen xlsx --realisasi examples/jakarta-pusat-2023.toml -o isian-tw1.xlsx
`},

	{"help.impor", `pkgen impor BERKAS.xlsx [-o KELUARAN.toml|-] [--timpa]

Membaca kembali lembar kerja yang dibuat pkgen xlsx (PK atau realisasi) dan
menulisnya sebagai TOML yang rapi: satu kunci per baris, target sebagai
tabel sebaris dengan angka tetap angka dan persen sebagai "100%", pengukuran
sebagai teks '''…'''.

Hasilnya diperiksa seperti oleh pkgen check (berkas realisasi terhadap PK
yang disebutnya, dicari relatif terhadap KELUARAN). Setiap masalah disebut
dengan lembar dan selnya; bila ada galat, tidak ada yang ditulis.

  -o KELUARAN   berkas TOML yang ditulis; "-" menulis ke keluaran standar.
                Bawaan: nama masukan dengan akhiran .toml, di folder yang sama.
  --timpa       menimpa KELUARAN bila sudah ada (mis. berkas TOML asalnya).

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.

Contoh:
  pkgen impor pk-2023.xlsx -o pk-2023.toml --timpa
`, `pkgen impor FILE.xlsx [-o OUTPUT.toml|-] [--timpa]

Reads back a workbook made by pkgen xlsx (a PK or a realisasi form) and
writes it as tidy TOML: one key per line, targets as inline tables with
numbers kept numbers and percentages as "100%", definitions as '''…''' text.

The result is checked as by pkgen check (a realisasi file against the PK it
names, looked for relative to OUTPUT). Every problem is given with its sheet
and cell; when there is an error, nothing is written.

  -o OUTPUT     the TOML file written; "-" writes to standard output.
                Default: the input's name ending in .toml, in the same folder.
  --timpa       overwrite OUTPUT if it exists (e.g. the original TOML file).

Exit status: 0 success, 1 invalid input or failed output, 2 wrong usage.

Example:
  pkgen impor pk-2023.xlsx -o pk-2023.toml --timpa
`},

	{"help.pantau", `pkgen pantau BERKAS.toml [-o KELUARAN.pdf] [--templat BERKAS]...

Pratinjau langsung: membuat PDF seperti pkgen render, lalu membuatnya ulang
setiap kali BERKAS (atau templat, logo, atau PK yang diubahnya) disimpan.
Bila isi yang baru tidak sah, pesan-pesannya dicetak dan PDF terakhir yang
sah dipertahankan. Buka PDF di penampil yang memuat ulang sendiri.
Hentikan dengan Ctrl-C.

  -o KELUARAN     berkas PDF (bawaan: nama masukan dengan akhiran .pdf).
  --templat BERKAS
                  seperti pada pkgen render; boleh diulang.

Status keluar: 0 dihentikan dengan Ctrl-C, 1 folder tidak dapat dipantau,
2 salah pemakaian.

Contoh:
  pkgen pantau pk-2023.toml -o pratinjau.pdf
`, `pkgen pantau FILE.toml [-o OUTPUT.pdf] [--templat FILE]...

Live preview: makes the PDF as pkgen render does, then makes it again every
time FILE (or its templates, logo, or the PK it amends) is saved. When the
new content is invalid, its messages are printed and the last valid PDF is
kept. Open the PDF in a viewer that reloads by itself. Stop with Ctrl-C.

  -o OUTPUT       the PDF file (default: the input's name ending in .pdf).
  --templat FILE  as for pkgen render; may be repeated.

Exit status: 0 stopped with Ctrl-C, 1 the folder cannot be watched,
2 wrong usage.

Example:
  pkgen pantau pk-2023.toml -o pratinjau.pdf
`},

	{"help.version", `pkgen version
pkgen --version

Mencetak versi pkgen: versi modul, revisi dan waktu commit bila program
dibangun dari repositori git (tanda "(diubah)" bila ada perubahan yang belum
di-commit), atau "(devel)"; lalu versi Go, sistem operasi dan arsitektur.

Status keluar: 0.

Contoh:
  pkgen version
`, `pkgen version
pkgen --version

Prints pkgen's version: the module version, the commit revision and time
when the program was built from a git repository (marked "(modified)" when
there were uncommitted changes), or "(devel)"; then the Go version,
operating system and architecture.

Exit status: 0.

Example:
  pkgen version
`},

	{"help.completion", `pkgen completion bash|zsh|fish|powershell

Mencetak skrip pelengkapan perintah (tab) untuk shell: nama perintah, opsi
setiap perintah dan berkas yang cocok (.toml, .xlsx, .pdf). Muat sekali di
sesi ini, atau simpan agar dimuat setiap kali:

  bash        source <(pkgen completion bash)
              pkgen completion bash > ~/.local/share/bash-completion/completions/pkgen
  zsh         pkgen completion zsh > $fpath[1]/_pkgen   (lalu compinit)
  fish        pkgen completion fish > ~/.config/fish/completions/pkgen.fish
  powershell  pkgen completion powershell | Out-String | Invoke-Expression
              (tambahkan baris itu ke $PROFILE)

Status keluar: 0 berhasil, 2 shell tidak dikenal.

Contoh:
  source <(pkgen completion bash)
`, `pkgen completion bash|zsh|fish|powershell

Prints a command completion (tab) script for a shell: the command names,
each command's options and the matching files (.toml, .xlsx, .pdf). Load it
once in this session, or save it to load it every time:

  bash        source <(pkgen completion bash)
              pkgen completion bash > ~/.local/share/bash-completion/completions/pkgen
  zsh         pkgen completion zsh > $fpath[1]/_pkgen   (then compinit)
  fish        pkgen completion fish > ~/.config/fish/completions/pkgen.fish
  powershell  pkgen completion powershell | Out-String | Invoke-Expression
              (add that line to $PROFILE)

Exit status: 0 success, 2 unknown shell.

Example:
  source <(pkgen completion bash)
`},

	{"help.help", `pkgen help [PERINTAH]
pkgen PERINTAH --help

Mencetak ringkasan semua perintah, atau bantuan lengkap sebuah perintah.
Bantuan dicetak dalam bahasa pesan (--lang id|en).

Status keluar: 0 berhasil, 2 perintah tidak dikenal.

Contoh:
  pkgen help render
`, `pkgen help [COMMAND]
pkgen COMMAND --help

Prints a summary of every command, or the full help of one command. Help is
printed in the language of the messages (--lang id|en).

Exit status: 0 success, 2 unknown command.

Example:
  pkgen help render
`},
}
