package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
	h, err := spreadsheet.Import(data)
	if err != nil {
		var ms spreadsheet.Problems
		if errors.As(err, &ms) {
			for _, m := range ms {
				pesan.Fprintf(stderr, "%s: %s\n", in, m.In(pesan.Current()))
			}
			pesan.Fprintf(stderr, "pkgen impor: %s tidak dapat dibaca (%d masalah); TOML tidak ditulis\n", in, len(ms))
		} else {
			pesan.Fprintf(stderr, "pkgen impor: %s: %v\n", in, err)
		}
		return exitInvalid
	}

	dir := "."
	name := "-"
	if dst != "-" {
		dir, name = filepath.Dir(dst), dst
	}
	schemaFile := "pk.schema.json"
	if h.Laporan != nil {
		schemaFile = "realisasi.schema.json"
	}
	// The header is the file's own text, Indonesian like the file.
	header := "Dibuat oleh pkgen impor dari " + filepath.Base(in) + "."
	if p := findSchema(dir, schemaFile); p != "" {
		header = "#:schema " + p + "\n" + header
	}
	text := h.TOML(header)

	var probs model.Problems
	summary := ""
	if h.Laporan != nil {
		pk := h.Laporan.PK
		if pk != "" && !filepath.IsAbs(pk) {
			pk = filepath.Join(dir, pk)
		}
		doc, pkProbs, err := loadNamedPK(pk, stdin)
		if err != nil || doc == nil {
			printProblems(stderr, pkProbs)
			var msg any = pesan.M("PK yang disebut tidak sah")
			if err != nil {
				msg = err
			}
			pesan.Fprintf(stderr, "pkgen impor: %s: pk %q (dicari relatif terhadap %s): %v; TOML tidak ditulis\n", in, h.Laporan.PK, name, msg)
			return exitInvalid
		}
		lap, ps := model.ParseRealisasi(name, text, doc)
		probs = ps
		if lap != nil {
			summary = pesan.Sprintf("realisasi s.d. triwulan %d, %d indikator", lap.Triwulan, len(lap.Realisasi))
		}
	} else {
		doc, ps := model.Parse(name, text)
		probs = ps
		if doc != nil {
			summary = pesan.Sprintf("PK %d, %d sasaran, %d indikator", doc.Tahun, len(doc.Sasaran), doc.JumlahIndikator())
		}
	}
	for _, p := range probs {
		fmt.Fprintln(stderr, problemAt(in, h, p))
	}
	if len(probs.Errors()) > 0 {
		pesan.Fprintf(stderr, "pkgen impor: isi %s tidak sah (%d galat); TOML tidak ditulis\n", in, len(probs.Errors()))
		return exitInvalid
	}

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

// loadNamedPK loads the PK a realisasi sheet names, rooted in its folder.
func loadNamedPK(path string, stdin io.Reader) (*model.Document, model.Problems, error) {
	in, err := openInput(path, "", stdin)
	if err != nil {
		return nil, nil, err
	}
	defer in.Close()
	return pkgen.LoadPK(in.Input)
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
