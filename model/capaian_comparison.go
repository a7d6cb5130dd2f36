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

// Bandingkan computes the capaian of realisasi r against target t for an
// indicator (its polarity and scale), then applies the document's cap and
// category bands. See Hitung for the rules.
func (a *AturanCapaian) Bandingkan(ind *Indikator, t, r Besaran) Capaian {
	h := a.bandingkan(ind, t, r)
	if h.sebab != Terhitung {
		return Capaian{Sebab: h.sebab, Catatan: h.alasan, Rumus: h.rumus}
	}
	c := Capaian{Rumus: h.rumus, Catatan: h.alasan}
	if h.tak {
		c.Nilai = new(big.Rat).Set(seratus)
		note := "tidak ada rasio terhingga (pembagi nol) dan realisasi lebih baik dari target: capaian dianggap 100%"
		if a.Batas != nil {
			c.Nilai = a.Batas.Rat()
			c.Dibatasi = true
			note = fmt.Sprintf("tidak ada rasio terhingga (pembagi nol) dan realisasi lebih baik dari target: capaian = batas %s%%", FormatRatPendek(c.Nilai, "id"))
		}
		c.Mentah = new(big.Rat).Set(c.Nilai)
		c.Catatan = joinCatatan(c.Catatan, note)
	} else {
		c.Mentah = h.v
		c.Nilai = new(big.Rat).Set(h.v)
		if a.Batas != nil && h.v.Cmp(a.Batas.Rat()) > 0 {
			c.Nilai = a.Batas.Rat()
			c.Dibatasi = true
			c.Catatan = joinCatatan(c.Catatan, fmt.Sprintf("dibatasi %s%% (hasil hitung %s%%)", FormatRatPendek(c.Nilai, "id"), FormatRat(h.v, 2, "id")))
		}
	}
	c.Kategori = a.KategoriUntuk(c.Nilai)
	return c
}

func joinCatatan(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func (a *AturanCapaian) bandingkan(ind *Indikator, t, r Besaran) hasil {
	switch t.Jenis {
	case Kosong:
		return hasil{sebab: TanpaTarget, alasan: "tidak ada target"}
	case NA:
		return hasil{sebab: TargetNA, alasan: "target N/A: tidak diukur pada periode ini"}
	}
	switch r.Jenis {
	case Kosong:
		return hasil{sebab: BelumAdaRealisasi, alasan: "realisasi belum dilaporkan"}
	case NA:
		return hasil{sebab: RealisasiNA, alasan: "realisasi N/A"}
	}
	want := t.Jenis
	if t.Jenis == Rentang {
		want = Angka
		if t.RentangPersen {
			want = Persen
		}
	}
	if r.Jenis != want || r.Angka == nil && want != Kategori || t.Angka == nil && t.Jenis != Kategori || t.Jenis == Rentang && t.Atas == nil {
		return hasil{sebab: TidakSebanding, alasan: fmt.Sprintf("realisasi berjenis %s tidak sebanding dengan target berjenis %s", r.Jenis, t.Jenis)}
	}
	switch t.Jenis {
	case Kategori:
		return a.kategori(ind, t, r)
	case Rentang:
		return a.rentang(t, r)
	}
	return rasio(ind.Polaritas, a.rumusTurun(), t.Angka, r.Angka)
}

// rentang treats a range target as a band: inside it the target is met
// (100); below it R is measured against the lower bound as higher-is-better,
// above it against the upper bound as lower-is-better (with the document's
// rumus_turun). The indicator's polarity does not apply.
func (a *AturanCapaian) rentang(t, r Besaran) hasil {
	switch {
	case r.Angka.Cmp(t.Angka) < 0:
		h := rasio(Naik, a.rumusTurun(), t.Angka, r.Angka)
		h.rumus = strings.ReplaceAll(h.rumus, "T", "Tbawah")
		h.alasan = "realisasi di bawah rentang target: dibandingkan dengan batas bawah"
		return h
	case r.Angka.Cmp(t.Atas) > 0:
		h := rasio(Turun, a.rumusTurun(), t.Atas, r.Angka)
		h.rumus = strings.ReplaceAll(h.rumus, "T", "Tatas")
		h.alasan = "realisasi di atas rentang target: dibandingkan dengan batas atas"
		return h
	}
	return hasil{v: new(big.Rat).Set(seratus), rumus: rumusDalamRentang, alasan: "realisasi di dalam rentang target"}
}

// kategori compares categories through the indicator's scale.
func (a *AturanCapaian) kategori(ind *Indikator, t, r Besaran) hasil {
	sk, err := a.skalaUntuk(ind.Skala, []string{t.Label})
	if err != nil {
		return hasil{sebab: DiLuarSkala, alasan: err.Error()}
	}
	tt, ok := sk.Cari(t.Label)
	if !ok {
		return hasil{sebab: DiLuarSkala, alasan: fmt.Sprintf("kategori target %q tidak ada di skala %s (%s)", t.Label, sk.Nama, strings.Join(sk.Labels(), ", "))}
	}
	rt, ok := sk.Cari(r.Label)
	if !ok {
		return hasil{sebab: DiLuarSkala, alasan: fmt.Sprintf("kategori realisasi %q tidak ada di skala %s (%s)", r.Label, sk.Nama, strings.Join(sk.Labels(), ", "))}
	}
	if sk.Angka == AngkaNilai && t.Angka != nil && r.Angka != nil {
		h := rasio(ind.Polaritas, a.rumusTurun(), t.Angka, r.Angka)
		h.alasan = fmt.Sprintf("nilai dalam kurung dibandingkan (skala %s)", sk.Nama)
		return h
	}
	h := rasio(Naik, "", tt.Persen.Rat(), rt.Persen.Rat())
	if h.rumus == rumusNaik {
		h.rumus = "P(R) / P(T) × 100"
	} else {
		h.rumus = strings.NewReplacer("T", "P(T)", "R", "P(R)").Replace(h.rumus)
	}
	h.alasan = fmt.Sprintf("P = persen tingkat pada skala %s: %s = %s%%, %s = %s%%",
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
