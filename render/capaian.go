package render

import (
	"fmt"
	"strings"
	"time"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// The capaian annex of a quarterly report, in files by job: this one lays
// the annex out and names its parts; capaian_table.go is the table of
// capaian per indicator, capaian_summary.go the summary per group (its
// figures come from model.SummarizeCapaian), chart.go the bar chart,
// capaian_colors.go the category colours, and capaian_signatures.go the
// closing signatures.

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

// capaianData is what the capaian blocks of the templates see: the PK's
// variables and the report's quarter.
type capaianData struct {
	data
	Triwulan      string // "III"
	NomorTriwulan int    // 3
	SampaiDengan  bool   // the report covers more than one quarter
}

// annex lays out a capaian report. It shares the PK layouter's measurer,
// formatter, wording and flow.
type annex struct {
	*layouter
	lap   *model.Laporan
	rows  []model.BarisCapaian
	cd    capaianData
	bands []model.PitaKategori
	// groups are the table's group rows; marks the bookmarks of the parts
	// after the table, as placed.
	groups []groupRow
	marks  []Bookmark
	// cols are the capaian table's columns, once built.
	cols annexColumns
}

// LayoutCapaian lays out the capaian annex of a realisasi report on the
// PK's paper, landscape: title and the identity of PIHAK PERTAMA; the
// table of target, realisasi and capaian per indicator (the quarter and
// year to date), grouped by kelompok, with kendala and upaya; a summary per
// group; a bar chart of the year-to-date capaian coloured by category; and,
// when asked, the signatures. Capaian comes from model.ComputeCapaian.
func LayoutCapaian(lap *model.Laporan, opt CapaianOptions) (*Document, error) {
	a, err := newAnnex(lap, opt)
	if err != nil {
		return nil, err
	}
	l := a.layouter
	start := l.flow.NewPage(lampiranPage)
	table, err := a.table()
	if err != nil {
		return nil, err
	}
	if err := a.summary(); err != nil {
		return nil, err
	}
	if opt.TandaTangan && !lap.Dokumen.HasParties() {
		return nil, layoutErrorf("pihak_pertama", "%s: tanda tangan penutup lampiran capaian (--ttd) memerlukan para pihak; PK ini lampiran saja tanpa [pihak_pertama]")
	}
	var sigs *markedBlock
	var closing Block
	if opt.TandaTangan {
		b, err := a.signatures()
		if err != nil {
			return nil, err
		}
		sigs = &markedBlock{Block: b}
		closing = Stack{Gap(8), sigs}
	}
	if err := a.chart(closing); err != nil {
		return nil, err
	}
	if sigs != nil {
		if err := a.mark("capaian_bookmark_tanda_tangan", sigs.at); err != nil {
			return nil, err
		}
	}
	if err := l.folios(0); err != nil {
		return nil, err
	}
	if err := a.meta(start, table, opt.Created); err != nil {
		return nil, err
	}
	return l.out, nil
}

// newAnnex computes the report's capaian and readies its annex.
func newAnnex(lap *model.Laporan, opt CapaianOptions) (*annex, error) {
	if lap == nil || lap.Dokumen == nil {
		return nil, pesan.Errorf("capaian: laporan realisasi atau PK-nya tidak ada")
	}
	doc := lap.Dokumen
	rows, err := model.ComputeCapaian(doc, lap)
	if err != nil {
		return nil, err
	}
	tpl, err := templatesOf(opt.Options)
	if err != nil {
		return nil, err
	}
	l := newLayouter(doc, tpl, opt.Options)
	d, err := l.data()
	if err != nil {
		return nil, err
	}
	q := lap.Triwulan
	a := &annex{layouter: l, lap: lap, rows: rows,
		cd:    capaianData{data: d, Triwulan: roman[q], NomorTriwulan: q, SampaiDengan: q > 1},
		bands: doc.Capaian.Kategori}
	if len(a.bands) == 0 {
		a.bands = model.KategoriBawaan()
	}
	return a, nil
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

// mark records a bookmark titled by a template block, at m.
func (a *annex) mark(block string, m Mark) error {
	s, err := a.words(block)
	if err != nil {
		return err
	}
	a.marks = append(a.marks, Bookmark{Title: s, Page: m.Page, Y: m.Y})
	return nil
}

// meta sets the document information and the outline: the table where the
// annex starts, one entry per group where its group row begins (rows are
// the table's row marks), then the summary, chart and signatures as
// marked while laying out.
func (a *annex) meta(start Mark, rows []Mark, created time.Time) error {
	title, err := a.words("capaian_judul_pdf")
	if err != nil {
		return err
	}
	subject, err := a.words("capaian_judul")
	if err != nil {
		return err
	}
	subject = strings.Join(strings.Fields(strings.ReplaceAll(subject, "**", "")), " ")
	rest := a.marks
	a.marks = nil
	if err := a.mark("capaian_bookmark_tabel", start); err != nil {
		return err
	}
	outline := a.marks
	for _, g := range a.groups {
		m := rows[g.row]
		outline = append(outline, Bookmark{Title: g.name, Level: 1, Page: m.Page, Y: m.Y})
	}
	a.out.Outline = append(outline, rest...)
	a.out.Meta, err = a.metaInfo(created, title, subject)
	return err
}

// metaInfo is the annex's document information.
func (a *annex) metaInfo(created time.Time, title, subject string) (Meta, error) {
	p := a.doc.PihakPertama
	if created.IsZero() {
		// The last day of the report's quarter.
		created = time.Date(a.doc.Tahun, time.Month(3*a.lap.Triwulan+1), 0, 0, 0, 0, 0, time.UTC)
	}
	return Meta{
		Title:    title,
		Author:   a.f.nama(p, false),
		Subject:  subject,
		Keywords: strings.Join([]string{"Capaian Kinerja", "Triwulan " + a.cd.Triwulan, fmt.Sprint(a.doc.Tahun), p.Jabatan, p.UnitKerja}, ", "),
		Creator:  "pkgen",
		Created:  created.UTC(),
	}, nil
}
