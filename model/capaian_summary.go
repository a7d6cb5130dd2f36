package model

import "math/big"

// CapaianSummary is one line of the summary of a capaian report: the
// indicators of one group (or of the whole report) counted by category of
// their year-to-date capaian, and their mean capaian.
type CapaianSummary struct {
	// Kelompok is the group's name; "" for indicators without a group, and
	// on the line of the whole report (Total).
	Kelompok string
	Total    bool

	Count      int // indicators counted
	Measured   int // of them, with a year-to-date capaian
	Unmeasured int // without one (no target, no realisasi yet, N/A …)
	// ByKategori counts the indicators with a year-to-date capaian per
	// category band name.
	ByKategori map[string]int

	// MeanTW and MeanSD are the exact means of the quarter's and of the
	// year-to-date capaian over the indicators that have one; nil when none
	// has.
	MeanTW, MeanSD *big.Rat
}

// SummarizeCapaian sums up capaian rows (as ComputeCapaian gives them, in document
// order): one line per group, a group being a run of rows with the same
// Kelompok (rows without a group form one too), then the line of all rows.
// A document without groups gets its one group line and the total.
func SummarizeCapaian(rows []BarisCapaian) []CapaianSummary {
	var out []CapaianSummary
	var sums []capaianSums
	total := capaianSums{line: newCapaianSummary("", true)}
	for i := range rows {
		r := &rows[i]
		if i == 0 || r.Kelompok != rows[i-1].Kelompok {
			sums = append(sums, capaianSums{line: newCapaianSummary(r.Kelompok, false)})
		}
		sums[len(sums)-1].add(r)
		total.add(r)
	}
	for _, s := range append(sums, total) {
		out = append(out, s.finish())
	}
	return out
}

func newCapaianSummary(kelompok string, total bool) CapaianSummary {
	return CapaianSummary{Kelompok: kelompok, Total: total, ByKategori: map[string]int{}}
}

// capaianSums accumulates one summary line: exact sums, then means.
type capaianSums struct {
	line         CapaianSummary
	sumTW, sumSD big.Rat
	nTW, nSD     int64
}

func (s *capaianSums) add(r *BarisCapaian) {
	s.line.Count++
	if c := r.CapaianSD; c.Ada() {
		s.line.Measured++
		s.line.ByKategori[c.Kategori]++
		s.sumSD.Add(&s.sumSD, c.Nilai)
		s.nSD++
	} else {
		s.line.Unmeasured++
	}
	if c := r.Capaian; c.Ada() {
		s.sumTW.Add(&s.sumTW, c.Nilai)
		s.nTW++
	}
}

func (s *capaianSums) finish() CapaianSummary {
	if s.nSD > 0 {
		s.line.MeanSD = new(big.Rat).Quo(&s.sumSD, big.NewRat(s.nSD, 1))
	}
	if s.nTW > 0 {
		s.line.MeanTW = new(big.Rat).Quo(&s.sumTW, big.NewRat(s.nTW, 1))
	}
	return s.line
}
