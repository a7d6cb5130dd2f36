package model

import (
	"fmt"
	"io/fs"
	"time"

	"pkgen/files"
)

// Alasan is one of the regulation's grounds for amending a PK
// (PermenPAN-RB 53/2014).
type Alasan string

const (
	AlasanPejabat   Alasan = "pejabat"   // the official changed
	AlasanStrategi  Alasan = "strategi"  // strategy, programme or budget changed
	AlasanPrioritas Alasan = "prioritas" // priorities or assumptions changed significantly
)

// Perubahan describes a PK Perubahan: which version it amends, why, and from
// when it applies. The quarters before Triwulan stay measured against the
// amended (earlier) version.
type Perubahan struct {
	Mengubah   string // path of the amended version, as written (relative to this file)
	Ke         int    // 1 for the first amendment, 2 for the second…
	Alasan     Alasan
	Keterangan string
	Berlaku    time.Time // the date it applies from
	Triwulan   int       // the quarter of Berlaku: 1..4
	// DaftarPerubahan asks for the change annex ("Daftar Perubahan").
	DaftarPerubahan bool
	// Asal is the amended version, set by Load (nil after Parse alone).
	Asal *Document
}

func (d *decoder) perubahan(t *tbl, doc *Document) {
	pt := t.sub("perubahan", false)
	if doc.Jenis != JenisPerubahan {
		if pt != nil {
			d.errf("perubahan", "[perubahan] hanya untuk jenis = \"perubahan\"")
		}
		return
	}
	if pt == nil {
		d.errf("perubahan", "PK Perubahan memerlukan [perubahan]: mengubah (berkas PK yang diubah), ke, alasan, berlaku")
		return
	}
	p := &Perubahan{
		Mengubah:   pt.str("mengubah", true),
		Alasan:     Alasan(pt.enum("alasan", "", string(AlasanPejabat), string(AlasanStrategi), string(AlasanPrioritas))),
		Keterangan: pt.str("keterangan", false),
	}
	if p.Alasan == "" {
		if _, ok := pt.m["alasan"]; !ok {
			d.errf(pt.keyPath("alasan"), "wajib diisi: \"pejabat\" (pejabat berganti), \"strategi\" (strategi, program atau anggaran berubah) atau \"prioritas\" (prioritas atau asumsi berubah signifikan)")
		}
	}
	if n, ok := pt.integer("ke", true); ok {
		if n < 1 || n > 20 {
			d.errf(pt.keyPath("ke"), "perubahan ke-%d tidak mungkin; tulis 1 untuk perubahan pertama", n)
		}
		p.Ke = n
	}
	if b := pt.date("berlaku"); b != nil {
		p.Berlaku = *b
		p.Triwulan = (int(b.Month())-1)/3 + 1
		if doc.Tahun != 0 && b.Year() != doc.Tahun {
			d.errf(pt.keyPath("berlaku"), "tanggal berlaku %s di luar tahun dokumen %d", b.Format("2006-01-02"), doc.Tahun)
		}
	} else if _, ok := pt.m["berlaku"]; !ok {
		d.errf(pt.keyPath("berlaku"), "wajib diisi: tanggal mulai berlaku tanpa tanda kutip, mis. 2023-07-01 (menentukan triwulan)")
	}
	if v, ok := pt.get("daftar_perubahan"); ok {
		b, isBool := v.(bool)
		if !isBool {
			d.errf(pt.keyPath("daftar_perubahan"), "harus true atau false, bukan %s", typeName(v))
		}
		p.DaftarPerubahan = b
	}
	pt.done()
	doc.Perubahan = p
}

// loadVersions loads the chain of amended versions of doc, checking each
// link: same year and unit, consecutive numbers, a later start, parties
// that reflect a change of official. seen guards against cycles.
func loadVersions(fsys fs.FS, path string, doc *Document, seen map[string]bool) Problems {
	p := doc.Perubahan
	if p == nil {
		return nil
	}
	errf := func(key, format string, args ...any) Problems {
		return Problems{problemf(path, 0, "perubahan."+key, Galat, format, args...)}
	}
	ref, err := files.Resolve(path, p.Mengubah)
	if err != nil {
		return Problems{problemOf(path, 0, "perubahan.mengubah", err)}
	}
	if seen[ref] {
		return errf("mengubah", "rantai perubahan berputar: %s sudah dimuat", p.Mengubah)
	}
	if _, err := fs.Stat(fsys, ref); err != nil {
		return errf("mengubah", "berkas PK yang diubah %q tidak ditemukan (dicari di %s)", p.Mengubah, ref)
	}
	asal, probs, err := load(fsys, ref, seen)
	if err != nil {
		return append(probs, problemOf(path, 0, "perubahan.mengubah", err))
	}
	if asal == nil {
		return append(probs, errf("mengubah", "PK yang diubah (%s) tidak sah; perbaiki dulu berkas itu", p.Mengubah)...)
	}
	// Warnings about the amended file were its own to fix when it was made.
	out := probs.Errors()
	if asal.Tahun != doc.Tahun {
		out = append(out, errf("mengubah", "PK yang diubah bertahun %d, bukan %d", asal.Tahun, doc.Tahun)...)
	}
	if unit(asal) != unit(doc) {
		out = append(out, errf("mengubah", "PK yang diubah milik unit lain (%q, bukan %q)", unit(asal), unit(doc))...)
	}
	want := 1
	if asal.Perubahan != nil {
		want = asal.Perubahan.Ke + 1
		if p.Triwulan < asal.Perubahan.Triwulan {
			out = append(out, errf("berlaku", "berlaku triwulan %d, sebelum perubahan ke-%d yang diubahnya (triwulan %d)", p.Triwulan, asal.Perubahan.Ke, asal.Perubahan.Triwulan)...)
		}
	}
	if p.Ke != want {
		out = append(out, errf("ke", "berkas ini mengubah %s, jadi ini perubahan ke-%d, bukan ke-%d", p.Mengubah, want, p.Ke)...)
	}
	changed := !samePihak(&asal.PihakPertama, &doc.PihakPertama) || !samePihakPtr(asal.PihakKedua, doc.PihakKedua)
	switch {
	case p.Alasan == AlasanPejabat && !changed:
		out = append(out, errf("alasan", "alasan \"pejabat\" tetapi pihak pertama dan pihak kedua sama dengan PK yang diubah; tulis pejabat yang baru")...)
	case p.Alasan != AlasanPejabat && changed:
		out = append(out, problemf(path, 0, "perubahan.alasan", Peringatan,
			"pihak berubah dari PK yang diubah, tetapi alasannya %q, bukan \"pejabat\"", p.Alasan))
	}
	if len(out.Errors()) == 0 {
		p.Asal = asal
	}
	return out
}

func unit(d *Document) string {
	return fmt.Sprint(d.Instansi.Kop, "|", d.PihakPertama.Jabatan, "|", d.PihakPertama.UnitKerja)
}

func samePihak(a, b *Pihak) bool { return *a == *b }

func samePihakPtr(a, b *Pihak) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// VersiBerlaku returns the version of the PK in force in quarter q: this
// document from its amendment's quarter on, an earlier version before.
func (d *Document) VersiBerlaku(q int) *Document {
	v := d
	for v.Perubahan != nil && v.Perubahan.Asal != nil && q < v.Perubahan.Triwulan {
		v = v.Perubahan.Asal
	}
	return v
}

// Versi names a version: "PK" for the original, "Perubahan ke-n" for an
// amendment.
func (d *Document) Versi() string {
	if d.Perubahan == nil {
		return "PK"
	}
	return fmt.Sprintf("Perubahan ke-%d", d.Perubahan.Ke)
}

// FindIndikator finds an indicator by kode.
func (d *Document) FindIndikator(kode string) (*Sasaran, *Indikator) {
	for i := range d.Sasaran {
		for j := range d.Sasaran[i].Indikator {
			if d.Sasaran[i].Indikator[j].Kode == kode {
				return &d.Sasaran[i], &d.Sasaran[i].Indikator[j]
			}
		}
	}
	return nil, nil
}
