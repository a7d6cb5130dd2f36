// Command pkgen turns a Perjanjian Kinerja written in TOML into its PDF.
// It only parses flags, reads and writes files and sets the exit status;
// everything else lives in the model, templates and render packages.
//
// Messages are Indonesian by default and English with --lang en or an
// English locale (LC_ALL, LC_MESSAGES, LANG); they live in the catalogue
// of package pesan, which run sets up once per invocation (pesan.Use).
package main

import (
	"io"
	"os"
	"strings"

	"pkgen/pesan"
	"pkgen/templates/baru"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input or failed output
	exitUsage   = 2 // wrong command line
)

// command is one pkgen command. The table drives dispatch, help (pkgen
// help NAME, pkgen NAME --help) and the shell completion scripts; adding a
// command is adding a row.
type command struct {
	name    string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
	help    string // name of its help text (help/NAME.id.txt, .en.txt)
	summary string // catalogue key of a one-line description, for completion
	args    value  // what its operands are, for completion
	flags   []flagSpec
}

// flagSpec is a flag as users type it, for completion.
type flagSpec struct {
	name  string // "-o", "--timpa"
	value value  // what follows it; none for a switch
	desc  string // catalogue key of a short description
}

// value says what a flag's value or a command's operands are, for
// completion: nothing (a switch, a command without operands), files
// matching a pattern ("*.toml"; "*" any file), a folder, free text, or one
// of fixed words.
type value struct {
	files  string
	dir    bool
	text   bool
	choose func() []string
}

var (
	none     = value{}
	anyFile  = value{files: "*"}
	tomlFile = value{files: "*.toml"}
	pdfFile  = value{files: "*.pdf"}
	xlsxFile = value{files: "*.xlsx"}
	docxFile = value{files: "*.docx"}
	folder   = value{dir: true}
	word     = value{text: true}
)

// commands is set in init: help and completion read the table.
var commands []command

func init() {
	templat := flagSpec{"--templat", anyFile, pesan.Key("berkas templat pengganti (boleh diulang)")}
	timpa := flagSpec{"--timpa", none, pesan.Key("menimpa keluaran yang sudah ada")}
	lampiranOnly := flagSpec{"--hanya-lampiran", none, pesan.Key("hanya lampiran, tanpa halaman pernyataan")}
	akar := flagSpec{"--akar", folder, pesan.Key("folder akar: berkas yang dirujuk dokumen harus di dalamnya (bawaan: folder masukan)")}
	tte := flagSpec{"--tte", none, pesan.Key("blok tanda tangan elektronik dan berkas .ttd.json")}
	jangkar := flagSpec{"--jangkar", word, pesan.Key("teks jangkar tak terlihat di kotak tanda tangan (bersama --tte)")}
	draf := flagSpec{"--draf", none, pesan.Key("tandai setiap halaman DRAF; PDF biasa, bukan PDF/A")}
	pdfaSpec := flagSpec{"--pdfa", value{choose: func() []string { return []string{"3b", "none"} }},
		pesan.Key("3b (bawaan: PDF/A-3b untuk arsip) atau none (PDF biasa)")}
	commands = []command{
		{name: "check", run: check, help: "check",
			summary: pesan.Key("periksa berkas PK, laporkan semua masalah"), args: tomlFile,
			flags: []flagSpec{templat, akar}},
		{name: "render", run: renderCmd, help: "render",
			summary: pesan.Key("buat PDF PK (pernyataan + lampiran)"), args: tomlFile,
			flags: []flagSpec{
				{"-o", pdfFile, pesan.Key("berkas PDF keluaran, atau - untuk keluaran standar")},
				{"-d", folder, pesan.Key("folder keluaran untuk banyak berkas")},
				timpa, templat, pdfaSpec, tte, jangkar, draf, akar, lampiranOnly}},
		{name: "capaian", run: capaianCmd, help: "capaian",
			summary: pesan.Key("buat lampiran capaian kinerja triwulan"), args: tomlFile,
			flags: []flagSpec{
				{"-o", pdfFile, pesan.Key("berkas PDF keluaran, atau - untuk keluaran standar")},
				{"--ttd", none, pesan.Key("tutup lampiran dengan tanda tangan")},
				{"--lampirkan-ke", pdfFile, pesan.Key("PDF LKIP yang diberi lampiran")},
				{"--xlsx", xlsxFile, pesan.Key("buku kerja XLSX tabel capaian")},
				{"--docx", docxFile, pesan.Key("dokumen Word DOCX tabel capaian")},
				timpa, templat, pdfaSpec, tte, jangkar, draf, akar}},
		{name: "ekstrak", run: ekstrakCmd, help: "ekstrak",
			summary: pesan.Key("tulis kembali berkas TOML sumber yang dilampirkan di PDF"), args: pdfFile,
			flags: []flagSpec{{"-d", folder, pesan.Key("folder tujuan")}}},
		{name: "kaskade", run: kaskadeCmd, help: "kaskade",
			summary: pesan.Key("periksa keselarasan PK satu folder (pohon kinerja)"), args: folder,
			flags: []flagSpec{
				{"--tahun", word, pesan.Key("hanya PK tahun ini")},
				{"-o", pdfFile, pesan.Key("berkas PDF pohon kinerja")},
				{"--triwulan", word, pesan.Key("warnai indikator menurut capaian laporan realisasi triwulan ini")},
				timpa}},
		{name: "diff", run: diffCmd, help: "diff",
			summary: pesan.Key("perubahan antara dua versi PK"), args: tomlFile,
			flags: []flagSpec{akar}},
		{name: "baru", run: baruCmd, help: "baru",
			summary: pesan.Key("berkas PK awal berkomentar untuk diisi"), args: none,
			flags: []flagSpec{
				{"--bentuk", value{choose: baru.Bentuk}, pesan.Key("bentuk dokumen")},
				{"-o", tomlFile, pesan.Key("berkas TOML yang ditulis, atau - untuk keluaran standar")},
				{"--tahun", word, pesan.Key("tahun perjanjian (bawaan: tahun ini)")},
				timpa}},
		{name: "xlsx", run: xlsxCmd, help: "xlsx",
			summary: pesan.Key("PK atau isian realisasi ke XLSX"), args: tomlFile,
			flags: []flagSpec{
				{"-o", xlsxFile, pesan.Key("berkas XLSX keluaran")},
				{"--realisasi", none, pesan.Key("lembar isian realisasi")},
				timpa, akar}},
		{name: "docx", run: docxCmd, help: "docx",
			summary: pesan.Key("PK sebagai dokumen Word (DOCX) untuk disunting"), args: tomlFile,
			flags: []flagSpec{
				{"-o", docxFile, pesan.Key("berkas DOCX keluaran")},
				timpa, templat, akar}},
		{name: "impor", run: imporCmd, help: "impor",
			summary: pesan.Key("lembar kerja XLSX kembali menjadi TOML"), args: xlsxFile,
			flags: []flagSpec{
				{"-o", tomlFile, pesan.Key("berkas TOML keluaran, atau - untuk keluaran standar")},
				timpa}},
		{name: "pantau", run: pantauCmd, help: "pantau",
			summary: pesan.Key("PDF dibuat ulang setiap disimpan"), args: tomlFile,
			flags: []flagSpec{
				{"-o", pdfFile, pesan.Key("berkas PDF keluaran")},
				timpa, templat, pdfaSpec, tte, jangkar, draf, akar, lampiranOnly}},
		{name: "web", run: webCmd, help: "web",
			summary: pesan.Key("meja kerja di peramban atas sebuah folder PK"), args: folder,
			flags: []flagSpec{
				{"--alamat", word, pesan.Key("alamat HOST:PORT (bawaan: 127.0.0.1:8800, hanya komputer ini)")},
				{"--buka", none, pesan.Key("buka peramban")},
				{"--token", word, pesan.Key("token akses tetap (bawaan: PKGEN_TOKEN, atau acak)")}}},
		{name: "version", run: versionCmd, help: "version",
			summary: pesan.Key("versi pkgen dan Go"), args: none},
		{name: "completion", run: completionCmd, help: "completion",
			summary: pesan.Key("skrip pelengkapan perintah untuk shell"), args: value{choose: shells}},
		{name: "help", run: helpCmd, help: "help",
			summary: pesan.Key("bantuan sebuah perintah"), args: value{choose: commandNames}},
	}
}

// globalFlags are accepted before or after any command.
var globalFlags = []flagSpec{
	{"--lang", value{choose: func() []string { return []string{"id", "en"} }}, pesan.Key("bahasa pesan")},
	{"--help", none, pesan.Key("bantuan")},
	{"--version", none, pesan.Key("versi pkgen dan Go")},
}

func findCommand(name string) (*command, bool) {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i], true
		}
	}
	return nil, false
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// helpText is a command's help in the current language.
func (c *command) helpText() string {
	return helpText(c.help)
}

// getenv reads the locale environment; tests replace it.
var getenv = os.Getenv

func main() {
	prepareProcess(os.Args[1:])
	os.Exit(runWith(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs pkgen with an empty standard input.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, strings.NewReader(""), stdout, stderr)
}

func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	args, err := useLanguage(args)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n\n", err)
		printHelp(stderr, "usage")
		return exitUsage
	}
	if len(args) == 0 {
		printHelp(stderr, "usage")
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help":
		printHelp(stdout, "usage")
		return exitOK
	case "--version", "-version":
		return versionCmd(args[1:], stdin, stdout, stderr)
	}
	c, ok := findCommand(args[0])
	if !ok {
		pesan.Fprintf(stderr, "pkgen: perintah %q tidak dikenal\n\n%s", args[0], helpText("usage"))
		return exitUsage
	}
	if wantsHelp(args[1:]) {
		io.WriteString(stdout, c.helpText())
		return exitOK
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

// useLanguage takes the global --lang flag out of args, wherever it is
// (before "--"), and makes its language, else the locale environment's,
// the one messages are printed in.
func useLanguage(args []string) ([]string, error) {
	pesan.Use(pesan.FromEnv(getenv))
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		if name != "--lang" && name != "-lang" {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 == len(args) {
				return nil, pesan.Errorf("--lang memerlukan bahasa: id atau en")
			}
			i++
			val = args[i]
		}
		tag, ok := pesan.Parse(val)
		if !ok {
			return nil, pesan.Errorf("bahasa %q tidak dikenal; pilih id atau en", val)
		}
		pesan.Use(tag)
	}
	return rest, nil
}

// wantsHelp reports a -h, -help or --help among a command's arguments.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// helpCmd prints the overview or one command's help.
func helpCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		printHelp(stdout, "usage")
		return exitOK
	case 1:
		c, ok := findCommand(args[0])
		if !ok {
			pesan.Fprintf(stderr, "pkgen: perintah %q tidak dikenal\n\n%s", args[0], helpText("usage"))
			return exitUsage
		}
		io.WriteString(stdout, c.helpText())
		return exitOK
	}
	pesan.Fprintf(stderr, "pkgen help: sebutkan satu perintah saja\n\n%s", helpText("help"))
	return exitUsage
}
