package render

import (
	"pkgen/fonts"
	"pkgen/model"
	"pkgen/templates"
)

// What a sasaran's cells show in the first row of a page where its
// indicators go on (Cell.Continued): its number again, and its name (or
// its parent's) followed by the sel_lanjutan words in italics, so that a
// row starting a page says which sasaran it belongs to.

// continued is a cell's continuation: text and, when marked, the
// sel_lanjutan words after it.
func (l *layouter) continued(text string, align Align, marked bool) (Content, error) {
	ps := PlainParas(text, fonts.Regular, align)
	if marked && len(ps) > 0 {
		word, err := l.words("sel_lanjutan", l.doc)
		if err != nil {
			return nil, err
		}
		last := &ps[len(ps)-1]
		last.Spans = append(last.Spans, Span{Text: " " + word, Style: fonts.Italic})
	}
	return l.content(ps, sizeTable), nil
}

// continuedCell is the continuation of a lampiran column spanning a
// sasaran's rows; nil for other columns.
func (l *layouter) continuedCell(k templates.Kolom, s model.Sasaran, ind model.Indikator) (Content, error) {
	align := aligns[k.Rata]
	switch k.Isi {
	case "sasaran.nomor":
		return l.cell(k, s, ind), nil
	case "sasaran.uraian":
		return l.continued(s.Uraian, align, true)
	case "sasaran.induk":
		return l.continued(s.Induk, align, true)
	}
	return nil, nil
}
