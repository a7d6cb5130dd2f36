package main

import (
	"errors"
	"flag"
	"io"

	"pkgen"
	"pkgen/files"
	"pkgen/pesan"
)

func ekstrakCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ekstrak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "ekstrak") }
	dir := fs.String("d", ".", "folder tujuan")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(inputs) != 1 {
		pesan.Fprintf(stderr, "pkgen ekstrak: sebutkan tepat satu berkas PDF\n\n%s", helpText("ekstrak"))
		return exitUsage
	}
	in := inputs[0]
	b, err := files.ReadPath(in, files.PDF, stdin)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %v\n", err)
		return exitInvalid
	}
	srcs, check, err := pkgen.ExtractSources(b)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen ekstrak: %s: %v; tidak ada yang ditulis\n", in, err)
		return exitInvalid
	}
	if !check.Listed {
		pesan.Fprintf(stderr, "pkgen ekstrak: catatan: %s\n", pesan.M("PDF tanpa daftar sidik SHA-256 di metadata XMP (dibuat dengan --pdfa=none?); lampiran diperiksa dengan CheckSum MD5-nya"))
	}
	written, err := pkgen.WriteSources(*dir, srcs)
	var exist *pkgen.ExistsError
	switch {
	case errors.As(err, &exist):
		pesan.Fprintf(stderr, "pkgen ekstrak: %v; tidak ada yang ditulis. Pakai -d FOLDER yang lain (atau kosong).\n", err)
		return exitInvalid
	case err != nil:
		pesan.Fprintf(stderr, "pkgen ekstrak: %v; tidak ada yang ditulis\n", err)
		return exitInvalid
	}
	for i, path := range written {
		pesan.Fprintf(stdout, "%s (%d byte, %s)\n", path, len(srcs[i].Data), pesan.Text(digestText[check.Digests[i]]))
	}
	return exitOK
}

// digestText says how an extracted file was checked (catalogue keys).
var digestText = map[pkgen.Digest]string{
	pkgen.SHA256:    pesan.Key("SHA-256 cocok"),
	pkgen.MD5:       pesan.Key("MD5 cocok"),
	pkgen.Unchecked: pesan.Key("tanpa sidik untuk diperiksa"),
}
