package render

import (
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
	heads, err := l.words("kolom_daftar_perubahan", d)
	if err != nil {
		return nil, err
	}
	cols := strings.Split(heads, "|")
	if len(cols) != 6 {
		cols = append(cols, make([]string, 6)...)[:6]
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

	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2,
		Columns: []Column{{Width: 10}, {Width: 18}, {Weight: 1.2}, {Width: 32}, {Weight: 1}, {Weight: 1}}}
	h := Row{}
	for i, s := range cols {
		h.Cells = append(h.Cells, l.headCell(i, 1, 1, s, templateKey("kolom_daftar_perubahan")))
	}
	t.Header = []Row{h}
	changes := model.Compare(p.Asal, l.doc)
	cell := func(col int, s string, align Align) Cell {
		return Cell{Col: col, ColSpan: 1, RowSpan: 1, Content: l.plainCell(s, fonts.Regular, align), Fill: -1}
	}
	for i, c := range changes {
		bagian, lama, baru, nama := sectionLabel(c.Bidang), c.Lama, c.Baru, c.Nama
		if c.Kode == "" {
			nama = "" // a party, named in Bagian
		}
		switch c.Jenis {
		case model.Ditambah:
			bagian, baru = "indikator ditambah", c.Nama
		case model.Dihapus:
			bagian, lama = "indikator dihapus", c.Nama
		}
		if c.LamaNilai != nil {
			lama, baru = l.f.nilai(*c.LamaNilai), l.f.nilai(*c.BaruNilai)
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{
			cell(0, strconv.Itoa(i+1), AlignCenter), cell(1, c.Kode, AlignLeft), cell(2, nama, AlignLeft),
			cell(3, bagian, AlignLeft), cell(4, lama, AlignLeft), cell(5, baru, AlignLeft),
		}})
	}
	if len(changes) == 0 {
		t.Rows = append(t.Rows, Row{Cells: []Cell{{Col: 0, ColSpan: 6, RowSpan: 1, Fill: -1,
			Content: l.plainCell("Tidak ada perubahan indikator atau pihak.", fonts.Italic, AlignCenter)}}})
	}
	if _, err := f.Place(&TableBlock{Table: t}); err != nil {
		return nil, err
	}
	return &start, nil
}

// sectionLabel names a changed field in the reader's words.
func sectionLabel(bidang string) string {
	if q, ok := strings.CutPrefix(bidang, "target.tw"); ok {
		if n, err := strconv.Atoi(q); err == nil && n >= 1 && n <= 4 {
			return "Target Triwulan " + roman[n]
		}
	}
	for prefix, who := range map[string]string{"pihak_pertama.": "PIHAK PERTAMA", "pihak_kedua.": "PIHAK KEDUA"} {
		if f, ok := strings.CutPrefix(bidang, prefix); ok {
			return who + ": " + sectionLabel(f)
		}
	}
	labels := map[string]string{
		"target.tahunan": "Target Tahunan", "uraian": "Uraian Indikator", "sasaran": "Sasaran",
		"kelompok": "Kelompok", "sumber_data": "Sumber Data", "satuan": "Satuan", "polaritas": "Polaritas",
		"agregasi": "Agregasi", "pengukuran": "Pengukuran Kinerja", "nama": "Nama", "nip": "NIP",
		"jabatan": "Jabatan", "unit_kerja": "Unit Kerja", "status": "Status", "pangkat": "Pangkat",
		"gelar_depan": "Gelar Depan", "gelar_belakang": "Gelar Belakang",
	}
	if s, ok := labels[bidang]; ok {
		return s
	}
	return bidang
}
