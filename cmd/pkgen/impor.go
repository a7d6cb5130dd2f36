package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen"
	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/spreadsheet"
)

func imporCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("impor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "impor") }
	out := fs.String("o", "", "berkas TOML keluaran, atau - untuk keluaran standar")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(inputs) != 1 {
		pesan.Fprintf(stderr, "pkgen impor: sebutkan tepat satu berkas .xlsx\n\n%s", helpText("impor"))
		return exitUsage
	}
	in := inputs[0]
	dst := *out
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".toml"
	}
	if dst != "-" && samePath(dst, in) {
		pesan.Fprintf(stderr, "pkgen impor: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	data, err := files.ReadPath(in, files.XLSX, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	dir, name := ".", "-"
	if dst != "-" {
		dir, name = filepath.Dir(dst), filepath.Base(dst)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen impor: %v\n", err)
		return exitInvalid
	}
	defer root.Close()
	// The header is the file's own text, Indonesian like the file.
	header := func(realisasi bool) string {
		schemaFile := "pk.schema.json"
		if realisasi {
			schemaFile = "realisasi.schema.json"
		}
		h := "Dibuat oleh pkgen impor dari " + filepath.Base(in) + "."
		if p := findSchema(dir, schemaFile); p != "" {
			h = "#:schema " + p + "\n" + h
		}
		return h
	}
	res, err := pkgen.ImportXLSX(data, root.FS(), name, header)
	var ms spreadsheet.Problems
	switch {
	case errors.As(err, &ms):
		for _, m := range ms {
			pesan.Fprintf(stderr, "%s: %s\n", in, m.In(pesan.Current()))
		}
		pesan.Fprintf(stderr, "pkgen impor: %s tidak dapat dibaca (%d masalah); TOML tidak ditulis\n", in, len(ms))
		return exitInvalid
	case err != nil && res != nil && res.Laporan == nil && res.Sheet.Laporan != nil:
		// The PK the realisasi form names does not load.
		printProblems(stderr, res.Problems)
		pesan.Fprintf(stderr, "pkgen impor: %s: %v (dicari relatif terhadap %s); TOML tidak ditulis\n", in, err, dst)
		return exitInvalid
	case err != nil:
		pesan.Fprintf(stderr, "pkgen impor: %s: %v\n", in, err)
		return exitInvalid
	}
	summary := ""
	switch {
	case res.Laporan != nil:
		summary = pesan.Sprintf("realisasi s.d. triwulan %d, %d indikator", res.Laporan.Triwulan, len(res.Laporan.Realisasi))
	case res.Doc != nil:
		summary = pesan.Sprintf("PK %d, %d sasaran, %d indikator", res.Doc.Tahun, len(res.Doc.Sasaran), res.Doc.JumlahIndikator())
	}
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, problemAt(in, res.Sheet, p))
	}
	if n := len(res.Problems.Errors()); n > 0 {
		pesan.Fprintf(stderr, "pkgen impor: isi %s tidak sah (%d galat); TOML tidak ditulis\n", in, n)
		return exitInvalid
	}
	text := res.TOML

	if dst == "-" {
		if _, err := stdout.Write(text); err != nil {
			pesan.Fprintf(stderr, "pkgen impor: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	if !writeOutput("impor", dst, text, *timpa, stderr) {
		return exitInvalid
	}
	fmt.Fprintf(stderr, "%s: %s\n", dst, summary)
	return exitOK
}

// problemAt places a loader message about the written TOML in the
// workbook: "pk.xlsx: lembar Lampiran, sel P7: sasaran[3]…: pesan".
func problemAt(in string, h *spreadsheet.Imported, p model.Problem) string {
	pr := pesan.Current()
	var b strings.Builder
	b.WriteString(in)
	b.WriteString(": ")
	if l, ok := h.Locate(p.Path); ok {
		b.WriteString(l.In(pr))
	}
	if p.Severity == model.Peringatan {
		b.WriteString(pr.Text("peringatan") + ": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Text(pr))
	return b.String()
}
