package render

import (
	"fmt"
	"math/big"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// The annex's summary: per group, how many indicators have a capaian, how
// many fall in each category, and the mean capaian; the figures are
// model.SummarizeCapaian's, printed here.

// summary lays out the summary heading, table and note below the capaian
// table. It is small, and stays whole: on a fresh page when it does not fit
// below the table. Only a summary taller than a page (a great many groups)
// breaks, starting on a fresh page, its note kept with its end.
func (a *annex) summary() error {
	f := a.flow
	w := f.Region().W
	lines, err := a.heading("capaian_ringkasan_judul", w, sizeIdent, "")
	if err != nil {
		return err
	}
	t, tw, err := a.summaryTable(w)
	if err != nil {
		return err
	}
	note, err := a.summaryNote()
	if err != nil {
		return err
	}
	noteLines := a.m.Block(PlainParas(note, fonts.Regular, AlignJustify), tw, sizeTable, leading)
	f.Space(6)
	heading := linesBox(lines, 0, w, "block")
	heading.What, heading.From = pesan.Key("judul ringkasan"), []source{linesSource(templateKey("capaian_ringkasan_judul"), lines)}
	noteBox := linesBox(noteLines, (w-tw)/2, tw, "block")
	noteBox.What, noteBox.From = pesan.Key("catatan ringkasan"), append(a.bandSources(tw, sizeTable), linesSource(templateKey("capaian_ringkasan_catatan"), noteLines))
	body := Stack{heading, Gap(2), &TableBlock{Table: t, Width: tw}}
	m, err := f.Place(body, KeepWhole(), TallOnNewPage(), KeepWithNext(Stack{Gap(2), noteBox}))
	if err != nil {
		return err
	}
	return a.mark("capaian_bookmark_ringkasan", m)
}

// The summary's widths, mm. The wide layout gives each band a column of
// its own, as LKIP tables do; the Kelompok column keeps at least
// groupMinW. Bands that cannot each have bandMinW (or their longest word)
// in a page-wide table turn the table on its side (summaryTransposed).
const (
	summaryW   = 200.0 // the wide table's width while everything fits in it
	groupMinW  = 32.0
	bandW      = 20.0
	bandMinW   = 12.0
	figureW    = 18.0 // Jumlah, Ada Capaian, Belum Ada Capaian
	meanW      = 22.0 // the means, when there is room
	summaryPad = 1.2
)

// summaryWords are the template words of the summary table.
type summaryWords map[string]string

func (a *annex) summaryWords() (summaryWords, error) {
	word := summaryWords{}
	for _, b := range []string{"capaian_ringkasan_kelompok", "capaian_ringkasan_jumlah", "capaian_ringkasan_terukur",
		"capaian_kolom_kategori", "capaian_ringkasan_tanpa", "capaian_ringkasan_rata", "capaian_kolom_tw", "capaian_kolom_sd",
		"capaian_kosong", "capaian_ringkasan_semua", "capaian_ringkasan_tanpa_kelompok"} {
		s, err := a.words(b)
		if err != nil {
			return nil, err
		}
		word[b] = s
	}
	return word, nil
}

// summaryLine is one line of the summary as printed: its name, style and
// figures (counts, per band, the means).
type summaryLine struct {
	name                        string
	style                       fonts.Style
	fill                        float64
	count, measured, unmeasured string
	bands                       []string
	meanTW, meanSD              string
}

func (a *annex) summaryLines(word summaryWords) []summaryLine {
	mean := func(r *big.Rat) string {
		if r == nil {
			return word["capaian_kosong"]
		}
		return model.FormatRat(r, 2, a.doc.FormatAngka) + "%"
	}
	var out []summaryLine
	for _, s := range model.SummarizeCapaian(a.rows) {
		l := summaryLine{name: s.Kelompok, style: fonts.Regular, fill: -1,
			count: fmt.Sprint(s.Count), measured: fmt.Sprint(s.Measured), unmeasured: fmt.Sprint(s.Unmeasured),
			meanTW: mean(s.MeanTW), meanSD: mean(s.MeanSD)}
		switch {
		case s.Total:
			l.name, l.style, l.fill = word["capaian_ringkasan_semua"], fonts.Bold, 0.95
		case l.name == "":
			l.name = word["capaian_ringkasan_tanpa_kelompok"]
		}
		for _, b := range a.bands {
			l.bands = append(l.bands, fmt.Sprint(s.ByKategori[b.Nama]))
		}
		out = append(out, l)
	}
	return out
}

// summaryTable lays the summary out for a region w wide and returns it with
// its width: wide (a column per band) when the bands fit, else transposed.
func (a *annex) summaryTable(w float64) (*Table, float64, error) {
	word, err := a.summaryWords()
	if err != nil {
		return nil, 0, err
	}
	lines := a.summaryLines(word)
	nb := float64(len(a.bands))
	// A band's column holds its name's longest word on one line: header
	// words wrap between words, never inside one.
	minW := bandMinW
	for _, b := range a.bands {
		for _, f := range strings.Fields(b.Nama) {
			minW = max(minW, a.m.Width(fonts.Bold, sizeTable, f)+2*summaryPad+0.5)
		}
	}
	bw, mw := max(bandW, minW), meanW
	tw := max(summaryW, groupMinW+3*figureW+2*mw+nb*bw)
	if tw > w {
		// Too wide for the page: the means' columns give up their slack
		// (they must hold the widest mean), then the bands share the rest.
		need := bandMinW
		for _, l := range lines {
			need = max(need, a.m.Width(fonts.Bold, sizeTable, l.meanTW)+2*summaryPad+0.5,
				a.m.Width(fonts.Bold, sizeTable, l.meanSD)+2*summaryPad+0.5)
		}
		mw = max(need, meanW-(tw-w)/2)
		tw, bw = w, (w-groupMinW-3*figureW-2*mw)/nb
	}
	if bw >= minW {
		return a.summaryWide(word, lines, bw, mw), tw, nil
	}
	if t, tw, ok := a.summaryTransposed(word, lines, w); ok {
		return t, tw, nil
	}
	return nil, 0, layoutErrorf(a.bandKey(0), "%s: ringkasan capaian tidak muat selebar halaman (%.0f mm): %d kategori terlalu banyak untuk satu kolom per kategori dan %d kelompok terlalu banyak untuk satu kolom per kelompok; kurangi kategori atau kelompok, atau pakai kertas F4",
		w, len(a.bands), len(lines)-1)
}

// summaryWide: Kelompok | Jumlah | Ada Capaian | one column per category
// | Belum Ada Capaian | average capaian of the quarter and year to date.
func (a *annex) summaryWide(word summaryWords, lines []summaryLine, bw, mw float64) *Table {
	nb := len(a.bands)
	t := &Table{PadX: summaryPad, PadY: 1.0, Border: 0.2, MinLines: 2}
	t.Columns = append(t.Columns, Column{Weight: 1}, Column{Width: figureW}, Column{Width: figureW})
	for range a.bands {
		t.Columns = append(t.Columns, Column{Width: bw})
	}
	t.Columns = append(t.Columns, Column{Width: figureW}, Column{Width: mw}, Column{Width: mw})
	head := func(col, colSpan, rowSpan int, block string) Cell {
		return a.headCell(col, colSpan, rowSpan, word[block], templateKey(block))
	}
	top := Row{Cells: []Cell{
		head(0, 1, 2, "capaian_ringkasan_kelompok"),
		head(1, 1, 2, "capaian_ringkasan_jumlah"),
		head(2, 1, 2, "capaian_ringkasan_terukur"),
		head(3, nb, 1, "capaian_kolom_kategori"),
		head(3+nb, 1, 2, "capaian_ringkasan_tanpa"),
		head(4+nb, 2, 1, "capaian_ringkasan_rata"),
	}}
	sub := Row{}
	for i, b := range a.bands {
		sub.Cells = append(sub.Cells, a.headCell(3+i, 1, 1, b.Nama, a.bandKey(i)))
	}
	sub.Cells = append(sub.Cells, head(4+nb, 1, 1, "capaian_kolom_tw"), head(5+nb, 1, 1, "capaian_kolom_sd"))
	t.Header = []Row{top, sub}
	for _, l := range lines {
		cell := func(col int, text string, align Align) Cell {
			return a.plainTextCell(Cell{Col: col, ColSpan: 1, RowSpan: 1, Fill: l.fill}, text, l.style, align)
		}
		row := Row{Cells: []Cell{cell(0, l.name, AlignLeft), cell(1, l.count, AlignCenter), cell(2, l.measured, AlignCenter)}}
		for i, n := range l.bands {
			row.Cells = append(row.Cells, cell(3+i, n, AlignCenter))
		}
		row.Cells = append(row.Cells, cell(3+nb, l.unmeasured, AlignCenter),
			cell(4+nb, l.meanTW, AlignCenter), cell(5+nb, l.meanSD, AlignCenter))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// summaryTransposed is the summary on its side, for more bands than columns
// fit: a row per figure (the bands under one Kategori cell) and a column per
// group, the whole report's last.
//
//	Kelompok Sasaran        | Group 1 | … | Seluruh Indikator
//	Jumlah Indikator        |         |   |
//	Ada Capaian             |         |   |
//	Kategori | Sangat Baik  |         |   |
//	         | …            |         |   |
//	Belum Ada Capaian       |         |   |
//	Rata-rata | TW III      |         |   |
//	Capaian   | s.d. TW III |         |   |
//
// ok is false when the groups' columns do not fit (each must hold its
// widest figure).
func (a *annex) summaryTransposed(word summaryWords, lines []summaryLine, w float64) (t *Table, tw float64, ok bool) {
	const labelW, nameW, groupW = 24.0, 45.0, 26.0
	nb, ng := len(a.bands), len(lines)
	tw = min(w, labelW+nameW+float64(ng)*groupW)
	gw := min(groupW, (tw-labelW-groupMinW)/float64(ng))
	need := bandMinW
	for _, l := range lines {
		for _, s := range append([]string{l.count, l.meanTW, l.meanSD}, l.bands...) {
			need = max(need, a.m.Width(fonts.Bold, sizeTable, s)+2*summaryPad+0.5)
		}
	}
	if gw < need {
		return nil, 0, false
	}
	t = &Table{PadX: summaryPad, PadY: 1.0, Border: 0.2, MinLines: 2}
	t.Columns = []Column{{Width: labelW}, {Weight: 1}}
	for range lines {
		t.Columns = append(t.Columns, Column{Width: gw})
	}
	// Row labels are bold on grey like the header, left-aligned.
	label := func(col, colSpan, rowSpan int, text, key string) Cell {
		c := a.headCell(col, colSpan, rowSpan, text, key)
		return a.plainTextCell(c, text, fonts.Bold, AlignLeft)
	}
	labelOf := func(col, colSpan, rowSpan int, block string) Cell {
		return label(col, colSpan, rowSpan, word[block], templateKey(block))
	}
	head := Row{Cells: []Cell{labelOf(0, 2, 1, "capaian_ringkasan_kelompok")}}
	for i, l := range lines {
		head.Cells = append(head.Cells, a.headCell(2+i, 1, 1, l.name, ""))
	}
	t.Header = []Row{head}
	figures := func(row Row, of func(summaryLine) string) Row {
		for i, l := range lines {
			row.Cells = append(row.Cells, a.plainTextCell(Cell{Col: 2 + i, ColSpan: 1, RowSpan: 1, Fill: l.fill}, of(l), l.style, AlignCenter))
		}
		return row
	}
	t.Rows = append(t.Rows,
		figures(Row{Cells: []Cell{labelOf(0, 2, 1, "capaian_ringkasan_jumlah")}}, func(l summaryLine) string { return l.count }),
		figures(Row{Cells: []Cell{labelOf(0, 2, 1, "capaian_ringkasan_terukur")}}, func(l summaryLine) string { return l.measured }))
	for i, b := range a.bands {
		row := Row{}
		if i == 0 {
			row.Cells = append(row.Cells, labelOf(0, 1, nb, "capaian_kolom_kategori"))
		}
		row.Cells = append(row.Cells, label(1, 1, 1, b.Nama, a.bandKey(i)))
		t.Rows = append(t.Rows, figures(row, func(l summaryLine) string { return l.bands[i] }))
	}
	t.Rows = append(t.Rows,
		figures(Row{Cells: []Cell{labelOf(0, 2, 1, "capaian_ringkasan_tanpa")}}, func(l summaryLine) string { return l.unmeasured }),
		figures(Row{Cells: []Cell{labelOf(0, 1, 2, "capaian_ringkasan_rata"), labelOf(1, 1, 1, "capaian_kolom_tw")}},
			func(l summaryLine) string { return l.meanTW }),
		figures(Row{Cells: []Cell{labelOf(1, 1, 1, "capaian_kolom_sd")}}, func(l summaryLine) string { return l.meanSD }))
	return t, tw, true
}

// bandLabels describes the category bands, best first: "Tercapai (≥ 100%)".
func (a *annex) bandLabels() ([]string, error) {
	var out []string
	for i, b := range a.bands {
		d := struct{ Nama, Min, Atas string }{Nama: b.Nama}
		if b.Min != nil {
			d.Min = model.FormatRatPendek(b.Min.Rat(), a.doc.FormatAngka) + "%"
		}
		// The next band up (bands are sorted highest min first).
		for j := i - 1; j >= 0; j-- {
			if m := a.bands[j].Min; m != nil {
				d.Atas = model.FormatRatPendek(m.Rat(), a.doc.FormatAngka) + "%"
				break
			}
		}
		s, err := a.wordsOf("capaian_pita", d)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (a *annex) summaryNote() (string, error) {
	pita, err := a.bandLabels()
	if err != nil {
		return "", err
	}
	d := struct {
		capaianData
		Pita  []string
		Batas string
		// AturanSendiri: some indicator has its own rumus_turun or batas.
		AturanSendiri bool
	}{capaianData: a.cd, Pita: pita}
	if b := a.doc.Capaian.Batas; b != nil {
		d.Batas = model.FormatRatPendek(b.Rat(), a.doc.FormatAngka) + "%"
	}
	for _, r := range a.rows {
		d.AturanSendiri = d.AturanSendiri || r.Indikator.RumusTurun != "" || r.Indikator.Batas != nil
	}
	return a.wordsOf("capaian_ringkasan_catatan", d)
}

// bandSources are the category names measured w wide, for errors.
func (a *annex) bandSources(w, size float64) []source {
	var out []source
	for i, b := range a.bands {
		out = append(out, a.measure(a.bandKey(i), b.Nama, fonts.Regular, w, size))
	}
	return out
}

// bandKey names band i's name as a key path: the document's own
// [[capaian.kategori]], or the built-in bands when it declares none.
func (a *annex) bandKey(i int) string {
	if len(a.doc.Capaian.Kategori) == 0 {
		return "capaian.kategori"
	}
	return fmt.Sprintf("capaian.kategori[%d].nama", i+1)
}
