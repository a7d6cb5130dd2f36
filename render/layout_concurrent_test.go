package render

import (
	"fmt"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/model"
)

// TestGoCarryPanic: a panic on the other goroutine reaches the caller's,
// where the use cases' catch is, naming where it happened.
func TestGoCarryPanic(t *testing.T) {
	t.Parallel()
	var got any
	func() {
		defer func() { got = recover() }()
		wait := goCarryPanic(func() {
			var m map[string]int
			m["x"] = 1
		})
		wait()
	}()
	p, ok := got.(carriedPanic)
	if !ok {
		t.Fatalf("recovered %v (%T), want a carriedPanic", got, got)
	}
	if s := fmt.Sprint(p); !strings.Contains(s, "assignment to entry in nil map") || !strings.Contains(s, "render/layout_concurrent_test.go:") {
		t.Errorf("carried panic reads %q", s)
	}
	ran := false
	goCarryPanic(func() { ran = true })()
	if !ran {
		t.Error("f did not run before wait returned")
	}
}

// TestIndicators counts every section's indicators: the seed's 28 (one
// table) and a sectioned lampiran's.
func TestIndicators(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]int{"jakarta-pusat-2023.toml": 28} {
		doc, probs, err := model.Load(testutil.Rooted(testutil.Example(t, name)))
		if err != nil || doc == nil {
			t.Fatal(err, probs)
		}
		if got := indicators(doc); got != want {
			t.Errorf("%s: %d indicators, want %d", name, got, want)
		}
	}
	doc := &model.Document{
		Bagian: []model.Bagian{{Nama: "a"}, {Nama: "b"}},
		Sasaran: []model.Sasaran{
			{Bagian: "a", Indikator: make([]model.Indikator, 2)},
			{Bagian: "b", Indikator: make([]model.Indikator, 3)},
			{Bagian: "b", Indikator: make([]model.Indikator, 1)},
		},
	}
	if got := indicators(doc); got != 6 {
		t.Errorf("two sections of 2 and 3+1 indicators: %d, want 6", got)
	}
}
