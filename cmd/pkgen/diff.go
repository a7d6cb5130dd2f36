package main

import (
	"flag"
	"fmt"
	"io"

	"pkgen/model"
	"pkgen/pesan"
)

func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.diff") }
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 2 {
		pesan.Fprintf(stderr, "pkgen diff: sebutkan dua berkas .toml: yang lama dan yang baru\n\n%s", pesan.Text("help.diff"))
		return exitUsage
	}
	var docs [2]*model.Document
	for i, path := range files {
		doc, probs, err := loadPK(path)
		if err != nil {
			pesan.Fprintf(stderr, "pkgen: %v\n", err)
			return exitUsage
		}
		printProblems(stderr, probs.Errors())
		if doc == nil {
			pesan.Fprintf(stderr, "pkgen diff: %s tidak sah\n", path)
			return exitUsage
		}
		docs[i] = doc
	}
	changes := model.Bandingkan(docs[0], docs[1])
	if len(changes) == 0 {
		pesan.Fprintf(stdout, "tidak ada perubahan antara %s dan %s\n", files[0], files[1])
		return exitOK
	}
	fmt.Fprintf(stdout, "--- %s\n+++ %s\n", files[0], files[1])
	pr := pesan.Current()
	for _, c := range changes {
		fmt.Fprintln(stdout, c.In(pr))
	}
	pesan.Fprintf(stdout, "%d perubahan\n", len(changes))
	return exitInvalid // 1: different, as diff(1) says
}
