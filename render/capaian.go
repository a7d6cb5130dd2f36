package render

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/templates"
)

// CapaianOptions are the inputs of LayoutCapaian besides the report.
type CapaianOptions struct {
	// Templates and Created as for Layout (Logo is not used). A zero
	// Created means the last day of the report's quarter, so the same
	// report always gives the same PDF.
	Options
	// TandaTangan closes the annex with the PK's signatories: PIHAK
	// PERTAMA (the official who reports) and the "Mengetahui" signatory
	// when the PK declares one. Off, the annex is unsigned, as an annex
	// bound into a signed LKIP is.
	TandaTangan bool
}

// romawiTW are the quarters' Roman numerals.
var romawiTW = [4]string{"I", "II", "III", "IV"}

// capaianData is what the capaian blocks of the templates see: the PK's
// variables and the report's quarter.
type capaianData struct {
	data
	Triwulan      string // "III"
	NomorTriwulan int    // 3
	SampaiDengan  bool   // the report covers more than one quarter
}

// annex lays out a capaian report. It shares the PK layouter's measurer,
// formatter and wording.
type annex struct {
	*layouter
	lap   *model.Laporan
	rows  []model.BarisCapaian
	cd    capaianData
	bands []model.PitaKategori
	// tableFirst..tableLast are the pages of the capaian table, for the
	// groups' bookmarks.
	tableLast int
}

// Chart geometry, mm and pt.
const (
	chartRowH    = 5.0 // one indicator per row
	chartBarH    = 3.2
	chartLabelPt = 8
	chartSmallPt = 7
	chartGap     = 3.0
)

// Category colours, best to worst: green, light green, amber, orange, red.
var (
	warnaHijau = RGB{R: 46, G: 139, B: 87}
	warnaMerah = RGB{R: 204, G: 51, B: 51}
	palet      = [5]RGB{warnaHijau, {R: 124, G: 179, B: 66}, {R: 240, G: 165, B: 0}, {R: 230, G: 110, B: 30}, warnaMerah}
	paletPilih = [][]int{1: {0}, 2: {0, 4}, 3: {0, 2, 4}, 4: {0, 1, 2, 4}, 5: {0, 1, 2, 3, 4}}
)

// lighten mixes a colour channel with 75% white.
func lighten(v uint8) uint8 { return uint8(255 - (255-int(v))/4) }

// WarnaKategori returns the colour of each band of a category table
// (highest min first): green for the best band and red for the lowest,
// amber in the middle of three, light green and orange added for four and
// five bands, and shades between them for more.
func WarnaKategori(bands []model.PitaKategori) map[string]RGB {
	out := map[string]RGB{}
	n := len(bands)
	for i, b := range bands {
		if n < len(paletPilih) {
			out[b.Nama] = palet[paletPilih[n][i]]
			continue
		}
		pos := float64(i) / float64(n-1) * float64(len(palet)-1)
		k := min(int(pos), len(palet)-2)
		u := pos - float64(k)
		from, to := palet[k], palet[k+1]
		mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*u)) }
		out[b.Nama] = RGB{R: mix(from.R, to.R), G: mix(from.G, to.G), B: mix(from.B, to.B)}
	}
	return out
}

// LayoutCapaian lays out the capaian annex of a realisasi report on the
// PK's paper, landscape: title and the identity of PIHAK PERTAMA; the
// table of target, realisasi and capaian per indicator (the quarter and
// year to date), grouped by kelompok, with kendala and upaya; a summary per
// group; a bar chart of the year-to-date capaian coloured by category; and,
// when asked, the signatures. Capaian comes from model.Hitung.
func LayoutCapaian(lap *model.Laporan, opt CapaianOptions) (*Document, error) {
	if lap == nil || lap.Dokumen == nil {
		return nil, errors.New("capaian: laporan realisasi atau PK-nya tidak ada")
	}
	doc := lap.Dokumen
	rows, err := model.Hitung(doc, lap)
	if err != nil {
		return nil, err
	}
	tpl := opt.Templates
	if tpl == nil {
		if tpl, err = templates.Default(); err != nil {
			return nil, err
		}
	}
	size, ok := papers[doc.Kertas]
	if !ok {
		size = papers[model.A4]
	}
	l := &layouter{doc: doc, tpl: tpl, opt: opt.Options, f: newFormatter(doc.FormatAngka), out: &Document{}, size: size}
	d, err := l.data()
	if err != nil {
		return nil, err
	}
	q := lap.Triwulan
	a := &annex{layouter: l, lap: lap, rows: rows,
		cd:    capaianData{data: d, Triwulan: romawiTW[q-1], NomorTriwulan: q, SampaiDengan: q > 1},
		bands: doc.Capaian.Kategori}
	if len(a.bands) == 0 {
		a.bands = model.KategoriBawaan()
	}

	y, err := a.table()
	if err != nil {
		return nil, err
	}
	if y, err = a.summary(y); err != nil {
		return nil, err
	}
	if y, err = a.chart(y); err != nil {
		return nil, err
	}
	if opt.TandaTangan {
		if err := a.signatures(y); err != nil {
			return nil, err
		}
	}
	if err := l.folios(0); err != nil {
		return nil, err
	}
	if err := a.meta(opt.Created); err != nil {
		return nil, err
	}
	return l.out, nil
}

// words executes a capaian block with the report's data.
func (a *annex) words(block string) (string, error) { return a.tpl.Text(block, a.cd) }

// wordsOf executes a block with other data.
func (a *annex) wordsOf(block string, d any) (string, error) { return a.tpl.Text(block, d) }

// heading lays out a bold centred title block (newlines are line breaks)
// of the given size for width w.
func (a *annex) heading(block string, w, size float64, suffix string) ([]TextLine, error) {
	ps, err := a.rich(block, a.cd, fonts.Bold, AlignCenter)
	if err != nil {
		return nil, err
	}
	if suffix != "" && len(ps) > 0 {
		last := &ps[len(ps)-1]
		last.Spans = append(last.Spans, Span{Text: " " + suffix, Style: fonts.Bold})
	}
	return a.m.Block(ps, w, size, leading), nil
}

// region is the writable area of a landscape annex page.
func (a *annex) region(p *Page) (x, w, top, bottom float64) {
	mg := lampiranMargins
	return mg.left, p.Width - mg.left - mg.right, mg.top, p.Height - mg.bottom
}

// sebabKey names why there is no capaian, for the capaian_sebab block.
func sebabKey(s model.Sebab) string {
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

// persen prints a capaian the annex way: two decimals, rounded half away
// from zero, in the document's number format ("101,67%"), or why there is
// none.
func (a *annex) persen(c model.Capaian) (string, bool, error) {
	if c.Ada() {
		return c.Format(2, a.doc.FormatAngka), true, nil
	}
	s, err := a.wordsOf("capaian_sebab", sebabKey(c.Sebab))
	return s, false, err
}

// besaran prints a target or realisasi; a value not reported is the
// capaian_kosong word.
func (a *annex) besaran(b model.Besaran) (string, error) {
	if b.Jenis == model.Kosong {
		return a.words("capaian_kosong")
	}
	return b.Format(a.doc.FormatAngka), nil
}

// table lays out the title, the identity lines and the capaian table from
// the first page on, and returns the y below the table on the last page.
func (a *annex) table() (float64, error) {
	pi := a.newPage(true)
	p := a.page(pi)
	x, w, top, bottom := a.region(p)
	y := top
	title, err := a.heading("capaian_judul", w, sizeHeading, "")
	if err != nil {
		return 0, err
	}
	y = p.put(title, x, y, w, "block") + 4
	if y, err = a.identity(p, a.cd.data, x, w, y); err != nil {
		return 0, err
	}
	y += 3

	t, err := a.capaianTable()
	if err != nil {
		return 0, err
	}
	frags, err := t.Layout(w, Regions{First: bottom - y, Full: bottom - top})
	if err != nil {
		return 0, fmt.Errorf("capaian: %w", err)
	}
	pi, y = a.placeFragments(frags, pi, x, y, top)
	a.tableLast = pi
	return y, nil
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
	w := func(block string) (string, error) { return a.words(block) }
	var heads [12]string
	for i, b := range []string{"capaian_kolom_no", "capaian_kolom_sasaran", "capaian_kolom_kode", "capaian_kolom_indikator",
		"capaian_kolom_satuan", "capaian_kolom_target", "capaian_kolom_realisasi", "capaian_kolom_capaian",
		"capaian_kolom_kategori", "capaian_kolom_keterangan", "capaian_kolom_tw", "capaian_kolom_sd"} {
		s, err := w(b)
		if err != nil {
			return nil, err
		}
		heads[i] = s
	}
	head := func(col, colSpan, rowSpan int, s string) Cell {
		return Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Content: a.plainCell(s, fonts.Bold, AlignCenter), Fill: headFill, Middle: true}
	}
	top := Row{Cells: []Cell{
		head(0, 1, 2, heads[0]), head(1, 1, 2, heads[1]), head(2, 1, 2, heads[2]), head(3, 1, 2, heads[3]), head(4, 1, 2, heads[4]),
		head(5, 2, 1, heads[5]), head(7, 2, 1, heads[6]), head(9, 2, 1, heads[7]),
		head(11, 1, 2, heads[8]), head(12, 1, 2, heads[9]),
	}}
	sub := Row{}
	for c := 5; c < 11; c += 2 {
		sub.Cells = append(sub.Cells, head(c, 1, 1, heads[10]), head(c+1, 1, 1, heads[11]))
	}
	t.Header = []Row{top, sub}

	body := func(col int, s string, style fonts.Style, align Align) Cell {
		return Cell{Col: col, ColSpan: 1, RowSpan: 1, Content: a.plainCell(s, style, align), Fill: -1}
	}
	ncols := len(t.Columns)
	colors := WarnaKategori(a.bands)
	for i := range a.rows {
		r := &a.rows[i]
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
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
			s, err := a.besaran(b)
			if err != nil {
				return nil, err
			}
			if k == 1 && len(b.Triwulan) == 1 && b.Triwulan[0] != r.Triwulan && b.Jenis != model.NA {
				// A year-to-date value taken from an earlier quarter says so.
				from, err := a.wordsOf("capaian_dari_triwulan", struct{ Triwulan string }{romawiTW[b.Triwulan[0]-1]})
				if err != nil {
					return nil, err
				}
				s += "\n" + from
			}
			row.Cells = append(row.Cells, body(5+k, s, fonts.Regular, AlignCenter))
		}
		for k, c := range []model.Capaian{r.Capaian, r.CapaianSD} {
			s, ok, err := a.persen(c)
			if err != nil {
				return nil, err
			}
			style := fonts.Regular
			if !ok {
				style = fonts.Italic
			} else if k == 1 {
				style = fonts.Bold
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
		note, err := a.keterangan(r)
		if err != nil {
			return nil, err
		}
		row.Cells = append(row.Cells, Cell{Col: 12, ColSpan: 1, RowSpan: 1, Content: note, Fill: -1})
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// labelled puts a bold label before Markdown notes: on the first paragraph
// when it is plain text, else as a paragraph of its own.
func labelled(label, markdown string, gap float64) []Para {
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

// keterangan is the notes cell: kendala and upaya (Markdown) and the
// formula line in small italics.
func (a *annex) keterangan(r *model.BarisCapaian) (Content, error) {
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
		more := labelled(strings.TrimSpace(label), n.text, gap)
		if len(ps) > 0 && len(more) > 0 {
			more[0].SpaceBefore = gap
		}
		ps = append(ps, more...)
	}
	rumus, err := a.rumus(r)
	if err != nil {
		return nil, err
	}
	if v := versiNote(r); v != "" {
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

// versiNote says which version of the PK each quarter's target comes from
// ("TW I–II: PK; TW III: Perubahan ke-1") when they differ; "" otherwise.
func versiNote(r *model.BarisCapaian) string {
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
		parts = append(parts, rentangTW(tw)+": "+v)
		q = end + 1
	}
	if len(parts) < 2 {
		return ""
	}
	return strings.Join(parts, "; ")
}

// rumus is a row's formula line: the distinct formulas and special rules
// of its two capaian, and how the year-to-date figure aggregates quarters.
// Without any capaian it is the reason when that says more than the
// capaian cell (a category outside the scale, kinds that differ).
func (a *annex) rumus(r *model.BarisCapaian) (string, error) {
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
		d.Dari = rentangTW(tw)
	}
	return a.wordsOf("capaian_rumus", d)
}

// rentangTW names quarters: "TW I–III" when consecutive, else "TW I, III".
func rentangTW(tw []int) string {
	consecutive := true
	for i := 1; i < len(tw); i++ {
		consecutive = consecutive && tw[i] == tw[i-1]+1
	}
	if consecutive && len(tw) > 1 {
		return "TW " + romawiTW[tw[0]-1] + "–" + romawiTW[tw[len(tw)-1]-1]
	}
	names := make([]string, len(tw))
	for i, q := range tw {
		names[i] = romawiTW[q-1]
	}
	return "TW " + strings.Join(names, ", ")
}

// ringkasan is one line of the summary.
type ringkasan struct {
	nama            string
	jumlah, terukur int
	perKategori     map[string]int
	sumTW, sumSD    *big.Rat
	nTW, nSD        int
	bold            bool
	rataTW, rataSD  *big.Rat // nil without any capaian
	tanpa           int
}

func (s *ringkasan) add(r *model.BarisCapaian) {
	s.jumlah++
	if c := r.CapaianSD; c.Ada() {
		s.terukur++
		s.perKategori[c.Kategori]++
		s.sumSD.Add(s.sumSD, c.Nilai)
		s.nSD++
	} else {
		s.tanpa++
	}
	if c := r.Capaian; c.Ada() {
		s.sumTW.Add(s.sumTW, c.Nilai)
		s.nTW++
	}
}

func (s *ringkasan) finish() {
	if s.nSD > 0 {
		s.rataSD = new(big.Rat).Quo(s.sumSD, big.NewRat(int64(s.nSD), 1))
	}
	if s.nTW > 0 {
		s.rataTW = new(big.Rat).Quo(s.sumTW, big.NewRat(int64(s.nTW), 1))
	}
}

func newRingkasan(nama string) *ringkasan {
	return &ringkasan{nama: nama, perKategori: map[string]int{}, sumTW: new(big.Rat), sumSD: new(big.Rat)}
}

// Ringkasan computes the summary lines: one per group in document order
// (a document without groups has one), then the whole document. Counts of
// categories and the averages are of the year-to-date capaian (and the
// quarter's for RataTW); averages are exact.
func (a *annex) ringkasan() ([]*ringkasan, error) {
	var out []*ringkasan
	all := newRingkasan("")
	if s, err := a.words("capaian_ringkasan_semua"); err == nil {
		all.nama = s
	} else {
		return nil, err
	}
	all.bold = true
	tanpa, err := a.words("capaian_ringkasan_tanpa_kelompok")
	if err != nil {
		return nil, err
	}
	for i := range a.rows {
		r := &a.rows[i]
		if i == 0 || r.Kelompok != a.rows[i-1].Kelompok {
			nama := r.Kelompok
			if nama == "" {
				nama = tanpa
			}
			out = append(out, newRingkasan(nama))
		}
		out[len(out)-1].add(r)
		all.add(r)
	}
	out = append(out, all)
	for _, s := range out {
		s.finish()
	}
	return out, nil
}

// summary lays out the summary heading, table and note below the capaian
// table, and returns the y below them.
func (a *annex) summary(y float64) (float64, error) {
	pi := len(a.out.Pages) - 1
	p := a.page(pi)
	x, w, top, bottom := a.region(p)
	lines, err := a.heading("capaian_ringkasan_judul", w, sizeIdent, "")
	if err != nil {
		return 0, err
	}
	hh := height(lines) + 2
	t, err := a.summaryTable()
	if err != nil {
		return 0, err
	}
	tw := min(w, 200.0)
	note, err := a.summaryNote()
	if err != nil {
		return 0, err
	}
	noteLines := a.m.Block(PlainParas(note, fonts.Regular, AlignJustify), tw, sizeTable, leading)
	const gap = 6.0
	y += gap
	// The summary is small: it stays whole on one page, on a new page when
	// it does not fit below the table. Only a summary taller than a page
	// (a great many groups) splits, its note kept with its end.
	noteH := height(noteLines) + 2
	frags, err := t.Layout(tw, Regions{First: bottom - top - hh - noteH, Full: bottom - top - hh - noteH})
	if err != nil {
		return 0, fmt.Errorf("capaian: ringkasan: %w", err)
	}
	if len(frags.Fragments) > 1 || frags.Start > 0 || y+hh+frags.Fragments[0].Height+noteH > bottom {
		pi = a.newPage(true)
		p = a.page(pi)
		y = top
		if len(frags.Fragments) > 1 || frags.Start > 0 {
			if frags, err = t.Layout(tw, Regions{First: bottom - y - hh, Full: bottom - top, Keep: noteH}); err != nil {
				return 0, fmt.Errorf("capaian: ringkasan: %w", err)
			}
		}
	}
	if err := a.mark("capaian_bookmark_ringkasan", 0, pi, y); err != nil {
		return 0, err
	}
	y = p.put(lines, x, y, w, "block") + 2
	tx := x + (w-tw)/2
	pi, y = a.placeFragments(frags, pi, tx, y, top)
	p = a.page(pi)
	y += 2
	if y+height(noteLines) > bottom {
		p = a.page(a.newPage(true))
		y = top
	}
	return p.put(noteLines, tx, y, tw, "block"), nil
}

// summaryTable: Kelompok | Jumlah | Ada Capaian | one column per category
// | Belum Ada Capaian | average capaian of the quarter and year to date.
func (a *annex) summaryTable() (*Table, error) {
	lines, err := a.ringkasan()
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
	head := func(col, colSpan, rowSpan int, s string) Cell {
		return Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Content: a.plainCell(s, fonts.Bold, AlignCenter), Fill: headFill, Middle: true}
	}
	top := Row{Cells: []Cell{
		head(0, 1, 2, word["capaian_ringkasan_kelompok"]),
		head(1, 1, 2, word["capaian_ringkasan_jumlah"]),
		head(2, 1, 2, word["capaian_ringkasan_terukur"]),
		head(3, nb, 1, word["capaian_kolom_kategori"]),
		head(3+nb, 1, 2, word["capaian_ringkasan_tanpa"]),
		head(4+nb, 2, 1, word["capaian_ringkasan_rata"]),
	}}
	sub := Row{}
	for i, b := range a.bands {
		sub.Cells = append(sub.Cells, head(3+i, 1, 1, b.Nama))
	}
	sub.Cells = append(sub.Cells, head(4+nb, 1, 1, word["capaian_kolom_tw"]), head(5+nb, 1, 1, word["capaian_kolom_sd"]))
	t.Header = []Row{top, sub}
	rata := func(r *big.Rat) string {
		if r == nil {
			return word["capaian_kosong"]
		}
		return model.FormatRat(r, 2, a.doc.FormatAngka) + "%"
	}
	for _, s := range lines {
		st := fonts.Regular
		fill := -1.0
		if s.bold {
			st, fill = fonts.Bold, 0.95
		}
		cell := func(col int, text string, align Align) Cell {
			return Cell{Col: col, ColSpan: 1, RowSpan: 1, Content: a.plainCell(text, st, align), Fill: fill}
		}
		row := Row{Cells: []Cell{cell(0, s.nama, AlignLeft), cell(1, fmt.Sprint(s.jumlah), AlignCenter), cell(2, fmt.Sprint(s.terukur), AlignCenter)}}
		for i, b := range a.bands {
			row.Cells = append(row.Cells, cell(3+i, fmt.Sprint(s.perKategori[b.Nama]), AlignCenter))
		}
		row.Cells = append(row.Cells, cell(3+nb, fmt.Sprint(s.tanpa), AlignCenter),
			cell(4+nb, rata(s.rataTW), AlignCenter), cell(5+nb, rata(s.rataSD), AlignCenter))
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// pita describes the category bands, best first: "Tercapai (≥ 100%)".
func (a *annex) pita() ([]string, error) {
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
	pita, err := a.pita()
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

// mark adds a bookmark titled by a template block.
func (a *annex) mark(block string, level, page int, y float64) error {
	s, err := a.words(block)
	if err != nil {
		return err
	}
	a.out.Outline = append(a.out.Outline, Bookmark{Title: s, Level: level, Page: page, Y: y})
	return nil
}

// chartScale maps capaian percentages to x: lo..hi percent over x0..x1,
// with ticks every step.
type chartScale struct {
	lo, hi, step float64
	x0, x1       float64
}

func (s chartScale) x(v float64) float64 { return s.x0 + (v-s.lo)/(s.hi-s.lo)*(s.x1-s.x0) }

// niceScale chooses a scale from 0 (or below, for negative capaian) to at
// least 100 that holds every value, with at most ten steps of 1, 2, 2.5 or
// 5 times a power of ten.
func niceScale(minV, maxV float64) (lo, hi, step float64) {
	lo, hi = min(0, minV), max(100, maxV)
	span := hi - lo
	step = 10
	for _, mag := range []float64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9} {
		found := false
		for _, m := range []float64{1, 2, 2.5, 5} {
			if s := m * mag; s >= 10 && span/s <= 10 {
				step, found = s, true
				break
			}
		}
		if found {
			break
		}
	}
	if span/step > 10 { // beyond the table: a power of ten that fits
		step = math.Pow(10, math.Ceil(math.Log10(span/10)))
	}
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	return lo, hi, step
}

// chartItem is one row of the chart: a group label or an indicator.
type chartItem struct {
	group string
	row   *model.BarisCapaian
}

// chart draws the horizontal bar chart of the year-to-date capaian, one
// row per indicator (label: its kode), bars from 0 coloured by category,
// the value in a column on the right, a vertical line at 100%, a scale
// under every page's part and a legend on top. It starts below y when it
// fits there whole, else on a new page, and continues on new pages as
// needed. It returns the y below it.
func (a *annex) chart(y float64) (float64, error) {
	var items []chartItem
	minV, maxV := 0.0, 100.0
	for i := range a.rows {
		r := &a.rows[i]
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
			items = append(items, chartItem{group: r.Kelompok})
		}
		items = append(items, chartItem{row: r})
		if c := r.CapaianSD; c.Ada() {
			v, _ := c.Nilai.Float64()
			minV, maxV = min(minV, v), max(maxV, v)
		}
	}
	if len(items) == 0 {
		return y, nil
	}
	p := a.page(len(a.out.Pages) - 1)
	x, w, top, bottom := a.region(p)

	// Columns: labels, the plot, the values.
	labelW, valueW := 0.0, 0.0
	for _, it := range items {
		if it.row == nil {
			continue
		}
		labelW = max(labelW, a.m.Width(fonts.Regular, chartLabelPt, it.row.Indikator.Kode))
		if s, ok, _ := a.persen(it.row.CapaianSD); ok {
			valueW = max(valueW, a.m.Width(fonts.Regular, chartSmallPt, s))
		}
	}
	labelW = min(labelW+0.5, 45)
	lo, hi, step := niceScale(minV, maxV)
	tickLabel := func(v float64) string {
		return model.FormatRat(new(big.Rat).SetFloat64(v), 0, a.doc.FormatAngka) + "%"
	}
	valueW = max(valueW+0.5, a.m.Width(fonts.Regular, chartSmallPt, tickLabel(hi))/2)
	sc := chartScale{lo: lo, hi: hi, step: step, x0: x + labelW + 3, x1: x + w - valueW - 4}
	colors := WarnaKategori(a.bands)

	legend, legendH, err := a.legend(w)
	if err != nil {
		return 0, err
	}
	title := func(cont bool) ([]TextLine, error) {
		suffix := ""
		if cont {
			var err error
			if suffix, err = a.words("capaian_grafik_lanjutan"); err != nil {
				return nil, err
			}
		}
		return a.heading("capaian_grafik_judul", w, sizeIdent, suffix)
	}
	const axisH = 10.0
	t0, err := title(false)
	if err != nil {
		return 0, err
	}
	whole := height(t0) + 2 + legendH + chartGap + float64(len(items))*chartRowH + axisH
	const before = 8.0
	if y+before+whole > bottom {
		p = a.page(a.newPage(true))
		y = top
	} else {
		y += before
	}

	for first := true; len(items) > 0; first = false {
		if !first {
			p = a.page(a.newPage(true))
			y = top
		}
		if first {
			if err := a.mark("capaian_bookmark_grafik", 0, len(a.out.Pages)-1, y); err != nil {
				return 0, err
			}
		}
		lines, err := title(!first)
		if err != nil {
			return 0, err
		}
		y = p.put(lines, x, y, w, "block") + 2
		legend(p, x, y)
		y += legendH + chartGap

		// As many rows as fit above the scale; a group label is never
		// the last row of a page, and every page holds an indicator.
		n := int(math.Floor((bottom - y - axisH + 1e-9) / chartRowH))
		n = max(1, min(n, len(items)))
		for n > 1 && items[n-1].row == nil {
			n--
		}
		if n == 1 && items[0].row == nil && len(items) > 1 {
			n = 2
		}
		rows := items[:n]
		items = items[n:]
		rowsTop := y
		a.chartLines(p, sc, rows, rowsTop)
		for _, it := range rows {
			if err := a.chartRow(p, sc, colors, it, x, labelW, x+w, y); err != nil {
				return 0, err
			}
			y += chartRowH
		}
		if y, err = a.chartAxis(p, sc, y, tickLabel); err != nil {
			return 0, err
		}
	}
	return y, nil
}

// chartLines draws the vertical lines behind and over the bars, along
// each run of indicator rows (group labels interrupt them): light grid
// lines at the ticks, the zero line the bars start from and the 100%
// line.
func (a *annex) chartLines(p *Page, sc chartScale, rows []chartItem, y float64) {
	x0, x100 := sc.x(0), sc.x(100)
	for i := 0; i < len(rows); {
		if rows[i].row == nil {
			i++
			continue
		}
		j := i
		for j < len(rows) && rows[j].row != nil {
			j++
		}
		y0, y1 := y+float64(i)*chartRowH, y+float64(j)*chartRowH
		for v := sc.lo; v <= sc.hi+sc.step/2; v += sc.step {
			if v != 0 && v != 100 {
				p.Rects = append(p.Rects, Rect{X: sc.x(v) - 0.075, Y: y0, W: 0.15, H: y1 - y0, Fill: 0.8})
			}
		}
		p.Lines = append(p.Lines,
			Line{X1: x0, Y1: y0, X2: x0, Y2: y1, Width: 0.25},
			Line{X1: x100, Y1: y0, X2: x100, Y2: y1, Width: 0.5})
		i = j
	}
}

// chartRow draws one row: a group label, or an indicator's kode, its bar
// and its value right-aligned at right (or, without a bar, why there is
// none).
func (a *annex) chartRow(p *Page, sc chartScale, colors map[string]RGB, it chartItem, x, labelW, right, y float64) error {
	mid := func(lines []TextLine) float64 { return y + (chartRowH-height(lines))/2 }
	if it.row == nil {
		lines := a.m.Block(PlainParas(it.group, fonts.Bold, AlignLeft), right-x, chartLabelPt, 1.0)
		if len(lines) > 1 {
			lines = lines[:1]
		}
		p.put(lines, x, mid(lines), right-x, "chart")
		return nil
	}
	r := it.row
	lines := a.m.Block(PlainParas(r.Indikator.Kode, fonts.Regular, AlignRight), labelW, chartLabelPt, 1.0)
	if len(lines) > 1 {
		lines = lines[:1] // a kode too long for the column is cut; the table has it whole
	}
	p.put(lines, x, mid(lines), labelW, "chart")
	s, ok, err := a.persen(r.CapaianSD)
	if err != nil {
		return err
	}
	if !ok {
		why := a.m.Block(PlainParas(s, fonts.Italic, AlignLeft), sc.x1-sc.x0-1, chartSmallPt, 1.0)
		if len(why) > 1 {
			why = why[:1]
		}
		p.put(why, sc.x(0)+1, mid(why), sc.x1-sc.x(0)-1, "chart")
		return nil
	}
	v, _ := r.CapaianSD.Nilai.Float64()
	x0, xv := sc.x(0), sc.x(v)
	if bw := math.Abs(xv - x0); bw > 0 {
		col := colors[r.CapaianSD.Kategori]
		p.Rects = append(p.Rects, Rect{X: min(x0, xv), Y: y + (chartRowH-chartBarH)/2, W: bw, H: chartBarH, Fill: 0, Color: &col})
	}
	vw := a.m.Width(fonts.Regular, chartSmallPt, s) + 0.5
	val := a.m.Block(PlainParas(s, fonts.Regular, AlignRight), vw, chartSmallPt, 1.0)
	p.put(val, right-vw, mid(val), vw, "chart")
	return nil
}

// chartAxis draws the scale under the rows: the axis line, ticks and
// their labels centred on them, and the axis title. It returns the y below.
func (a *annex) chartAxis(p *Page, sc chartScale, y float64, label func(float64) string) (float64, error) {
	p.Lines = append(p.Lines, Line{X1: sc.x0, Y1: y, X2: sc.x1, Y2: y, Width: 0.25})
	ty := y + 1.2
	bottom := ty
	for v := sc.lo; v <= sc.hi+sc.step/2; v += sc.step {
		tx := sc.x(v)
		p.Lines = append(p.Lines, Line{X1: tx, Y1: y, X2: tx, Y2: y + 1, Width: 0.25})
		s := label(v)
		tw := a.m.Width(fonts.Regular, chartSmallPt, s) + 1
		lines := a.m.Block(PlainParas(s, fonts.Regular, AlignCenter), tw, chartSmallPt, 1.0)
		bottom = max(bottom, p.put(lines, tx-tw/2, ty, tw, "axis"))
	}
	title, err := a.words("capaian_grafik_sumbu")
	if err != nil {
		return 0, err
	}
	lines := a.m.Block(PlainParas(title, fonts.Italic, AlignCenter), sc.x1-sc.x0, chartSmallPt, 1.0)
	return p.put(lines, sc.x0, bottom+0.5, sc.x1-sc.x0, "chart"), nil
}

// legend lays out the chart's legend (a swatch per category and the 100%
// line) for width w, and returns a function drawing it and its height.
func (a *annex) legend(w float64) (func(p *Page, x, y float64), float64, error) {
	pita, err := a.pita()
	if err != nil {
		return nil, 0, err
	}
	garis, err := a.words("capaian_grafik_garis")
	if err != nil {
		return nil, 0, err
	}
	colors := WarnaKategori(a.bands)
	type entry struct {
		text  string
		color *RGB // nil: the 100% line sample
		dx    float64
		row   int
	}
	const sw, sh, gapIn, gapOut = 4.0, 3.0, 1.5, 6.0
	lineH := chartLabelPt * leading * PtToMM
	var entries []entry
	cx, row := 0.0, 0
	for i, s := range append(pita, garis) {
		e := entry{text: s}
		if i < len(a.bands) {
			c := colors[a.bands[i].Nama]
			e.color = &c
		}
		ew := sw + gapIn + a.m.Width(fonts.Regular, chartLabelPt, s)
		if cx > 0 && cx+ew > w {
			cx, row = 0, row+1
		}
		e.dx, e.row = cx, row
		entries = append(entries, e)
		cx += ew + gapOut
	}
	h := float64(row+1) * lineH
	draw := func(p *Page, x, y float64) {
		for _, e := range entries {
			ey := y + float64(e.row)*lineH
			ex := x + e.dx
			if e.color != nil {
				p.Rects = append(p.Rects, Rect{X: ex, Y: ey + (lineH-sh)/2, W: sw, H: sh, Fill: 0, Color: e.color})
			} else {
				p.Lines = append(p.Lines, Line{X1: ex + sw/2, Y1: ey + 0.3, X2: ex + sw/2, Y2: ey + lineH - 0.3, Width: 0.5})
			}
			tw := a.m.Width(fonts.Regular, chartLabelPt, e.text) + 0.5
			lines := a.m.Block(PlainParas(e.text, fonts.Regular, AlignLeft), tw, chartLabelPt, leading)
			p.put(lines, ex+sw+gapIn, ey, tw, "legend")
		}
	}
	return draw, h, nil
}

// signatures closes the annex with PIHAK PERTAMA's signature (right) and
// the PK's "Mengetahui" signatory centred under it, on the page of the
// chart's end when they fit, else on a new page. The date line is left
// blank (capaian_tempat_tanggal): the report is signed when it is made.
func (a *annex) signatures(y float64) error {
	p := a.page(len(a.out.Pages) - 1)
	x, w, top, bottom := a.region(p)
	size := float64(sizeIdent)
	colW := w / 2
	off, err := a.signerCol(a.cd.data, signer{who: &a.doc.PihakPertama, role: "peran_pertama"}, false, colW-6, size)
	if err != nil {
		return err
	}
	if a.doc.Tandatangan.BarisTanggal && len(off.pre) > 0 {
		// signerCol holds the date line's place with a blank line; the
		// report's own date line replaces it.
		date, err := a.words("capaian_tempat_tanggal")
		if err != nil {
			return err
		}
		dl := a.m.Block(PlainParas(date, fonts.Regular, AlignCenter), colW-6, size, leading)
		off.pre = append(append([]TextLine(nil), dl...), off.pre[1:]...)
	}
	off.x = colW + 3
	b := sigBlock{cols: []sigCol{off}}
	b.rowH = height(off.pre) + signSpace + height(off.name)
	b.h = b.rowH
	if m := a.doc.Tandatangan.Mengetahui; m != nil {
		role, lit := "peran_mengetahui", false
		if r := a.doc.Tandatangan.PeranKetiga; r != "" {
			role, lit = r, true
		}
		c, err := a.signerCol(a.cd.data, signer{who: m, role: role, lit: lit}, false, colW-6, size)
		if err != nil {
			return err
		}
		c.x = (w-colW)/2 + 3
		b.third = &c
		b.h += 6 + height(c.pre) + signSpace + height(c.name)
	}
	const gap = 8.0
	y += gap
	if y+b.h > bottom {
		p = a.page(a.newPage(true))
		y = top
	}
	b.place(p, x, y)
	return a.mark("capaian_bookmark_tanda_tangan", 0, len(a.out.Pages)-1, y)
}

// meta sets the document information and the table's bookmarks: the
// table, one per group (where its group row landed), then the summary,
// chart and signatures marked while laying out.
func (a *annex) meta(created time.Time) error {
	title, err := a.words("capaian_judul_pdf")
	if err != nil {
		return err
	}
	subject, err := a.words("capaian_judul")
	if err != nil {
		return err
	}
	subject = strings.Join(strings.Fields(strings.ReplaceAll(subject, "**", "")), " ")
	rest := a.out.Outline
	a.out.Outline = nil
	if err := a.mark("capaian_bookmark_tabel", 0, 0, lampiranMargins.top); err != nil {
		return err
	}
	var groups []string
	for i, r := range a.rows {
		if r.Kelompok != "" && (i == 0 || r.Kelompok != a.rows[i-1].Kelompok) {
			groups = append(groups, r.Kelompok)
		}
	}
	g := 0
	for pi := 0; pi <= a.tableLast && g < len(groups); pi++ {
		for _, f := range a.out.Pages[pi].Frames {
			if f.Kind == "group" && g < len(groups) {
				a.out.Outline = append(a.out.Outline, Bookmark{Title: groups[g], Level: 1, Page: pi, Y: f.Y})
				g++
			}
		}
	}
	a.out.Outline = append(a.out.Outline, rest...)

	p := a.doc.PihakPertama
	if created.IsZero() {
		// The last day of the report's quarter.
		created = time.Date(a.doc.Tahun, time.Month(3*a.lap.Triwulan+1), 0, 0, 0, 0, 0, time.UTC)
	}
	a.out.Meta = Meta{
		Title:    title,
		Author:   a.f.nama(p, false),
		Subject:  subject,
		Keywords: strings.Join([]string{"Capaian Kinerja", "Triwulan " + a.cd.Triwulan, fmt.Sprint(a.doc.Tahun), p.Jabatan, p.UnitKerja}, ", "),
		Creator:  "pkgen",
		Created:  created.UTC(),
	}
	return nil
}
