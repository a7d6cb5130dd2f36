package render

import (
	"fmt"
	"strings"
	"testing"
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
