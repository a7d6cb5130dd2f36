package pohon

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// shape is how a generated tree grows.
type shape struct {
	n        int    // nodes
	maxFan   int    // children per node at most
	maxDepth int    // levels at most
	long     bool   // long unit names, jabatan and uraian
	tall     int    // one node gets this many indicators (0: none)
	seed     uint64 // for the random choices
	kategori bool   // indicators carry capaian categories
}

var units = [][]string{
	{"Dinas Kesehatan Kabupaten Contoh", "Kepala Dinas Kesehatan"},
	{"Bidang Pencegahan dan Pengendalian Penyakit", "Kepala Bidang"},
	{"Seksi Surveilans dan Imunisasi", "Kepala Seksi"},
	{"Subkelompok Substansi Pelayanan", "Koordinator Subkelompok"},
	{"Unit Pelaksana Teknis Puskesmas", "Kepala UPT"},
}

var uraian = []string{
	"Meningkatnya derajat kesehatan masyarakat",
	"Persentase balita gizi buruk yang mendapat perawatan",
	"Cakupan imunisasi dasar lengkap pada bayi usia 0–11 bulan",
	"Angka kematian ibu per 100.000 kelahiran hidup",
	"Persentase fasilitas kesehatan terakreditasi paripurna",
	"Rasio dokter per 1.000 penduduk",
}

var targets = []string{"95 %", "12 kasus", "1,25 per 1.000", "100 %", "Rp 1.250.000.000", "87,5 %", "4 dokumen"}

// generate makes a tree of s.n nodes, the same for the same shape.
func generate(s shape) *Tree {
	r := rand.New(rand.NewPCG(s.seed, 7))
	var all []*Node
	depth := map[*Node]int{}
	cats := []string{"Tercapai", "Hampir tercapai", "Tidak tercapai", ""}
	mk := func(i, d int) *Node {
		u := units[min(d, len(units)-1)]
		n := &Node{ID: fmt.Sprintf("pk-%03d.toml", i), Unit: fmt.Sprintf("%s %d", u[0], i), Jabatan: u[1],
			Nama: fmt.Sprintf("dr. Nama Pejabat %d, M.Kes.", i)}
		if s.long {
			n.Unit = strings.Repeat(u[0]+" ", 1+r.IntN(3)) + fmt.Sprint(i)
			n.Jabatan = u[1] + " " + strings.Repeat("Urusan Pemerintahan Bidang Kesehatan ", 1+r.IntN(2))
		}
		nInd := 1 + r.IntN(4)
		if s.tall > 0 && i == s.n/2 {
			nInd = s.tall
		}
		for sIdx := 0; sIdx < 1+r.IntN(2) || (s.tall > 0 && i == s.n/2 && sIdx < 3); sIdx++ {
			sas := Sasaran{Uraian: uraian[r.IntN(len(uraian))]}
			if d > 0 {
				sas.Mendukung = []string{fmt.Sprintf("IK-%02d", 1+r.IntN(3))}
			}
			for k := 0; k < nInd; k++ {
				ind := Indikator{Kode: fmt.Sprintf("IK-%02d", len(sas.Indikator)+1+10*sIdx), Uraian: uraian[r.IntN(len(uraian))],
					Target: targets[r.IntN(len(targets))]}
				if s.long && r.IntN(3) == 0 {
					ind.Uraian = strings.Repeat(ind.Uraian+" ", 3)
				}
				if s.kategori {
					ind.Kategori = cats[r.IntN(len(cats))]
				}
				ind.Warned = r.IntN(9) == 0
				sas.Indikator = append(sas.Indikator, ind)
			}
			n.Sasaran = append(n.Sasaran, sas)
		}
		if r.IntN(6) == 0 {
			n.Warnings = append(n.Warnings, fmt.Sprintf("pk-%03d.toml:12: IK-02 tidak didukung indikator mana pun di bawahnya", i))
			if r.IntN(2) == 0 {
				n.Warnings = append(n.Warnings, "PIHAK KEDUA bukan PIHAK PERTAMA PK induknya")
			}
		}
		depth[n] = d
		return n
	}
	root := mk(0, 0)
	all = append(all, root)
	for i := 1; i < s.n; i++ {
		// A parent with room, shallow ones more likely: bidang fill before seksi.
		var open []*Node
		for _, c := range all {
			if len(c.Children) < s.maxFan && depth[c]+1 < s.maxDepth {
				open = append(open, c)
			}
		}
		if len(open) == 0 {
			break
		}
		p := open[min(r.IntN(len(open)), r.IntN(len(open)))]
		c := mk(i, depth[p]+1)
		p.Children = append(p.Children, c)
		all = append(all, c)
	}
	return &Tree{Title: []string{"POHON KINERJA", "DINAS KESEHATAN KABUPATEN CONTOH", "TAHUN 2024"}, Roots: []*Node{root}}
}

// shapes are the trees the geometry tests lay out.
var shapes = map[string]shape{
	"1":          {n: 1, maxFan: 1, maxDepth: 1, seed: 1},
	"5":          {n: 5, maxFan: 3, maxDepth: 3, seed: 2, kategori: true},
	"30":         {n: 30, maxFan: 6, maxDepth: 3, seed: 3},
	"30-long":    {n: 30, maxFan: 4, maxDepth: 4, seed: 4, long: true, tall: 40},
	"200":        {n: 200, maxFan: 8, maxDepth: 4, seed: 5, kategori: true},
	"200-wide":   {n: 200, maxFan: 40, maxDepth: 3, seed: 6},
	"200-deep":   {n: 200, maxFan: 2, maxDepth: 12, seed: 7, tall: 60},
	"200-chain":  {n: 200, maxFan: 1, maxDepth: 200, seed: 8},
	"1-tall":     {n: 1, maxFan: 1, maxDepth: 1, seed: 9, tall: 80, long: true},
	"5-long-fan": {n: 5, maxFan: 4, maxDepth: 2, seed: 10, long: true},
}
