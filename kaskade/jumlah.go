package kaskade

import (
	"fmt"
	"math/big"
	"strings"

	"pkgen/model"
)

// checkJumlah warns, for each indicator of n marked agregasi_kaskade =
// "jumlah", when the targets of the lower indicators supporting it (those
// of the same satuan) do not add up to its own, period by period. A
// period where a value is not a number or a percentage is not compared: a
// sum only means something between counts.
func (b *builder) checkJumlah(n *Node) {
	if len(n.Children) == 0 {
		return
	}
	for i, s := range n.Doc.Sasaran {
		for j := range s.Indikator {
			up := &s.Indikator[j]
			if up.AgregasiKaskade != model.Jumlah {
				continue
			}
			path := IndikatorPath(i, j)
			inds, _ := supporters(n, up.Kode)
			var same []supporter
			var other []string
			for _, sp := range inds {
				if sameSatuan(sp.ind.Satuan, up.Satuan) {
					same = append(same, sp)
				} else {
					other = append(other, fmt.Sprintf("%s %s (%s)", sp.node.Name, sp.ind.Kode, sp.ind.Satuan))
				}
			}
			if len(other) > 0 {
				b.warnf(n.Name, path+".agregasi_kaskade", "indikator pendukung bersatuan lain tidak dijumlahkan: %s", strings.Join(other, ", "))
			}
			if len(same) == 0 {
				continue
			}
			var diffs []string
			for p, key := range periods {
				want := targetAt(up.Target, p)
				if !numeric(want) {
					continue
				}
				sum, scale, ok := new(big.Rat), want.Angka.Scale, true
				for _, sp := range same {
					v := targetAt(sp.ind.Target, p)
					if !numeric(v) || v.Jenis != want.Jenis {
						ok = false
						break
					}
					sum.Add(sum, v.Angka.Rat())
					scale = max(scale, v.Angka.Scale)
				}
				if ok && sum.Cmp(want.Angka.Rat()) != 0 {
					diffs = append(diffs, fmt.Sprintf("%s %s ≠ %s", key, sum.FloatString(int(scale)), want.Angka.String()))
				}
			}
			if len(diffs) > 0 {
				names := make([]string, len(same))
				for k, sp := range same {
					names[k] = sp.node.Name + " " + sp.ind.Kode
				}
				b.warnf(n.Name, path+".target", "jumlah target indikator pendukung tidak sama dengan target ini (agregasi_kaskade = \"jumlah\"): %s; pendukung: %s",
					strings.Join(diffs, "; "), strings.Join(names, ", "))
			}
		}
	}
}

// periods name the targets as TOML keys: tw1..tw4, tahunan.
var periods = []string{"tw1", "tw2", "tw3", "tw4", "tahunan"}

func targetAt(t model.Target, p int) model.Nilai {
	if p < 4 {
		return t.TW[p]
	}
	return t.Tahunan
}

func numeric(v model.Nilai) bool { return v.Jenis == model.Angka || v.Jenis == model.Persen }

func sameSatuan(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
