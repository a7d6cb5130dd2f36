package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"pkgen/files"
	"pkgen/pesan"
)

// MaxBytes bounds the size of a document file (files.TOML's limit); a PK
// with 10,000 indicators and long definitions is about 13 MB.
var MaxBytes = files.TOML.Limit()

// Load reads, decodes and validates the PK file name in fsys, with every
// version it amends (a PK Perubahan). Names are fs.FS names: slash-separated
// and relative to fsys's root; a document's references (perubahan.mengubah)
// are resolved relative to the file and may not leave that root. Each file
// is read once, bounded (files.Read); its bytes are kept in Document.Raw.
// The document is nil when problems contains errors; warnings come with a
// valid document. The error is for a main file that cannot be read.
func Load(fsys fs.FS, name string) (*Document, Problems, error) {
	return load(fsys, name, map[string]bool{})
}

// load reads one file and, for a PK Perubahan, the chain of versions it
// amends.
func load(fsys fs.FS, name string, seen map[string]bool) (*Document, Problems, error) {
	seen[name] = true
	data, err := files.Read(fsys, name, files.TOML)
	if err != nil {
		return nil, nil, err
	}
	doc, probs := Parse(name, data)
	if doc != nil && doc.Perubahan != nil {
		probs = append(probs, loadVersions(fsys, name, doc, seen)...)
		if len(probs.Errors()) > 0 {
			return nil, probs, nil
		}
	}
	return doc, probs, nil
}

// decodeRaw applies the checks every TOML file of pkgen gets (size, empty,
// binary, encoding, shape, syntax) and decodes it into a generic tree,
// stepping over syntax errors where it can (decodeRecovering); sizeHint
// and emptyHint finish the size and empty messages for the kind of file.
func decodeRaw(name string, data []byte, sizeHint, emptyHint pesan.Pesan) decoded {
	fail := func(line int, format string, args ...any) decoded {
		return decoded{probs: Problems{problemf(name, line, "", Galat, format, args...)}}
	}
	if int64(len(data)) > MaxBytes {
		return fail(0, "berkas terlalu besar (lebih dari %d MB); %s", MaxBytes>>20, sizeHint)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(0, "berkas kosong; %s", emptyHint)
	}
	// A NUL byte marks a binary file (a PDF or spreadsheet given by mistake);
	// say so before complaining about its encoding.
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(1+bytes.Count(data[:i], []byte("\n")), "berkas berisi byte NUL; ini bukan berkas teks TOML")
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return fail(line, "berkas bukan teks UTF-8 (byte tidak sah); simpan berkas sebagai teks UTF-8")
	}
	// Deep nesting and long keys cost the decoder quadratic time: refuse
	// them first, in one linear pass.
	var le *LimitError
	if err := PreScan(data); errors.As(err, &le) {
		return fail(le.Line, "bentuk TOML di luar batas (kolom %d): %s", le.Col, le.Msg)
	}
	text := string(data)
	loc := startLocator(text)
	dec := decodeRecovering(name, text)
	dec.loc = loc
	return dec
}

// Parse decodes and validates a PK from its TOML text; name is used in
// messages.
func Parse(name string, data []byte) (*Document, Problems) {
	dec := decodeRaw(name, data, pesan.M("sebuah PK biasanya kurang dari 1 MB"),
		pesan.M("sebuah PK memerlukan setidaknya tahun, tempat, [instansi], [pihak_pertama] dan [[sasaran]]"))
	if dec.raw == nil {
		return nil, dec.probs
	}
	d := newDecoder(name, dec)
	doc := d.document(d.table("", dec.raw))
	// Relations are checked even when some values are wrong, so that one
	// run shows everything; each check skips what could not be read.
	d.validate(doc)
	d.finish()
	if len(d.probs.Errors()) > 0 {
		return nil, d.probs
	}
	doc.number()
	doc.Raw = data
	return doc, d.probs
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func (d *decoder) document(t *tbl) *Document {
	doc := &Document{File: d.file}
	if n, ok := t.integer("tahun", true); ok {
		if n < 2000 || n > 2100 {
			d.errf("tahun", "tahun %d di luar rentang 2000–2100", n)
		}
		doc.Tahun = n
	}
	doc.Jenis = Jenis(t.enum("jenis", string(JenisPK), string(JenisPK), string(JenisPerubahan)))
	tingkats := make([]string, len(Tingkats))
	for i, v := range Tingkats {
		tingkats[i] = string(v)
	}
	doc.Tingkat = Tingkat(t.enum("tingkat", string(KepalaPerangkatDaerah), tingkats...))
	doc.Kertas = Kertas(t.enum("kertas", string(A4), string(A4), string(F4)))
	doc.FormatAngka = t.enum("format_angka", "id", "id", "en")
	doc.HanyaLampiran = d.flag(t, "hanya_lampiran", false)
	// The place is printed over the signatures: a lampiran-only document
	// may go without.
	doc.Tempat = t.str("tempat", !doc.HanyaLampiran)
	doc.Tanggal, doc.TanggalBulan = d.tanggal(t)
	// The column sets live in templates (a unit may add its own), so the
	// name is checked when the templates are loaded, not here.
	if doc.Lampiran = t.str("lampiran", false); doc.Lampiran == "" {
		doc.Lampiran = "dki"
	}
	doc.Templat = t.strs("templat", false)
	doc.PKInduk = d.pkInduk(t)
	doc.IdentitasLampiran = d.identitas(t)
	d.perubahan(t, doc)
	// The heading is printed on the statement page only: a lampiran-only
	// document may go without.
	if it := t.sub("instansi", !doc.HanyaLampiran); it != nil {
		doc.Instansi.Kop = d.kop(it)
		doc.Instansi.Logo = it.str("logo", false)
		doc.Instansi.TataKop = TataKop(it.enum("tata_kop", string(KopKiri), string(KopKiri), string(KopTengah)))
		if _, given := it.get("tata_kop"); given && doc.Instansi.Logo == "" && !d.hasFailed(it.keyPath("tata_kop")) {
			d.warnf(it.keyPath("tata_kop"), "tidak berpengaruh tanpa logo: kop tanpa logo selalu di tengah")
		}
		doc.Instansi.UnitOrganisasiEselonI = it.str("unit_organisasi_eselon_i", false)
		doc.Instansi.UnitOrganisasi = it.str("unit_organisasi", false)
		doc.Instansi.Satker = it.str("satker", false)
		// A heading may be the emblem alone (a ministry's Garuda).
		if _, given := it.get("kop"); !given && doc.Instansi.Logo == "" && !doc.HanyaLampiran && !d.hasFailed(it.keyPath("logo")) {
			d.errf(it.keyPath("kop"), "wajib diisi (daftar teks, mis. [\"BARIS 1\", \"BARIS 2\"]); kop boleh tidak ada hanya bila logo diisi")
		} else if given && len(doc.Instansi.Kop) == 0 && doc.Instansi.Logo == "" && !doc.HanyaLampiran && !d.hasFailed(it.keyPath("kop")) {
			d.errf(it.keyPath("kop"), "tidak boleh kosong bila logo tidak diisi; tulis baris kop atau isi logo")
		}
		it.done()
	}
	// A lampiran-only document may leave the parties out.
	if pt := t.sub("pihak_pertama", !doc.HanyaLampiran); pt != nil {
		doc.PihakPertama = d.pihak(pt)
	}
	if pt := t.sub("pihak_kedua", false); pt != nil {
		p := d.pihak(pt)
		doc.PihakKedua = &p
	}
	doc.Tandatangan = d.tandatangan(t)
	doc.Anggaran = d.anggaran(t)
	doc.Bagian = d.bagian(t)
	ss := t.list("sasaran")
	if v, ok := t.m["sasaran"]; !ok || isEmptyList(v) {
		d.errf("sasaran", "wajib ada: setidaknya satu [[sasaran]] dengan [[sasaran.indikator]]")
	}
	for _, st := range ss {
		doc.Sasaran = append(doc.Sasaran, d.sasaran(st))
	}
	d.capaianDokumen(t, doc)
	doc.NomorHalaman = NomorHalaman(t.enum("nomor_halaman", string(HalamanLampiran), string(HalamanLampiran), string(HalamanSemua)))
	doc.Paraf = d.paraf(t, doc)
	if _, given := t.m["tingkat"]; !given {
		d.checkCentral(doc)
	}
	t.done()
	return doc
}

// kop reads the heading lines: each a string (a name line) or an inline
// table { teks = "…", gaya = "alamat" }.
func (d *decoder) kop(it *tbl) []KopBaris {
	v, ok := it.get("kop")
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		if ms, isTables := v.([]map[string]any); isTables {
			for _, m := range ms {
				arr = append(arr, m)
			}
		} else {
			d.errf(it.keyPath("kop"), "harus daftar teks, mis. [\"BARIS 1\", \"BARIS 2\"], bukan %s", typeName(v))
			return nil
		}
	}
	gayas := make([]string, len(GayaKops))
	for i, g := range GayaKops {
		gayas[i] = string(g)
	}
	out := make([]KopBaris, 0, len(arr))
	for i, e := range arr {
		path := fmt.Sprintf("%s[%d]", it.keyPath("kop"), i+1)
		switch e := e.(type) {
		case string:
			out = append(out, KopBaris{Teks: strings.TrimSpace(e), Gaya: KopNama})
		case map[string]any:
			bt := d.table(path, e)
			b := KopBaris{Teks: bt.str("teks", true), Gaya: GayaKop(bt.enum("gaya", string(KopNama), gayas...))}
			bt.done()
			out = append(out, b)
		default:
			d.errf(path, "harus teks atau { teks = \"…\", gaya = \"alamat\" }, bukan %s", typeName(e))
		}
	}
	return out
}

// paraf reads the [[paraf]] list: the officials who initial the
// statement before the leader signs.
func (d *decoder) paraf(t *tbl, doc *Document) []Paraf {
	var out []Paraf
	for _, pt := range t.list("paraf") {
		out = append(out, Paraf{Jabatan: pt.str("jabatan", true), Nama: pt.str("nama", false)})
		pt.done()
	}
	if len(out) > maxParaf {
		d.errf("paraf", "%d kotak paraf; paling banyak %d", len(out), maxParaf)
	}
	if len(out) > 0 && doc.HanyaLampiran && doc.Tandatangan.ParafDi != ParafSemua {
		d.warnf("paraf", "tidak dicetak: dokumen lampiran saja tidak punya halaman pernyataan; tulis [tanda_tangan] paraf_di = \"semua\" untuk mencetaknya di setiap halaman")
	}
	return out
}

// maxParaf bounds the paraf table to one row of boxes across the page.
const maxParaf = 6

// tanggal reads the signing date: a TOML date (2023-02-15), or a month
// in quotes ("2020-01") for a date line that names only the month.
func (d *decoder) tanggal(t *tbl) (*time.Time, bool) {
	v, ok := t.get("tanggal")
	if !ok {
		return nil, false
	}
	s, isStr := v.(string)
	if !isStr {
		return t.date("tanggal"), false
	}
	m, err := time.Parse("2006-01", strings.TrimSpace(s))
	if _, full := time.Parse("2006-01-02", strings.TrimSpace(s)); full == nil {
		return t.date("tanggal"), false // a full date in quotes: its own message
	}
	if err != nil {
		d.errf("tanggal", "%q bukan tanggal atau bulan; tulis tanggal tanpa tanda kutip (tanggal = 2023-02-15) atau bulan dalam tanda kutip (tanggal = \"2023-02\")", s)
		return nil, false
	}
	return &m, true
}

// identitas reads identitas_lampiran: which lines stand under the
// lampiran title, in order; an empty list leaves them all out.
func (d *decoder) identitas(t *tbl) []string {
	if _, ok := t.get("identitas_lampiran"); !ok {
		return nil
	}
	names := t.strs("identitas_lampiran", false)
	out := make([]string, 0, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		path := fmt.Sprintf("identitas_lampiran[%d]", i+1)
		switch {
		case !slices.Contains(IdentitasLines, n):
			d.errf(path, "%q tidak dikenal; pilih dari: %s", n, strings.Join(IdentitasLines, ", "))
		case seen[n]:
			d.errf(path, "%q sudah disebut; setiap baris hanya sekali", n)
		default:
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func (d *decoder) pihak(t *tbl) Pihak {
	p := Pihak{
		Nama:          t.str("nama", true),
		GelarDepan:    t.str("gelar_depan", false),
		GelarBelakang: t.str("gelar_belakang", false),
		Jabatan:       t.str("jabatan", true),
		UnitKerja:     t.str("unit_kerja", false),
		Pangkat:       t.str("pangkat", false),
		Status:        t.enum("status", "", "Pj.", "Plt.", "Plh."),
	}
	if v, ok := t.get("nip"); ok {
		s, isStr := v.(string)
		if !isStr {
			d.errf(t.keyPath("nip"), "NIP harus teks dalam tanda kutip (18 angka, mis. \"197403091993111001\"), bukan %s; sebagai angka, nol di depan dan pengelompokan hilang", typeName(v))
		} else if nip, err := parseNIP(s); err != nil {
			d.errOf(t.keyPath("nip"), err)
		} else {
			p.NIP = nip
		}
	}
	t.done()
	return p
}

func (d *decoder) sasaran(t *tbl) Sasaran {
	s := Sasaran{
		Bagian:   t.str("bagian", false),
		Kelompok: t.str("kelompok", false),
		Induk:    t.str("induk", false),
		Uraian:   t.str("uraian", true),
	}
	s.Mendukung = d.mendukung(t)
	inds := t.list("indikator")
	if v, ok := t.m["indikator"]; !ok || isEmptyList(v) {
		d.errf(t.path, "sasaran tanpa indikator: tambahkan setidaknya satu [[sasaran.indikator]]")
	}
	for _, it := range inds {
		s.Indikator = append(s.Indikator, d.indikator(it))
	}
	t.done()
	return s
}

func (d *decoder) indikator(t *tbl) Indikator {
	ind := Indikator{
		Kode:       t.str("kode", true),
		Uraian:     t.str("uraian", true),
		SumberData: t.str("sumber_data", false),
		Pengukuran: t.text("pengukuran"),
		Satuan:     t.str("satuan", false),
		Polaritas:  Polaritas(t.enum("polaritas", string(Naik), string(Naik), string(Turun))),
		Agregasi:   Agregasi(t.enum("agregasi", string(Akhir), string(Akhir), string(Jumlah), string(RataRata))),
	}
	if tt := t.sub("target", true); tt != nil {
		for q := range 4 {
			ind.Target.TW[q] = d.nilai(tt, fmt.Sprintf("tw%d", q+1))
		}
		ind.Target.Tahunan = d.nilai(tt, "tahunan")
		tt.done()
	}
	d.capaianIndikator(t, &ind)
	ind.Mendukung = d.mendukung(t)
	ind.AgregasiKaskade = Agregasi(t.enum("agregasi_kaskade", "", string(Jumlah)))
	t.done()
	return ind
}

// nilai reads one target value: a TOML number, or text such as "N/A",
// "100%", "(3) WTP", "A (82)".
func (d *decoder) nilai(t *tbl, key string) Nilai {
	v, ok := t.get(key)
	path := t.keyPath(key)
	if !ok {
		d.errf(path, "wajib diisi: angka (86.75), persen (\"100%%\"), kategori (\"(3) WTP\") atau \"N/A\"")
		return Nilai{}
	}
	switch x := v.(type) {
	case int64:
		return Nilai{Jenis: Angka, Angka: Desimal{Unscaled: x}}
	case float64:
		dec, err := DesimalFloat(x)
		if err != nil {
			d.errOf(path, err)
			return Nilai{}
		}
		return Nilai{Jenis: Angka, Angka: dec}
	case string:
		n, err := ParseNilai(x)
		if err != nil {
			d.errOf(path, err)
		}
		if n.Jenis == Kategori && !n.AdaSkor {
			if hint := numberLikeHint(x); hint != "" {
				d.warnf(path, "%q dibaca sebagai kategori, bukan angka; mungkin maksudnya %s", x, hint)
			}
		}
		return n
	}
	d.errf(path, "jenis nilai salah (%s): harus angka (86.75), persen (\"100%%\"), kategori (\"(3) WTP\") atau \"N/A\"", typeName(v))
	return Nilai{}
}

// syntaxPos places a TOML syntax error by its byte offset: the decoder's own
// line is one too far when the offending character is the newline.
func syntaxPos(data []byte, pe toml.ParseError) (line, col int) {
	start := pe.Position.Start
	if start < 0 || start > len(data) {
		return pe.Position.Line, pe.Position.Col
	}
	before := data[:start]
	// An unclosed multi-line string runs to the end of the file: point at
	// its opening instead, the last occurrence of the delimiter.
	if strings.HasPrefix(pe.Message, "unexpected EOF; expected ") {
		for _, delim := range []string{`"""`, `'''`} {
			if strings.Contains(pe.Message, delim) {
				if i := bytes.LastIndex(before, []byte(delim)); i >= 0 {
					before = before[:i]
				}
			}
		}
	}
	return 1 + bytes.Count(before, []byte("\n")), 1 + utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
}

// syntaxRules explain the TOML decoder's usual messages in Indonesian.
var syntaxRules = []struct {
	re  *lazyRegexp
	msg string // a catalogue key; a format of the first group when it has a verb
}{
	{lazyRE(`^strings cannot contain newlines`), pesan.Key("teks belum ditutup dengan tanda kutip pada baris ini; teks yang berganti baris ditulis di antara ''' dan '''")},
	{lazyRE(`^unexpected EOF; expected ["'](.*)["']$`), pesan.Key("teks banyak baris yang dibuka di sini dengan %[1]s tidak pernah ditutup; tutup dengan %[1]s di akhir teks")},
	{lazyRE(`^expected value but found '\\n' instead`), pesan.Key("nilai tidak ada setelah =; tulis angka, teks dalam tanda kutip, true/false, tanggal (2023-02-15), daftar [ ... ] atau tabel { ... }")},
	{lazyRE(`^expected value but found (.*) instead`), pesan.Key("nilai setelah = tidak sah (%s); tulis angka, teks dalam tanda kutip, true/false, tanggal (2023-02-15), daftar [ ... ] atau tabel { ... }")},
	{lazyRE(`^expected '\.' or '=', but got (.*) instead`), pesan.Key("tanda = tidak ada sesudah nama kunci (ditemukan %s); tulis kunci = nilai")},
	{lazyRE(`^unexpected '=': key name appears blank`), pesan.Key("nama kunci tidak ada sebelum =")},
	{lazyRE(`^Key '(.*)' has already been defined\.`), pesan.Key(`kunci atau tabel "%s" sudah ditulis sebelumnya; setiap kunci dan setiap [tabel] hanya boleh ditulis sekali`)},
	{lazyRE(`^Key '(.*)' was already created and cannot be used as an array\.`), pesan.Key(`"%s" sudah ditulis sebagai kunci atau tabel biasa, tidak dapat dipakai lagi sebagai [[daftar tabel]]`)},
	{lazyRE(`^expected (end of table array name delimiter|'\.' or '\]' to end table name)`), pesan.Key("nama tabel belum ditutup; tulis [nama] atau [[nama]] pada satu baris")},
	{lazyRE(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`), pesan.Key("ada sisa %s sesudah nilai; tulis satu kunci = nilai per baris")},
	{lazyRE(`^expected a comma \(','\) or array terminator`), pesan.Key("daftar belum ditutup; pisahkan unsur dengan koma dan tutup dengan ]")},
	{lazyRE(`^expected a comma or an inline table terminator`), pesan.Key("tabel sebaris belum ditutup; pisahkan kunci dengan koma dan tutup dengan } pada baris yang sama")},
	{lazyRE(`^invalid datetime: (.*)`), pesan.Key("tanggal %s tidak sah; tulis TTTT-BB-HH, mis. 2023-02-15")},
	{lazyRE(`^invalid escape in string (.*)`), pesan.Key(`escape %s tidak sah dalam teks "..."; tulis \\ untuk garis miring terbalik, atau gunakan tanda kutip tunggal '...'`)},
	{lazyRE(`^(.*) is out of range for int64`), pesan.Key("angka %s terlalu besar")},
	{lazyRE(`^TOML files cannot contain control characters: (.*)`), pesan.Key("berkas berisi karakter kendali %s; hapus karakter itu")},
}

// syntaxMsg explains a TOML decoder message in Indonesian (a pesan.Pesan);
// a message it does not know is kept as it is (a string, in English).
func syntaxMsg(msg string) any {
	for _, r := range syntaxRules {
		if m := r.re.FindStringSubmatch(msg); m != nil {
			if len(m) > 1 && strings.Contains(r.msg, "%") {
				return pesan.M(r.msg, m[1])
			}
			return pesan.M(r.msg)
		}
	}
	return msg
}
