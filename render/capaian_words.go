package render

import (
	"math/big"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
)

// CapaianWords is a capaian annex's content as the PDF prints it, before
// any page is laid out (as Words is a PK's): the title and identity, the
// capaian table with its group rows, the summary, the chart's data and the
// closing signatures, every word from the same templates and every figure
// from the same computation as LayoutCapaian's.
type CapaianWords struct {
	Meta    Meta
	Paper   [2]float64 // mm, portrait; the annex is landscape
	Margins Margins

	Title    []Para
	Identity [][2]string
	Table    WordsTable // number cells marked
	// Note is the line under the table naming the PK versions, or nil.
	Note []Para

	SummaryTitle []Para
	Summary      WordsTable
	SummaryWidth float64 // mm, the table's width (centred)
	SummaryNote  []Para

	Chart *ChartWords // nil without indicators

	Closing *Signatures // nil without --ttd
	Folio   []FolioPart
}

// ChartWords is the bar chart of the year-to-date capaian: its title,
// legend, scale and one item per group label or indicator.
type ChartWords struct {
	Title []Para
	// Continued marks the title where the chart goes on over a page.
	Continued string
	Legend    []LegendEntry
	// Lo..Hi percent with a tick every Step; TickLabels in that order.
	Lo, Hi, Step float64
	TickLabels   []string
	Axis         string
	Items        []ChartItem
}

// LegendEntry is a category's swatch and words, or (Color nil) the 100%
// line's.
type LegendEntry struct {
	Text  string
	Color *RGB
}

// ChartItem is a group label (Group set) or an indicator: its kode and
// name, its capaian (Value, Has) printed as Text (or why there is none),
// and the colour of its category.
type ChartItem struct {
	Group        string
	Kode, Uraian string
	Value        float64
	Has          bool
	Text         string
	Color        RGB
}

// GatherCapaian gathers the capaian annex's words for lap, as
// LayoutCapaian prints them.
func GatherCapaian(lap *model.Laporan, opt CapaianOptions) (*CapaianWords, error) {
	opt.TTE, opt.Draf = false, false
	a, err := newAnnex(lap, opt)
	if err != nil {
		return nil, err
	}
	doc := lap.Dokumen
	size := papers[doc.Kertas]
	if size == [2]float64{} {
		size = papers[model.A4]
	}
	width := size[1] - lampiranMargins.Left - lampiranMargins.Right
	w := &CapaianWords{Paper: size, Margins: lampiranMargins}
	title, err := a.words("capaian_judul_pdf")
	if err != nil {
		return nil, err
	}
	subject, err := a.words("capaian_judul")
	if err != nil {
		return nil, err
	}
	subject = strings.Join(strings.Fields(strings.ReplaceAll(subject, "**", "")), " ")
	if w.Meta, err = a.metaInfo(opt.Created, title, subject); err != nil {
		return nil, err
	}
	if w.Title, err = a.rich("capaian_judul", a.cd, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	labels, values, _, err := a.identityRows(a.cd.data)
	if err != nil {
		return nil, err
	}
	for i := range labels {
		w.Identity = append(w.Identity, [2]string{labels[i], values[i]})
	}

	t, err := a.capaianTable()
	if err != nil {
		return nil, err
	}
	if w.Table, err = wordsOfTable("", t, width, false); err != nil {
		return nil, err
	}
	c := a.cols
	numbers := map[int]bool{c.kondisiAwal: true, c.tahunLalu: true, c.target: true, c.target + 1: true,
		c.targetTahunan: true, c.targetAkhir: true, c.realisasi: true, c.realisasi + 1: true,
		c.capaian: true, c.capaian + 1: true, c.capaianTahunan: true, c.capaianAkhir: true}
	delete(numbers, -1)
	for i := range w.Table.Rows {
		for j := range w.Table.Rows[i].Cells {
			cell := &w.Table.Rows[i].Cells[j]
			cell.Number = !w.Table.Rows[i].Group && numbers[cell.Col]
		}
	}
	note, err := a.versionsNoteText()
	if err != nil {
		return nil, err
	}
	w.Note = PlainParas(note, fonts.Italic, AlignLeft)

	if w.SummaryTitle, err = a.rich("capaian_ringkasan_judul", a.cd, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	st, tw, err := a.summaryTable(width)
	if err != nil {
		return nil, err
	}
	if w.Summary, err = wordsOfTable("", st, tw, true); err != nil {
		return nil, err
	}
	// Every cell of the summary but its names holds a figure.
	first := 1
	if len(st.Header) == 1 { // transposed: the labels take two columns
		first = 2
	}
	for i := range w.Summary.Rows {
		for j := range w.Summary.Rows[i].Cells {
			cell := &w.Summary.Rows[i].Cells[j]
			cell.Number = cell.Col >= first
		}
	}
	w.SummaryWidth = tw
	sn, err := a.summaryNote()
	if err != nil {
		return nil, err
	}
	w.SummaryNote = PlainParas(sn, fonts.Regular, AlignJustify)

	if w.Chart, err = a.chartWords(); err != nil {
		return nil, err
	}
	if opt.TandaTangan {
		if !doc.HasParties() {
			return nil, layoutErrorf("pihak_pertama", "%s: tanda tangan penutup lampiran capaian (--ttd) memerlukan para pihak; PK ini lampiran saja tanpa [pihak_pertama]")
		}
		sig, err := a.signatureWords()
		if err != nil {
			return nil, err
		}
		w.Closing = &sig
	}
	w.Folio, err = a.folioWords()
	return w, err
}

// signatureWords are the words of signatures: PIHAK PERTAMA alone (on the
// right), the report's date line in place of the PK's, and the PK's
// "Mengetahui" signatory under it.
func (a *annex) signatureWords() (Signatures, error) {
	col := func(s signer, dated bool) (SignerWords, error) {
		pre, name, err := a.signerParas(a.cd.data, s, false)
		if err != nil {
			return SignerWords{}, err
		}
		var out SignerWords
		for i, p := range pre {
			if i == 0 && dated && a.doc.Tandatangan.BarisTanggal {
				date, err := a.words("capaian_tempat_tanggal")
				if err != nil {
					return SignerWords{}, err
				}
				out.Pre = append(out.Pre, PlainParas(date, fonts.Regular, AlignCenter)...)
				continue
			}
			out.Pre = append(out.Pre, p.ps...)
		}
		for _, p := range name {
			out.Name = append(out.Name, p.ps...)
		}
		return out, nil
	}
	first, err := col(signer{who: &a.doc.PihakPertama, key: "pihak_pertama", role: "peran_pertama"}, true)
	if err != nil {
		return Signatures{}, err
	}
	out := Signatures{Columns: []SignerWords{first}}
	if m := a.doc.Tandatangan.Mengetahui; m != nil {
		role, lit := "peran_mengetahui", false
		if r := a.doc.Tandatangan.PeranKetiga; r != "" {
			role, lit = r, true
		}
		third, err := col(signer{who: m, key: "tanda_tangan.mengetahui", role: role, lit: lit}, false)
		if err != nil {
			return Signatures{}, err
		}
		out.Third = &third
	}
	return out, nil
}

// chartWords is the chart's data, as newChart lays it out; nil without
// rows.
func (a *annex) chartWords() (*ChartWords, error) {
	c := &ChartWords{}
	colors := KategoriColors(a.bands)
	minV, maxV := 0.0, 100.0
	for i := range a.rows {
		r := &a.rows[i]
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
			c.Items = append(c.Items, ChartItem{Group: r.Kelompok})
		}
		s, ok, err := a.percent(r.CapaianSD)
		if err != nil {
			return nil, err
		}
		it := ChartItem{Kode: r.Indikator.Kode, Uraian: r.Indikator.Uraian, Has: ok, Text: s, Color: colors[r.CapaianSD.Kategori]}
		if ok {
			it.Value, _ = r.CapaianSD.Nilai.Float64()
			minV, maxV = min(minV, it.Value), max(maxV, it.Value)
		}
		c.Items = append(c.Items, it)
	}
	if len(c.Items) == 0 {
		return nil, nil
	}
	c.Lo, c.Hi, c.Step = niceScale(minV, maxV)
	for v := c.Lo; v <= c.Hi+c.Step/2; v += c.Step {
		c.TickLabels = append(c.TickLabels, model.FormatRat(new(big.Rat).SetFloat64(v), 0, a.doc.FormatAngka)+"%")
	}
	var err error
	if c.Title, err = a.rich("capaian_grafik_judul", a.cd, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	pita, err := a.bandLabels()
	if err != nil {
		return nil, err
	}
	for i, s := range pita {
		col := colors[a.bands[i].Nama]
		c.Legend = append(c.Legend, LegendEntry{Text: s, Color: &col})
	}
	garis, err := a.words("capaian_grafik_garis")
	if err != nil {
		return nil, err
	}
	c.Legend = append(c.Legend, LegendEntry{Text: garis})
	if c.Continued, err = a.words("capaian_grafik_lanjutan"); err != nil {
		return nil, err
	}
	c.Axis, err = a.words("capaian_grafik_sumbu")
	return c, err
}
