package docx

import (
	"regexp"
	"strings"
	"testing"

	"pkgen/fonts"
	"pkgen/render"
)

// Each Markdown list is a list instance of its own, even two lists of
// one text or of texts written one after the other; a nested list is
// its own instance one level in, and its outer list goes on after it.
func TestListInstances(t *testing.T) {
	d := &writer{w: &render.Words{}}
	d.paras(render.RichParas("1. a\n2. b\n   - c\n3. d\n\ntext\n\n1. e", fonts.Regular, 1), paraOpt{size: 10})
	d.paras(render.RichParas("5. f", fonts.Regular, 1), paraOpt{size: 10})
	doc := d.b.String()
	ids := regexp.MustCompile(`<w:ilvl w:val="([0-9])"/><w:numId w:val="([0-9]+)"/>`).FindAllStringSubmatch(doc, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1]+":"+m[2])
	}
	// a b (list 1), c (list 2, level 1), d (list 1), e (list 3), f (list 4).
	if want := "0:1 0:1 1:2 0:1 0:3 0:4"; strings.Join(got, " ") != want {
		t.Errorf("list paragraphs %v, want %s", got, want)
	}
	if len(d.nums) != 4 || d.nums[3].Start != 5 || d.nums[1].Kind != render.ListBullet {
		t.Errorf("instances %+v", d.nums)
	}
	num := string(d.numbering())
	for _, want := range []string{`<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>`,
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">`} {
		if !strings.Contains(num, want) {
			t.Errorf("numbering.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, ">1.<") || strings.Contains(doc, ">•<") {
		t.Error("a marker is written as text")
	}
}

func TestHex(t *testing.T) {
	if got := hex(render.RGB{R: 46, G: 139, B: 87}); got != "2E8B57" {
		t.Errorf("hex = %s", got)
	}
}
