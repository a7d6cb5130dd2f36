package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML decoder stops at the first syntax error, which hid every other
// problem of a file: a user fixed one, ran check again, and met the next.
// decodeRecovering reports the error, replaces the line it is on with
// something that decodes, and decodes again, so that one run shows the
// syntax errors and the problems of everything else. The replaced lines'
// own problems are not reported (their values are placeholders); checks
// that depend on a value that could not be read are skipped (see
// decoder.failed).

// maxSyntaxRounds bounds the syntax errors reported in one run.
const maxSyntaxRounds = 50

// syntaxBudget bounds the bytes decoded over all rounds, so that a large
// file with many errors stays quick: a 13 MB PK gets 5 rounds. (A
// variable for tests.)
var syntaxBudget = 64 << 20

// decoded is a TOML text decoded as far as it goes.
type decoded struct {
	raw   map[string]any // nil: nothing to walk, probs says why
	text  string         // the text decoded: the replaced lines, the same line count
	probs Problems       // the syntax errors, in order
	skip  map[int]bool   // lines replaced
	// loc is the locator of the text as read, made beside the decoder
	// (nil: none begun).
	loc *pendingLocator
}

// decodeRecovering decodes data; on a syntax error in a statement that
// stands on one line it replaces that line (see repairLine) and tries
// again, up to maxSyntaxRounds and syntaxBudget. An error it cannot step
// over (one inside a multi-line value) ends the rounds: the tree is then
// nil, and only the syntax errors are reported, as when there was only
// one.
func decodeRecovering(name string, text string) decoded {
	out := decoded{skip: map[int]bool{}}
	if raw, ok := decodeSplit(text); ok {
		out.raw, out.text = raw, text
		return out
	}
	var lines []string
	var inside []bool // per line: it starts inside a multi-line value
	spent := 0
	for round := 0; ; round++ {
		var raw map[string]any
		_, err := toml.Decode(text, &raw)
		spent += len(text)
		if err == nil {
			out.raw, out.text = raw, text
			return out
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			if round == 0 {
				out.probs = append(out.probs, problemf(name, 0, "", Galat, "sintaks TOML salah: %v", err))
			}
			return decoded{probs: out.probs}
		}
		line, col := syntaxPos([]byte(text), pe)
		if lines == nil {
			lines = strings.Split(text, "\n")
			inside = linesInside(lines)
		}
		i := line - 1
		standsAlone := i >= 0 && i < len(lines) && !inside[i] && (i+1 == len(lines) || !inside[i+1])
		if out.skip[line] {
			// A line just replaced: the error is the replacement's.
			return decoded{probs: out.probs}
		}
		out.probs = append(out.probs, problemf(name, line, "", Galat, "sintaks TOML salah (kolom %d): %s", col, syntaxMsg(pe.Message)))
		if !standsAlone || round+1 >= maxSyntaxRounds || spent+len(text) > syntaxBudget {
			return decoded{probs: out.probs}
		}
		fixed, ok := repairLine(lines[i], pe.Message, round+1)
		if !ok {
			return decoded{probs: out.probs}
		}
		lines[i] = fixed
		out.skip[line] = true
		text = strings.Join(lines, "\n")
	}
}

// linesInside tells, for each line, whether it starts inside a multi-line
// string, array or inline table: such a line is no statement of its own.
func linesInside(lines []string) []bool {
	out := make([]bool, len(lines))
	var sc valueScanner
	for n, line := range lines {
		out[n] = sc.open()
		s := strings.TrimSpace(line)
		if !sc.open() && strings.HasPrefix(s, "[") {
			continue // a table name, even a broken one, opens no value
		}
		sc.feed(s)
	}
	return out
}

var (
	reHeaderLoose = lazyRE(`^(\[\[?)\s*(` + keyName + `)\s*\]{0,2}\s*(?:#.*)?$`)
	reKeyStart    = lazyRE(`^(` + keyName + `)`)
)

// repairLine replaces a line holding a syntax error (the decoder's message
// msg) with one that decodes; n numbers the replacement. A key = value
// line keeps its key with the placeholder value "", so that the key is
// not reported missing; a key written twice, or a line that is no
// statement, is commented out; a table name is closed, or renamed when it
// is written twice (its keys then go unchecked). ok is false for a line it
// cannot mend.
func repairLine(line, msg string, n int) (fixed string, ok bool) {
	twice := strings.Contains(msg, "has already been defined") || strings.Contains(msg, "cannot be used as an array")
	t := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(t, "["):
		if twice {
			return fmt.Sprintf("[pkgen-skipped-%d]", n), true
		}
		if m := reHeaderLoose.FindStringSubmatch(t); m != nil {
			return m[1] + m[2] + strings.Repeat("]", len(m[1])), true
		}
		return "", false
	case twice:
		return "#" + line, true
	}
	if m := reKeyStart.FindStringSubmatch(t); m != nil {
		return m[1] + ` = ""`, true
	}
	return "#" + line, true
}
