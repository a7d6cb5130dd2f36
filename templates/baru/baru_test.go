package baru

import (
	"testing"

	"pkgen/model"
)

// TestBerkasSah: every starting file is a valid PK without warnings as it
// is embedded (cmd/pkgen also lays each one out).
func TestBerkasSah(t *testing.T) {
	t.Parallel()
	if len(Bentuk()) != 9 {
		t.Fatalf("bentuk: %v", Bentuk())
	}
	for _, b := range Bentuk() {
		data, ok := Berkas(b)
		if !ok {
			t.Fatalf("%s tidak ada", b)
		}
		if doc, probs := model.Parse(b+".toml", data); doc == nil || len(probs) > 0 {
			t.Errorf("%s: %v", b, probs)
		}
	}
	for _, bad := range []string{"", "eselon5", "../baru", "dki.toml"} {
		if _, ok := Berkas(bad); ok {
			t.Errorf("Berkas(%q) diterima", bad)
		}
	}
}
