package model

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on first use. Compiling the
// package's expressions at start-up took about 1 ms of every run of pkgen
// (pkgen version included); most runs use few of them, and the TOML error
// explanations only on a syntax error.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// lazyExprs lists every lazyRegexp, so a test compiles them all.
var lazyExprs []*lazyRegexp

func lazyRE(src string) *lazyRegexp {
	l := &lazyRegexp{src: src}
	lazyExprs = append(lazyExprs, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool            { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string           { return l.get().FindString(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
