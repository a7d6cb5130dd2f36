package main

import (
	"flag"
	"io"
	"path/filepath"

	"pkgen"
	"pkgen/files"
	"pkgen/pesan"
)

func capaianCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("capaian", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "capaian") }
	out := fs.String("o", "", "berkas PDF keluaran, atau - untuk keluaran standar")
	ttd := fs.Bool("ttd", false, "tutup lampiran dengan tanda tangan")
	lkip := fs.String("lampirkan-ke", "", "PDF LKIP yang diberi lampiran")
	xlsx := fs.String("xlsx", "", "buku kerja XLSX tabel capaian; tanpa -o hanya XLSX yang ditulis")
	docxOut := fs.String("docx", "", "dokumen Word DOCX tabel capaian; tanpa -o hanya DOCX yang ditulis")
	timpa := fs.Bool("timpa", false, "ganti PDF yang sudah ada")
	of := addOutputFlags(fs, "blok tanda tangan elektronik dan berkas .ttd.json (bersama --ttd)")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if *of.tte && !*ttd || *of.jangkar != "" && !*of.tte {
		pesan.Fprintf(stderr, "pkgen capaian: --tte hanya bersama --ttd, dan --jangkar hanya bersama --tte\n")
		return exitUsage
	}
	if len(inputs) != 1 {
		pesan.Fprintf(stderr, "pkgen capaian: sebutkan tepat satu berkas realisasi .toml\n\n%s", helpText("capaian"))
		return exitUsage
	}
	in, dst := inputs[0], *out
	if *xlsx != "" {
		if *xlsx == "-" || samePath(*xlsx, in) || dst != "" && dst != "-" && samePath(*xlsx, dst) {
			pesan.Fprintf(stderr, "pkgen capaian: --xlsx %s: tulis buku kerja ke berkas lain (bukan masukan, bukan -o, bukan -)\n", *xlsx)
			return exitUsage
		}
		if in == files.Stdin && dst != "" {
			pesan.Fprintf(stderr, "pkgen capaian: masukan dari keluaran standar (-) dibaca sekali: tulis PDF atau --xlsx, tidak keduanya\n")
			return exitUsage
		}
	}
	if *docxOut != "" {
		if *docxOut == "-" || samePath(*docxOut, in) || dst != "" && dst != "-" && samePath(*docxOut, dst) || *xlsx != "" && samePath(*docxOut, *xlsx) {
			pesan.Fprintf(stderr, "pkgen capaian: --docx %s: tulis dokumen Word ke berkas lain (bukan masukan, bukan -o, bukan --xlsx, bukan -)\n", *docxOut)
			return exitUsage
		}
		if in == files.Stdin && (dst != "" || *xlsx != "") {
			pesan.Fprintf(stderr, "pkgen capaian: masukan dari masukan standar (-) dibaca sekali: tulis satu berkas saja (PDF, --xlsx atau --docx)\n")
			return exitUsage
		}
	}
	for _, extra := range []string{*xlsx, *docxOut} {
		if extra != "" && refuseExisting("capaian", extra, *timpa, stderr) {
			return exitInvalid
		}
	}
	// writeExtra writes the workbook and the Word document asked for.
	writeExtra := func(opt pkgen.CapaianOptions) int {
		if *xlsx != "" {
			if code := capaianXLSX(in, *xlsx, *of.akar, *timpa, stdin, stderr); code != exitOK {
				return code
			}
		}
		if *docxOut != "" {
			return capaianDOCX(in, *docxOut, *of.akar, *timpa, opt, stdin, stderr)
		}
		return exitOK
	}
	if dst == "" && (*xlsx != "" || *docxOut != "") {
		// The workbook and document instead of the PDF.
		opt := pkgen.CapaianOptions{TandaTangan: *ttd}
		if opt.Options, err = of.options(stdin); err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
			return exitInvalid
		}
		return writeExtra(opt)
	}
	if *lkip != "" {
		if dst == "" {
			pesan.Fprintf(stderr, "pkgen capaian: --lampirkan-ke memerlukan -o KELUARAN.pdf (berkas LKIP %s tidak ditimpa)\n", *lkip)
			return exitUsage
		}
		if dst != "-" && samePath(dst, *lkip) {
			pesan.Fprintf(stderr, "pkgen capaian: keluaran %s sama dengan berkas LKIP; tulis gabungannya ke berkas lain (berkas LKIP tidak ditimpa)\n", dst)
			return exitUsage
		}
	}
	if in == files.Stdin && dst == "" {
		pesan.Fprintf(stderr, "pkgen capaian: masukan dari keluaran standar (-) memerlukan -o BERKAS.pdf atau -o -\n")
		return exitUsage
	}
	if dst == "" {
		dst = pkgen.OutputName(in, 0)
	}
	if dst != "-" && samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen capaian: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	// An annex made with --ttd may be the signed one: refuse before any
	// work.
	if dst != "-" && refuseExisting("capaian", dst, *timpa, stderr) {
		return exitInvalid
	}
	opt := pkgen.CapaianOptions{TandaTangan: *ttd}
	if opt.Options, err = of.options(stdin); err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	if *lkip != "" {
		if opt.LKIP, err = files.ReadPath(*lkip, files.PDF, stdin); err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: berkas LKIP tidak dapat dibaca: %v\n", err)
			return exitInvalid
		}
	}
	src, err := openInput(in, *of.akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	res, err := pkgen.RenderCapaian(src.Input, opt)
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	if err != nil {
		if opt.LKIP != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %v; tidak ada yang ditulis\n", err)
		} else {
			pesan.Fprintf(stderr, "pkgen capaian: %v; PDF tidak ditulis\n", err)
		}
		return exitInvalid
	}
	pages := pesan.Sprintf("%d halaman", len(res.Layout.Pages))
	if *lkip != "" {
		pages = pesan.Sprintf("%d halaman (LKIP %d + lampiran capaian %d)", res.LKIPPages+len(res.Layout.Pages), res.LKIPPages, len(res.Layout.Pages))
	}
	if dst == "-" {
		if _, err := stdout.Write(res.PDF); err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
			return exitInvalid
		}
		if opt.TTE {
			pesan.Fprintf(stderr, "pkgen capaian: catatan: PDF ditulis ke keluaran standar, jadi berkas .ttd.json tidak ditulis\n")
		}
		return exitOK
	}
	if !writeOutput("capaian", dst, res.PDF, *timpa, stderr) {
		return exitInvalid
	}
	if opt.TTE && !writeSignatures("capaian", dst, pkgen.Signatures(filepath.Base(dst), res.Layout, opt.Jangkar != "", res.LKIPPages), stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: %s\n", dst, pages)
	return writeExtra(opt)
}

// capaianDOCX writes the capaian tables of the report in as a Word
// document.
func capaianDOCX(in, dst, akar string, replace bool, opt pkgen.CapaianOptions, stdin io.Reader, stderr io.Writer) int {
	src, err := openInput(in, akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	res, err := pkgen.CapaianDOCX(src.Input, opt)
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v; DOCX tidak ditulis\n", err)
		return exitInvalid
	}
	if !writeOutput("capaian", dst, res.DOCX, replace, stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: dokumen Word tabel capaian\n", dst)
	return exitOK
}

// capaianXLSX writes the capaian tables of the report in as a workbook.
func capaianXLSX(in, dst, akar string, replace bool, stdin io.Reader, stderr io.Writer) int {
	src, err := openInput(in, akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	res, err := pkgen.CapaianXLSX(src.Input)
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v; XLSX tidak ditulis\n", err)
		return exitInvalid
	}
	if !writeOutput("capaian", dst, res.XLSX, replace, stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: buku kerja capaian\n", dst)
	return exitOK
}
