package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen/model"
	"pkgen/spreadsheet"
)

const imporHelp = `pkgen impor BERKAS.xlsx [-o KELUARAN.toml|-] [--timpa]

Membaca kembali lembar kerja yang dibuat pkgen xlsx (PK atau realisasi) dan
menulisnya sebagai TOML yang rapi: satu kunci per baris, target sebagai
tabel sebaris dengan angka tetap angka dan persen sebagai "100%", pengukuran
sebagai teks '''…'''.

Hasilnya diperiksa seperti oleh pkgen check (berkas realisasi terhadap PK
yang disebutnya, dicari relatif terhadap KELUARAN). Setiap masalah disebut
dengan lembar dan selnya; bila ada galat, tidak ada yang ditulis.

  -o KELUARAN   berkas TOML yang ditulis; "-" menulis ke keluaran standar.
                Bawaan: nama masukan dengan akhiran .toml, di folder yang sama.
  --timpa       menimpa KELUARAN bila sudah ada (mis. berkas TOML asalnya).

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.
`

// maxXLSX bounds the workbook read; a PK's is well under a megabyte.
const maxXLSX = 64 << 20

func imporCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("impor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, imporHelp) }
	out := fs.String("o", "", "berkas TOML keluaran, atau - untuk keluaran standar")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprint(stderr, "pkgen impor: sebutkan tepat satu berkas .xlsx\n\n", imporHelp)
		return exitUsage
	}
	in := files[0]
	dst := *out
	if dst == "" {
		dst = strings.TrimSuffix(in, filepath.Ext(in)) + ".toml"
	}
	if dst != "-" && filepath.Clean(dst) == filepath.Clean(in) {
		fmt.Fprintf(stderr, "pkgen impor: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}
	data, err := bacaTerbatas(in, maxXLSX)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	h, err := spreadsheet.Impor(data)
	if err != nil {
		var ms spreadsheet.DaftarMasalah
		if errors.As(err, &ms) {
			for _, m := range ms {
				fmt.Fprintf(stderr, "%s: %s\n", in, m)
			}
			fmt.Fprintf(stderr, "pkgen impor: %s tidak dapat dibaca (%d masalah); TOML tidak ditulis\n", in, len(ms))
		} else {
			fmt.Fprintf(stderr, "pkgen impor: %s: %v\n", in, err)
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
	header := "Dibuat oleh pkgen impor dari " + filepath.Base(in) + "."
	if p := cariSkema(dir, schemaFile); p != "" {
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
		doc, pkProbs, err := model.Load(pk)
		if err != nil || doc == nil {
			for _, p := range pkProbs {
				fmt.Fprintln(stderr, p.String())
			}
			msg := "PK yang disebut tidak sah"
			if err != nil {
				msg = err.Error()
			}
			fmt.Fprintf(stderr, "pkgen impor: %s: pk %q (dicari relatif terhadap %s): %s; TOML tidak ditulis\n", in, h.Laporan.PK, name, msg)
			return exitInvalid
		}
		lap, ps := model.ParseRealisasi(name, text, doc)
		probs = ps
		if lap != nil {
			summary = fmt.Sprintf("realisasi s.d. triwulan %d, %d indikator", lap.Triwulan, len(lap.Realisasi))
		}
	} else {
		doc, ps := model.Parse(name, text)
		probs = ps
		if doc != nil {
			summary = fmt.Sprintf("PK %d, %d sasaran, %d indikator", doc.Tahun, len(doc.Sasaran), doc.JumlahIndikator())
		}
	}
	for _, p := range probs {
		fmt.Fprintln(stderr, masalahDi(in, h, p))
	}
	if len(probs.Errors()) > 0 {
		fmt.Fprintf(stderr, "pkgen impor: isi %s tidak sah (%d galat); TOML tidak ditulis\n", in, len(probs.Errors()))
		return exitInvalid
	}

	if dst == "-" {
		if _, err := stdout.Write(text); err != nil {
			fmt.Fprintf(stderr, "pkgen impor: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	if err := tulisBerkas(dst, text, *timpa); err != nil {
		fmt.Fprintf(stderr, "pkgen impor: %v%s\n", err, saranAda(err, "; gunakan --timpa untuk menimpanya"))
		return exitInvalid
	}
	fmt.Fprintf(stderr, "%s: %s\n", dst, summary)
	return exitOK
}

// masalahDi places a loader message about the written TOML in the
// workbook: "pk.xlsx: lembar Lampiran, sel P7: sasaran[3]…: pesan".
func masalahDi(in string, h *spreadsheet.Hasil, p model.Problem) string {
	var b strings.Builder
	b.WriteString(in)
	b.WriteString(": ")
	if l, ok := h.Lokasi(p.Path); ok {
		fmt.Fprintf(&b, "lembar %s, sel %s: ", l.Lembar, l.Sel)
	}
	if p.Severity == model.Peringatan {
		b.WriteString("peringatan: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// bacaTerbatas reads a file of at most limit bytes.
func bacaTerbatas(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: berkas lebih dari %d MB", path, limit>>20)
	}
	return data, nil
}
