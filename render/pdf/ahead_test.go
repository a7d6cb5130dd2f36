package pdf

import (
	"bytes"
	"slices"
	"testing"
)

// Sources deflated ahead (PrepareSources, by PrepareFonts) give the same
// document as sources deflated at the end, archival or not, whether they
// were deflated ahead or left to Bytes, and are taken only for the bytes
// they were made of.
func TestPrepareSourcesSameBytes(t *testing.T) {
	for _, opt := range []Options{archival.Options, plainWithSources.Options} {
		want, err := Bytes(sampleDoc(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, runAhead := range []bool{true, false} {
			ahead := PrepareSources(opt)
			if ahead.ahead == nil {
				t.Fatal("no sources to deflate ahead")
			}
			if runAhead {
				PrepareFonts(sampleDoc(t), ahead)() // and waits for it
				if ahead.ahead.z[0] == nil {
					t.Error("PrepareFonts did not deflate the sources")
				}
			}
			got, err := Bytes(sampleDoc(t), ahead)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("PDF/A %v, run ahead %v: sources deflated ahead change the document", opt.PDFA, runAhead)
			}
		}
		ahead := PrepareSources(opt)
		ahead.ahead.run()
		for i, s := range opt.Sources {
			if ahead.ahead.stream(i, s) == nil {
				t.Errorf("source %d: its stream made ahead not taken", i)
			}
			other := s
			other.Data = slices.Clone(s.Data)
			if len(other.Data) > 0 && ahead.ahead.stream(i, other) != nil {
				t.Errorf("source %d: a stream made of other bytes taken", i)
			}
		}
	}
	if o := PrepareSources(Options{}); o.ahead != nil {
		t.Error("a document without sources deflates some ahead")
	} else {
		PrepareFonts(sampleDoc(t), o)() // nothing to deflate, and no panic
	}
}
