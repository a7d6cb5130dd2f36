// Package kaskade links the PKs of one organisation into the cascade
// (pohon kinerja): each PK names the PK above it (pk_induk), and its
// sasaran and indicators name the induk's indicators they support
// (mendukung). Build checks the links over the loaded PKs of a folder and
// returns the tree with its located problems. It reads no file: its
// caller loads the folder (package pkgen's Kaskade, and Check for one
// file's chain).
package kaskade

import (
	"fmt"
	"slices"
	"strings"

	"pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

// PK is one file of the folder as its caller loaded it.
type PK struct {
	Name string          // fs.FS name: slash-separated, relative to the folder's root
	Doc  *model.Document // nil when it does not load (invalid, unreadable)
}

// Options choose what Build looks at.
type Options struct {
	// Tahun keeps the PKs of that year only; 0 keeps every year. A PK
	// naming an induk of another year is an error either way.
	Tahun int
}

// Cascade is the checked tree.
type Cascade struct {
	// Nodes are the PKs of the tree, in name order: the latest version
	// of each PK of the year (an earlier version amended by a PK
	// Perubahan in the folder is not a node of its own).
	Nodes []*Node
	// Roots are the nodes without an induk (or whose link is broken), in
	// name order; a root with no children is a standalone PK.
	Roots []*Node
	// Problems are every node's problems, by file and line.
	Problems model.Problems
}

// Node is one PK in the tree.
type Node struct {
	Name     string
	Doc      *model.Document
	Induk    *Node   // nil for a root
	Children []*Node // in name order
	// Versions are the earlier versions this PK amends, found in the
	// folder, newest first.
	Versions []string
	// Links are the mendukung entries of this PK, in document order.
	Links []Link
	// Problems are those located in this file, by line.
	Problems model.Problems
}

// Link is one sasaran or indicator of a lower PK supporting indicators
// of its induk.
type Link struct {
	Path      string   // "sasaran[2]" or "sasaran[2].indikator[1]"
	Sasaran   int      // index in Doc.Sasaran
	Indikator int      // index in the sasaran's indicators; -1 for the sasaran itself
	Kode      []string // the induk's indicators, as written
}

// SasaranPath and IndikatorPath are key paths as problems name them
// (counted from 1), for Marked: indices are 0-based.
func SasaranPath(i int) string { return fmt.Sprintf("sasaran[%d]", i+1) }

// IndikatorPath is the key path of indicator j of sasaran i.
func IndikatorPath(i, j int) string { return fmt.Sprintf("sasaran[%d].indikator[%d]", i+1, j+1) }

// Standalone reports a PK outside any cascade: no induk and nothing below.
func (n *Node) Standalone() bool { return n.Induk == nil && len(n.Children) == 0 }

// Marked reports whether a problem of n is about path or a key under it
// ("sasaran[1].indikator[2]" is marked by a problem at its kode): what a
// drawing marks.
func (n *Node) Marked(path string) bool {
	for _, p := range n.Problems {
		if p.Path == path || strings.HasPrefix(p.Path, path) && len(p.Path) > len(path) && (p.Path[len(path)] == '.' || p.Path[len(path)] == '[') {
			return true
		}
	}
	return false
}

// Build links pks and checks the links.
func Build(pks []PK, opt Options) *Cascade {
	b := &builder{byName: map[string]*PK{}, nodes: map[string]*Node{}, amendedBy: map[string]string{}, locate: map[string]func(string) int{}}
	sorted := slices.Clone(pks)
	slices.SortFunc(sorted, func(a, c PK) int { return strings.Compare(a.Name, c.Name) })
	for i := range sorted {
		b.byName[sorted[i].Name] = &sorted[i]
	}
	b.versions(sorted)
	for _, pk := range sorted {
		if pk.Doc == nil || opt.Tahun != 0 && pk.Doc.Tahun != opt.Tahun || b.amendedBy[pk.Name] != "" {
			continue
		}
		n := &Node{Name: pk.Name, Doc: pk.Doc}
		for v := pk.Doc.Perubahan; v != nil && v.Asal != nil; v = v.Asal.Perubahan {
			if ref, err := files.Resolve(n.Name, v.Mengubah); err == nil && len(n.Versions) < 100 {
				n.Versions = append(n.Versions, ref)
			}
		}
		b.nodes[pk.Name] = n
		b.order = append(b.order, n)
	}
	for _, n := range b.order {
		b.link(n)
	}
	b.cycles()
	c := &Cascade{Nodes: b.order}
	for _, n := range b.order {
		if n.Induk == nil {
			c.Roots = append(c.Roots, n)
		} else {
			n.Induk.Children = append(n.Induk.Children, n)
		}
	}
	for _, n := range b.order {
		b.checkPihak(n)
		b.checkUnsupported(n)
		b.checkJumlah(n)
	}
	for _, n := range b.order {
		n.Problems = append(n.Problems, b.probs[n.Name]...)
		sortByLine(n.Problems)
		c.Problems = append(c.Problems, n.Problems...)
	}
	return c
}

// builder holds what Build works on.
type builder struct {
	byName map[string]*PK
	nodes  map[string]*Node
	order  []*Node
	// amendedBy names, for a file amended by a valid PK Perubahan of the
	// folder, that PK Perubahan.
	amendedBy map[string]string
	probs     map[string]model.Problems
	locate    map[string]func(string) int
}

// versions finds which files are amended by a PK Perubahan of the folder.
func (b *builder) versions(pks []PK) {
	for _, pk := range pks {
		if pk.Doc == nil || pk.Doc.Perubahan == nil {
			continue
		}
		if ref, err := files.Resolve(pk.Name, pk.Doc.Perubahan.Mengubah); err == nil && ref != pk.Name {
			b.amendedBy[ref] = pk.Name
		}
	}
}

// latest is the newest version of the PK name in the folder: the end of
// the chain of PK Perubahan amending it.
func (b *builder) latest(name string) string {
	for range len(b.amendedBy) + 1 {
		next := b.amendedBy[name]
		if next == "" {
			break
		}
		name = next
	}
	return name
}

// add records a problem located in file name; format is a catalogue key.
func (b *builder) add(name string, sev model.Severity, path, format string, args ...any) {
	b.record(name, model.Problem{Path: path, Severity: sev, Msg: fmt.Sprintf(format, args...), Key: format, Args: args})
}

// record places p in file name and keeps it.
func (b *builder) record(name string, p model.Problem) {
	p.File = name
	if pk := b.byName[name]; pk != nil && pk.Doc != nil {
		loc := b.locate[name]
		if loc == nil {
			loc = model.Locator(pk.Doc.Raw)
			b.locate[name] = loc
		}
		p.Line = loc(p.Path)
	}
	if b.probs == nil {
		b.probs = map[string]model.Problems{}
	}
	b.probs[name] = append(b.probs[name], p)
}

// errOf records err as an error: its catalogue message when it is one.
func (b *builder) errOf(name, path string, err error) {
	p := model.Problem{Path: path, Severity: model.Galat, Msg: err.Error()}
	if m, ok := pesan.Of(err); ok {
		p.Key, p.Args = m.Key, m.Args
	}
	b.record(name, p)
}

func (b *builder) errf(name, path, format string, args ...any) {
	b.add(name, model.Galat, path, format, args...)
}

func (b *builder) warnf(name, path, format string, args ...any) {
	b.add(name, model.Peringatan, path, format, args...)
}

// link finds n's induk and checks what n's sasaran and indicators say
// they support.
func (b *builder) link(n *Node) {
	doc := n.Doc
	for i, s := range doc.Sasaran {
		sp := SasaranPath(i)
		if len(s.Mendukung) > 0 {
			n.Links = append(n.Links, Link{Path: sp, Sasaran: i, Indikator: -1, Kode: s.Mendukung})
		}
		supports := len(s.Mendukung) > 0
		for j, ind := range s.Indikator {
			if len(ind.Mendukung) > 0 {
				supports = true
				n.Links = append(n.Links, Link{Path: IndikatorPath(i, j), Sasaran: i, Indikator: j, Kode: ind.Mendukung})
			}
		}
		if doc.PKInduk != "" && !supports {
			b.warnf(n.Name, sp, "sasaran ini tidak mendukung indikator PK induk mana pun: tulis mendukung = [\"KODE\"] pada sasaran atau indikatornya")
		}
	}
	if doc.PKInduk == "" {
		return
	}
	ref, err := files.Resolve(n.Name, doc.PKInduk)
	if err != nil {
		b.errOf(n.Name, "pk_induk", err)
		return
	}
	target := b.byName[ref]
	switch {
	case target == nil:
		b.errf(n.Name, "pk_induk", "berkas PK induk %q tidak ditemukan (dicari di %s)", doc.PKInduk, ref)
		return
	case target.Doc == nil:
		b.errf(n.Name, "pk_induk", "PK induk %s tidak sah; perbaiki dulu berkas itu", doc.PKInduk)
		return
	case target.Doc.Tahun != doc.Tahun:
		b.errf(n.Name, "pk_induk", "PK induk %s bertahun %d, bukan %d", doc.PKInduk, target.Doc.Tahun, doc.Tahun)
		return
	}
	named := target.Doc
	now := b.latest(ref)
	current := named
	if pk := b.byName[now]; now != ref && pk != nil && pk.Doc != nil {
		current = pk.Doc
	}
	for _, l := range n.Links {
		for k, kode := range l.Kode {
			if kode == "" {
				continue
			}
			path := fmt.Sprintf("%s.mendukung[%d]", l.Path, k+1)
			_, ind := named.FindIndikator(kode)
			switch {
			case ind == nil && current != named && hasKode(current, kode):
				b.errf(n.Name, path, "kode %q tidak ada di PK induk %s, tetapi ada di PK Perubahan-nya %s: arahkan pk_induk ke berkas itu", kode, doc.PKInduk, now)
			case ind == nil:
				b.missingKode(n.Name, path, kode, doc.PKInduk, named)
			case current != named && !hasKode(current, kode):
				b.warnf(n.Name, path, "indikator %q PK induk dihapus oleh PK Perubahan %s, tetapi masih didukung di sini", kode, now)
			}
		}
	}
	if parent := b.nodes[now]; parent != nil {
		n.Induk = parent
	}
}

func hasKode(doc *model.Document, kode string) bool {
	_, ind := doc.FindIndikator(kode)
	return ind != nil
}

// missingKode reports kode absent from the induk named ref, suggesting
// the nearest kode there, and listing them when there are few.
func (b *builder) missingKode(name, path, kode, ref string, doc *model.Document) {
	var all []string
	best, bestD := "", 1<<30
	for _, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			all = append(all, ind.Kode)
			if d := model.EditDistance(strings.ToUpper(kode), strings.ToUpper(ind.Kode)); d < bestD {
				best, bestD = ind.Kode, d
			}
		}
	}
	near := best != "" && bestD <= max(2, len([]rune(kode))/2)
	short := len(all) <= 12
	list := strings.Join(all, ", ")
	switch {
	case near && short:
		b.errf(name, path, "kode %q tidak ada di PK induk %s; maksud Anda %q? Kode yang ada: %s", kode, ref, best, list)
	case near:
		b.errf(name, path, "kode %q tidak ada di PK induk %s; maksud Anda %q?", kode, ref, best)
	default:
		b.errf(name, path, "kode %q tidak ada di PK induk %s; kode yang ada: %s", kode, ref, list)
	}
}

// cycles breaks every cycle of induk links, reporting it in each of its
// files; the link of the cycle's first file by name is cut, so the tree
// stays a tree.
func (b *builder) cycles() {
	state := map[*Node]int{} // 0 unseen, 1 on the current walk, 2 done
	for _, start := range b.order {
		var walk []*Node
		n := start
		for n != nil && state[n] == 0 {
			state[n] = 1
			walk = append(walk, n)
			n = n.Induk
		}
		if n != nil && state[n] == 1 {
			i := slices.Index(walk, n)
			ring := walk[i:]
			first := ring[0]
			for _, m := range ring {
				if m.Name < first.Name {
					first = m
				}
			}
			for k, m := range ring {
				names := make([]string, 0, len(ring)+1)
				for q := range len(ring) + 1 {
					names = append(names, ring[(k+q)%len(ring)].Name)
				}
				b.errf(m.Name, "pk_induk", "pk_induk membentuk lingkaran: %s", strings.Join(names, " → "))
			}
			first.Induk = nil
		}
		for _, m := range walk {
			state[m] = 2
		}
	}
}

// checkPihak warns when the PIHAK KEDUA of n is not the PIHAK PERTAMA of
// its induk: by NIP when both have one, else by name.
func (b *builder) checkPihak(n *Node) {
	if n.Induk == nil || !n.Doc.HasParties() || !n.Induk.Doc.HasParties() {
		return
	}
	up := n.Induk.Doc.PihakPertama
	k := n.Doc.PihakKedua
	switch {
	case k == nil:
		b.warnf(n.Name, "pihak_kedua", "tidak ada [pihak_kedua]; PIHAK PERTAMA PK induk %s adalah %s", n.Induk.Name, up.Nama)
	case k.NIP != "" && up.NIP != "":
		if k.NIP != up.NIP {
			b.warnf(n.Name, "pihak_kedua.nip", "NIP PIHAK KEDUA %s bukan NIP PIHAK PERTAMA PK induk %s (%s, %s)", k.NIP, n.Induk.Name, up.Nama, up.NIP)
		}
	case normName(k.Nama) != normName(up.Nama):
		b.warnf(n.Name, "pihak_kedua.nama", "PIHAK KEDUA %q bukan PIHAK PERTAMA PK induk %s (%q)", k.Nama, n.Induk.Name, up.Nama)
	}
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// supporters are the indicators of n's children that name kode, and
// whether any sasaran or indicator of them names it.
func supporters(n *Node, kode string) (inds []supporter, named bool) {
	for _, c := range n.Children {
		for _, l := range c.Links {
			if !slices.Contains(l.Kode, kode) {
				continue
			}
			named = true
			if l.Indikator >= 0 {
				inds = append(inds, supporter{node: c, path: l.Path, ind: &c.Doc.Sasaran[l.Sasaran].Indikator[l.Indikator]})
			}
		}
	}
	return inds, named
}

type supporter struct {
	node *Node
	path string
	ind  *model.Indikator
}

// checkUnsupported warns about each indicator of a PK with PKs below it
// that none of them supports.
func (b *builder) checkUnsupported(n *Node) {
	if len(n.Children) == 0 {
		return
	}
	for i, s := range n.Doc.Sasaran {
		for j, ind := range s.Indikator {
			if _, named := supporters(n, ind.Kode); !named {
				b.warnf(n.Name, IndikatorPath(i, j),
					"indikator %q tidak didukung sasaran atau indikator PK bawahan mana pun", ind.Kode)
			}
		}
	}
}

// sortByLine orders ps by line, those without one last, keeping the order
// of equal lines.
func sortByLine(ps model.Problems) {
	slices.SortStableFunc(ps, func(a, c model.Problem) int {
		switch {
		case a.Line == c.Line:
			return 0
		case a.Line == 0:
			return 1
		case c.Line == 0:
			return -1
		}
		return a.Line - c.Line
	})
}
