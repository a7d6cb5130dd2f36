package model

import (
	"fmt"
	"math/big"
	"strings"
)

// Sebab says whether a capaian was computed and, if not, why.
type Sebab uint8

const (
	Terhitung         Sebab = iota // computed
	TargetNA                       // the target is N/A: nothing is measured
	TanpaTarget                    // no target at all
	BelumAdaRealisasi              // the realisasi has not been reported
	RealisasiNA                    // the realisasi is N/A
	DiLuarSkala                    // a category is not in the indicator's scale, or no scale fits
	TidakSebanding                 // realisasi and target are of different kinds
	TargetBelumAda                 // the target is written "–": not yet given
)

func (s Sebab) String() string {
	switch s {
	case Terhitung:
		return "terhitung"
	case TargetNA:
		return "target N/A"
	case TanpaTarget:
		return "tanpa target"
	case BelumAdaRealisasi:
		return "realisasi belum ada"
	case RealisasiNA:
		return "realisasi N/A"
	case DiLuarSkala:
		return "kategori di luar skala"
	case TidakSebanding:
		return "jenis tidak sebanding"
	case TargetBelumAda:
		return "target belum ada"
	}
	return fmt.Sprintf("Sebab(%d)", uint8(s))
}

// Capaian is one achievement figure: an exact percentage with its
// category and the formula that produced it, or the reason there is none.
type Capaian struct {
	Sebab    Sebab
	Nilai    *big.Rat // percent after the cap; nil unless Sebab is Terhitung
	Mentah   *big.Rat // percent before the cap
	Dibatasi bool     // the document's cap decided the value
	Rumus    string   // the formula or rule applied, e.g. "(2×T − R) / T × 100"
	Catatan  string   // the special rule applied (zero, range, cap) or why there is no capaian
	Kategori string   // from the band table; "" when there is no capaian
}

// Ada reports whether there is a capaian.
func (c Capaian) Ada() bool { return c.Sebab == Terhitung && c.Nilai != nil }

// Compare computes the capaian of realisasi r against target t for an
// indicator (its polarity and scale), then applies the document's cap and
// category bands; the indicator's own rumus_turun and batas replace the
// document's. See ComputeCapaian for the rules.
func (a *AturanCapaian) Compare(ind *Indikator, t, r Besaran) Capaian {
	a = a.For(ind)
	h := a.compare(ind, t, r)
	if h.reason != Terhitung {
		return Capaian{Sebab: h.reason, Catatan: h.note, Rumus: h.formula}
	}
	c := Capaian{Rumus: h.formula, Catatan: h.note}
	if h.unbounded {
		c.Nilai = new(big.Rat).Set(hundred)
		note := "tidak ada rasio terhingga (pembagi nol) dan realisasi lebih baik dari target: capaian dianggap 100%"
		if a.Batas != nil {
			c.Nilai = a.Batas.Rat()
			c.Dibatasi = true
			note = fmt.Sprintf("tidak ada rasio terhingga (pembagi nol) dan realisasi lebih baik dari target: capaian = batas %s%%", FormatRatPendek(c.Nilai, "id"))
		}
		c.Mentah = new(big.Rat).Set(c.Nilai)
		c.Catatan = joinNotes(c.Catatan, note)
	} else {
		c.Mentah = h.v
		c.Nilai = new(big.Rat).Set(h.v)
		if a.Batas != nil && h.v.Cmp(a.Batas.Rat()) > 0 {
			c.Nilai = a.Batas.Rat()
			c.Dibatasi = true
			c.Catatan = joinNotes(c.Catatan, fmt.Sprintf("dibatasi %s%% (hasil hitung %s%%)", FormatRatPendek(c.Nilai, "id"), FormatRat(h.v, 2, "id")))
		}
	}
	c.Kategori = a.KategoriUntuk(c.Nilai)
	return c
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func (a *AturanCapaian) compare(ind *Indikator, t, r Besaran) result {
	switch t.Jenis {
	case Kosong:
		if t.Teks != "" {
			return result{reason: TargetBelumAda, note: "target belum ditetapkan (\"–\")"}
		}
		return result{reason: TanpaTarget, note: "tidak ada target"}
	case NA:
		return result{reason: TargetNA, note: "target N/A: tidak diukur pada periode ini"}
	}
	switch r.Jenis {
	case Kosong:
		return result{reason: BelumAdaRealisasi, note: "realisasi belum dilaporkan"}
	case NA:
		return result{reason: RealisasiNA, note: "realisasi N/A"}
	}
	want := t.Jenis
	if t.Jenis == Rentang {
		want = Angka
		if t.RentangPersen {
			want = Persen
		}
	}
	if r.Jenis != want || r.Angka == nil && want != Kategori || t.Angka == nil && t.Jenis != Kategori || t.Jenis == Rentang && t.Atas == nil {
		return result{reason: TidakSebanding, note: fmt.Sprintf("realisasi berjenis %s tidak sebanding dengan target berjenis %s", r.Jenis, t.Jenis)}
	}
	switch t.Jenis {
	case Kategori:
		return a.compareCategory(ind, t, r)
	case Rentang:
		return a.compareRange(t, r)
	}
	return ratio(ind.Polaritas, a.lowerFormula(), t.Angka, r.Angka)
}

// rentang treats a range target as a band: inside it the target is met
// (100); below it R is measured against the lower bound as higher-is-better,
// above it against the upper bound as lower-is-better (with the document's
// rumus_turun). The indicator's polarity does not apply.
func (a *AturanCapaian) compareRange(t, r Besaran) result {
	switch {
	case r.Angka.Cmp(t.Angka) < 0:
		h := ratio(Naik, a.lowerFormula(), t.Angka, r.Angka)
		h.formula = strings.ReplaceAll(h.formula, "T", "Tbawah")
		h.note = "realisasi di bawah rentang target: dibandingkan dengan batas bawah"
		return h
	case r.Angka.Cmp(t.Atas) > 0:
		h := ratio(Turun, a.lowerFormula(), t.Atas, r.Angka)
		h.formula = strings.ReplaceAll(h.formula, "T", "Tatas")
		h.note = "realisasi di atas rentang target: dibandingkan dengan batas atas"
		return h
	}
	return result{v: new(big.Rat).Set(hundred), formula: formulaInRange, note: "realisasi di dalam rentang target"}
}

// kategori compares categories through the indicator's scale.
func (a *AturanCapaian) compareCategory(ind *Indikator, t, r Besaran) result {
	sk, err := a.scaleFor(ind.Skala, []string{t.Label})
	if err != nil {
		return result{reason: DiLuarSkala, note: err.Error()}
	}
	tt, ok := sk.Find(t.Label)
	if !ok {
		return result{reason: DiLuarSkala, note: fmt.Sprintf("kategori target %q tidak ada di skala %s (%s)", t.Label, sk.Nama, strings.Join(sk.Labels(), ", "))}
	}
	rt, ok := sk.Find(r.Label)
	if !ok {
		return result{reason: DiLuarSkala, note: fmt.Sprintf("kategori realisasi %q tidak ada di skala %s (%s)", r.Label, sk.Nama, strings.Join(sk.Labels(), ", "))}
	}
	if sk.Angka == AngkaNilai && t.Angka != nil && r.Angka != nil {
		h := ratio(ind.Polaritas, a.lowerFormula(), t.Angka, r.Angka)
		h.note = fmt.Sprintf("nilai dalam kurung dibandingkan (skala %s)", sk.Nama)
		return h
	}
	h := ratio(Naik, "", tt.Persen.Rat(), rt.Persen.Rat())
	if h.formula == formulaHigher {
		h.formula = "P(R) / P(T) × 100"
	} else {
		h.formula = strings.NewReplacer("T", "P(T)", "R", "P(R)").Replace(h.formula)
	}
	h.note = fmt.Sprintf("P = persen tingkat pada skala %s: %s = %s%%, %s = %s%%",
		sk.Nama, rt.Label, FormatRatPendek(rt.Persen.Rat(), "id"), tt.Label, FormatRatPendek(tt.Persen.Rat(), "id"))
	return h
}

// KategoriUntuk names the band of a capaian in percent: the band with the
// highest Min not above v; below every Min, the floor band (the one without
// Min) or else the lowest band.
func (a *AturanCapaian) KategoriUntuk(v *big.Rat) string {
	if v == nil {
		return ""
	}
	bands := a.Kategori
	if len(bands) == 0 {
		bands = KategoriBawaan()
	}
	floor, lowest := "", ""
	var best, lowMin *big.Rat
	nama := ""
	for _, b := range bands {
		if b.Min == nil {
			floor = b.Nama
			continue
		}
		m := b.Min.Rat()
		if m.Cmp(v) <= 0 && (best == nil || m.Cmp(best) > 0) {
			best, nama = m, b.Nama
		}
		if lowMin == nil || m.Cmp(lowMin) < 0 {
			lowMin, lowest = m, b.Nama
		}
	}
	switch {
	case best != nil:
		return nama
	case floor != "":
		return floor
	}
	return lowest
}
