package render

import (
	"strconv"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
)

// Words is a PK's content as the PDF prints it, before any page is laid
// out: the words of every template block executed, the tables with their
// spans, the values formatted. Formats that lay text out themselves (a
// Word document) are made from it, so they say what the PDF says.
type Words struct {
	Meta  Meta
	Paper [2]float64 // mm, portrait
	// Margins of the statement page and of the lampiran's pages, mm.
	StatementMargins, LampiranMargins Margins

	Kop []KopLine
	// Logo is the kop's image (PNG or JPEG), LogoW × LogoH mm as the PDF
	// prints it, LogoType "png" or "jpg"; LogoBeside puts it left of the
	// kop lines rather than centred above them.
	Logo         []byte
	LogoW, LogoH float64
	LogoType     string
	LogoBeside   bool

	Statement *StatementWords // nil: the lampiran alone

	LampiranTitle []Para
	Identity      [][2]string // label, value
	Tables        []WordsTable
	Closing       *Signatures // nil: a lampiran without parties

	// Folio is the page number's words, split around the page number and
	// the page count ("Halaman ", page, " dari ", count).
	Folio []FolioPart
	// FolioStatement numbers the statement page too.
	FolioStatement bool

	// Changes is a PK Perubahan's Daftar Perubahan, on a page of its own
	// after the lampiran; nil without one.
	Changes *ChangesWords

	// Paraf are the paraf koordinasi boxes, at the foot of the statement
	// page, or of every page when ParafEvery.
	Paraf      []ParafWords
	ParafEvery bool
}

// ChangesWords are the Daftar Perubahan's title, the amendment sentence
// under it and its table (group rows for each kind of change).
type ChangesWords struct {
	Title, Sub []Para
	Table      WordsTable
}

// ParafWords is one paraf box: the jabatan over it, the nama at its foot.
type ParafWords struct {
	Jabatan, Nama string
}

// The paraf boxes' sizes, as the PDF's: mm and pt.
const (
	ParafBoxW     = parafBoxW
	ParafBoxH     = parafBoxH
	ParafGap      = parafGap
	SizeParaf     = sizeParaf
	SizeParafNama = sizeParafNama
)

// KopLine is one line of the kop in its face and size (pt).
type KopLine struct {
	Text  string
	Style fonts.Style
	Size  float64
}

// StatementWords are the statement page's blocks in order.
type StatementWords struct {
	Judul, Pembuka []Para
	Parties        []PartyWords
	Body           [][]Para // the promises, one block each, empty ones left out
	Signatures     Signatures
}

// PartyWords are a party's "Nama : …" and "Jabatan : …" lines and the
// sentence naming it.
type PartyWords struct {
	Labels, Values [2]string
	Sebutan        []Para
}

// Signatures are the signature columns side by side, and the "Mengetahui"
// under them. A single column stands on the right half.
type Signatures struct {
	Columns []SignerWords
	Third   *SignerWords
}

// SignerWords are a signatory's lines above the room to sign and below it.
type SignerWords struct {
	Pre, Name []Para
}

// WordsTable is one table of the lampiran: Widths are the columns' widths
// in mm as the PDF resolves them on the lampiran page.
type WordsTable struct {
	Caption string
	Whole   bool // kept on one page (the budget table, which is short)
	Widths  []float64
	Header  []WordsRow
	Rows    []WordsRow
}

// WordsRow is a table row; Group marks a full-width group row.
type WordsRow struct {
	Group bool
	Cells []WordsCell
}

// WordsCell is a cell at column Col spanning ColSpan columns and RowSpan
// rows; Shaded marks the header's grey, Color another background.
type WordsCell struct {
	Col, ColSpan, RowSpan int
	Paras                 []Para
	// Small follows Paras in small type (SizeSmall): the capaian annex's
	// formula lines.
	Small  []Para
	Shaded bool
	Color  *RGB
	// Number marks a figure (target, realisasi, capaian), which an
	// editable table aligns right.
	Number bool
}

// FolioPart is literal text, or (Field "PAGE" or "NUMPAGES") a number.
type FolioPart struct {
	Text, Field string
}

// Sizes of the PDF's type, pt, for formats copying it.
const (
	SizeHeading = sizeHeading
	SizeBody    = sizeBody
	SizeIdent   = sizeIdent
	SizeTable   = sizeTable
	SizeFolio   = sizeFolio
	SizeSmall   = chartSmallPt
)

// Gather gathers doc's words for opt (its templates and logo; TTE and
// Draf are the PDF's alone and ignored).
func Gather(doc *model.Document, opt Options) (*Words, error) {
	tpl, err := checkedTemplates(doc, opt)
	if err != nil {
		return nil, err
	}
	opt.TTE, opt.Draf = false, false
	l := newLayouter(doc, tpl, opt)
	size := papers[doc.Kertas]
	if size == [2]float64{} {
		size = papers[model.A4]
	}
	w := &Words{Paper: size, StatementMargins: statementMargins, LampiranMargins: lampiranMargins,
		FolioStatement: doc.NomorHalaman == model.HalamanSemua}
	d, err := l.data()
	if err != nil {
		return nil, err
	}
	if err := l.meta(nil, Mark{}, nil); err != nil {
		return nil, err
	}
	w.Meta = l.out.Meta
	if err := l.kopWords(w); err != nil {
		return nil, err
	}
	if !doc.HanyaLampiran && !opt.HanyaLampiran {
		if w.Statement, err = l.statementWords(d); err != nil {
			return nil, err
		}
	}
	if w.LampiranTitle, err = l.rich("judul_lampiran", d, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	labels, values, _, err := l.identityRows(d)
	if err != nil {
		return nil, err
	}
	for i := range labels {
		w.Identity = append(w.Identity, [2]string{labels[i], values[i]})
	}
	if err := l.tableWords(w); err != nil {
		return nil, err
	}
	if doc.HasParties() {
		sig, err := l.signatureWords(d, false)
		if err != nil {
			return nil, err
		}
		w.Closing = &sig
	}
	for _, p := range doc.Paraf {
		w.Paraf = append(w.Paraf, ParafWords{Jabatan: p.Jabatan, Nama: p.Nama})
	}
	w.ParafEvery = doc.Tandatangan.ParafDi == model.ParafSemua
	if w.Changes, err = l.changesWords(d, w.Paper[1]-lampiranMargins.Left-lampiranMargins.Right); err != nil {
		return nil, err
	}
	w.Folio, err = l.folioWords()
	return w, err
}

// changesWords are the Daftar Perubahan's words, as daftarPerubahan lays
// them out; nil without one.
func (l *layouter) changesWords(d data, width float64) (*ChangesWords, error) {
	p := l.doc.Perubahan
	if p == nil || !p.DaftarPerubahan || p.Asal == nil {
		return nil, nil
	}
	c := &ChangesWords{}
	var err error
	if c.Title, err = l.rich("judul_daftar_perubahan", d, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	if c.Sub, err = l.rich("mengubah", d, fonts.Regular, AlignJustify); err != nil {
		return nil, err
	}
	cols, err := l.changeColumns(d)
	if err != nil {
		return nil, err
	}
	t, err := l.changeTable(d, cols)
	if err != nil {
		return nil, err
	}
	c.Table, err = wordsOfTable("", t, width, false)
	return c, err
}

func (l *layouter) kopWords(w *Words) error {
	for _, k := range l.doc.Instansi.Kop {
		st, ok := kopStyles[k.Gaya]
		if !ok {
			st = kopStyles[model.KopNama]
		}
		w.Kop = append(w.Kop, KopLine{Text: k.Teks, Style: st.style, Size: st.size})
	}
	if len(l.opt.Logo) == 0 {
		return nil
	}
	lw, kind, err := logoSize(l.opt.Logo, logoHeight)
	if err != nil {
		return err
	}
	w.Logo, w.LogoW, w.LogoH, w.LogoType = l.opt.Logo, lw, logoHeight, kind
	w.LogoBeside = len(w.Kop) > 0 && l.doc.Instansi.TataKop != model.KopTengah
	if w.LogoBeside && lw > logoMaxSide {
		w.LogoH, w.LogoW = logoHeight*logoMaxSide/lw, logoMaxSide
	}
	return nil
}

func (l *layouter) statementWords(d data) (*StatementWords, error) {
	s := &StatementWords{}
	var err error
	if s.Judul, err = l.rich("judul", d, fonts.Bold, AlignCenter); err != nil {
		return nil, err
	}
	if s.Pembuka, err = l.rich("pembuka", d, fonts.Regular, AlignJustify); err != nil {
		return nil, err
	}
	type party struct {
		who     *model.Pihak
		sebutan string
	}
	parties := []party{{&l.doc.PihakPertama, "sebutan_pertama"}}
	if l.doc.PihakKedua != nil {
		parties = append(parties, party{l.doc.PihakKedua, "sebutan_kedua"})
	}
	for _, pt := range parties {
		p := PartyWords{Values: [2]string{l.f.nama(*pt.who, true), pt.who.JabatanLengkap()}}
		if p.Labels[0], err = l.words("label_nama", d); err != nil {
			return nil, err
		}
		if p.Labels[1], err = l.words("label_jabatan", d); err != nil {
			return nil, err
		}
		if p.Sebutan, err = l.rich(pt.sebutan, d, fonts.Regular, AlignLeft); err != nil {
			return nil, err
		}
		s.Parties = append(s.Parties, p)
	}
	for _, name := range []string{"janji", "target_tahun", "pengawasan", "mengubah"} {
		ps, err := l.rich(name, d, fonts.Regular, AlignJustify)
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			s.Body = append(s.Body, ps)
		}
	}
	s.Signatures, err = l.signatureWords(d, true)
	return s, err
}

func (l *layouter) signatureWords(d data, statement bool) (Signatures, error) {
	var out Signatures
	flat := func(parts []sigPart) []Para {
		var ps []Para
		for _, p := range parts {
			ps = append(ps, p.ps...)
		}
		return ps
	}
	col := func(s signer) (SignerWords, error) {
		pre, name, err := l.signerParas(d, s, statement)
		return SignerWords{Pre: flat(pre), Name: flat(name)}, err
	}
	signers, third := l.signers()
	for _, s := range signers {
		c, err := col(s)
		if err != nil {
			return out, err
		}
		out.Columns = append(out.Columns, c)
	}
	if third != nil {
		c, err := col(*third)
		if err != nil {
			return out, err
		}
		out.Third = &c
	}
	return out, nil
}

// tableWords are the lampiran's tables, as lampiran builds them, then the
// budget table.
func (l *layouter) tableWords(w *Words) error {
	cols, err := l.tpl.Lampiran(l.doc.Lampiran)
	if err != nil {
		return err
	}
	width := w.Paper[1] - lampiranMargins.Left - lampiranMargins.Right
	add := func(caption string, t *Table, whole bool) error {
		wt, err := wordsOfTable(caption, t, width, whole)
		if err != nil {
			return err
		}
		w.Tables = append(w.Tables, wt)
		return nil
	}
	for _, sec := range l.doc.Sections() {
		set, err := l.tpl.Lampiran(sec.Lampiran)
		if err != nil {
			return err
		}
		t, err := l.table(set, sec.Sasaran)
		if err != nil {
			return err
		}
		judul := sec.Judul
		if judul == "" {
			judul = set.Judul
		}
		if err := add(judul, t, false); err != nil {
			return err
		}
	}
	if a := cols.Anggaran; a != nil {
		return add(a.Judul, l.anggaranTable(a, templateKey("lampiran-"+cols.Nama), cols.NomorKolom), true)
	}
	return nil
}

// wordsOfTable is t's words, its columns resolved for width (mm).
func wordsOfTable(caption string, t *Table, width float64, whole bool) (WordsTable, error) {
	colX, err := tableColumns(t.Columns, width)
	if err != nil {
		return WordsTable{}, err
	}
	wt := WordsTable{Caption: caption, Whole: whole}
	for i := 1; i < len(colX); i++ {
		wt.Widths = append(wt.Widths, colX[i]-colX[i-1])
	}
	conv := func(rows []Row) []WordsRow {
		out := make([]WordsRow, 0, len(rows))
		for _, r := range rows {
			wr := WordsRow{Group: r.Group}
			for _, c := range r.Cells {
				wc := WordsCell{Col: c.Col, ColSpan: max(c.ColSpan, 1), RowSpan: max(c.RowSpan, 1),
					Paras: c.paras, Small: c.small, Shaded: c.Fill >= 0, Color: c.Color}
				if c.Color == nil && c.Fill >= 0 && c.Fill != headFill {
					g := uint8(c.Fill*255 + 0.5)
					wc.Color = &RGB{R: g, G: g, B: g}
				}
				wr.Cells = append(wr.Cells, wc)
			}
			out = append(out, wr)
		}
		return out
	}
	wt.Header, wt.Rows = conv(t.Header), conv(t.Rows)
	return wt, nil
}

// folioWords splits the page number's words around its two numbers.
func (l *layouter) folioWords() ([]FolioPart, error) {
	const page, count = 900000001, 900000002
	s, err := l.words("halaman", struct{ Halaman, Jumlah int }{page, count})
	if err != nil {
		return nil, err
	}
	var out []FolioPart
	for s != "" {
		i, j := strings.Index(s, strconv.Itoa(page)), strings.Index(s, strconv.Itoa(count))
		at, field := i, "PAGE"
		if at < 0 || j >= 0 && j < at {
			at, field = j, "NUMPAGES"
		}
		if at < 0 {
			out = append(out, FolioPart{Text: s})
			break
		}
		if at > 0 {
			out = append(out, FolioPart{Text: s[:at]})
		}
		out = append(out, FolioPart{Field: field})
		s = s[at+9:]
	}
	return out, nil
}
