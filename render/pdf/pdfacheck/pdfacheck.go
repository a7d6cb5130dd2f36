// Package pdfacheck is a structural checker for the PDF/A-3b features pkgen
// writes. It is for tests: it checks, rule by rule, what pkgen promises, in
// Go, on every test run, and the tests check that each rule fails on a
// document without it. The independent validator is Apache PDFBox
// Preflight (render/pdf's TestPreflightEveryExample, where Java is
// installed); it validates PDF/A-1b, so the PDF/A-3 parts (/AF,
// /AFRelationship) are checked here only.
//
// It is not a PDF/A validator: it reads the file's objects with pdfcpu and
// checks the rules listed in Rules, nothing about content stream operators,
// glyph widths, colour spaces used by operators, or the XMP schemas beyond
// the properties and value types named here.
package pdfacheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"pkgen/render/pdf/internal/pdfcpuconf"
)

// Rules are the names of the checks, in the order Check runs them.
var Rules = []string{
	RuleHeader, RuleEncrypt, RuleXMP, RulePDFAID, RuleInfo, RuleDates, RuleExtension,
	RuleValueType, RuleOutputIntent, RuleID, RuleFonts, RuleJavaScript, RuleTransparency,
	RuleExternal, RuleEmbedded, RuleFilters, RuleOutline,
}

// The rules.
const (
	// RuleHeader: "%PDF-1.n" (n ≤ 7), then a comment line of at least
	// four bytes above 127.
	RuleHeader = "header"
	// RuleEncrypt: no /Encrypt in the trailer.
	RuleEncrypt = "encrypt"
	// RuleXMP: the catalog's /Metadata is an unfiltered stream of /Type
	// /Metadata /Subtype /XML holding well-formed XML in an xpacket.
	RuleXMP = "xmp"
	// RulePDFAID: pdfaid:part is 3 and pdfaid:conformance is B.
	RulePDFAID = "pdfaid"
	// RuleInfo: the Info entries Title, Author, Subject, Keywords,
	// Creator and Producer equal dc:title, dc:creator, dc:description,
	// pdf:Keywords, xmp:CreatorTool and pdf:Producer, both present or
	// both absent.
	RuleInfo = "info"
	// RuleDates: Info /CreationDate and /ModDate are PDF dates with a
	// time zone, equal as instants to xmp:CreateDate and xmp:ModifyDate.
	RuleDates = "dates"
	// RuleExtension: every XMP property outside the predefined schemas is
	// declared in pdfaExtension:schemas (namespace, prefix and name).
	RuleExtension = "extension"
	// RuleValueType: every value type an extension schema declares is
	// one XMP defines, or "seq", "bag" or "alt" (lower case, as XMP
	// writes them) and such a type, or a structure type declared in
	// pdfaSchema:valueType with a namespace of its own (not the schema's)
	// and its fields; and in the properties of such a type, every field is
	// an element of the type's namespace that the declaration names.
	// (PDFBox reads "Seq T" as an unknown type, and a field in the
	// schema's namespace as an undeclared property; either stops its other
	// XMP checks.)
	RuleValueType = "valuetype"
	// RuleOutputIntent: an /OutputIntents entry with /S /GTS_PDFA1 whose
	// /DestOutputProfile is an ICC stream with /N 3 and an RGB profile
	// header ("acsp", colour space "RGB ").
	RuleOutputIntent = "outputintent"
	// RuleID: the trailer's /ID holds two strings of 16 bytes.
	RuleID = "id"
	// RuleFonts: every font is embedded: TrueType and CIDFontType2 fonts
	// have /FontFile2, Type1 fonts /FontFile or /FontFile3, and Type0 fonts
	// descendants that are embedded.
	RuleFonts = "fonts"
	// RuleJavaScript: no /JS or /JavaScript key, no JavaScript action and
	// no additional actions (/AA) anywhere.
	RuleJavaScript = "javascript"
	// RuleTransparency: no /SMask (other than /None), no /CA or /ca below
	// 1, no blend mode other than Normal or Compatible, and no /Group with
	// /S /Transparency.
	RuleTransparency = "transparency"
	// RuleExternal: no stream data in external files (/F, /FFilter), no
	// reference XObjects, PostScript or OPI, no Launch actions, and no file
	// specification without embedded data.
	RuleExternal = "external"
	// RuleEmbedded: every embedded file's file specification has /F, /UF
	// and /AFRelationship and is in an /AF array and in the EmbeddedFiles
	// name tree (which viewers list); its stream has a MIME /Subtype and
	// /Params with /ModDate.
	RuleEmbedded = "embedded"
	// RuleFilters: no LZWDecode or Crypt filter.
	RuleFilters = "filters"
	// RuleOutline: the outline root, when there is one, has /Count
	// (PDFBox Preflight requires it, 1.4.9).
	RuleOutline = "outline"
)

// Problem is one broken rule.
type Problem struct {
	Rule string
	Msg  string
}

func (p Problem) String() string { return p.Rule + ": " + p.Msg }

// Report is the result of Check.
type Report struct {
	Problems []Problem
	// XMP is the metadata packet, nil without one.
	XMP []byte
	// Sources are the pkgen:sumber entries of the XMP: name → SHA-256.
	Sources map[string]string
}

// Failed reports whether rule is broken.
func (r *Report) Failed(rule string) bool {
	return slices.ContainsFunc(r.Problems, func(p Problem) bool { return p.Rule == rule })
}

// Rules lists the broken rules, each once, in Rules order.
func (r *Report) Rules() []string {
	var out []string
	for _, rule := range Rules {
		if r.Failed(rule) {
			out = append(out, rule)
		}
	}
	return out
}

type checker struct {
	b      []byte
	ctx    *model.Context
	info   types.Dict
	rep    *Report
	inTree map[int]bool // file specifications in the EmbeddedFiles name tree
}

func (c *checker) fail(rule, format string, args ...any) {
	c.rep.Problems = append(c.rep.Problems, Problem{rule, fmt.Sprintf(format, args...)})
}

// Check checks a PDF against the rules.
func Check(b []byte) *Report {
	c := &checker{b: b, rep: &Report{}}
	c.header()
	ctx, err := pdfcpu.Read(bytes.NewReader(b), pdfcpuconf.New(model.ValidationRelaxed))
	if err != nil {
		if bytes.Contains(b, []byte("/Encrypt")) {
			c.fail(RuleEncrypt, "encrypted (%v)", err)
		}
		for _, r := range Rules[2:] {
			c.fail(r, "unreadable PDF: %v", err)
		}
		return c.rep
	}
	c.ctx = ctx
	if ctx.Encrypt != nil || ctx.E != nil {
		c.fail(RuleEncrypt, "trailer has /Encrypt")
	}
	if ctx.Info != nil {
		c.info, _ = ctx.DereferenceDict(*ctx.Info)
	}
	c.xmp()
	c.outputIntent()
	c.id()
	c.objects()
	c.outline()
	return c.rep
}

// embeddedFilesTree lists the file specifications of the EmbeddedFiles
// name tree, by object number; a node reached twice is not walked again.
func (c *checker) embeddedFilesTree() map[int]bool {
	out := map[int]bool{}
	cat, err := c.ctx.Catalog()
	if err != nil {
		return out
	}
	names, _ := c.ctx.DereferenceDict(cat["Names"])
	if names == nil {
		return out
	}
	seen := map[int]bool{}
	stack := []types.Object{names["EmbeddedFiles"]}
	for len(stack) > 0 {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ir, ok := o.(types.IndirectRef); ok {
			if seen[ir.ObjectNumber.Value()] {
				continue
			}
			seen[ir.ObjectNumber.Value()] = true
		}
		d, _ := c.ctx.DereferenceDict(o)
		if d == nil {
			continue
		}
		kv := d.ArrayEntry("Names")
		for i := 1; i < len(kv); i += 2 {
			if ir, ok := kv[i].(types.IndirectRef); ok {
				out[ir.ObjectNumber.Value()] = true
			}
		}
		stack = append(stack, d.ArrayEntry("Kids")...)
	}
	return out
}

func (c *checker) outline() {
	cat, err := c.ctx.Catalog()
	if err != nil {
		return
	}
	d, _ := c.ctx.DereferenceDict(cat["Outlines"])
	if d == nil || d["First"] == nil {
		return
	}
	if d.IntEntry("Count") == nil {
		c.fail(RuleOutline, "outline root without /Count")
	}
}

func (c *checker) header() {
	b := c.b
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || !bytes.HasPrefix(b, []byte("%PDF-1.")) || nl != 8 || b[7] < '0' || b[7] > '7' {
		c.fail(RuleHeader, "first line is not %%PDF-1.n with n ≤ 7")
		return
	}
	rest := b[nl+1:]
	end := bytes.IndexAny(rest, "\r\n")
	if end < 0 || len(rest) == 0 || rest[0] != '%' {
		c.fail(RuleHeader, "no comment line after the header")
		return
	}
	high := 0
	for _, x := range rest[1:end] {
		if x > 127 {
			high++
		}
	}
	if high < 4 {
		c.fail(RuleHeader, "the comment after the header has %d bytes above 127, want at least 4", high)
	}
}

// xmp checks the metadata stream and its properties against Info.
func (c *checker) xmp() {
	cat, err := c.ctx.Catalog()
	if err != nil {
		c.fail(RuleXMP, "no catalog: %v", err)
		return
	}
	o, ok := cat.Find("Metadata")
	if !ok {
		c.fail(RuleXMP, "catalog has no /Metadata")
		for _, r := range []string{RulePDFAID, RuleInfo, RuleDates} {
			c.fail(r, "no XMP metadata")
		}
		return
	}
	sd, _, err := c.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		c.fail(RuleXMP, "/Metadata is not a stream (%v)", err)
		return
	}
	if n := sd.NameEntry("Type"); n == nil || *n != "Metadata" {
		c.fail(RuleXMP, "metadata stream without /Type /Metadata")
	}
	if n := sd.NameEntry("Subtype"); n == nil || *n != "XML" {
		c.fail(RuleXMP, "metadata stream without /Subtype /XML")
	}
	if _, ok := sd.Find("Filter"); ok {
		c.fail(RuleXMP, "metadata stream is filtered")
	}
	if err := sd.Decode(); err != nil {
		c.fail(RuleXMP, "metadata stream: %v", err)
		return
	}
	data := sd.Content
	c.rep.XMP = data
	if !bytes.HasPrefix(data, []byte("<?xpacket begin=")) || !bytes.Contains(data, []byte("<?xpacket end=")) {
		c.fail(RuleXMP, "no xpacket header and trailer")
	}
	root, err := parseXML(data)
	if err != nil {
		c.fail(RuleXMP, "XML: %v", err)
		return
	}
	props := properties(root)
	get := func(ns, name string) (string, bool) {
		for _, p := range props {
			if p.ns == ns && p.name == name {
				return p.value, true
			}
		}
		return "", false
	}

	if v, _ := get(nsPDFAID, "part"); v != "3" {
		c.fail(RulePDFAID, "pdfaid:part is %q, want 3", v)
	}
	if v, _ := get(nsPDFAID, "conformance"); v != "B" {
		c.fail(RulePDFAID, "pdfaid:conformance is %q, want B", v)
	}

	for _, e := range []struct{ info, ns, name string }{
		{"Title", nsDC, "title"}, {"Author", nsDC, "creator"}, {"Subject", nsDC, "description"},
		{"Keywords", nsPDF, "Keywords"}, {"Creator", nsXMP, "CreatorTool"}, {"Producer", nsPDF, "Producer"},
	} {
		iv, iok := c.infoString(e.info)
		xv, xok := get(e.ns, e.name)
		switch {
		case iok != xok:
			c.fail(RuleInfo, "Info /%s present: %v, XMP %s present: %v", e.info, iok, e.name, xok)
		case iok && iv != xv:
			c.fail(RuleInfo, "Info /%s %q ≠ XMP %s %q", e.info, iv, e.name, xv)
		}
	}

	for _, e := range []struct{ info, name string }{{"CreationDate", "CreateDate"}, {"ModDate", "ModifyDate"}} {
		iv, iok := c.infoString(e.info)
		xv, xok := get(nsXMP, e.name)
		if !iok || !xok {
			c.fail(RuleDates, "Info /%s present: %v, xmp:%s present: %v", e.info, iok, e.name, xok)
			continue
		}
		it, err := pdfDate(iv)
		if err != nil {
			c.fail(RuleDates, "Info /%s %q: %v", e.info, iv, err)
			continue
		}
		xt, err := time.Parse(time.RFC3339, xv)
		if err != nil {
			c.fail(RuleDates, "xmp:%s %q: %v", e.name, xv, err)
			continue
		}
		if !it.Equal(xt) {
			c.fail(RuleDates, "Info /%s %q ≠ xmp:%s %q", e.info, iv, e.name, xv)
		}
	}

	c.valueTypes(root, props)
	declared := declarations(root)
	for _, p := range props {
		if predefined[p.ns] || strings.HasPrefix(p.ns, "http://www.aiim.org/pdfa/ns/") {
			continue
		}
		if !declared[p.ns+" "+p.name] {
			c.fail(RuleExtension, "property {%s}%s not declared in pdfaExtension:schemas", p.ns, p.name)
		}
		if p.name == "sumber" {
			c.rep.Sources = sources(p.elem)
		}
	}
}

// infoString returns an Info entry as text.
func (c *checker) infoString(key string) (string, bool) {
	if c.info == nil {
		return "", false
	}
	o, ok := c.info.Find(key)
	if !ok || o == nil {
		return "", false
	}
	o, _ = c.ctx.Dereference(o)
	s, err := types.StringOrHexLiteral(o)
	if err != nil || s == nil {
		return "", false
	}
	return *s, true
}

// pdfDate parses D:YYYYMMDDHHmmSS with a mandatory zone (Z, or ±HH'mm').
func pdfDate(s string) (time.Time, error) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 15 {
		return time.Time{}, fmt.Errorf("not a full date with a time zone")
	}
	base, zone := s[:14], s[14:]
	t, err := time.Parse("20060102150405", base)
	if err != nil {
		return t, err
	}
	if zone == "Z" {
		return t, nil
	}
	zone = strings.TrimSuffix(zone, "'")
	if len(zone) != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != '\'' {
		return t, fmt.Errorf("time zone %q", s[14:])
	}
	z, err := time.Parse("-07'00", zone)
	if err != nil {
		return t, err
	}
	_, off := z.Zone()
	return t.Add(-time.Duration(off) * time.Second), nil
}

func (c *checker) outputIntent() {
	cat, err := c.ctx.Catalog()
	if err != nil {
		return
	}
	o, ok := cat.Find("OutputIntents")
	if !ok {
		c.fail(RuleOutputIntent, "catalog has no /OutputIntents")
		return
	}
	arr, err := c.ctx.DereferenceArray(o)
	if err != nil {
		c.fail(RuleOutputIntent, "/OutputIntents: %v", err)
		return
	}
	for _, e := range arr {
		d, err := c.ctx.DereferenceDict(e)
		if err != nil || d == nil {
			continue
		}
		if s := d.NameEntry("S"); s == nil || *s != "GTS_PDFA1" {
			continue
		}
		po, ok := d.Find("DestOutputProfile")
		if !ok {
			c.fail(RuleOutputIntent, "GTS_PDFA1 output intent without /DestOutputProfile")
			return
		}
		sd, _, err := c.ctx.DereferenceStreamDict(po)
		if err != nil || sd == nil {
			c.fail(RuleOutputIntent, "/DestOutputProfile is not a stream")
			return
		}
		if n := sd.IntEntry("N"); n == nil || *n != 3 {
			c.fail(RuleOutputIntent, "ICC profile stream without /N 3")
		}
		if err := sd.Decode(); err != nil {
			c.fail(RuleOutputIntent, "ICC profile: %v", err)
			return
		}
		p := sd.Content
		if len(p) < 128 || string(p[36:40]) != "acsp" || string(p[16:20]) != "RGB " {
			c.fail(RuleOutputIntent, "ICC profile is not an RGB profile")
		}
		return
	}
	c.fail(RuleOutputIntent, "no output intent with /S /GTS_PDFA1")
}

func (c *checker) id() {
	id := c.ctx.ID
	if len(id) != 2 {
		c.fail(RuleID, "trailer /ID has %d entries, want 2", len(id))
		return
	}
	for i, o := range id {
		var b []byte
		switch v := o.(type) {
		case types.HexLiteral:
			b, _ = v.Bytes()
		case types.StringLiteral:
			b, _ = types.Unescape(v.Value())
		default:
			c.fail(RuleID, "/ID[%d] is %T", i, o)
			continue
		}
		if len(b) != 16 {
			c.fail(RuleID, "/ID[%d] has %d bytes, want 16", i, len(b))
		}
	}
}

// objects checks every object of the file for the per-object rules.
func (c *checker) objects() {
	af := map[int]bool{} // file specifications named in some /AF
	c.inTree = c.embeddedFilesTree()
	var nums []int
	for n, e := range c.ctx.Table {
		if e != nil && !e.Free && e.Object != nil {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	for _, n := range nums {
		visit(c.ctx.Table[n].Object, func(d types.Dict) {
			for _, r := range d.ArrayEntry("AF") {
				if ir, ok := r.(types.IndirectRef); ok {
					af[ir.ObjectNumber.Value()] = true
				}
			}
		})
	}
	for _, n := range nums {
		obj := c.ctx.Table[n].Object
		if sd, ok := obj.(types.StreamDict); ok {
			c.stream(n, sd)
		}
		visit(obj, func(d types.Dict) { c.dict(n, d, af) })
	}
}

func (c *checker) stream(n int, sd types.StreamDict) {
	for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
		if _, ok := sd.Find(k); ok {
			c.fail(RuleExternal, "object %d: stream with /%s (data in an external file)", n, k)
		}
	}
	for _, f := range sd.FilterPipeline {
		if f.Name == "LZWDecode" || f.Name == "Crypt" {
			c.fail(RuleFilters, "object %d: /%s filter", n, f.Name)
		}
	}
	if sub := sd.NameEntry("Subtype"); sub != nil {
		switch *sub {
		case "PS":
			c.fail(RuleExternal, "object %d: PostScript XObject", n)
		case "Form":
			if _, ok := sd.Find("Ref"); ok {
				c.fail(RuleExternal, "object %d: reference XObject", n)
			}
		}
	}
	if _, ok := sd.Find("OPI"); ok {
		c.fail(RuleExternal, "object %d: OPI", n)
	}
}

func (c *checker) dict(n int, d types.Dict, af map[int]bool) {
	name := func(k string) string {
		if v := d.NameEntry(k); v != nil {
			return *v
		}
		return ""
	}
	for _, k := range []string{"JS", "JavaScript", "AA"} {
		if _, ok := d.Find(k); ok {
			c.fail(RuleJavaScript, "object %d: /%s", n, k)
		}
	}
	switch name("S") {
	case "JavaScript":
		c.fail(RuleJavaScript, "object %d: JavaScript action", n)
	case "Launch":
		c.fail(RuleExternal, "object %d: Launch action", n)
	case "Transparency":
		if name("Type") == "Group" || d.NameEntry("CS") != nil {
			c.fail(RuleTransparency, "object %d: transparency group", n)
		}
	}
	if g := d.DictEntry("Group"); g != nil {
		if s := g.NameEntry("S"); s != nil && *s == "Transparency" {
			c.fail(RuleTransparency, "object %d: /Group with /S /Transparency", n)
		}
	}
	if o, ok := d.Find("SMask"); ok {
		if nm, isName := o.(types.Name); !isName || nm != "None" {
			c.fail(RuleTransparency, "object %d: /SMask", n)
		}
	}
	for _, k := range []string{"CA", "ca"} {
		if o, ok := d.Find(k); ok {
			if v, isNum := number(o); isNum && v < 1 {
				c.fail(RuleTransparency, "object %d: /%s %v", n, k, v)
			}
		}
	}
	if bm := name("BM"); bm != "" && bm != "Normal" && bm != "Compatible" {
		c.fail(RuleTransparency, "object %d: blend mode /%s", n, bm)
	}

	switch t := name("Type"); {
	case t == "Font":
		c.font(n, d)
	case t == "Filespec" || d.DictEntry("EF") != nil:
		c.fileSpec(n, d, af)
	}
}

func number(o types.Object) (float64, bool) {
	switch v := o.(type) {
	case types.Float:
		return v.Value(), true
	case types.Integer:
		return float64(v.Value()), true
	}
	return 0, false
}

func (c *checker) font(n int, d types.Dict) {
	sub := ""
	if s := d.NameEntry("Subtype"); s != nil {
		sub = *s
	}
	switch sub {
	case "Type0", "Type3":
		return // descendants are fonts of their own; Type3 glyphs are content
	}
	fd, _ := c.ctx.DereferenceDict(d["FontDescriptor"])
	if fd == nil {
		c.fail(RuleFonts, "object %d: %s font without a font descriptor (not embedded)", n, sub)
		return
	}
	want := []string{"FontFile2"}
	if sub == "Type1" || sub == "MMType1" || sub == "CIDFontType0" {
		want = []string{"FontFile", "FontFile3"}
	}
	for _, k := range want {
		if o, ok := fd.Find(k); ok {
			if sd, _, err := c.ctx.DereferenceStreamDict(o); err == nil && sd != nil {
				return
			}
		}
	}
	base := ""
	if b := d.NameEntry("BaseFont"); b != nil {
		base = *b
	}
	c.fail(RuleFonts, "object %d: %s font %s without /%s", n, sub, base, strings.Join(want, " or /"))
}

func (c *checker) fileSpec(n int, d types.Dict, af map[int]bool) {
	ef := d.DictEntry("EF")
	if ef == nil {
		if _, ok := d.Find("F"); ok {
			c.fail(RuleExternal, "object %d: file specification of an external file", n)
		}
		return
	}
	for _, k := range []string{"F", "UF", "AFRelationship"} {
		if _, ok := d.Find(k); !ok {
			c.fail(RuleEmbedded, "object %d: embedded file specification without /%s", n, k)
		}
	}
	if !af[n] {
		c.fail(RuleEmbedded, "object %d: embedded file specification not in an /AF array", n)
	}
	if !c.inTree[n] {
		c.fail(RuleEmbedded, "object %d: embedded file specification not in the EmbeddedFiles name tree", n)
	}
	for _, k := range []string{"F", "UF"} {
		o, ok := ef.Find(k)
		if !ok {
			continue
		}
		sd, _, err := c.ctx.DereferenceStreamDict(o)
		if err != nil || sd == nil {
			c.fail(RuleEmbedded, "object %d: /EF /%s is not a stream", n, k)
			continue
		}
		if s := sd.NameEntry("Subtype"); s == nil || !strings.Contains(*s, "/") {
			c.fail(RuleEmbedded, "object %d: embedded file without a MIME /Subtype", n)
		}
		p, _ := c.ctx.DereferenceDict(sd.Dict["Params"])
		if p == nil || p["ModDate"] == nil {
			c.fail(RuleEmbedded, "object %d: embedded file without /Params /ModDate", n)
		}
	}
}

// visit calls f for o and every dictionary nested in it, without following
// indirect references.
func visit(o types.Object, f func(types.Dict)) {
	switch v := o.(type) {
	case types.Dict:
		f(v)
		for _, k := range sortedKeys(v) {
			visit(v[k], f)
		}
	case types.StreamDict:
		visit(v.Dict, f)
	case types.Array:
		for _, e := range v {
			visit(e, f)
		}
	}
}

func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// XMP namespaces.
const (
	nsRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsPDFAID = "http://www.aiim.org/pdfa/ns/id/"
	nsDC     = "http://purl.org/dc/elements/1.1/"
	nsXMP    = "http://ns.adobe.com/xap/1.0/"
	nsPDF    = "http://ns.adobe.com/pdf/1.3/"
	nsSchema = "http://www.aiim.org/pdfa/ns/schema#"
	nsProp   = "http://www.aiim.org/pdfa/ns/property#"
)

// predefined are the schemas PDF/A validators know without a declaration
// (the XMP specification's, as ISO 19005 lists them).
var predefined = map[string]bool{
	nsPDFAID: true, nsDC: true, nsXMP: true, nsPDF: true,
	"http://ns.adobe.com/xap/1.0/rights/":          true,
	"http://ns.adobe.com/xap/1.0/mm/":              true,
	"http://ns.adobe.com/xap/1.0/bj/":              true,
	"http://ns.adobe.com/xap/1.0/t/pg/":            true,
	"http://ns.adobe.com/xmp/1.0/DynamicMedia/":    true,
	"http://ns.adobe.com/photoshop/1.0/":           true,
	"http://ns.adobe.com/tiff/1.0/":                true,
	"http://ns.adobe.com/exif/1.0/":                true,
	"http://ns.adobe.com/exif/1.0/aux/":            true,
	"http://ns.adobe.com/camera-raw-settings/1.0/": true,
}

// node is an XML element.
type node struct {
	ns, name string
	attrs    []xml.Attr
	text     string
	kids     []*node
}

func parseXML(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{ns: t.Name.Space, name: t.Name.Local, attrs: t.Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(t)
		}
	}
	if len(stack) != 1 || len(root.kids) == 0 {
		return nil, fmt.Errorf("not a complete XML document")
	}
	return root, nil
}

// property is a top-level XMP property: a child (or attribute) of an
// rdf:Description, with its text (for arrays, the first item's).
type property struct {
	ns, name, value string
	elem            *node
}

func properties(root *node) []property {
	var out []property
	var walk func(n *node)
	walk = func(n *node) {
		if n.ns == nsRDF && n.name == "Description" {
			for _, a := range n.attrs {
				if a.Name.Space != "" && a.Name.Space != nsRDF && a.Name.Space != "xmlns" {
					out = append(out, property{ns: a.Name.Space, name: a.Name.Local, value: a.Value})
				}
			}
			for _, k := range n.kids {
				out = append(out, property{ns: k.ns, name: k.name, value: firstText(k), elem: k})
			}
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(root)
	return out
}

// firstText is an element's text, or that of its first rdf:li.
func firstText(n *node) string {
	if t := strings.TrimSpace(n.text); t != "" || len(n.kids) == 0 {
		return t
	}
	for _, k := range n.kids {
		if k.ns == nsRDF && (k.name == "Alt" || k.name == "Seq" || k.name == "Bag") {
			for _, li := range k.kids {
				return strings.TrimSpace(li.text)
			}
		}
	}
	return ""
}

// declarations are the properties declared by pdfaExtension:schemas, as
// "namespace name".
func declarations(root *node) map[string]bool {
	out := map[string]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		if n.ns == "http://www.aiim.org/pdfa/ns/extension/" && n.name == "schemas" {
			for _, schema := range find(n, nsRDF, "li") {
				ns := ""
				for _, u := range find(schema, nsSchema, "namespaceURI") {
					ns = strings.TrimSpace(u.text)
				}
				for _, p := range find(schema, nsProp, "name") {
					out[ns+" "+strings.TrimSpace(p.text)] = true
				}
			}
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(root)
	return out
}

// xmpTypes are the value types XMP defines (XMP Part 1 and 2, as ISO
// 19005 lists them), besides "Lang Alt" and choices.
var xmpTypes = map[string]bool{
	"Boolean": true, "Date": true, "Integer": true, "Real": true, "Text": true,
	"AgentName": true, "Choice": true, "GUID": true, "Locale": true, "MIMEType": true,
	"ProperName": true, "RenditionClass": true, "ResourceRef": true, "URI": true, "URL": true,
	"XPath": true, "Dimensions": true, "Thumbnail": true, "ResourceEvent": true, "Version": true,
	"Job": true, "Font": true, "Colorant": true, "Flash": true, "CFAPattern": true,
	"DeviceSettings": true, "GPSCoordinate": true, "OECF/SFR": true, "Rational": true,
	"Part": true, "Layer": true, "Marker": true, "Media": true, "Track": true,
}

// Namespaces of the PDF/A extension schema's value types.
const (
	nsType  = "http://www.aiim.org/pdfa/ns/type#"
	nsField = "http://www.aiim.org/pdfa/ns/field#"
)

// structType is a value type declared in pdfaSchema:valueType.
type structType struct {
	ns     string
	fields map[string]bool
}

// valueTypes checks RuleValueType.
func (c *checker) valueTypes(root *node, props []property) {
	structs := map[string]structType{}
	propType := map[string]string{} // "namespace name" → declared value type
	for _, ext := range find(root, "http://www.aiim.org/pdfa/ns/extension/", "schemas") {
		for _, schema := range find(ext, nsRDF, "li") {
			schemaNS := ""
			for _, u := range find(schema, nsSchema, "namespaceURI") {
				schemaNS = strings.TrimSpace(u.text)
				break
			}
			if schemaNS == "" {
				continue // a property list's rdf:li, not a schema
			}
			for _, vt := range find(schema, nsSchema, "valueType") {
				for _, t := range find(vt, nsRDF, "li") {
					name := textOf(t, nsType, "type")
					st := structType{ns: textOf(t, nsType, "namespaceURI"), fields: map[string]bool{}}
					if name == "" || st.ns == "" || textOf(t, nsType, "prefix") == "" {
						c.fail(RuleValueType, "value type %q without a type name, namespace or prefix", name)
						continue
					}
					if st.ns == schemaNS {
						c.fail(RuleValueType, "value type %s in its schema's namespace %s: its fields would read as the schema's properties", name, st.ns)
					}
					for _, f := range find(t, nsType, "field") {
						for _, li := range find(f, nsRDF, "li") {
							fn, ft := textOf(li, nsField, "name"), textOf(li, nsField, "valueType")
							if fn == "" || ft == "" {
								c.fail(RuleValueType, "value type %s: a field without a name or value type", name)
								continue
							}
							st.fields[fn] = true
						}
					}
					structs[name] = st
				}
			}
			for _, p := range find(schema, nsSchema, "property") {
				for _, li := range find(p, nsRDF, "li") {
					propType[schemaNS+" "+textOf(li, nsProp, "name")] = textOf(li, nsProp, "valueType")
				}
			}
		}
	}
	for key, vt := range propType {
		base := strings.TrimPrefix(strings.TrimPrefix(vt, "closed Choice of "), "open Choice of ")
		if base == "Lang Alt" {
			continue
		}
		if kind, rest, ok := strings.Cut(base, " "); ok {
			switch kind {
			case "seq", "bag", "alt":
				base = rest
			default:
				c.fail(RuleValueType, "property %s: value type %q: the array kind is written seq, bag or alt", key, vt)
				continue
			}
		}
		if _, declared := structs[base]; !xmpTypes[base] && !declared {
			c.fail(RuleValueType, "property %s: value type %q is neither XMP's nor declared", key, vt)
		}
	}
	// The fields of declared types, where properties of those types hold
	// structures.
	for _, p := range props {
		vt := propType[p.ns+" "+p.name]
		if _, rest, ok := strings.Cut(vt, " "); ok {
			vt = rest
		}
		st, ok := structs[vt]
		if !ok || p.elem == nil {
			continue
		}
		for _, li := range find(p.elem, nsRDF, "li") {
			for _, f := range li.kids {
				if f.ns != st.ns || !st.fields[f.name] {
					c.fail(RuleValueType, "property %s: field {%s}%s is not a field of value type %s (namespace %s)", p.name, f.ns, f.name, vt, st.ns)
				}
			}
		}
	}
}

// textOf is the trimmed text of n's first descendant with the name.
func textOf(n *node, ns, name string) string {
	for _, k := range find(n, ns, name) {
		return strings.TrimSpace(k.text)
	}
	return ""
}

// find returns the descendants of n with the given name, outermost first.
func find(n *node, ns, name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.ns == ns && k.name == name {
			out = append(out, k)
			continue
		}
		out = append(out, find(k, ns, name)...)
	}
	return out
}

// sources reads pkgen:sumber: a sequence of resources with nama and sha256.
func sources(n *node) map[string]string {
	out := map[string]string{}
	for _, li := range find(n, nsRDF, "li") {
		var name, sum string
		for _, k := range li.kids {
			switch k.name {
			case "nama":
				name = k.text
			case "sha256":
				sum = k.text
			}
		}
		out[name] = sum
	}
	return out
}
