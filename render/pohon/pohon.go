// Package pohon draws a pohon kinerja (performance tree): the PKs of one
// organisation as boxes, level by level, joined by orthogonal connectors,
// on landscape pages. It is pure layout, like package render: it returns a
// *render.Document for render/pdf to write.
//
// The stages are separate: each box is measured once (boxes.go), the tree
// is cut into pages (paginate.go), each page's forest is placed as a tidy
// tree (tidy.go), and the pages are drawn (draw.go).
//
// A box too tall for a page is first set in smaller type, down to
// Options.MinSize; if it still does not fit, its last indicators are left
// out and the box says "… dan N indikator lagi".
package pohon

import (
	"math"

	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
)

// Tree is the pohon kinerja: its title lines and its root PKs.
type Tree struct {
	Title []string
	Roots []*Node
}

// Node is one PK.
type Node struct {
	ID                  string // the PK's file name, unique
	Unit, Jabatan, Nama string // the unit; the PIHAK PERTAMA's jabatan and name
	Note                string // an italic line under the name ("tanpa realisasi TW III"); "" none
	Sasaran             []Sasaran
	Warnings            []string // short located texts; non-empty marks the box
	Children            []*Node
}

// Sasaran is one objective of a PK with its indicators.
type Sasaran struct {
	Uraian    string
	Mendukung []string // kode of the parent's indicators it supports
	Indikator []Indikator
}

// Indikator is one indicator with its target.
type Indikator struct {
	Kode, Uraian, Target string // Target formatted, with its satuan
	Kategori             string // optional capaian category; "" none
	Warned               bool
	Mendukung            []string // kode of the parent's indicators it supports (added to the contract)
}

// Options are the page and type choices. The zero value is A4 landscape,
// 10 mm margins, 7 pt type shrinking to 6 pt for tall boxes.
type Options struct {
	// Paper is the sheet's two sides in mm, in either order: the pages are
	// landscape. Zero: A4.
	Paper [2]float64
	// Margins in mm; zero: 10 mm on every side.
	Margins render.Margins
	// Size is the type size of the boxes in pt (zero: 7); MinSize the
	// smallest a tall box shrinks to before indicators are left out
	// (zero: 6, never above Size).
	Size, MinSize float64
	// Levels asks that so many levels of boxes fit on one page: a box is
	// then at most that share of the page tall (shrunk, then cut short,
	// as a box taller than the page is). Zero or 1: as tall as the page.
	Levels int
	// BoxWidth in mm (zero: 50).
	BoxWidth float64
	// Kategori are the capaian category bands, best first, whose annex
	// colours tint an indicator with that Kategori; nil: the default bands.
	Kategori []model.PitaKategori
	// Printer prints the words on the page; nil: Indonesian, so that the
	// PDF does not depend on the language of the messages.
	Printer *pesan.Printer
	// Meta is recorded in the document as given.
	Meta render.Meta
}

// Kind tells what a placed box is.
type Kind uint8

const (
	KindNode Kind = iota // a PK's full box
	KindStub             // a small copy of the parent of a page's boxes, on a page of its own
	KindMark             // a continuation mark "lanjut di halaman N"
)

// Placed is a box as laid out, for callers and tests that check the
// geometry.
type Placed struct {
	Page       int // index into Document.Pages
	Kind       Kind
	ID         string // the node's (for a mark: the node whose children continue)
	X, Y, W, H float64
	// Pages: for a stub, the page holding the node's full box; for a mark,
	// the pages its children continue on (first and last, 0-based).
	From, To int
}

// Result is a laid-out tree and where its boxes are.
type Result struct {
	Document *render.Document
	Boxes    []Placed
}

// Layout lays the tree out as landscape pages.
func Layout(t *Tree, o Options) (*render.Document, error) {
	r, err := Arrange(t, o)
	if err != nil {
		return nil, err
	}
	return r.Document, nil
}

// Arrange lays the tree out and also returns where each box went.
func Arrange(t *Tree, o Options) (*Result, error) {
	if t == nil {
		return nil, pesan.Errorf("pohon: pohon tanpa PK")
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := checkTree(t); err != nil {
		return nil, err
	}
	l := newLayouter(t, o)
	if err := l.measure(); err != nil {
		return nil, err
	}
	l.paginate()
	return l.draw()
}

func (o Options) withDefaults() (Options, error) {
	if o.Paper == ([2]float64{}) {
		o.Paper = [2]float64{297, 210}
	}
	w, h := max(o.Paper[0], o.Paper[1]), min(o.Paper[0], o.Paper[1])
	o.Paper = [2]float64{w, h}
	if o.Margins == (render.Margins{}) {
		o.Margins = render.Margins{Top: 10, Right: 10, Bottom: 10, Left: 10}
	}
	if o.Size == 0 {
		o.Size = 7
	}
	if o.MinSize == 0 {
		o.MinSize = min(6, o.Size)
	}
	if o.BoxWidth == 0 {
		o.BoxWidth = 50
	}
	if o.Printer == nil {
		o.Printer = pesan.ID
	}
	m := o.Margins
	switch {
	case !finite(w, h, m.Top, m.Right, m.Bottom, m.Left, o.Size, o.MinSize, o.BoxWidth) || h <= 0:
		return o, pesan.Errorf("pohon: ukuran kertas, tepi, huruf atau kotak tidak sah")
	case o.MinSize < 4 || o.Size > 14 || o.MinSize > o.Size:
		return o, pesan.Errorf("pohon: ukuran huruf %.1f pt (terkecil %.1f pt) di luar 4–14 pt", o.Size, o.MinSize)
	case m.Top < 0 || m.Right < 0 || m.Bottom < 0 || m.Left < 0 || w-m.Left-m.Right < o.BoxWidth || h-m.Top-m.Bottom < 100:
		return o, pesan.Errorf("pohon: kertas %.0f×%.0f mm terlalu kecil untuk kotak selebar %.0f mm dengan tepi ini", w, h, o.BoxWidth)
	case o.BoxWidth < 30:
		return o, pesan.Errorf("pohon: kotak selebar %.0f mm terlalu sempit (paling sedikit 30 mm)", o.BoxWidth)
	}
	return o, nil
}

// checkTree refuses a node reached twice (a cycle or a shared child) and
// two nodes with one ID: every node must appear once.
func checkTree(t *Tree) error {
	seen := map[*Node]bool{}
	ids := map[string]bool{}
	var walk func(n *Node) error
	walk = func(n *Node) error {
		if n == nil {
			return pesan.Errorf("pohon: PK kosong (nil) di pohon")
		}
		if seen[n] {
			return pesan.Errorf("pohon: PK %q muncul dua kali di pohon (siklus?)", n.ID)
		}
		if ids[n.ID] {
			return pesan.Errorf("pohon: dua PK bernama %q", n.ID)
		}
		seen[n], ids[n.ID] = true, true
		for _, c := range n.Children {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range t.Roots {
		if err := walk(r); err != nil {
			return err
		}
	}
	if len(t.Roots) == 0 {
		return pesan.Errorf("pohon: pohon tanpa PK")
	}
	return nil
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
