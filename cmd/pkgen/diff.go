package main

import (
	"flag"
	"fmt"
	"io"

	"pkgen"
	"pkgen/pesan"
)

func diffCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "diff") }
	akar := akarFlag(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) != 2 {
		pesan.Fprintf(stderr, "pkgen diff: sebutkan dua berkas .toml: yang lama dan yang baru\n\n%s", helpText("diff"))
		return exitUsage
	}
	var ins [2]*input
	for i, p := range paths {
		if ins[i], err = openInput(p, *akar, stdin); err != nil {
			pesan.Fprintf(stderr, "pkgen: %v\n", err)
			return exitUsage
		}
		defer ins[i].Close()
	}
	changes, probs, err := pkgen.Diff(ins[0].Input, ins[1].Input)
	printProblems(stderr, probs.Errors())
	if err != nil {
		pesan.Fprintf(stderr, "pkgen diff: %v\n", err)
		return exitUsage
	}
	if len(changes) == 0 {
		pesan.Fprintf(stdout, "tidak ada perubahan antara %s dan %s\n", paths[0], paths[1])
		return exitOK
	}
	fmt.Fprintf(stdout, "--- %s\n+++ %s\n", paths[0], paths[1])
	pr := pesan.Current()
	for _, c := range changes {
		fmt.Fprintln(stdout, c.In(pr))
	}
	pesan.Fprintf(stdout, "%d perubahan\n", len(changes))
	return exitInvalid // 1: different, as diff(1) says
}
