package main

import (
	"flag"
	"io"
	"path/filepath"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/pesan"
)

// docxCmd writes a PK as a Word document, for the last edits a PDF does
// not allow; the PDF stays the signed document.
func docxCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "docx") }
	out := fs.String("o", "", "berkas DOCX keluaran")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	akar := akarFlag(fs)
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(inputs) != 1 {
		pesan.Fprintf(stderr, "pkgen docx: sebutkan tepat satu berkas .toml\n\n%s", helpText("docx"))
		return exitUsage
	}
	in, dst := inputs[0], *out
	if dst == "" {
		if in == files.Stdin {
			pesan.Fprintf(stderr, "pkgen docx: masukan dari masukan standar (-) memerlukan -o BERKAS.docx\n")
			return exitUsage
		}
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".docx"
	}
	if dst == "-" {
		pesan.Fprintf(stderr, "pkgen docx: DOCX tidak ditulis ke keluaran standar; sebutkan -o BERKAS.docx\n")
		return exitUsage
	}
	if samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen docx: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	opt := pkgen.Options{}
	if opt.Templates, err = readTemplates(tpls, stdin); err == nil {
		opt.Created, err = created()
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen docx: %v\n", err)
		return exitInvalid
	}
	src, err := openInput(in, *akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen docx: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	if pkgen.IsRealisasi(src.Input) {
		pesan.Fprintf(stderr, "pkgen docx: %s adalah laporan realisasi, bukan PK\n", in)
		return exitUsage
	}
	res, err := pkgen.RenderDOCX(src.Input, opt)
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen docx: %v; DOCX tidak ditulis\n", err)
		return exitInvalid
	}
	if !writeOutput("docx", dst, res.DOCX, *timpa, stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: ditulis; PDF yang ditandatangani tetap dibuat dengan pkgen render\n", dst)
	return exitOK
}
