package pdf

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	cpuvalidate "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"pkgen/pesan"
	"pkgen/render/pdf/internal/pdfcpuconf"
)

// annexFolder is the folder the annex's sources go under when one of them
// has the name of a different file the LKIP carries.
const annexFolder = "lampiran-capaian"

// Append appends annex (a PDF made by Write without sources) to an LKIP PDF
// and returns the merged PDF and the LKIP's page count. Bookmarks are kept:
// the LKIP's, then the annex's. The LKIP may come from any software, so it
// is read in relaxed mode; an encrypted or unreadable one, or one whose
// page tree, outline or name trees loop, is an error in words a user can
// act on.
//
// srcs are attached once each. A source the LKIP already carries (the same
// name and bytes; an LKIP that is itself a pkgen PDF) is not attached
// again. When one has the name of a different file in the LKIP, all of srcs
// go under the folder lampiran-capaian/, so their references to each other
// (pk, mengubah) still hold. Every source of the result, the LKIP's and the
// new ones, is in the EmbeddedFiles name tree and, with its SHA-256, in
// the XMP metadata, so ReadSources reads them all back checked.
//
// The result is not PDF/A, whatever the LKIP was: its XMP loses the PDF/A
// identification (pdfaid), and keeps the rest. It must pass Validate: a
// damaged LKIP that relaxed reading let through is refused here, so the
// caller writes nothing.
func Append(lkip, annex []byte, srcs []Source, created time.Time) (merged []byte, lkipPages int, err error) {
	defer catch(&err, pesan.Key("PDF LKIP rusak atau tidak dapat dibaca (%v)"))
	if _, err := sourceNames(srcs); err != nil {
		return nil, 0, err
	}
	if created.IsZero() {
		created = epoch // as Write dates a document without a date
	}
	conf := pdfcpuconf.New(model.ValidationRelaxed)
	conf.Cmd = model.MERGECREATE // encrypted files are refused, as api.MergeRaw does
	conf.CreateBookmarks = true
	conf.MergeBookmarkMode = model.MergeBookmarkModePreserve
	dest, err := readChecked(lkip, conf)
	if err != nil {
		return nil, 0, lkipError(err)
	}
	lkipPages = dest.PageCount
	dest.EnsureVersionForWriting()
	cat, err := dest.Catalog()
	if err != nil {
		return nil, 0, lkipError(err)
	}
	have, err := carried(dest, cat)
	if err != nil {
		return nil, 0, lkipError(err)
	}
	src, err := readChecked(annex, conf)
	if err != nil {
		return nil, 0, pesan.Errorf("lampiran capaian tidak terbaca oleh pdfcpu: %v", err)
	}
	if err := pdfcpu.MergeXRefTables("lampiran-capaian", src, dest, false, false); err != nil {
		return nil, 0, pesan.Errorf("lampiran tidak dapat digabungkan ke LKIP: %v", err)
	}
	if err := outlineCount(dest); err != nil {
		return nil, 0, pesan.Errorf("penanda (bookmark) PDF gabungan: %v", err)
	}
	if err := attach(dest, have, srcs, created); err != nil {
		return nil, 0, err
	}

	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	dest.Write.Writer = w
	if err := errors.Join(pdfcpu.WriteContext(dest), w.Flush()); err != nil {
		return nil, 0, pesan.Errorf("PDF gabungan tidak dapat ditulis: %v", err)
	}
	if err := Validate(buf.Bytes()); err != nil {
		return nil, 0, validationError(err)
	}
	return buf.Bytes(), lkipPages, nil
}

// readChecked reads a PDF, refuses loops in its trees before pdfcpu walks
// them (its relaxed validation explores a name tree whose /Kids repeat a
// node exponentially), and validates it as api.ReadAndValidate does.
func readChecked(b []byte, conf *model.Configuration) (*model.Context, error) {
	ctx, err := pdfcpu.Read(bytes.NewReader(b), conf)
	if err != nil {
		return nil, err
	}
	if err := checkTrees(ctx); err != nil {
		return nil, err
	}
	if err := cpuvalidate.XRefTable(ctx); err != nil {
		return nil, err
	}
	return ctx, nil
}

// checkTrees refuses a node reached twice in the page tree, the outline,
// and every name and number tree of the catalog. Other structures (the
// structure tree, form fields, actions) pdfcpu checks for cycles itself.
func checkTrees(ctx *model.Context) error {
	cat, err := ctx.Catalog()
	if err != nil {
		return err
	}
	if o, ok := cat.Find("Pages"); ok {
		if err := walkTree(ctx, o, pesan.M("pohon halaman /Pages"), "Kids", func(types.Dict) {}); err != nil {
			return err
		}
	}
	if o, ok := cat.Find("Outlines"); ok {
		if err := walkOutline(ctx, o); err != nil {
			return err
		}
	}
	if names, err := ctx.DereferenceDict(cat["Names"]); err == nil && names != nil {
		for _, k := range sortedKeys(names) {
			if err := walkTree(ctx, names[k], pesan.M("pohon nama /%s", k), "Kids", func(types.Dict) {}); err != nil {
				return err
			}
		}
	}
	trees := []struct {
		o    types.Object
		what pesan.Pesan
	}{{cat["PageLabels"], pesan.M("pohon angka /%s", "PageLabels")}}
	if st, err := ctx.DereferenceDict(cat["StructTreeRoot"]); err == nil && st != nil {
		trees = append(trees,
			struct {
				o    types.Object
				what pesan.Pesan
			}{st["IDTree"], pesan.M("pohon nama /%s", "IDTree")},
			struct {
				o    types.Object
				what pesan.Pesan
			}{st["ParentTree"], pesan.M("pohon angka /%s", "ParentTree")})
	}
	for _, t := range trees {
		if t.o == nil {
			continue
		}
		if err := walkTree(ctx, t.o, t.what, "Kids", func(types.Dict) {}); err != nil {
			return err
		}
	}
	return nil
}

// walkOutline visits every outline item once: each list through /Next,
// each item's children through /First. An item reached twice is an error.
func walkOutline(ctx *model.Context, root types.Object) error {
	what := pesan.M("daftar penanda /Outlines")
	seen := map[int]bool{}
	d, err := ctx.DereferenceDict(root)
	if err != nil || d == nil {
		return nil
	}
	if ir, ok := root.(types.IndirectRef); ok {
		seen[ir.ObjectNumber.Value()] = true
	}
	lists := []*types.IndirectRef{d.IndirectRefEntry("First")}
	for len(lists) > 0 {
		it := lists[len(lists)-1]
		lists = lists[:len(lists)-1]
		for it != nil {
			n := it.ObjectNumber.Value()
			if seen[n] {
				return pesan.Errorf("PDF rusak: %v berputar atau bercabang ganda (obj#%d terjangkau dua kali)", what, n)
			}
			seen[n] = true
			item, err := ctx.DereferenceDict(*it)
			if err != nil || item == nil {
				break
			}
			lists = append(lists, item.IndirectRefEntry("First"))
			it = item.IndirectRefEntry("Next")
		}
	}
	return nil
}

// outlineCount sets the outline root's Count after a merge: the number of
// visible items, each top-level item plus the visible descendants of the
// open ones (PDF 32000 12.3.3). pdfcpu adds the two documents' counts, and
// treats an absent Count as 0, which strict validation rejects. The LKIP's
// outline has been checked for loops (checkTrees).
func outlineCount(ctx *model.Context) error {
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

// lkipFiles is what the LKIP carries: its TOML sources, the keys of its
// EmbeddedFiles name tree, and the file specifications of sources listed
// in /AF only (an LKIP that is a PDF/A of an older pkgen).
type lkipFiles struct {
	sources []Source
	keys    map[string]bool
	afOnly  []spec
}

// carried reads the files the LKIP carries. A TOML attachment it cannot
// read, or whose name is not a relative path, stays in the file as it is
// and is not counted.
func carried(ctx *model.Context, cat types.Dict) (*lkipFiles, error) {
	specs, err := fileSpecs(ctx, cat)
	if err != nil {
		return nil, err
	}
	out := &lkipFiles{keys: map[string]bool{}}
	for _, sp := range specs {
		if sp.inTree {
			out.keys[sp.key] = true
		}
		a, ok, err := readFileSpec(ctx, sp.spec)
		if err != nil || !ok {
			continue
		}
		if !sp.inTree {
			out.afOnly = append(out.afOnly, sp)
		}
		out.sources = append(out.sources, a.Source)
	}
	return out, nil
}

// has reports whether the LKIP carries a source of that name: same, with
// the same bytes, or taken, by other bytes or another attachment.
func (l *lkipFiles) has(s Source) (same, taken bool) {
	for _, c := range l.sources {
		if c.Name == s.Name {
			if bytes.Equal(c.Data, s.Data) {
				return true, false
			}
			return false, true
		}
	}
	return false, l.keys[s.Name]
}

// attach adds srcs to the merged document (see Append) and writes the XMP
// list of every source it carries.
func attach(ctx *model.Context, have *lkipFiles, srcs []Source, created time.Time) error {
	folder := ""
	for _, s := range srcs {
		if _, taken := have.has(s); taken {
			folder = annexFolder + "/"
			for i := 2; !freeFolder(have, srcs, folder); i++ {
				folder = fmt.Sprintf("%s-%d/", annexFolder, i)
			}
			break
		}
	}
	all := append([]Source(nil), have.sources...)
	var adds []Source
	for _, s := range srcs {
		if same, _ := have.has(s); same && folder == "" {
			continue
		}
		s.Name = folder + s.Name
		adds = append(adds, s)
		all = append(all, s)
	}

	if len(adds)+len(have.afOnly) > 0 || ctx.Names["EmbeddedFiles"] != nil {
		if err := setEmbeddedFiles(ctx, have, adds, created); err != nil {
			return pesan.Errorf("berkas sumber tidak dapat dilampirkan ke PDF gabungan: %v", err)
		}
	}
	return setMergedXMP(ctx, all)
}

// setEmbeddedFiles writes the merged document's EmbeddedFiles name tree as
// one leaf: the entries it has (the LKIP's, and any the merge brought),
// the LKIP's sources listed in /AF only, and adds, each with a new file
// specification. Keys are PDF text strings (UTF-16 when not ASCII), in
// byte order. pdfcpu's own tree is dropped: it writes every key as the
// bytes of its UTF-8 form, which readers take for PDFDocEncoding ("é"
// shows as "Ã©").
func setEmbeddedFiles(ctx *model.Context, have *lkipFiles, adds []Source, created time.Time) error {
	type entry struct {
		key string // as written
		v   types.Object
	}
	var entries []entry
	used := map[string]bool{}
	put := func(name string, v types.Object) {
		k := textKey(name)
		if !used[k] {
			used[k] = true
			entries = append(entries, entry{k, v})
		}
	}
	if tree := ctx.Names["EmbeddedFiles"]; tree != nil {
		err := tree.Process(ctx.XRefTable, func(_ *model.XRefTable, k string, v *types.Object) error {
			put(k, *v)
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, sp := range have.afOnly {
		d, err := ctx.DereferenceDict(sp.spec)
		if err != nil || d == nil {
			continue
		}
		put(fileSpecName(ctx, d), sp.spec)
	}
	for _, s := range adds {
		ir, err := addFileSpec(ctx, s, created)
		if err != nil {
			return err
		}
		put(s.Name, *ir)
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	arr := make(types.Array, 0, 2*len(entries))
	for _, e := range entries {
		arr = append(arr, types.NewHexLiteral([]byte(e.key)), e.v)
	}

	cat, err := ctx.Catalog()
	if err != nil {
		return err
	}
	names, err := ctx.DereferenceDict(cat["Names"])
	if err != nil {
		return err
	}
	if names == nil {
		names = types.Dict{}
		cat["Names"] = names
	}
	names["EmbeddedFiles"] = types.Dict{"Names": arr}
	delete(ctx.Names, "EmbeddedFiles")
	return nil
}

// textKey is a name as a PDF text string: as it is when printable ASCII,
// else UTF-16BE with a byte-order mark.
func textKey(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] < 0x20 || name[i] > 0x7e {
			return utf16Text(name)
		}
	}
	return name
}

// freeFolder reports whether no source put under folder would take a name
// the LKIP uses.
func freeFolder(have *lkipFiles, srcs []Source, folder string) bool {
	for _, s := range srcs {
		s.Name = folder + s.Name
		if same, taken := have.has(s); same || taken {
			return false
		}
	}
	return true
}

// addFileSpec adds an embedded file and its file specification, as finish
// writes them (without /AFRelationship: the merged file is not PDF/A).
func addFileSpec(ctx *model.Context, s Source, created time.Time) (*types.IndirectRef, error) {
	sd, err := ctx.NewStreamDictForBuf(s.Data)
	if err != nil {
		return nil, err
	}
	sum := md5.Sum(s.Data)
	sd.InsertName("Type", "EmbeddedFile")
	sd.InsertName("Subtype", "application/toml")
	sd.Insert("Params", types.Dict{
		"Size":     types.Integer(len(s.Data)),
		"ModDate":  types.StringLiteral(pdfDate(created.UTC().Truncate(time.Second))),
		"CheckSum": types.NewHexLiteral(sum[:]),
	})
	if err := sd.Encode(); err != nil {
		return nil, err
	}
	ef, err := ctx.IndRefForNewObject(*sd)
	if err != nil {
		return nil, err
	}
	d := types.Dict{
		"Type": types.Name("Filespec"),
		"F":    literal(asciiName(s.Name)),
		"UF":   literal(utf16Text(s.Name)),
		"EF":   types.Dict{"F": *ef, "UF": *ef},
	}
	if s.Desc != "" {
		d["Desc"] = literal(utf16Text(s.Desc))
	}
	return ctx.IndRefForNewObject(d)
}

// literal is a PDF string literal holding the bytes of s.
func literal(s string) types.StringLiteral {
	e, _ := types.Escape(s) // never fails
	return types.StringLiteral(*e)
}

// setMergedXMP gives the merged document an XMP packet without a PDF/A
// claim that lists srcs with their SHA-256: the LKIP's packet rewritten
// when it has one this can rewrite, else a packet of its own.
func setMergedXMP(ctx *model.Context, srcs []Source) error {
	cat, err := ctx.Catalog()
	if err != nil {
		return err
	}
	old, hasOld := metadata(ctx, cat)
	if len(srcs) == 0 && (!hasOld || !claimsPDFA(old)) {
		return nil
	}
	names := make([]string, len(srcs))
	data := make([][]byte, len(srcs))
	for i, s := range srcs {
		names[i], data[i] = s.Name, s.Data
	}
	var list []byte
	if len(srcs) > 0 {
		list = sourceList(names, data)
	}
	packet, ok := []byte(nil), false
	if hasOld {
		packet, ok = rewriteXMP(old, list)
	}
	if !ok {
		packet = plainPacket(list)
	}
	sd := types.StreamDict{Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}, Content: packet}
	if err := sd.Encode(); err != nil {
		return err
	}
	// Replace the LKIP's packet in place, so no copy claiming PDF/A is
	// left in the file.
	if ir, isRef := cat["Metadata"].(types.IndirectRef); isRef {
		if e, found := ctx.FindTableEntryForIndRef(&ir); found && e != nil && !e.Free {
			e.Object = sd
			return nil
		}
	}
	ir, err := ctx.IndRefForNewObject(sd)
	if err != nil {
		return err
	}
	cat["Metadata"] = *ir
	return nil
}

func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
