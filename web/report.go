package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"pkgen"
	"pkgen/files"
	"pkgen/internal/parallel"
	"pkgen/model"
	"pkgen/pesan"
)

// message is one located message of a check, as the pages show it.
type message struct {
	Location string `json:"lokasi"` // file:line: key.path
	Line     int    `json:"baris"`  // in the checked file; 0 when unknown or another file
	Path     string `json:"jalur"`  // the key path in the checked file; "" when none or another file
	Text     string `json:"teks"`
	Galat    bool   `json:"galat"`
}

// report is what pkgen.Check found about one file, for a row of the
// Daftar or the messages of a document.
type report struct {
	Name     string
	Doc      *model.Document // the PK, or the realisasi report's PK; nil when invalid
	Laporan  *model.Laporan
	Ke       int // the amendment's number, 0 for an original PK or a realisasi report
	Messages []message
	Errors   int
	Warnings int
}

// check runs pkgen.Check on name in the workspace; text, when not nil,
// stands for the file's content (the editor's unsaved text): it goes into
// the snapshot under the document's name, so references resolve in the
// workspace as they will once saved.
func (s *Server) check(name string, text []byte) *report {
	rep, _ := s.checkIn(name, text)
	return rep
}

// checkIn is check, returning the snapshot it read.
func (s *Server) checkIn(name string, text []byte) (*report, *files.Snapshot) {
	snap := files.NewSnapshot(s.root.FS())
	if text != nil {
		snap.Add(name, text)
	}
	res, err := pkgen.Check(pkgen.Input{FS: snap, Name: name}, pkgen.Options{})
	rep := &report{Name: name}
	pr := pesan.Current()
	if res != nil {
		rep.Doc, rep.Laporan = res.Doc, res.Laporan
		if rep.Laporan != nil {
			rep.Doc = rep.Laporan.Dokumen
		}
		for _, p := range res.Problems {
			rep.add(p, pr)
		}
	}
	switch {
	case rep.Laporan != nil:
	case rep.Doc != nil:
		if rep.Doc.Perubahan != nil {
			rep.Ke = rep.Doc.Perubahan.Ke
		}
	default:
		// Not loaded: the version from the text alone, a second decode
		// only for a file that is invalid anyway.
		if data, rerr := files.Read(snap, name, files.TOML); rerr == nil {
			rep.Ke = model.PerubahanKe(data)
		}
	}
	var invalid *pkgen.InvalidError
	if err != nil && !errors.As(err, &invalid) {
		// Unreadable, or valid but not renderable (templates, logo,
		// layout): one more error, whose text is located already.
		rep.Messages = append(rep.Messages, message{Text: pr.Error(err), Galat: true})
		rep.Errors++
	}
	return rep, snap
}

// checked is a saved file's check kept for the next listing: valid while
// every file it read keeps its size and modification time, in the same
// language.
type checked struct {
	rep    *report
	lang   string
	inputs map[string]stamp
}

type stamp struct {
	size int64
	mod  time.Time
}

// checkSaved is check of a saved file, from the cache when nothing it
// read has changed. Only a document without errors is kept: one with
// errors may have failed on a file that does not exist yet.
func (s *Server) checkSaved(name string) *report {
	lang := pesan.Current().Lang().String()
	s.cacheMu.Lock()
	c, ok := s.cache[name]
	s.cacheMu.Unlock()
	if ok && c.lang == lang && s.unchanged(c.inputs) {
		return c.rep
	}
	// Stamps first: a file changed while it is checked is checked again
	// next time.
	before := map[string]stamp{}
	if st, err := s.root.Stat(name); err == nil {
		before[name] = stamp{st.Size(), st.ModTime()}
	}
	rep, snap := s.checkIn(name, nil)
	if rep.Errors > 0 {
		return rep
	}
	inputs := map[string]stamp{}
	for _, n := range snap.Names() {
		st, err := s.root.Stat(n)
		if err != nil {
			return rep
		}
		inputs[n] = stamp{st.Size(), st.ModTime()}
	}
	if b, ok := before[name]; !ok || b != inputs[name] {
		return rep
	}
	s.cacheMu.Lock()
	s.cache[name] = checked{rep: rep, lang: lang, inputs: inputs}
	s.cacheMu.Unlock()
	return rep
}

func (s *Server) unchanged(inputs map[string]stamp) bool {
	for n, was := range inputs {
		st, err := s.root.Stat(n)
		if err != nil || (stamp{st.Size(), st.ModTime()}) != was {
			return false
		}
	}
	return true
}

func (rep *report) add(p model.Problem, pr *pesan.Printer) {
	loc := p.File
	if p.Line > 0 {
		loc += ":" + strconv.Itoa(p.Line)
	}
	if p.Path != "" {
		loc += ": " + p.Path
	}
	m := message{Location: loc, Text: p.Text(pr), Galat: p.Severity == model.Galat}
	if p.File == rep.Name {
		m.Line, m.Path = p.Line, p.Path
	}
	rep.Messages = append(rep.Messages, m)
	if m.Galat {
		rep.Errors++
	} else {
		rep.Warnings++
	}
}

// Status is "sah", "n peringatan" or "n galat".
func (rep *report) Status() string {
	switch {
	case rep.Errors > 0:
		return pesan.Sprintf("%d galat", rep.Errors)
	case rep.Warnings > 0:
		return pesan.Sprintf("sah, %d peringatan", rep.Warnings)
	}
	return pesan.Sprintf("sah")
}

// StatusClass names the status for the style sheet.
func (rep *report) StatusClass() string {
	switch {
	case rep.Errors > 0:
		return "galat"
	case rep.Warnings > 0:
		return "peringatan"
	}
	return "sah"
}

// Unit is the unit the document is for: the first party's unit_kerja,
// else the first line of the heading.
func (rep *report) Unit() string {
	if d := rep.Doc; d != nil {
		if d.PihakPertama.UnitKerja != "" {
			return d.PihakPertama.UnitKerja
		}
		if len(d.Instansi.Kop) > 0 {
			return d.Instansi.Kop[0].Teks
		}
	}
	return "—"
}

// Tahun is the document's year, "—" when it did not load.
func (rep *report) Tahun() string {
	if rep.Doc == nil {
		return "—"
	}
	return strconv.Itoa(rep.Doc.Tahun)
}

// Versi is "PK", "Perubahan ke-n" (model's wording), or the realisasi
// report's quarter.
func (rep *report) Versi() string {
	if rep.Laporan != nil {
		return pesan.Sprintf("Realisasi TW %d", rep.Laporan.Triwulan)
	}
	if rep.Doc != nil {
		return rep.Doc.Versi()
	}
	d := &model.Document{}
	if rep.Ke > 0 {
		d.Perubahan = &model.Perubahan{Ke: rep.Ke}
	}
	return d.Versi()
}

// PDFName is the PDF pkgen makes of the file (pkgen.OutputName).
func (rep *report) PDFName() string { return pkgen.OutputName(rep.Name, rep.Ke) }

// row is one line of the Daftar.
type row struct {
	*report
	PDF     string // the PDF's name when it exists
	PDFTime string // its modification time
}

// list checks every TOML file at the top of the workspace (what pkgen
// render FOLDER renders), on every core.
func (s *Server) list() ([]row, error) {
	entries, err := fs.ReadDir(s.root.FS(), ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.EqualFold(path.Ext(n), extTOML) && !strings.HasPrefix(n, ".") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	rows := make([]row, len(names))
	parallel.Each(len(names), func(i int) { rows[i] = s.row(names[i]) })
	return rows, nil
}

func (s *Server) row(name string) row {
	r := row{report: s.checkSaved(name)}
	if st, err := s.root.Stat(r.PDFName()); err == nil && st.Mode().IsRegular() {
		r.PDF = r.PDFName()
		r.PDFTime = st.ModTime().Local().Format(time.DateTime)
	}
	return r
}

// hash names a version of a file's content: the editor sends it back
// with a save, to find out whether the file changed on disk meanwhile.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
