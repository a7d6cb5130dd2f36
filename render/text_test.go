package render

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pkgen/fonts"
)

const txEps = 1e-9

func txWidth(st fonts.Style, size float64, s string) float64 {
	return float64(fonts.MustFace(st).Width(s)) / 1000 * size * PtToMM
}

func TestMeasureWidth(t *testing.T) {
	t.Parallel()
	var m Measurer
	for _, st := range fonts.Styles {
		for _, s := range []string{"", "PIHAK PERTAMA", "Perjanjian Kinerja", "≤–—“”…", "\U0001F600"} {
			want := txWidth(st, 11, s)
			for range 2 { // second call hits the cache
				if got := m.Width(st, 11, s); math.Abs(got-want) > 1e-12 {
					t.Errorf("%v %q: %g, want %g", st, s, got, want)
				}
			}
		}
	}
	// Size is applied by multiplication on the cached units.
	if a, b := m.Width(fonts.Bold, 10, "Kinerja"), m.Width(fonts.Bold, 20, "Kinerja"); math.Abs(2*a-b) > 1e-12 {
		t.Errorf("size scaling: %g vs %g", a, b)
	}
	// An unknown style measures as Regular instead of panicking.
	if got, want := m.Width(fonts.Style(9), 10, "abc"), txWidth(fonts.Regular, 10, "abc"); got != want {
		t.Errorf("unknown style: %g, want %g", got, want)
	}
}

// txNonSpace returns s without whitespace.
func txNonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return -1
		}
		return r
	}, s)
}

func txParaText(p Para) string {
	var sb strings.Builder
	sb.WriteString(p.Marker)
	for _, s := range p.Spans {
		sb.WriteString(s.Text)
	}
	return txNonSpace(sb.String())
}

func txLinesText(lines []TextLine) string {
	var sb strings.Builder
	for _, l := range lines {
		for _, r := range l.Runs {
			sb.WriteString(r.Text)
		}
	}
	return txNonSpace(sb.String())
}

// txLineWords rebuilds a line's words: a gap between runs separates words.
func txLineWords(l TextLine) []string {
	var sb strings.Builder
	end := math.Inf(-1)
	for _, r := range l.Runs {
		if r.X > end+1e-9 && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(r.Text)
		end = r.X + r.Width
	}
	return strings.Fields(sb.String())
}

// txCheckGeometry checks runs stay in [0, width] (but for a lone character
// on a line narrower than it), widths match the text,
// runs do not overlap and Width is the last run's right edge.
func txCheckGeometry(t *testing.T, lines []TextLine, width float64) {
	t.Helper()
	for i, l := range lines {
		end := math.Inf(-1)
		for _, r := range l.Runs {
			single := len(l.Runs) == 1 && utf8.RuneCountInString(r.Text) == 1 && r.X == 0
			if r.X < -txEps || (r.X+r.Width > width+txEps && !single) {
				t.Errorf("line %d run %q [%g, %g] outside [0, %g]", i, r.Text, r.X, r.X+r.Width, width)
			}
			if r.X < end-txEps {
				t.Errorf("line %d run %q at %g overlaps previous ending %g", i, r.Text, r.X, end)
			}
			if want := txWidth(r.Style, r.Size, r.Text); math.Abs(r.Width-want) > 1e-9 {
				t.Errorf("line %d run %q width %g, measured %g", i, r.Text, r.Width, want)
			}
			end = r.X + r.Width
		}
		if len(l.Runs) > 0 && math.Abs(l.Width-end) > txEps {
			t.Errorf("line %d Width %g, last run ends %g", i, l.Width, end)
		}
	}
}

func txSpans(s string) []Span { return []Span{{Text: s}} }

const txLorem = "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, " +
	"dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini " +
	"sepakat untuk menetapkan target kinerja yang tertuang dalam perjanjian ini."

func TestLinesBreaking(t *testing.T) {
	t.Parallel()
	long := "https://jdih.example.go.id/peraturan/2024/nomor-123/lampiran-perjanjian-kinerja.pdf"
	cases := []struct {
		name  string
		p     Para
		width float64
		split bool // some word is wider than the column
	}{
		{name: "lorem wide", p: Para{Spans: txSpans(txLorem)}, width: 120},
		{name: "lorem narrow", p: Para{Spans: txSpans(txLorem)}, width: 30},
		{name: "lorem justify", p: Para{Spans: txSpans(txLorem), Align: AlignJustify}, width: 45},
		{name: "lorem center", p: Para{Spans: txSpans(txLorem), Align: AlignCenter}, width: 45},
		{name: "lorem right", p: Para{Spans: txSpans(txLorem), Align: AlignRight}, width: 45},
		{name: "indent marker", p: Para{Spans: txSpans(txLorem), Indent: 6, Marker: "12."}, width: 50},
		{name: "spaces collapse", p: Para{Spans: txSpans("  a \t\t b   c  ")}, width: 50},
		{name: "mixed styles", p: Para{Spans: []Span{
			{Text: "DASAR", Style: fonts.Bold}, {Text: " HUKUM : Peraturan Menteri "},
			{Text: "Pendayagunaan", Style: fonts.Italic}, {Text: "Aparatur", Style: fonts.BoldItalic},
			{Text: " Negara nomor 53 tahun 2014", Underline: true}}}, width: 50},
		{name: "long word", p: Para{Spans: txSpans("Lihat " + long + " untuk rinciannya.")}, width: 40, split: true},
		{name: "long word justify", p: Para{Spans: txSpans("Lihat " + long + " untuk rincian."), Align: AlignJustify}, width: 40, split: true},
		{name: "long mixed word", p: Para{Spans: []Span{{Text: "awal ABCDEFGHIJKLMNOP", Style: fonts.Bold}, {Text: "QRSTUVWXYZabcdefghij akhir"}}}, width: 20, split: true},
		{name: "tiny width", p: Para{Spans: txSpans("Kinerja utama")}, width: 1, split: true},
		{name: "zero width", p: Para{Spans: txSpans("ab cd")}, width: 0, split: true},
		{name: "hard breaks", p: Para{Spans: txSpans("satu\ndua tiga\n\nempat")}, width: 50},
		{name: "non-latin", p: Para{Spans: txSpans("Target ≥ 95% – “baik” … selesai")}, width: 25},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var m Measurer
			const size = 10
			lines := m.Lines(c.p, c.width, size, 1.2)
			if len(lines) == 0 {
				t.Fatal("no lines")
			}
			txCheckGeometry(t, lines, math.Max(c.width, 0))
			if got, want := txLinesText(lines), txParaText(c.p); got != want {
				t.Fatalf("text not preserved:\n got %q\nwant %q", got, want)
			}
			indent := math.Max(c.p.Indent, 0)
			avail := c.width - indent
			var inWords []string
			var all strings.Builder
			for _, s := range c.p.Spans {
				all.WriteString(s.Text)
			}
			inWords = strings.Fields(all.String())
			var outWords []string
			for i, l := range lines {
				runs := l.Runs
				if i == 0 && c.p.Marker != "" {
					runs = runs[1:]
				}
				outWords = append(outWords, txLineWords(TextLine{Runs: runs})...)
			}
			if !c.split {
				if strings.Join(outWords, "|") != strings.Join(inWords, "|") {
					t.Errorf("words split or merged:\n got %q\nwant %q", outWords, inWords)
				}
				return
			}
			// Every output word is a whole input word, or a piece of one too wide for the line.
			wi := 0
			for oi := 0; oi < len(outWords); {
				if wi >= len(inWords) {
					t.Fatalf("extra output %q", outWords[oi:])
				}
				if outWords[oi] == inWords[wi] {
					oi, wi = oi+1, wi+1
					continue
				}
				w := inWords[wi]
				if mw := m.Width(fonts.Regular, size, w); mw <= avail {
					t.Errorf("word %q (%.2f mm) fits %.2f mm but was split", w, mw, avail)
				}
				rest := w
				for oi < len(outWords) && strings.HasPrefix(rest, outWords[oi]) && rest != "" {
					rest = rest[len(outWords[oi]):]
					oi++
				}
				if rest != "" {
					t.Fatalf("pieces of %q do not rebuild it (left %q)", w, rest)
				}
				wi++
			}
		})
	}
}

func TestLinesSplitFillsLine(t *testing.T) {
	t.Parallel()
	var m Measurer
	w := strings.Repeat("abcdefghij", 8)
	lines := m.Lines(Para{Spans: txSpans(w)}, 30, 10, 1.2)
	if len(lines) < 2 {
		t.Fatalf("got %d lines", len(lines))
	}
	for i, l := range lines[:len(lines)-1] {
		next := lines[i+1].Runs[0].Text
		r, _ := firstRune(next)
		if l.Width+txWidth(fonts.Regular, 10, string(r)) <= 30 {
			t.Errorf("line %d %q (%.3f mm) could take %q too", i, l.Runs[0].Text, l.Width, r)
		}
	}
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, 1
	}
	return 0, 0
}

func TestLinesJustify(t *testing.T) {
	t.Parallel()
	var m Measurer
	const width = 45
	p := Para{Spans: []Span{{Text: txLorem[:80]}, {Text: txLorem[80:120], Style: fonts.Bold}, {Text: txLorem[120:] + "\n" + txLorem[:60]}}, Align: AlignJustify}
	lines := m.Lines(p, width, 10, 1.2)
	txCheckGeometry(t, lines, width)
	for i, l := range lines {
		words := txLineWords(l)
		hardEnd := strings.HasSuffix(strings.Join(words, " "), "ini.")
		last := i == len(lines)-1
		if last || hardEnd {
			// Natural spacing: runs merged, width less than the column.
			if l.Width > width-0.5 {
				t.Errorf("line %d (last or before a hard break) looks stretched: width %g", i, l.Width)
			}
			if len(l.Runs) >= len(words) && len(words) > 1 {
				t.Errorf("line %d: not merged: %d runs for %d words", i, len(l.Runs), len(words))
			}
			continue
		}
		if math.Abs(l.Width-width) > 1e-6 {
			t.Errorf("justified line %d ends at %.9f, want %d", i, l.Width, width)
		}
		if len(l.Runs) < len(words) {
			t.Errorf("justified line %d: %d runs for %d words", i, len(l.Runs), len(words))
		}
		for _, r := range l.Runs {
			if strings.Contains(r.Text, " ") {
				t.Errorf("justified line %d run %q holds a space", i, r.Text)
			}
		}
	}
	// The hard break ends a line: the line before is not justified.
	found := false
	for _, l := range lines {
		if w := txLineWords(l); len(w) > 0 && w[len(w)-1] == "ini." {
			found = true
		}
	}
	if !found {
		t.Error("no line ends at the hard break")
	}
}

func TestLinesAlign(t *testing.T) {
	t.Parallel()
	var m Measurer
	const width, size = 80.0, 10.0
	text := "PERJANJIAN KINERJA TAHUN 2025"
	nat := txWidth(fonts.Bold, size, text)
	for _, c := range []struct {
		a Align
		x float64
	}{{AlignLeft, 0}, {AlignCenter, (width - nat) / 2}, {AlignRight, width - nat}, {AlignJustify, 0}} {
		lines := m.Lines(Para{Spans: []Span{{Text: text, Style: fonts.Bold}}, Align: c.a}, width, size, 1.2)
		if len(lines) != 1 || len(lines[0].Runs) != 1 {
			t.Fatalf("align %d: %+v", c.a, lines)
		}
		r := lines[0].Runs[0]
		if math.Abs(r.X-c.x) > 1e-9 || r.Text != text || math.Abs(r.Width-nat) > 1e-9 {
			t.Errorf("align %d: run %+v, want X %g width %g", c.a, r, c.x, nat)
		}
	}
	// Centering happens within the indented area.
	lines := m.Lines(Para{Spans: txSpans("abc"), Align: AlignCenter, Indent: 10}, width, size, 1.2)
	if want := 10 + (width-10-txWidth(fonts.Regular, size, "abc"))/2; math.Abs(lines[0].Runs[0].X-want) > 1e-9 {
		t.Errorf("indented center at %g, want %g", lines[0].Runs[0].X, want)
	}
}

func TestLinesStyles(t *testing.T) {
	t.Parallel()
	var m Measurer
	const size = 10
	// Style changes mid-word: adjacent runs, no space.
	lines := m.Lines(Para{Spans: []Span{{Text: "kata"}, {Text: "tebal", Style: fonts.Bold}, {Text: " biasa"}}}, 100, size, 1.2)
	if len(lines) != 1 || len(lines[0].Runs) != 3 {
		t.Fatalf("got %+v", lines)
	}
	rs := lines[0].Runs
	if rs[0].Text != "kata" || rs[1].Text != "tebal" || rs[2].Text != "biasa" {
		t.Errorf("run texts %q %q %q", rs[0].Text, rs[1].Text, rs[2].Text)
	}
	if math.Abs(rs[1].X-txWidth(fonts.Regular, size, "kata")) > 1e-9 {
		t.Errorf("mid-word style change leaves a gap: %g", rs[1].X)
	}
	if gap := rs[2].X - (rs[1].X + rs[1].Width); math.Abs(gap-txWidth(fonts.Regular, size, " ")) > 1e-9 {
		t.Errorf("gap before biasa %g", gap)
	}
	// Label then text: "[B]DASAR HUKUM :[R] Peraturan"; same-style words merge.
	lines = m.Lines(Para{Spans: []Span{{Text: "DASAR HUKUM :", Style: fonts.Bold}, {Text: " Peraturan   Menteri"}}}, 100, size, 1.2)
	rs = lines[0].Runs
	if len(rs) != 2 || rs[0].Text != "DASAR HUKUM :" || rs[1].Text != "Peraturan Menteri" || rs[1].Style != fonts.Regular {
		t.Fatalf("runs %+v", rs)
	}
	// Same style across spans still merges into one run.
	lines = m.Lines(Para{Spans: []Span{{Text: "satu "}, {Text: "dua"}, {Text: "tiga"}}}, 100, size, 1.2)
	if rs = lines[0].Runs; len(rs) != 1 || rs[0].Text != "satu duatiga" {
		t.Errorf("runs %+v", rs)
	}
	// Underline splits runs.
	lines = m.Lines(Para{Spans: []Span{{Text: "Nama "}, {Text: "Pejabat", Underline: true}}}, 100, size, 1.2)
	if rs = lines[0].Runs; len(rs) != 2 || !rs[1].Underline || rs[0].Underline {
		t.Errorf("runs %+v", rs)
	}
}

func TestLinesHardBreaksAndSpace(t *testing.T) {
	t.Parallel()
	var m Measurer
	const size, leading = 10.0, 1.2
	lines := m.Lines(Para{Spans: txSpans("satu\ndua\n\ntiga\n"), SpaceBefore: 2.5}, 100, size, leading)
	var got []string
	for _, l := range lines {
		got = append(got, strings.Join(txLineWords(l), " "))
	}
	want := []string{"", "satu", "dua", "", "tiga"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("lines %q, want %q", got, want)
	}
	if lines[0].Height != 2.5 || len(lines[0].Runs) != 0 {
		t.Errorf("space line %+v", lines[0])
	}
	h := size * leading * PtToMM
	reg := fonts.MustFace(fonts.Regular)
	asc := (h-float64(reg.Ascent+reg.Descent)*size/1000*PtToMM)/2 + float64(reg.Ascent)*size/1000*PtToMM
	for _, l := range lines[1:] {
		if math.Abs(l.Height-h) > 1e-12 || math.Abs(l.Ascent-asc) > 1e-12 {
			t.Errorf("line height %g ascent %g, want %g %g", l.Height, l.Ascent, h, asc)
		}
	}
	if asc <= 0 || asc >= h {
		t.Errorf("ascent %g outside line of %g", asc, h)
	}
	if l := m.Lines(Para{Spans: txSpans("x")}, 100, size, leading); len(l) != 1 {
		t.Errorf("no SpaceBefore: %d lines", len(l))
	}
	if l := m.Lines(Para{Spans: txSpans("  \t ")}, 100, size, leading); len(l) != 0 {
		t.Errorf("blank para: %d lines", len(l))
	}
}

func TestLinesMarker(t *testing.T) {
	t.Parallel()
	var m Measurer
	const size = 10.0
	p := Para{Spans: txSpans(txLorem), Indent: 8, Marker: "3.", MarkerStyle: fonts.Bold}
	lines := m.Lines(p, 50, size, 1.2)
	mr := lines[0].Runs[0]
	mw := txWidth(fonts.Bold, size, "3.")
	if mr.Text != "3." || mr.Style != fonts.Bold || math.Abs(mr.X+mr.Width-(8-MarkerGap)) > 1e-9 || math.Abs(mr.Width-mw) > 1e-9 {
		t.Errorf("marker run %+v", mr)
	}
	for i, l := range lines {
		first := l.Runs[0]
		if i == 0 {
			first = l.Runs[1]
		}
		if math.Abs(first.X-8) > 1e-9 {
			t.Errorf("line %d text starts at %g, want 8", i, first.X)
		}
		if i > 0 && first.Text == "3." {
			t.Errorf("marker repeated on line %d", i)
		}
	}
	// A marker wider than the indent widens the indent instead of overflowing.
	lines = m.Lines(Para{Spans: txSpans("isi"), Indent: 1, Marker: "100."}, 50, size, 1.2)
	if r := lines[0].Runs; r[0].X < 0 || r[1].X < r[0].X+r[0].Width+MarkerGap-1e-9 {
		t.Errorf("wide marker runs %+v", r)
	}
	// Deep nesting in a narrow column: the indent is capped at half the width.
	lines = m.Lines(Para{Spans: txSpans("isi"), Indent: 40, Marker: "•"}, 20, size, 1.2)
	if r := lines[0].Runs; len(r) != 2 || r[1].X != 10 || r[0].X+r[0].Width != 10-MarkerGap {
		t.Errorf("capped indent runs %+v", r)
	}
	// A marker too wide to hang leads the text, inside the column.
	lines = m.Lines(Para{Spans: txSpans("isi"), Indent: 5, Marker: "123456789."}, 12, size, 1.2)
	txCheckGeometry(t, lines, 12)
	if got := txLinesText(lines); got != "123456789.isi" {
		t.Errorf("inline marker lines %+v", lines)
	}
	// A marker with no text still shows.
	if lines = m.Lines(Para{Marker: "•", Indent: 5}, 50, size, 1.2); len(lines) != 1 || lines[0].Runs[0].Text != "•" {
		t.Errorf("empty item %+v", lines)
	}
}

func TestLinesDegenerate(t *testing.T) {
	t.Parallel()
	var m Measurer
	p := Para{Spans: []Span{{Text: "abc def\n\tghi", Style: fonts.Style(200)}}, Indent: math.NaN(), Marker: "1.", SpaceBefore: math.NaN()}
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -5, 0, 0.1, 1e9} {
		for _, size := range []float64{0, -1, math.NaN(), 1e-6, 10} {
			for _, a := range []Align{AlignLeft, AlignCenter, AlignRight, AlignJustify, 17} {
				p.Align = a
				lines := m.Lines(p, w, size, 1.2)
				if got, want := txLinesText(lines), txParaText(p); got != want {
					t.Errorf("w %g size %g align %d: text %q, want %q", w, size, a, got, want)
				}
			}
		}
	}
}

func TestBlockConcatenates(t *testing.T) {
	t.Parallel()
	var m Measurer
	paras := []Para{{Spans: txSpans(txLorem)}, {Spans: txSpans("kedua"), SpaceBefore: 3}}
	block := m.Block(paras, 40, 10, 1.2)
	a := m.Lines(paras[0], 40, 10, 1.2)
	b := m.Lines(paras[1], 40, 10, 1.2)
	if len(block) != len(a)+len(b) {
		t.Fatalf("block %d lines, want %d", len(block), len(a)+len(b))
	}
	if txLinesText(block) != txLinesText(a)+txLinesText(b) {
		t.Error("block text differs")
	}
	// Runs of one line never alias the next when a caller appends.
	block[0].Runs = append(block[0].Runs, Run{Text: "X"})
	if block[1].Runs[0].Text == "X" {
		t.Error("appending to a line's runs clobbered the next line")
	}
}

func TestPlainParas(t *testing.T) {
	t.Parallel()
	ps := PlainParas("satu\r\ndua\n  \n\n tiga \n", fonts.Bold, AlignCenter)
	if len(ps) != 2 || ps[0].Spans[0].Text != "satu\ndua" || ps[1].Spans[0].Text != " tiga " ||
		ps[0].Spans[0].Style != fonts.Bold || ps[1].Align != AlignCenter {
		t.Errorf("got %+v", ps)
	}
	if ps := PlainParas(" \n\t\n", fonts.Regular, AlignLeft); len(ps) != 0 {
		t.Errorf("blank input: %+v", ps)
	}
}

var benchWords = strings.Fields("Dalam rangka mewujudkan manajemen pemerintahan yang efektif transparan " +
	"akuntabel berorientasi pada hasil kami bertanda tangan di bawah ini sepakat menetapkan " +
	"target kinerja tertuang perjanjian Kepala Dinas Komunikasi Informatika Provinsi " +
	"meningkatnya persentase layanan publik berbasis elektronik 2025 95% indikator")

// benchPara builds a 2,000-word paragraph whose style changes every few
// words, sometimes mid-word.
func benchPara(align Align) Para {
	var spans []Span
	var sb strings.Builder
	st := fonts.Regular
	for i := range 2000 {
		w := benchWords[(i*7+i/3)%len(benchWords)]
		if i%11 == 5 {
			// Mid-word change.
			cut := len(w) / 2
			sb.WriteString(w[:cut])
			spans = append(spans, Span{Text: sb.String(), Style: st})
			sb.Reset()
			st = fonts.Styles[(i/11)%4]
			sb.WriteString(w[cut:])
		} else {
			sb.WriteString(w)
		}
		sb.WriteByte(' ')
		if i%9 == 8 {
			spans = append(spans, Span{Text: sb.String(), Style: st})
			sb.Reset()
			st = fonts.Styles[(i/9)%4]
		}
	}
	spans = append(spans, Span{Text: sb.String(), Style: st})
	return Para{Spans: spans, Align: align}
}

func BenchmarkLines(b *testing.B) {
	for _, c := range []struct {
		name  string
		align Align
	}{{"left", AlignLeft}, {"justify", AlignJustify}} {
		b.Run(c.name, func(b *testing.B) {
			p := benchPara(c.align)
			var m Measurer
			b.ReportAllocs()
			for b.Loop() {
				if len(m.Lines(p, 80, 10, 1.2)) == 0 {
					b.Fatal("no lines")
				}
			}
		})
	}
}

func TestBenchParaSane(t *testing.T) {
	t.Parallel()
	p := benchPara(AlignLeft)
	n := 0
	for _, s := range p.Spans {
		n += len(strings.FieldsFunc(s.Text, unicode.IsSpace))
	}
	if n < 2000 {
		t.Errorf("bench paragraph has %d word pieces", n)
	}
	var m Measurer
	lines := m.Lines(p, 80, 10, 1.2)
	txCheckGeometry(t, lines, 80)
	if txLinesText(lines) != txParaText(p) {
		t.Error("bench paragraph text not preserved")
	}
}

// A code too wide for its column breaks after a hyphen that fits, never
// inside a part ("LLDIKTI-XII-IKU-01" broke as "LLDIKTI-XII-IK" / "U-01");
// a part itself too wide still breaks where it must.
func TestLinesSplitAtHyphens(t *testing.T) {
	t.Parallel()
	var m Measurer
	const size = 8
	code := "LLDIKTI-XII-IKU-01"
	cases := []struct {
		width float64
		want  string
	}{
		{m.Width(fonts.Regular, size, code) + 0.1, code},
		{m.Width(fonts.Regular, size, "LLDIKTI-XII-IKU-") + 0.1, "LLDIKTI-XII-IKU-|01"},
		{m.Width(fonts.Regular, size, "LLDIKTI-XII-IK") + 0.1, "LLDIKTI-XII-|IKU-01"},
		{m.Width(fonts.Regular, size, "LLDIKTI-") + 0.1, "LLDIKTI-|XII-IKU-|01"},
		{m.Width(fonts.Regular, size, "LLDIKT") + 0.1, "LLDIKT|I-XII-|IKU-01"},
	}
	for _, c := range cases {
		lines := m.Lines(Para{Spans: txSpans(code)}, c.width, size, 1.2)
		txCheckGeometry(t, lines, c.width)
		var got []string
		for _, l := range lines {
			got = append(got, strings.Join(txLineWords(l), ""))
		}
		if s := strings.Join(got, "|"); s != c.want {
			t.Errorf("%q in %.2f mm: %q, want %q", code, c.width, s, c.want)
		}
	}
	// A leading minus is not a hyphen to break after.
	lines := m.Lines(Para{Spans: txSpans("-0,0181234")}, m.Width(fonts.Regular, size, "-0,01812")+0.1, size, 1.2)
	if got := lines[0].Runs[0].Text; got != "-0,01812" {
		t.Errorf("a negative number broke after its sign: first line %q", got)
	}
}
