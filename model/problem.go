package model

import (
	"fmt"
	"sort"
	"strings"
)

// Severity separates errors (the document cannot be used) from warnings
// (suspicious but legal).
type Severity uint8

const (
	Galat      Severity = iota // error
	Peringatan                 // warning
)

// Problem is one located validation message.
type Problem struct {
	File     string
	Line     int    // 0 when unknown
	Path     string // key path such as "sasaran[3].indikator[1].target.tw2"
	Msg      string // in Indonesian: what is wrong and what is expected
	Severity Severity
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Severity == Peringatan {
		b.WriteString("peringatan: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every message about one document. As an error it lists the
// errors only.
type Problems []Problem

// Errors returns the problems of severity Galat.
func (ps Problems) Errors() Problems { return ps.filter(Galat) }

// Warnings returns the problems of severity Peringatan.
func (ps Problems) Warnings() Problems { return ps.filter(Peringatan) }

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

func (ps Problems) Error() string {
	errs := ps.Errors()
	lines := make([]string, len(errs))
	for i, p := range errs {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sortByLine orders messages as they appear in the file; messages without a
// line keep their order after those with one.
func (ps Problems) sortByLine() {
	sort.SliceStable(ps, func(i, j int) bool {
		li, lj := ps[i].Line, ps[j].Line
		if li == 0 || lj == 0 {
			return li != 0 && lj == 0
		}
		return li < lj
	})
}
