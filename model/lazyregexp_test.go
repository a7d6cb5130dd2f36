package model

import (
	"regexp"
	"testing"
)

// TestLazyRegexps: every expression compiled on first use compiles, and
// matches as the compiled expression does.
func TestLazyRegexps(t *testing.T) {
	t.Parallel()
	if len(lazyExprs) < 25 {
		t.Errorf("%d lazy expressions registered, want the package's 25 or more", len(lazyExprs))
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
