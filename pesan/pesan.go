// Package pesan holds every user-facing message of pkgen in one catalogue
// (a golang.org/x/text/message/catalog Builder), in Indonesian, the
// default, and English, and prints messages in either language.
//
// A message's key is its Indonesian format string exactly as the code
// uses it ("tahun %d di luar rentang 2000–2100"), so the Indonesian text
// is the key itself and a message reads naturally where it is used. Long
// texts (help) are keyed by name ("help.check") instead. Every key has
// both languages in the catalogue (katalog*.go); the package's tests check
// that, and that every message in the Go sources of the model and the CLI
// is catalogued.
//
// Formatting is fmt's, not x/text/message's: message.Printer localises
// numbers (2023 would print "2.023" in Indonesian and "2,023" in English),
// which would change every message that prints a year, a line or a count.
// The catalogue is used for the lookup only; see Printer.
package pesan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"
)

// The two languages of the catalogue.
var (
	Indonesia = language.Indonesian
	Inggris   = language.English
)

// Printer renders catalogue messages in one language. The zero value and
// nil print Indonesian.
type Printer struct {
	en bool
}

var (
	idPrinter = &Printer{}
	enPrinter = &Printer{en: true}
)

// ID prints Indonesian: the catalogue's keys, byte for byte.
var ID = idPrinter

// NewPrinter returns the printer of the catalogue language nearest to
// tag: English for any English, Indonesian otherwise.
func NewPrinter(tag language.Tag) *Printer {
	if base, _ := tag.Base(); base.String() == "en" {
		return enPrinter
	}
	return idPrinter
}

// Lang is the printer's language.
func (p *Printer) Lang() language.Tag {
	if p != nil && p.en {
		return Inggris
	}
	return Indonesia
}

// Text returns the catalogue text of key, unformatted: for long texts
// (help) and for words used as arguments of other messages. A key missing
// from the catalogue is returned as it is.
func (p *Printer) Text(key string) string {
	if p != nil && p.en {
		if s, ok := lookup(Inggris, key); ok {
			return s
		}
	}
	// Every key is its own Indonesian text (build sets it so), which is
	// also what a key missing from the catalogue gives: a run in
	// Indonesian never builds or searches the catalogue.
	return key
}

// Sprintf formats the message key with args in the printer's language.
// Arguments that are messages themselves (Lokal: Pesan, model values with
// translated names) are rendered in the same language first. A key missing
// from the catalogue is used as its own format.
func (p *Printer) Sprintf(key string, args ...any) string {
	if p == nil || !p.en {
		// Indonesian: the key is the text (see Text), and Lokal arguments
		// print their Indonesian form through String or Error.
		return fmt.Sprintf(key, args...)
	}
	return fmt.Sprintf(p.Text(key), p.localArgs(args)...)
}

// Fprintf writes the message key with args to w in the printer's language.
func (p *Printer) Fprintf(w io.Writer, key string, args ...any) (int, error) {
	return io.WriteString(w, p.Sprintf(key, args...))
}

// Fprint writes the text of key (see Text) to w.
func (p *Printer) Fprint(w io.Writer, key string) (int, error) {
	return io.WriteString(w, p.Text(key))
}

func (p *Printer) localArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Lokal:
			out[i] = v.In(p)
		case error:
			out[i] = p.Error(v)
		default:
			out[i] = a
		}
	}
	return out
}

// Error renders an error in the printer's language when it is a message
// (or ends with one, as "berkas.toml: " + message); other errors keep
// their own text.
func (p *Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	if l, ok := err.(Lokal); ok {
		return l.In(p)
	}
	var m *Pesan
	if errors.As(err, &m) {
		if id := m.Error(); strings.HasSuffix(s, id) {
			return s[:len(s)-len(id)] + m.In(p)
		}
	}
	return s
}

// Lokal is a value that renders itself in a printer's language: a Pesan,
// or a model value whose name is a catalogue word (a kind of value, a
// change). Its String or Error method gives the Indonesian.
type Lokal interface {
	In(p *Printer) string
}

// Pesan is a catalogued message kept as its key and arguments, so that it
// can be rendered in any language later. As an error and a Stringer it is
// the Indonesian text, as fmt.Sprintf(Key, Args...) gives it.
type Pesan struct {
	Key  string
	Args []any
}

// M is the message key with args (key is a catalogue key).
func M(key string, args ...any) Pesan { return Pesan{Key: key, Args: args} }

// Errorf is the message key with args as an error (a *Pesan, so that
// errors.Is can find a sentinel made by Errorf); its text is the
// Indonesian, like fmt.Errorf(key, args...) (without %w).
func Errorf(key string, args ...any) error { return &Pesan{Key: key, Args: args} }

func (m Pesan) Error() string {
	if m.Key == "" {
		return ""
	}
	return fmt.Sprintf(m.Key, m.Args...)
}

func (m Pesan) String() string { return m.Error() }

// In renders the message in p's language.
func (m Pesan) In(p *Printer) string {
	if m.Key == "" {
		return ""
	}
	return p.Sprintf(m.Key, m.Args...)
}

// Of returns the message err is, when its whole text is one (an error
// made by Errorf, possibly wrapped without adding text).
func Of(err error) (Pesan, bool) {
	var m *Pesan
	if err == nil || !errors.As(err, &m) || m.Error() != err.Error() {
		return Pesan{}, false
	}
	return *m, true
}

// Key marks a catalogue key written in one place and formatted in another
// (a table of messages); it returns key unchanged. The catalogue test
// finds keys by these marks.
func Key(key string) string { return key }

// The process-wide printer.
//
// pkgen chooses its language once, at start (--lang, else the locale
// environment), and messages are printed from deep inside commands — in
// batch workers, in the live-preview loop, in files that take only an
// io.Writer. Passing a printer through every signature would touch every
// function of the CLI for a setting that, like the locale itself, belongs
// to the whole process; so the CLI sets it here with Use and the helpers
// below print through it. It is atomic, so workers may print while it is
// read; tests that run the CLI set it for each run.
var current atomic.Pointer[Printer]

// Use makes the printer of tag the process-wide one and returns it.
func Use(tag language.Tag) *Printer {
	p := NewPrinter(tag)
	current.Store(p)
	return p
}

// Current is the process-wide printer (Indonesian until Use is called).
func Current() *Printer {
	if p := current.Load(); p != nil {
		return p
	}
	return idPrinter
}

// Sprintf formats the message key with the process-wide printer.
func Sprintf(key string, args ...any) string { return Current().Sprintf(key, args...) }

// Fprintf writes the message key with the process-wide printer: the one
// line a command needs, pesan.Fprintf(stderr, "…%s…\n", x).
func Fprintf(w io.Writer, key string, args ...any) (int, error) {
	return Current().Fprintf(w, key, args...)
}

// Text is the text of key (help, words) with the process-wide printer.
func Text(key string) string { return Current().Text(key) }

// Fprint writes the text of key with the process-wide printer.
func Fprint(w io.Writer, key string) (int, error) { return Current().Fprint(w, key) }

// Parse reads a language as written on the command line or in the locale
// environment: "en", "id", "en_US.UTF-8", "id_ID", "en-GB". ok is false for
// a language the catalogue does not have (and for "C" and "POSIX").
func Parse(s string) (tag language.Tag, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || strings.EqualFold(s, "C") || strings.EqualFold(s, "POSIX") {
		return Indonesia, false
	}
	t, err := language.Parse(s)
	if err != nil {
		return Indonesia, false
	}
	switch base, _ := t.Base(); base.String() {
	case "en":
		return Inggris, true
	case "id":
		return Indonesia, true
	}
	return Indonesia, false
}

// FromEnv is the language of the locale environment: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as for gettext; English when it
// names English, Indonesian otherwise.
func FromEnv(getenv func(string) string) language.Tag {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			t, _ := Parse(v)
			return t
		}
	}
	return Indonesia
}
