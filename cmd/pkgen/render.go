package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
	"pkgen/render/pdf"
	"pkgen/templates"
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

func renderCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.render") }
	out := fs.String("o", "", "berkas PDF keluaran, atau - untuk keluaran standar")
	dir := fs.String("d", "", "folder keluaran untuk banyak berkas")
	timpa := fs.Bool("timpa", false, "ganti PDF yang sudah ada")
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	pdfa := pdfaFlag(fs)
	tte := fs.Bool("tte", false, "blok tanda tangan elektronik dan berkas .ttd.json")
	jangkar := fs.String("jangkar", "", "teks jangkar tak terlihat di kotak tanda tangan (bersama --tte)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		pesan.Fprintf(stderr, "pkgen render: sebutkan tepat satu berkas .toml, atau beberapa berkas atau folder\n\n%s", pesan.Text("help.render"))
		return exitUsage
	}
	if *jangkar != "" && !*tte {
		pesan.Fprintf(stderr, "pkgen render: --jangkar hanya bersama --tte\n")
		return exitUsage
	}
	pil := pilihan{pdfa: pdfa.on, tte: *tte, jangkar: *jangkar}
	if len(files) > 1 || *dir != "" || isDir(files[0]) {
		return renderBatch(files, *out, *dir, tpls, *timpa, pil, stderr)
	}
	in := files[0]
	dst := *out
	if dst != "-" && dst != "" && filepath.Clean(dst) == filepath.Clean(in) {
		pesan.Fprintf(stderr, "pkgen render: keluaran %s sama dengan masukan\n", dst)
		return exitUsage
	}

	if isRealisasiFile(in) {
		pesan.Fprintf(stderr, "pkgen render: %s adalah laporan realisasi, bukan PK; lampiran capaiannya dibuat dengan pkgen capaian %s\n", in, in)
		return exitUsage
	}
	doc, probs, err := loadPK(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	printProblems(stderr, probs)
	if doc == nil {
		pesan.Fprintf(stderr, "pkgen render: %s tidak sah (%d galat); PDF tidak ditulis\n", in, len(probs.Errors()))
		return exitInvalid
	}
	if dst == "" {
		dst = defaultPDF(in, doc)
	}
	// Refuse early, before any work, to replace a PDF that may be signed.
	if _, err := os.Lstat(dst); err == nil && dst != "-" && !*timpa {
		pesan.Fprintf(stderr, "pkgen render: %s sudah ada; PDF yang mungkin sudah ditandatangani tidak ditimpa.%s\n", dst, pesan.Text(timpaHint))
		return exitInvalid
	}
	data, laid, err := buatPK(doc, in, tpls, pil)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v\n", err)
		return exitInvalid
	}
	if dst == "-" {
		if _, err := stdout.Write(data); err != nil {
			pesan.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
		if pil.tte {
			pesan.Fprintf(stderr, "pkgen render: catatan: PDF ditulis ke keluaran standar, jadi berkas .ttd.json tidak ditulis\n")
		}
		return exitOK
	}
	if err := tulisBerkas(dst, data, *timpa); err != nil {
		pesan.Fprintf(stderr, "pkgen render: %v%s\n", err, saranAda(err, pesan.Key("; gunakan --timpa untuk menimpanya")))
		return exitInvalid
	}
	if pil.tte {
		if err := tulisTTD(dst, laid, pil.jangkar != "", 0); err != nil {
			pesan.Fprintf(stderr, "pkgen render: %v\n", err)
			return exitInvalid
		}
	}
	pesan.Fprintf(stderr, "%s: %d halaman\n", dst, len(laid.Pages))
	return exitOK
}

// pilihan are the output choices of render, batch and capaian.
type pilihan struct {
	pdfa    bool   // PDF/A-3b (--pdfa=3b, the default)
	tte     bool   // electronic signature blocks and the .ttd.json sidecar
	jangkar string // invisible anchor text in each signature area
}

// pdfaValue is the --pdfa flag: "3b" (the default) or "none".
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

func pdfaFlag(fs *flag.FlagSet) *pdfaValue {
	v := &pdfaValue{on: true}
	fs.Var(v, "pdfa", "3b (bawaan: PDF/A-3b untuk arsip) atau none (PDF biasa)")
	return v
}

// buatPK lays out a PK and makes its PDF: the one path of render and of
// batch, so both give the same bytes. Errors name the input.
func buatPK(doc *model.Document, in string, tpls []string, pil pilihan) ([]byte, *render.Document, error) {
	opt, err := options(doc, in, tpls)
	if err != nil {
		return nil, nil, err
	}
	opt.TTE, opt.Jangkar = pil.tte, pil.jangkar
	laid, err := render.Layout(doc, opt)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", in, err)
	}
	srcs, err := sumberPK(doc)
	if err != nil {
		return nil, nil, err
	}
	data, err := pdf.Bytes(laid, pdf.Options{PDFA: pil.pdfa, Sources: srcs})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", in, err)
	}
	return data, laid, nil
}

// berkasSumber is a file to embed and what it is.
type berkasSumber struct {
	path, desc string
	data       []byte
}

// versiPK lists a PK's file and those of the versions it amends, newest
// first.
func versiPK(doc *model.Document) []berkasSumber {
	var out []berkasSumber
	for d := doc; d != nil; {
		// The description is part of the PDF, which is Indonesian and the
		// same bytes whatever the language of messages.
		out = append(out, berkasSumber{d.File, fmt.Sprintf("Berkas TOML sumber: %s Tahun %d", d.Versi(), d.Tahun), d.Raw})
		if d.Perubahan == nil {
			break
		}
		d = d.Perubahan.Asal
	}
	return out
}

// sumberPK reads the TOML files of a PK and of every version it amends,
// to be embedded in its PDF.
func sumberPK(doc *model.Document) ([]pdf.Source, error) {
	return bacaSumber(versiPK(doc))
}

// bacaSumber reads the files to embed. Each is named by its path relative
// to the folder holding them all, with forward slashes, so the files
// written back by pkgen ekstrak find each other (perubahan.mengubah, pk)
// as they did.
func bacaSumber(files []berkasSumber) ([]pdf.Source, error) {
	abs := make([]string, len(files))
	for i, f := range files {
		a, err := filepath.Abs(f.path)
		if err != nil {
			return nil, err
		}
		abs[i] = a
	}
	root := ""
	if len(abs) > 0 {
		root = filepath.Dir(abs[0])
	}
	for _, a := range abs {
		for root != "" && !filepath.IsLocal(relOr(root, a)) {
			up := filepath.Dir(root)
			if up == root {
				root = ""
				break
			}
			root = up
		}
	}
	out := make([]pdf.Source, 0, len(files))
	seen := map[string]bool{}
	for i, f := range files {
		name := filepath.Base(abs[i])
		if root != "" {
			name = relOr(root, abs[i])
		}
		name = namaSumber.Replace(filepath.ToSlash(name))
		if seen[name] {
			continue // the same file twice
		}
		seen[name] = true
		out = append(out, pdf.Source{Name: name, Desc: f.desc, Data: f.data})
	}
	return out, nil
}

func relOr(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return ".."
	}
	return r
}

// namaSumber replaces what a name inside the PDF may not hold.
var namaSumber = strings.NewReplacer(`\`, "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_")

// ttdJSON is the sidecar of a PDF with electronic signature blocks: where
// each signatory signs, for the signing service.
type ttdJSON struct {
	PDF         string       `json:"pdf"`
	Satuan      string       `json:"satuan"`
	Asal        string       `json:"asal_koordinat"`
	TandaTangan []ttdPenanda `json:"tanda_tangan"`
}

type ttdPenanda struct {
	Halaman       int     `json:"halaman"` // 1-based
	Peran         string  `json:"peran"`
	Nama          string  `json:"nama"`
	Jabatan       string  `json:"jabatan"`
	NIP           string  `json:"nip,omitempty"`
	LLX           float64 `json:"llx"`
	LLY           float64 `json:"lly"`
	URX           float64 `json:"urx"`
	URY           float64 `json:"ury"`
	LebarHalaman  float64 `json:"lebar_halaman"`
	TinggiHalaman float64 `json:"tinggi_halaman"`
	Jangkar       string  `json:"jangkar,omitempty"`
}

// ttdDaftar lists the signature areas of a laid-out document in PDF
// points from the page's bottom-left corner, rounded to 0.01 pt. skip is
// the number of pages before the document's first in the PDF (an LKIP the
// capaian annex is appended to).
func ttdDaftar(pdfName string, laid *render.Document, jangkar bool, skip int) ttdJSON {
	out := ttdJSON{PDF: pdfName, Satuan: "pt", Asal: "kiri-bawah", TandaTangan: []ttdPenanda{}}
	for i, p := range laid.Pages {
		for _, a := range p.SignAreas {
			llx, lly, urx, ury := a.Points(p.Height)
			e := ttdPenanda{Halaman: skip + i + 1, Peran: a.Peran, Nama: a.Nama, Jabatan: a.Jabatan, NIP: a.NIP,
				LLX: llx, LLY: lly, URX: urx, URY: ury,
				LebarHalaman: render.Points(p.Width), TinggiHalaman: render.Points(p.Height)}
			if jangkar {
				e.Jangkar = a.Jangkar
			}
			out.TandaTangan = append(out.TandaTangan, e)
		}
	}
	return out
}

// tulisTTD writes dst.ttd.json beside the PDF, atomically.
func tulisTTD(dst string, laid *render.Document, jangkar bool, skip int) error {
	b, err := json.MarshalIndent(ttdDaftar(filepath.Base(dst), laid, jangkar, skip), "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(dst+".ttd.json", append(b, '\n')); err != nil {
		return pesan.Errorf("daftar tanda tangan %s.ttd.json: %v", dst, err)
	}
	return nil
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
			return opt, pesan.Errorf("%s: instansi.logo: %v", in, err)
		}
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return opt, pesan.Errorf("SOURCE_DATE_EPOCH %q bukan bilangan detik", s)
		}
		opt.Created = time.Unix(sec, 0).UTC()
	}
	return opt, nil
}

// timpaHint tells how to replace an existing PDF on purpose (a catalogue
// key: print pesan.Text(timpaHint)).
var timpaHint = pesan.Key(" Pakai --timpa untuk menggantinya, atau -o dengan nama lain.")

// defaultPDF names the PDF beside its input; the name carries the version,
// so an amendment never lands on the signed original's file:
// pk-2023.toml → pk-2023.pdf, a PK Perubahan ke-1 → …-perubahan-1.pdf.
func defaultPDF(in string, doc *model.Document) string {
	base := strings.TrimSuffix(in, filepath.Ext(in))
	if p := doc.Perubahan; p != nil {
		ke := fmt.Sprintf("-%d", p.Ke)
		switch {
		case strings.HasSuffix(base, "-perubahan"+ke):
		case strings.HasSuffix(base, "-perubahan"):
			base += ke
		default:
			base += "-perubahan" + ke
		}
	}
	return base + ".pdf"
}

// loadTemplates applies the document's own wording variants and files
// (paths relative to the document) and then the command line's over the
// embedded templates, and checks the document can be laid out with them.
func loadTemplates(doc *model.Document, in string, tpls []string) (*templates.Set, error) {
	fsys, name, _ := rooted(in)
	all, err := templates.Resolve(fsys, name, doc.Templat)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	for _, t := range tpls {
		if templates.IsVariant(t) {
			all = append(all, templates.Override{Name: t})
			continue
		}
		data, err := files.ReadPath(t, files.Template, os.Stdin)
		if err != nil {
			return nil, pesan.Errorf("%s: templat: %v", in, err)
		}
		all = append(all, templates.Override{Name: t, Data: data})
	}
	set, err := templates.Load(all...)
	if err != nil {
		return nil, pesan.Errorf("%s: templat: %v", in, err)
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
