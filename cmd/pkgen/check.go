package main

import (
	"errors"
	"flag"
	"io"

	"pkgen"
	"pkgen/model"
	"pkgen/pesan"
)

func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "check") }
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	akar := akarFlag(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		pesan.Fprintf(stderr, "pkgen check: sebutkan setidaknya satu berkas .toml\n\n%s", helpText("check"))
		return exitUsage
	}
	var opt pkgen.Options
	if opt.Templates, err = readTemplates(tpls, stdin); err != nil {
		pesan.Fprintf(stderr, "pkgen check: %v\n", err)
		return exitInvalid
	}
	status := exitOK
	for _, path := range paths {
		if !checkOne(path, *akar, opt, stdin, stdout, stderr) {
			status = exitInvalid
		}
	}
	return status
}

// checkOne checks a PK or a realisasi report, printing its problems on
// stderr and its verdict on stdout.
func checkOne(path, akar string, opt pkgen.Options, stdin io.Reader, stdout, stderr io.Writer) bool {
	in, err := openInput(path, akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return false
	}
	defer in.Close()
	res, err := pkgen.Check(in.Input, opt)
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	var invalid *pkgen.InvalidError
	switch {
	case errors.As(err, &invalid):
		pesan.Fprintf(stdout, "%s: TIDAK SAH — %d galat, %d peringatan\n", path, len(res.Problems.Errors()), len(res.Problems.Warnings()))
		return false
	case err != nil && (res == nil || res.Doc == nil && res.Laporan == nil):
		// The file itself could not be read.
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return false
	case err != nil:
		// Valid but not renderable (templates, logo, layout).
		pesan.Fprintf(stderr, "%v\n", err)
		pesan.Fprintf(stdout, "%s: TIDAK SAH — %d galat, %d peringatan\n", path, len(res.Problems.Errors())+1, len(res.Problems.Warnings()))
		return false
	case res.Laporan != nil:
		lap := res.Laporan
		pesan.Fprintf(stdout, "%s: sah — laporan realisasi TW %d tahun %d untuk %s; %d indikator dilaporkan; %d peringatan\n",
			path, lap.Triwulan, lap.Dokumen.Tahun, lap.Dokumen.File, len(lap.Realisasi), len(res.Problems.Warnings()))
	default:
		pesan.Fprintf(stdout, "%s: sah — %s\n", path, summary(res.Doc, len(res.Problems.Warnings())))
	}
	return true
}

// summary is the one-line description of a valid document.
func summary(doc *model.Document, warnings int) string {
	kind := "PK"
	if doc.Jenis == model.JenisPerubahan {
		kind = "PK Perubahan"
	}
	parties := "PIHAK PERTAMA " + doc.PihakPertama.Nama
	if doc.PihakKedua != nil {
		parties += ", PIHAK KEDUA " + doc.PihakKedua.Nama
	}
	if !doc.HasParties() {
		parties = pesan.Sprintf("lampiran saja, tanpa para pihak")
	}
	return pesan.Sprintf("%s %d, %s; %d sasaran, %d indikator; %d peringatan",
		kind, doc.Tahun, parties, len(doc.Sasaran), doc.JumlahIndikator(), warnings)
}
