package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"pkgen/render"
)

// childCounts returns, for each bookmark of a normalised outline, how many
// direct children it has.
func childCounts(marks []render.Bookmark) []int {
	kids := make([]int, len(marks))
	for i, m := range marks {
		for _, c := range marks[i+1:] {
			if c.Level <= m.Level {
				break
			}
			if c.Level == m.Level+1 {
				kids[i]++
			}
		}
	}
	return kids
}

// fixOutlineCounts patches fpdf's outline items in place. fpdf writes
// "/Count 0" on every item, but an item with children must carry a nonzero
// count (PDF 32000-1, 12.3.3); -n marks it closed with n children, which
// also keeps the root's /Count optional. The patch keeps every object's
// length, so the cross-reference table stays valid: the newlines between
// the item's trailing entries are dropped to make room for the digits.
func fixOutlineCounts(pdf []byte, kids []int) error {
	need := false
	for _, n := range kids {
		need = need || n > 0
	}
	if !need {
		return nil
	}
	offs, err := xrefOffsets(pdf)
	if err != nil {
		return err
	}
	// The catalog is the last object; its /Outlines names the root, which
	// fpdf writes right after the items, in the order they were added.
	cat := bytes.LastIndex(pdf, []byte("\n/Outlines "))
	if cat < 0 {
		return errors.New("no /Outlines in catalog")
	}
	var root int
	if _, err := fmt.Sscanf(string(pdf[cat+len("\n/Outlines "):min(len(pdf), cat+32)]), "%d 0 R", &root); err != nil {
		return fmt.Errorf("outline root: %w", err)
	}
	first := root - len(kids)
	if first < 1 || root >= len(offs) {
		return fmt.Errorf("outline root %d out of range", root)
	}
	for i, n := range kids {
		if n == 0 {
			continue
		}
		obj := pdf[offs[first+i]:offs[first+i+1]]
		if err := patchCount(obj, n); err != nil {
			return fmt.Errorf("outline item %d: %w", first+i, err)
		}
	}
	return nil
}

func patchCount(obj []byte, n int) error {
	const end = "\n/Count 0>>\nendobj\n"
	// The title may hold any bytes, but it comes first: the last
	// "\n/Parent " starts fpdf's own, plain-ASCII entries.
	p := bytes.LastIndex(obj, []byte("\n/Parent "))
	if p < 0 || !bytes.HasSuffix(obj, []byte(end)) {
		return errors.New("unexpected layout")
	}
	tail := obj[p:]
	body := bytes.ReplaceAll(tail[:len(tail)-len(end)], []byte("\n/"), []byte("/"))
	repl := append(body, "/Count -"+strconv.Itoa(n)...)
	pad := len(tail) - len(repl) - len(">>\nendobj\n")
	if pad < 0 {
		return errors.New("no room for the count")
	}
	repl = append(repl, bytes.Repeat([]byte(" "), pad)...)
	repl = append(repl, ">>\nendobj\n"...)
	copy(tail, repl)
	return nil
}

// xrefOffsets reads the byte offset of every object from fpdf's classic
// cross-reference table (one subsection, 20-byte entries).
func xrefOffsets(pdf []byte) ([]int, error) {
	s := bytes.LastIndex(pdf, []byte("startxref\n"))
	if s < 0 {
		return nil, errors.New("no startxref")
	}
	var at, n int
	if _, err := fmt.Sscanf(string(pdf[s+len("startxref\n"):]), "%d", &at); err != nil || at < 0 || at >= len(pdf) {
		return nil, fmt.Errorf("bad startxref (%v)", err)
	}
	if _, err := fmt.Sscanf(string(pdf[at:min(len(pdf), at+32)]), "xref\n0 %d\n", &n); err != nil || n < 1 {
		return nil, fmt.Errorf("bad xref header (%v)", err)
	}
	start := at + len("xref\n0 \n") + len(strconv.Itoa(n))
	if n > (len(pdf)-start)/20 {
		return nil, errors.New("short xref")
	}
	offs := make([]int, n)
	for i := range offs {
		e := pdf[start+20*i : start+20*i+10]
		v, err := strconv.Atoi(string(e))
		if err != nil || v < 0 || v > len(pdf) {
			return nil, fmt.Errorf("bad xref entry %d", i)
		}
		offs[i] = v
	}
	return offs, nil
}
