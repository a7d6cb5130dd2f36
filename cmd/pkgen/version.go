package main

import (
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"pkgen/pesan"
)

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// versionCmd prints the module version, the commit it was built from when
// known, and the Go version:
//
//	pkgen v1.4.0
//	revisi 0123abcd… (diubah), 2025-03-01T09:00:00Z
//	go1.26.0 linux/amd64
func versionCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		pesan.Fprintf(stderr, "pkgen version: argumen %q tidak dikenal\n\n%s", args[0], helpText("version"))
		return exitUsage
	}
	bi, ok := readBuildInfo()
	io.WriteString(stdout, versionText(bi, ok))
	return exitOK
}

// versionText is what pkgen version prints for a build's information (ok
// false: none, as in a binary built without module support).
func versionText(bi *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	v := "(devel)"
	goVersion := runtime.Version()
	var rev, at string
	modified := false
	if ok && bi != nil {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	b.WriteString("pkgen " + v + "\n")
	if rev != "" {
		line := pesan.Sprintf("revisi %s", rev)
		if modified {
			line += " " + pesan.Text("(diubah)")
		}
		if at != "" {
			line += ", " + at
		}
		b.WriteString(line + "\n")
	}
	b.WriteString(goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n")
	return b.String()
}
