package render

import (
	"fmt"
	"math/big"

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
	t, err := a.summaryTable()
	if err != nil {
		return err
	}
	tw := min(w, 200.0)
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

// summaryTable: Kelompok | Jumlah | Ada Capaian | one column per category
// | Belum Ada Capaian | average capaian of the quarter and year to date.
func (a *annex) summaryTable() (*Table, error) {
	all, err := a.words("capaian_ringkasan_semua")
	if err != nil {
		return nil, err
	}
	ungrouped, err := a.words("capaian_ringkasan_tanpa_kelompok")
	if err != nil {
		return nil, err
	}
	nb := len(a.bands)
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2}
	t.Columns = append(t.Columns, Column{Weight: 1}, Column{Width: 18}, Column{Width: 18})
	for range a.bands {
		t.Columns = append(t.Columns, Column{Width: 20})
	}
	t.Columns = append(t.Columns, Column{Width: 18}, Column{Width: 22}, Column{Width: 22})
	word := map[string]string{}
	for _, b := range []string{"capaian_ringkasan_kelompok", "capaian_ringkasan_jumlah", "capaian_ringkasan_terukur",
		"capaian_kolom_kategori", "capaian_ringkasan_tanpa", "capaian_ringkasan_rata", "capaian_kolom_tw", "capaian_kolom_sd", "capaian_kosong"} {
		if word[b], err = a.words(b); err != nil {
			return nil, err
		}
	}
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
	mean := func(r *big.Rat) string {
		if r == nil {
			return word["capaian_kosong"]
		}
		return model.FormatRat(r, 2, a.doc.FormatAngka) + "%"
	}
	for _, s := range model.SummarizeCapaian(a.rows) {
		name, st, fill := s.Kelompok, fonts.Regular, -1.0
		switch {
		case s.Total:
			name, st, fill = all, fonts.Bold, 0.95
		case name == "":
			name = ungrouped
		}
		cell := func(col int, text string, align Align) Cell {
			return Cell{Col: col, ColSpan: 1, RowSpan: 1, Content: a.plainCell(text, st, align), Fill: fill}
		}
		row := Row{Cells: []Cell{cell(0, name, AlignLeft), cell(1, fmt.Sprint(s.Count), AlignCenter), cell(2, fmt.Sprint(s.Measured), AlignCenter)}}
		for i, b := range a.bands {
			row.Cells = append(row.Cells, cell(3+i, fmt.Sprint(s.ByKategori[b.Nama]), AlignCenter))
		}
		row.Cells = append(row.Cells, cell(3+nb, fmt.Sprint(s.Unmeasured), AlignCenter),
			cell(4+nb, mean(s.MeanTW), AlignCenter), cell(5+nb, mean(s.MeanSD), AlignCenter))
		t.Rows = append(t.Rows, row)
	}
	return t, nil
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
	}{capaianData: a.cd, Pita: pita}
	if b := a.doc.Capaian.Batas; b != nil {
		d.Batas = model.FormatRatPendek(b.Rat(), a.doc.FormatAngka) + "%"
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
