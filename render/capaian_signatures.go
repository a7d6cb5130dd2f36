package render

import "pkgen/fonts"

// signatures is the block that closes the annex: PIHAK PERTAMA's signature
// (right) and the PK's "Mengetahui" signatory centred under it. The chart
// keeps it on the page of its end (see chartBlock.flow). The date line is
// left blank (capaian_tempat_tanggal): the report is signed when it is
// made.
func (a *annex) signatures() (Box, error) {
	w := a.flow.Region().W
	size := float64(sizeIdent)
	colW := w / 2
	off, err := a.signerCol(a.cd.data, signer{who: &a.doc.PihakPertama, key: "pihak_pertama", role: "peran_pertama"}, false, colW-6, size)
	if err != nil {
		return Box{}, err
	}
	if a.doc.Tandatangan.BarisTanggal && len(off.pre) > 0 {
		// signerCol holds the date line's place with a blank line; the
		// report's own date line replaces it.
		date, err := a.words("capaian_tempat_tanggal")
		if err != nil {
			return Box{}, err
		}
		dl := a.m.Block(PlainParas(date, fonts.Regular, AlignCenter), colW-6, size, leading)
		off.pre = append(append([]TextLine(nil), dl...), off.pre[1:]...)
		off.from = append(off.from, linesSource(within("capaian_tempat_tanggal", date, [2]string{"tempat", a.doc.Tempat}), dl))
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
		c, err := a.signerCol(a.cd.data, signer{who: m, key: "tanda_tangan.mengetahui", role: role, lit: lit}, false, colW-6, size)
		if err != nil {
			return Box{}, err
		}
		c.x = (w-colW)/2 + 3
		b.third = &c
		b.h += 6 + height(c.pre) + signSpace + height(c.name)
	}
	return b.box(), nil
}

// markedBlock is a block that records where it begins when placed: a
// block kept with another gets no Mark of its own from Place.
type markedBlock struct {
	Block
	at Mark
}

func (m *markedBlock) flow(f *Flow, keep float64, here bool) (Mark, error) {
	at, err := m.Block.flow(f, keep, here)
	m.at = at
	return at, err
}
