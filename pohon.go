package pkgen

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"pkgen/kaskade"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
	"pkgen/render/pdf"
	"pkgen/render/pohon"
)

// Pohon is the report's tree as the drawing takes it: the PKs linked to
// another (a standalone PK is left out, unless no PK is linked, then
// every PK is a box of its own), each box with its sasaran, indicators,
// targets and the warnings located in its file. With r.Capaian (see
// LoadCapaian) each indicator row is tinted by its category and a PK
// without a report of the quarter says so.
func (r *KaskadeReport) Pohon() *pohon.Tree {
	roots := r.drawnRoots()
	t := &pohon.Tree{Title: r.pohonTitle(roots)}
	for _, n := range roots {
		t.Roots = append(t.Roots, pohonNode(n, r.Capaian))
	}
	return t
}

// drawnRoots are the roots of the drawing: the linked ones, or every
// root when none is linked.
func (r *KaskadeReport) drawnRoots() []*kaskade.Node {
	var roots []*kaskade.Node
	for _, n := range r.Cascade.Roots {
		if !n.Standalone() {
			roots = append(roots, n)
		}
	}
	if len(roots) == 0 {
		return r.Cascade.Roots
	}
	return roots
}

// drawn reports whether n is a box of the drawing.
func (r *KaskadeReport) drawn(n *kaskade.Node) bool {
	for n.Induk != nil {
		n = n.Induk
	}
	return slices.Contains(r.drawnRoots(), n)
}

func pohonNode(n *kaskade.Node, kc *KaskadeCapaian) *pohon.Node {
	d := n.Doc
	p := &pohon.Node{ID: n.Name, Unit: unitOf(d), Jabatan: d.PihakPertama.JabatanLengkap(),
		Nama: render.NamaPihak(d.PihakPertama)}
	var kategori map[string]string
	if kc != nil {
		if pc := kc.PKs[n.Name]; pc != nil {
			kategori = pc.Kategori
		} else {
			p.Note = pesan.ID.Sprintf("tanpa realisasi TW %s", romanTW[kc.Triwulan])
		}
	}
	// An indicator's problem is marked at the indicator ("!"); the box
	// lists the others and counts these (the summary names them all).
	marked := 0
	for _, pr := range n.Problems {
		if strings.Contains(pr.Path, ".indikator[") {
			marked++
			continue
		}
		s := pr.Text(pesan.ID)
		if pr.Path != "" {
			s = pr.Path + ": " + s
		}
		if pr.Line > 0 {
			s = pesan.ID.Sprintf("baris %d", pr.Line) + ": " + s
		}
		p.Warnings = append(p.Warnings, s)
	}
	if marked > 0 {
		p.Warnings = append(p.Warnings, pesan.ID.Sprintf("%d masalah pada indikator bertanda ! (rinciannya di ringkasan pkgen kaskade)", marked))
	}
	for i, s := range d.Sasaran {
		ps := pohon.Sasaran{Uraian: s.Uraian, Mendukung: s.Mendukung}
		for j, ind := range s.Indikator {
			ps.Indikator = append(ps.Indikator, pohon.Indikator{Kode: ind.Kode, Uraian: ind.Uraian,
				Target: targetText(d.FormatAngka, ind), Mendukung: ind.Mendukung,
				Warned: n.Marked(kaskade.IndikatorPath(i, j)), Kategori: kategori[ind.Kode]})
		}
		p.Sasaran = append(p.Sasaran, ps)
	}
	for _, ch := range n.Children {
		p.Children = append(p.Children, pohonNode(ch, kc))
	}
	return p
}

// unitOf names the box: the unit the PIHAK PERTAMA heads ("Kepala Bidang
// X" heads "Bidang X"), else the kop's last line (a Bupati's Pemerintah
// Kabupaten), else the unit_kerja.
func unitOf(d *model.Document) string {
	if u, ok := strings.CutPrefix(d.PihakPertama.Jabatan, "Kepala "); ok && u != "" {
		return u
	}
	if k := d.Instansi.Kop; len(k) > 0 {
		return k[len(k)-1].Teks
	}
	return d.PihakPertama.UnitKerja
}

// targetText is the year's target with its satuan, unless the value says
// its unit itself (a percentage, a category).
func targetText(format string, ind model.Indikator) string {
	v := ind.Target.Tahunan
	s := render.FormatNilai(format, v)
	if v.Jenis == model.Angka && ind.Satuan != "" {
		s += " " + ind.Satuan
	}
	return s
}

// pohonTitle heads every page: POHON KINERJA, the top unit's first kop
// line when there is one root, and the year(s).
func (r *KaskadeReport) pohonTitle(roots []*kaskade.Node) []string {
	title := []string{pesan.ID.Sprintf("POHON KINERJA")}
	upper := cases.Upper(language.Indonesian)
	if len(roots) == 1 {
		if k := roots[0].Doc.Instansi.Kop; len(k) > 0 {
			title = append(title, upper.String(k[0].Teks))
		} else if u := unitOf(roots[0].Doc); u != "" {
			title = append(title, upper.String(u))
		}
	}
	var years []int
	var walk func(n *kaskade.Node)
	walk = func(n *kaskade.Node) {
		if !slices.Contains(years, n.Doc.Tahun) {
			years = append(years, n.Doc.Tahun)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, n := range roots {
		walk(n)
	}
	slices.Sort(years)
	var ys []string
	for _, y := range years {
		ys = append(ys, fmt.Sprint(y))
	}
	if len(ys) > 0 {
		title = append(title, pesan.ID.Sprintf("TAHUN %s", strings.Join(ys, ", ")))
	}
	if kc := r.Capaian; kc != nil {
		if kc.Triwulan == 1 {
			title = append(title, pesan.ID.Sprintf("CAPAIAN TRIWULAN %s", romanTW[kc.Triwulan]))
		} else {
			title = append(title, pesan.ID.Sprintf("CAPAIAN S.D. TRIWULAN %s", romanTW[kc.Triwulan]))
		}
	}
	return title
}

// romanTW names a quarter as the capaian annex does.
var romanTW = [...]string{"", "I", "II", "III", "IV"}

// PohonPDF draws the tree as a plain PDF (the drawing is a working
// paper, not an archived agreement). Its date is the latest PK date in
// the tree, so the same folder gives the same bytes.
func (r *KaskadeReport) PohonPDF() (data []byte, err error) {
	defer catch(&err, "pohon kinerja")
	t := r.Pohon()
	created := time.Time{}
	var walk func(n *pohon.Node)
	byName := map[string]*kaskade.Node{}
	for _, n := range r.Cascade.Nodes {
		byName[n.Name] = n
	}
	walk = func(n *pohon.Node) {
		d := byName[n.ID].Doc
		c := time.Date(d.Tahun, 1, 1, 0, 0, 0, 0, time.UTC)
		if d.Tanggal != nil {
			c = *d.Tanggal
		}
		if c.After(created) {
			created = c
		}
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	for _, n := range t.Roots {
		walk(n)
	}
	// A3 landscape, two levels a page: a pohon kinerja is read whole,
	// and a PK's box with its indicators is tall.
	var bands []model.PitaKategori
	if r.Capaian != nil {
		bands = r.Capaian.Kategori
	}
	doc, err := pohon.Layout(t, pohon.Options{Paper: [2]float64{297, 420}, Levels: 2, BoxWidth: 72, Kategori: bands, Meta: render.Meta{
		Title:   strings.Join(t.Title, " "),
		Subject: pesan.ID.Sprintf("Pohon kinerja"),
		Creator: "pkgen", Created: created.UTC(),
	}})
	if err != nil {
		return nil, err
	}
	return pdf.Bytes(doc, pdf.Options{})
}
