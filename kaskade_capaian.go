package pkgen

import (
	"slices"

	"github.com/BurntSushi/toml"

	"pkgen/files"
	"pkgen/kaskade"
	"pkgen/model"
	"pkgen/pesan"
)

// KaskadeCapaian is the capaian of the tree's PKs as of one quarter, from
// the realisasi reports of the folder: what colours the pohon kinerja.
type KaskadeCapaian struct {
	Triwulan int
	// PKs are the PKs with a report of the quarter, by node name.
	PKs map[string]*PKCapaian
	// Kategori are the category bands of the coloured PKs (one table for
	// the whole tree); nil when no PK is coloured.
	Kategori []model.PitaKategori
	// Tanpa are the PKs of the drawn tree without a report of the
	// quarter, as shown, in name order.
	Tanpa []string
}

// PKCapaian is one PK's capaian as the capaian annex of its report
// prints it: each indicator's year-to-date capaian (s.d. the quarter)
// and its category.
type PKCapaian struct {
	Realisasi string // the report, as shown
	Rows      []model.BarisCapaian
	// Summary is the report's line of all indicators: how many fall in
	// each category, how many have no capaian yet.
	Summary model.CapaianSummary
	// Kategori is the category of each indicator by kode; an indicator
	// without a year-to-date capaian is absent.
	Kategori map[string]string
}

// LoadCapaian reads the folder's realisasi reports of quarter triwulan
// (1..4) whose pk is a PK of the drawn tree (see Pohon), or a version a
// PK Perubahan of the tree stands in for, and sets r.Capaian: each such PK's indicators get
// the category of their year-to-date capaian, computed by
// model.ComputeCapaian as the capaian annex computes it. Reports of other
// quarters, and of PKs outside the tree, are left alone. The error is for
// two reports of one PK, a report that is not valid (pkgen check names
// its problems), or coloured PKs whose category tables differ.
func (r *KaskadeReport) LoadCapaian(triwulan int) (err error) {
	defer catch(&err, "realisasi")
	if triwulan < 1 || triwulan > 4 {
		return pesan.Errorf("triwulan %d di luar 1–4", triwulan)
	}
	show := r.Show
	if show == nil {
		show = func(name string) string { return name }
	}
	// A node of the drawing stands for its own file and for every version
	// it amends.
	node := map[string]*kaskade.Node{}
	for _, n := range r.Cascade.Nodes {
		if !r.drawn(n) {
			continue
		}
		node[n.Name] = n
		for _, v := range n.Versions {
			if node[v] == nil {
				node[v] = n
			}
		}
	}
	kc := &KaskadeCapaian{Triwulan: triwulan, PKs: map[string]*PKCapaian{}}
	bandsOf := ""
	for _, name := range r.Realisasi {
		pk, ok := r.reportHead(name)
		if !ok || pk.Triwulan != triwulan {
			continue
		}
		ref, err := files.Resolve(name, pk.PK)
		if err != nil || node[ref] == nil {
			continue
		}
		n := node[ref]
		if prev := kc.PKs[n.Name]; prev != nil {
			return pesan.Errorf("dua laporan realisasi triwulan %d untuk PK %s: %s dan %s", triwulan, show(n.Name), prev.Realisasi, show(name))
		}
		lap, probs, err := model.LoadRealisasi(r.snap, name)
		if err != nil {
			return err
		}
		if k := len(probs.Errors()); lap == nil || lap.Dokumen == nil || k > 0 {
			return &InvalidError{Name: show(name), Errors: max(k, 1)}
		}
		rows, err := model.ComputeCapaian(lap.Dokumen, lap)
		if err != nil {
			return inFile(show(name), err)
		}
		sums := model.SummarizeCapaian(rows)
		pc := &PKCapaian{Realisasi: show(name), Rows: rows, Summary: sums[len(sums)-1], Kategori: map[string]string{}}
		for _, row := range rows {
			if c := row.CapaianSD; c.Ada() && c.Kategori != "" && row.Indikator.Kode != "" {
				pc.Kategori[row.Indikator.Kode] = c.Kategori
			}
		}
		kc.PKs[n.Name] = pc
		bands := lap.Dokumen.Capaian.Kategori
		if len(bands) == 0 {
			bands = model.KategoriBawaan()
		}
		if kc.Kategori == nil {
			kc.Kategori, bandsOf = bands, show(n.Name)
		} else if !sameBands(kc.Kategori, bands) {
			return pesan.Errorf("PK %s dan %s memakai tabel kategori capaian yang berbeda; pohon kinerja diwarnai dengan satu tabel", bandsOf, show(n.Name))
		}
	}
	for _, n := range r.Cascade.Nodes {
		if node[n.Name] == n && kc.PKs[n.Name] == nil {
			kc.Tanpa = append(kc.Tanpa, show(n.Name))
		}
	}
	r.Capaian = kc
	return nil
}

// reportHead reads the keys that say which PK and quarter a report is
// about; false when they do not decode (pkgen check names the problem).
func (r *KaskadeReport) reportHead(name string) (head struct {
	PK       string `toml:"pk"`
	Triwulan int    `toml:"triwulan"`
}, ok bool) {
	data, err := files.Read(r.snap, name, files.TOML)
	if err != nil {
		return head, false
	}
	_, err = toml.Decode(string(data), &head)
	return head, err == nil && head.PK != ""
}

func sameBands(a, b []model.PitaKategori) bool {
	return slices.EqualFunc(a, b, func(x, y model.PitaKategori) bool {
		if x.Nama != y.Nama || (x.Min == nil) != (y.Min == nil) {
			return false
		}
		return x.Min == nil || x.Min.Cmp(*y.Min) == 0
	})
}
