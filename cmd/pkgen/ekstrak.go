package main

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"pkgen/pesan"
	"pkgen/render/pdf"
)

func ekstrakCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ekstrak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.ekstrak") }
	dir := fs.String("d", ".", "folder tujuan")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen ekstrak: sebutkan tepat satu berkas PDF\n\n%s", pesan.Text("help.ekstrak"))
		return exitUsage
	}
	in := files[0]
	b, err := os.ReadFile(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
		return exitInvalid
	}
	srcs, note, err := sumberPDF(b)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %s: %v; tidak ada yang ditulis\n", in, err)
		return exitInvalid
	}
	if note.Key != "" {
		pesan.Fprintf(stderr, "pkgen ekstrak: catatan: %s\n", note)
	}
	// Every name is checked and every target is free before anything is
	// written.
	var ada []string
	for i := range srcs {
		srcs[i].dst = filepath.Join(*dir, filepath.FromSlash(srcs[i].nama))
		if _, err := os.Lstat(srcs[i].dst); err == nil {
			ada = append(ada, srcs[i].dst)
		}
	}
	if len(ada) > 0 {
		pesan.Fprintf(stderr, "pkgen ekstrak: %s sudah ada; tidak ada yang ditulis. Pakai -d FOLDER yang lain (atau kosong).\n", strings.Join(ada, ", "))
		return exitInvalid
	}
	for _, s := range srcs {
		if err := os.MkdirAll(filepath.Dir(s.dst), 0o755); err != nil {
			pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
			return exitInvalid
		}
		if err := tulisBerkas(s.dst, s.data, false); err != nil {
			pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
			return exitInvalid
		}
		pesan.Fprintf(stdout, "%s (%d byte, %s)\n", s.dst, len(s.data), pesan.Text(s.cocok))
	}
	return exitOK
}

// sumber is a source file found in a PDF.
type sumber struct {
	nama  string // slash-separated, relative
	data  []byte
	md5   []byte // the embedded stream's /CheckSum, if any
	cocok string // how it was verified, for the user: a catalogue key
	dst   string
}

// sumberPDF reads the TOML sources pkgen embedded in a PDF: the file
// specifications of the catalog's /AF (PDF/A) and of the EmbeddedFiles name
// tree (a plain PDF), checked against the SHA-256 list of the XMP metadata
// (pkgen:sumber), or without one against the MD5 /CheckSum of each stream.
// note says how a PDF without the list was checked.
func sumberPDF(b []byte) (srcs []sumber, note pesan.Pesan, err error) {
	defer func() {
		if r := recover(); r != nil {
			srcs, note, err = nil, pesan.Pesan{}, pesan.Errorf("PDF rusak atau tidak dapat dibaca (%v)", r)
		}
	}()
	// Not api: pkg/api's imports cost every pkgen start some 30 ms.
	pdfmodel.ConfigPath = "disable"
	conf := pdfmodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfmodel.ValidationRelaxed
	ctx, err := pdfcpu.Read(bytes.NewReader(b), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrEncrypted) || errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, pesan.Pesan{}, pesan.Errorf("PDF terenkripsi; lampirannya tidak dapat dibaca (%v)", err)
		}
		return nil, pesan.Pesan{}, pesan.Errorf("bukan PDF yang dapat dibaca (%v)", err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, pesan.Pesan{}, pesan.Errorf("PDF tanpa katalog (%v)", err)
	}

	var specs []types.Object
	if o, ok := cat.Find("AF"); ok {
		if arr, err := ctx.DereferenceArray(o); err == nil {
			specs = append(specs, arr...)
		}
	}
	if names, err := ctx.DereferenceDict(cat["Names"]); err == nil && names != nil {
		if ef, err := ctx.DereferenceDict(names["EmbeddedFiles"]); err == nil && ef != nil {
			specs = append(specs, nameTreeValues(ctx, ef, 0)...)
		}
	}
	seen := map[string]bool{}
	for _, o := range specs {
		s, ok, err := bacaFileSpec(ctx, o)
		if err != nil {
			return nil, pesan.Pesan{}, err
		}
		if !ok || seen[s.nama] {
			continue
		}
		seen[s.nama] = true
		srcs = append(srcs, s)
	}
	if len(srcs) == 0 {
		return nil, pesan.Pesan{}, pesan.Errorf("PDF ini tidak melampirkan berkas TOML sumber (dibuat bukan oleh pkgen, atau oleh versi lama)")
	}

	sums, hasXMP := daftarSHA(ctx, cat)
	if hasXMP {
		for i := range srcs {
			s := &srcs[i]
			want, ok := sums[s.nama]
			if !ok {
				return nil, pesan.Pesan{}, pesan.Errorf("lampiran %s tidak tercatat di metadata XMP PDF", s.nama)
			}
			got := sha256.Sum256(s.data)
			if !strings.EqualFold(hex.EncodeToString(got[:]), want) {
				return nil, pesan.Pesan{}, pesan.Errorf("lampiran %s tidak cocok dengan sidik SHA-256 di metadata XMP (tercatat %s, isi %x); PDF telah diubah", s.nama, want, got)
			}
			s.cocok = pesan.Key("SHA-256 cocok")
			delete(sums, s.nama)
		}
		if len(sums) > 0 {
			var missing []string
			for n := range sums {
				missing = append(missing, n)
			}
			slices.Sort(missing)
			return nil, pesan.Pesan{}, pesan.Errorf("berkas sumber %s tercatat di metadata XMP tetapi tidak terlampir", strings.Join(missing, ", "))
		}
		return srcs, pesan.Pesan{}, nil
	}
	for i := range srcs {
		s := &srcs[i]
		if s.md5 == nil {
			s.cocok = pesan.Key("tanpa sidik untuk diperiksa")
			continue
		}
		if got := md5.Sum(s.data); !bytes.Equal(got[:], s.md5) {
			return nil, pesan.Pesan{}, pesan.Errorf("lampiran %s tidak cocok dengan CheckSum MD5-nya; PDF telah diubah", s.nama)
		}
		s.cocok = pesan.Key("MD5 cocok")
	}
	return srcs, pesan.M("PDF tanpa daftar sidik SHA-256 di metadata XMP (dibuat dengan --pdfa=none?); lampiran diperiksa dengan CheckSum MD5-nya"), nil
}

// nameTreeValues returns the values of a name tree, depth-first.
func nameTreeValues(ctx *pdfmodel.Context, node types.Dict, depth int) []types.Object {
	if depth > 32 {
		return nil
	}
	var out []types.Object
	if arr, err := ctx.DereferenceArray(node["Names"]); err == nil {
		for i := 1; i < len(arr); i += 2 {
			out = append(out, arr[i])
		}
	}
	if kids, err := ctx.DereferenceArray(node["Kids"]); err == nil {
		for _, k := range kids {
			if d, err := ctx.DereferenceDict(k); err == nil && d != nil {
				out = append(out, nameTreeValues(ctx, d, depth+1)...)
			}
		}
	}
	return out
}

// bacaFileSpec reads an embedded TOML file; ok is false for a file
// specification that is not one (another attachment).
func bacaFileSpec(ctx *pdfmodel.Context, o types.Object) (s sumber, ok bool, err error) {
	d, err := ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return s, false, nil
	}
	ef, err := ctx.DereferenceDict(d["EF"])
	if err != nil || ef == nil {
		return s, false, nil
	}
	for _, k := range []string{"UF", "F"} {
		if v, found := d.Find(k); found {
			if v, err = ctx.Dereference(v); err == nil {
				if n, err := types.StringOrHexLiteral(v); err == nil && n != nil && *n != "" {
					s.nama = *n
					break
				}
			}
		}
	}
	if !strings.HasSuffix(strings.ToLower(s.nama), ".toml") {
		return s, false, nil
	}
	if !filepath.IsLocal(filepath.FromSlash(s.nama)) || strings.Contains(s.nama, `\`) {
		return s, false, pesan.Errorf("lampiran bernama %q menunjuk ke luar folder tujuan; tidak ditulis", s.nama)
	}
	so, found := ef.Find("UF")
	if !found {
		so = ef["F"]
	}
	sd, _, err := ctx.DereferenceStreamDict(so)
	if err != nil || sd == nil {
		return s, false, pesan.Errorf("lampiran %s: aliran berkasnya tidak terbaca (%v)", s.nama, err)
	}
	if err := sd.Decode(); err != nil {
		return s, false, pesan.Errorf("lampiran %s: %v", s.nama, err)
	}
	s.data = sd.Content
	if s.data == nil {
		s.data = []byte{}
	}
	if p, err := ctx.DereferenceDict(sd.Dict["Params"]); err == nil && p != nil {
		if size := p.IntEntry("Size"); size != nil && *size != len(s.data) {
			return s, false, pesan.Errorf("lampiran %s: %d byte, padahal tercatat %d", s.nama, len(s.data), *size)
		}
		if c, found := p.Find("CheckSum"); found {
			switch v := c.(type) {
			case types.HexLiteral:
				s.md5, _ = v.Bytes()
			case types.StringLiteral:
				s.md5, _ = types.Unescape(v.Value())
			}
		}
	}
	return s, true, nil
}

// daftarSHA reads pkgen:sumber from the XMP metadata: name → SHA-256.
// ok is false when the PDF has no such list.
func daftarSHA(ctx *pdfmodel.Context, cat types.Dict) (map[string]string, bool) {
	sd, _, err := ctx.DereferenceStreamDict(cat["Metadata"])
	if err != nil || sd == nil || sd.Decode() != nil {
		return nil, false
	}
	const rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	dec := xml.NewDecoder(bytes.NewReader(sd.Content))
	sums := map[string]string{}
	in, found := false, false
	var field, nama, sha string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == pdf.NamespaceSumber && t.Name.Local == "sumber":
				in, found = true, true
			case in && t.Name.Space == pdf.NamespaceSumber:
				field = t.Name.Local
			case in && t.Name.Space == rdf && t.Name.Local == "li":
				nama, sha = "", ""
			}
		case xml.CharData:
			switch field {
			case "nama":
				nama += string(t)
			case "sha256":
				sha += string(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == pdf.NamespaceSumber && t.Name.Local == "sumber":
				in = false
			case in && t.Name.Space == pdf.NamespaceSumber:
				field = ""
			case in && t.Name.Space == rdf && t.Name.Local == "li" && nama != "":
				sums[nama] = strings.TrimSpace(sha)
			}
		}
	}
	return sums, found
}
