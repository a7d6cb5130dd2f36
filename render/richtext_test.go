package render

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"pkgen/fonts"
	"pkgen/internal/testutil"
)

const (
	richSize    = 10.0
	richLeading = 1.2
	richWidth   = 70.0
)

var richTags = map[fonts.Style]string{fonts.Regular: "[R]", fonts.Bold: "[B]", fonts.Italic: "[I]", fonts.BoldItalic: "[BI]"}

// richDump lays paragraphs out and prints one line per TextLine: "~ gap",
// or "@x {marker} [S]text" with a style tag at the start and on each change,
// a space where runs are apart, "_" around underlined runs.
func richDump(paras []Para, width float64) string {
	var m Measurer
	var sb strings.Builder
	for _, p := range paras {
		lines := m.Lines(p, width, richSize, richLeading)
		marker := p.Marker != ""
		for _, l := range lines {
			if len(l.Runs) == 0 {
				if l.Height == p.SpaceBefore && p.SpaceBefore > 0 {
					fmt.Fprintf(&sb, "~ %.2f\n", l.Height)
				} else {
					sb.WriteString("(empty)\n")
				}
				continue
			}
			runs := l.Runs
			x := runs[0].X
			if marker {
				x = runs[1%len(runs)].X
				if len(runs) == 1 {
					x = p.Indent
				}
			}
			fmt.Fprintf(&sb, "@%.1f ", x)
			if marker {
				fmt.Fprintf(&sb, "{%s} ", runs[0].Text)
				runs = runs[1:]
				marker = false
			}
			style := fonts.Style(255)
			end := math.Inf(-1)
			for _, r := range runs {
				if r.Style != style {
					sb.WriteString(richTags[r.Style])
					style = r.Style
				}
				if r.X > end+1e-9 && !math.IsInf(end, -1) {
					sb.WriteByte(' ')
				}
				if r.Underline {
					sb.WriteString("_" + r.Text + "_")
				} else {
					sb.WriteString(r.Text)
				}
				end = r.X + r.Width
			}
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func TestRichGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "richtext", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			paras := RichParas(string(src), fonts.Regular, ParaGap(richSize, richLeading))
			got := richDump(paras, richWidth)
			for _, h := range RawHTML(string(src)) {
				got += fmt.Sprintf("raw %q\n", h)
			}
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			testutil.Golden(t, golden, []byte(got))
		})
	}
}

func richFlat(paras []Para) string {
	var sb strings.Builder
	for i, p := range paras {
		if i > 0 {
			sb.WriteString(" | ")
		}
		if p.Marker != "" {
			fmt.Fprintf(&sb, "{%s@%g}", p.Marker, p.Indent)
		}
		for _, s := range p.Spans {
			sb.WriteString(richTags[s.Style] + s.Text)
		}
	}
	return sb.String()
}

func TestRichParas(t *testing.T) {
	t.Parallel()
	cases := []struct{ md, want string }{
		{`a \> b &amp; c`, "[R]a > b & c"},
		{`\&amp; &#0; &#x110000; &#12345678;`, "[R]&amp; \uFFFD \uFFFD &#12345678;"},
		{"<p>x</p>", "[R]<p>x</p>"},
		{"a <b>b</b>", "[R]a <b>b</b>"},
		{"**a *b* c**", "[B]a [BI]b[B] c"},
		{"a\\\nb  \nc\nd", "[R]a\nb\nc d"},
		{"`*x*`", "[R]*x*"},
		{"3. a\n4. b", "{3.@5}[R]a | {4.@5}[R]b"},
		{"1) a", "{1)@5}[R]a"},
		{"1. a\n   - b\n     - c", "{1.@5}[R]a | {•@10}[R]b | {•@15}[R]c"},
		{"1. - a", "{1.@5} | {•@10}[R]a"},
		{"-\n- b", "{•@5} | {•@5}[R]b"},
		{"# H *i*", "[B]H [BI]i"},
		{"[t](u) ![alt](i.png) <http://x.y>", "[R]t alt http://x.y"},
		{"a\n\n---\n\nb", "[R]a | [R]b"},
		{"", ""},
	}
	for _, c := range cases {
		if got := richFlat(RichParas(c.md, fonts.Regular, 2)); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.md, got, c.want)
		}
	}
	// Gaps: between blocks, not between tight items, and the base style carries.
	ps := RichParas("p\n\n- a\n- b\n\nq", fonts.Italic, 2)
	var gaps []float64
	for _, p := range ps {
		gaps = append(gaps, p.SpaceBefore)
		if p.Spans[0].Style != fonts.Italic {
			t.Errorf("style %v, want italic", p.Spans[0].Style)
		}
	}
	if !reflect.DeepEqual(gaps, []float64{0, 2, 0, 2}) {
		t.Errorf("gaps %v", gaps)
	}
	ps = RichParas("- a\n\n- b", fonts.Regular, 2)
	if len(ps) != 2 || ps[1].SpaceBefore != 2 {
		t.Errorf("loose list gaps: %+v", ps)
	}
}

func TestRawHTML(t *testing.T) {
	t.Parallel()
	got := RawHTML("<div>\nx\n</div>\n\na <b>b</b> `<i>` \\<u>")
	want := []string{"<div>\nx\n</div>", "<b>", "</b>"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := RawHTML("plain *text*"); len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

func FuzzRichParas(f *testing.F) {
	f.Add("**DASAR HUKUM :** Peraturan\n\n3. a\n   - b\n4. c", 60.0)
	f.Add("<p>x</p>\n\na <b>b</b> \\> &amp; `c`", 30.0)
	f.Add("https://example.go.id/sangat/panjang/sekali/tanpa/spasi", 10.0)
	f.Add("a\\\nb  \nc\n\n> q\n\n---\n\n    code", 15.5)
	f.Add("1. \n- \n\n***x***y**z**", 0.5)
	f.Add("- - - - abc\n\n123456789. x", 12.0)
	f.Fuzz(func(t *testing.T, md string, width float64) {
		paras := RichParas(md, fonts.Regular, 2)
		if again := RichParas(md, fonts.Regular, 2); !reflect.DeepEqual(paras, again) {
			t.Fatal("RichParas not deterministic")
		}
		_ = RawHTML(md)
		var m, fresh Measurer
		for i := range paras {
			paras[i].Align = Align(len(md)+i) % 4
		}
		for _, p := range paras {
			lines := m.Lines(p, width, 10, 1.2)
			if !reflect.DeepEqual(lines, fresh.Lines(p, width, 10, 1.2)) {
				t.Fatal("a warm Measurer lays out differently from a fresh one")
			}
			if got, want := txLinesText(lines), txParaText(p); got != want {
				t.Fatalf("text not preserved:\n got %q\nwant %q", got, want)
			}
			if width >= 10 && width < 1e6 {
				for _, l := range lines {
					for _, r := range l.Runs {
						lone := utf8.RuneCountInString(r.Text) == 1 // a glyph wider than the room left
						if r.X < -1e-9 || (r.X+r.Width > width+1e-6 && !lone) {
							t.Fatalf("run %q [%g, %g] outside width %g", r.Text, r.X, r.X+r.Width, width)
						}
					}
				}
			}
		}
		_ = m.Block(paras, width, 10, 1.2)
	})
}
