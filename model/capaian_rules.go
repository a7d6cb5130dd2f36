package model

import (
	"slices"
	"sort"
	"strings"

	"pkgen/pesan"
)

// RumusTurun selects the formula for lower-is-better indicators.
type RumusTurun string

const (
	RumusDuaTKurangR RumusTurun = "2T-R" // (2×T − R) / T × 100, the default
	RumusTBagiR      RumusTurun = "T/R"  // T / R × 100
)

// AturanCapaian holds a document's capaian settings, the optional
// [capaian] table of the PK. The zero value is the default: (2T−R)/T for
// lower-is-better, no cap, the default category bands and the built-in
// scales only.
//
// In the PK every key is optional:
//
//	[capaian]
//	rumus_turun = "2T-R"      # or "T/R": the lower-is-better formula
//	batas = 120               # cap in percent (at least 100); absent: no cap
//	kolom = ["tahunan"]       # optional annex columns, see KolomCapaian
//
//	[[capaian.kategori]]      # band table; absent: ≥100 Tercapai,
//	min = 100                 # 90–<100 Hampir tercapai, <90 Tidak tercapai
//	nama = "Tercapai"
//	[[capaian.kategori]]
//	nama = "Tidak tercapai"   # no min: the floor
//
//	[capaian.skala.akreditasi]   # a scale; "opini" and "predikat" are built in
//	angka = "skor"               # or "nilai": what "(3) X" / "X (82)" numbers mean
//	tingkat = [
//	  { label = "Unggul", skor = 3, persen = 100 },
//	  { label = "Baik Sekali", skor = 2, persen = 80 },
//	]
//
// and per indicator skala = "akreditasi"; without it the scale is the only
// one holding all the indicator's target labels. Range targets are written
// "80-90", "80–90%", "80 s.d. 90" (lower bound first).
type AturanCapaian struct {
	RumusTurun RumusTurun       // "" means RumusDuaTKurangR
	Batas      *Desimal         // cap in percent (100, 120); nil: no cap
	Kategori   []PitaKategori   // category bands, highest Min first; nil: KategoriBawaan()
	Skala      map[string]Skala // scales the document declares; a built-in scale of the same name is replaced
	// Kolom names the optional columns of the capaian annex (KolomCapaian),
	// as written; nil: none.
	Kolom []string
}

// Has reports whether the annex is to print an optional column.
func (a *AturanCapaian) Has(kolom string) bool { return slices.Contains(a.Kolom, kolom) }

// For returns the rules for one indicator: its own rumus_turun and batas
// replace the document's.
func (a *AturanCapaian) For(ind *Indikator) *AturanCapaian {
	if ind == nil || ind.RumusTurun == "" && ind.Batas == nil {
		return a
	}
	b := *a
	if ind.RumusTurun != "" {
		b.RumusTurun = ind.RumusTurun
	}
	if ind.Batas != nil {
		b.Batas = ind.Batas
	}
	return &b
}

// PitaKategori is one band of the category table: a capaian of at least
// Min percent (exact comparison) gets Nama.
type PitaKategori struct {
	Min  *Desimal // nil: the floor, for everything below the other bands
	Nama string
}

// KategoriBawaan is the default band table: ≥ 100 Tercapai, 90 to < 100
// Hampir tercapai, below 90 Tidak tercapai.
func KategoriBawaan() []PitaKategori {
	return []PitaKategori{
		{Min: &Desimal{Unscaled: 100}, Nama: "Tercapai"},
		{Min: &Desimal{Unscaled: 90}, Nama: "Hampir tercapai"},
		{Nama: "Tidak tercapai"},
	}
}

// AngkaSkala says what the number written with a category means.
type AngkaSkala string

const (
	// AngkaSkor: the number is the level's score, "(3) WTP"; it must match
	// the scale and the label alone decides the capaian.
	AngkaSkor AngkaSkala = "skor"
	// AngkaNilai: the number is a measured value, "A (82)"; when target and
	// realisasi both carry one, capaian compares the numbers.
	AngkaNilai AngkaSkala = "nilai"
)

// Skala is a categorical scale: each level has a percent (its worth
// against the best level) and optionally a score.
type Skala struct {
	Nama    string
	Angka   AngkaSkala
	Tingkat []TingkatSkala // as declared, best first
}

// TingkatSkala is one level of a scale.
type TingkatSkala struct {
	Label  string
	Skor   *Desimal // for AngkaSkor scales; nil when the level has none
	Persen Desimal
}

// Cari finds a level by its label, ignoring case and surrounding space.
func (s Skala) Find(label string) (TingkatSkala, bool) {
	label = strings.TrimSpace(label)
	for _, t := range s.Tingkat {
		if strings.EqualFold(t.Label, label) {
			return t, true
		}
	}
	return TingkatSkala{}, false
}

// Labels lists the levels' labels, best first.
func (s Skala) Labels() []string {
	out := make([]string, len(s.Tingkat))
	for i, t := range s.Tingkat {
		out[i] = t.Label
	}
	return out
}

func level(label string, skor int64, persen int64) TingkatSkala {
	return TingkatSkala{Label: label, Skor: &Desimal{Unscaled: skor}, Persen: Desimal{Unscaled: persen}}
}

// SkalaBawaan returns the built-in scales:
//
//   - "opini", the audit opinion as DKI PKs write it ("(3) WTP"): WTP = 3
//     (100%), WDP = 2 (75%), TW = 1 (50%), TMP = 0 (25%);
//   - "predikat", the SAKIP predicate ("A (82)"): AA 100%, A 90%, BB 80%,
//     B 70%, CC 60%, C 50%, D 30% — each level's percent is the top of its
//     value band (AA > 90–100, A > 80–90, …, D 0–30), and the number in
//     parentheses is the evaluation value.
func SkalaBawaan() map[string]Skala {
	pred := func(label string, persen int64) TingkatSkala {
		return TingkatSkala{Label: label, Persen: Desimal{Unscaled: persen}}
	}
	return map[string]Skala{
		"opini": {Nama: "opini", Angka: AngkaSkor, Tingkat: []TingkatSkala{
			level("WTP", 3, 100), level("WDP", 2, 75), level("TW", 1, 50), level("TMP", 0, 25),
		}},
		"predikat": {Nama: "predikat", Angka: AngkaNilai, Tingkat: []TingkatSkala{
			pred("AA", 100), pred("A", 90), pred("BB", 80), pred("B", 70), pred("CC", 60), pred("C", 50), pred("D", 30),
		}},
	}
}

// FindSkala returns the scale of that name: declared by the document, else
// built in.
func (a *AturanCapaian) FindSkala(nama string) (Skala, bool) {
	if s, ok := a.Skala[nama]; ok {
		return s, true
	}
	s, ok := SkalaBawaan()[nama]
	return s, ok
}

// namaSkala lists every scale name, declared and built in, sorted.
func (a *AturanCapaian) scaleNames() []string {
	seen := map[string]bool{}
	var out []string
	for n := range a.Skala {
		seen[n] = true
		out = append(out, n)
	}
	for n := range SkalaBawaan() {
		if !seen[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// SkalaIndikator finds the scale of a categorical indicator: the one it
// names with skala = "…", otherwise the only scale holding every category
// label of its targets.
func (a *AturanCapaian) SkalaIndikator(ind *Indikator) (Skala, error) {
	var labels []string
	for _, n := range append(ind.Target.TW[:], ind.Target.Tahunan) {
		if n.Jenis == Kategori {
			labels = append(labels, n.Label)
		}
	}
	return a.scaleFor(ind.Skala, labels)
}

func (a *AturanCapaian) scaleFor(nama string, labels []string) (Skala, error) {
	if nama != "" {
		s, ok := a.FindSkala(nama)
		if !ok {
			return Skala{}, pesan.Errorf("skala %q tidak dikenal; skala yang ada: %s", nama, quoteAll(a.scaleNames()))
		}
		return s, nil
	}
	var found []string
	for _, n := range a.scaleNames() {
		s, _ := a.FindSkala(n)
		all := len(labels) > 0
		for _, l := range labels {
			if _, ok := s.Find(l); !ok {
				all = false
				break
			}
		}
		if all {
			found = append(found, n)
		}
	}
	switch len(found) {
	case 1:
		s, _ := a.FindSkala(found[0])
		return s, nil
	case 0:
		return Skala{}, pesan.Errorf("tidak ada skala yang memuat kategori %s; nyatakan skalanya di [capaian.skala.NAMA] dan pilih dengan skala = \"NAMA\"", quoteAll(unique(labels)))
	}
	return Skala{}, ambiguousScale{pesan.M("kategori %s ada di beberapa skala (%s); pilih dengan skala = \"NAMA\"", quoteAll(unique(labels)), strings.Join(found, ", "))}
}

// skalaGanda is the error of labels found in several scales.
type ambiguousScale struct{ pesan.Pesan }

func (e ambiguousScale) Unwrap() error { return &e.Pesan }

func unique(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
