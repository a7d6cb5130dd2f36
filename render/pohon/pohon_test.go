package pohon

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/render"
	"pkgen/render/pdf"
)

const eps = 1e-6

// TestGeometry checks the invariants of every generated shape: boxes
// inside the printable area and apart, texts inside their boxes, every
// connector joining boxes, every node once, every reference leading to a
// page that holds what it names.
func TestGeometry(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(shapes)) {
		t.Run(name, func(t *testing.T) {
			tree := generate(shapes[name])
			res, err := Arrange(tree, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGeometry(t, tree, res)
		})
		// As pkgen kaskade -o draws: A3, wider boxes, two levels a page.
		t.Run(name+"/a3", func(t *testing.T) {
			tree := generate(shapes[name])
			res, err := Arrange(tree, a3)
			if err != nil {
				t.Fatal(err)
			}
			checkGeometry(t, tree, res)
		})
	}
}

var a3 = Options{Paper: [2]float64{297, 420}, Levels: 2, BoxWidth: 72}

// With Levels 2 a box is at most half the page tall, so the first page
// of a tree with a tall root holds the root and the level below it;
// without it, the tall root fills the page alone.
func TestLevels(t *testing.T) {
	tree := generate(shapes["30-long"])
	tree.Roots[0].Sasaran = generate(shapes["1-tall"]).Roots[0].Sasaran
	levels := func(o Options) (int, float64) {
		res, err := Arrange(tree, o)
		if err != nil {
			t.Fatal(err)
		}
		n, tallest := 0, 0.0
		for _, b := range res.Boxes {
			if b.Kind == KindNode {
				tallest = max(tallest, b.H)
				if b.Page == 0 {
					n++
				}
			}
		}
		return n, tallest
	}
	one, _ := levels(Options{Paper: a3.Paper, BoxWidth: a3.BoxWidth})
	two, tallest := levels(a3)
	if one != 1 {
		t.Errorf("without Levels page 1 holds %d boxes, want the tall root alone", one)
	}
	if two < 2 {
		t.Errorf("with Levels 2 page 1 holds %d boxes, want the root and its children", two)
	}
	if tallest > 297/2 {
		t.Errorf("with Levels 2 a box is %.1f mm tall, more than half the page", tallest)
	}
}

func checkGeometry(t *testing.T, tree *Tree, res *Result) {
	t.Helper()
	doc := res.Document
	o, _ := Options{}.withDefaults()
	m := o.Margins
	for i, p := range doc.Pages {
		if !p.Landscape() {
			t.Errorf("page %d is not landscape", i+1)
		}
		in := func(x, y float64) bool {
			return x >= m.Left-eps && x <= p.Width-m.Right+eps && y >= m.Top-eps && y <= p.Height-m.Bottom+eps
		}
		for _, f := range p.Frames {
			if !in(f.X, f.Y) || !in(f.X+f.W, f.Y+f.H) {
				t.Errorf("page %d: %s frame %+v outside the printable area", i+1, f.Kind, f)
			}
		}
		for _, r := range p.Rects {
			if !in(r.X, r.Y) || !in(r.X+r.W, r.Y+r.H) {
				t.Errorf("page %d: rect %+v outside the printable area", i+1, r)
			}
		}
		for _, tx := range p.Texts {
			top := tx.Y - tx.Size*render.PtToMM*0.9
			if !in(tx.X, top) || !in(tx.X+tx.Width, tx.Y) {
				t.Errorf("page %d: text %q outside the printable area", i+1, tx.S)
			}
			if tx.Size < 6 {
				t.Errorf("page %d: text %q at %.2f pt, below 6 pt", i+1, tx.S, tx.Size)
			}
			if tx.Frame == 0 {
				t.Errorf("page %d: text %q outside any frame", i+1, tx.S)
				continue
			}
			f := p.Frames[tx.Frame-1]
			if tx.X < f.X-eps || tx.X+tx.Width > f.X+f.W+eps || top < f.Y-eps || tx.Y > f.Y+f.H+eps {
				t.Errorf("page %d: text %q sticks out of its %s frame %+v", i+1, tx.S, f.Kind, f)
			}
		}
		for a := range p.Frames {
			for b := a + 1; b < len(p.Frames); b++ {
				if overlap(p.Frames[a], p.Frames[b]) {
					t.Errorf("page %d: %s %+v overlaps %s %+v", i+1, p.Frames[a].Kind, p.Frames[a], p.Frames[b].Kind, p.Frames[b])
				}
			}
		}
		checkConnectors(t, i, &p)
	}

	// Placed boxes are the frames, kind for kind.
	perPage := make([][]Placed, len(doc.Pages))
	for _, b := range res.Boxes {
		if b.Page < 0 || b.Page >= len(doc.Pages) {
			t.Fatalf("box %+v on page %d of %d", b, b.Page, len(doc.Pages))
		}
		perPage[b.Page] = append(perPage[b.Page], b)
		kind := map[Kind]string{KindNode: FrameNode, KindStub: FrameStub, KindMark: FrameMark}[b.Kind]
		found := false
		for _, f := range doc.Pages[b.Page].Frames {
			found = found || (f.Kind == kind && f.X == b.X && f.Y == b.Y && f.W == b.W && f.H == b.H)
		}
		if !found {
			t.Errorf("box %+v has no %s frame", b, kind)
		}
	}

	// Every node once; stubs and marks lead to pages holding their node.
	want := map[string]bool{}
	var walk func(n *Node)
	walk = func(n *Node) {
		want[n.ID] = true
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, r := range tree.Roots {
		walk(r)
	}
	count := map[string]int{}
	holds := func(page int, kind Kind, id string) bool {
		if page < 0 || page >= len(perPage) {
			return false
		}
		for _, b := range perPage[page] {
			if b.Kind == kind && b.ID == id {
				return true
			}
		}
		return false
	}
	for _, b := range res.Boxes {
		switch b.Kind {
		case KindNode:
			count[b.ID]++
		case KindStub:
			if !holds(b.From, KindNode, b.ID) {
				t.Errorf("stub of %s on page %d: page %d does not hold its box", b.ID, b.Page+1, b.From+1)
			}
			if txt := frameText(doc.Pages[b.Page], b); !strings.Contains(txt, fmt.Sprintf("dari halaman %d)", b.From+1)) {
				t.Errorf("stub of %s on page %d says %q", b.ID, b.Page+1, txt)
			}
		case KindMark:
			if b.From > b.To {
				t.Errorf("mark of %s on page %d: pages %d–%d", b.ID, b.Page+1, b.From+1, b.To+1)
			}
			for pg := b.From; pg <= b.To; pg++ {
				if !holds(pg, KindStub, b.ID) {
					t.Errorf("mark of %s on page %d: page %d holds no stub of it", b.ID, b.Page+1, pg+1)
				}
			}
			txt := frameText(doc.Pages[b.Page], b)
			wantText := "halaman " + strconv.Itoa(b.From+1)
			if b.To > b.From {
				wantText += "–" + strconv.Itoa(b.To+1)
			}
			if !strings.HasSuffix(txt, wantText) {
				t.Errorf("mark of %s on page %d says %q, want …%q", b.ID, b.Page+1, txt, wantText)
			}
		}
	}
	for id := range want {
		if count[id] != 1 {
			t.Errorf("node %s drawn %d times", id, count[id])
		}
	}
	for id := range count {
		if !want[id] {
			t.Errorf("node %s drawn but not in the tree", id)
		}
	}

	// Page numbers.
	for i, p := range doc.Pages {
		folio := fmt.Sprintf("Halaman %d dari %d", i+1, len(doc.Pages))
		if !slices.ContainsFunc(p.Texts, func(tx render.Text) bool { return tx.S == folio }) {
			t.Errorf("page %d: no %q", i+1, folio)
		}
	}
}

// frameText is the text inside a placed box, in drawing order.
func frameText(p render.Page, b Placed) string {
	var parts []string
	for _, tx := range p.Texts {
		f := p.Frames[tx.Frame-1]
		if f.X == b.X && f.Y == b.Y && f.W == b.W && f.H == b.H {
			parts = append(parts, tx.S)
		}
	}
	return strings.Join(parts, " ")
}

func overlap(a, b render.Frame) bool {
	return a.X+eps < b.X+b.W && b.X+eps < a.X+a.W && a.Y+eps < b.Y+b.H && b.Y+eps < a.Y+a.H
}

// checkConnectors: the lines outside boxes are the connectors. Each end
// touches a box's border or lies on another connector; no connector
// crosses a box; each network of touching connectors joins two boxes or
// more.
func checkConnectors(t *testing.T, page int, p *render.Page) {
	t.Helper()
	boxes := slices.DeleteFunc(slices.Clone(p.Frames), func(f render.Frame) bool {
		return f.Kind != FrameNode && f.Kind != FrameStub && f.Kind != FrameMark
	})
	inside := func(f render.Frame, x, y float64) bool {
		return x >= f.X-eps && x <= f.X+f.W+eps && y >= f.Y-eps && y <= f.Y+f.H+eps
	}
	var conns []render.Line
	for _, l := range p.Lines {
		internal := slices.ContainsFunc(p.Frames, func(f render.Frame) bool {
			return inside(f, l.X1, l.Y1) && inside(f, l.X2, l.Y2)
		})
		if !internal {
			conns = append(conns, l)
		}
	}
	if len(conns) > 0 && len(boxes) < 2 {
		t.Errorf("page %d: connectors with fewer than two boxes", page+1)
	}
	onSeg := func(l render.Line, x, y float64) bool {
		if min(l.X1, l.X2)-eps > x || x > max(l.X1, l.X2)+eps || min(l.Y1, l.Y2)-eps > y || y > max(l.Y1, l.Y2)+eps {
			return false
		}
		return abs((l.X2-l.X1)*(y-l.Y1)-(l.Y2-l.Y1)*(x-l.X1)) < eps
	}
	// A union-find of connectors, joined where one touches another.
	parent := make([]int, len(conns))
	for i := range parent {
		parent[i] = i
	}
	var find func(i int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	touched := map[int]map[int]bool{} // network -> boxes
	touch := make([][]int, len(conns))
	for i, l := range conns {
		if l.X1 != l.X2 && l.Y1 != l.Y2 {
			t.Errorf("page %d: connector %+v is not orthogonal", page+1, l)
		}
		for _, end := range [][2]float64{{l.X1, l.Y1}, {l.X2, l.Y2}} {
			onBox := false
			for bi, f := range boxes {
				border := inside(f, end[0], end[1]) && !(end[0] > f.X+eps && end[0] < f.X+f.W-eps && end[1] > f.Y+eps && end[1] < f.Y+f.H-eps)
				if border {
					onBox = true
					touch[i] = append(touch[i], bi)
				}
			}
			onLine := false
			for j, o := range conns {
				if j != i && onSeg(o, end[0], end[1]) {
					onLine = true
					if a, b := find(i), find(j); a != b {
						parent[a] = b
					}
				}
			}
			if !onBox && !onLine {
				t.Errorf("page %d: connector %+v ends at (%.2f, %.2f), touching nothing", page+1, l, end[0], end[1])
			}
		}
		for _, f := range boxes {
			// Crossing a box: the segment's middle part inside it.
			mx, my := (l.X1+l.X2)/2, (l.Y1+l.Y2)/2
			if mx > f.X+eps && mx < f.X+f.W-eps && my > f.Y+eps && my < f.Y+f.H-eps {
				t.Errorf("page %d: connector %+v crosses %s %+v", page+1, l, f.Kind, f)
			}
		}
	}
	for i := range conns {
		r := find(i)
		if touched[r] == nil {
			touched[r] = map[int]bool{}
		}
		for _, b := range touch[i] {
			touched[r][b] = true
		}
	}
	for _, bs := range touched {
		if len(bs) < 2 {
			t.Errorf("page %d: a connector network touches %d box(es)", page+1, len(bs))
		}
	}
}

func abs(v float64) float64 { return max(v, -v) }

// TestTallBoxShrinksThenTruncates: a box of 80 indicators is set at the
// smallest size and says how many indicators it leaves out, and that many
// are missing; a box of 12 fits at a size between.
func TestTallBoxShrinksThenTruncates(t *testing.T) {
	tree := generate(shapes["1-tall"])
	total := 0
	for _, s := range tree.Roots[0].Sasaran {
		total += len(s.Indikator)
	}
	res, err := Arrange(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Document.Pages[0]
	box := res.Boxes[0]
	shown, left := 0, -1
	re := regexp.MustCompile(`^… dan (?:\d+ sasaran, )?(\d+) indikator lagi$`)
	for _, tx := range p.Texts {
		f := p.Frames[tx.Frame-1]
		if f.Kind != FrameNode {
			continue
		}
		if strings.HasPrefix(tx.S, "IK-") && tx.Size != 6 {
			t.Errorf("text %q at %.2f pt, want the smallest, 6 pt", tx.S, tx.Size)
		}
		if tx.Style == fonts.Bold && strings.HasPrefix(tx.S, "IK-") {
			shown++
		}
		if m := re.FindStringSubmatch(tx.S); m != nil {
			left, _ = strconv.Atoi(m[1])
		}
	}
	if left <= 0 || shown+left != total {
		t.Errorf("shown %d, said left out %d, of %d indicators", shown, left, total)
	}
	if box.H > p.Height {
		t.Errorf("box %.1f mm tall", box.H)
	}

	// Growing a box: its type shrinks step by step, and indicators are
	// left out only at the smallest size.
	prev, shrunk := 7.0, false
	for k := 1; k <= 40; k++ {
		n := &Node{ID: "a", Unit: "Dinas", Jabatan: "Kepala Dinas", Nama: "Nama"}
		s := Sasaran{Uraian: uraian[0]}
		for i := range k {
			s.Indikator = append(s.Indikator, Indikator{Kode: fmt.Sprintf("IK-%02d", i+1), Uraian: uraian[i%len(uraian)], Target: "100 %"})
		}
		n.Sasaran = []Sasaran{s}
		res, err = Arrange(&Tree{Roots: []*Node{n}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		size, truncated := 0.0, false
		for _, tx := range res.Document.Pages[0].Texts {
			if strings.HasPrefix(tx.S, "IK-") {
				size = tx.Size
			}
			truncated = truncated || strings.HasPrefix(tx.S, "… dan")
		}
		if size > prev || (truncated && size != 6) {
			t.Errorf("%d indicators: %.2f pt (before %.2f pt), truncated %v", k, size, prev, truncated)
		}
		shrunk = shrunk || (size < 7 && size > 6 && !truncated)
		prev = size
	}
	if !shrunk {
		t.Error("no box was set between 6 and 7 pt")
	}
}

// TestDeterministic: two layouts are equal and their PDFs identical.
func TestDeterministic(t *testing.T) {
	tree := generate(shapes["200"])
	a, err := Layout(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Layout(generate(shapes["200"]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two layouts of one tree differ")
	}
	pa, err := pdf.Bytes(a, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pb, err := pdf.Bytes(b, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pa, pb) {
		t.Fatal("two PDFs of one tree differ")
	}
}

// TestRefused: trees and options Layout refuses, with a message.
func TestRefused(t *testing.T) {
	a := &Node{ID: "a.toml", Unit: "A"}
	b := &Node{ID: "b.toml", Unit: "B"}
	a.Children = []*Node{b}
	b.Children = []*Node{a}
	dup := &Node{ID: "a.toml", Children: []*Node{{ID: "a.toml"}}}
	for name, c := range map[string]struct {
		tree *Tree
		o    Options
		want string
	}{
		"cycle":     {&Tree{Roots: []*Node{a}}, Options{}, `PK "a.toml" muncul dua kali`},
		"duplicate": {&Tree{Roots: []*Node{dup}}, Options{}, `dua PK bernama "a.toml"`},
		"empty":     {&Tree{}, Options{}, "pohon tanpa PK"},
		"nil":       {nil, Options{}, "pohon tanpa PK"},
		"tiny type": {&Tree{Roots: []*Node{{ID: "x"}}}, Options{Size: 3}, "ukuran huruf"},
		"paper":     {&Tree{Roots: []*Node{{ID: "x"}}}, Options{Paper: [2]float64{60, 40}}, "terlalu kecil"},
	} {
		_, err := Layout(c.tree, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
}

// BenchmarkLayout200 lays out a tree of 200 PKs.
func BenchmarkLayout200(b *testing.B) {
	tree := generate(shapes["200"])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(tree, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutPDF200 lays out a tree of 200 PKs and writes the PDF.
func BenchmarkLayoutPDF200(b *testing.B) {
	tree := generate(shapes["200"])
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Layout(tree, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pdf.Bytes(doc, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutChain200 lays out a chain of 200 PKs, one below the other.
func BenchmarkLayoutChain200(b *testing.B) {
	tree := generate(shapes["200-chain"])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(tree, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
