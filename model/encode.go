package model

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file writes a PK or a realisasi report back as TOML, in the README's
// style: one key per line, tables in the order of the README, targets as
// inline tables with typed values (numbers stay numbers, "100%" stays
// text), and Markdown as a multi-line '''…''' string. The output is
// deterministic: the same value always gives the same bytes.
//
// What Parse computes is not written, and what it fills in when a key is
// absent is written only where the README writes it: polaritas "naik" and
// agregasi "akhir" are left out of an indicator, the document-level
// defaults (jenis, tingkat, kertas) are written. Parsing the output of a
// Document that Parse returned gives the same Document, but for File, Raw,
// Perubahan.Asal (the amended version, which Load reads from mengubah) and
// Laporan.Dokumen.

// EncodePK writes doc as TOML. header, when not empty, is written first as
// comment lines ("#" is added to lines without it; a line "#:schema …"
// stays an editor's directive).
func EncodePK(doc *Document, header string) []byte {
	w := &tomlWriter{}
	w.header(header)
	if doc.Tahun != 0 {
		w.line("tahun = %d", doc.Tahun)
	}
	w.str("jenis", string(doc.Jenis))
	w.str("tingkat", string(doc.Tingkat))
	w.str("kertas", string(doc.Kertas))
	w.str("format_angka", doc.FormatAngka)
	w.str("tempat", doc.Tempat)
	if doc.Tanggal != nil && doc.TanggalBulan {
		w.line("tanggal = %s", tomlQuote(doc.Tanggal.Format("2006-01")))
	} else if doc.Tanggal != nil {
		w.line("tanggal = %s", doc.Tanggal.Format("2006-01-02"))
	}
	w.str("lampiran", doc.Lampiran)
	w.strs("templat", doc.Templat)
	w.str("pk_induk", doc.PKInduk)
	if doc.IdentitasLampiran != nil && len(doc.IdentitasLampiran) == 0 {
		w.line("identitas_lampiran = []") // none, unlike the default
	}
	w.strs("identitas_lampiran", doc.IdentitasLampiran)
	if doc.HanyaLampiran {
		w.line("hanya_lampiran = true")
	}
	if doc.NomorHalaman == HalamanSemua {
		w.str("nomor_halaman", string(doc.NomorHalaman))
	}

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

	if in := doc.Instansi; !doc.HanyaLampiran || len(in.Kop) > 0 || in.Logo != "" || in.UnitOrganisasiEselonI != "" || in.UnitOrganisasi != "" || in.Satker != "" {
		w.blank()
		w.line("[instansi]")
		w.kop(in.Kop)
		w.str("logo", in.Logo)
		if in.TataKop == KopTengah {
			w.str("tata_kop", string(in.TataKop))
		}
		w.str("unit_organisasi_eselon_i", in.UnitOrganisasiEselonI)
		w.str("unit_organisasi", in.UnitOrganisasi)
		w.str("satker", in.Satker)
	}

	if doc.HasParties() {
		w.blank()
		w.line("[pihak_pertama]")
		w.pihak(doc.PihakPertama)
	}
	if doc.PihakKedua != nil {
		w.blank()
		w.line("[pihak_kedua]")
		w.pihak(*doc.PihakKedua)
	}

	tt := doc.Tandatangan
	if (tt.NIP != "" && tt.NIP != NIPRapat) || !tt.BarisTanggal || tt.JabatanAsWritten || tt.PeranDiLampiran || tt.URLVerifikasi != "" || tt.ParafDi == ParafSemua {
		w.blank()
		w.line("[tanda_tangan]")
		if tt.NIP != "" && tt.NIP != NIPRapat {
			w.str("nip", string(tt.NIP))
		}
		if !tt.BarisTanggal {
			w.line("baris_tanggal = false")
		}
		if tt.PeranDiLampiran {
			w.line("peran_di_lampiran = true")
		}
		if tt.JabatanAsWritten {
			w.line("koma_jabatan = false")
		}
		if tt.URLVerifikasi != "" {
			w.str("url_verifikasi", tt.URLVerifikasi)
		}
		if tt.ParafDi == ParafSemua {
			w.str("paraf_di", string(tt.ParafDi))
		}
	}
	if m := tt.Mengetahui; m != nil {
		w.blank()
		w.line("[tanda_tangan.mengetahui]")
		w.str("peran", tt.PeranKetiga)
		w.pihak(*m)
	}

	w.capaian(doc.Capaian)

	for _, p := range doc.Paraf {
		w.blank()
		w.line("[[paraf]]")
		w.str("jabatan", p.Jabatan)
		w.str("nama", p.Nama)
	}

	for _, b := range doc.Bagian {
		w.blank()
		w.line("[[bagian]]")
		w.str("nama", b.Nama)
		w.str("judul", b.Judul)
		w.str("lampiran", b.Lampiran)
		if b.NomorLanjut {
			w.line("nomor_lanjut = true")
		}
	}

	for _, s := range doc.Sasaran {
		w.blank()
		w.line("[[sasaran]]")
		w.str("bagian", s.Bagian)
		w.str("kelompok", s.Kelompok)
		w.str("induk", s.Induk)
		w.str("uraian", s.Uraian)
		w.strs("mendukung", s.Mendukung)
		for _, ind := range s.Indikator {
			w.blank()
			w.line("[[sasaran.indikator]]")
			w.str("kode", ind.Kode)
			w.str("uraian", ind.Uraian)
			w.str("sumber_data", ind.SumberData)
			w.str("satuan", ind.Satuan)
			if ind.Polaritas != "" && ind.Polaritas != Naik {
				w.str("polaritas", string(ind.Polaritas))
			}
			if ind.Agregasi != "" && ind.Agregasi != Akhir {
				w.str("agregasi", string(ind.Agregasi))
			}
			w.strs("mendukung", ind.Mendukung)
			w.str("agregasi_kaskade", string(ind.AgregasiKaskade))
			w.str("skala", ind.Skala)
			w.str("rumus_turun", string(ind.RumusTurun))
			if ind.Batas != nil {
				w.line("batas = %s", ind.Batas.String())
			}
			var parts []string
			for q, n := range ind.Target.TW {
				if n.Written() {
					parts = append(parts, fmt.Sprintf("tw%d = %s", q+1, tomlValue(n)))
				}
			}
			if n := ind.Target.Tahunan; n.Written() {
				parts = append(parts, "tahunan = "+tomlValue(n))
			}
			w.line("target = { %s }", strings.Join(parts, ", "))
			w.nilaiTahun("kondisi_awal", ind.KondisiAwal)
			w.nilaiTahun("target_akhir", ind.TargetAkhir)
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

// EncodeRealisasi writes a realisasi report as TOML; header as in
// EncodePK. The PK it reports on (Dokumen) is named by PK, not written.
func EncodeRealisasi(lap *Laporan, header string) []byte {
	w := &tomlWriter{}
	w.header(header)
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
			if n.Written() {
				parts = append(parts, fmt.Sprintf("tw%d = %s", q+1, tomlValue(n)))
			}
		}
		if len(parts) > 0 {
			w.line("tw = { %s }", strings.Join(parts, ", "))
		}
		if r.TahunLalu.Written() {
			w.line("tahun_lalu = %s", tomlValue(r.TahunLalu))
		}
		w.note("kendala", r.Kendala)
		w.note("upaya", r.Upaya)
	}
	return []byte(w.b.String())
}

type tomlWriter struct {
	b strings.Builder
}

func (w *tomlWriter) line(layout string, args ...any) {
	fmt.Fprintf(&w.b, layout, args...)
	w.b.WriteByte('\n')
}

// blank separates tables by one empty line.
func (w *tomlWriter) blank() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteByte('\n')
	}
}

func (w *tomlWriter) header(text string) {
	if text == "" {
		return
	}
	for l := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			w.line("%s", l)
		} else {
			w.line("# %s", l)
		}
	}
	w.blank()
}

func (w *tomlWriter) str(key, v string) {
	if v != "" {
		w.line("%s = %s", key, tomlQuote(v))
	}
}

// text writes Markdown: a multi-line literal string when it can hold it.
func (w *tomlWriter) text(key, v string) {
	if v == "" {
		return
	}
	if s, ok := tomlMultiline(v); ok {
		w.line("%s = %s", key, s)
		return
	}
	w.line("%s = %s", key, tomlQuote(v))
}

// note writes a one-line note as a basic string, a longer one as text.
func (w *tomlWriter) note(key, v string) {
	if strings.Contains(v, "\n") {
		w.text(key, v)
	} else {
		w.str(key, v)
	}
}

func (w *tomlWriter) strs(key string, v []string) {
	if len(v) == 0 {
		return
	}
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = tomlQuote(s)
	}
	w.line("%s = [%s]", key, strings.Join(q, ", "))
}

// kop writes the heading lines: a name line as a plain string, as before
// lines had styles, another as an inline table.
func (w *tomlWriter) kop(lines []KopBaris) {
	if len(lines) == 0 {
		return
	}
	q := make([]string, len(lines))
	styled := false
	for i, k := range lines {
		q[i] = tomlQuote(k.Teks)
		if k.Gaya != "" && k.Gaya != KopNama {
			q[i] = fmt.Sprintf("{ teks = %s, gaya = %s }", q[i], tomlQuote(string(k.Gaya)))
			styled = true
		}
	}
	if !styled {
		w.line("kop = [%s]", strings.Join(q, ", "))
		return
	}
	w.line("kop = [")
	for _, s := range q {
		w.line("  %s,", s)
	}
	w.line("]")
}

func (w *tomlWriter) pihak(p Pihak) {
	w.str("nama", p.Nama)
	w.str("gelar_depan", p.GelarDepan)
	w.str("gelar_belakang", p.GelarBelakang)
	w.str("nip", p.NIP)
	w.str("jabatan", p.Jabatan)
	w.str("unit_kerja", p.UnitKerja)
	w.str("pangkat", p.Pangkat)
	w.str("status", p.Status)
}

// nilaiTahun writes kondisi_awal or target_akhir as an inline table.
func (w *tomlWriter) nilaiTahun(key string, v *NilaiTahun) {
	if v == nil {
		return
	}
	parts := []string{"nilai = " + tomlValue(v.Nilai)}
	if v.Tahun != 0 {
		parts = append(parts, fmt.Sprintf("tahun = %d", v.Tahun))
	}
	if v.Dokumen != "" {
		parts = append(parts, "dokumen = "+tomlQuote(v.Dokumen))
	}
	w.line("%s = { %s }", key, strings.Join(parts, ", "))
}

func (w *tomlWriter) capaian(a AturanCapaian) {
	if a.RumusTurun == "" && a.Batas == nil && a.Kategori == nil && a.Skala == nil && a.Kolom == nil {
		return
	}
	w.blank()
	w.line("[capaian]")
	w.str("rumus_turun", string(a.RumusTurun))
	if a.Batas != nil {
		w.line("batas = %s", a.Batas.String())
	}
	w.strs("kolom", a.Kolom)
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
		w.line("[capaian.skala.%s]", tomlKey(n))
		w.str("angka", string(sk.Angka))
		w.line("tingkat = [")
		for _, t := range sk.Tingkat {
			parts := []string{"label = " + tomlQuote(t.Label)}
			if t.Skor != nil {
				parts = append(parts, "skor = "+t.Skor.String())
			}
			parts = append(parts, "persen = "+t.Persen.String())
			w.line("  { %s },", strings.Join(parts, ", "))
		}
		w.line("]")
	}
}

// tomlQuote writes a TOML basic string.
func tomlQuote(s string) string {
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

// tomlMultiline writes s as a multi-line literal string (three single
// quotes and a newline before s, a newline and three single quotes after),
// when s holds no three single quotes and no control character but tab and
// newline. The newline before the closing quotes is read back as part of
// the text; the loader trims it.
func tomlMultiline(s string) (string, bool) {
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

// tomlKey writes a key, quoted unless it is a bare key.
func tomlKey(k string) string {
	if k == "" {
		return tomlQuote(k)
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlQuote(k)
		}
	}
	return k
}

// tomlValue writes a target or realisasi value as the loader reads it back.
func tomlValue(n Nilai) string {
	switch n.Jenis {
	case Angka:
		return n.Angka.String()
	case Persen:
		return tomlQuote(n.Angka.String() + "%")
	case NA:
		return tomlQuote("N/A")
	}
	return tomlQuote(n.Teks)
}
