package model

import (
	"bytes"

	"github.com/BurntSushi/toml"
)

// IsRealisasi tells a realisasi report, which names its PK with a
// top-level `pk = "…"` key, from a PK. Top-level keys come before the first
// table header, so only that part is decoded; if it does not decode on its
// own (a header-like line inside a multi-line string), the whole text is.
// Text that does not decode, is too large or past the limits of PreScan
// counts as a PK, so that loading it reports its problems.
func IsRealisasi(data []byte) bool {
	if int64(len(data)) > MaxBytes || PreScan(data) != nil {
		return false
	}
	head := data
	for i := 0; i < len(data); {
		line := data[i:]
		if n := bytes.IndexByte(line, '\n'); n >= 0 {
			line = line[:n]
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '[' {
			head = data[:i]
			break
		}
		i += len(line) + 1
	}
	var v struct{}
	md, err := toml.Decode(string(head), &v)
	if err != nil && len(head) < len(data) {
		md, err = toml.Decode(string(data), &v)
	}
	return err == nil && md.IsDefined("pk")
}
