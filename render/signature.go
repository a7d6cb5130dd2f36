package render

import (
	"pkgen/fonts"
	"pkgen/model"
)

// sigBlock is the laid-out signature area: one or two columns whose names
// share a baseline. It is placed whole, never split.
type sigBlock struct {
	h    float64
	cols []sigCol
	w    float64
}

type sigCol struct {
	x    float64 // offset inside the block
	w    float64
	pre  []TextLine // date, role, jabatan
	name []TextLine // name and NIP
}

// signatures builds the signature area. On the statement page (statement
// true) the roles "PIHAK KEDUA," / "PIHAK PERTAMA," head each column and
// names are in capitals; after the lampiran they are as written.
func (l *layouter) signatures(d data, statement bool, w, size float64) (sigBlock, error) {
	type party struct {
		who  *model.Pihak
		role string
		date bool
	}
	right := party{&l.doc.PihakPertama, "peran_pertama", true}
	var parties []party
	if l.doc.PihakKedua != nil {
		parties = []party{{l.doc.PihakKedua, "peran_kedua", false}, right}
	} else {
		parties = []party{right}
	}
	date, err := l.words("tempat_tanggal", d)
	if err != nil {
		return sigBlock{}, err
	}
	colW := w / 2
	b := sigBlock{w: w}
	for i, pt := range parties {
		cx := float64(i) * colW
		if len(parties) == 1 {
			cx = colW
		}
		// Column content narrower than the half, so the two never touch.
		inner := colW - 6
		var pre []Para
		if pt.date {
			pre = append(pre, PlainParas(date, fonts.Regular, AlignCenter)...)
		} else {
			pre = append(pre, PlainParas("\u00a0", fonts.Regular, AlignCenter)...)
		}
		if statement {
			role, err := l.rich(pt.role, d, fonts.Bold, AlignCenter)
			if err != nil {
				return sigBlock{}, err
			}
			pre = append(pre, role...)
		}
		pre = append(pre, PlainParas(pt.who.JabatanLengkap()+",", fonts.Regular, AlignCenter)...)
		name := []Para{{Spans: []Span{{Text: l.f.nama(*pt.who, statement), Style: fonts.Bold, Underline: true}}, Align: AlignCenter}}
		if pt.who.NIP != "" {
			nip, err := l.words("nip", pt.who.NIP)
			if err != nil {
				return sigBlock{}, err
			}
			name = append(name, PlainParas(nip, fonts.Regular, AlignCenter)...)
		}
		b.cols = append(b.cols, sigCol{x: cx + 3, w: inner,
			pre: l.m.Block(pre, inner, size, leading), name: l.m.Block(name, inner, size, leading)})
	}
	preH, nameH := 0.0, 0.0
	for _, c := range b.cols {
		preH = max(preH, height(c.pre))
		nameH = max(nameH, height(c.name))
	}
	b.h = preH + signSpace + nameH
	return b, nil
}

// place draws the block with its top-left at (x, y).
func (b sigBlock) place(p *Page, x, y float64) {
	preH := 0.0
	for _, c := range b.cols {
		preH = max(preH, height(c.pre))
	}
	for _, c := range b.cols {
		// Roles and jabatan start on one row; names share one baseline.
		p.put(c.pre, x+c.x, y, c.w, "signature")
		p.put(c.name, x+c.x, y+preH+signSpace, c.w, "signature")
	}
}
