package render

import (
	"cmp"
	"slices"

	"pkgen/fonts"
	"pkgen/pesan"
)

// Nothing is clipped: text that cannot stand where it must (the statement
// on page 1, a block that never breaks on one page, a legend within the
// page's width, the notes in the bottom margin) is a LayoutError naming the
// input that made it too big, found by measuring what each input's text
// takes there.

// LayoutError is input that cannot be laid out without clipping text or
// pushing it off its page.
type LayoutError struct {
	// Key is the input to change: a key path of the document
	// ("instansi.kop", "pihak_pertama.nama", "capaian.kategori[2].nama") or
	// a template block (`templat "janji"`).
	Key string
	msg pesan.Pesan // "key: what is wrong and what is expected"
}

func (e *LayoutError) Error() string { return e.msg.Error() }

// In is the message in p's language.
func (e *LayoutError) In(p *pesan.Printer) string { return e.msg.In(p) }

// Unwrap gives the catalogue message, so that a printer finds it under a
// prefix ("pk.toml: …").
func (e *LayoutError) Unwrap() error { return &e.msg }

func layoutErrorf(key, format string, args ...any) *LayoutError {
	return &LayoutError{Key: key, msg: pesan.M(format, append([]any{key}, args...)...)}
}

// source is an input whose text a block prints, and the room its text takes
// there: the measure by which the input to shorten is chosen.
type source struct {
	key   string // as LayoutError.Key
	h     float64
	lines int
}

// templateKey names a template block as a LayoutError key.
func templateKey(block string) string { return `templat "` + block + `"` }

// within names the input to blame for a line made by a template from data:
// the datum that is most of the text, else the template block.
func within(block, text string, data ...[2]string) string {
	for _, d := range data {
		if 2*len(d[1]) > len(text) {
			return d[0]
		}
	}
	return templateKey(block)
}

// jabatanKey names the input to blame for a party's printed jabatan
// (status, jabatan and unit kerja): the longer of jabatan and unit kerja.
func jabatanKey(party string, jabatan, unit string) string {
	if len(unit) > len(jabatan) {
		return party + ".unit_kerja"
	}
	return party + ".jabatan"
}

// linesSource is the source of laid-out lines.
func linesSource(key string, lines []TextLine) source {
	s := source{key: key, h: height(lines)}
	for _, ln := range lines {
		if len(ln.Runs) > 0 {
			s.lines++
		}
	}
	return s
}

// measure is the source of an input's text laid out alone w wide, as it is
// printed inside a longer line or sentence.
func (l *layouter) measure(key, text string, style fonts.Style, w, size float64) source {
	if text == "" || w <= 0 {
		return source{key: key}
	}
	return linesSource(key, l.m.Block(PlainParas(text, style, AlignLeft), w, size, leading))
}

// culprit is the input whose text takes the most room, summed over the
// places it is printed; ties go to the first listed.
func culprit(from []source) source {
	var sums []source
	for _, s := range from {
		if i := slices.IndexFunc(sums, func(t source) bool { return t.key == s.key }); i >= 0 {
			sums[i].h += s.h
			sums[i].lines += s.lines
			continue
		}
		sums = append(sums, s)
	}
	if len(sums) == 0 {
		return source{}
	}
	best := sums[0]
	for _, s := range sums[1:] {
		if cmp.Compare(s.h, best.h) > 0 {
			best = s
		}
	}
	return best
}

// tooTall is the error for a block that does not fit on a fresh page.
func tooTall(what string, need, room float64, from []source) *LayoutError {
	c := culprit(from)
	return layoutErrorf(c.key, "%s: %s setinggi %.1f mm tidak muat di satu halaman (%.1f mm); teks ini mengisi %.1f mm (%d baris): persingkat",
		pesan.M(what), need, room, c.h, c.lines)
}

// noRoom is the error for a block that must stand in the rest of its page
// (OnThisPage) and does not fit there.
func noRoom(what string, need, room float64, from []source) *LayoutError {
	c := culprit(from)
	return layoutErrorf(c.key, "%s: %s setinggi %.1f mm tidak muat di sisa halamannya (%.1f mm); teks ini mengisi %.1f mm (%d baris): persingkat",
		pesan.M(what), need, room, c.h, c.lines)
}
