package pesan

import (
	"testing"

	"golang.org/x/text/language"
)

// TestIndonesianIsTheKey: an Indonesian printer answers every text with
// its key and never builds the catalogue, which is right only because the
// catalogue's Indonesian text of every key is the key itself, and because
// the catalogue's fallback for a missing key (and English's fallback) is
// the key as well.
func TestIndonesianIsTheKey(t *testing.T) {
	t.Parallel()
	id, en := NewPrinter(Indonesia), NewPrinter(Inggris)
	for _, list := range entries {
		for _, e := range list {
			got, ok := lookup(Indonesia, e.id)
			if !ok || got != e.id {
				t.Errorf("%q: the catalogue's Indonesian is %q (%v)", e.id, got, ok)
			}
			if s := id.Text(e.id); s != e.id {
				t.Errorf("%q: Indonesian Text %q", e.id, s)
			}
			if s := en.Text(e.id); s != e.en {
				t.Errorf("%q: English Text %q, want %q", e.id, s, e.en)
			}
		}
	}
	for _, key := range []string{"bukan kunci katalog", ""} {
		for _, tag := range []language.Tag{Indonesia, Inggris} {
			if _, ok := lookup(tag, key); ok {
				t.Errorf("%q found in the catalogue (%v)", key, tag)
			}
		}
		if s := id.Text(key); s != key {
			t.Errorf("%q: Indonesian Text %q", key, s)
		}
		if s := en.Text(key); s != key {
			t.Errorf("%q: English Text %q", key, s)
		}
	}
}
