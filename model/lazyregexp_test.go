package model

import (
	"regexp"
	"testing"

	"pkgen/internal/testutil"
)

// TestLazyRegexps: every expression compiled on first use compiles, and
// matches as the compiled expression does.
func TestLazyRegexps(t *testing.T) {
	t.Parallel()
	if len(lazyExprs) < 24 {
		t.Errorf("%d lazy expressions registered, want the package's 24 or more", len(lazyExprs))
	}
	for _, l := range lazyExprs {
		re, err := regexp.Compile(l.src)
		if err != nil {
			t.Errorf("%q: %v", l.src, err)
			continue
		}
		for _, s := range []string{"", "12,5 %", "[[sasaran]]", "Rp 1.000,00", "maks 10%", "<b>", "A (82)", "x = 1"} {
			if got, want := l.FindStringSubmatch(s), re.FindStringSubmatch(s); len(got) != len(want) || l.MatchString(s) != re.MatchString(s) || l.FindString(s) != re.FindString(s) {
				t.Errorf("%q on %q: %q, compiled %q", l.src, s, got, want)
			}
		}
	}
}

// TestSeedCompilesNoRegexp: loading the seed compiles no lazy expression,
// as a valid PK's values need none. Not parallel: it resets the package's
// expressions, and parallel tests only start after it.
func TestSeedCompilesNoRegexp(t *testing.T) {
	for _, l := range lazyExprs {
		*l = lazyRegexp{src: l.src}
	}
	doc, probs, err := Load(testutil.Rooted(testutil.Example(t, "jakarta-pusat-2023.toml")))
	if err != nil || doc == nil {
		t.Fatal(err, probs)
	}
	for _, l := range lazyExprs {
		if l.re != nil {
			t.Errorf("loading the seed compiled %q", l.src)
		}
	}
}
