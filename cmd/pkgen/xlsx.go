package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/spreadsheet"
)

func xlsxCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xlsx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.xlsx") }
	out := fs.String("o", "", "berkas XLSX keluaran")
	realisasi := fs.Bool("realisasi", false, "lembar isian realisasi")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen xlsx: sebutkan tepat satu berkas .toml\n\n%s", pesan.Text("help.xlsx"))
		return exitUsage
	}
	in := files[0]
	dst := *out
	isPK, err := isPKFile(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
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
	if filepath.Clean(dst) == filepath.Clean(in) {
		pesan.Fprintf(stderr, "pkgen xlsx: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	var data []byte
	switch {
	case !*realisasi:
		if !isPK {
			pesan.Fprintf(stderr, "pkgen xlsx: %s adalah berkas realisasi; gunakan pkgen xlsx --realisasi %s\n", in, in)
			return exitUsage
		}
		doc, ok := muatPK(in, stderr)
		if !ok {
			return exitInvalid
		}
		if data, err = spreadsheet.ExportPK(doc); err != nil {
			pesan.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	case isPK:
		doc, ok := muatPK(in, stderr)
		if !ok {
			return exitInvalid
		}
		if data, err = spreadsheet.ExportRealisasi(doc, nil, relatif(dst, in)); err != nil {
			pesan.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	default:
		lap, probs, err := loadRealisasi(in)
		if err != nil {
			pesan.Fprintf(stderr, "pkgen: %v\n", err)
			return exitInvalid
		}
		printProblems(stderr, probs)
		if lap == nil {
			pesan.Fprintf(stderr, "pkgen xlsx: %s tidak sah (%d galat); XLSX tidak ditulis\n", in, len(probs.Errors()))
			return exitInvalid
		}
		pk := lap.PK
		if !filepath.IsAbs(pk) {
			pk = relatif(dst, filepath.Join(filepath.Dir(in), pk))
		}
		if data, err = spreadsheet.ExportRealisasi(lap.Dokumen, lap, pk); err != nil {
			pesan.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	}
	if err := tulisBerkas(dst, data, *timpa); err != nil {
		pesan.Fprintf(stderr, "pkgen xlsx: %v%s\n", err, saranAda(err, pesan.Key("; gunakan --timpa untuk menimpanya")))
		return exitInvalid
	}
	pesan.Fprintf(stderr, "%s: ditulis; kembalikan ke TOML dengan: pkgen impor %s\n", dst, dst)
	return exitOK
}

// isPKFile tells a PK from a realisasi report (model.IsRealisasi); a file
// that is not TOML is a PK for the loader to report.
func isPKFile(path string) (bool, error) {
	data, err := files.ReadPath(path, files.TOML, os.Stdin)
	if err != nil {
		return false, err
	}
	return !model.IsRealisasi(data), nil
}

// muatPK loads a PK, printing its messages.
func muatPK(in string, stderr io.Writer) (*model.Document, bool) {
	doc, probs, err := loadPK(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return nil, false
	}
	printProblems(stderr, probs)
	if doc == nil {
		pesan.Fprintf(stderr, "pkgen: %s tidak sah (%d galat)\n", in, len(probs.Errors()))
		return nil, false
	}
	return doc, true
}

// relatif names target as seen from the folder of the file from.
func relatif(from, target string) string {
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
