package main

import (
	"flag"
	"io"
	"path/filepath"
	"strings"

	"pkgen"
	"pkgen/pesan"
)

func xlsxCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xlsx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "xlsx") }
	out := fs.String("o", "", "berkas XLSX keluaran")
	realisasi := fs.Bool("realisasi", false, "lembar isian realisasi")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	akar := akarFlag(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen xlsx: sebutkan tepat satu berkas .toml\n\n%s", helpText("xlsx"))
		return exitUsage
	}
	in := files[0]
	dst := *out
	src, err := openInput(in, *akar, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	defer src.Close()
	isPK := !pkgen.IsRealisasi(src.Input)
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".xlsx"
		if *realisasi && isPK {
			dst = strings.TrimSuffix(in, filepath.Ext(in)) + "-realisasi.xlsx"
		}
	}
	if dst == "-" {
		pesan.Fprintf(stderr, "pkgen xlsx: XLSX tidak ditulis ke keluaran standar; sebutkan -o BERKAS.xlsx\n")
		return exitUsage
	}
	if samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen xlsx: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	if !*realisasi && !isPK {
		pesan.Fprintf(stderr, "pkgen xlsx: %s adalah berkas realisasi; gunakan pkgen xlsx --realisasi %s\n", in, in)
		return exitUsage
	}
	res, err := pkgen.ExportXLSX(src.Input, *realisasi, func(pkFile string) string { return relativeTo(dst, pkFile) })
	if res != nil {
		printProblems(stderr, res.Problems)
	}
	if err != nil {
		pesan.Fprintf(stderr, "pkgen xlsx: %v; XLSX tidak ditulis\n", err)
		return exitInvalid
	}
	data := res.XLSX
	if !writeOutput("xlsx", dst, data, *timpa, stderr) {
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: ditulis; kembalikan ke TOML dengan: pkgen impor %s\n", dst, dst)
	return exitOK
}

// relativeTo names target as seen from the folder of the file from.
func relativeTo(from, target string) string {
	a, err1 := filepath.Abs(filepath.Dir(from))
	b, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(a, b)
	if err != nil {
		return filepath.ToSlash(b)
	}
	return filepath.ToSlash(rel)
}
