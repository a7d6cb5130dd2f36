package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// daftarPerubahan lays out the change annex of a PK Perubahan that asks
// for one: every change from the amended version, per indicator kode. It
// returns where the annex begins, nil without one.
func (l *layouter) daftarPerubahan() (*Mark, error) {
	p := l.doc.Perubahan
	if p == nil || !p.DaftarPerubahan || p.Asal == nil {
		return nil, nil
	}
	d, err := l.data()
	if err != nil {
		return nil, err
	}
	cols, err := l.changeColumns(d)
	if err != nil {
		return nil, err
	}
	f := l.flow
	start := f.NewPage(lampiranPage)
	w := f.Region().W
	title, err := l.rich("judul_daftar_perubahan", d, fonts.Bold, AlignCenter)
	if err != nil {
		return nil, err
	}
	sub, err := l.rich("mengubah", d, fonts.Regular, AlignJustify)
	if err != nil {
		return nil, err
	}
	titleLines, subLines := l.m.Block(title, w, sizeHeading, leading), l.m.Block(sub, w, sizeIdent, leading)
	head := Box{H: height(titleLines) + 3 + height(subLines), Draw: func(p *Page, x, y float64) float64 {
		y = p.put(titleLines, x, y, w, "block")
		return p.put(subLines, x, y+3, w, "block")
	}, What: pesan.Key("judul daftar perubahan"), From: []source{
		linesSource(templateKey("judul_daftar_perubahan"), titleLines),
		linesSource(within("mengubah", paraText(sub), [2]string{"perubahan.keterangan", p.Keterangan}), subLines),
	}}
	if _, err := f.Place(head); err != nil {
		return nil, err
	}
	f.Space(4)
	t, err := l.changeTable(d, cols)
	if err != nil {
		return nil, err
	}
	if _, err := f.Place(&TableBlock{Table: t}); err != nil {
		return nil, err
	}
	return &start, nil
}

// changeTable is the Daftar Perubahan's table under the column headings
// cols.
func (l *layouter) changeTable(d data, cols []string) (*Table, error) {
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2,
		Columns: []Column{{Width: 10}, {Width: 18}, {Weight: 1.2}, {Width: 32}, {Weight: 1}, {Weight: 1}}}
	h := Row{}
	for i, s := range cols {
		h.Cells = append(h.Cells, l.headCell(i, 1, 1, s, templateKey("kolom_daftar_perubahan")))
	}
	t.Header = []Row{h}
	rows, err := l.changeRows(d)
	if err != nil {
		return nil, err
	}
	t.Rows = rows
	return t, nil
}

// changeColumns are the Daftar Perubahan's six column headings.
func (l *layouter) changeColumns(d data) ([]string, error) {
	heads, err := l.words("kolom_daftar_perubahan", d)
	if err != nil {
		return nil, err
	}
	cols := strings.Split(heads, "|")
	if len(cols) != 6 {
		cols = append(cols, make([]string, 6)...)[:6]
	}
	return cols, nil
}

// changeHeadings are the template blocks heading each group of changes,
// indexed by model.BedaGroup.
var changeHeadings = [...]string{
	model.GroupPihak: "daftar_perubahan_pihak", model.GroupDitambah: "daftar_perubahan_ditambah",
	model.GroupDihapus: "daftar_perubahan_dihapus", model.GroupDiubah: "daftar_perubahan_diubah",
}

// changeRows are the Daftar Perubahan's rows: each group of changes under
// its heading row, numbered on through the groups. A party is one row
// however many of its fields changed.
func (l *layouter) changeRows(d data) ([]Row, error) {
	p := l.doc.Perubahan
	cell := func(col, span int, s string, align Align) Cell {
		return l.plainTextCell(Cell{Col: col, ColSpan: span, RowSpan: 1, Fill: -1}, s, fonts.Regular, align)
	}
	var rows []Row
	n := 0
	row := func(cells ...Cell) {
		n++
		rows = append(rows, Row{Cells: append([]Cell{cell(0, 1, strconv.Itoa(n), AlignCenter)}, cells...)})
	}
	for g, list := range model.Grouped(model.Compare(p.Asal, l.doc)) {
		if len(list) == 0 {
			continue
		}
		heading, err := l.words(changeHeadings[g], d)
		if err != nil {
			return nil, err
		}
		rows = append(rows, Row{Group: true, Cells: []Cell{l.plainTextCell(Cell{Col: 0, ColSpan: 6, RowSpan: 1, Fill: -1},
			heading, fonts.Bold, AlignLeft)}})
		switch model.BedaGroup(g) {
		case model.GroupPihak:
			for _, key := range parties(list) {
				who, before, after, err := l.partyChange(key, d)
				if err != nil {
					return nil, err
				}
				row(cell(1, 3, who, AlignLeft), cell(4, 1, before, AlignLeft), cell(5, 1, after, AlignLeft))
			}
		case model.GroupDitambah, model.GroupDihapus:
			added := model.BedaGroup(g) == model.GroupDitambah
			for _, c := range list {
				bagian, what, err := l.indikatorChange(c.Kode, added)
				if err != nil {
					return nil, err
				}
				before, after := what, "–"
				if added {
					before, after = "–", what
				}
				row(cell(1, 1, c.Kode, AlignLeft), cell(2, 1, c.Nama, AlignLeft), cell(3, 1, bagian, AlignLeft),
					cell(4, 1, before, AlignLeft), cell(5, 1, after, AlignLeft))
			}
		default:
			for _, c := range list {
				before, after := c.Lama, c.Baru
				if c.LamaNilai != nil {
					before, after = l.f.nilai(*c.LamaNilai), l.f.nilai(*c.BaruNilai)
				}
				row(cell(1, 1, c.Kode, AlignLeft), cell(2, 1, c.Nama, AlignLeft), cell(3, 1, sectionLabel(c.Bidang), AlignLeft),
					cell(4, 1, before, AlignLeft), cell(5, 1, after, AlignLeft))
			}
		}
	}
	if n == 0 {
		none, err := l.words("daftar_perubahan_kosong", d)
		if err != nil {
			return nil, err
		}
		rows = append(rows, Row{Cells: []Cell{l.plainTextCell(Cell{Col: 0, ColSpan: 6, RowSpan: 1, Fill: -1},
			none, fonts.Italic, AlignCenter)}})
	}
	return rows, nil
}

// parties are the parties whose fields changed, in the changes' order.
func parties(changes []model.Beda) []string {
	var out []string
	for _, c := range changes {
		if k := c.Pihak(); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// partyChange is a party's row: its name in the document's words ("PIHAK
// KEDUA"), then who it was and who it is.
func (l *layouter) partyChange(key string, d data) (who, before, after string, err error) {
	a, b := l.doc.Perubahan.Asal, l.doc
	var was, is *model.Pihak
	block := "nama_kedua"
	if key == "pihak_pertama" {
		block, was, is = "nama_pertama", &a.PihakPertama, &b.PihakPertama
	} else {
		was, is = a.PihakKedua, b.PihakKedua
	}
	if who, err = l.words(block, d); err != nil {
		return "", "", "", err
	}
	if before, err = l.partyWords(was, is); err != nil {
		return "", "", "", err
	}
	after, err = l.partyWords(is, was)
	return who, before, after, err
}

// partyWords prints a party as its signature does: the name with its
// titles and the NIP line, and the jabatan or pangkat where they differ
// from other (so a change of those alone shows); "–" for no party.
func (l *layouter) partyWords(p, other *model.Pihak) (string, error) {
	if p == nil || *p == (model.Pihak{}) {
		return "–", nil
	}
	var o model.Pihak
	if other != nil {
		o = *other
	}
	lines := []string{l.f.nama(*p, false)}
	if p.NIP != "" {
		nip, err := l.nipWords(p)
		if err != nil {
			return "", err
		}
		lines = append(lines, nip)
	}
	if p.JabatanLengkap() != o.JabatanLengkap() {
		lines = append(lines, p.JabatanLengkap())
	}
	if p.Pangkat != o.Pangkat && p.Pangkat != "" {
		lines = append(lines, p.Pangkat)
	}
	return strings.Join(lines, "\n"), nil
}

// indikatorChange describes an indicator added (from the document) or
// removed (from the amended version): the Bagian it belongs to and what it
// holds.
func (l *layouter) indikatorChange(kode string, added bool) (bagian, what string, err error) {
	from, other := l.doc.Perubahan.Asal, l.doc
	if added {
		from, other = other, from
	}
	s, ind := from.FindIndikator(kode)
	if ind == nil {
		return "", "", nil // not reached: Compare took kode from that version
	}
	sasaranBaru := true
	for _, o := range other.Sasaran {
		if o.Uraian == s.Uraian {
			sasaranBaru = false
			break
		}
	}
	if bagian, err = l.words("daftar_perubahan_bagian", struct{ SasaranBaru bool }{sasaranBaru}); err != nil {
		return "", "", err
	}
	w := struct {
		Sasaran, Satuan, Tahunan string
		TW                       []string
	}{Sasaran: s.Uraian, Satuan: ind.Satuan, Tahunan: l.f.nilai(ind.Target.Tahunan)}
	for _, v := range ind.Target.TW {
		if v.Jenis != model.Kosong || v.Teks != "" {
			w.TW = make([]string, 4)
			for q, v := range ind.Target.TW {
				w.TW[q] = cmp.Or(l.f.nilai(v), "–")
			}
			break
		}
	}
	w.Tahunan = cmp.Or(w.Tahunan, "–")
	what, err = l.words("daftar_perubahan_indikator", w)
	return bagian, what, err
}

// sectionLabel names a changed field in the reader's words.
func sectionLabel(bidang string) string {
	if q, ok := strings.CutPrefix(bidang, "target.tw"); ok {
		if n, err := strconv.Atoi(q); err == nil && n >= 1 && n <= 4 {
			return "Target Triwulan " + roman[n]
		}
	}
	labels := map[string]string{
		"target.tahunan": "Target Tahunan", "uraian": "Uraian Indikator", "sasaran": "Sasaran",
		"kelompok": "Kelompok", "sumber_data": "Sumber Data", "satuan": "Satuan", "polaritas": "Polaritas",
		"agregasi": "Agregasi", "pengukuran": "Pengukuran Kinerja",
	}
	if s, ok := labels[bidang]; ok {
		return s
	}
	return bidang
}
