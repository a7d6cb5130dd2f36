package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
)

// Reader is a workbook opened for reading: its sheets in workbook order,
// its shared strings and its cell formats' number formats, decoded once
// (each sheet is streamed, see OpenSheet). It reads workbooks written by
// pkgen, Excel and LibreOffice: element names are matched whatever their
// prefix, part names whatever their case.
type Reader struct {
	files    map[string]*zip.File // by part name, lower-cased
	sheets   []SheetRef
	strings  []string
	xfs      []int          // number format of each cell format (cellXfs), -1 for none
	numFmts  map[int]string // custom number formats by id
	decoded  map[string]bool
	elements int
	limit    int
}

// SheetRef is a sheet of the workbook: its name and the part that holds it
// ("" when the workbook names no part for it).
type SheetRef struct{ Name, Part string }

// ReadLimits bound what NewReader decodes whole.
type ReadLimits struct {
	// Elements bounds the XML elements of the parts decoded whole (the
	// relationships, the workbook, the shared strings, the styles); 0 is
	// no bound.
	Elements int
}

// ElementsError is a workbook whose parts decoded whole have more XML
// elements than ReadLimits.Elements.
type ElementsError struct{ Limit int }

func (e *ElementsError) Error() string {
	return "more than " + strconv.Itoa(e.Limit) + " XML elements"
}

// EncodingError is a part declared in another encoding than UTF-8.
type EncodingError struct{ Part, Label string }

func (e *EncodingError) Error() string {
	return "part " + e.Part + " is encoded in " + strconv.Quote(e.Label) + ", not UTF-8"
}

// PartError is a part that does not read as the XML it should be.
type PartError struct {
	Part string
	Err  error
}

func (e *PartError) Error() string { return e.Part + ": " + e.Err.Error() }
func (e *PartError) Unwrap() error { return e.Err }

// StringIndexError is a shared-string cell whose index names no string.
type StringIndexError struct {
	Ref   string
	Index string
}

func (e *StringIndexError) Error() string {
	return "cell " + e.Ref + ": shared string index " + strconv.Quote(e.Index) + " out of range"
}

// The relationship types a Reader follows, by their last segment: the
// transitional and the strict namespaces differ only before it.
const (
	suffixOfficeDocument = "/officeDocument"
	suffixSharedStrings  = "/sharedStrings"
	suffixStyles         = "/styles"
)

// NewReader reads a workbook's relationships, sheets, shared strings and
// styles. A part that is absent reads as empty, as excelize reads it (a
// workbook without sheets has none); a part that is not well-formed XML,
// or not UTF-8, is an error.
func NewReader(zr *zip.Reader, lim ReadLimits) (*Reader, error) {
	r := &Reader{files: make(map[string]*zip.File, len(zr.File)), numFmts: map[int]string{},
		decoded: map[string]bool{}, limit: lim.Elements}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
		if _, dup := r.files[name]; !dup {
			r.files[name] = f
		}
	}
	root, err := r.rels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	book := ""
	for _, rel := range root {
		if strings.HasSuffix(rel.typ, suffixOfficeDocument) {
			book = strings.TrimPrefix(strings.ReplaceAll(rel.target, "\\", "/"), "/")
			break
		}
	}
	if book == "" {
		return r, nil
	}
	sheets, err := r.workbook(book)
	if err != nil {
		return nil, err
	}
	bookRels, err := r.rels(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, err
	}
	target := func(t string) string {
		t = strings.ReplaceAll(t, "\\", "/")
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(path.Clean(t), "/")
		}
		return strings.TrimPrefix(path.Join(path.Dir(book), t), "/")
	}
	for _, s := range sheets {
		ref := SheetRef{Name: s.name}
		for _, rel := range bookRels {
			if rel.id == s.id && s.id != "" {
				ref.Part = target(rel.target)
			}
		}
		r.sheets = append(r.sheets, ref)
	}
	// The shared strings and styles by the workbook's relationships, else
	// where excelize looks for them.
	sst, styles := "xl/sharedStrings.xml", "xl/styles.xml"
	for _, rel := range bookRels {
		switch {
		case strings.HasSuffix(rel.typ, suffixSharedStrings):
			sst = target(rel.target)
		case strings.HasSuffix(rel.typ, suffixStyles):
			styles = target(rel.target)
		}
	}
	if err := r.sharedStrings(sst); err != nil {
		return nil, err
	}
	if err := r.styles(styles); err != nil {
		return nil, err
	}
	return r, nil
}

// Sheets are the workbook's sheets in workbook order.
func (r *Reader) Sheets() []SheetRef { return r.sheets }

// Elements is how many XML elements NewReader decoded.
func (r *Reader) Elements() int { return r.elements }

// Decoded reports a part NewReader decoded whole (its elements counted in
// Elements).
func (r *Reader) Decoded(name string) bool {
	return r.decoded[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "/"))]
}

// file is a part by name, whatever its case; nil when absent.
func (r *Reader) file(name string) *zip.File {
	return r.files[strings.ToLower(name)]
}

// NumberFormat returns the number format of a cell format (a cell's s
// attribute), as excelize's GetStyle gives it: a built-in format's id, or
// a custom format's id and code; ok is false for an unknown cell format.
func (r *Reader) NumberFormat(style int) (id int, code string, ok bool) {
	if style < 0 || style >= len(r.xfs) {
		return 0, "", false
	}
	id = r.xfs[style]
	if id < 0 || builtInNumFmt(id) {
		return max(id, 0), "", true
	}
	code, custom := r.numFmts[id]
	if !custom {
		return 0, "", true
	}
	return id, code, true
}

// builtInNumFmt reports the number formats built into SpreadsheetML
// (ECMA-376 §18.8.30) and those of East Asian languages, which excelize
// never reads as custom ones.
func builtInNumFmt(id int) bool {
	return 0 <= id && id <= 4 || 9 <= id && id <= 22 || 37 <= id && id <= 49 ||
		27 <= id && id <= 36 || 50 <= id && id <= 62 || 67 <= id && id <= 81
}

// decoder streams a part for decoding whole: each start element counts
// against the limit; another encoding than UTF-8 is refused.
type decoder struct {
	*xml.Decoder
	r       *Reader
	part    string
	refused error
	rc      io.Closer
	count   bool // count the start elements against the limit
}

// open returns a decoder of a part to decode whole, nil when the part is
// absent.
func (r *Reader) open(name string) (*decoder, error) {
	d, err := r.stream(name)
	if d != nil {
		d.count = true
		r.decoded[strings.ToLower(name)] = true
	}
	return d, err
}

// stream returns a decoder of a part, nil when the part is absent.
func (r *Reader) stream(name string) (*decoder, error) {
	f := r.file(name)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &PartError{name, err}
	}
	d := &decoder{Decoder: xml.NewDecoder(rc), r: r, part: f.Name, rc: rc}
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		d.refused = &EncodingError{f.Name, label}
		return nil, d.refused
	}
	return d, nil
}

// token is the next token; io.EOF at the end.
func (d *decoder) token() (xml.Token, error) {
	tok, err := d.RawToken()
	switch {
	case d.refused != nil:
		return nil, d.refused
	case err == io.EOF:
		return nil, err
	case err != nil && d.count:
		return nil, &PartError{d.part, err}
	case err != nil:
		return nil, err // a sheet's caller names the sheet
	}
	if _, ok := tok.(xml.StartElement); ok && d.count {
		d.r.elements++
		if d.r.limit > 0 && d.r.elements > d.r.limit {
			return nil, &ElementsError{d.r.limit}
		}
	}
	return tok, nil
}

// walk calls start for each start element with the local names of its
// parents, from the root; start returns true when it read the element up
// to its end itself.
func (d *decoder) walk(start func(se xml.StartElement, stack []string) (bool, error)) error {
	defer d.rc.Close()
	var stack []string
	for {
		tok, err := d.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			read, err := start(t, stack)
			if err != nil {
				return err
			}
			if !read {
				stack = append(stack, t.Name.Local)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// under reports the stack of parents is exactly names, from the root.
func under(stack []string, names ...string) bool {
	if len(stack) != len(names) {
		return false
	}
	for i, n := range names {
		if stack[i] != n {
			return false
		}
	}
	return true
}

type relationship struct{ id, typ, target string }

// rels reads a relationships part; none when it is absent.
func (r *Reader) rels(name string) ([]relationship, error) {
	d, err := r.open(name)
	if d == nil {
		return nil, err
	}
	var out []relationship
	err = d.walk(func(se xml.StartElement, stack []string) (bool, error) {
		if se.Name.Local == "Relationship" && under(stack, "Relationships") {
			out = append(out, relationship{attr(se, "Id"), attr(se, "Type"), attr(se, "Target")})
		}
		return false, nil
	})
	return out, err
}

type bookSheet struct{ name, id string }

// workbook reads the sheets of the workbook part.
func (r *Reader) workbook(name string) ([]bookSheet, error) {
	d, err := r.open(name)
	if d == nil {
		return nil, err
	}
	var out []bookSheet
	err = d.walk(func(se xml.StartElement, stack []string) (bool, error) {
		if se.Name.Local == "sheet" && under(stack, "workbook", "sheets") {
			s := bookSheet{name: attr(se, "name")}
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" { // r:id
					s.id = a.Value
				}
			}
			out = append(out, s)
		}
		return false, nil
	})
	return out, err
}

// sharedStrings reads the shared strings part.
func (r *Reader) sharedStrings(name string) error {
	d, err := r.open(name)
	if d == nil {
		return err
	}
	return d.walk(func(se xml.StartElement, stack []string) (bool, error) {
		if se.Name.Local != "si" || !under(stack, "sst") {
			return false, nil
		}
		s, err := d.stringItem()
		r.strings = append(r.strings, s)
		return true, err
	})
}

// stringItem reads a string item (si, or a cell's is) after its start
// element, up to its end: the text of its t elements and of its runs' t
// elements, phonetic runs (rPh) left out, escapes decoded.
func (d *decoder) stringItem() (string, error) {
	var b strings.Builder
	depth := 0  // below the item
	runAt := 0  // depth of the run (r) open, 0 for none
	textAt := 0 // depth of the t open whose text is the item's, 0 for none
	for {
		tok, err := d.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && t.Name.Local == "r":
				runAt = 1
			case t.Name.Local == "t" && textAt == 0 && (depth == 1 || depth == 2 && runAt == 1):
				textAt = depth
			}
		case xml.EndElement:
			if depth == 0 {
				return unescape(b.String()), nil
			}
			if depth == textAt {
				textAt = 0
			}
			if depth == runAt {
				runAt = 0
			}
			depth--
		case xml.CharData:
			if textAt != 0 && depth == textAt {
				b.Write(t)
			}
		}
	}
	return unescape(b.String()), nil
}

// styles reads the number formats: the custom ones, and the one of each
// cell format.
func (r *Reader) styles(name string) error {
	d, err := r.open(name)
	if d == nil {
		return err
	}
	return d.walk(func(se xml.StartElement, stack []string) (bool, error) {
		switch {
		case se.Name.Local == "numFmt" && under(stack, "styleSheet", "numFmts"):
			if id, err := strconv.Atoi(strings.TrimSpace(attr(se, "numFmtId"))); err == nil {
				r.numFmts[id] = attr(se, "formatCode")
			}
		case se.Name.Local == "xf" && under(stack, "styleSheet", "cellXfs"):
			id, err := strconv.Atoi(strings.TrimSpace(attr(se, "numFmtId")))
			if err != nil {
				id = -1
			}
			r.xfs = append(r.xfs, id)
		}
		return false, nil
	})
}

// attr is an attribute without a prefix; "" when absent.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}
