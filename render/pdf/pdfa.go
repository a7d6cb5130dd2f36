package pdf

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"pkgen/render"
)

// PDF/A-3b and embedded sources.
//
// fpdf writes neither XMP packets nor associated files the way PDF/A-3
// wants them (its attachments lack /AFRelationship, /Subtype and /Params,
// and its output intent turns on page transparency groups), so finish adds
// them to fpdf's finished output, as compressPages does for the content
// streams: objects are appended after the catalog, the catalog, the Info
// dictionary and the trailer are rewritten, and the cross-reference table
// is rebuilt. Everything is derived from the Document, so output stays
// reproducible; the trailer /ID is a hash of the file itself.

// The XMP namespaces of pkgen's list of embedded sources: pkgen:sumber, a
// sequence of the structure type Sumber, whose fields pkgenBerkas:nama and
// pkgenBerkas:sha256 live in a namespace of their own, as XMP's own
// structure types do (stRef, stEvt): validators look a field's namespace
// up as the type's, and a field in the schema's namespace reads as an
// undeclared property. Both are declared in the packet's PDF/A extension
// schema.
const (
	nsSumber = "https://pkgen.invalid/ns/sumber/1.0/"
	nsBerkas = "https://pkgen.invalid/ns/sumber/1.0/berkas/"
)

// srgbDeflated is the sRGB output intent profile (icc/sRGB2014.icc) as a
// zlib stream, deflated once (TestSRGBDeflated checks it and -update
// writes it): the same bytes the document's own writer made of it, without
// deflating 3 kB on the way out of every process.
//
//go:embed icc/sRGB2014.icc.zlib
var srgbDeflated []byte

// pdfVersion is the header version when finish rewrites the file:
// PDF/A-3 is based on PDF 1.7, and /UF in file specifications is 1.7.
const pdfVersion = "%PDF-1.7"

// idPlaceholder stands for the trailer ID while the file is hashed.
var idPlaceholder = "<" + strings.Repeat("0", 32) + ">"

// finish adds what fpdf cannot write to its finished output: the
// sources, the outline root's /Count and, for PDF/A, the XMP metadata, the
// sRGB output intent, time-zoned Info dates and the trailer ID. With none
// of these to add it returns pdf unchanged. names are the sources' names,
// checked; top is the number of top-level bookmarks.
//
// Every source is listed in the /Names /EmbeddedFiles tree, which viewers
// show and qpdf --list-attachments lists. A PDF/A file lists the same file
// specifications in the catalog's /AF too, with the /AFRelationship that
// PDF/A-3 requires, as Factur-X and ZUGFeRD invoices do. (pdfcpu's strict
// validation accepts /AFRelationship only from PDF 2.0 on; Validate waives
// that one rule rather than the file claiming 2.0, since PDF/A-3 is based
// on PDF 1.7.)
//
// The outline root gets /Count, the number of visible items: the top-level
// ones, since fixOutlineCounts closes every item with children. PDF allows
// leaving it out then, but PDF/A validators (PDFBox Preflight) require it.
func finish(pdf []byte, doc *render.Document, opt Options, names []string, top int) ([]byte, error) {
	srcs := opt.Sources
	if !opt.PDFA && len(srcs) == 0 && top == 0 {
		return pdf, nil
	}
	f, err := parseFile(pdf)
	if err != nil {
		return nil, err
	}
	created := doc.Meta.Created
	if created.IsZero() {
		created = epoch
	}
	created = created.UTC().Truncate(time.Second)

	next := len(f.offs) // the first new object number
	var extra []newObject
	add := func(body []byte) int {
		extra = append(extra, newObject{num: next, body: body})
		next++
		return next - 1
	}

	specs := make([]int, len(srcs))
	for i, s := range srcs {
		ef := add(embeddedFile(s.Data, created, opt.ahead.stream(i, s)))
		specs[i] = add(fileSpec(names[i], s.Desc, ef, opt.PDFA))
	}

	var cat strings.Builder
	if opt.PDFA {
		xmp := xmpPacket(doc.Meta, created, srcs, names)
		meta := add(streamObject("/Type /Metadata /Subtype /XML", xmp, false))
		icc := add(deflatedObject("/N 3 /Alternate /DeviceRGB", srgbDeflated))
		fmt.Fprintf(&cat, "\n/Metadata %d 0 R", meta)
		fmt.Fprintf(&cat, "\n/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]", icc)
		if len(specs) > 0 {
			cat.WriteString("\n/AF [")
			for i, n := range specs {
				if i > 0 {
					cat.WriteByte(' ')
				}
				fmt.Fprintf(&cat, "%d 0 R", n)
			}
			cat.WriteByte(']')
		}
	}
	if len(specs) > 0 {
		// Name tree keys in byte order.
		order := make([]int, len(specs))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(utf16Text(names[a]), utf16Text(names[b])) })
		cat.WriteString("\n/Names <</EmbeddedFiles <</Names [")
		for i, j := range order {
			if i > 0 {
				cat.WriteByte(' ')
			}
			fmt.Fprintf(&cat, "%s %d 0 R", pdfString(utf16Text(names[j])), specs[j])
		}
		cat.WriteString("]>>>>")
	}

	outlines := 0
	if top > 0 {
		if outlines, err = outlineRoot(pdf[f.offs[f.root]:]); err != nil {
			return nil, err
		}
	}

	// Sized for everything written below, so that the file is never
	// copied to a larger buffer on the way.
	size := len(pdf) + cat.Len() + 64 + 21*next + 256
	for _, o := range extra {
		size += len(o.body) + 32
	}
	var out bytes.Buffer
	out.Grow(size)
	out.WriteString(pdfVersion)
	out.Write(pdf[len(pdfVersion):f.objs[0].start])
	newOffs := make([]int, next)
	for _, o := range f.objs {
		newOffs[o.num] = out.Len()
		body := pdf[o.start:o.end]
		switch {
		case o.num == f.root:
			body, err = rewriteCatalog(body, cat.String())
		case o.num == f.info && opt.PDFA:
			body, err = zoneDates(body, created)
		case o.num == outlines:
			body, err = countOutlineRoot(body, top)
		}
		if err != nil {
			return nil, err
		}
		out.Write(body)
	}
	for _, o := range extra {
		newOffs[o.num] = out.Len()
		out.WriteString(strconv.Itoa(o.num))
		out.WriteString(" 0 obj\n")
		out.Write(o.body)
		out.WriteString("\nendobj\n")
	}
	at := out.Len()
	writeXref(&out, newOffs)
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n", next, f.root, f.info)
	id := -1
	if opt.PDFA {
		out.WriteString("/ID [")
		id = out.Len()
		out.WriteString(idPlaceholder + idPlaceholder + "]\n")
	}
	fmt.Fprintf(&out, ">>\nstartxref\n%d\n%%%%EOF\n", at)
	b := out.Bytes()
	if id >= 0 {
		// The ID is the file's own hash, taken with the ID zeroed: the
		// same document always gets the same ID, another one another.
		sum := sha256.Sum256(b)
		h := "<" + hex.EncodeToString(sum[:16]) + ">"
		copy(b[id:], h+h)
	}
	return b, nil
}

// outlineRoot reads the object number of the outline root from fpdf's
// catalog, which starts cat.
func outlineRoot(cat []byte) (int, error) {
	i := bytes.Index(cat, []byte("\n/Outlines "))
	end := bytes.Index(cat, []byte("endobj"))
	if i < 0 || end < i {
		return 0, errors.New("catalog without /Outlines")
	}
	var n int
	if _, err := fmt.Sscanf(string(cat[i+len("\n/Outlines "):end]), "%d 0 R", &n); err != nil || n < 1 {
		return 0, fmt.Errorf("catalog /Outlines: %v", err)
	}
	return n, nil
}

// countOutlineRoot adds /Count to fpdf's outline root object.
func countOutlineRoot(obj []byte, n int) ([]byte, error) {
	const end = ">>\nendobj\n"
	if !bytes.HasSuffix(obj, []byte(end)) || !bytes.Contains(obj, []byte("<</Type /Outlines ")) {
		return nil, errors.New("outline root: unexpected layout")
	}
	out := slices.Clip(obj[:len(obj)-len(end)])
	out = append(out, " /Count "+strconv.Itoa(n)...)
	return append(out, end...), nil
}

type newObject struct {
	num  int
	body []byte // between "N 0 obj\n" and "\nendobj\n"
}

// file is the object layout of a PDF written by fpdf (and compressPages).
type file struct {
	offs       []int    // byte offset of each object, by number
	objs       []object // in file order
	root, info int
}

func parseFile(pdf []byte) (*file, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) || len(pdf) < len(pdfVersion)+1 || pdf[len(pdfVersion)] != '\n' {
		return nil, errors.New("no PDF header")
	}
	offs, err := xrefOffsets(pdf)
	if err != nil {
		return nil, err
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if xref < 0 || trailer < xref || len(offs) < 2 {
		return nil, errors.New("no xref table")
	}
	xref++
	f := &file{offs: offs}
	for n := 1; n < len(offs); n++ {
		if offs[n] <= 0 || offs[n] >= xref {
			return nil, fmt.Errorf("object %d: bad offset %d", n, offs[n])
		}
		f.objs = append(f.objs, object{num: n, start: offs[n]})
	}
	slices.SortFunc(f.objs, func(a, b object) int { return a.start - b.start })
	for i := range f.objs {
		f.objs[i].end = xref
		if i+1 < len(f.objs) {
			f.objs[i].end = f.objs[i+1].start
		}
	}
	t := pdf[trailer:]
	if f.root, err = trailerRef(t, "/Root "); err != nil {
		return nil, err
	}
	if f.info, err = trailerRef(t, "/Info "); err != nil {
		return nil, err
	}
	if f.root >= len(offs) || f.info >= len(offs) {
		return nil, errors.New("trailer names a missing object")
	}
	return f, nil
}

func trailerRef(t []byte, key string) (int, error) {
	i := bytes.Index(t, []byte(key))
	if i < 0 {
		return 0, fmt.Errorf("trailer without %s", strings.TrimSpace(key))
	}
	var n int
	if _, err := fmt.Sscanf(string(t[i+len(key):min(len(t), i+len(key)+24)]), "%d 0 R", &n); err != nil || n < 1 {
		return 0, fmt.Errorf("trailer %s: %v", strings.TrimSpace(key), err)
	}
	return n, nil
}

// writeXref writes a one-subsection cross-reference table.
func writeXref(out *bytes.Buffer, offs []int) {
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(len(offs)))
	out.WriteString("\n0000000000 65535 f \n")
	var entry []byte
	for n := 1; n < len(offs); n++ {
		entry = strconv.AppendInt(entry[:0], int64(offs[n]), 10)
		for range 10 - len(entry) {
			out.WriteByte('0')
		}
		out.Write(entry)
		out.WriteString(" 00000 n \n")
	}
}

// rewriteCatalog replaces fpdf's (empty) /Names entry, the last of its
// catalog, by entries.
func rewriteCatalog(obj []byte, entries string) ([]byte, error) {
	const end = "\n>>\nendobj\n"
	i := bytes.LastIndex(obj, []byte("\n/Names <<"))
	if i < 0 || !bytes.HasSuffix(obj, []byte(end)) || !bytes.Contains(obj[:i], []byte("/Type /Catalog")) {
		return nil, errors.New("catalog: unexpected layout")
	}
	out := slices.Clip(obj[:i])
	out = append(out, entries...)
	return append(out, end...), nil
}

// pdfDate is a date in the Info dictionary's form, in UTC. The zone is
// written +00'00' rather than Z: pdfcpu's strict validation rejects a
// date ending in Z.
func pdfDate(t time.Time) string { return "D:" + t.UTC().Format("20060102150405") + "+00'00'" }

// xmpDate is the same instant in XMP's form.
func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// zoneDates adds the time zone (UTC) to fpdf's Info dates, which have
// none, so they state the same instant as the XMP dates.
func zoneDates(obj []byte, created time.Time) ([]byte, error) {
	old := "(D:" + created.Format("20060102150405") + ")"
	if bytes.Count(obj, []byte(old)) != 2 {
		return nil, errors.New("info: dates not found")
	}
	return bytes.ReplaceAll(obj, []byte(old), []byte("("+pdfDate(created)+")")), nil
}

// streamObject is a stream's dictionary entries and data, deflated when z.
func streamObject(dict string, data []byte, z bool) []byte {
	if z {
		var zb bytes.Buffer
		deflate(&zb, data)
		return deflatedObject(dict, zb.Bytes())
	}
	return rawObject(dict, data)
}

// deflatedObject is a stream object of dict holding z, data deflated.
func deflatedObject(dict string, z []byte) []byte {
	return rawObject(dict+" /Filter /FlateDecode", z)
}

// rawObject is a stream object of dict holding body as it is.
func rawObject(dict string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<<%s /Length %d>>\nstream\n", dict, len(body))
	b.Write(body)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// embeddedFile is the stream of a TOML source: MIME type application/toml,
// its size, the document's date as its own (a file's time on disk would
// make output depend on it) and its MD5 checksum as PDF defines it.
//
// z, if not nil, is data deflated already.
func embeddedFile(data []byte, created time.Time, z []byte) []byte {
	sum := md5.Sum(data)
	dict := fmt.Sprintf("/Type /EmbeddedFile /Subtype /application#2Ftoml /Params <</Size %d /ModDate (%s) /CheckSum <%s>>>",
		len(data), pdfDate(created), hex.EncodeToString(sum[:]))
	if z != nil {
		return deflatedObject(dict, z)
	}
	return streamObject(dict, data, true)
}

// fileSpec is the file specification of an embedded source; af adds the
// PDF/A-3 relationship (the PDF was made from this file).
func fileSpec(name, desc string, ef int, af bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<</Type /Filespec /F %s /UF %s", pdfString(asciiName(name)), pdfString(utf16Text(name)))
	if desc != "" {
		fmt.Fprintf(&b, " /Desc %s", pdfString(utf16Text(desc)))
	}
	fmt.Fprintf(&b, " /EF <</F %d 0 R /UF %d 0 R>>", ef, ef)
	if af {
		b.WriteString(" /AFRelationship /Source")
	}
	b.WriteString(">>")
	return []byte(b.String())
}

// asciiName is a file name in PDFDocEncoding's ASCII subset, for /F.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pdfString is a literal string with ( ) \ and line ends escaped; other
// bytes, UTF-16 included, are written as they are.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// badName matches what a source name may not hold.
var badName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\x00-\x1f\\:*?"<>|]`) })

// sourceNames checks the sources' names: relative slash-separated paths
// without "..", unique; a source without data or name is an error.
func sourceNames(srcs []Source) ([]string, error) {
	names := make([]string, len(srcs))
	seen := map[string]bool{}
	for i, s := range srcs {
		n := s.Name
		if n == "" || n != path.Clean(n) || path.IsAbs(n) || n == ".." || strings.HasPrefix(n, "../") || badName().MatchString(n) {
			return nil, fmt.Errorf("pdf: Sources[%d]: invalid name %q", i, s.Name)
		}
		if seen[n] {
			return nil, fmt.Errorf("pdf: Sources[%d]: name %q used twice", i, n)
		}
		seen[n] = true
		names[i] = n
	}
	return names, nil
}
