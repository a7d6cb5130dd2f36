package model

import (
	"fmt"
	"strings"

	"pkgen/pesan"
)

// JenisBeda is the kind of a change between two versions.
type JenisBeda string

const (
	Ditambah JenisBeda = "ditambah" // an indicator in the new version only
	Dihapus  JenisBeda = "dihapus"  // an indicator in the old version only
	Diubah   JenisBeda = "diubah"   // a field whose value changed
)

// Beda is one change. Indicators are matched by kode, so inserting or
// reordering rows is not reported as a change of every row after them.
type Beda struct {
	Jenis  JenisBeda
	Kode   string // the indicator's kode; empty for document-level fields
	Nama   string // what the reader knows it by: the indicator's uraian, or the party
	Bidang string // the changed field: "target.tw3", "uraian", "pihak_kedua.nama"…
	Lama   string // old value ("" for additions)
	Baru   string // new value ("" for removals)
	// For target fields, the typed values, so a renderer can format them
	// the document's way.
	LamaNilai, BaruNilai *Nilai
}

// String is the change as pkgen diff prints it, in Indonesian:
// "+ IK-09 ditambah: …", "- IK-03 dihapus: …", "~ IK-01 target.tw4: 86.75 → 87.5".
func (b Beda) String() string { return b.In(pesan.ID) }

// In is the change as String prints it, in p's language.
func (b Beda) In(p *pesan.Printer) string {
	switch b.Jenis {
	case Ditambah:
		return p.Sprintf("+ %s ditambah: %s", b.Kode, b.Nama)
	case Dihapus:
		return p.Sprintf("- %s dihapus: %s", b.Kode, b.Nama)
	}
	where := b.Bidang
	if b.Kode != "" {
		where = b.Kode + " " + b.Bidang
	}
	return fmt.Sprintf("~ %s: %s → %s", where, orDash(p, b.Lama), orDash(p, b.Baru))
}

// Pihak is the party whose field a change is ("pihak_pertama",
// "pihak_kedua"); "" for an indicator's change.
func (b Beda) Pihak() string {
	if b.Kode != "" {
		return ""
	}
	key, _, _ := strings.Cut(b.Bidang, ".")
	return key
}

// BedaGroup is a part of the change list, numbered in the order the
// Daftar Perubahan lists the parts.
type BedaGroup int

const (
	GroupPihak    BedaGroup = iota // a party's fields
	GroupDitambah                  // indicators (and with them sasaran) added
	GroupDihapus                   // indicators removed
	GroupDiubah                    // an indicator's or its sasaran's fields changed
	groupCount
)

// Group is the part of the change list b belongs to.
func (b Beda) Group() BedaGroup {
	switch {
	case b.Jenis == Ditambah:
		return GroupDitambah
	case b.Jenis == Dihapus:
		return GroupDihapus
	case b.Pihak() != "":
		return GroupPihak
	}
	return GroupDiubah
}

// Grouped splits changes into their groups, indexed by BedaGroup, each
// keeping the changes' order (Compare's order is deterministic).
func Grouped(changes []Beda) [groupCount][]Beda {
	var out [groupCount][]Beda
	for _, b := range changes {
		g := b.Group()
		out[g] = append(out[g], b)
	}
	return out
}

func orDash(p *pesan.Printer, s string) string {
	if s == "" {
		return p.Text("(kosong)")
	}
	return s
}

// Compare lists the changes from a to b in a stable order: parties
// first, then indicators in b's order (changes and additions), then those
// removed, in a's order.
func Compare(a, b *Document) []Beda {
	var out []Beda
	field := func(kode, nama, bidang, lama, baru string) {
		if lama != baru {
			out = append(out, Beda{Jenis: Diubah, Kode: kode, Nama: nama, Bidang: bidang, Lama: lama, Baru: baru})
		}
	}
	pihak := func(key string, p, q *Pihak) {
		var zero Pihak
		if p == nil {
			p = &zero
		}
		if q == nil {
			q = &zero
		}
		for _, f := range []struct{ k, a, b string }{
			{"nama", p.Nama, q.Nama}, {"gelar_depan", p.GelarDepan, q.GelarDepan}, {"gelar_belakang", p.GelarBelakang, q.GelarBelakang},
			{"nip", p.NIP, q.NIP}, {"status", p.Status, q.Status}, {"jabatan", p.Jabatan, q.Jabatan},
			{"unit_kerja", p.UnitKerja, q.UnitKerja}, {"pangkat", p.Pangkat, q.Pangkat},
		} {
			field("", q.Nama, key+"."+f.k, f.a, f.b)
		}
	}
	pihak("pihak_pertama", &a.PihakPertama, &b.PihakPertama)
	pihak("pihak_kedua", a.PihakKedua, b.PihakKedua)

	old := map[string]bool{}
	for _, s := range a.Sasaran {
		for _, ind := range s.Indikator {
			old[ind.Kode] = true
		}
	}
	seen := map[string]bool{}
	for _, s := range b.Sasaran {
		for _, ind := range s.Indikator {
			seen[ind.Kode] = true
			if !old[ind.Kode] {
				out = append(out, Beda{Jenis: Ditambah, Kode: ind.Kode, Nama: ind.Uraian})
				continue
			}
			as, ai := a.FindIndikator(ind.Kode)
			k, n := ind.Kode, ind.Uraian
			field(k, n, "sasaran", as.Uraian, s.Uraian)
			field(k, n, "bagian", as.Bagian, s.Bagian) // moved to another table of the lampiran
			field(k, n, "kelompok", as.Kelompok, s.Kelompok)
			field(k, n, "uraian", ai.Uraian, ind.Uraian)
			field(k, n, "sumber_data", ai.SumberData, ind.SumberData)
			field(k, n, "satuan", ai.Satuan, ind.Satuan)
			field(k, n, "polaritas", string(ai.Polaritas), string(ind.Polaritas))
			field(k, n, "agregasi", string(ai.Agregasi), string(ind.Agregasi))
			target := func(bidang string, lama, baru Nilai) {
				if !lama.Sama(baru) || lama.String() != baru.String() {
					out = append(out, Beda{Jenis: Diubah, Kode: k, Nama: n, Bidang: bidang,
						Lama: lama.String(), Baru: baru.String(), LamaNilai: &lama, BaruNilai: &baru})
				}
			}
			for q := range 4 {
				target(fmt.Sprintf("target.tw%d", q+1), ai.Target.TW[q], ind.Target.TW[q])
			}
			target("target.tahunan", ai.Target.Tahunan, ind.Target.Tahunan)
			field(k, n, "kondisi_awal", ai.KondisiAwal.String(), ind.KondisiAwal.String())
			field(k, n, "target_akhir", ai.TargetAkhir.String(), ind.TargetAkhir.String())
			field(k, n, "rumus_turun", string(ai.RumusTurun), string(ind.RumusTurun))
			field(k, n, "batas", decimalOrEmpty(ai.Batas), decimalOrEmpty(ind.Batas))
			if ai.Pengukuran != ind.Pengukuran {
				out = append(out, Beda{Jenis: Diubah, Kode: k, Nama: n, Bidang: "pengukuran",
					Lama: summarize(ai.Pengukuran), Baru: summarize(ind.Pengukuran)})
			}
		}
	}
	for _, s := range a.Sasaran {
		for _, ind := range s.Indikator {
			if !seen[ind.Kode] {
				out = append(out, Beda{Jenis: Dihapus, Kode: ind.Kode, Nama: ind.Uraian})
			}
		}
	}
	return out
}

// ringkas summarises a definition for a change list: its first words and
// its length.
func summarize(md string) string {
	words := strings.Fields(md)
	if len(words) == 0 {
		return ""
	}
	head := words
	if len(head) > 8 {
		head = head[:8]
	}
	s := strings.Join(head, " ")
	if len(words) > len(head) {
		s += " …"
	}
	return fmt.Sprintf("%s (%d kata)", s, len(words))
}

// decimalOrEmpty prints an optional decimal, "" when not given.
func decimalOrEmpty(d *Desimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}
