package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"pkgen/model"
	"pkgen/render"
	"pkgen/render/pdf"
	"pkgen/templates"
)

const renderHelp = `pkgen render BERKAS.toml [-o KELUARAN.pdf|-] [--timpa] [--templat BERKAS]...

Membuat PDF Perjanjian Kinerja: halaman pernyataan (tegak) dan lampiran
(mendatar) dengan tanda tangan penutup.

  -o KELUARAN     berkas PDF yang ditulis; "-" menulis ke keluaran standar.
                  Bawaan: nama berkas masukan dengan akhiran .pdf, di folder
                  yang sama; PK Perubahan ke-n berakhiran -perubahan-n.pdf.
  --timpa         ganti PDF yang sudah ada. Tanpa ini pkgen menolak menimpa
                  PDF (yang mungkin sudah ditandatangani) dan keluar dengan 1.
  --templat BERKAS
                  berkas kata-kata (.tmpl) atau kolom lampiran
                  (lampiran-NAMA.toml) yang menggantikan bawaan; boleh diulang.

PDF ditulis ke berkas sementara lalu diganti namanya setelah lengkap: masukan
yang tidak sah tidak menulis apa pun. Tanggal PDF diambil dari tanggal dokumen
(atau 1 Januari tahunnya), atau dari SOURCE_DATE_EPOCH bila diisi, sehingga
masukan yang sama selalu menghasilkan byte yang sama.

Status keluar: 0 berhasil, 1 masukan tidak sah atau gagal menulis, 2 salah pemakaian.
`

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

func renderCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, renderHelp+batchHelp) }
	out := fs.String("o", "", "berkas PDF keluaran, atau - untuk keluaran standar")
	dir := fs.String("d", "", "folder keluaran untuk banyak berkas")
	timpa := fs.Bool("timpa", false, "ganti PDF yang sudah ada")
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprint(stderr, "pkgen render: sebutkan tepat satu berkas .toml, atau beberapa berkas atau folder\n\n", renderHelp+batchHelp)
		return exitUsage
	}
	if len(files) > 1 || *dir != "" || isDir(files[0]) {
		return renderBatch(files, *out, *dir, tpls, *timpa, stderr)
	}
	in := files[0]
	dst := *out
	if dst != "-" && dst != "" && filepath.Clean(dst) == filepath.Clean(in) {
		fmt.Fprintf(stderr, "pkgen render: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	doc, probs, err := model.Load(in)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	for _, p := range probs {
		fmt.Fprintln(stderr, p.String())
	}
	if doc == nil {
		fmt.Fprintf(stderr, "pkgen render: %s tidak sah (%d galat); PDF tidak ditulis\n", in, len(probs.Errors()))
		return exitInvalid
	}
	if dst == "" {
		dst = defaultPDF(in, doc)
	}
	// Refuse early, before any work, to replace a PDF that may be signed.
	if _, err := os.Lstat(dst); err == nil && dst != "-" && !*timpa {
		fmt.Fprintf(stderr, "pkgen render: %s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa.%s\n", dst, timpaHint)
		return exitInvalid
	}
	opt, err := options(doc, in, tpls)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitInvalid
	}
	laid, err := render.Layout(doc, opt)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen render: %s: %v\n", in, err)
		return exitInvalid
	}
	data, err := pdf.Bytes(laid)
	if err != nil {
		fmt.Fprintf(stderr, "pkgen render: %s: %v\n", in, err)
		return exitInvalid
	}
	if dst == "-" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
		return exitOK
	}
	if err := tulisBerkas(dst, data, *timpa); err != nil {
		fmt.Fprintf(stderr, "pkgen render: %v%s\n", err, saranAda(err, timpaHint))
		return exitInvalid
	}
	fmt.Fprintf(stderr, "%s: %d halaman\n", dst, len(laid.Pages))
	return exitOK
}

// options gathers what layout needs from outside the document: templates,
// the logo file and a reproducible date.
func options(doc *model.Document, in string, tpls []string) (render.Options, error) {
	var opt render.Options
	set, err := loadTemplates(doc, in, tpls)
	if err != nil {
		return opt, err
	}
	opt.Templates = set
	if doc.Instansi.Logo != "" {
		path := doc.Instansi.Logo
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(in), path)
		}
		if opt.Logo, err = os.ReadFile(path); err != nil {
			return opt, fmt.Errorf("%s: instansi.logo: %v", in, err)
		}
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return opt, fmt.Errorf("SOURCE_DATE_EPOCH %q bukan bilangan detik", s)
		}
		opt.Created = time.Unix(sec, 0).UTC()
	}
	return opt, nil
}

// timpaHint tells how to replace an existing PDF on purpose.
const timpaHint = " Pakai --timpa untuk menggantinya, atau -o dengan nama lain."

// defaultPDF names the PDF beside its input; the name carries the version,
// so an amendment never lands on the signed original's file:
// pk-2023.toml → pk-2023.pdf, a PK Perubahan ke-1 → …-perubahan-1.pdf.
func defaultPDF(in string, doc *model.Document) string {
	base := strings.TrimSuffix(in, filepath.Ext(in))
	if p := doc.Perubahan; p != nil {
		suffix := fmt.Sprintf("-perubahan-%d", p.Ke)
		if !strings.HasSuffix(base, suffix) {
			base += suffix
		}
	}
	return base + ".pdf"
}

// loadTemplates applies the document's own wording variants and files
// (paths relative to the document) and then the command line's over the
// embedded templates, and checks the document can be laid out with them.
func loadTemplates(doc *model.Document, in string, tpls []string) (*templates.Set, error) {
	var all []string
	for _, t := range doc.Templat {
		if !slices.Contains(templates.Variants(), t) && !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(in), t)
		}
		all = append(all, t)
	}
	set, err := templates.Load(append(all, tpls...)...)
	if err != nil {
		return nil, fmt.Errorf("%s: templat: %w", in, err)
	}
	if err := render.Check(doc, set); err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	return set, nil
}

// writeAtomic writes to a temporary file beside dst and renames it into
// place only when complete, so a failure never leaves a half-written PDF.
func writeAtomic(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".pkgen-*.pdf.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	ok = true
	return nil
}
