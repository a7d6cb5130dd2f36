package render

import (
	"strings"

	"pkgen/fonts"
	"pkgen/model"
	"pkgen/pesan"
)

// sigBlock is the laid-out signature area: one or two columns whose names
// share a baseline, and optionally a third ("Mengetahui") centred under
// them. It is placed whole, never split.
type sigBlock struct {
	h     float64
	cols  []sigCol
	third *sigCol
	rowH  float64 // height of the first row of columns
	space float64 // room to sign, mm
}

type sigCol struct {
	x    float64 // offset inside the block
	w    float64
	pre  []TextLine // date, role, jabatan
	name []TextLine // name, pangkat and NIP
	from []source   // the inputs printed, for the error when too tall

	// See tte.go.
	area    SignArea // who signs; place sets the rectangle
	anchor  string   // invisible text in the area, if any
	anchorW float64
	qr      [][]bool // QR code modules drawn in the area, if any
}

type signer struct {
	who   *model.Pihak
	key   string // the signatory's table: "pihak_pertama", "tanda_tangan.mengetahui"
	role  string // template block of the role line, or literal text when lit
	lit   bool
	date  bool
	alone bool // not beside another column: no blank date row to align
}

// signatures builds the signature area. On the statement page (statement
// true) the roles "PIHAK KEDUA," / "PIHAK PERTAMA," head each column and
// names are in capitals; after the lampiran they are as written.
func (l *layouter) signatures(d data, statement bool, w, size float64) (sigBlock, error) {
	signers, third := l.signers()
	colW := w / 2
	b := sigBlock{space: signSpace}
	for i, s := range signers {
		cx := float64(i) * colW
		if len(signers) == 1 {
			cx = colW
		}
		// Column content narrower than the half, so the two never touch.
		c, err := l.signerCol(d, s, statement, colW-6, size)
		if err != nil {
			return b, err
		}
		c.x = cx + 3
		b.cols = append(b.cols, c)
	}
	preH, nameH := 0.0, 0.0
	for _, c := range b.cols {
		preH = max(preH, height(c.pre))
		nameH = max(nameH, height(c.name))
	}
	b.rowH = preH + b.space + nameH
	b.h = b.rowH
	if third != nil {
		c, err := l.signerCol(d, *third, statement, colW-6, size)
		if err != nil {
			return b, err
		}
		c.x = (w-colW)/2 + 3
		b.third = &c
		b.h += 6 + height(c.pre) + b.space + height(c.name)
	}
	return b, nil
}

// signers are the signatories side by side (PIHAK KEDUA left of PIHAK
// PERTAMA, or PIHAK PERTAMA alone on the right), and the one "Mengetahui"
// under them, if any.
func (l *layouter) signers() ([]signer, *signer) {
	right := signer{who: &l.doc.PihakPertama, key: "pihak_pertama", role: "peran_pertama", date: true}
	signers := []signer{right}
	if l.doc.PihakKedua != nil {
		signers = []signer{{who: l.doc.PihakKedua, key: "pihak_kedua", role: "peran_kedua"}, right}
	}
	m := l.doc.Tandatangan.Mengetahui
	if m == nil {
		return signers, nil
	}
	role, lit := "peran_mengetahui", false
	if r := l.doc.Tandatangan.PeranKetiga; r != "" {
		role, lit = r, true
	}
	return signers, &signer{who: m, key: "tanda_tangan.mengetahui", role: role, lit: lit, alone: true}
}

// tighten returns the block with less room to sign (never under minSpace),
// for a statement page that would otherwise push its signatures onto a page
// of their own.
func (b sigBlock) tighten(over float64) sigBlock {
	const minSpace = 16.0
	rows := 1.0
	if b.third != nil {
		rows = 2
	}
	cut := min(over/rows, b.space-minSpace)
	if cut <= 0 {
		return b
	}
	b.space -= cut
	b.rowH -= cut
	b.h -= cut * rows
	return b
}

// signerCol lays out one signatory: optional date line, role, jabatan, the
// room to sign, the name, pangkat and NIP.
func (l *layouter) signerCol(d data, s signer, statement bool, w, size float64) (sigCol, error) {
	pre, name, err := l.signerParas(d, s, statement)
	if err != nil {
		return sigCol{}, err
	}
	var from []source
	flat := func(parts []sigPart) []Para {
		var out []Para
		for _, p := range parts {
			out = append(out, p.ps...)
			// Measured alone: the input's share of the column.
			if p.key != "" {
				from = append(from, linesSource(p.key, l.m.Block(p.ps, w, size, leading)))
			}
		}
		return out
	}
	c := sigCol{w: w, pre: l.m.Block(flat(pre), w, size, leading), name: l.m.Block(flat(name), w, size, leading), from: from}
	if err := l.electronic(&c, s, statement); err != nil {
		return sigCol{}, err
	}
	return c, nil
}

// sigPart is paragraphs of a signature column and the input they print
// (empty: none to name).
type sigPart struct {
	key string
	ps  []Para
}

// signerParas is one signatory's words: above the room to sign (date,
// role, jabatan) and below it (name, pangkat, NIP).
func (l *layouter) signerParas(d data, s signer, statement bool) (pre, name []sigPart, err error) {
	part := func(list *[]sigPart, key string, ps []Para) {
		*list = append(*list, sigPart{key, ps})
	}
	if l.doc.Tandatangan.BarisTanggal && (s.date || !s.alone) {
		text := "\u00a0" // keeps the columns' jabatan lines on one row
		if s.date {
			if text, err = l.words("tempat_tanggal", d); err != nil {
				return nil, nil, err
			}
		}
		part(&pre, within("tempat_tanggal", text, [2]string{"tempat", l.doc.Tempat}), PlainParas(text, fonts.Regular, AlignCenter))
	}
	if s.lit {
		part(&pre, s.key+".peran", PlainParas(s.role, fonts.Bold, AlignCenter))
	} else if statement || s.role == "peran_mengetahui" || l.doc.Tandatangan.PeranDiLampiran {
		role, err := l.rich(s.role, d, fonts.Bold, AlignCenter)
		if err != nil {
			return nil, nil, err
		}
		part(&pre, templateKey(s.role), role)
	}
	if l.opt.TTE {
		oleh, err := l.words("tte_oleh", d)
		if err != nil {
			return nil, nil, err
		}
		part(&pre, templateKey("tte_oleh"), PlainParas(oleh, fonts.Regular, AlignCenter))
	}
	part(&pre, jabatanKey(s.key, s.who.Jabatan, s.who.UnitKerja), PlainParas(l.signedJabatan(s.who), fonts.Regular, AlignCenter))
	part(&name, s.key+".nama", []Para{{Spans: []Span{{Text: l.f.nama(*s.who, statement), Style: fonts.Bold, Underline: true}}, Align: AlignCenter}})
	if s.who.Pangkat != "" {
		part(&name, s.key+".pangkat", PlainParas(s.who.Pangkat, fonts.Regular, AlignCenter))
	}
	if s.who.NIP != "" {
		nip, err := l.nipWords(s.who)
		if err != nil {
			return nil, nil, err
		}
		part(&name, "", PlainParas(nip, fonts.Regular, AlignCenter))
	}
	return pre, name, nil
}

// nipWords is who's NIP line as the document prints it under a signature:
// "NIP 197403091993111001", or grouped ("NIP. 19740309 199311 1 001").
func (l *layouter) nipWords(who *model.Pihak) (string, error) {
	nd := struct {
		NIP      string
		Kelompok bool
	}{who.NIP, l.doc.Tandatangan.NIP == model.NIPKelompok}
	if nd.Kelompok {
		nd.NIP = model.GroupNIP(who.NIP)
	}
	return l.words("nip", nd)
}

// signedJabatan is the jabatan above a signature: as written (case and
// punctuation kept), followed by the customary comma unless it already
// ends in punctuation ("Menteri Pertanian," or "a.n. Menteri:") or the
// document asks for none ([tanda_tangan] koma_jabatan = false).
func (l *layouter) signedJabatan(who *model.Pihak) string {
	s := who.JabatanLengkap()
	if l.doc.Tandatangan.JabatanAsWritten || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") {
		return s
	}
	return s + ","
}

// box is the block for a flow: never split.
func (b sigBlock) box() Box {
	return Box{H: b.h, Draw: func(p *Page, x, y float64) float64 {
		b.place(p, x, y)
		return y + b.h
	}, What: pesan.Key("blok tanda tangan"), From: b.from()}
}

// from lists the inputs the block prints.
func (b sigBlock) from() []source {
	var out []source
	for _, c := range b.cols {
		out = append(out, c.from...)
	}
	if b.third != nil {
		out = append(out, b.third.from...)
	}
	return out
}

// place draws the block with its top-left at (x, y) and records each
// column's signature area (see tte.go).
func (b sigBlock) place(p *Page, x, y float64) {
	space := b.space
	if space == 0 {
		// A block built without it (the capaian annex) has the full room,
		// which its height already counts.
		space = signSpace
	}
	preH := 0.0
	for _, c := range b.cols {
		preH = max(preH, height(c.pre))
	}
	for _, c := range b.cols {
		// Roles and jabatan start on one row; names share one baseline.
		p.put(c.pre, x+c.x, y, c.w, "signature")
		p.put(c.name, x+c.x, y+preH+space, c.w, "signature")
		c.reserve(p, x+c.x, y+preH, space)
	}
	if c := b.third; c != nil {
		ty := y + b.rowH + 6
		ty = p.put(c.pre, x+c.x, ty, c.w, "signature")
		p.put(c.name, x+c.x, ty+space, c.w, "signature")
		c.reserve(p, x+c.x, ty, space)
	}
}
