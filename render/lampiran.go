package render

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
	"pkgen/templates"
)

// lampiran lays out the landscape annex: title, identity lines, the table
// (or one table per section, [[bagian]]) over as many pages as it needs,
// the budget table, then the closing signatures. It returns where the
// annex begins.
func (l *layouter) lampiran() (Mark, error) {
	d, err := l.data()
	if err != nil {
		return Mark{}, err
	}
	cols, err := l.tpl.Lampiran(l.doc.Lampiran)
	if err != nil {
		return Mark{}, err
	}
	f := l.flow
	start := f.NewPage(lampiranPage)
	r := f.Region()
	x, w := r.X, r.W

	title, err := l.rich("judul_lampiran", d, fonts.Bold, AlignCenter)
	if err != nil {
		return Mark{}, err
	}
	head, err := l.head(d, "judul_lampiran", l.m.Block(title, w, sizeHeading, leading), x, w)
	if err != nil {
		return Mark{}, err
	}
	if _, err := f.Place(head); err != nil {
		return Mark{}, err
	}
	f.Space(3)

	// The closing signatures stand on a page with the end of the last
	// table; a lampiran-only document without parties has none.
	const gap = 6.0
	sig := func(*placement) {}
	var closing Block
	if l.doc.HasParties() {
		blk, err := l.signatures(d, false, w, sizeIdent)
		if err != nil {
			return Mark{}, err
		}
		closing = Stack{Gap(gap), blk.box()}
		sig = KeepWithNext(closing)
	}
	a := cols.Anggaran
	sections := l.doc.Sections()
	for i, sec := range sections {
		set, err := l.tpl.Lampiran(sec.Lampiran)
		if err != nil {
			return Mark{}, err
		}
		key := templateKey("lampiran-" + set.Nama) // the column set's words
		only := len(sections) == 1 && a == nil
		if only {
			if over, err := l.scaledOverLimit(set, sec.Sasaran, closing); err != nil || over {
				return Mark{}, cmp.Or(err, errPageLimit)
			}
		}
		var tb *TableBlock
		if only {
			tb = l.specTableBlock()
		}
		if tb == nil {
			t, err := l.table(set, sec.Sasaran)
			if err != nil {
				return Mark{}, err
			}
			tb = &TableBlock{Table: t}
		}
		if only {
			if over, err := l.overLimit(tb, closing); err != nil || over {
				return Mark{}, cmp.Or(err, errPageLimit)
			}
		}
		judul, from := sec.Judul, key
		if judul == "" {
			judul = set.Judul
		} else {
			from = sec.KeyPath() + ".judul"
		}
		var opts []Option
		if i == len(sections)-1 && a == nil {
			opts = append(opts, sig)
		}
		if i > 0 {
			f.Space(gap)
		}
		m, err := f.Place(l.captioned(judul, from, w, tb), opts...)
		if err != nil {
			return Mark{}, inColumnSet(key, err)
		}
		if only {
			l.keepBase(tb)
		}
		if sec.Index > 0 && judul != "" {
			l.sections = append(l.sections, Bookmark{Title: judul, Level: 1, Page: m.Page, Y: m.Y})
		}
	}
	if a == nil {
		return start, nil
	}
	// The budget table is short: it moves whole rather than split.
	set := templateKey("lampiran-" + cols.Nama)
	f.Space(gap)
	budget := l.captioned(a.Judul, set, w, &TableBlock{Table: l.anggaranTable(a, set, cols.NomorKolom)})
	_, err = f.Place(budget, KeepWhole(), FillPage(), sig)
	return start, inColumnSet(set, err)
}

// overLimit tells whether the lampiran cannot keep within l.pageLimit:
// its only table tb, starting in the room left on this page (or on the
// next), with closing (may be nil) kept with its end, needs more pages. The
// grid measured here is the one tb is placed with.
func (l *layouter) overLimit(tb *TableBlock, closing Block) (bool, error) {
	if l.pageLimit == nil {
		return false, nil
	}
	limit := l.pageLimit()
	if limit <= 0 {
		return false, nil
	}
	g, err := tb.gridFor(l.flow.Region().W)
	if err != nil {
		return false, err
	}
	start, err := l.startOf(closing)
	if err != nil {
		return false, err
	}
	over := start.pagesAtLeast(g) > limit
	if over && countLimited != nil {
		countLimited()
	}
	return over, nil
}

// tablePagesAtLeast is a lower bound on the pages, the current one
// included, that a table takes whose body rows are body mm tall laid out
// whole (split rows only grow), with its header head on every page, and
// keep mm kept with its end, when room is left on the current page and
// every later page holds full: a page holds at most its room. The table
// starts here or on the next page; the kept block stands on the page of
// the table's end or, when that fails, on a later one.
func tablePagesAtLeast(body, head, keep, room, full float64) int {
	const slack = 0.01 // mm a page may hold more, beyond the engine's tolerance
	room, full = room+slack, full+slack
	per := full - head
	if per <= 0 {
		return 1
	}
	pages := func(x float64) int {
		// Starting here k pages hold room + (k-1)*full, and k headers
		// and x of them; starting on the next page, one more.
		here := max(1, int(math.Ceil((x+full-room)/per-1e-9)))
		next := 1 + max(1, int(math.Ceil(x/per-1e-9)))
		return min(here, next)
	}
	n := pages(body + keep)
	if keep > 0 {
		n = min(n, pages(body)+1)
	}
	return n
}

// captioned is a table under its heading, the bold line printed 1.5 mm
// over it, kept with the table's start; from is the input of the heading's
// words. Without a heading it is the table alone.
func (l *layouter) captioned(s, from string, w float64, t *TableBlock) Block {
	if s == "" {
		return t
	}
	lines := l.m.Block(PlainParas(s, fonts.Bold, AlignLeft), w, sizeIdent, leading)
	box := linesBox(lines, 0, w, "block")
	box.What, box.From = pesan.Key("judul tabel"), []source{linesSource(from, lines)}
	return &Captioned{Heading: box, Gap: 1.5, Table: t}
}

// inColumnSet names the column set in a table's error (columns wider than
// the page, too narrow for their padding) unless it names an input already.
func inColumnSet(set string, err error) error {
	var le *LayoutError
	if err == nil || errors.As(err, &le) {
		return err
	}
	return layoutErrorf(set, "%s: kolom tidak dapat ditata: %v", err)
}

// head is the top of an annex's first page: its title lines (of template
// block titled), then the identity lines of PIHAK PERTAMA.
func (l *layouter) head(d data, titled string, title []TextLine, x, w float64) (Box, error) {
	id, err := l.identity(d, x, w)
	if err != nil {
		return Box{}, err
	}
	return Box{H: height(title) + 4 + id.h, Draw: func(p *Page, x, y float64) float64 {
		y = p.put(title, x, y, w, "block") + 4
		return id.draw(p, y)
	}, What: pesan.Key("judul dan identitas"), From: append(id.from, linesSource(templateKey(titled), title))}, nil
}

// identity lays out the lines under the title with aligned colons: by
// default Nama / NIP / Jabatan / Unit Kerja of PIHAK PERTAMA and the
// ministry's header lines given in [instansi], else the document's
// identitas_lampiran; lines without a value are left out.
func (l *layouter) identity(d data, x, w float64) (labelledRows, error) {
	labels, values, keys, err := l.identityRows(d)
	if err != nil {
		return labelledRows{}, err
	}
	return l.labelled(labels, values, keys, x, w, sizeIdent), nil
}

// identityRows are the identity lines' labels, values and the values'
// inputs.
func (l *layouter) identityRows(d data) (labels, values, keys []string, err error) {
	who := l.doc.PihakPertama
	jabatan := who.Jabatan
	if who.Status != "" {
		jabatan = who.Status + " " + jabatan
	}
	nip := who.NIP
	if l.doc.Tandatangan.NIP == model.NIPKelompok {
		nip = model.GroupNIP(nip)
	}
	rows := map[string]struct{ block, value, key string }{
		model.IdentitasNama:                  {"identitas_nama", l.f.nama(who, false), "pihak_pertama.nama"},
		model.IdentitasNIP:                   {"identitas_nip", nip, "pihak_pertama.nip"},
		model.IdentitasJabatan:               {"identitas_jabatan", jabatan, "pihak_pertama.jabatan"},
		model.IdentitasUnitKerja:             {"identitas_unit", who.UnitKerja, "pihak_pertama.unit_kerja"},
		model.IdentitasUnitOrganisasiEselonI: {"identitas_unit_organisasi_eselon_i", l.doc.Instansi.UnitOrganisasiEselonI, "instansi.unit_organisasi_eselon_i"},
		model.IdentitasUnitOrganisasi:        {"identitas_unit_organisasi", l.doc.Instansi.UnitOrganisasi, "instansi.unit_organisasi"},
		model.IdentitasSatker:                {"identitas_satker", l.doc.Instansi.Satker, "instansi.satker"},
		model.IdentitasTahunAnggaran:         {"identitas_tahun_anggaran", strconv.Itoa(l.doc.Tahun), "tahun"},
	}
	for _, name := range l.doc.Identitas() {
		r := rows[name]
		if r.value == "" {
			continue
		}
		s, err := l.words(r.block, d)
		if err != nil {
			return nil, nil, nil, err
		}
		labels, values, keys = append(labels, s), append(values, r.value), append(keys, r.key)
	}
	return labels, values, keys, nil
}

// headFill is the grey of header cells.
const headFill = 0.85

var aligns = map[string]Align{"": AlignLeft, "kiri": AlignLeft, "tengah": AlignCenter, "kanan": AlignRight}

// content returns a cell's content from paragraphs, laid out at the width
// the table engine decides.
func (l *layouter) content(ps []Para, size float64) Content {
	return func(width float64) []TextLine {
		return l.m.Block(ps, width, size, tableLead) // a slice of its own
	}
}

func (l *layouter) plainCell(s string, style fonts.Style, align Align) Content {
	return l.content(PlainParas(s, style, align), l.tableSize)
}

// plainTextCell is c holding plain text, kept for Words.
func (l *layouter) plainTextCell(c Cell, s string, style fonts.Style, align Align) Cell {
	return l.textCell(c, PlainParas(s, style, align))
}

// headCell is a header cell: bold, centred, grey, with its words' input.
func (l *layouter) headCell(col, colSpan, rowSpan int, s, key string) Cell {
	return l.textCell(Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Fill: headFill, Middle: true, Key: key},
		PlainParas(s, fonts.Bold, AlignCenter))
}

// textCell is c with its content from paragraphs, which it keeps for
// formats that lay text out themselves (Words).
func (l *layouter) textCell(c Cell, ps []Para) Cell {
	c.Content, c.paras = l.content(ps, l.tableSize), ps
	return c
}

// table builds a lampiran table of sasaran from a column set: a two-level
// header when columns are grouped, a group row where the kelompok changes,
// and sasaran columns spanning their indicators' rows.
func (l *layouter) table(set templates.Lampiran, sasaran []model.Sasaran) (*Table, error) {
	t := &Table{PadX: 1.2, PadY: 1.0, Border: 0.2, MinLines: 2}
	grouped := false
	for _, k := range set.Kolom {
		t.Columns = append(t.Columns, Column{Width: k.Lebar, Weight: k.Bobot})
		grouped = grouped || k.Grup != ""
	}
	l.fitTargets(t, set, sasaran)
	key := templateKey("lampiran-" + set.Nama)
	top := Row{}
	sub := Row{}
	for i := 0; i < len(set.Kolom); {
		k := set.Kolom[i]
		if k.Grup == "" {
			rs := 1
			if grouped {
				rs = 2
			}
			top.Cells = append(top.Cells, l.headCell(i, 1, rs, k.Judul, key))
			i++
			continue
		}
		j := i
		for j < len(set.Kolom) && set.Kolom[j].Grup == k.Grup {
			sub.Cells = append(sub.Cells, l.headCell(j, 1, 1, set.Kolom[j].Judul, key))
			j++
		}
		top.Cells = append(top.Cells, l.headCell(i, j-i, 1, k.Grup, key))
		i = j
	}
	t.Header = []Row{top}
	if grouped {
		t.Header = append(t.Header, sub)
	}
	if set.NomorKolom {
		t.Header = append(t.Header, l.columnNumbers(len(set.Kolom)))
	}

	groups := model.Groups(sasaran)
	n := 0
	for _, g := range groups {
		for _, s := range g.Sasaran {
			n += len(s.Indikator)
		}
		if g.Nama != "" {
			n++
		}
	}
	t.Rows = make([]Row, 0, n)
	for _, g := range groups {
		if g.Nama != "" {
			t.Rows = append(t.Rows, Row{Group: true, Cells: []Cell{l.textCell(Cell{Col: 0, ColSpan: len(set.Kolom), RowSpan: 1, Fill: -1},
				PlainParas(g.Nama, fonts.Bold, AlignLeft))}})
		}
		for si, s := range g.Sasaran {
			// A parent objective spans the rows of the consecutive sasaran
			// that share it.
			indukRows := 0
			if si == 0 || s.Induk != g.Sasaran[si-1].Induk {
				for _, n := range g.Sasaran[si:] {
					if n.Induk != s.Induk {
						break
					}
					indukRows += len(n.Indikator)
				}
			}
			for j, ind := range s.Indikator {
				row := Row{Cells: make([]Cell, 0, len(set.Kolom))}
				for c, k := range set.Kolom {
					span := 1
					switch {
					case k.Isi == "sasaran.induk":
						if j > 0 || indukRows == 0 {
							continue
						}
						span = indukRows
					case isSasaran(k.Isi):
						if j > 0 {
							continue
						}
						span = len(s.Indikator)
					}
					cell := l.textCell(Cell{Col: c, ColSpan: 1, RowSpan: span, Fill: -1}, l.cellParas(k, s, ind))
					if span > 1 || k.Isi == "sasaran.induk" || isSasaran(k.Isi) {
						var err error
						if cell.Continued, err = l.continuedCell(k, s, ind); err != nil {
							return nil, err
						}
					}
					row.Cells = append(row.Cells, cell)
				}
				t.Rows = append(t.Rows, row)
			}
		}
	}
	return t, nil
}

// fitTargets widens a fixed-width target column to its widest value, so
// that a value printed as written (0,018169) never breaks inside the number;
// up to 35 mm, the proportional columns giving way.
func (l *layouter) fitTargets(t *Table, set templates.Lampiran, sasaran []model.Sasaran) {
	for c, k := range set.Kolom {
		if k.Lebar <= 0 || !strings.HasPrefix(k.Isi, "target.") && k.Isi != "indikator.kondisi_awal" {
			continue
		}
		for _, s := range sasaran {
			for _, ind := range s.Indikator {
				text := l.cellText(k, ind)
				if strings.ContainsAny(text, " \n") {
					continue // words wrap between them
				}
				w := l.m.Width(fonts.Regular, l.tableSize, text) + 2*t.PadX + 0.5
				t.Columns[c].Width = max(t.Columns[c].Width, min(w, 35))
			}
		}
	}
}

func isSasaran(field string) bool { return field == "sasaran.nomor" || field == "sasaran.uraian" }

// cell is the content of one column for one indicator row.
func (l *layouter) cell(k templates.Kolom, s model.Sasaran, ind model.Indikator) Content {
	return l.content(l.cellParas(k, s, ind), l.tableSize)
}

// cellParas is the paragraphs of one column for one indicator row.
func (l *layouter) cellParas(k templates.Kolom, s model.Sasaran, ind model.Indikator) []Para {
	align := aligns[k.Rata]
	var text string
	switch k.Isi {
	case "sasaran.nomor":
		text = strconv.Itoa(s.Nomor)
	case "sasaran.uraian":
		text = s.Uraian
	case "indikator.nomor":
		text = strconv.Itoa(ind.Nomor)
	case "indikator.uraian":
		text = ind.Uraian
	case "indikator.sumber_data":
		text = ind.SumberData
	case "indikator.pengukuran":
		ps := l.pengukuran(ind.Pengukuran)
		if align != AlignLeft {
			for i := range ps {
				ps[i].Align = align
			}
		}
		return ps
	case "indikator.satuan":
		text = ind.Satuan
	case "target.tw1", "target.tw2", "target.tw3", "target.tw4", "target.tahunan", "target.tahunan_satuan",
		"indikator.kondisi_awal", "target.akhir", "target.akhir_tahun":
		text = l.cellText(k, ind)
	case "sasaran.induk":
		text = s.Induk
	}
	return PlainParas(text, fonts.Regular, align)
}

// cellText is a target column's text for one indicator.
func (l *layouter) cellText(k templates.Kolom, ind model.Indikator) string {
	switch k.Isi {
	case "target.tw1", "target.tw2", "target.tw3", "target.tw4":
		return l.f.nilai(ind.Target.TW[k.Isi[len(k.Isi)-1]-'1'])
	case "target.tahunan":
		return l.f.nilai(ind.Target.Tahunan)
	case "target.tahunan_satuan":
		text := l.f.nilai(ind.Target.Tahunan)
		// A percentage or a category already says what it is.
		if j := ind.Target.Tahunan.Jenis; ind.Satuan != "" && j != model.Persen && j != model.Kategori {
			text += " " + ind.Satuan
		}
		return text
	case "indikator.kondisi_awal":
		if v := ind.KondisiAwal; v != nil {
			return l.f.nilai(v.Nilai)
		}
	case "target.akhir":
		if v := ind.TargetAkhir; v != nil {
			return l.f.nilai(v.Nilai)
		}
	case "target.akhir_tahun":
		if v := ind.TargetAkhir; v != nil {
			return strings.TrimSpace(v.Dokumen + " " + strconv.Itoa(v.Tahun))
		}
	}
	return ""
}

// pengukuran is a definition's paragraphs: parsed once per process
// (definitions), whatever the type size tried or the document, and copied
// so that a cell may change its alignment.
func (l *layouter) pengukuran(md string) []Para {
	ps := definitions.get(md, func(md string) []Para { return RichParas(md, fonts.Regular, 1.2) })
	return slices.Clone(ps)
}
