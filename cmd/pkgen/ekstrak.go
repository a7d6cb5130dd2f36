package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen/pesan"
	"pkgen/render/pdf"
)

func ekstrakCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ekstrak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.ekstrak") }
	dir := fs.String("d", ".", "folder tujuan")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		pesan.Fprintf(stderr, "pkgen ekstrak: sebutkan tepat satu berkas PDF\n\n%s", pesan.Text("help.ekstrak"))
		return exitUsage
	}
	in := files[0]
	b, err := os.ReadFile(in)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
		return exitInvalid
	}
	srcs, check, err := pdf.ReadSources(b)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %s: %v; tidak ada yang ditulis\n", in, err)
		return exitInvalid
	}
	if !check.Listed {
		pesan.Fprintf(stderr, "pkgen ekstrak: catatan: %s\n", pesan.M("PDF tanpa daftar sidik SHA-256 di metadata XMP (dibuat dengan --pdfa=none?); lampiran diperiksa dengan CheckSum MD5-nya"))
	}
	// Every name is checked and every target is free before anything is
	// written.
	dsts := make([]string, len(srcs))
	seen := map[string]bool{}
	var ada []string
	for i, s := range srcs {
		if seen[s.Name] {
			pesan.Fprintf(stderr, "pkgen ekstrak: %s: dua lampiran bernama %s dengan isi berbeda; tidak ada yang ditulis\n", in, s.Name)
			return exitInvalid
		}
		seen[s.Name] = true
		dsts[i] = filepath.Join(*dir, filepath.FromSlash(s.Name))
		if _, err := os.Lstat(dsts[i]); err == nil {
			ada = append(ada, dsts[i])
		}
	}
	if len(ada) > 0 {
		pesan.Fprintf(stderr, "pkgen ekstrak: %s sudah ada; tidak ada yang ditulis. Pakai -d FOLDER yang lain (atau kosong).\n", strings.Join(ada, ", "))
		return exitInvalid
	}
	for i, s := range srcs {
		if err := os.MkdirAll(filepath.Dir(dsts[i]), 0o755); err != nil {
			pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
			return exitInvalid
		}
		if err := tulisBerkas(dsts[i], s.Data, false); err != nil {
			pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
			return exitInvalid
		}
		pesan.Fprintf(stdout, "%s (%d byte, %s)\n", dsts[i], len(s.Data), pesan.Text(digestText[check.Digests[i]]))
	}
	return exitOK
}

// digestText says how an extracted file was checked (catalogue keys).
var digestText = map[pdf.Digest]string{
	pdf.SHA256:    pesan.Key("SHA-256 cocok"),
	pdf.MD5:       pesan.Key("MD5 cocok"),
	pdf.Unchecked: pesan.Key("tanpa sidik untuk diperiksa"),
}
