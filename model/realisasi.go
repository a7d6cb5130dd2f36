package model

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"pkgen/files"
	"pkgen/pesan"
)

// Laporan is a loaded realisasi file with the PK it reports on.
//
// A realisasi file reports what was achieved, as of one quarter, against
// the PK it names:
//
//	pk = "jakarta-pusat-2023.toml"   # the PK, relative to this file
//	triwulan = 3                     # the as-of quarter, 1..4 (never today's date)
//	tahun = 2023                     # optional; must equal the PK's year
//
//	[[realisasi]]
//	kode = "IK-01"                   # the indicator's kode in the PK
//	tw = { tw2 = 88.2, tw3 = "N/A" } # per quarter, written like targets
//	kendala = "…"                    # optional notes (Markdown), for the annex
//	upaya = "…"
//	tahun_lalu = 85.3                # optional: the previous year's realisasi
//
// Values are written like targets: numbers (88.2), percents ("95%"),
// categories ("(3) WTP", "A (82)"), "N/A" (nothing to measure) or "–"
// (not yet given: no capaian, no warning), and must be of the target's
// kind (a number for a range target, a percent for a percent range). It is
// an error to name a kode the PK does not have, to list a kode twice, to
// report a quarter after triwulan, or to report a value for a quarter whose
// target is N/A; a category must be in the indicator's scale, with the
// scale's score if it carries one. A measured quarter up to triwulan
// without realisasi is a warning.
type Laporan struct {
	File      string    // where it was loaded from: its fs.FS name, used in messages
	Raw       []byte    // the file's bytes as read, once (see Document.Raw)
	PK        string    // the pk key as written
	Dokumen   *Document // the PK; nil when it did not load
	Tahun     int       // as written; 0 when not given
	Triwulan  int       // the as-of quarter, 1..4
	Realisasi []RealisasiIndikator
}

// RealisasiIndikator is one indicator's realisasi.
type RealisasiIndikator struct {
	Kode      string
	TW        [4]Nilai // per quarter; Kosong when not reported
	Kendala   string   // Markdown
	Upaya     string   // Markdown
	TahunLalu Nilai    // the previous year's realisasi; Kosong when not given
}

// Cari returns the realisasi of an indicator, nil when not reported.
func (l *Laporan) Find(kode string) *RealisasiIndikator {
	if l == nil {
		return nil
	}
	for i := range l.Realisasi {
		if l.Realisasi[i].Kode == kode {
			return &l.Realisasi[i]
		}
	}
	return nil
}

// LoadRealisasi reads the realisasi file name in fsys, loads the PK it
// names (relative to the file, inside fsys) and validates one against the
// other. Problems of the PK come first, with the PK's file name; the report
// is nil when there is any error. The error is for a realisasi file that
// cannot be read. Like Load, it reads each file once, bounded.
func LoadRealisasi(fsys fs.FS, name string) (*Laporan, Problems, error) {
	data, err := files.Read(fsys, name, files.TOML)
	if err != nil {
		return nil, nil, err
	}
	lap, probs := parseRealisasi(name, data, func(pk string) (string, *Document, Problems, error) {
		p, err := files.Resolve(name, pk)
		if err != nil {
			return pk, nil, nil, err
		}
		doc, probs, err := Load(fsys, p)
		return p, doc, probs, err
	})
	if lap != nil {
		lap.Raw = data
	}
	return lap, probs, nil
}

// ParseRealisasi decodes and validates a realisasi file against doc, which
// stands for the PK the file names; name is used in messages.
func ParseRealisasi(name string, data []byte, doc *Document) (*Laporan, Problems) {
	lap, probs := parseRealisasi(name, data, func(pk string) (string, *Document, Problems, error) {
		return pk, doc, nil, nil
	})
	if lap != nil {
		lap.Raw = data
	}
	return lap, probs
}

type pkLoader func(pk string) (resolved string, doc *Document, probs Problems, err error)

func parseRealisasi(name string, data []byte, loadPK pkLoader) (*Laporan, Problems) {
	dec := decodeRealisasiTOML(name, data)
	if dec.raw == nil {
		return nil, dec.probs
	}
	raw := dec.raw
	d := newDecoder(name, dec)
	_, pkGiven := raw["pk"]
	if _, isPK := raw["sasaran"]; isPK && !pkGiven {
		// Every key would be unknown: say what the file is instead.
		return nil, Problems{problemf(name, d.locate().line("sasaran[1]"), "", Galat, "berkas ini tampaknya berkas PK (berisi [[sasaran]]), bukan berkas realisasi; berkas realisasi berisi pk = \"BERKAS-PK.toml\", triwulan dan [[realisasi]]")}
	}
	root := d.table("", raw)
	lap := &Laporan{File: name}
	lap.PK = root.str("pk", true)
	if n, ok := root.integer("tahun", false); ok {
		lap.Tahun = n
	}
	if n, ok := root.integer("triwulan", true); ok {
		if n < 1 || n > 4 {
			d.errf("triwulan", "triwulan %d tidak ada; tulis 1, 2, 3 atau 4 (triwulan terakhir yang dilaporkan)", n)
		} else {
			lap.Triwulan = n
		}
	}
	items := root.list("realisasi")
	if v, ok := raw["realisasi"]; !ok || isEmptyList(v) {
		d.errf("realisasi", "wajib ada: setidaknya satu [[realisasi]] dengan kode dan tw = { ... }")
	}
	root.done()

	var pkProbs Problems
	if lap.PK != "" {
		resolved, doc, probs, err := loadPK(lap.PK)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			d.errf("pk", "berkas PK %q tidak ditemukan (dicari di %s); tulis jalurnya relatif terhadap berkas realisasi ini", lap.PK, resolved)
		case errors.Is(err, files.ErrAbsolute), errors.Is(err, files.ErrOutsideRoot):
			d.errOf("pk", err)
		case err != nil:
			d.errf("pk", "berkas PK %q tidak dapat dibaca: %v", lap.PK, err)
		}
		pkProbs, lap.Dokumen = probs, doc
	}
	doc := lap.Dokumen
	if doc != nil && lap.Tahun != 0 && lap.Tahun != doc.Tahun {
		d.errf("tahun", "tahun %d berbeda dengan tahun PK %d", lap.Tahun, doc.Tahun)
	}

	idx := map[string]*Indikator{}
	where := map[string]string{}
	// A PK Perubahan's report may carry realisasi of indicators of earlier
	// versions (for the quarters they were in force): every version's kode
	// is known, the newest version's indicator standing for it.
	for v := doc; v != nil; v = asalOf(v) {
		for i := range v.Sasaran {
			for j := range v.Sasaran[i].Indikator {
				in := &v.Sasaran[i].Indikator[j]
				if _, ok := idx[in.Kode]; !ok {
					idx[in.Kode] = in
					where[in.Kode] = fmt.Sprintf("sasaran %d, indikator %d", i+1, j+1)
				}
			}
		}
	}
	seen := map[string]string{}
	for _, it := range items {
		lap.Realisasi = append(lap.Realisasi, d.realisasi(it, lap, idx, seen))
	}
	if doc != nil && lap.Triwulan > 0 {
		d.checkMissingRealisasi(lap, items)
	}

	d.finish()
	all := append(append(Problems{}, pkProbs...), d.probs...)
	if len(all.Errors()) > 0 {
		return nil, all
	}
	return lap, all
}

// decodeRealisasiTOML applies Parse's checks on the raw text and decodes it.
func decodeRealisasiTOML(name string, data []byte) decoded {
	return decodeRaw(name, data, pesan.M("berkas realisasi biasanya kurang dari 1 MB"),
		pesan.M("berkas realisasi memerlukan pk, triwulan dan [[realisasi]]"))
}

var romawi = [4]string{"I", "II", "III", "IV"}

func (d *decoder) realisasi(t *tbl, lap *Laporan, idx map[string]*Indikator, seen map[string]string) RealisasiIndikator {
	ri := RealisasiIndikator{Kode: t.str("kode", true)}
	var ind *Indikator
	if ri.Kode != "" {
		if first, dup := seen[ri.Kode]; dup {
			d.errf(t.keyPath("kode"), "kode %q sudah dilaporkan di %s; gabungkan realisasinya dalam satu [[realisasi]]", ri.Kode, first)
		} else {
			seen[ri.Kode] = t.path
		}
		if lap.Dokumen != nil {
			if ind = idx[ri.Kode]; ind == nil {
				d.errf(t.keyPath("kode"), "kode %q tidak ada di PK %s%s", ri.Kode, lap.PK, saranKode(ri.Kode, idx))
			}
		}
	}
	var sk *Skala
	if ind != nil && indikatorKind(ind).Jenis == Kategori {
		if s, err := lap.Dokumen.Capaian.SkalaIndikator(ind); err != nil {
			d.warnf(t.keyPath("kode"), "capaian indikator %s tidak dapat dihitung: %v", ind.Kode, err)
		} else {
			sk = &s
		}
	}
	if tt := t.sub("tw", false); tt != nil {
		for k := range 4 {
			key := tw[k]
			if _, ok := tt.m[key]; !ok {
				tt.get(key) // known, so a misspelt key is offered it
				continue
			}
			n := d.nilai(tt, key)
			path := tt.keyPath(key)
			if lap.Triwulan > 0 && k+1 > lap.Triwulan {
				d.errf(path, "realisasi TW %s sesudah triwulan laporan (triwulan = %d); hapus nilai ini atau naikkan triwulan", romawi[k], lap.Triwulan)
				continue
			}
			ri.TW[k] = n
			if ind != nil {
				// Each quarter is measured against the version in force then.
				v := lap.Dokumen.VersiBerlaku(k + 1)
				if _, vi := v.FindIndikator(ri.Kode); vi == nil {
					if n.Jenis != NA && n.Jenis != Kosong {
						d.errf(path, "indikator %s tidak berlaku pada TW %s (tidak ada di %s); hapus nilai ini", ri.Kode, romawi[k], v.Versi())
					}
				} else {
					d.checkRealisasi(path, "TW "+romawi[k], vi, vi.Target.TW[k], n, sk)
				}
			}
		}
		tt.done()
	}
	ri.Kendala = t.text("kendala")
	ri.Upaya = t.text("upaya")
	if _, ok := t.m["tahun_lalu"]; ok {
		ri.TahunLalu = d.nilai(t, "tahun_lalu")
		if ind != nil {
			// Last year was measured even when this year's target is N/A.
			d.checkRealisasi(t.keyPath("tahun_lalu"), pesan.M("tahun lalu"), ind, indikatorKind(ind), ri.TahunLalu, sk)
		}
	} else {
		t.get("tahun_lalu")
	}
	t.done()
	return ri
}

// asalOf is the version a PK Perubahan amends, nil for an original.
func asalOf(d *Document) *Document {
	if d.Perubahan == nil {
		return nil
	}
	return d.Perubahan.Asal
}

// saranKode suggests the nearest kode of the PK, if one is clearly nearest.
func saranKode(kode string, idx map[string]*Indikator) pesan.Pesan {
	known := make([]string, 0, len(idx))
	for k := range idx {
		known = append(known, strings.ToLower(k))
	}
	if s := nearest(kode, known); s != "" {
		for k := range idx {
			if strings.ToLower(k) == s {
				return pesan.M("; maksud Anda %q?", k)
			}
		}
	}
	return pesan.M("; periksa kode indikator di PK")
}

// indikatorKind is the kind of an indicator's targets and one of them as
// an example: the first measured target.
func indikatorKind(ind *Indikator) Nilai {
	for _, n := range append(ind.Target.TW[:], ind.Target.Tahunan) {
		if n.Jenis != NA && n.Jenis != Kosong {
			return n
		}
	}
	return Nilai{}
}

// valueText shows a value as the user wrote it.
func valueText(n Nilai) string {
	switch n.Jenis {
	case Angka:
		return n.Angka.String()
	case Persen:
		return fmt.Sprintf("%q", n.Angka.String()+"%")
	case Kategori, Rentang:
		return fmt.Sprintf("%q", n.Teks)
	}
	return fmt.Sprintf("%q", n.Jenis.String())
}

// checkRealisasi checks one realisasi value (what: "TW II", or the words
// "tahun lalu") against its target and the indicator's kind and scale (nil:
// none found, already reported).
func (d *decoder) checkRealisasi(path string, what any, ind *Indikator, target, n Nilai, sk *Skala) {
	if n.Jenis == NA || n.Jenis == Kosong {
		return
	}
	if target.Jenis == NA {
		d.errf(path, "target %s indikator %s N/A: tidak ada yang diukur; hapus nilai ini atau tulis \"N/A\"", what, ind.Kode)
		return
	}
	ex := indikatorKind(ind)
	want, hint := ex.Jenis, pesan.Pesan{}
	switch ex.Jenis {
	case Angka:
		hint = pesan.M("angka tanpa tanda kutip, mis. %s", ex.Angka.String())
	case Persen:
		hint = pesan.M("persen dalam tanda kutip, mis. %q", ex.Angka.String()+"%")
	case Kategori:
		hint = pesan.M("kategori dalam tanda kutip, mis. %q", ex.Teks)
	case Rentang:
		want, hint = Angka, pesan.M("satu angka tanpa tanda kutip, mis. %s", ex.Angka.String())
		if ex.RentangPersen {
			want, hint = Persen, pesan.M("satu persen dalam tanda kutip, mis. %q", ex.Angka.String()+"%")
		}
	default:
		return
	}
	if n.Jenis != want {
		d.errf(path, "jenis realisasi salah: %s adalah %s, target indikator %s berjenis %s (%s); tulis %s",
			valueText(n), n.Jenis, ind.Kode, ex.Jenis, valueText(ex), hint)
		return
	}
	if n.Jenis != Kategori {
		return
	}
	if sk == nil {
		return
	}
	lv, ok := sk.Find(n.Label)
	if !ok {
		d.errf(path, "kategori %q tidak ada di skala %s; pilih salah satu: %s", n.Label, sk.Nama, strings.Join(sk.Labels(), ", "))
		return
	}
	if sk.Angka == AngkaSkor && n.AdaSkor && lv.Skor != nil && lv.Skor.Cmp(n.Angka) != 0 {
		d.errf(path, "skor %s tidak sesuai dengan %s pada skala %s (skor %s); tulis \"(%s) %s\"", n.Angka, lv.Label, sk.Nama, lv.Skor, lv.Skor, lv.Label)
	}
}

// checkMissingRealisasi warns about measured quarters up to the report's quarter
// that have no realisasi: one message per reported indicator, and one for
// all indicators the file does not mention.
func (d *decoder) checkMissingRealisasi(lap *Laporan, items []*tbl) {
	var absent []string
	for _, s := range lap.Dokumen.Sasaran {
		for _, in := range s.Indikator {
			var need []int
			for k := 0; k < lap.Triwulan; k++ {
				if j := in.Target.TW[k].Jenis; j != NA && j != Kosong {
					need = append(need, k)
				}
			}
			if len(need) == 0 {
				continue
			}
			at := -1
			for i := range lap.Realisasi {
				if lap.Realisasi[i].Kode == in.Kode {
					at = i
					break
				}
			}
			if at < 0 {
				absent = append(absent, in.Kode)
				continue
			}
			if at < len(items) && d.hasFailed(items[at].keyPath("tw")) {
				continue // its quarters could not be read
			}
			var missing []string
			for _, k := range need {
				if !lap.Realisasi[at].TW[k].Written() { // "–" says: not yet, knowingly
					missing = append(missing, "TW "+romawi[k])
				}
			}
			if len(missing) > 0 && at < len(items) {
				d.warnf(items[at].path, "realisasi %s indikator %s belum diisi; tulis nilainya di tw = { ... } atau \"N/A\"", strings.Join(missing, ", "), in.Kode)
			}
		}
	}
	for _, it := range items {
		if d.skip[d.locate().line(it.keyPath("kode"))] {
			absent = nil // one of them may be the kode a syntax error hid
		}
	}
	if len(absent) > 0 {
		d.warnf("", "belum ada realisasi untuk %d indikator yang diukur s.d. TW %s: %s", len(absent), romawi[lap.Triwulan-1], strings.Join(absent, ", "))
	}
}
