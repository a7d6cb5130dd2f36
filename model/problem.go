package model

import (
	"fmt"
	"sort"
	"strings"

	"pkgen/pesan"
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
	// Key and Args are Msg as a catalogue message (package pesan), to
	// print it in another language; Key is empty for a message that has
	// no translation (an operating-system error), and Msg is then used.
	Key  string
	Args []any
}

// problemf makes a problem whose message is the catalogue key format
// with args.
func problemf(file string, line int, path string, sev Severity, format string, args ...any) Problem {
	return Problem{File: file, Line: line, Path: path, Severity: sev,
		Msg: fmt.Sprintf(format, args...), Key: format, Args: args}
}

// problemOf makes an error problem of err: its catalogue message when err
// is one, else its text.
func problemOf(file string, line int, path string, err error) Problem {
	p := Problem{File: file, Line: line, Path: path, Msg: err.Error()}
	if m, ok := pesan.Of(err); ok {
		p.Key, p.Args = m.Key, m.Args
	}
	return p
}

// String is the problem in Indonesian:
// "file:line: [peringatan: ]key.path: message".
func (p Problem) String() string { return p.line(p.Msg, "peringatan: ") }

// In is the problem as String prints it, in pr's language. (Not named
// Format: that name belongs to fmt.Formatter.)
func (p Problem) In(pr *pesan.Printer) string {
	return p.line(p.Text(pr), pr.Text("peringatan")+": ")
}

// Text is the message alone in pr's language.
func (p Problem) Text(pr *pesan.Printer) string {
	if p.Key == "" {
		return p.Msg
	}
	return pr.Sprintf(p.Key, p.Args...)
}

func (p Problem) line(msg, warning string) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Severity == Peringatan {
		b.WriteString(warning)
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(msg)
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

// Error lists the errors in Indonesian, one per line.
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
