package render

import (
	"fmt"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
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
	if _, err := f.Place(tb); err != nil {
		return nil, err
	}
	return tb.Rows, nil
}

// groupRow is a group row of the table: the kelompok it opens and its
// index among the table's rows, for its bookmark.
type groupRow struct {
	name string
	row  int
}

// capaianTable builds the table: No | Sasaran | Kode | Indikator | Satuan
// | Target, Realisasi and Capaian for the quarter and year to date |
// Kategori | Keterangan, with a group row where the kelompok changes and
// sasaran cells spanning their indicators.
func (a *annex) capaianTable() (*Table, error) {
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2}
	// The kode column fits the longest kode on one line, within reason.
	kodeW := 0.0
	for _, r := range a.rows {
		kodeW = max(kodeW, a.m.Width(fonts.Regular, sizeTable, r.Indikator.Kode))
	}
	kodeW = min(max(kodeW+2*t.PadX+0.5, 13), 30)
	t.Columns = []Column{
		{Width: 8}, {Weight: 1.6}, {Width: kodeW}, {Weight: 2}, {Width: 17},
		{Width: 15}, {Width: 15}, {Width: 15}, {Width: 15}, {Width: 16}, {Width: 16},
		{Width: 19}, {Weight: 2.4},
	}
	blocks := [12]string{"capaian_kolom_no", "capaian_kolom_sasaran", "capaian_kolom_kode", "capaian_kolom_indikator",
		"capaian_kolom_satuan", "capaian_kolom_target", "capaian_kolom_realisasi", "capaian_kolom_capaian",
		"capaian_kolom_kategori", "capaian_kolom_keterangan", "capaian_kolom_tw", "capaian_kolom_sd"}
	var heads [12]string
	for i, b := range blocks {
		s, err := a.words(b)
		if err != nil {
			return nil, err
		}
		heads[i] = s
	}
	head := func(col, colSpan, rowSpan, i int) Cell {
		return a.headCell(col, colSpan, rowSpan, heads[i], templateKey(blocks[i]))
	}
	top := Row{Cells: []Cell{
		head(0, 1, 2, 0), head(1, 1, 2, 1), head(2, 1, 2, 2), head(3, 1, 2, 3), head(4, 1, 2, 4),
		head(5, 2, 1, 5), head(7, 2, 1, 6), head(9, 2, 1, 7),
		head(11, 1, 2, 8), head(12, 1, 2, 9),
	}}
	sub := Row{}
	for c := 5; c < 11; c += 2 {
		sub.Cells = append(sub.Cells, head(c, 1, 1, 10), head(c+1, 1, 1, 11))
	}
	t.Header = []Row{top, sub}

	body := func(col int, s string, style fonts.Style, align Align) Cell {
		return Cell{Col: col, ColSpan: 1, RowSpan: 1, Content: a.plainCell(s, style, align), Fill: -1}
	}
	ncols := len(t.Columns)
	colors := KategoriColors(a.bands)
	// The value columns (5..10) widen to their widest value, within
	// reason: a value printed as written (0,0181234) never breaks.
	fit := func(col int, s string, style fonts.Style) {
		for _, line := range strings.Split(s, "\n") {
			w := a.m.Width(style, sizeTable, line) + 2*t.PadX + 0.5
			t.Columns[col].Width = max(t.Columns[col].Width, min(w, 35))
		}
	}
	for i := range a.rows {
		r := &a.rows[i]
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
			a.groups = append(a.groups, groupRow{name: r.Kelompok, row: len(t.Rows)})
			t.Rows = append(t.Rows, Row{Group: true, Cells: []Cell{{Col: 0, ColSpan: ncols, RowSpan: 1,
				Content: a.plainCell(r.Kelompok, fonts.Bold, AlignLeft), Fill: -1}}})
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
			row.Cells = append(row.Cells, no, sas)
		}
		ind := r.Indikator
		row.Cells = append(row.Cells,
			body(2, ind.Kode, fonts.Regular, AlignCenter),
			body(3, ind.Uraian, fonts.Regular, AlignLeft),
			body(4, ind.Satuan, fonts.Regular, AlignCenter))

		bt := model.BesaranNilai(r.Target)
		br := model.BesaranNilai(r.Realisasi)
		vals := []model.Besaran{bt, r.TargetSD, br, r.RealisasiSD}
		for k, b := range vals {
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
			fit(5+k, s, fonts.Regular)
			row.Cells = append(row.Cells, body(5+k, s, fonts.Regular, AlignCenter))
		}
		for k, c := range []model.Capaian{r.Capaian, r.CapaianSD} {
			s, ok, err := a.percent(c)
			if err != nil {
				return nil, err
			}
			style := fonts.Regular
			if !ok {
				style = fonts.Italic
			} else if k == 1 {
				style = fonts.Bold
			}
			if ok {
				fit(9+k, s, style)
			}
			row.Cells = append(row.Cells, body(9+k, s, style, AlignCenter))
		}
		kat := r.CapaianSD.Kategori
		if kat == "" {
			var err error
			if kat, err = a.words("capaian_kosong"); err != nil {
				return nil, err
			}
		}
		katCell := body(11, kat, fonts.Regular, AlignCenter)
		if c, ok := colors[r.CapaianSD.Kategori]; ok {
			// A light tint of the chart's colour: the category reads at a
			// glance and the text stays legible in print.
			tint := RGB{R: lighten(c.R), G: lighten(c.G), B: lighten(c.B)}
			katCell.Fill, katCell.Color = 1, &tint
		}
		row.Cells = append(row.Cells, katCell)
		note, err := a.notes(r)
		if err != nil {
			return nil, err
		}
		row.Cells = append(row.Cells, Cell{Col: 12, ColSpan: 1, RowSpan: 1, Content: note, Fill: -1})
		t.Rows = append(t.Rows, row)
	}
	return t, nil
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
func (a *annex) notes(r *model.BarisCapaian) (Content, error) {
	const gap = 0.8
	var ps []Para
	for _, n := range []struct{ block, text string }{{"capaian_kendala", r.Kendala}, {"capaian_upaya", r.Upaya}} {
		if strings.TrimSpace(n.text) == "" {
			continue
		}
		label, err := a.words(n.block)
		if err != nil {
			return nil, err
		}
		more := withLabel(strings.TrimSpace(label), n.text, gap)
		if len(ps) > 0 && len(more) > 0 {
			more[0].SpaceBefore = gap
		}
		ps = append(ps, more...)
	}
	rumus, err := a.formula(r)
	if err != nil {
		return nil, err
	}
	if v := versionNote(r); v != "" {
		note, err := a.wordsOf("capaian_versi", v)
		if err != nil {
			return nil, err
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
	return func(width float64) []TextLine {
		lines := a.m.Block(ps, width, sizeTable, tableLead)
		return append(append([]TextLine(nil), lines...), a.m.Block(small, width, chartSmallPt, tableLead)...)
	}, nil
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
	for _, c := range []model.Capaian{r.CapaianSD, r.Capaian} {
		if c.Ada() {
			rumus = add(rumus, c.Rumus)
			catatan = add(catatan, c.Catatan)
		} else if c.Sebab == model.DiLuarSkala || c.Sebab == model.TidakSebanding {
			catatan = add(catatan, c.Catatan)
		}
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
