package model

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// A long PK is decoded in two halves at once, split at a [[sasaran]]
// header near its middle: the TOML decoder was most of loading the seed,
// on the way to its layout. The halves give the whole's map only when
// nothing crosses the split, which is checked rather than assumed:
//   - the first half decodes on its own, so no string, array or table it
//     opened runs on past the split;
//   - the second half begins a sasaran, so what it defines belongs to its
//     own sasaran or to top-level tables;
//   - the halves share no top-level key but sasaran, an array of tables in
//     both, which the second continues.
//
// Anything else (an error in either half above all, whose line numbers
// would be the half's) declines, and the whole text is decoded as before.

// splitDecodeMin is the length from which a text is decoded in halves.
const splitDecodeMin = 16 << 10

const splitHeader = "\n[[sasaran]]\n"

// decodeSplit decodes text in two halves at once; ok is false when it
// declines (see above).
func decodeSplit(text string) (raw map[string]any, ok bool) {
	if len(text) < splitDecodeMin {
		return nil, false
	}
	at := splitPoint(text)
	if at < 0 {
		return nil, false
	}
	var (
		second    map[string]any
		secondErr error
		done      = make(chan struct{})
	)
	go func() {
		defer func() {
			if recover() != nil {
				second = nil
			}
			close(done)
		}()
		_, secondErr = toml.Decode(text[at:], &second)
	}()
	var first map[string]any
	_, err := toml.Decode(text[:at], &first)
	<-done
	if err != nil || secondErr != nil || first == nil || second == nil {
		return nil, false
	}
	return mergeHalves(first, second)
}

// splitPoint is the start of the [[sasaran]] header line nearest the middle
// of text, after at least one other sasaran; -1 if there is none.
func splitPoint(text string) int {
	mid := len(text) / 2
	best := -1
	seen := strings.HasPrefix(text, splitHeader[1:]) // a sasaran before
	for from := 0; ; {
		i := strings.Index(text[from:], splitHeader)
		if i < 0 {
			break
		}
		at := from + i + 1 // the header's line
		if seen && (best < 0 || abs(at-mid) < abs(best-mid)) {
			best = at
		}
		seen = true
		if at > mid {
			break
		}
		from = at
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// mergeHalves adds the second half's tables to the first's: its sasaran
// after the first's, its other tables where the first has none.
func mergeHalves(first, second map[string]any) (map[string]any, bool) {
	for k, v := range second {
		prev, both := first[k]
		switch {
		case !both:
			first[k] = v
		case k == "sasaran":
			a, ok1 := prev.([]map[string]any)
			b, ok2 := v.([]map[string]any)
			if !ok1 || !ok2 {
				return nil, false
			}
			first[k] = append(a, b...)
		default:
			return nil, false
		}
	}
	return first, true
}
