package model

import "fmt"

// Bagian is one section of a lampiran made of several tables (Sasaran
// Program, then Sasaran Kegiatan): its own heading, its own column set and
// its own numbering. Sasaran join a section by naming it (sasaran.bagian),
// so the [[sasaran]] list, its key paths and the indicators' kode stay as
// in a single-table lampiran.
type Bagian struct {
	Nama  string // what sasaran.bagian refers to
	Judul string // heading printed above the section's table; may be empty
	// Lampiran is the section's column set; empty: the document's
	// lampiran.
	Lampiran string
	// NomorLanjut continues the sasaran numbers of the section before
	// instead of starting again at 1.
	NomorLanjut bool
}

// Section is a section with its sasaran, in document order.
type Section struct {
	Bagian
	Index    int    // 1-based position in [[bagian]]; 0 for a lampiran without sections
	Lampiran string // the column set in force: the section's, else the document's
	Sasaran  []Sasaran
}

// KeyPath is the section's key path ("bagian[2]"), or "" for the one
// table of a lampiran without sections.
func (s Section) KeyPath() string {
	if s.Index == 0 {
		return ""
	}
	return fmt.Sprintf("bagian[%d]", s.Index)
}

// Kelompok returns the groups of the section's sasaran.
func (s Section) Kelompok() []Kelompok { return Groups(s.Sasaran) }

// Sections returns the lampiran's tables in order: one per [[bagian]], or
// one holding every sasaran when none is declared. Validation makes the
// sasaran of a section consecutive and in the order of the sections.
func (d *Document) Sections() []Section {
	if len(d.Bagian) == 0 {
		return []Section{{Lampiran: d.Lampiran, Sasaran: d.Sasaran}}
	}
	out := make([]Section, len(d.Bagian))
	at := map[string]int{}
	for i, b := range d.Bagian {
		out[i] = Section{Bagian: b, Index: i + 1, Lampiran: b.Lampiran}
		if b.Lampiran == "" {
			out[i].Lampiran = d.Lampiran
		}
		at[b.Nama] = i
	}
	for _, s := range d.Sasaran {
		if i, ok := at[s.Bagian]; ok {
			out[i].Sasaran = append(out[i].Sasaran, s)
		}
	}
	return out
}

// bagian reads the [[bagian]] declarations.
func (d *decoder) bagian(t *tbl) []Bagian {
	var out []Bagian
	seen := map[string]int{}
	for i, bt := range t.list("bagian") {
		b := Bagian{
			Nama:        bt.str("nama", true),
			Judul:       bt.str("judul", false),
			Lampiran:    bt.str("lampiran", false),
			NomorLanjut: d.flag(bt, "nomor_lanjut", false),
		}
		if first, dup := seen[b.Nama]; dup && b.Nama != "" {
			d.errf(bt.keyPath("nama"), "nama bagian %q sudah dipakai di bagian[%d]; setiap bagian perlu nama yang unik", b.Nama, first)
		} else if b.Nama != "" {
			seen[b.Nama] = i + 1
		}
		bt.done()
		out = append(out, b)
	}
	if v, ok := t.m["bagian"]; ok && isEmptyList(v) {
		d.errf("bagian", "daftar bagian kosong; hapus bagian = [] atau tulis setidaknya satu [[bagian]]")
	}
	return out
}

// checkBagian ties sasaran to the declared sections: each sasaran names
// one when sections are declared, and none otherwise; a section's sasaran
// are consecutive, sections follow the order of [[bagian]], and no
// section is empty.
func (d *decoder) checkBagian(doc *Document) {
	if d.hasFailed("bagian") {
		return
	}
	names := make([]string, len(doc.Bagian))
	index := map[string]int{}
	for i, b := range doc.Bagian {
		names[i] = b.Nama
		index[b.Nama] = i
	}
	if len(doc.Bagian) == 0 {
		for i, s := range doc.Sasaran {
			if s.Bagian != "" {
				d.errf(fmt.Sprintf("sasaran[%d].bagian", i+1), "bagian %q tidak dideklarasikan: tidak ada [[bagian]] di dokumen; tulis [[bagian]] dengan nama = %q, judul dan lampiran, atau hapus kunci ini", s.Bagian, s.Bagian)
				return
			}
		}
		return
	}
	used := make([]int, len(doc.Bagian)) // first sasaran of each section, 1-based
	last := -1                           // index of the section of the sasaran before
	for i, s := range doc.Sasaran {
		path := fmt.Sprintf("sasaran[%d].bagian", i+1)
		if d.hasFailed(path) || d.hasFailed(fmt.Sprintf("sasaran[%d]", i+1)) && s.Bagian == "" {
			continue
		}
		k, ok := index[s.Bagian]
		switch {
		case s.Bagian == "":
			d.errf(path, "wajib diisi bila dokumen punya [[bagian]]: tulis bagian = salah satu dari %s", quoteAll(names))
			continue
		case !ok:
			if near := nearest(s.Bagian, names); near != "" {
				d.errf(path, "bagian %q tidak dideklarasikan; maksud Anda %q?", s.Bagian, near)
			} else {
				d.errf(path, "bagian %q tidak dideklarasikan; pilih salah satu dari %s", s.Bagian, quoteAll(names))
			}
			continue
		case k == last:
		case used[k] != 0:
			d.errf(path, "sasaran bagian %q sudah berakhir sebelum sasaran ini (bagian itu dimulai di sasaran[%d]); sasaran satu bagian harus berurutan", s.Bagian, used[k])
		case k < last:
			d.errf(path, "bagian %q dideklarasikan sebelum bagian %q, tetapi sasarannya ditulis sesudahnya; tulis sasaran menurut urutan [[bagian]]", s.Bagian, doc.Bagian[last].Nama)
		}
		if used[k] == 0 {
			used[k] = i + 1
		}
		last = max(last, k)
	}
	if d.anyFailed(doc, "sasaran[%d].bagian") {
		return // an unreadable or misspelt bagian would leave its section seemingly empty
	}
	for i, b := range doc.Bagian {
		if used[i] == 0 && b.Nama != "" {
			d.errf(fmt.Sprintf("bagian[%d]", i+1), "bagian %q tidak punya sasaran; tulis bagian = %q pada [[sasaran]]-nya, atau hapus bagian ini", b.Nama, b.Nama)
		}
	}
}

// anyFailed reports whether any sasaran's key of the format has an error.
func (d *decoder) anyFailed(doc *Document, format string) bool {
	for i := range doc.Sasaran {
		if d.hasFailed(fmt.Sprintf(format, i+1)) {
			return true
		}
	}
	return false
}

// sectionKey is what makes a run of sasaran one group: its section and
// its kelompok.
func sectionKey(s Sasaran) string { return s.Bagian + "\x00" + s.Kelompok }

// Groups splits sasaran into runs of the same kelompok; a new section
// starts a new run, even under the same kelompok name.
func Groups(ss []Sasaran) []Kelompok {
	var out []Kelompok
	for i, s := range ss {
		if i == 0 || sectionKey(s) != sectionKey(ss[i-1]) {
			out = append(out, Kelompok{Nama: s.Kelompok})
		}
		out[len(out)-1].Sasaran = append(out[len(out)-1].Sasaran, s)
	}
	return out
}
