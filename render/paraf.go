package render

import (
	"pkgen/fonts"
	"pkgen/model"
)

// Paraf koordinasi: the officials who check a draft initial it before the
// leader signs. The document's [[paraf]] list prints as a row of boxes at
// the foot of the statement page, or of every page ([tanda_tangan]
// paraf_di = "semua"), on drafts and final versions alike: the jabatan
// over each box, the nama, when given, small at the box's foot. The flow
// keeps that room free (Flow.KeepFoot), so the statement must still fit
// page 1 with it.

// Sizes of the paraf table.
const (
	parafBoxW     = 26.0 // mm, each box
	parafBoxH     = 10.0 // mm, room to initial
	parafGap      = 3.0  // mm, above the table
	sizeParaf     = 7.0  // pt, jabatan
	sizeParafNama = 6.0  // pt, nama
)

// parafTable is the laid-out table: one column per official.
type parafTable struct {
	heads, names [][]TextLine
	headH, nameH float64
}

// h is the table's height.
func (t *parafTable) h() float64 { return t.headH + parafBoxH + t.nameH }

// parafLayout lays the [[paraf]] boxes out; nil without any.
func (l *layouter) parafLayout() *parafTable {
	if len(l.doc.Paraf) == 0 {
		return nil
	}
	t := &parafTable{}
	for _, p := range l.doc.Paraf {
		head := l.m.Block(PlainParas(p.Jabatan, fonts.Regular, AlignCenter), parafBoxW-2, sizeParaf, 1.15)
		name := l.m.Block(PlainParas(p.Nama, fonts.Regular, AlignCenter), parafBoxW-2, sizeParafNama, 1.15)
		t.heads, t.names = append(t.heads, head), append(t.names, name)
		t.headH = max(t.headH, height(head)+1)
		t.nameH = max(t.nameH, height(name))
	}
	return t
}

// parafOn reports whether page i carries the table.
func (l *layouter) parafOn(i int) bool {
	if l.doc.Tandatangan.ParafDi == model.ParafSemua {
		return true
	}
	return i == 0 && l.out.Statement
}

// drawParaf draws the table at the foot of the pages that carry it, its
// bottom on the bottom margin, from the left margin; model.maxParaf boxes
// fit the narrowest page.
func (l *layouter) drawParaf(t *parafTable) {
	if t == nil {
		return
	}
	for i := range l.out.Pages {
		if !l.parafOn(i) {
			continue
		}
		p := &l.out.Pages[i]
		mg := lampiranMargins
		if !p.Landscape() {
			mg = statementMargins
		}
		top := p.Height - mg.Bottom - t.h()
		for c := range t.heads {
			x := mg.Left + float64(c)*parafBoxW
			p.Rects = append(p.Rects,
				Rect{X: x, Y: top, W: parafBoxW, H: t.headH, Fill: -1, Stroke: 0.2},
				Rect{X: x, Y: top + t.headH, W: parafBoxW, H: parafBoxH + t.nameH, Fill: -1, Stroke: 0.2})
			p.put(t.heads[c], x+1, top+0.5, parafBoxW-2, "paraf")
			p.put(t.names[c], x+1, top+t.headH+parafBoxH, parafBoxW-2, "paraf")
		}
	}
}
