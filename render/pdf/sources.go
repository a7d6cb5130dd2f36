package pdf

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"pkgen/files"
	"pkgen/pesan"
	"pkgen/render/pdf/internal/pdfcpuconf"
)

// Digest is what a source read back from a PDF was checked against.
type Digest int

const (
	// Unchecked: the PDF lists no SHA-256 of its sources, and this
	// source's stream has no MD5 /CheckSum.
	Unchecked Digest = iota
	// MD5: the stream's MD5 /CheckSum matched (the PDF lists no SHA-256
	// of its sources).
	MD5
	// SHA256: the SHA-256 listed in the XMP metadata matched.
	SHA256
)

// Check says how ReadSources checked the sources it returned.
type Check struct {
	// Listed: the XMP metadata lists the sources with their SHA-256
	// (pkgen:sumber, written with PDF/A and by Append). Every source was in
	// the list and matched it, and every listed file was there. Without
	// the list (a PDF made with --pdfa=none, or by an older pkgen), each
	// source was checked against its own MD5 /CheckSum where it has one.
	Listed bool
	// Digests say, source by source, what each matched.
	Digests []Digest
}

// ReadSources reads the TOML sources embedded in a PDF: the file
// specifications of the catalog's /AF and of the EmbeddedFiles name tree
// (each object once), in that order, whose name ends in .toml; other
// attachments are skipped. The sources are checked against the XMP list of
// SHA-256 digests, or without one against their MD5 /CheckSum (see Check);
// a mismatch, a source missing from the list or a listed file not attached
// is an error, since the PDF was changed after it was made.
//
// Names are returned exactly as the PDF writes them (a caller that writes
// files must still refuse control characters and duplicates); a name that
// is absolute or climbs out with ".." is an error. The same name with the
// same bytes (one file attached twice) is returned once; the same name with
// different bytes twice. A /Kids cycle in the name tree is an error, as is
// a source larger than the TOML limit of package files.
func ReadSources(pdf []byte) (srcs []Source, check Check, err error) {
	defer catch(&err, pesan.Key("PDF rusak atau tidak dapat dibaca (%v)"))
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), pdfcpuconf.New(model.ValidationRelaxed))
	if err != nil {
		if errors.Is(err, pdfcpu.ErrEncrypted) || errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, Check{}, pesan.Errorf("PDF terenkripsi; lampirannya tidak dapat dibaca (%v)", err)
		}
		return nil, Check{}, pesan.Errorf("bukan PDF yang dapat dibaca (%v)", err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, Check{}, pesan.Errorf("PDF tanpa katalog (%v)", err)
	}
	specs, err := fileSpecs(ctx, cat)
	if err != nil {
		return nil, Check{}, err
	}
	var found []attached
	for _, sp := range specs {
		a, ok, err := readFileSpec(ctx, sp.spec)
		if err != nil {
			return nil, Check{}, err
		}
		if !ok || slices.ContainsFunc(found, func(b attached) bool { return b.Name == a.Name && bytes.Equal(b.Data, a.Data) }) {
			continue
		}
		found = append(found, a)
	}
	if len(found) == 0 {
		return nil, Check{}, pesan.Errorf("PDF ini tidak melampirkan berkas TOML sumber (dibuat bukan oleh pkgen, atau oleh versi lama)")
	}

	check.Digests = make([]Digest, len(found))
	sums, listed := listedSums(ctx, cat)
	if listed {
		check.Listed = true
		for i, a := range found {
			want, ok := sums[a.Name]
			if !ok {
				return nil, Check{}, pesan.Errorf("lampiran %s tidak tercatat di metadata XMP PDF", a.Name)
			}
			got := sha256.Sum256(a.Data)
			if !strings.EqualFold(hex.EncodeToString(got[:]), want) {
				return nil, Check{}, pesan.Errorf("lampiran %s tidak cocok dengan sidik SHA-256 di metadata XMP (tercatat %s, isi %x); PDF telah diubah", a.Name, want, got)
			}
			check.Digests[i] = SHA256
			delete(sums, a.Name)
		}
		if len(sums) > 0 {
			var missing []string
			for n := range sums {
				missing = append(missing, n)
			}
			slices.Sort(missing)
			return nil, Check{}, pesan.Errorf("berkas sumber %s tercatat di metadata XMP tetapi tidak terlampir", strings.Join(missing, ", "))
		}
	} else {
		for i, a := range found {
			if a.md5 == nil {
				continue
			}
			if got := md5.Sum(a.Data); !bytes.Equal(got[:], a.md5) {
				return nil, Check{}, pesan.Errorf("lampiran %s tidak cocok dengan CheckSum MD5-nya; PDF telah diubah", a.Name)
			}
			check.Digests[i] = MD5
		}
	}
	srcs = make([]Source, len(found))
	for i, a := range found {
		srcs[i] = a.Source
	}
	return srcs, check, nil
}

// attached is an embedded TOML file found in a PDF.
type attached struct {
	Source
	md5 []byte // the stream's /CheckSum, if any
}

// spec is a file specification found in a PDF: its object, the object
// number when it is indirect, and its key in the EmbeddedFiles name tree
// (inTree false: listed in /AF only).
type spec struct {
	spec   types.Object
	num    int
	key    string
	inTree bool
}

// fileSpecs lists the file specifications of the catalog's /AF and of the
// EmbeddedFiles name tree, each indirect object once.
func fileSpecs(ctx *model.Context, cat types.Dict) ([]spec, error) {
	var out []spec
	at := map[int]int{} // object number → index in out
	addSpec := func(o types.Object, key string, inTree bool) {
		if ir, ok := o.(types.IndirectRef); ok {
			n := ir.ObjectNumber.Value()
			if i, seen := at[n]; seen {
				if inTree && !out[i].inTree {
					out[i].key, out[i].inTree = key, true
				}
				return
			}
			at[n] = len(out)
			out = append(out, spec{o, n, key, inTree})
			return
		}
		out = append(out, spec{o, 0, key, inTree})
	}
	if o, ok := cat.Find("AF"); ok {
		if arr, err := ctx.DereferenceArray(o); err == nil {
			for _, e := range arr {
				addSpec(e, "", false)
			}
		}
	}
	if names, err := ctx.DereferenceDict(cat["Names"]); err == nil && names != nil {
		if o, ok := names.Find("EmbeddedFiles"); ok {
			entries, err := nameTree(ctx, o, pesan.M("pohon nama /%s", "EmbeddedFiles"))
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				addSpec(e.value, e.key, true)
			}
		}
	}
	return out, nil
}

// treeEntry is one key and value of a name tree.
type treeEntry struct {
	key   string
	value types.Object
}

// nameTree returns the entries of a name tree in key order. A node reached
// twice (a /Kids cycle, or a node two parents share) is an error: walking
// it again would loop, or, repeated on every level, take exponential time.
func nameTree(ctx *model.Context, root types.Object, what pesan.Pesan) ([]treeEntry, error) {
	var out []treeEntry
	err := walkTree(ctx, root, what, "Kids", func(node types.Dict) {
		arr, err := ctx.DereferenceArray(node["Names"])
		if err != nil {
			return
		}
		for i := 0; i+1 < len(arr); i += 2 {
			k, err := ctx.Dereference(arr[i])
			if err != nil {
				continue
			}
			if s, err := types.StringOrHexLiteral(k); err == nil && s != nil {
				out = append(out, treeEntry{*s, arr[i+1]})
			}
		}
	})
	return out, err
}

// walkTree visits the nodes of a tree of dictionaries whose children are
// listed under kids (a name, number or page tree), depth first in order,
// with an explicit stack: a degenerate tree a million levels deep costs
// memory, not the goroutine's stack. A node reached twice is an error
// naming what (a catalogue message) and the object.
func walkTree(ctx *model.Context, root types.Object, what pesan.Pesan, kids string, visit func(types.Dict)) error {
	seen := map[int]bool{}
	stack := []types.Object{root}
	for len(stack) > 0 {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ir, ok := o.(types.IndirectRef); ok {
			n := ir.ObjectNumber.Value()
			if seen[n] {
				return pesan.Errorf("PDF rusak: %v berputar atau bercabang ganda (obj#%d terjangkau dua kali)", what, n)
			}
			seen[n] = true
		}
		d, err := ctx.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		visit(d)
		arr, err := ctx.DereferenceArray(d[kids])
		if err != nil {
			continue
		}
		for i := len(arr) - 1; i >= 0; i-- {
			stack = append(stack, arr[i])
		}
	}
	return nil
}

// readFileSpec reads an embedded TOML file; ok is false for a file
// specification that is not one (another attachment).
func readFileSpec(ctx *model.Context, o types.Object) (a attached, ok bool, err error) {
	d, err := ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return a, false, nil
	}
	ef, err := ctx.DereferenceDict(d["EF"])
	if err != nil || ef == nil {
		return a, false, nil
	}
	a.Name = fileSpecName(ctx, d)
	if !strings.HasSuffix(strings.ToLower(a.Name), ".toml") {
		return a, false, nil
	}
	if !filepath.IsLocal(filepath.FromSlash(a.Name)) || strings.Contains(a.Name, `\`) {
		return a, false, pesan.Errorf("lampiran bernama %q menunjuk ke luar folder tujuan; tidak ditulis", a.Name)
	}
	if desc, found := d.Find("Desc"); found {
		if v, err := ctx.Dereference(desc); err == nil {
			if s, err := types.StringOrHexLiteral(v); err == nil && s != nil {
				a.Desc = *s
			}
		}
	}
	so, found := ef.Find("UF")
	if !found {
		so = ef["F"]
	}
	sd, _, err := ctx.DereferenceStreamDict(so)
	if err != nil || sd == nil {
		return a, false, pesan.Errorf("lampiran %s: aliran berkasnya tidak terbaca (%v)", a.Name, err)
	}
	if err := sd.DecodeWithLimit(files.TOML.Limit()); err != nil {
		return a, false, pesan.Errorf("lampiran %s: %v", a.Name, err)
	}
	a.Data = sd.Content
	if a.Data == nil {
		a.Data = []byte{}
	}
	if p, err := ctx.DereferenceDict(sd.Dict["Params"]); err == nil && p != nil {
		if size := p.IntEntry("Size"); size != nil && *size != len(a.Data) {
			return a, false, pesan.Errorf("lampiran %s: %d byte, padahal tercatat %d", a.Name, len(a.Data), *size)
		}
		if c, found := p.Find("CheckSum"); found {
			switch v := c.(type) {
			case types.HexLiteral:
				a.md5, _ = v.Bytes()
			case types.StringLiteral:
				a.md5, _ = types.Unescape(v.Value())
			}
		}
	}
	return a, true, nil
}

// fileSpecName is a file specification's /UF, or its /F.
func fileSpecName(ctx *model.Context, d types.Dict) string {
	for _, k := range []string{"UF", "F"} {
		if v, found := d.Find(k); found {
			if v, err := ctx.Dereference(v); err == nil {
				if n, err := types.StringOrHexLiteral(v); err == nil && n != nil && *n != "" {
					return *n
				}
			}
		}
	}
	return ""
}

// listedSums reads pkgen:sumber from the XMP metadata: name → SHA-256.
// listed is false when the PDF has no such list. The fields are read in
// the structure type's namespace and, for PDFs of older pkgen versions,
// in the schema's.
func listedSums(ctx *model.Context, cat types.Dict) (sums map[string]string, listed bool) {
	data, ok := metadata(ctx, cat)
	if !ok {
		return nil, false
	}
	const rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	dec := xml.NewDecoder(bytes.NewReader(data))
	sums = map[string]string{}
	in := false
	var field, name, sha string
	isField := func(n xml.Name) bool { return n.Space == nsBerkas || n.Space == nsSumber }
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == nsSumber && t.Name.Local == "sumber":
				in, listed = true, true
			case in && isField(t.Name):
				field = t.Name.Local
			case in && t.Name.Space == rdf && t.Name.Local == "li":
				name, sha = "", ""
			}
		case xml.CharData:
			switch field {
			case "nama":
				name += string(t)
			case "sha256":
				sha += string(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == nsSumber && t.Name.Local == "sumber":
				in = false
			case in && isField(t.Name):
				field = ""
			case in && t.Name.Space == rdf && t.Name.Local == "li" && name != "":
				sums[name] = strings.TrimSpace(sha)
			}
		}
	}
	return sums, listed
}

// metadata is the catalog's XMP packet, decoded.
func metadata(ctx *model.Context, cat types.Dict) ([]byte, bool) {
	sd, _, err := ctx.DereferenceStreamDict(cat["Metadata"])
	if err != nil || sd == nil || sd.DecodeWithLimit(files.TOML.Limit()) != nil {
		return nil, false
	}
	return sd.Content, true
}
