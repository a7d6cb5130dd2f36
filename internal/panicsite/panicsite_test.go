package panicsite

import (
	"strings"
	"testing"
)

func boom() { var m map[string]int; m["x"] = 1 }

// Of names the line that panicked, not the runtime's.
func TestOf(t *testing.T) {
	t.Parallel()
	var site string
	func() {
		defer func() {
			if recover() != nil {
				site = Of()
			}
		}()
		boom()
	}()
	if !strings.HasPrefix(site, "panicsite/panicsite_test.go:") || strings.HasSuffix(site, ":0") {
		t.Errorf("site %q", site)
	}
}
