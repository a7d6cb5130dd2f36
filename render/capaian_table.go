package render

import (
	"fmt"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// The annex's table: No | Sasaran | Kode | Indikator | Satuan | Target,
// Realisasi and Capaian of the quarter and the year to date | Kategori |
// Kendala, Upaya and Keterangan.

// table lays out the title, the identity lines and the capaian table from
// the first page on, and returns where each table row begins.
func (a *annex) table() ([]Mark, error) {
	f := a.flow
	r := f.Region()
	title, err := a.heading("capaian_judul", r.W, sizeHeading, "")
	if err != nil {
		return nil, err
	}
	head, err := a.head(a.cd.data, "capaian_judul", title, r.X, r.W)
	if err != nil {
		return nil, err
	}
	if _, err := f.Place(head); err != nil {
		return nil, err
	}
	f.Space(3)
	t, err := a.capaianTable()
	if err != nil {
		return nil, err
	}
	tb := &TableBlock{Table: t}
	note, err := a.versionsNote(r.W)
	if err != nil {
		return nil, err
	}
	var opts []Option
	if note != nil {
		opts = append(opts, KeepWithNext(Stack{Gap(1.5), *note}))
	}
	if _, err := f.Place(tb, opts...); err != nil {
		return nil, err
	}
	return tb.Rows, nil
}

// versionsNote is the line under the table that says, once, which version
// of the PK each quarter's targets come from, when an amendment applies
// from a later quarter; nil otherwise. Rows say it again only where the
// indicator's target differs between the versions (targetChanged).
func (a *annex) versionsNote(w float64) (*Box, error) {
	s, err := a.versionsNoteText()
	if s == "" || err != nil {
		return nil, err
	}
	lines := a.m.Block(PlainParas(s, fonts.Italic, AlignLeft), w, sizeTable, leading)
	b := linesBox(lines, 0, w, "block")
	b.What, b.From = pesan.Key("catatan versi target"), []source{linesSource(templateKey("capaian_versi_tabel"), lines)}
	return &b, nil
}

// versionsNoteText is the words of versionsNote; "" without a note.
func (a *annex) versionsNoteText() (string, error) {
	d := struct {
		Versi   string
		Berubah bool // some row repeats it
	}{}
	for i := range a.rows {
		r := &a.rows[i]
		if v := versionNote(r); v != "" && a.targetChanged(r) {
			d.Versi = v
			d.Berubah = d.Berubah || a.targetChanged(r)
		}
	}
	if d.Versi == "" {
		return "", nil
	}
	return a.wordsOf("capaian_versi_tabel", d)
}

// targetChanged reports whether a version of the PK in force in an earlier
// quarter of the report gives the row's indicator other targets than the
// version it is reported under, or does not have it.
func (a *annex) targetChanged(r *model.BarisCapaian) bool {
	ind := r.Indikator
	now := r.VersiTarget[r.Triwulan-1]
	for q := 1; q < r.Triwulan; q++ {
		if r.VersiTarget[q-1] == now {
			continue
		}
		_, old := a.doc.VersiBerlaku(q).FindIndikator(ind.Kode)
		if old == nil || !old.Target.Tahunan.Sama(ind.Target.Tahunan) {
			return true
		}
		for k := range old.Target.TW {
			if !old.Target.TW[k].Sama(ind.Target.TW[k]) {
				return true
			}
		}
	}
	return false
}

// groupRow is a group row of the table: the kelompok it opens and its
// index among the table's rows, for its bookmark.
type groupRow struct {
	name string
	row  int
}

// annexColumns places the table's columns: the fixed ones and those the
// PK's [capaian] kolom adds. Each index is -1 when its column is absent.
type annexColumns struct {
	kondisiAwal, tahunLalu       int
	target, realisasi, capaian   int // the first of the group: TW, then s.d.
	targetTahunan, targetAkhir   int
	capaianTahunan, capaianAkhir int
	kategori, keterangan         int
	columns                      []Column
}

// layoutColumns lays the columns out: No | Sasaran | Kode | Indikator |
// Satuan | [Kondisi Awal] | [Realisasi tahun lalu] | Target (TW, s.d.,
// [Tahunan], [Akhir]) | Realisasi (TW, s.d.) | Capaian (TW, s.d.,
// [thd. Tahunan], [thd. Akhir]) | Kategori | Keterangan. With optional
// columns the fixed ones narrow a little; values widen their column later.
func (a *annex) layoutColumns(kodeW float64) annexColumns {
	rules := &a.doc.Capaian
	satuan, value, percent, kategori := 17.0, 15.0, 16.0, 19.0
	if len(rules.Kolom) > 0 {
		satuan, value, percent, kategori = 14, 13, 14, 16
	}
	c := annexColumns{kondisiAwal: -1, tahunLalu: -1, targetTahunan: -1, targetAkhir: -1, capaianTahunan: -1, capaianAkhir: -1}
	add := func(col Column) int {
		c.columns = append(c.columns, col)
		return len(c.columns) - 1
	}
	opt := func(kolom string, col Column) int {
		if !rules.Has(kolom) {
			return -1
		}
		return add(col)
	}
	add(Column{Width: 8})
	add(Column{Weight: 1.6})
	add(Column{Width: kodeW})
	add(Column{Weight: 2})
	add(Column{Width: satuan})
	c.kondisiAwal = opt(model.KolomKondisiAwal, Column{Width: value})
	c.tahunLalu = opt(model.KolomTahunLalu, Column{Width: value})
	c.target = add(Column{Width: value})
	add(Column{Width: value})
	c.targetTahunan = opt(model.KolomTahunan, Column{Width: value})
	c.targetAkhir = opt(model.KolomTargetAkhir, Column{Width: value})
	c.realisasi = add(Column{Width: value})
	add(Column{Width: value})
	c.capaian = add(Column{Width: percent})
	add(Column{Width: percent})
	c.capaianTahunan = opt(model.KolomTahunan, Column{Width: percent})
	c.capaianAkhir = opt(model.KolomTargetAkhir, Column{Width: percent})
	c.kategori = add(Column{Width: kategori})
	c.keterangan = add(Column{Weight: 2.4})
	return c
}

// akhirData is what capaian_kolom_target_akhir sees: the planning
// document and year of the end-of-period targets, when every indicator
// that has one shares them; empty otherwise (each cell then says its own).
type akhirData struct {
	capaianData
	Dokumen    string
	TahunAkhir int
}

func (a *annex) akhirHeader() akhirData {
	d := akhirData{capaianData: a.cd}
	first := true
	for _, r := range a.rows {
		ta := r.Indikator.TargetAkhir
		if ta == nil {
			continue
		}
		if first {
			d.Dokumen, d.TahunAkhir, first = ta.Dokumen, ta.Tahun, false
		} else if ta.Dokumen != d.Dokumen || ta.Tahun != d.TahunAkhir {
			return akhirData{capaianData: a.cd}
		}
	}
	return d
}

// capaianTable builds the table (see layoutColumns), with a group row
// where the kelompok changes and sasaran cells spanning their indicators.
func (a *annex) capaianTable() (*Table, error) {
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2}
	// The kode column fits the longest kode on one line, within reason.
	kodeW := 0.0
	for _, r := range a.rows {
		kodeW = max(kodeW, a.m.Width(fonts.Regular, sizeTable, r.Indikator.Kode))
	}
	kodeW = min(max(kodeW+2*t.PadX+0.5, 13), 30)
	cols := a.layoutColumns(kodeW)
	t.Columns = cols.columns
	a.cols = cols
	akhir := a.akhirHeader()
	headWords := func(block string) (string, error) {
		if block == "capaian_kolom_target_akhir" {
			return a.wordsOf(block, akhir)
		}
		return a.words(block)
	}
	head := func(col, colSpan, rowSpan int, block string) (Cell, error) {
		s, err := headWords(block)
		if colSpan == 1 && t.Columns[col].Width > 0 {
			// A fixed column is at least as wide as its header's longest
			// word ("Realisasi"), which would otherwise break inside.
			for _, w := range strings.Fields(s) {
				need := a.m.Width(fonts.Bold, sizeTable, w) + 2*t.PadX + 0.5
				t.Columns[col].Width = max(t.Columns[col].Width, min(need, 35))
			}
		}
		return a.headCell(col, colSpan, rowSpan, s, templateKey(block)), err
	}
	type spec struct {
		col, span, rows int
		block           string
	}
	groupSpan := func(extra ...int) int {
		n := 2
		for _, e := range extra {
			if e >= 0 {
				n++
			}
		}
		return n
	}
	specs := []spec{
		{0, 1, 2, "capaian_kolom_no"}, {1, 1, 2, "capaian_kolom_sasaran"}, {2, 1, 2, "capaian_kolom_kode"},
		{3, 1, 2, "capaian_kolom_indikator"}, {4, 1, 2, "capaian_kolom_satuan"},
	}
	if cols.kondisiAwal >= 0 {
		specs = append(specs, spec{cols.kondisiAwal, 1, 2, "capaian_kolom_kondisi_awal"})
	}
	if cols.tahunLalu >= 0 {
		specs = append(specs, spec{cols.tahunLalu, 1, 2, "capaian_kolom_tahun_lalu"})
	}
	specs = append(specs,
		spec{cols.target, groupSpan(cols.targetTahunan, cols.targetAkhir), 1, "capaian_kolom_target"},
		spec{cols.realisasi, 2, 1, "capaian_kolom_realisasi"},
		spec{cols.capaian, groupSpan(cols.capaianTahunan, cols.capaianAkhir), 1, "capaian_kolom_capaian"},
		spec{cols.kategori, 1, 2, "capaian_kolom_kategori"}, spec{cols.keterangan, 1, 2, "capaian_kolom_keterangan"})
	subs := []spec{
		{cols.target, 1, 1, "capaian_kolom_tw"}, {cols.target + 1, 1, 1, "capaian_kolom_sd"},
		{cols.targetTahunan, 1, 1, "capaian_kolom_target_tahunan"}, {cols.targetAkhir, 1, 1, "capaian_kolom_target_akhir"},
		{cols.realisasi, 1, 1, "capaian_kolom_tw"}, {cols.realisasi + 1, 1, 1, "capaian_kolom_sd"},
		{cols.capaian, 1, 1, "capaian_kolom_tw"}, {cols.capaian + 1, 1, 1, "capaian_kolom_sd"},
		{cols.capaianTahunan, 1, 1, "capaian_kolom_capaian_tahunan"}, {cols.capaianAkhir, 1, 1, "capaian_kolom_capaian_akhir"},
	}
	top, sub := Row{}, Row{}
	for _, sp := range specs {
		c, err := head(sp.col, sp.span, sp.rows, sp.block)
		if err != nil {
			return nil, err
		}
		top.Cells = append(top.Cells, c)
	}
	for _, sp := range subs {
		if sp.col < 0 {
			continue
		}
		c, err := head(sp.col, sp.span, sp.rows, sp.block)
		if err != nil {
			return nil, err
		}
		sub.Cells = append(sub.Cells, c)
	}
	t.Header = []Row{top, sub}

	body := func(col int, s string, style fonts.Style, align Align) Cell {
		return a.plainTextCell(Cell{Col: col, ColSpan: 1, RowSpan: 1, Fill: -1}, s, style, align)
	}
	ncols := len(t.Columns)
	colors := KategoriColors(a.bands)
	// The value columns widen to their widest value, within reason: a
	// value printed as written (0,0181234) never breaks.
	fit := func(col int, s string, style fonts.Style) {
		for _, line := range strings.Split(s, "\n") {
			w := a.m.Width(style, sizeTable, line) + 2*t.PadX + 0.5
			t.Columns[col].Width = max(t.Columns[col].Width, min(w, 35))
		}
	}
	value := func(row *Row, col int, s string) {
		fit(col, s, fonts.Regular)
		row.Cells = append(row.Cells, body(col, s, fonts.Regular, AlignCenter))
	}
	percent := func(row *Row, col int, c model.Capaian, bold bool) error {
		s, ok, err := a.percent(c)
		if err != nil {
			return err
		}
		style := fonts.Regular
		if !ok {
			style = fonts.Italic
		} else if bold {
			style = fonts.Bold
		}
		if ok {
			fit(col, s, style)
		}
		row.Cells = append(row.Cells, body(col, s, style, AlignCenter))
		return nil
	}
	for i := range a.rows {
		r := &a.rows[i]
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
			a.groups = append(a.groups, groupRow{name: r.Kelompok, row: len(t.Rows)})
			t.Rows = append(t.Rows, Row{Group: true, Cells: []Cell{a.plainTextCell(Cell{Col: 0, ColSpan: ncols, RowSpan: 1, Fill: -1},
				r.Kelompok, fonts.Bold, AlignLeft)}})
		}
		row := Row{}
		if i == 0 || r.Sasaran != a.rows[i-1].Sasaran {
			span := 0
			for _, n := range a.rows[i:] {
				if n.Sasaran != r.Sasaran {
					break
				}
				span++
			}
			no := body(0, fmt.Sprint(r.Sasaran.Nomor), fonts.Regular, AlignCenter)
			sas := body(1, r.Sasaran.Uraian, fonts.Regular, AlignLeft)
			no.RowSpan, sas.RowSpan = span, span
			// Where its rows go on on a new page, the sasaran says so.
			no.Continued = no.Content
			var err error
			if sas.Continued, err = a.continued(r.Sasaran.Uraian, AlignLeft, true); err != nil {
				return nil, err
			}
			row.Cells = append(row.Cells, no, sas)
		}
		ind := r.Indikator
		row.Cells = append(row.Cells,
			body(2, ind.Kode, fonts.Regular, AlignCenter),
			body(3, ind.Uraian, fonts.Regular, AlignLeft),
			body(4, ind.Satuan, fonts.Regular, AlignCenter))
		if cols.kondisiAwal >= 0 {
			s, err := a.dated(ind.KondisiAwal, "")
			if err != nil {
				return nil, err
			}
			value(&row, cols.kondisiAwal, s)
		}
		if cols.tahunLalu >= 0 {
			s, err := a.quantity(model.BesaranNilai(r.TahunLalu))
			if err != nil {
				return nil, err
			}
			value(&row, cols.tahunLalu, s)
		}

		bt := model.BesaranNilai(r.Target)
		br := model.BesaranNilai(r.Realisasi)
		for k, b := range []model.Besaran{bt, r.TargetSD} {
			s, err := a.quantity(b)
			if err != nil {
				return nil, err
			}
			if k == 1 && len(b.Triwulan) == 1 && b.Triwulan[0] != r.Triwulan && b.Jenis != model.NA {
				// A year-to-date value taken from an earlier quarter says so.
				from, err := a.wordsOf("capaian_dari_triwulan", struct{ Triwulan string }{roman[b.Triwulan[0]]})
				if err != nil {
					return nil, err
				}
				s += "\n" + from
			}
			value(&row, cols.target+k, s)
		}
		if cols.targetTahunan >= 0 {
			s, err := a.quantity(model.BesaranNilai(r.TargetTahunan))
			if err != nil {
				return nil, err
			}
			value(&row, cols.targetTahunan, s)
		}
		if cols.targetAkhir >= 0 {
			shared := ""
			if akhir.TahunAkhir != 0 || akhir.Dokumen != "" {
				shared = "header"
			}
			s, err := a.dated(ind.TargetAkhir, shared)
			if err != nil {
				return nil, err
			}
			value(&row, cols.targetAkhir, s)
		}
		for k, b := range []model.Besaran{br, r.RealisasiSD} {
			s, err := a.quantity(b)
			if err != nil {
				return nil, err
			}
			value(&row, cols.realisasi+k, s)
		}
		for k, c := range []model.Capaian{r.Capaian, r.CapaianSD} {
			if err := percent(&row, cols.capaian+k, c, k == 1); err != nil {
				return nil, err
			}
		}
		if cols.capaianTahunan >= 0 {
			if err := percent(&row, cols.capaianTahunan, r.CapaianTahunan, false); err != nil {
				return nil, err
			}
		}
		if cols.capaianAkhir >= 0 {
			if err := percent(&row, cols.capaianAkhir, r.CapaianAkhir, false); err != nil {
				return nil, err
			}
		}
		kat := r.CapaianSD.Kategori
		if kat == "" {
			var err error
			if kat, err = a.words("capaian_kosong"); err != nil {
				return nil, err
			}
		}
		katCell := body(cols.kategori, kat, fonts.Regular, AlignCenter)
		if c, ok := colors[r.CapaianSD.Kategori]; ok {
			// A light tint of the chart's colour: the category reads at a
			// glance and the text stays legible in print.
			tint := Tint(c)
			katCell.Fill, katCell.Color = 1, &tint
		}
		row.Cells = append(row.Cells, katCell)
		note, err := a.notes(r)
		if err != nil {
			return nil, err
		}
		row.Cells = append(row.Cells, note.cell(cols.keterangan))
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// dated prints a kondisi_awal or target_akhir: the value, then its year
// (and planning document) on a line of its own unless the column's header
// already says them (shared not empty); "–" when the indicator has none.
func (a *annex) dated(v *model.NilaiTahun, shared string) (string, error) {
	if v == nil {
		return a.words("capaian_kosong")
	}
	s, err := a.quantity(model.BesaranNilai(v.Nilai))
	if err != nil || shared != "" || v.Tahun == 0 && v.Dokumen == "" {
		return s, err
	}
	when, err := a.wordsOf("capaian_tahun_nilai", v)
	return s + "\n" + when, err
}

// withLabel puts a bold label before Markdown notes: on the first paragraph
// when it is plain text, else as a paragraph of its own.
func withLabel(label, markdown string, gap float64) []Para {
	ps := RichParas(markdown, fonts.Regular, gap)
	if len(ps) == 0 {
		return nil
	}
	if ps[0].Marker == "" && ps[0].Indent == 0 {
		ps[0].Spans = append([]Span{{Text: label + " ", Style: fonts.Bold}}, ps[0].Spans...)
		return ps
	}
	ps[0].SpaceBefore = 0
	return append([]Para{{Spans: []Span{{Text: label, Style: fonts.Bold}}}}, ps...)
}

// notes is the notes cell: kendala and upaya (Markdown) and the
// formula line in small italics.
func (a *annex) notes(r *model.BarisCapaian) (notesCell, error) {
	const gap = 0.8
	var ps []Para
	for _, n := range []struct{ block, text string }{{"capaian_kendala", r.Kendala}, {"capaian_upaya", r.Upaya}} {
		if strings.TrimSpace(n.text) == "" {
			continue
		}
		label, err := a.words(n.block)
		if err != nil {
			return notesCell{}, err
		}
		more := withLabel(strings.TrimSpace(label), n.text, gap)
		if len(ps) > 0 && len(more) > 0 {
			more[0].SpaceBefore = gap
		}
		ps = append(ps, more...)
	}
	rumus, err := a.formula(r)
	if err != nil {
		return notesCell{}, err
	}
	if v := versionNote(r); v != "" && a.targetChanged(r) {
		note, err := a.wordsOf("capaian_versi", v)
		if err != nil {
			return notesCell{}, err
		}
		rumus = strings.TrimSpace(rumus + "\n" + note)
	}
	var small []Para
	if rumus != "" {
		small = PlainParas(rumus, fonts.Italic, AlignLeft)
		if len(ps) > 0 && len(small) > 0 {
			small[0].SpaceBefore = gap
		}
	}
	return notesCell{a: a, ps: ps, small: small}, nil
}

// notesCell is the notes cell's text: the notes at the table's size, the
// formula lines in small type.
type notesCell struct {
	a         *annex
	ps, small []Para
}

func (n notesCell) cell(col int) Cell {
	a, ps, small := n.a, n.ps, n.small
	return Cell{Col: col, ColSpan: 1, RowSpan: 1, Fill: -1, paras: ps, small: small, Content: func(width float64) []TextLine {
		lines := a.m.Block(ps, width, sizeTable, tableLead)
		return append(append([]TextLine(nil), lines...), a.m.Block(small, width, chartSmallPt, tableLead)...)
	}}
}

// versionNote says which version of the PK each quarter's target comes from
// ("TW I–II: PK; TW III: Perubahan ke-1") when they differ; "" otherwise.
func versionNote(r *model.BarisCapaian) string {
	var parts []string
	for q := 1; q <= r.Triwulan; {
		v := r.VersiTarget[q-1]
		end := q
		for end < r.Triwulan && r.VersiTarget[end] == v {
			end++
		}
		tw := []int{}
		for k := q; k <= end; k++ {
			tw = append(tw, k)
		}
		parts = append(parts, quarterRange(tw)+": "+v)
		q = end + 1
	}
	if len(parts) < 2 {
		return ""
	}
	return strings.Join(parts, "; ")
}

// formula is a row's formula line: the distinct formulas and special rules
// of its two capaian, and how the year-to-date figure aggregates quarters.
// Without any capaian it is the reason when that says more than the
// capaian cell (a category outside the scale, kinds that differ).
func (a *annex) formula(r *model.BarisCapaian) (string, error) {
	var rumus, catatan []string
	add := func(list []string, s string) []string {
		if s == "" {
			return list
		}
		for _, x := range list {
			if x == s {
				return list
			}
		}
		return append(list, s)
	}
	shown := []model.Capaian{r.CapaianSD, r.Capaian}
	rules := &a.doc.Capaian
	if rules.Has(model.KolomTahunan) {
		shown = append(shown, r.CapaianTahunan)
		if r.TargetTahunan.Jenis == model.NA {
			catatan = add(catatan, r.CapaianTahunan.Catatan) // why its column says N/A
		}
	}
	if rules.Has(model.KolomTargetAkhir) && r.Indikator.TargetAkhir != nil {
		shown = append(shown, r.CapaianAkhir)
	}
	for _, c := range shown {
		if c.Ada() {
			rumus = add(rumus, c.Rumus)
			catatan = add(catatan, c.Catatan)
		} else if c.Sebab == model.DiLuarSkala || c.Sebab == model.TidakSebanding {
			catatan = add(catatan, c.Catatan)
		}
	}
	// An indicator's own rules say so: they differ from the summary's note.
	if ind := r.Indikator; ind.RumusTurun != "" || ind.Batas != nil {
		d := struct{ RumusTurun, Batas string }{RumusTurun: string(ind.RumusTurun)}
		if ind.Batas != nil {
			d.Batas = model.FormatRatPendek(ind.Batas.Rat(), a.doc.FormatAngka) + "%"
		}
		own, err := a.wordsOf("capaian_aturan_indikator", d)
		if err != nil {
			return "", err
		}
		catatan = add(catatan, own)
	}
	if len(rumus) == 0 {
		return strings.Join(catatan, "; "), nil
	}
	d := struct {
		Rumus, Agregasi, Dari, Catatan string
	}{Rumus: strings.Join(rumus, "; "), Catatan: strings.Join(catatan, "; ")}
	if tw := r.TargetSD.Triwulan; len(tw) > 1 && r.CapaianSD.Ada() {
		d.Agregasi = string(r.Indikator.Agregasi)
		d.Dari = quarterRange(tw)
	}
	return a.wordsOf("capaian_rumus", d)
}

// quarterRange names quarters: "TW I–III" when consecutive, else "TW I, III".
func quarterRange(tw []int) string {
	consecutive := true
	for i := 1; i < len(tw); i++ {
		consecutive = consecutive && tw[i] == tw[i-1]+1
	}
	if consecutive && len(tw) > 1 {
		return "TW " + roman[tw[0]] + "–" + roman[tw[len(tw)-1]]
	}
	names := make([]string, len(tw))
	for i, q := range tw {
		names[i] = roman[q]
	}
	return "TW " + strings.Join(names, ", ")
}

// reasonKey names why there is no capaian, for the capaian_sebab block.
func reasonKey(s model.Sebab) string {
	switch s {
	case model.TargetNA:
		return "target-na"
	case model.TanpaTarget:
		return "tanpa-target"
	case model.BelumAdaRealisasi:
		return "belum-ada"
	case model.RealisasiNA:
		return "realisasi-na"
	case model.DiLuarSkala:
		return "di-luar-skala"
	case model.TidakSebanding:
		return "tidak-sebanding"
	case model.TargetBelumAda:
		return "target-belum-ada"
	}
	return s.String()
}

// percent prints a capaian the annex way: two decimals, rounded half away
// from zero, in the document's number format ("101,67%"), or why there is
// none.
func (a *annex) percent(c model.Capaian) (string, bool, error) {
	if c.Ada() {
		return c.Format(2, a.doc.FormatAngka), true, nil
	}
	s, err := a.wordsOf("capaian_sebab", reasonKey(c.Sebab))
	return s, false, err
}

// quantity prints a target or realisasi; a value not reported is the
// capaian_kosong word.
func (a *annex) quantity(b model.Besaran) (string, error) {
	if b.Jenis == model.Kosong {
		return a.words("capaian_kosong")
	}
	return b.Format(a.doc.FormatAngka), nil
}
