package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen/pesan"
	"pkgen/render"
	"pkgen/render/pdf"
)

func capaianCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("capaian", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.capaian") }
	out := fs.String("o", "", "berkas PDF keluaran, atau - untuk keluaran standar")
	ttd := fs.Bool("ttd", false, "tutup lampiran dengan tanda tangan")
	lkip := fs.String("lampirkan-ke", "", "PDF LKIP yang diberi lampiran")
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	pdfa := pdfaFlag(fs)
	tte := fs.Bool("tte", false, "blok tanda tangan elektronik dan berkas .ttd.json (bersama --ttd)")
	jangkar := fs.String("jangkar", "", "teks jangkar tak terlihat di kotak tanda tangan (bersama --tte)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if *tte && !*ttd || *jangkar != "" && !*tte {
		pesan.Fprintf(stderr, "pkgen capaian: --tte hanya bersama --ttd, dan --jangkar hanya bersama --tte\n")
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen capaian: sebutkan tepat satu berkas realisasi .toml\n\n%s", pesan.Text("help.capaian"))
		return exitUsage
	}
	in := files[0]
	dst := *out
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
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	if dst != "-" && samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen capaian: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	lap, probs, err := loadRealisasi(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	printProblems(stderr, probs)
	if lap == nil || lap.Dokumen == nil {
		pesan.Fprintf(stderr, "pkgen capaian: %s tidak sah (%d galat); PDF tidak ditulis\n", in, len(probs.Errors()))
		return exitInvalid
	}
	doc := lap.Dokumen
	// The annex prints no logo: a PK whose logo file is missing still
	// gives its capaian annex.
	noLogo := *doc
	noLogo.Instansi.Logo = ""
	opt, err := options(&noLogo, doc.File, tpls)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	opt.TTE, opt.Jangkar = *tte, *jangkar
	laid, err := render.LayoutCapaian(lap, render.CapaianOptions{Options: opt, TandaTangan: *ttd})
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %s: %v\n", in, err)
		return exitInvalid
	}
	// The description is part of the PDF: Indonesian, whatever the
	// language of messages.
	srcs, err := bacaSumber(append([]berkasSumber{{lap.File,
		fmt.Sprintf("Berkas TOML sumber: laporan realisasi triwulan %d Tahun %d", lap.Triwulan, doc.Tahun), lap.Raw}}, versiPK(doc)...))
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	// Merged into an LKIP made by other software the result cannot be
	// PDF/A; the sources are attached to the merged file instead.
	popt := pdf.Options{PDFA: pdfa.on && *lkip == ""}
	if *lkip == "" {
		popt.Sources = srcs
	}
	data, err := pdf.Bytes(laid, popt)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %s: %v\n", in, err)
		return exitInvalid
	}
	pages := pesan.Sprintf("%d halaman", len(laid.Pages))
	skip := 0 // pages before the annex's first
	if *lkip != "" {
		base, err := os.ReadFile(*lkip)
		if err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: berkas LKIP tidak dapat dibaca: %v\n", err)
			return exitInvalid
		}
		merged, n, err := pdf.Append(base, data, srcs, laid.Meta.Created)
		if err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %s: %v; tidak ada yang ditulis\n", *lkip, err)
			return exitInvalid
		}
		data, skip = merged, n
		pages = pesan.Sprintf("%d halaman (LKIP %d + lampiran capaian %d)", n+len(laid.Pages), n, len(laid.Pages))
	}
	if dst == "-" {
		if _, err := stdout.Write(data); err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
			return exitInvalid
		}
		if *tte {
			pesan.Fprintf(stderr, "pkgen capaian: catatan: PDF ditulis ke keluaran standar, jadi berkas .ttd.json tidak ditulis\n")
		}
		return exitOK
	}
	if err := writeAtomic(dst, data); err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	if *tte {
		if err := tulisTTD(dst, laid, *jangkar != "", skip); err != nil {
			pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
			return exitInvalid
		}
	}
	pesan.Fprintf(stderr, "%s: %s\n", dst, pages)
	return exitOK
}

// samePath reports whether two paths name one file: the same cleaned
// absolute path, or (when both exist) the same file through a link.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
