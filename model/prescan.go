package model

import (
	"unicode/utf8"

	"pkgen/pesan"
)

// Limits on the shape of a TOML text, checked before it is decoded. The
// TOML decoder (BurntSushi/toml) takes time and memory quadratic in the
// depth of a value: 4,000 nested inline tables, 16 KB of text, take 19 s
// and 887 MB, and so do deep arrays and dotted keys of thousands of parts.
// A PK is at most 7 levels deep ([capaian.skala.NAMA] with tingkat = [ {
// label = … } ]), so these limits leave room and keep the decoder's cost
// linear in the size of the file.
const (
	// MaxDepth bounds how deep arrays and inline tables nest inside one
	// another: [[[1]]] is 3.
	MaxDepth = 16
	// MaxKeyParts bounds the dotted parts of one key (a.b.c = 1 is 3) and
	// of one table name ([a.b.c] is 3).
	MaxKeyParts = 16
	// MaxItems bounds the keys (each dotted part), table names (each part),
	// arrays, inline tables and array elements of one file. The decoder spends about a kilobyte
	// on each: 32 MiB of one-line tables took 40 s and 3.9 GB. A PK of
	// 10,000 indicators has about 150,000.
	MaxItems = 400_000
)

// LimitError is a TOML text past MaxDepth, MaxKeyParts or MaxItems, at the line and
// column (1-based, in characters) where the limit is passed.
type LimitError struct {
	Line, Col int
	Msg       pesan.Pesan // what is past the limit and what is expected
}

// Error is the message in Indonesian, "baris 3, kolom 17: …".
func (e *LimitError) Error() string { return e.full().Error() }

// In renders the message in p's language (pesan.Lokal).
func (e *LimitError) In(p *pesan.Printer) string { return e.full().In(p) }

// Unwrap gives the message as a catalogue message, for pesan.Of and for
// printing it in another language after wrapping.
func (e *LimitError) Unwrap() error { m := e.full(); return &m }

func (e *LimitError) full() pesan.Pesan {
	return pesan.M("baris %d, kolom %d: %s", e.Line, e.Col, e.Msg)
}

// PreScan checks a TOML text against MaxDepth, MaxKeyParts and MaxItems in one pass
// over its bytes, before it is decoded; the error is a *LimitError. It
// reads strings (basic, literal, multi-line) and comments as TOML does, so
// that brackets and dots inside them do not count, and is lenient
// otherwise: a text it passes may still be invalid TOML, for the decoder to
// report. Every TOML text pkgen decodes goes through it first; templates
// use it for column sets.
func PreScan(data []byte) error {
	s := prescanner{data: data, line: 1, keyAt: -1}
	return s.run()
}

type prescanner struct {
	data      []byte
	i         int    // next byte
	line      int    // line of data[i], 1-based
	lineStart int    // offset of the line's first byte
	open      []byte // open arrays and inline tables: '[' or '{'
	keyAt     int    // offset where the key being read starts; -1 outside a key
	parts     int    // dotted parts of that key so far
	items     int    // keys, table names, arrays and elements so far (see MaxItems)
}

func (s *prescanner) run() error {
	atStart := true // at the start of a top-level line: a key or a [table]
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '\n':
			s.i++
			s.line, s.lineStart = s.line+1, s.i
			if len(s.open) == 0 {
				atStart, s.keyAt = true, -1
			}
			continue
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
			continue
		case c == '#':
			s.skipComment()
			continue
		}
		if atStart {
			atStart = false
			if c == '[' {
				if err := s.header(); err != nil {
					return err
				}
				continue
			}
			s.startKey()
		}
		var err error
		start := s.i
		switch c {
		case '"', '\'':
			s.str()
			err = s.keyPart(start)
		case '[', '{':
			s.keyAt = -1
			if len(s.open) >= MaxDepth {
				return s.limit(s.i, pesan.M("daftar atau tabel sebaris bersarang lebih dari %d tingkat; sebuah PK memerlukan kurang dari 10 tingkat, periksa tanda [ dan { yang tidak ditutup", MaxDepth))
			}
			if err = s.count(s.i); err != nil {
				return err
			}
			s.open = append(s.open, c)
			s.i++
			if c == '{' {
				s.startKey()
			}
		case ']', '}':
			if n := len(s.open); n > 0 {
				s.open = s.open[:n-1]
			}
			s.keyAt = -1
			s.i++
		case ',':
			s.i++
			if n := len(s.open); n > 0 && s.open[n-1] == '{' {
				s.startKey()
			} else if n > 0 {
				err = s.count(start) // the next element of an array
			}
		case '=':
			s.keyAt = -1
			s.i++
		case '.':
			s.i++
			if s.keyAt >= 0 {
				s.parts++
				if err = s.count(start); err == nil {
					err = s.keyPart(start)
				}
			}
		default:
			s.bare()
			err = s.keyPart(start)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// startKey marks the start of a key: at the start of a line, after { and
// after a comma in an inline table.
func (s *prescanner) startKey() { s.keyAt, s.parts = -2, 0 }

// keyPart counts a part of the key being read (a bare or quoted word
// starting at offset at).
func (s *prescanner) keyPart(at int) error {
	switch {
	case s.keyAt == -1:
		return nil
	case s.keyAt == -2: // the first part
		s.keyAt, s.parts = at, 1
		if err := s.count(at); err != nil {
			return err
		}
	}
	if s.parts > MaxKeyParts {
		return s.limit(s.keyAt, pesan.M("kunci bertitik dengan lebih dari %d bagian; tulis kunci seperti a.b = 1 dengan paling banyak %d bagian", MaxKeyParts, MaxKeyParts))
	}
	return nil
}

// count counts one item at offset at against MaxItems.
func (s *prescanner) count(at int) error {
	if s.items++; s.items > MaxItems {
		return s.limit(at, pesan.M("berkas berisi lebih dari %d kunci, nama tabel dan unsur daftar; sebuah PK dengan 10.000 indikator berisi sekitar 150.000", MaxItems))
	}
	return nil
}

// header reads a [table] or [[table]] name up to its closing bracket on
// the same line, counting its parts.
func (s *prescanner) header() error {
	at, parts := s.i, 1
	if err := s.count(at); err != nil {
		return err
	}
	s.i++
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case '\n':
			return nil
		case '"', '\'':
			s.str()
			continue
		case '.':
			if parts++; parts > MaxKeyParts {
				return s.limit(at, pesan.M("nama tabel dengan lebih dari %d bagian; tulis [a.b] dengan paling banyak %d bagian", MaxKeyParts, MaxKeyParts))
			}
			if err := s.count(s.i); err != nil {
				return err
			}
		case ']':
			for s.i < len(s.data) && s.data[s.i] == ']' {
				s.i++
			}
			return nil
		case '#':
			return nil
		}
		s.i++
	}
	return nil
}

// bare skips a bare word: a bare key part, a number, a date, true/false.
func (s *prescanner) bare() {
	start := s.i
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n', '#', '"', '\'', '[', ']', '{', '}', ',', '=', '.':
			if s.i == start {
				s.i++ // a byte no rule takes: step over it
			}
			return
		}
		s.i++
	}
}

// str skips a string starting at s.i: basic or literal, on one line or
// multi-line (three quotes). A one-line string ends at the end of its
// line even when not closed (the decoder reports that).
func (s *prescanner) str() {
	q := s.data[s.i]
	if s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q {
		s.i += 3
		for s.i < len(s.data) {
			c := s.data[s.i]
			switch {
			case c == '\\' && q == '"':
				s.i++
				if s.i < len(s.data) && s.data[s.i] == '\n' {
					continue
				}
			case c == '\n':
				s.line, s.lineStart = s.line+1, s.i+1
			case c == q && s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q:
				s.i += 3
				// Up to two more quotes belong to the string: """a""""".
				for extra := 0; extra < 2 && s.i < len(s.data) && s.data[s.i] == q; extra++ {
					s.i++
				}
				return
			}
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '\n':
			return
		case c == '\\' && q == '"':
			if s.i+1 < len(s.data) && s.data[s.i+1] != '\n' {
				s.i++
			}
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}

func (s *prescanner) skipComment() {
	for s.i < len(s.data) && s.data[s.i] != '\n' {
		s.i++
	}
}

// limit is the error at offset at.
func (s *prescanner) limit(at int, msg pesan.Pesan) error {
	line, start := s.line, s.lineStart
	if at < start { // a key that began on an earlier line
		line, start = 1, 0
		for j := 0; j < at; j++ {
			if s.data[j] == '\n' {
				line, start = line+1, j+1
			}
		}
	}
	return &LimitError{Line: line, Col: 1 + utf8.RuneCount(s.data[start:at]), Msg: msg}
}
