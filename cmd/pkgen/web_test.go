package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestWebRefusesBadStart: the command fails before serving on a folder
// that is not one, a malformed address, or two folders.
func TestWebRefusesBadStart(t *testing.T) {
	for _, c := range []struct {
		args   []string
		status int
		msg    string
	}{
		{[]string{"web", "tidak-ada-folder"}, exitInvalid, "folder tidak-ada-folder tidak ditemukan"},
		{[]string{"web", "../../examples/jakarta-pusat-2023.toml"}, exitInvalid, "bukan folder"},
		{[]string{"web", ".", "--alamat", "8800"}, exitInvalid, "tulis HOST:PORT"},
		{[]string{"web", "a", "b"}, exitUsage, "satu folder saja"},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(c.args, &stdout, &stderr); got != c.status || !strings.Contains(stderr.String(), c.msg) {
			t.Errorf("%v: status %d, stderr %q", c.args, got, stderr.String())
		}
		if stdout.Len() > 0 {
			t.Errorf("%v: printed %q", c.args, stdout.String())
		}
	}
}
