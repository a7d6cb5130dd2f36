package pesan

import "testing"

// TestIndonesianIndex: the Indonesian lookup, answered from a plain map so
// that Indonesian runs never build the catalogue, gives what the catalogue
// itself gives for every key, and misses what it misses.
func TestIndonesianIndex(t *testing.T) {
	t.Parallel()
	fromCatalogue := func(key string) (string, bool) {
		var r mentah
		if err := katalog().Context(Indonesia, &r).Execute(key); err != nil {
			return "", false
		}
		return r.s, true
	}
	for _, list := range entries {
		for _, e := range list {
			want, wok := fromCatalogue(e.id)
			got, ok := lookup(Indonesia, e.id)
			if got != want || ok != wok {
				t.Errorf("%q: index %q (%v), catalogue %q (%v)", e.id, got, ok, want, wok)
			}
		}
	}
	for _, key := range []string{"bukan kunci katalog", ""} {
		if _, ok := lookup(Indonesia, key); ok {
			t.Errorf("%q found", key)
		}
		if _, ok := fromCatalogue(key); ok {
			t.Errorf("%q found in the catalogue", key)
		}
	}
}
