package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

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
	// Merged into an LKIP made by other software the result cannot be
	// PDF/A; the sources are attached to the merged file instead.
	laid.PDFA = pdfa.on && *lkip == ""
	// The description is part of the PDF: Indonesian, whatever the
	// language of messages.
	srcs, err := bacaSumber(append([]berkasSumber{{lap.File,
		fmt.Sprintf("Berkas TOML sumber: laporan realisasi triwulan %d Tahun %d", lap.Triwulan, doc.Tahun), lap.Raw}}, versiPK(doc)...))
	if err != nil {
		pesan.Fprintf(stderr, "pkgen capaian: %v\n", err)
		return exitInvalid
	}
	if *lkip == "" {
		laid.Sources = srcs
	}
	data, err := pdf.Bytes(laid)
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
		merged, n, err := lampirkan(base, data, srcs, laid.Meta.Created)
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

// lampirkan appends the annex to an LKIP PDF with pdfcpu and returns the
// merged PDF and the LKIP's page count. It does what api.MergeRaw does, on
// readers, except that bookmarks are kept: the LKIP's, then the annex's
// (MergeRaw drops them). The LKIP is read in relaxed mode (real LKIPs come
// from many tools); an encrypted or unreadable one is an error in words a
// user can act on.
func lampirkan(lkip, annex []byte, srcs []render.Source, created time.Time) (out []byte, pages int, err error) {
	defer func() {
		// pdfcpu guards most of its API against panics; this is the last
		// line of defence for a damaged file it does not.
		if r := recover(); r != nil {
			out, pages, err = nil, 0, pesan.Errorf("PDF LKIP rusak atau tidak dapat dibaca (%v)", r)
		}
	}()
	// Not api.DisableConfigDir: pkg/api pulls in packages whose start-up
	// costs every pkgen run ~30 ms; the model-level switch is the same.
	pdfmodel.ConfigPath = "disable" // pdfcpu would otherwise write a configuration under $HOME
	conf := pdfmodel.NewDefaultConfiguration()
	conf.Cmd = pdfmodel.MERGECREATE // encrypted files are refused, as MergeRaw does
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	conf.CreateBookmarks = true
	conf.MergeBookmarkMode = pdfmodel.MergeBookmarkModePreserve
	dest, err := readValidate(lkip, conf)
	if err != nil {
		return nil, 0, lkipError(err)
	}
	pages = dest.PageCount
	dest.EnsureVersionForWriting()
	src, err := readValidate(annex, conf)
	if err != nil {
		return nil, 0, pesan.Errorf("lampiran capaian tidak terbaca oleh pdfcpu: %v", err)
	}
	if err := pdfcpu.MergeXRefTables("lampiran-capaian", src, dest, false, false); err != nil {
		return nil, 0, pesan.Errorf("lampiran tidak dapat digabungkan ke LKIP: %v", err)
	}
	if err := outlineCount(dest); err != nil {
		return nil, 0, pesan.Errorf("penanda (bookmark) PDF gabungan: %v", err)
	}
	for _, src := range srcs {
		a := pdfmodel.Attachment{Reader: bytes.NewReader(src.Data), ID: src.Name, FileName: src.Name, Desc: src.Desc, ModTime: &created}
		if err := dest.AddAttachment(a, false); err != nil {
			return nil, 0, pesan.Errorf("berkas sumber %s tidak dapat dilampirkan ke PDF gabungan: %v", src.Name, err)
		}
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	dest.Write.Writer = w
	if err := errors.Join(pdfcpu.WriteContext(dest), w.Flush()); err != nil {
		return nil, 0, pesan.Errorf("PDF gabungan tidak dapat ditulis: %v", err)
	}
	return buf.Bytes(), pages, nil
}

// readValidate reads and validates a PDF as api.ReadAndValidate does.
func readValidate(b []byte, conf *pdfmodel.Configuration) (*pdfmodel.Context, error) {
	ctx, err := pdfcpu.Read(bytes.NewReader(b), conf)
	if err != nil {
		return nil, err
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, err
	}
	return ctx, nil
}

// outlineCount sets the outline root's Count after a merge: the number of
// visible items, each top-level item plus the visible descendants of the
// open ones (PDF 32000 12.3.3). pdfcpu adds the two documents' counts, and
// treats an absent Count (fpdf writes none) as 0, which strict validation
// rejects.
func outlineCount(ctx *pdfmodel.Context) error {
	root, err := ctx.Catalog()
	if err != nil {
		return err
	}
	ir := root.IndirectRefEntry("Outlines")
	if ir == nil {
		return nil
	}
	d, err := ctx.DereferenceDict(*ir)
	if err != nil || d == nil {
		return err
	}
	n := 0
	seen := map[int]bool{}
	for it := d.IndirectRefEntry("First"); it != nil; {
		nr := it.ObjectNumber.Value()
		if seen[nr] {
			return pesan.Errorf("daftar penanda berputar (obj#%d)", nr)
		}
		seen[nr] = true
		item, err := ctx.DereferenceDict(*it)
		if err != nil {
			return err
		}
		if item == nil {
			break
		}
		n++
		if c := item.IntEntry("Count"); c != nil && *c > 0 {
			n += *c
		}
		it = item.IndirectRefEntry("Next")
	}
	if n > 0 {
		d["Count"] = types.Integer(n)
	}
	return nil
}

// lkipError says in words a user can act on what is wrong with the LKIP.
func lkipError(err error) error {
	switch {
	case errors.Is(err, pdfcpu.ErrEncrypted), errors.Is(err, pdfcpu.ErrWrongPassword):
		return pesan.Errorf("PDF LKIP terenkripsi (dilindungi kata sandi atau izin); simpan LKIP tanpa enkripsi lalu ulangi (%v)", err)
	}
	return pesan.Errorf("PDF LKIP rusak atau bukan PDF yang sah; periksa berkasnya atau simpan ulang dari aplikasi pembuatnya (%v)", err)
}
