// Command pkgen turns a Perjanjian Kinerja written in TOML into its PDF.
// It only parses flags, reads and writes files and sets the exit status;
// everything else lives in the model, templates and render packages.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input or failed output
	exitUsage   = 2 // wrong command line
)

const usage = `pkgen — Perjanjian Kinerja dari TOML ke PDF

Pemakaian:
  pkgen check BERKAS.toml...           periksa berkas PK, laporkan semua masalah
  pkgen render BERKAS.toml [-o OUT]    buat PDF PK (pernyataan + lampiran)
  pkgen render BERKAS|FOLDER... -d OUT banyak PK sekaligus, di semua inti
  pkgen capaian REALISASI.toml [-o OUT] [--ttd] [--lampirkan-ke LKIP.pdf]
                                       buat lampiran capaian kinerja triwulan
  pkgen diff LAMA.toml BARU.toml       perubahan antara dua versi PK
  pkgen baru --bentuk BENTUK [-o BERKAS.toml]
                                       berkas PK awal berkomentar untuk diisi
  pkgen xlsx BERKAS.toml [-o OUT.xlsx] [--realisasi] [--timpa]
                                       PK atau isian realisasi ke XLSX
  pkgen impor BERKAS.xlsx [-o OUT.toml] [--timpa]
                                       lembar kerja XLSX kembali menjadi TOML
  pkgen pantau BERKAS.toml [-o OUT.pdf]
                                       PDF dibuat ulang setiap disimpan
  pkgen help [PERINTAH]                bantuan sebuah perintah

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.
`

var helps = map[string]string{
	"check": `pkgen check BERKAS.toml... [--templat BERKAS]...

Memeriksa setiap berkas PK: sintaks TOML, kunci yang tidak dikenal, isian
wajib, NIP, jenis dan konsistensi target, kode indikator ganda, dan apakah
bentuk lampiran serta templatnya ada. Untuk setiap berkas yang sah dicetak
satu baris ringkasan; semua peringatan dan galat dicetak dengan nama berkas,
baris dan jalur kunci.

Status keluar: 0 semua berkas sah, 1 ada berkas tidak sah, 2 salah pemakaian.
`,
	"render":  renderHelp,
	"capaian": capaianHelp,
	"diff":    diffHelp,
	"baru":    baruHelp,
	"xlsx":    xlsxHelp,
	"impor":   imporHelp,
	"pantau":  pantauHelp,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "help":
		if len(args) == 1 {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		h, ok := helps[args[1]]
		if !ok {
			fmt.Fprintf(stderr, "pkgen: perintah %q tidak dikenal\n\n%s", args[1], usage)
			return exitUsage
		}
		fmt.Fprint(stdout, h)
		return exitOK
	case "check":
		return check(args[1:], stdout, stderr)
	case "render":
		return renderCmd(args[1:], stdout, stderr)
	case "capaian":
		return capaianCmd(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "baru":
		return baruCmd(args[1:], stdout, stderr)
	case "xlsx":
		return xlsxCmd(args[1:], stdout, stderr)
	case "impor":
		return imporCmd(args[1:], stdout, stderr)
	case "pantau":
		return pantauCmd(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "pkgen: perintah %q tidak dikenal\n\n%s", args[0], usage)
	return exitUsage
}
