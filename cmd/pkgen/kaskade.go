package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"pkgen"
	"pkgen/kaskade"
	"pkgen/pesan"
)

func kaskadeCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kaskade", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "kaskade") }
	tahun := fs.Int("tahun", 0, "hanya PK tahun ini")
	out := fs.String("o", "", "berkas PDF pohon kinerja")
	triwulan := fs.Int("triwulan", 0, "warnai indikator menurut capaian laporan realisasi triwulan ini")
	timpa := fs.Bool("timpa", false, "menimpa keluaran yang sudah ada")
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(dirs) != 1 {
		pesan.Fprintf(stderr, "pkgen kaskade: sebutkan tepat satu folder\n\n%s", helpText("kaskade"))
		return exitUsage
	}
	dir := dirs[0]
	if *tahun != 0 && (*tahun < 2000 || *tahun > 2100) {
		pesan.Fprintf(stderr, "pkgen kaskade: tahun %d di luar rentang 2000–2100\n", *tahun)
		return exitUsage
	}
	if *triwulan != 0 && (*triwulan < 1 || *triwulan > 4) {
		pesan.Fprintf(stderr, "pkgen kaskade: triwulan %d tidak ada; tulis 1, 2, 3 atau 4\n", *triwulan)
		return exitUsage
	}
	if *out != "" && refuseExisting("kaskade", *out, *timpa, stderr) {
		return exitInvalid
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen kaskade: %v\n", err)
		return exitInvalid
	}
	defer root.Close()
	show := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	rep, err := pkgen.Kaskade(pkgen.Input{FS: root.FS(), Name: ".", Show: show}, *tahun)
	if err != nil {
		pesan.Fprintf(stderr, "pkgen kaskade: %v\n", err)
		return exitInvalid
	}
	if *triwulan != 0 {
		if err := rep.LoadCapaian(*triwulan); err != nil {
			pesan.Fprintf(stderr, "pkgen kaskade: %v\n", err)
			return exitInvalid
		}
	}
	printKaskade(stdout, rep, *tahun)
	// A file that does not load leaves its links unchecked: the folder
	// does not pass, as pkgen check would not.
	status := exitOK
	if len(rep.Problems.Errors()) > 0 || len(rep.Invalid) > 0 {
		status = exitInvalid
	}
	if *out != "" {
		data, err := rep.PohonPDF()
		if err != nil {
			pesan.Fprintf(stderr, "pkgen kaskade: %v\n", err)
			return exitInvalid
		}
		if !writeOutput("kaskade", *out, data, *timpa, stderr) {
			return exitInvalid
		}
	}
	return status
}

// printKaskade prints the summary: the tree, one PK a line, indented by
// level, the standalone PKs, the files left out, then every problem.
func printKaskade(w io.Writer, rep *pkgen.KaskadeReport, tahun int) {
	c := rep.Cascade
	links, tree := 0, 0
	for _, n := range c.Nodes {
		for _, l := range n.Links {
			links += len(l.Kode)
		}
		if !n.Standalone() {
			tree++
		}
	}
	errs, warns := len(rep.Problems.Errors()), len(rep.Problems.Warnings())
	if tahun != 0 {
		pesan.Fprintf(w, "Pohon kinerja tahun %d: %d PK (%d dalam pohon), %d dukungan; %d galat, %d peringatan\n", tahun, len(c.Nodes), tree, links, errs, warns)
	} else {
		pesan.Fprintf(w, "Pohon kinerja: %d PK (%d dalam pohon), %d dukungan; %d galat, %d peringatan\n", len(c.Nodes), tree, links, errs, warns)
	}
	var standalone []string
	var walk func(n *kaskade.Node, depth int)
	walk = func(n *kaskade.Node, depth int) {
		fmt.Fprintf(w, "%s%s\n", strings.Repeat("  ", depth+1), nodeLine(rep, n))
		for _, ch := range n.Children {
			walk(ch, depth+1)
		}
	}
	for _, r := range c.Roots {
		if r.Standalone() {
			standalone = append(standalone, rep.Show(r.Name))
			continue
		}
		walk(r, 0)
	}
	if len(standalone) > 0 {
		pesan.Fprintf(w, "Berdiri sendiri (tanpa pk_induk dan tanpa PK bawahan): %s\n", strings.Join(standalone, ", "))
	}
	if len(rep.Invalid) > 0 {
		pesan.Fprintf(w, "Tidak sah, tidak masuk pohon (periksa dengan pkgen check): %s\n", strings.Join(rep.Invalid, ", "))
	}
	if rep.Capaian != nil {
		printCapaian(w, rep)
	}
	printProblems(w, rep.Problems)
}

// printCapaian prints a line per coloured PK: its indicators per
// category of their year-to-date capaian, then the PKs without a report.
func printCapaian(w io.Writer, rep *pkgen.KaskadeReport) {
	kc := rep.Capaian
	if kc.Triwulan == 1 {
		pesan.Fprintf(w, "Capaian triwulan %d (warna indikator pada pohon):\n", kc.Triwulan)
	} else {
		pesan.Fprintf(w, "Capaian s.d. triwulan %d (warna indikator pada pohon):\n", kc.Triwulan)
	}
	for _, n := range rep.Cascade.Nodes {
		pc := kc.PKs[n.Name]
		if pc == nil {
			continue
		}
		var counts []string
		for _, b := range kc.Kategori {
			counts = append(counts, fmt.Sprintf("%d %s", pc.Summary.ByKategori[b.Nama], b.Nama))
		}
		s := pesan.Sprintf("%s (realisasi %s): %s", rep.Show(n.Name), pc.Realisasi, strings.Join(counts, ", "))
		if u := pc.Summary.Unmeasured; u > 0 {
			s += pesan.Sprintf("; %d tanpa capaian", u)
		}
		fmt.Fprintf(w, "  %s\n", s)
	}
	if len(kc.Tanpa) > 0 {
		pesan.Fprintf(w, "  Tanpa realisasi triwulan %d: %s\n", kc.Triwulan, strings.Join(kc.Tanpa, ", "))
	}
}

// nodeLine is one PK of the tree: its file, PIHAK PERTAMA and how many
// of the induk's indicators it supports.
func nodeLine(rep *pkgen.KaskadeReport, n *kaskade.Node) string {
	doc := n.Doc
	who := doc.PihakPertama.JabatanLengkap()
	if doc.PihakPertama.Nama != "" {
		who += " (" + doc.PihakPertama.Nama + ")"
	}
	kodes := map[string]bool{}
	for _, l := range n.Links {
		for _, k := range l.Kode {
			kodes[k] = true
		}
	}
	s := rep.Show(n.Name) + " — " + who
	if n.Induk != nil {
		s += pesan.Sprintf("; mendukung %d indikator induk", len(kodes))
	}
	if p := len(n.Problems); p > 0 {
		s += pesan.Sprintf("; %d masalah", p)
	}
	return s
}
