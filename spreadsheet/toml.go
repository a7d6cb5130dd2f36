package spreadsheet

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"pkgen/model"
)

// This file writes model values back as TOML in the README's style: one
// key per line, tables in the order of the README, targets as inline
// tables with typed values (numbers stay numbers, "100%" stays text), and
// pengukuran as a multi-line '''…''' string. The output is deterministic:
// the same document always gives the same bytes. Keys at their default
// value are left out at the indicator level (polaritas "naik", agregasi
// "akhir"), written at the document level.

type tomlWriter struct {
	b strings.Builder
}

func (w *tomlWriter) line(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *tomlWriter) blank() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteByte('\n')
	}
}

func (w *tomlWriter) str(key, v string) {
	if v != "" {
		w.line("%s = %s", key, quote(v))
	}
}

// text writes Markdown: a multi-line literal string when it can hold it.
func (w *tomlWriter) text(key, v string) {
	if v == "" {
		return
	}
	if s, ok := multiline(v); ok {
		w.line("%s = %s", key, s)
		return
	}
	w.line("%s = %s", key, quote(v))
}

func (w *tomlWriter) strs(key string, v []string) {
	if len(v) == 0 {
		return
	}
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = quote(s)
	}
	w.line("%s = [%s]", key, strings.Join(q, ", "))
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// multiline writes s as a multi-line literal string, ”'\n…\n”', when s
// has no ”' and no control character but tab and newline. The newline
// before the closing ”' is read back as part of the text; the loader
// trims it.
func multiline(s string) (string, bool) {
	if strings.Contains(s, "'''") || !utf8.ValidString(s) {
		return "", false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f {
			return "", false
		}
	}
	return "'''\n" + s + "\n'''", true
}

// bareKey reports whether k can be written without quotes.
func bareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func key(k string) string {
	if bareKey(k) {
		return k
	}
	return quote(k)
}

// nilai writes a target or realisasi value as the loader reads it back.
func nilai(n model.Nilai) string {
	switch n.Jenis {
	case model.Angka:
		return n.Angka.String()
	case model.Persen:
		return quote(n.Angka.String() + "%")
	case model.NA:
		return quote("N/A")
	}
	return quote(n.Teks)
}

func pihak(w *tomlWriter, p model.Pihak) {
	w.str("nama", p.Nama)
	w.str("gelar_depan", p.GelarDepan)
	w.str("gelar_belakang", p.GelarBelakang)
	w.str("nip", p.NIP)
	w.str("jabatan", p.Jabatan)
	w.str("unit_kerja", p.UnitKerja)
	w.str("pangkat", p.Pangkat)
	w.str("status", p.Status)
}

// TulisPK writes a document as TOML. Computed values (numbers of sasaran
// and indikator, the amended version loaded by model.Load, the file name)
// are not written. header, when not empty, is written first as comment
// lines.
func TulisPK(doc *model.Document, header string) []byte {
	w := &tomlWriter{}
	comment(w, header)
	if doc.Tahun != 0 {
		w.line("tahun = %d", doc.Tahun)
	}
	w.str("jenis", string(doc.Jenis))
	w.str("tingkat", string(doc.Tingkat))
	w.str("kertas", string(doc.Kertas))
	w.str("format_angka", doc.FormatAngka)
	w.str("tempat", doc.Tempat)
	if doc.Tanggal != nil {
		w.line("tanggal = %s", doc.Tanggal.Format("2006-01-02"))
	}
	w.str("lampiran", doc.Lampiran)
	w.strs("templat", doc.Templat)

	if p := doc.Perubahan; p != nil {
		w.blank()
		w.line("[perubahan]")
		w.str("mengubah", p.Mengubah)
		if p.Ke != 0 {
			w.line("ke = %d", p.Ke)
		}
		w.str("alasan", string(p.Alasan))
		w.str("keterangan", p.Keterangan)
		if !p.Berlaku.IsZero() {
			w.line("berlaku = %s", p.Berlaku.Format("2006-01-02"))
		}
		if p.DaftarPerubahan {
			w.line("daftar_perubahan = true")
		}
	}

	w.blank()
	w.line("[instansi]")
	w.strs("kop", doc.Instansi.Kop)
	w.str("logo", doc.Instansi.Logo)

	w.blank()
	w.line("[pihak_pertama]")
	pihak(w, doc.PihakPertama)
	if doc.PihakKedua != nil {
		w.blank()
		w.line("[pihak_kedua]")
		pihak(w, *doc.PihakKedua)
	}

	tt := doc.Tandatangan
	if (tt.NIP != "" && tt.NIP != model.NIPRapat) || !tt.BarisTanggal || tt.URLVerifikasi != "" {
		w.blank()
		w.line("[tanda_tangan]")
		if tt.NIP != "" && tt.NIP != model.NIPRapat {
			w.str("nip", string(tt.NIP))
		}
		if !tt.BarisTanggal {
			w.line("baris_tanggal = false")
		}
		if tt.URLVerifikasi != "" {
			w.str("url_verifikasi", tt.URLVerifikasi)
		}
	}
	if m := tt.Mengetahui; m != nil {
		w.blank()
		w.line("[tanda_tangan.mengetahui]")
		w.str("peran", tt.PeranKetiga)
		pihak(w, *m)
	}

	capaian(w, doc.Capaian)

	for _, s := range doc.Sasaran {
		w.blank()
		w.line("[[sasaran]]")
		w.str("kelompok", s.Kelompok)
		w.str("induk", s.Induk)
		w.str("uraian", s.Uraian)
		for _, ind := range s.Indikator {
			w.blank()
			w.line("[[sasaran.indikator]]")
			w.str("kode", ind.Kode)
			w.str("uraian", ind.Uraian)
			w.str("sumber_data", ind.SumberData)
			w.str("satuan", ind.Satuan)
			if ind.Polaritas != "" && ind.Polaritas != model.Naik {
				w.str("polaritas", string(ind.Polaritas))
			}
			if ind.Agregasi != "" && ind.Agregasi != model.Akhir {
				w.str("agregasi", string(ind.Agregasi))
			}
			w.str("skala", ind.Skala)
			var parts []string
			for q, n := range ind.Target.TW {
				if n.Jenis != model.Kosong {
					parts = append(parts, fmt.Sprintf("tw%d = %s", q+1, nilai(n)))
				}
			}
			if n := ind.Target.Tahunan; n.Jenis != model.Kosong {
				parts = append(parts, "tahunan = "+nilai(n))
			}
			w.line("target = { %s }", strings.Join(parts, ", "))
			w.text("pengukuran", ind.Pengukuran)
		}
	}

	for _, a := range doc.Anggaran {
		w.blank()
		w.line("[[anggaran]]")
		w.str("uraian", a.Uraian)
		w.line("jumlah = %d", a.Jumlah)
		w.str("keterangan", a.Keterangan)
	}
	return []byte(w.b.String())
}

func capaian(w *tomlWriter, a model.AturanCapaian) {
	if a.RumusTurun == "" && a.Batas == nil && a.Kategori == nil && a.Skala == nil {
		return
	}
	w.blank()
	w.line("[capaian]")
	w.str("rumus_turun", string(a.RumusTurun))
	if a.Batas != nil {
		w.line("batas = %s", a.Batas.String())
	}
	for _, k := range a.Kategori {
		w.blank()
		w.line("[[capaian.kategori]]")
		if k.Min != nil {
			w.line("min = %s", k.Min.String())
		}
		w.str("nama", k.Nama)
	}
	names := make([]string, 0, len(a.Skala))
	for n := range a.Skala {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sk := a.Skala[n]
		w.blank()
		w.line("[capaian.skala.%s]", key(n))
		w.str("angka", string(sk.Angka))
		w.line("tingkat = [")
		for _, t := range sk.Tingkat {
			parts := []string{"label = " + quote(t.Label)}
			if t.Skor != nil {
				parts = append(parts, "skor = "+t.Skor.String())
			}
			parts = append(parts, "persen = "+t.Persen.String())
			w.line("  { %s },", strings.Join(parts, ", "))
		}
		w.line("]")
	}
}

func comment(w *tomlWriter, header string) {
	if header == "" {
		return
	}
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			w.line("%s", l)
		} else {
			w.line("# %s", l)
		}
	}
	w.blank()
}

// TulisRealisasi writes a realisasi report as TOML; header as in TulisPK.
func TulisRealisasi(lap *model.Laporan, header string) []byte {
	w := &tomlWriter{}
	comment(w, header)
	w.str("pk", lap.PK)
	if lap.Tahun != 0 {
		w.line("tahun = %d", lap.Tahun)
	}
	if lap.Triwulan != 0 {
		w.line("triwulan = %d", lap.Triwulan)
	}
	for _, r := range lap.Realisasi {
		w.blank()
		w.line("[[realisasi]]")
		w.str("kode", r.Kode)
		var parts []string
		for q, n := range r.TW {
			if n.Jenis != model.Kosong {
				parts = append(parts, fmt.Sprintf("tw%d = %s", q+1, nilai(n)))
			}
		}
		if len(parts) > 0 {
			w.line("tw = { %s }", strings.Join(parts, ", "))
		}
		if r.TahunLalu.Jenis != model.Kosong {
			w.line("tahun_lalu = %s", nilai(r.TahunLalu))
		}
		textOrLine(w, "kendala", r.Kendala)
		textOrLine(w, "upaya", r.Upaya)
	}
	return []byte(w.b.String())
}

// textOrLine writes one-line notes as basic strings, longer ones as
// multi-line strings.
func textOrLine(w *tomlWriter, k, v string) {
	if strings.Contains(v, "\n") {
		w.text(k, v)
	} else {
		w.str(k, v)
	}
}
