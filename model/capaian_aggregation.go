package model

import "math/big"

// Besaran is a value capaian is computed from: one value as written, or a
// sum or average over quarters. Numbers are exact.
type Besaran struct {
	Jenis         JenisNilai // Kosong: not reported; NA; Angka, Persen, Kategori or Rentang
	Angka         *big.Rat   // Angka, Persen: the value; Rentang: the lower bound; Kategori: its number, nil if none
	Atas          *big.Rat   // Rentang: the upper bound
	RentangPersen bool       // Rentang: the bounds are percentages
	Label         string     // Kategori: the label
	Teks          string     // Kategori, Rentang: the text as written, "" when computed
	Triwulan      []int      // the quarters (1..4) it comes from; nil for the annual target
	// Digits is, for an average without a finite decimal (257/3), how
	// many decimals it prints with: the most of the values averaged, at
	// least two. Every other number prints exactly.
	Digits int
}

// BesaranNilai is the Besaran of one written value.
func BesaranNilai(n Nilai) Besaran {
	b := Besaran{Jenis: n.Jenis, Label: n.Label, Teks: n.Teks, RentangPersen: n.RentangPersen}
	switch n.Jenis {
	case Angka, Persen:
		b.Angka = n.Angka.Rat()
	case Rentang:
		b.Angka, b.Atas = n.Angka.Rat(), n.Atas.Rat()
	case Kategori:
		if n.AdaSkor {
			b.Angka = n.Angka.Rat()
		}
	}
	return b
}

// SampaiDengan gives the year-to-date target and realisasi at quarter q
// (1..4) by the indicator's aggregation, over the quarters up to q whose
// target is measured (not N/A):
//
//   - akhir (cumulative, the last value is the year's): the last such
//     quarter's target and that same quarter's realisasi;
//   - jumlah: the sums over those quarters;
//   - rata-rata: the averages over those quarters (exact, 1/3 stays 1/3).
//
// Categories always take the last value. The realisasi is Kosong or N/A
// when a quarter it needs is not reported or N/A: a year-to-date figure
// never skips a quarter. The target is N/A when no quarter up to q is
// measured.
func SampaiDengan(agr Agregasi, target, realisasi [4]Nilai, q int) (t, r Besaran) {
	var qs []int
	for i := 0; i < q && i < 4; i++ {
		if j := target[i].Jenis; j != NA && j != Kosong {
			qs = append(qs, i)
		}
	}
	if len(qs) == 0 {
		return Besaran{Jenis: NA}, Besaran{Jenis: NA}
	}
	if agr == Akhir || target[qs[0]].Jenis == Kategori || len(qs) == 1 {
		p := qs[len(qs)-1]
		t, r = BesaranNilai(target[p]), BesaranNilai(realisasi[p])
		t.Triwulan, r.Triwulan = []int{p + 1}, []int{p + 1}
		return t, r
	}
	return aggregate(agr, target, qs), aggregate(agr, realisasi, qs)
}

// aggregate sums or averages the values of quarters qs (0-based).
func aggregate(agr Agregasi, vals [4]Nilai, qs []int) Besaran {
	tw := make([]int, len(qs))
	for i, q := range qs {
		tw[i] = q + 1
	}
	first := vals[qs[0]]
	for _, q := range qs {
		n := vals[q]
		switch {
		case n.Jenis == Kosong || n.Jenis == NA:
			return Besaran{Jenis: n.Jenis, Triwulan: tw}
		case n.Jenis != first.Jenis || n.RentangPersen != first.RentangPersen || n.Jenis == Kategori:
			// Mixed kinds cannot be added up; the odd value shows the
			// mismatch to the comparison.
			b := BesaranNilai(n)
			b.Triwulan = tw
			return b
		}
	}
	lo, hi := new(big.Rat), new(big.Rat)
	for _, q := range qs {
		lo.Add(lo, vals[q].Angka.Rat())
		hi.Add(hi, vals[q].Atas.Rat())
	}
	digits := 2
	if agr == RataRata {
		n := big.NewRat(int64(len(qs)), 1)
		lo.Quo(lo, n)
		hi.Quo(hi, n)
		for _, q := range qs {
			digits = max(digits, int(vals[q].Angka.Scale), int(vals[q].Atas.Scale))
		}
	}
	b := Besaran{Jenis: first.Jenis, Angka: lo, RentangPersen: first.RentangPersen, Triwulan: tw, Digits: digits}
	if first.Jenis == Rentang {
		b.Atas = hi
	}
	return b
}
