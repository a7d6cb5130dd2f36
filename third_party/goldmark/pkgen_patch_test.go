// pkgen patch: not part of upstream goldmark (see README.pkgen.md).

package goldmark_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// convert is goldmark's HTML of src with the default options.
func convert(t *testing.T, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLazyCaseFolding: link references match through Unicode case
// folding, which now builds its map on first use.
func TestLazyCaseFolding(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"[Straẞe]: /u\n\n[STRASSE]\n", `<a href="/u">STRASSE</a>`},
		{"[ΑΓΩ]: /g\n\n[αγω]\n", `<a href="/g">αγω</a>`},
		{"[Foo]: /f\n\n[bar]\n", "<p>[bar]</p>"},
	} {
		if got := convert(t, c.src); !strings.Contains(got, c.want) {
			t.Errorf("%q: got %q, want it to contain %q", c.src, got, c.want)
		}
	}
}

// TestLazyEmailAutolink: an e-mail autolink still finds its domain with
// the expression now compiled on first use.
func TestLazyEmailAutolink(t *testing.T) {
	got := convert(t, "<foo@bar.example.com> and <foo@-bad>\n")
	if !strings.Contains(got, `<a href="mailto:foo@bar.example.com">foo@bar.example.com</a>`) {
		t.Errorf("no mailto link: %q", got)
	}
	if strings.Contains(got, "mailto:foo@-bad") {
		t.Errorf("a domain starting with a hyphen became a link: %q", got)
	}
}

// TestLazyHTML: raw inline HTML (open and close tags) and the seven kinds
// of HTML block are recognised by the expressions now compiled on first
// use, from several goroutines at once.
func TestLazyHTML(t *testing.T) {
	blocks := []struct {
		src  string
		kind ast.HTMLBlockType
	}{
		{"<script>\nx\n</script>\n", ast.HTMLBlockType1},
		{"<!-- c -->\n", ast.HTMLBlockType2},
		{"<?php x ?>\n", ast.HTMLBlockType3},
		{"<!DOCTYPE html>\n", ast.HTMLBlockType4},
		{"<![CDATA[ x ]]>\n", ast.HTMLBlockType5},
		{"<div>\nx\n", ast.HTMLBlockType6},
		{"<custom-tag>\nx\n", ast.HTMLBlockType7},
	}
	p := goldmark.DefaultParser()
	var wg sync.WaitGroup
	for _, b := range blocks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := p.Parse(text.NewReader([]byte(b.src)))
			h, ok := doc.FirstChild().(*ast.HTMLBlock)
			if !ok {
				t.Errorf("%q: first block is %T, want an HTML block", b.src, doc.FirstChild())
				return
			}
			if h.HTMLBlockType != b.kind {
				t.Errorf("%q: HTML block of type %d, want %d", b.src, h.HTMLBlockType, b.kind)
			}
		}()
	}
	wg.Wait()
	doc := p.Parse(text.NewReader([]byte("a <span class=\"x\">b</span> c\n")))
	var raw int
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.RawHTML); ok && entering {
			raw++
		}
		return ast.WalkContinue, nil
	})
	if raw != 2 {
		t.Errorf("raw inline HTML: %d nodes, want 2 (the open and the close tag)", raw)
	}
}
