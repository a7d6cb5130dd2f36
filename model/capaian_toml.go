package model

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"

	"pkgen/pesan"
)

// capaianDokumen decodes [capaian] and checks the indicators' scales; it is
// called by document() once the sasaran are decoded. The key is read only
// when present, so that the list of keys offered for a misspelt one stays
// as it was.
func (d *decoder) capaianDokumen(t *tbl, doc *Document) {
	if ct := t.sub("capaian", false); ct != nil {
		doc.Capaian = d.aturanCapaian(ct)
	}
	for i, s := range doc.Sasaran {
		for j := range s.Indikator {
			d.checkSkala(fmt.Sprintf("sasaran[%d].indikator[%d]", i+1, j+1), &doc.Capaian, &s.Indikator[j])
		}
	}
}

// capaianIndikator decodes an indicator's optional capaian keys: skala,
// its own rumus_turun and batas (overriding [capaian]), the baseline
// kondisi_awal and the planning document's target_akhir.
func (d *decoder) capaianIndikator(t *tbl, ind *Indikator) {
	if _, ok := t.get("skala"); ok { // get marks the key known for suggestions
		ind.Skala = t.str("skala", true)
	}
	ind.RumusTurun = RumusTurun(t.enum("rumus_turun", "", string(RumusDuaTKurangR), string(RumusTBagiR)))
	ind.Batas = d.batas(t)
	ind.KondisiAwal = d.nilaiTahun(t, "kondisi_awal", false)
	ind.TargetAkhir = d.nilaiTahun(t, "target_akhir", true)
}

// batas reads an optional cap in percent, at least 100.
func (d *decoder) batas(t *tbl) *Desimal {
	v, ok := d.angka(t, "batas")
	if !ok {
		return nil
	}
	if v.Rat().Cmp(hundred) < 0 {
		d.errf(t.keyPath("batas"), "batas capaian %s%% kurang dari 100; tulis 100 atau lebih (mis. 120), atau hapus kunci ini untuk tanpa batas", v)
		return nil
	}
	return &v
}

// nilaiTahun reads { nilai = …, tahun = …, dokumen = "…" }: the value is
// required and may be neither N/A nor "–" (leave the key out instead); the
// year is required for a target_akhir (withDokumen), and only it names a
// dokumen.
func (d *decoder) nilaiTahun(t *tbl, key string, withDokumen bool) *NilaiTahun {
	st := t.sub(key, false)
	if st == nil {
		return nil
	}
	out := &NilaiTahun{Nilai: d.nilai(st, "nilai")}
	if out.Nilai.Jenis == Kosong || out.Nilai.Jenis == NA {
		if _, ok := st.m["nilai"]; ok && !d.hasFailed(st.keyPath("nilai")) {
			d.errf(st.keyPath("nilai"), "%s tidak boleh N/A atau \"–\"; hapus %s bila belum ada nilainya", key, key)
		}
	}
	if y, ok := st.integer("tahun", withDokumen); ok {
		if y < 2000 || y > 2100 {
			d.errf(st.keyPath("tahun"), "tahun %d di luar rentang 2000–2100", y)
		}
		out.Tahun = y
	}
	if withDokumen {
		out.Dokumen = st.str("dokumen", false)
	}
	st.done()
	return out
}

// KolomCapaian are the optional columns of the capaian annex, chosen with
// [capaian] kolom, in the order the annex prints them.
var KolomCapaian = []string{KolomKondisiAwal, KolomTahunLalu, KolomTahunan, KolomTargetAkhir}

const (
	KolomKondisiAwal = "kondisi_awal" // the PK's kondisi_awal
	KolomTahunLalu   = "tahun_lalu"   // the realisasi file's tahun_lalu
	KolomTahunan     = "tahunan"      // the annual target and capaian against it
	KolomTargetAkhir = "target_akhir" // the RPJMD/Renstra target and capaian against it
)

// kolom reads [capaian] kolom: names of KolomCapaian, each once.
func (d *decoder) kolom(t *tbl) []string {
	names := t.strs("kolom", false)
	seen := map[string]bool{}
	var out []string
	for i, n := range names {
		path := fmt.Sprintf("%s[%d]", t.keyPath("kolom"), i+1)
		switch {
		case !slices.Contains(KolomCapaian, n):
			if s := nearest(n, KolomCapaian); s != "" {
				d.errf(path, "kolom %q tidak dikenal; maksud Anda %q?", n, s)
			} else {
				d.errf(path, "kolom %q tidak dikenal; pilih dari: %s", n, quoteAll(KolomCapaian))
			}
		case seen[n]:
			d.errf(path, "kolom %q sudah disebut", n)
		default:
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// checkSkala reports an indicator whose scale cannot be settled: a named
// scale that does not exist or lacks a target's label, or labels found in
// several scales. An indicator without skala whose labels no scale holds is
// accepted (documents from before scales existed); its capaian is then
// DiLuarSkala.
func (d *decoder) checkSkala(ip string, a *AturanCapaian, ind *Indikator) {
	var labels []string
	for _, n := range append(ind.Target.TW[:], ind.Target.Tahunan) {
		if n.Jenis == Kategori {
			labels = append(labels, n.Label)
		}
	}
	if ind.Skala == "" && len(labels) == 0 {
		return
	}
	defer func() {
		// The baseline and end-of-period target are of the same scale.
		if sk, err := a.scaleFor(ind.Skala, labels); err == nil && len(labels) > 0 {
			for _, kv := range []struct {
				key string
				v   *NilaiTahun
			}{{"kondisi_awal", ind.KondisiAwal}, {"target_akhir", ind.TargetAkhir}} {
				key, v := kv.key, kv.v
				if v != nil && v.Nilai.Jenis == Kategori {
					if _, ok := sk.Find(v.Nilai.Label); !ok {
						d.errf(ip+"."+key+".nilai", "kategori %q tidak ada di skala %s (%s)", v.Nilai.Label, sk.Nama, strings.Join(sk.Labels(), ", "))
					}
				}
			}
		}
	}()
	if ind.Skala != "" && len(labels) == 0 {
		d.errf(ip+".skala", "skala hanya untuk indikator dengan target kategori (\"(3) WTP\", \"A (82)\")")
		return
	}
	sk, err := a.scaleFor(ind.Skala, labels)
	if err != nil {
		if ind.Skala != "" {
			d.errOf(ip+".skala", err)
		} else if _, ganda := err.(ambiguousScale); ganda {
			d.errOf(ip+".target", err)
		}
		return
	}
	for _, l := range unique(labels) {
		if _, ok := sk.Find(l); !ok {
			d.errf(ip+".target", "kategori %q tidak ada di skala %s (%s)", l, sk.Nama, strings.Join(sk.Labels(), ", "))
		}
	}
}

func (d *decoder) aturanCapaian(t *tbl) AturanCapaian {
	var a AturanCapaian
	a.RumusTurun = RumusTurun(t.enum("rumus_turun", string(RumusDuaTKurangR), string(RumusDuaTKurangR), string(RumusTBagiR)))
	a.Batas = d.batas(t)
	if _, ok := t.m["kolom"]; ok {
		a.Kolom = d.kolom(t)
	}
	if _, ok := t.m["kategori"]; ok {
		a.Kategori = d.pitaKategori(t)
	}
	if st := t.sub("skala", false); st != nil {
		names := make([]string, 0, len(st.m))
		for n := range st.m {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			sub := st.sub(n, false)
			if sub == nil {
				continue
			}
			if strings.TrimSpace(n) == "" {
				d.errf(sub.path, "nama skala tidak boleh kosong")
				continue
			}
			if a.Skala == nil {
				a.Skala = map[string]Skala{}
			}
			a.Skala[n] = d.skala(n, sub)
		}
		st.done()
	}
	t.done()
	return a
}

func (d *decoder) pitaKategori(t *tbl) []PitaKategori {
	v := t.m["kategori"]
	items := t.list("kategori")
	if isEmptyList(v) {
		d.errf(t.keyPath("kategori"), "tidak boleh kosong; hapus kunci ini untuk tabel kategori bawaan")
		return nil
	}
	var out []PitaKategori
	seen := map[string]string{}
	floorAt := ""
	for _, it := range items {
		p := PitaKategori{Nama: it.str("nama", true)}
		if m, ok := d.angka(it, "min"); ok {
			p.Min = &m
			key := m.Rat().RatString()
			if first, dup := seen[key]; dup {
				d.errf(it.keyPath("min"), "min %s sudah dipakai di %s; setiap kategori perlu min yang berbeda", m, first)
			} else {
				seen[key] = it.path
			}
		} else if _, present := it.m["min"]; !present {
			if floorAt != "" {
				d.errf(it.path, "kategori tanpa min sudah ada di %s; hanya satu kategori (yang terbawah) boleh tanpa min", floorAt)
			}
			floorAt = it.path
		}
		it.done()
		out = append(out, p)
	}
	// Highest min first, the floor last.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Min, out[j].Min
		if a == nil || b == nil {
			return b == nil && a != nil
		}
		return a.Cmp(*b) > 0
	})
	return out
}

func (d *decoder) skala(nama string, t *tbl) Skala {
	s := Skala{Nama: nama, Angka: AngkaSkala(t.enum("angka", string(AngkaSkor), string(AngkaSkor), string(AngkaNilai)))}
	v, ok := t.m["tingkat"]
	items := t.list("tingkat")
	if !ok || isEmptyList(v) {
		d.errf(t.keyPath("tingkat"), "wajib ada: daftar tingkat, mis. tingkat = [ { label = \"WTP\", skor = 3, persen = 100 }, ... ]")
	}
	seen := map[string]string{}
	for _, it := range items {
		lv := TingkatSkala{Label: it.str("label", true)}
		if lv.Label != "" {
			k := strings.ToLower(lv.Label)
			if first, dup := seen[k]; dup {
				d.errf(it.keyPath("label"), "label %q sudah ada di %s", lv.Label, first)
			} else {
				seen[k] = it.path
			}
		}
		if p, ok := d.angka(it, "persen"); ok {
			if p.Unscaled < 0 {
				d.errf(it.keyPath("persen"), "persen tidak boleh negatif")
			}
			lv.Persen = p
		} else if _, present := it.m["persen"]; !present {
			d.errf(it.keyPath("persen"), "wajib diisi: persen tingkat ini terhadap tingkat terbaik, mis. persen = 75")
		}
		if sk, ok := d.angka(it, "skor"); ok {
			if s.Angka != AngkaSkor {
				d.errf(it.keyPath("skor"), "skor hanya untuk skala dengan angka = \"skor\"; pada skala angka = \"nilai\" angka dalam kurung adalah nilai yang diukur")
			} else {
				lv.Skor = &sk
			}
		}
		it.done()
		s.Tingkat = append(s.Tingkat, lv)
	}
	t.done()
	return s
}

// angka reads an optional number (integer or decimal) as an exact decimal.
func (d *decoder) angka(t *tbl, key string) (Desimal, bool) {
	v, ok := t.get(key)
	if !ok {
		return Desimal{}, false
	}
	switch x := v.(type) {
	case int64:
		return Desimal{Unscaled: x}, true
	case float64:
		dec, err := DesimalFloat(x)
		if err != nil {
			d.errOf(t.keyPath(key), err)
			return Desimal{}, false
		}
		return dec, true
	}
	d.errf(t.keyPath(key), "harus angka tanpa tanda kutip (mis. 100 atau 92.5), bukan %s", typeName(v))
	return Desimal{}, false
}

const angkaRe = `[-+]?[0-9]+(?:[.,][0-9]+)?`

// reRentang matches a range: "80-90", "80 – 90", "80–90%", "80%–90%",
// "80 s.d. 90", "80 s/d 90".
var reRentang = lazyRE(`^(` + angkaRe + `)\s*(%?)\s*(?:-|–|—|s\.\s*d\.?|s/d)\s*(` + angkaRe + `)\s*(%?)$`)

// mayBeRentang is false when t lacks what reRentang needs, a leading
// number and a separator, so most values neither compile nor run it.
func mayBeRentang(t string) bool {
	if t == "" || t[0] != '-' && t[0] != '+' && (t[0] < '0' || t[0] > '9') {
		return false
	}
	return strings.ContainsAny(t, "-–—") || strings.Contains(t, "s.") || strings.Contains(t, "s/d")
}

// parseRentang reads a range target; ok is false when t is not written as
// a range, so ParseNilai tries the other forms.
func parseRentang(t string) (n Nilai, ok bool, err error) {
	if !mayBeRentang(t) {
		return Nilai{}, false, nil
	}
	m := reRentang.FindStringSubmatch(t)
	if m == nil {
		return Nilai{}, false, nil
	}
	if m[2] != "" && m[4] == "" {
		return Nilai{}, true, pesan.Errorf("rentang %q: batas bawah ditulis dengan %% tetapi batas atas tidak; tulis \"%s–%s%%\"", t, m[1], m[3])
	}
	lo, err := ParseDesimal(m[1])
	if err != nil {
		return Nilai{}, true, err
	}
	hi, err := ParseDesimal(m[3])
	if err != nil {
		return Nilai{}, true, err
	}
	if lo.Cmp(hi) > 0 {
		return Nilai{}, true, pesan.Errorf("rentang %q: batas bawah %s lebih besar dari batas atas %s; tulis batas bawah lebih dulu", t, lo, hi)
	}
	return Nilai{Jenis: Rentang, Angka: lo, Atas: hi, RentangPersen: m[4] != "", Teks: t}, true, nil
}

// checkTargetRentang checks range targets: all in percent or none, and the
// annual range consistent with the quarters' by the aggregation, bound by
// bound.
func (d *decoder) checkTargetRentang(ip string, ind Indikator, quarters []Nilai) {
	t := ind.Target
	tp := ip + ".target"
	for q, n := range t.TW {
		if n.Jenis == Rentang && n.RentangPersen != t.Tahunan.RentangPersen {
			d.errf(fmt.Sprintf("%s.tw%d", tp, q+1), "rentang %q dan target tahunan %q: tulis semua rentang dengan %% atau semuanya tanpa %%", n.Teks, t.Tahunan.Teks)
			return
		}
	}
	lo, hi := new(big.Rat), new(big.Rat)
	switch ind.Agregasi {
	case Akhir:
		last := quarters[len(quarters)-1]
		lo, hi = last.Angka.Rat(), last.Atas.Rat()
	default:
		for _, n := range quarters {
			lo.Add(lo, n.Angka.Rat())
			hi.Add(hi, n.Atas.Rat())
		}
		if ind.Agregasi == RataRata {
			k := big.NewRat(int64(len(quarters)), 1)
			lo.Quo(lo, k)
			hi.Quo(hi, k)
		}
	}
	if t.Tahunan.Angka.Rat().Cmp(lo) != 0 || t.Tahunan.Atas.Rat().Cmp(hi) != 0 {
		kind := Angka
		if t.Tahunan.RentangPersen {
			kind = Persen
		}
		d.errf(tp+".tahunan", "target tahunan %q tidak konsisten dengan agregasi %q: seharusnya %s s.d. %s; perbaiki target atau pilih agregasi lain",
			t.Tahunan.Teks, ind.Agregasi, ratText(lo, kind), ratText(hi, kind))
	}
}
