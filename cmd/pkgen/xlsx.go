package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"pkgen/model"
	"pkgen/spreadsheet"
)

const xlsxHelp = `pkgen xlsx BERKAS.toml [-o KELUARAN.xlsx] [--timpa]
pkgen xlsx --realisasi REALISASI.toml [-o KELUARAN.xlsx] [--timpa]

Menulis PK sebagai lembar kerja XLSX untuk diisi di Excel atau LibreOffice:
lembar Dokumen (satu baris per kunci), Lampiran (satu baris per indikator:
kelompok, sasaran, indikator, target TW I–IV dan tahunan) dan Anggaran.
Kembalikan ke TOML dengan pkgen impor.

Dengan --realisasi: lembar isian realisasi, satu baris per indikator PK
dengan target di samping sel realisasi (terisi dari berkas realisasi, atau
kosong bila BERKAS adalah PK) dan validasi data pada sel realisasi.

  -o KELUARAN   berkas XLSX yang ditulis. Bawaan: nama masukan dengan
                akhiran .xlsx (-realisasi.xlsx untuk lembar realisasi baru
                dari sebuah PK), di folder yang sama.
  --timpa       menimpa KELUARAN bila sudah ada.

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.
`

func xlsxCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xlsx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, xlsxHelp) }
	out := fs.String("o", "", "berkas XLSX keluaran")
	realisasi := fs.Bool("realisasi", false, "lembar isian realisasi")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprint(stderr, "pkgen xlsx: sebutkan tepat satu berkas .toml\n\n", xlsxHelp)
		return exitUsage
	}
	in := files[0]
	dst := *out
	isPK, err := berkasPK(in)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".xlsx"
		if *realisasi && isPK {
			dst = strings.TrimSuffix(in, filepath.Ext(in)) + "-realisasi.xlsx"
		}
	}
	if dst == "-" {
		fmt.Fprint(stderr, "pkgen xlsx: XLSX tidak ditulis ke keluaran standar; sebutkan -o BERKAS.xlsx\n")
		return exitUsage
	}
	if filepath.Clean(dst) == filepath.Clean(in) {
		fmt.Fprintf(stderr, "pkgen xlsx: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	var data []byte
	switch {
	case !*realisasi:
		if !isPK {
			fmt.Fprintf(stderr, "pkgen xlsx: %s adalah berkas realisasi; gunakan pkgen xlsx --realisasi %s\n", in, in)
			return exitUsage
		}
		doc, ok := muatPK(in, stderr)
		if !ok {
			return exitInvalid
		}
		if data, err = spreadsheet.EksporPK(doc); err != nil {
			fmt.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	case isPK:
		doc, ok := muatPK(in, stderr)
		if !ok {
			return exitInvalid
		}
		if data, err = spreadsheet.EksporRealisasi(doc, nil, relatif(dst, in)); err != nil {
			fmt.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	default:
		lap, probs, err := model.LoadRealisasi(in)
		if err != nil {
			fmt.Fprintf(stderr, "pkgen: %v\n", err)
			return exitInvalid
		}
		for _, p := range probs {
			fmt.Fprintln(stderr, p.String())
		}
		if lap == nil {
			fmt.Fprintf(stderr, "pkgen xlsx: %s tidak sah (%d galat); XLSX tidak ditulis\n", in, len(probs.Errors()))
			return exitInvalid
		}
		pk := lap.PK
		if !filepath.IsAbs(pk) {
			pk = relatif(dst, filepath.Join(filepath.Dir(in), pk))
		}
		if data, err = spreadsheet.EksporRealisasi(lap.Dokumen, lap, pk); err != nil {
			fmt.Fprintf(stderr, "pkgen xlsx: %v\n", err)
			return exitInvalid
		}
	}
	if err := tulisBerkas(dst, data, *timpa); err != nil {
		fmt.Fprintf(stderr, "pkgen xlsx: %v%s\n", err, saranAda(err, "; gunakan --timpa untuk menimpanya"))
		return exitInvalid
	}
	fmt.Fprintf(stderr, "%s: ditulis; kembalikan ke TOML dengan: pkgen impor %s\n", dst, dst)
	return exitOK
}

// berkasPK tells a PK from a realisasi report (which names its PK with
// pk = …) by the keys at the top; a file that is not TOML is a PK for the
// loader to report.
func berkasPK(path string) (bool, error) {
	var top map[string]any
	if _, err := toml.DecodeFile(path, &top); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return true, nil
		}
		return false, err
	}
	_, ok := top["pk"]
	return !ok, nil
}

// muatPK loads a PK, printing its messages.
func muatPK(in string, stderr io.Writer) (*model.Document, bool) {
	doc, probs, err := model.Load(in)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen: %v\n", err)
		return nil, false
	}
	for _, p := range probs {
		fmt.Fprintln(stderr, p.String())
	}
	if doc == nil {
		fmt.Fprintf(stderr, "pkgen: %s tidak sah (%d galat)\n", in, len(probs.Errors()))
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
