package main

import (
	"flag"
	"fmt"
	"io"

	"pkgen/model"
)

const diffHelp = `pkgen diff LAMA.toml BARU.toml

Menampilkan perubahan dari PK LAMA ke PK BARU: pihak yang berganti, lalu
indikator yang ditambah (+), dihapus (-) dan diubah (~) dengan nilai lama →
baru. Indikator dicocokkan menurut kode, sehingga baris yang disisipkan atau
diurutkan ulang tidak dilaporkan sebagai perubahan semua baris sesudahnya.

Status keluar (seperti diff): 0 sama, 1 berbeda, 2 masukan tidak sah atau
salah pemakaian.
`

func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, diffHelp) }
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 2 {
		fmt.Fprint(stderr, "pkgen diff: sebutkan dua berkas .toml: yang lama dan yang baru\n\n", diffHelp)
		return exitUsage
	}
	var docs [2]*model.Document
	for i, path := range files {
		doc, probs, err := model.Load(path)
		if err != nil {
			fmt.Fprintf(stderr, "pkgen: %v\n", err)
			return exitUsage
		}
		for _, p := range probs.Errors() {
			fmt.Fprintln(stderr, p.String())
		}
		if doc == nil {
			fmt.Fprintf(stderr, "pkgen diff: %s tidak sah\n", path)
			return exitUsage
		}
		docs[i] = doc
	}
	changes := model.Bandingkan(docs[0], docs[1])
	if len(changes) == 0 {
		fmt.Fprintf(stdout, "tidak ada perubahan antara %s dan %s\n", files[0], files[1])
		return exitOK
	}
	fmt.Fprintf(stdout, "--- %s\n+++ %s\n", files[0], files[1])
	for _, c := range changes {
		fmt.Fprintln(stdout, c.String())
	}
	fmt.Fprintf(stdout, "%d perubahan\n", len(changes))
	return exitInvalid // 1: different, as diff(1) says
}
