package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// parseInterspersed lets flags come after the file name, as users type them.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// pdfValue is the --pdfa flag: "3b" (the default) or "none".
type pdfaValue struct{ on bool }

func (v *pdfaValue) String() string {
	if v == nil || v.on {
		return "3b"
	}
	return "none"
}

func (v *pdfaValue) Set(s string) error {
	switch strings.ToLower(s) {
	case "3b", "pdf/a-3b", "a-3b":
		v.on = true
	case "none", "tidak":
		v.on = false
	default:
		// The flag package prints the error's text: render it now, in
		// the language of the run.
		return errors.New(pesan.Sprintf("%q tidak dikenal; tulis 3b (PDF/A-3b, bawaan) atau none (PDF biasa)", s))
	}
	return nil
}

// outputFlags are the flags of every command that renders a PDF.
type outputFlags struct {
	tpls    multiFlag
	pdfa    pdfaValue
	tte     *bool
	draf    *bool
	jangkar *string
	akar    *string
	// lampiranOnly is render's and pantau's --hanya-lampiran.
	lampiranOnly bool
}

func addOutputFlags(fs *flag.FlagSet, tteUsage string) *outputFlags {
	f := &outputFlags{pdfa: pdfaValue{on: true}}
	fs.Var(&f.tpls, "templat", "berkas templat pengganti (boleh diulang)")
	fs.Var(&f.pdfa, "pdfa", "3b (bawaan: PDF/A-3b untuk arsip) atau none (PDF biasa)")
	f.tte = fs.Bool("tte", false, tteUsage)
	f.jangkar = fs.String("jangkar", "", "teks jangkar tak terlihat di kotak tanda tangan (bersama --tte)")
	f.draf = fs.Bool("draf", false, "tandai setiap halaman DRAF; PDF biasa, bukan PDF/A")
	f.akar = akarFlag(fs)
	return f
}

// options reads the --templat files and SOURCE_DATE_EPOCH.
func (f *outputFlags) options(stdin io.Reader) (pkgen.Options, error) {
	opt := pkgen.Options{PDFA: f.pdfa.on, TTE: *f.tte, Jangkar: *f.jangkar, HanyaLampiran: f.lampiranOnly, Draf: *f.draf}
	var err error
	if opt.Templates, err = readTemplates(f.tpls, stdin); err != nil {
		return opt, err
	}
	opt.Created, err = created()
	return opt, err
}

func renderCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "render") }
	out := fs.String("o", "", "berkas PDF keluaran, atau - untuk keluaran standar")
	dir := fs.String("d", "", "folder keluaran untuk banyak berkas")
	timpa := fs.Bool("timpa", false, "ganti PDF yang sudah ada")
	lampiranOnly := fs.Bool("hanya-lampiran", false, "hanya lampiran, tanpa halaman pernyataan")
	of := addOutputFlags(fs, "blok tanda tangan elektronik dan berkas .ttd.json")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(inputs) == 0 {
		pesan.Fprintf(stderr, "pkgen render: sebutkan tepat satu berkas .toml, atau beberapa berkas atau folder\n\n%s", helpText("render"))
		return exitUsage
	}
	if *of.jangkar != "" && !*of.tte {
		pesan.Fprintf(stderr, "pkgen render: --jangkar hanya bersama --tte\n")
		return exitUsage
	}
	of.lampiranOnly = *lampiranOnly
	if len(inputs) > 1 || *dir != "" || isDir(inputs[0]) {
		return renderBatch(inputs, *out, *dir, *timpa, of, stdin, stderr)
	}
	in, dst := inputs[0], *out
	if in == files.Stdin && dst == "" {
		pesan.Fprintf(stderr, "pkgen render: masukan dari keluaran standar (-) memerlukan -o BERKAS.pdf atau -o -\n")
		return exitUsage
	}
	if dst != "-" && dst != "" && samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen render: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	opt, err := of.options(stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitInvalid
	}
	src, err := openInput(in, *of.akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	if pkgen.IsRealisasi(src.Input) {
		pesan.Fprintf(stderr, "pkgen render: %s adalah laporan realisasi, bukan PK; lampiran capaiannya dibuat dengan pkgen capaian %s\n", in, in)
		return exitUsage
	}
	if dst == "" {
		// The name carries the version, read from the bytes rendered.
		dst = pkgen.OutputName(in, perubahanKe(src))
	}
	// Refuse early, before any work, to replace a PDF that may be signed.
	if dst != "-" && refuseExisting("render", dst, *timpa, stderr) {
		return exitInvalid
	}
	pk, err := pkgen.RenderPK(src.Input, opt)
	if pk != nil {
		printProblems(stderr, pk.Problems)
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v; PDF tidak ditulis\n", err)
		return exitInvalid
	}
	if dst == "-" {
		if _, err := stdout.Write(pk.PDF); err != nil {
			pesan.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
		if opt.TTE {
			pesan.Fprintf(stderr, "pkgen render: catatan: PDF ditulis ke keluaran standar, jadi berkas .ttd.json tidak ditulis\n")
		}
		return exitOK
	}
	if !writeOutput("render", dst, pk.PDF, *timpa, stderr) {
		return exitInvalid
	}
	if opt.TTE && !writeSignatures("render", dst, pkgen.Signatures(filepath.Base(dst), pk.Layout, opt.Jangkar != "", 0), stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: %d halaman\n", dst, len(pk.Layout.Pages))
	return exitOK
}

// perubahanKe is the amendment number of an input, from its snapshot.
func perubahanKe(in *input) int {
	data, err := files.Read(in.FS, in.Name, files.TOML)
	if err != nil {
		return 0
	}
	return model.PerubahanKe(data)
}

// isDir reports whether path names a folder.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
