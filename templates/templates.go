// Package templates holds the words of a PK — statement text, titles — and
// the lampiran column sets, embedded as text files a unit can override with
// its own. It holds words and column declarations, not layout code.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"

	pkgfiles "pkgen/files"
	"pkgen/model"
	"pkgen/pesan"
)

//go:embed pernyataan.tmpl capaian.tmpl kata-*.tmpl lampiran-*.toml
var files embed.FS

// Set is the wording and column sets in force for a document.
type Set struct {
	text     *template.Template
	lampiran map[string]Lampiran
	// embedded are the embedded column sets not replaced by an override,
	// by name, parsed when first asked for: a document uses one of eight,
	// and parsing all took half of loading the set.
	embedded map[string]*embeddedLampiran
	// defined is, per block name, the order of the source that last
	// defined it (0: the embedded files, 1..n: the overrides), so that a
	// user's "janji" is not hidden by the embedded "janji/eselon-i".
	defined map[string]int
}

// Lampiran is a column set of the lampiran table.
type Lampiran struct {
	Nama  string  `toml:"nama"`
	Judul string  `toml:"judul"` // optional heading printed above the table
	Kolom []Kolom `toml:"kolom"`
	// NomorKolom adds the row "(1) (2) (3) …" under the header, as many
	// official forms print.
	NomorKolom bool `toml:"nomor_kolom"`
	// Anggaran, when present, adds the second table of the regulation's
	// form: No | Program (or Kegiatan, Sub Kegiatan) | Anggaran (Rp) |
	// Keterangan, closed by a total row computed by pkgen.
	Anggaran *Anggaran `toml:"anggaran"`
}

// Anggaran declares the budget table's words.
type Anggaran struct {
	Judul      string `toml:"judul"`      // heading above the table, may be empty
	Uraian     string `toml:"uraian"`     // "Program", "Kegiatan", "Sub Kegiatan"
	Jumlah     string `toml:"jumlah"`     // "Anggaran (Rp)"
	Keterangan string `toml:"keterangan"` // "Keterangan"; empty: no such column
	Total      string `toml:"total"`      // "Jumlah"
	// Mata prefixes every amount ("Rp 1.500.000") unless the header of the
	// amounts already names it ("Anggaran (Rp)"): the currency is printed
	// once.
	Mata string `toml:"mata_uang"`
	Sen  bool   `toml:"sen"` // amounts end in ",00", as some forms ask
}

// Kolom is one column: header words, content and width.
type Kolom struct {
	Judul string  `toml:"judul"`
	Grup  string  `toml:"grup"`  // header over adjacent columns with the same grup
	Isi   string  `toml:"isi"`   // content field, see Fields
	Lebar float64 `toml:"lebar"` // fixed width, mm
	Bobot float64 `toml:"bobot"` // share of the remaining width
	Rata  string  `toml:"rata"`  // "kiri", "tengah", "kanan"
}

// Fields are the contents a column may show.
var Fields = []string{
	"sasaran.nomor", "sasaran.uraian",
	"indikator.nomor", "indikator.uraian", "indikator.sumber_data", "indikator.pengukuran", "indikator.satuan",
	"target.tw1", "target.tw2", "target.tw3", "target.tw4", "target.tahunan",
	// the annual target followed by its unit ("70 Indeks"), for forms
	// without a Satuan column
	"target.tahunan_satuan",
	// the parent objective (sasaran program above sasaran kegiatan),
	// spanning the consecutive sasaran that share it
	"sasaran.induk",
	// the baseline (kondisi_awal), the RPJMD/Renstra end-of-period target
	// (target_akhir) and that target's document and year ("RPJMD 2026")
	"indikator.kondisi_awal", "target.akhir", "target.akhir_tahun",
}

// Default returns the embedded wording and column sets.
// The set is parsed once per process and shared: a Set has no mutating
// methods, and text/template executes concurrently.
func Default() (*Set, error) {
	defaultOnce.Do(func() { defaultSet, defaultErr = load() })
	return defaultSet, defaultErr
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error
)

// Variants are the embedded wording variants, by name: a document or the
// command line names them like files ("pihak-kesatu" is kata-pihak-kesatu.tmpl).
func Variants() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutPrefix(e.Name(), "kata-"); ok {
			out = append(out, strings.TrimSuffix(n, ".tmpl"))
		}
	}
	return out
}

// Override is one template applied over the embedded set: an embedded
// wording variant (Data nil, Name one of Variants), or the content of a
// file the caller has read (Name is the file's name, for messages and to
// tell a .tmpl from a lampiran-*.toml).
type Override struct {
	Name string
	Data []byte
}

// Load returns the embedded set with the given overrides applied in order:
// a .tmpl file redefines the {{define}} blocks it contains, a
// lampiran-*.toml file adds or replaces a column set, a variant is an
// embedded .tmpl file.
func Load(overrides ...Override) (*Set, error) {
	if len(overrides) == 0 {
		return Default()
	}
	return load(overrides...)
}

func load(overrides ...Override) (*Set, error) {
	s := &Set{lampiran: map[string]Lampiran{}, embedded: embeddedLampirans(), defined: map[string]int{}}
	src, err := files.ReadFile("pernyataan.tmpl")
	if err != nil {
		return nil, err
	}
	s.text, err = template.New("pernyataan.tmpl").Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, pesan.Errorf("templat bawaan: %v", err)
	}
	// The capaian annex's words (pkgen capaian) share the set, so one
	// override file may change both documents' words.
	src, err = files.ReadFile("capaian.tmpl")
	if err != nil {
		return nil, err
	}
	if _, err := s.text.New("capaian.tmpl").Parse(string(src)); err != nil {
		return nil, pesan.Errorf("templat bawaan: %v", err)
	}
	for _, t := range s.text.Templates() {
		s.defined[t.Name()] = 0
	}
	for i, o := range overrides {
		name, data := o.Name, o.Data
		if data == nil {
			if !isVariant(name) {
				return nil, pesan.Errorf("templat: varian %q tidak dikenal (varian bawaan: %s)", name, strings.Join(Variants(), ", "))
			}
			name = "kata-" + name + ".tmpl"
			data, _ = files.ReadFile(name)
		}
		switch path.Ext(name) {
		case ".tmpl":
			// Parsing into the same set redefines blocks by name; errors
			// name the file and line.
			if _, err := s.text.New(path.Base(name)).Parse(string(data)); err != nil {
				return nil, pesan.Errorf("templat %s: %v", name, err)
			}
			// The blocks this file defines: parsed alone, it names them.
			own, _ := template.New(path.Base(name)).Parse(string(data))
			for _, t := range own.Templates() {
				s.defined[t.Name()] = i + 1
			}
		case ".toml":
			if err := s.addLampiran(name, data); err != nil {
				return nil, err
			}
		default:
			return nil, pesan.Errorf("templat %s: jenis berkas tidak dikenal; gunakan .tmpl (kata-kata) atau lampiran-NAMA.toml (kolom)", name)
		}
	}
	return s, nil
}

// IsVariant reports whether name is an embedded wording variant rather
// than a file.
func IsVariant(name string) bool { return isVariant(name) }

func isVariant(name string) bool {
	for _, v := range Variants() {
		if name == v {
			return true
		}
	}
	return false
}

func (s *Set) addLampiran(name string, data []byte) error {
	l, err := parseLampiran(name, data)
	if err != nil {
		return err
	}
	s.lampiran[l.Nama] = l
	delete(s.embedded, l.Nama)
	return nil
}

// parseLampiran reads and checks the column set file name holds.
func parseLampiran(name string, data []byte) (Lampiran, error) {
	var l Lampiran
	// The decoder's cost is quadratic in nesting: the same pre-scan as
	// every document.
	if err := model.PreScan(data); err != nil {
		return Lampiran{}, pesan.Errorf("templat %s: %v", name, err)
	}
	md, err := toml.Decode(string(data), &l)
	if err != nil {
		return Lampiran{}, pesan.Errorf("templat %s: %v", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return Lampiran{}, pesan.Errorf("templat %s: kunci %q tidak dikenal", name, u[0].String())
	}
	if l.Nama == "" {
		return Lampiran{}, pesan.Errorf("templat %s: nama wajib diisi", name)
	}
	if len(l.Kolom) == 0 {
		return Lampiran{}, pesan.Errorf("templat %s: setidaknya satu [[kolom]]", name)
	}
	for i, k := range l.Kolom {
		if !known(k.Isi) {
			return Lampiran{}, pesan.Errorf("templat %s: kolom[%d].isi: %q tidak dikenal; pilih salah satu: %s", name, i+1, k.Isi, strings.Join(Fields, ", "))
		}
		if (k.Lebar > 0) == (k.Bobot > 0) {
			return Lampiran{}, pesan.Errorf("templat %s: kolom[%d]: isi tepat satu dari lebar (mm) atau bobot (bagian), dan harus positif", name, i+1)
		}
		switch k.Rata {
		case "", "kiri", "tengah", "kanan":
		default:
			return Lampiran{}, pesan.Errorf("templat %s: kolom[%d].rata: %q tidak dikenal; pilih \"kiri\", \"tengah\" atau \"kanan\"", name, i+1, k.Rata)
		}
	}
	if a := l.Anggaran; a != nil {
		if a.Total == "" {
			a.Total = "Jumlah"
		}
		// Absent: the usual column; written empty: no Keterangan column.
		if a.Keterangan == "" && !md.IsDefined("anggaran", "keterangan") {
			a.Keterangan = "Keterangan"
		}
		if a.Uraian == "" || a.Jumlah == "" {
			return Lampiran{}, pesan.Errorf("templat %s: anggaran: uraian dan jumlah (judul kolom) wajib diisi", name)
		}
	}
	return l, nil
}

func known(field string) bool {
	for _, f := range Fields {
		if f == field {
			return true
		}
	}
	return false
}

// Lampiran returns a column set by name.
func (s *Set) Lampiran(name string) (Lampiran, error) {
	l, ok := s.lampiran[name]
	if e := s.embedded[name]; !ok && e != nil {
		return e.get()
	}
	if !ok {
		return Lampiran{}, pesan.Errorf("lampiran %q tidak dikenal; tersedia: %s", name, strings.Join(s.LampiranNames(), ", "))
	}
	return l, nil
}

// LampiranNames lists the column sets in force, sorted.
func (s *Set) LampiranNames() []string {
	names := make([]string, 0, len(s.lampiran)+len(s.embedded))
	for n := range s.lampiran {
		names = append(names, n)
	}
	for n := range s.embedded {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Text executes the named block with data and returns its words.
func (s *Set) Text(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := s.text.ExecuteTemplate(&b, name, data); err != nil {
		return "", pesan.Errorf("templat: %v", explain(err))
	}
	return b.String(), nil
}

// reUnknownField matches text/template's message for a missing field.
var reUnknownField = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^template: ([^ ]+): executing "([^"]+)" at <([^>]+)>: can't evaluate field (\w+) in type .*$`)
})

// explain turns text/template's execution errors into a message that names
// the file, line and block without Go type names.
func explain(err error) error {
	var ee template.ExecError
	if errors.As(err, &ee) {
		if m := reUnknownField().FindStringSubmatch(ee.Err.Error()); m != nil {
			return pesan.Errorf("%s: blok %q: variabel %s tidak dikenal (lihat daftar variabel di README, bagian Templates)", m[1], m[2], m[3])
		}
	}
	return err
}

// ForTingkat returns the block to execute for name in a document of a
// level: "name/tingkat" when the set defines it (the embedded words of a
// ministry's levels do), unless a later file redefined name itself.
func (s *Set) ForTingkat(name, tingkat string) string {
	own := name + "/" + tingkat
	if tingkat == "" || s.text.Lookup(own) == nil || s.defined[own] < s.defined[name] {
		return name
	}
	return own
}

// Has reports whether a block is defined.
func (s *Set) Has(name string) bool { return s.text.Lookup(name) != nil }

// Resolve reads the overrides a document names in its templat list: an
// embedded variant by its name, a file by its path relative to the
// document (docName, an fs.FS name) inside fsys, read once and bounded.
// This is the one place a document's template names become templates.
func Resolve(fsys fs.FS, docName string, names []string) ([]Override, error) {
	out := make([]Override, 0, len(names))
	for _, n := range names {
		if isVariant(n) {
			out = append(out, Override{Name: n})
			continue
		}
		name, err := pkgfiles.Resolve(docName, n)
		if err != nil {
			return nil, pesan.Errorf("templat %s: %v", n, err)
		}
		data, err := pkgfiles.Read(fsys, name, pkgfiles.Template)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, pesan.Errorf("templat %s: berkas tidak ditemukan (dicari di %s; varian bawaan: %s)", n, name, strings.Join(Variants(), ", "))
			}
			return nil, pesan.Errorf("templat %s: %v", n, err)
		}
		out = append(out, Override{Name: name, Data: data})
	}
	return out, nil
}

// embeddedLampiran is an embedded column set, parsed on first use (a Set
// is shared by the goroutines of a batch).
type embeddedLampiran struct {
	file string
	once sync.Once
	l    Lampiran
	err  error
}

func (e *embeddedLampiran) get() (Lampiran, error) {
	e.once.Do(func() {
		data, err := files.ReadFile(e.file)
		if err != nil {
			e.err = err
			return
		}
		e.l, e.err = parseLampiran(e.file, data)
	})
	return e.l, e.err
}

// embeddedLampirans lists the embedded column sets, each named as its file
// (lampiran-NAMA.toml; TestEmbeddedLampiran checks that the file's nama
// says the same).
func embeddedLampirans() map[string]*embeddedLampiran {
	m := map[string]*embeddedLampiran{}
	entries, _ := files.ReadDir(".")
	for _, e := range entries {
		if n, ok := strings.CutPrefix(e.Name(), "lampiran-"); ok {
			m[strings.TrimSuffix(n, ".toml")] = &embeddedLampiran{file: e.Name()}
		}
	}
	return m
}
