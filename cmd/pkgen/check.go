package main

import (
	"flag"
	"fmt"
	"io"

	"pkgen/model"
	"pkgen/pesan"
	"pkgen/render"
)

func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { pesan.Fprint(stderr, "help.check") }
	var tpls multiFlag
	fs.Var(&tpls, "templat", "berkas templat pengganti (boleh diulang)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		pesan.Fprintf(stderr, "pkgen check: sebutkan setidaknya satu berkas .toml\n\n%s", pesan.Text("help.check"))
		return exitUsage
	}
	status := exitOK
	for _, path := range files {
		if isRealisasiFile(path) {
			if checkRealisasi(path, stdout, stderr) != exitOK {
				status = exitInvalid
			}
			continue
		}
		doc, probs, err := loadPK(path)
		if err != nil {
			pesan.Fprintf(stderr, "pkgen: %v\n", err)
			status = exitInvalid
			continue
		}
		printProblems(stderr, probs)
		if doc == nil {
			pesan.Fprintf(stdout, "%s: TIDAK SAH — %d galat, %d peringatan\n", path, len(probs.Errors()), len(probs.Warnings()))
			status = exitInvalid
			continue
		}
		// A valid document must also lay out with its templates: this runs
		// every wording block and the column set (no PDF is written).
		if err := layoutOK(doc, path, tpls); err != nil {
			pesan.Fprintf(stderr, "%v\n", err)
			pesan.Fprintf(stdout, "%s: TIDAK SAH — %v\n", path, err)
			status = exitInvalid
			continue
		}
		pesan.Fprintf(stdout, "%s: sah — %s\n", path, summary(doc, len(probs.Warnings())))
	}
	return status
}

// checkRealisasi checks a realisasi report (a file that names its PK with
// `pk = …`) with the PK it reports on.
func checkRealisasi(path string, stdout, stderr io.Writer) int {
	lap, probs, err := loadRealisasi(path)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen: %v\n", err)
		return exitInvalid
	}
	printProblems(stderr, probs)
	if lap == nil {
		pesan.Fprintf(stdout, "%s: TIDAK SAH — %d galat, %d peringatan\n", path, len(probs.Errors()), len(probs.Warnings()))
		return exitInvalid
	}
	pesan.Fprintf(stdout, "%s: sah — laporan realisasi TW %d tahun %d untuk %s; %d indikator dilaporkan; %d peringatan\n",
		path, lap.Triwulan, lap.Dokumen.Tahun, lap.Dokumen.File, len(lap.Realisasi), len(probs.Warnings()))
	return exitOK
}

// summary is the one-line description of a valid document.
func summary(doc *model.Document, warnings int) string {
	kind := "PK"
	if doc.Jenis == model.JenisPerubahan {
		kind = "PK Perubahan"
	}
	parties := "PIHAK PERTAMA " + doc.PihakPertama.Nama
	if doc.PihakKedua != nil {
		parties += ", PIHAK KEDUA " + doc.PihakKedua.Nama
	}
	return pesan.Sprintf("%s %d, %s; %d sasaran, %d indikator; %d peringatan",
		kind, doc.Tahun, parties, len(doc.Sasaran), doc.JumlahIndikator(), warnings)
}

// printProblems prints a file's warnings and errors, one a line, in the
// current language.
func printProblems(w io.Writer, probs model.Problems) {
	pr := pesan.Current()
	for _, p := range probs {
		fmt.Fprintln(w, p.In(pr))
	}
}

func layoutOK(doc *model.Document, path string, tpls []string) error {
	set, err := loadTemplates(doc, path, tpls)
	if err != nil {
		return err
	}
	if _, err := render.Layout(doc, render.Options{Templates: set}); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
