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
	if int64(len(data)) > MaxBytes {
		return false
	}
	head := headOf(data)
	var v struct{}
	// A head that decodes on its own decides: no pk, a PK; else the whole
	// text must pass PreScan too. The whole is scanned only then (a
	// realisasi report) rather than for every PK, which Load scans anyway.
	if len(head) < len(data) && PreScan(head) == nil {
		if md, err := toml.Decode(string(head), &v); err == nil {
			return md.IsDefined("pk") && PreScan(data) == nil
		}
	}
	if PreScan(data) != nil {
		return false
	}
	md, err := toml.Decode(string(head), &v)
	if err != nil && len(head) < len(data) {
		md, err = toml.Decode(string(data), &v)
	}
	return err == nil && md.IsDefined("pk")
}

// headOf is the part of data before its first table header: the lines
// of its top-level keys.
func headOf(data []byte) []byte {
	for i := 0; i < len(data); {
		line := data[i:]
		if n := bytes.IndexByte(line, '\n'); n >= 0 {
			line = line[:n]
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '[' {
			return data[:i]
		}
		i += len(line) + 1
	}
	return data
}

// PerubahanKe is the amendment number a PK file declares ([perubahan] ke),
// 0 for an original PK or text that does not decode: enough to name its
// output before loading it (a batch plans every name first).
func PerubahanKe(data []byte) int {
	if int64(len(data)) > MaxBytes || PreScan(data) != nil {
		return 0
	}
	// Without the word, and without an escape that could spell it in a
	// quoted key, there is no [perubahan]: most PKs are not amendments, and
	// decoding the whole file here doubled a batch's TOML work.
	if !bytes.Contains(data, []byte("perubahan")) && !bytes.Contains(data, []byte(`\u`)) && !bytes.Contains(data, []byte(`\U`)) {
		return 0
	}
	var v struct {
		Perubahan struct {
			Ke int `toml:"ke"`
		} `toml:"perubahan"`
	}
	if _, err := toml.Decode(string(data), &v); err != nil || v.Perubahan.Ke < 0 {
		return 0
	}
	return v.Perubahan.Ke
}
