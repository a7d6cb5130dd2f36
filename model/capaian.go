package model

import (
	"fmt"
	"math/big"
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
func (s Skala) Cari(label string) (TingkatSkala, bool) {
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

func tingkat(label string, skor int64, persen int64) TingkatSkala {
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
			tingkat("WTP", 3, 100), tingkat("WDP", 2, 75), tingkat("TW", 1, 50), tingkat("TMP", 0, 25),
		}},
		"predikat": {Nama: "predikat", Angka: AngkaNilai, Tingkat: []TingkatSkala{
			pred("AA", 100), pred("A", 90), pred("BB", 80), pred("B", 70), pred("CC", 60), pred("C", 50), pred("D", 30),
		}},
	}
}

// CariSkala returns the scale of that name: declared by the document, else
// built in.
func (a *AturanCapaian) CariSkala(nama string) (Skala, bool) {
	if s, ok := a.Skala[nama]; ok {
		return s, true
	}
	s, ok := SkalaBawaan()[nama]
	return s, ok
}

// namaSkala lists every scale name, declared and built in, sorted.
func (a *AturanCapaian) namaSkala() []string {
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
	return a.skalaUntuk(ind.Skala, labels)
}

func (a *AturanCapaian) skalaUntuk(nama string, labels []string) (Skala, error) {
	if nama != "" {
		s, ok := a.CariSkala(nama)
		if !ok {
			return Skala{}, pesan.Errorf("skala %q tidak dikenal; skala yang ada: %s", nama, quoteAll(a.namaSkala()))
		}
		return s, nil
	}
	var found []string
	for _, n := range a.namaSkala() {
		s, _ := a.CariSkala(n)
		all := len(labels) > 0
		for _, l := range labels {
			if _, ok := s.Cari(l); !ok {
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
		s, _ := a.CariSkala(found[0])
		return s, nil
	case 0:
		return Skala{}, pesan.Errorf("tidak ada skala yang memuat kategori %s; nyatakan skalanya di [capaian.skala.NAMA] dan pilih dengan skala = \"NAMA\"", quoteAll(unik(labels)))
	}
	return Skala{}, skalaGanda{pesan.M("kategori %s ada di beberapa skala (%s); pilih dengan skala = \"NAMA\"", quoteAll(unik(labels)), strings.Join(found, ", "))}
}

// skalaGanda is the error of labels found in several scales.
type skalaGanda struct{ pesan.Pesan }

func (e skalaGanda) Unwrap() error { return &e.Pesan }

func unik(ss []string) []string {
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

// Persen prints the capaian as Indonesian readers expect, rounded half
// away from zero: Persen(2) = "101,67%". It is "" when there is no capaian.
func (c Capaian) Persen(digits int) string { return c.Format(digits, "id") }

// Format prints the capaian with the document's number format ("id":
// "1.234,57%", "en": "1,234.57%"); "" when there is no capaian.
func (c Capaian) Format(digits int, format string) string {
	if !c.Ada() {
		return ""
	}
	return FormatRat(c.Nilai, digits, format) + "%"
}

// Formula texts, as Capaian.Rumus shows them.
const (
	rumusNaik           = "R / T × 100"
	rumusTurun2TR       = "(2×T − R) / T × 100"
	rumusTurunTR        = "T / R × 100"
	rumusNaikNegatif    = "(2×T − R) / T × 100 (T < 0)"
	rumusTurunNegatif   = "R / T × 100 (T < 0)"
	rumusNolNol         = "T = 0 dan R = 0 → 100"
	rumusNolLebih       = "T = 0 dan R > 0 → melampaui target"
	rumusNolKurang      = "T = 0 dan R < 0 → 0"
	rumusNolLebihTurun  = "T = 0 dan R > 0 → 0"
	rumusNolKurangTurun = "T = 0 dan R < 0 → melampaui target"
	rumusTRNonPositif   = "T > 0 dan R ≤ 0 → melampaui target"
	rumusDalamRentang   = "Tbawah ≤ R ≤ Tatas → 100"
)

// hasil is a raw comparison before the cap.
type hasil struct {
	v      *big.Rat // nil when tak
	rumus  string
	tak    bool // better than target with no finite ratio (a zero divisor)
	sebab  Sebab
	alasan string
}

var (
	seratus = big.NewRat(100, 1)
	dua     = big.NewRat(2, 1)
)

func persenDari(x *big.Rat) *big.Rat { return new(big.Rat).Mul(x, seratus) }

// rasio compares R with T by polarity. T > 0 gives the textbook formulas;
// T = 0 and the T/R form with R ≤ 0 follow fixed rules; T < 0 uses the
// formula that keeps "better than target" above 100 (the relative
// deviation 100 ± (R − T)/|T| × 100, which equals the textbook formula
// for T > 0).
func rasio(pol Polaritas, rt RumusTurun, T, R *big.Rat) hasil {
	quo := func(a, b *big.Rat) *big.Rat { return persenDari(new(big.Rat).Quo(a, b)) }
	duaTKurangR := func() *big.Rat { return new(big.Rat).Sub(new(big.Rat).Mul(dua, T), R) }
	if T.Sign() == 0 {
		better, worse := R.Sign() > 0, R.Sign() < 0
		if pol == Turun {
			better, worse = worse, better
		}
		switch {
		case better:
			if pol == Turun {
				return hasil{tak: true, rumus: rumusNolKurangTurun}
			}
			return hasil{tak: true, rumus: rumusNolLebih}
		case worse:
			if pol == Turun {
				return hasil{v: new(big.Rat), rumus: rumusNolLebihTurun}
			}
			return hasil{v: new(big.Rat), rumus: rumusNolKurang}
		}
		return hasil{v: new(big.Rat).Set(seratus), rumus: rumusNolNol}
	}
	if pol != Turun {
		if T.Sign() < 0 {
			return hasil{v: quo(duaTKurangR(), T), rumus: rumusNaikNegatif}
		}
		return hasil{v: quo(R, T), rumus: rumusNaik}
	}
	if T.Sign() < 0 {
		return hasil{v: quo(R, T), rumus: rumusTurunNegatif}
	}
	if rt == RumusTBagiR {
		if R.Sign() <= 0 {
			return hasil{tak: true, rumus: rumusTRNonPositif}
		}
		return hasil{v: quo(T, R), rumus: rumusTurunTR}
	}
	return hasil{v: quo(duaTKurangR(), T), rumus: rumusTurun2TR}
}

func (a *AturanCapaian) rumusTurun() RumusTurun {
	if a.RumusTurun == "" {
		return RumusDuaTKurangR
	}
	return a.RumusTurun
}

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

// Format prints the value: numbers exactly when they have at most four
// decimals, otherwise rounded half away from zero to two ("85,67"); "%"
// for percentages; categories and written ranges as written; "N/A"; "" when
// not reported. format is "id" (default) or "en".
func (b Besaran) Format(format string) string {
	switch b.Jenis {
	case NA:
		return "N/A"
	case Angka:
		return FormatRatPendek(b.Angka, format)
	case Persen:
		return FormatRatPendek(b.Angka, format) + "%"
	case Kategori:
		if b.Teks != "" {
			return b.Teks
		}
		return b.Label
	case Rentang:
		if b.Teks != "" {
			return b.Teks
		}
		s := FormatRatPendek(b.Angka, format) + "–" + FormatRatPendek(b.Atas, format)
		if b.RentangPersen {
			s += "%"
		}
		return s
	}
	return ""
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
	return agregat(agr, target, qs), agregat(agr, realisasi, qs)
}

// agregat sums or averages the values of quarters qs (0-based).
func agregat(agr Agregasi, vals [4]Nilai, qs []int) Besaran {
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
	if agr == RataRata {
		n := big.NewRat(int64(len(qs)), 1)
		lo.Quo(lo, n)
		hi.Quo(hi, n)
	}
	b := Besaran{Jenis: first.Jenis, Angka: lo, RentangPersen: first.RentangPersen, Triwulan: tw}
	if first.Jenis == Rentang {
		b.Atas = hi
	}
	return b
}

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

// BarisCapaian is one indicator's line in a capaian report.
type BarisCapaian struct {
	Kelompok  string     // the sasaran's group
	Sasaran   *Sasaran   // in the document
	Indikator *Indikator // in the document
	Triwulan  int        // the report's as-of quarter

	Target        Nilai   // the as-of quarter's target as written
	Realisasi     Nilai   // the as-of quarter's realisasi as written; Kosong when not reported
	TargetSD      Besaran // year to date (s.d. triwulan), by the indicator's agregasi
	RealisasiSD   Besaran
	TargetTahunan Nilai

	Capaian        Capaian // the quarter: Target against Realisasi
	CapaianSD      Capaian // year to date: TargetSD against RealisasiSD
	CapaianTahunan Capaian // RealisasiSD against TargetTahunan; a category only in TW IV

	// VersiTarget names, per quarter, the version whose target is used
	// ("PK", "Perubahan ke-1"): a PK Perubahan applies from its quarter on.
	VersiTarget [4]string

	Dilaporkan bool // the realisasi file has an entry for this kode
	Kendala    string
	Upaya      string
	TahunLalu  Nilai // the previous year's realisasi, Kosong when not given
}

// Hitung computes the capaian of every indicator of doc, in document order,
// as of the report's quarter lap.Triwulan. It is pure: the same inputs give
// the same rows, and nothing depends on today's date.
//
// Rules (T target, R realisasi, both exact decimals; no float64 is used):
//
//   - Polarity. Higher is better (polaritas "naik"): R / T × 100. Lower is
//     better ("turun"): (2×T − R) / T × 100, or T / R × 100 when the PK sets
//     [capaian] rumus_turun = "T/R".
//     Worked: T 86,75, R 88,2 → 101,67%; turun T 10, R 8 → 120% (T/R: 125%).
//   - Zero and negative values. T = 0 and R = 0 → 100%. R better than a zero
//     target (R > 0 naik, R < 0 turun), and the T/R form with T > 0 and
//     R ≤ 0, have no finite ratio: capaian is the cap when the PK sets one,
//     else 100% (target met, no invented ratio). R worse than a zero target
//     → 0%. A negative R goes through the formula (naik T 10, R −5 → −50%;
//     capaian is never floored). A negative T uses the relative deviation
//     100 ± (R − T)/|T| × 100, so better stays above 100: naik
//     (2×T − R) / T × 100, turun R / T × 100 (naik T −2, R −1 → 150%).
//   - Range targets ("80-90", "80–90%"): R inside the range → 100%; below
//     it, R / Tbawah × 100; above it, the lower-is-better formula against
//     Tatas. The polarity is not used. Worked: 80–90, R 72 → 90%; R 99 →
//     (180 − 99) / 90 = 90%.
//   - Categories go through the indicator's scale (skala = "…" or the only
//     scale holding its target labels): P(R) / P(T) × 100 with P the
//     level's percent (opini: WTP 100, WDP 75, TW 50, TMP 25; target WTP,
//     realisasi WDP → 75%). On a "nilai" scale (predikat) where target and
//     realisasi both carry a number, "A (82)" and "A (85)", the numbers are
//     compared by polarity: 85 / 82 → 103,66%. A label not in the scale
//     gives no capaian (DiLuarSkala).
//   - Aggregation: see SampaiDengan. The quarter's capaian compares the
//     quarter's own values; the year-to-date one the aggregated values;
//     CapaianTahunan the year-to-date realisasi with the annual target
//     (progress; categorised only in TW IV). Worked (jumlah, 25% a
//     quarter, R 20%, 27,5%, 22%): TW III 22/25 = 88%; s.d. TW III
//     69,5/75 = 92,67%; tahunan 69,5/100 = 69,5%.
//   - No capaian: target N/A, no target, realisasi not reported or N/A,
//     kinds that differ, a category outside the scale. Capaian.Sebab says
//     which; Nilai is nil and Persen prints "".
//   - Cap: [capaian] batas = 100 or 120 limits every capaian (Dibatasi,
//     Mentah keeps the computed value). Absent: no cap.
//   - Category: the band table [[capaian.kategori]] (min, nama), default
//     ≥ 100 Tercapai, 90 to < 100 Hampir tercapai, below 90 Tidak
//     tercapai, applied to the capped value.
//   - Display: Capaian.Persen(2) rounds half away from zero and prints an
//     Indonesian comma, "101,67%"; FormatRat does the same for any number.
//
// The error is for inputs the loaders never produce (a nil document or
// report, a quarter outside 1..4, an unknown rumus_turun).
func Hitung(doc *Document, lap *Laporan) ([]BarisCapaian, error) {
	if doc == nil || lap == nil {
		return nil, pesan.Errorf("capaian: dokumen atau laporan realisasi tidak ada")
	}
	if lap.Triwulan < 1 || lap.Triwulan > 4 {
		return nil, pesan.Errorf("capaian: triwulan %d di luar 1–4", lap.Triwulan)
	}
	a := &doc.Capaian
	if rt := a.rumusTurun(); rt != RumusDuaTKurangR && rt != RumusTBagiR {
		return nil, pesan.Errorf("capaian: rumus_turun %q tidak dikenal", rt)
	}
	q := lap.Triwulan
	// The rows are those of the version in force in the report's quarter;
	// each earlier quarter is measured against the version in force then.
	cur := doc.VersiBerlaku(q)
	var rows []BarisCapaian
	for i := range cur.Sasaran {
		s := &cur.Sasaran[i]
		for j := range s.Indikator {
			ind := &s.Indikator[j]
			targets := ind.Target.TW
			var versi [4]string
			for k := range 4 {
				versi[k] = cur.Versi()
				if k >= q {
					continue
				}
				v := doc.VersiBerlaku(k + 1)
				versi[k] = v.Versi()
				if _, vi := v.CariIndikator(ind.Kode); vi != nil {
					targets[k] = vi.Target.TW[k]
				} else {
					targets[k] = Nilai{} // the indicator did not exist then
				}
			}
			row := BarisCapaian{Kelompok: s.Kelompok, Sasaran: s, Indikator: ind, Triwulan: q,
				Target: targets[q-1], TargetTahunan: ind.Target.Tahunan, VersiTarget: versi}
			var real [4]Nilai
			if ri := lap.Cari(ind.Kode); ri != nil {
				row.Dilaporkan = true
				row.Kendala, row.Upaya, row.TahunLalu = ri.Kendala, ri.Upaya, ri.TahunLalu
				for k := 0; k < q; k++ {
					real[k] = ri.TW[k]
				}
			}
			row.Realisasi = real[q-1]
			bt, br := BesaranNilai(row.Target), BesaranNilai(row.Realisasi)
			bt.Triwulan, br.Triwulan = []int{q}, []int{q}
			row.Capaian = a.Bandingkan(ind, bt, br)
			row.TargetSD, row.RealisasiSD = SampaiDengan(ind.Agregasi, targets, real, q)
			row.CapaianSD = a.Bandingkan(ind, row.TargetSD, row.RealisasiSD)
			row.CapaianTahunan = a.Bandingkan(ind, BesaranNilai(ind.Target.Tahunan), row.RealisasiSD)
			if q < 4 {
				row.CapaianTahunan.Kategori = ""
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// FormatRat prints r rounded half away from zero to digits decimals, with
// the document's number format: "id" (the default) "1.234,57", "en"
// "1,234.57". A value that rounds to zero prints without a sign. nil
// prints "".
func FormatRat(r *big.Rat, digits int, format string) string {
	if r == nil {
		return ""
	}
	if digits < 0 {
		digits = 0
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	num := new(big.Int).Abs(r.Num())
	num.Mul(num, pow)
	num.Lsh(num, 1)
	num.Add(num, r.Denom())
	den := new(big.Int).Lsh(r.Denom(), 1)
	q := num.Quo(num, den) // floor(|r|·10^d + 1/2)
	s := q.String()
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	intPart, frac := s[:len(s)-digits], s[len(s)-digits:]
	group, dec := ".", ","
	if format == "en" {
		group, dec = ",", "."
	}
	var b strings.Builder
	if r.Sign() < 0 && q.Sign() != 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if digits > 0 {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// FormatRatPendek prints r exactly with as few decimals as it needs when
// that is at most four ("88,5", "69,5", "1.000"), otherwise rounded to two
// ("85,67" for 257/3).
func FormatRatPendek(r *big.Rat, format string) string {
	if r == nil {
		return ""
	}
	m := new(big.Rat).Set(r)
	ten := big.NewRat(10, 1)
	for k := 0; k <= 4; k++ {
		if m.IsInt() {
			return FormatRat(r, k, format)
		}
		m.Mul(m, ten)
	}
	return FormatRat(r, 2, format)
}
