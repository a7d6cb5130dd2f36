package model

import (
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"
)

// A character the PDF's font has no glyph for prints as "?", and
// check used to call such a file valid. CheckCharacters and
// CheckCharactersRealisasi find them in every text that may be printed,
// located by key path and line. They are pure: the font's coverage is
// passed in (package fonts gives it; model knows no font).

// printed is one text that may appear in a PDF, at its key path.
type printed struct {
	path, text string
	multiLine  bool // Markdown text: newlines and tabs are layout
}

// CheckCharacters reports, for doc and every version it amends, the
// characters of printed texts that the font (named font in messages)
// cannot draw: an error for a control character (other than a newline or
// tab in multi-line text), a warning for any other character covers
// refuses. One problem per key and kind, naming the first such character.
func CheckCharacters(doc *Document, font string, covers func(rune) bool) Problems {
	var probs Problems
	for v := doc; v != nil; v = asalOf(v) {
		probs = append(probs, checkCharacters(v.File, v.Raw, documentTexts(v), font, covers)...)
	}
	return probs
}

// CheckCharactersRealisasi is CheckCharacters for the texts of a
// realisasi report: kendala, upaya and the values written as text. The
// PK's texts are its own: check lap.Dokumen with CheckCharacters.
func CheckCharactersRealisasi(lap *Laporan, font string, covers func(rune) bool) Problems {
	if lap == nil {
		return nil
	}
	var texts []printed
	for i, r := range lap.Realisasi {
		p := fmt.Sprintf("realisasi[%d]", i+1)
		texts = append(texts, printed{p + ".kode", r.Kode, false})
		for q, n := range r.TW {
			texts = append(texts, printed{fmt.Sprintf("%s.tw.%s", p, tw[q]), n.Teks, false})
		}
		texts = append(texts,
			printed{p + ".tahun_lalu", r.TahunLalu.Teks, false},
			printed{p + ".kendala", r.Kendala, true},
			printed{p + ".upaya", r.Upaya, true})
	}
	return checkCharacters(lap.File, lap.Raw, texts, font, covers)
}

// documentTexts lists every text of doc that a PDF or annex may print.
func documentTexts(doc *Document) []printed {
	t := []printed{{"tempat", doc.Tempat, false}}
	for i, k := range doc.Instansi.Kop {
		t = append(t, printed{fmt.Sprintf("instansi.kop[%d]", i+1), k.Teks, false})
	}
	for i, p := range doc.Paraf {
		t = append(t, printed{fmt.Sprintf("paraf[%d].jabatan", i+1), p.Jabatan, false},
			printed{fmt.Sprintf("paraf[%d].nama", i+1), p.Nama, false})
	}
	t = append(t, printed{"instansi.unit_organisasi_eselon_i", doc.Instansi.UnitOrganisasiEselonI, false},
		printed{"instansi.unit_organisasi", doc.Instansi.UnitOrganisasi, false},
		printed{"instansi.satker", doc.Instansi.Satker, false})
	pihak := func(path string, p *Pihak) {
		if p == nil {
			return
		}
		for _, f := range []struct{ key, text string }{
			{"nama", p.Nama}, {"gelar_depan", p.GelarDepan}, {"gelar_belakang", p.GelarBelakang},
			{"jabatan", p.Jabatan}, {"unit_kerja", p.UnitKerja}, {"pangkat", p.Pangkat},
		} {
			t = append(t, printed{path + "." + f.key, f.text, false})
		}
	}
	pihak("pihak_pertama", &doc.PihakPertama)
	pihak("pihak_kedua", doc.PihakKedua)
	pihak("tanda_tangan.mengetahui", doc.Tandatangan.Mengetahui)
	t = append(t,
		printed{"tanda_tangan.mengetahui.peran", doc.Tandatangan.PeranKetiga, false},
		printed{"tanda_tangan.url_verifikasi", doc.Tandatangan.URLVerifikasi, false})
	if p := doc.Perubahan; p != nil {
		t = append(t, printed{"perubahan.keterangan", p.Keterangan, false})
	}
	for i, a := range doc.Anggaran {
		p := fmt.Sprintf("anggaran[%d]", i+1)
		t = append(t, printed{p + ".uraian", a.Uraian, false}, printed{p + ".keterangan", a.Keterangan, false})
	}
	for i, s := range doc.Sasaran {
		sp := fmt.Sprintf("sasaran[%d]", i+1)
		t = append(t, printed{sp + ".kelompok", s.Kelompok, false}, printed{sp + ".induk", s.Induk, false},
			printed{sp + ".uraian", s.Uraian, false})
		for j, ind := range s.Indikator {
			ip := fmt.Sprintf("%s.indikator[%d]", sp, j+1)
			t = append(t,
				printed{ip + ".kode", ind.Kode, false},
				printed{ip + ".uraian", ind.Uraian, false},
				printed{ip + ".sumber_data", ind.SumberData, false},
				printed{ip + ".pengukuran", ind.Pengukuran, true},
				printed{ip + ".satuan", ind.Satuan, false})
			for q, n := range ind.Target.TW {
				t = append(t, printed{fmt.Sprintf("%s.target.%s", ip, tw[q]), n.Teks, false})
			}
			t = append(t, printed{ip + ".target.tahunan", ind.Target.Tahunan.Teks, false})
			if v := ind.KondisiAwal; v != nil {
				t = append(t, printed{ip + ".kondisi_awal.nilai", v.Nilai.Teks, false})
			}
			if v := ind.TargetAkhir; v != nil {
				t = append(t, printed{ip + ".target_akhir.nilai", v.Nilai.Teks, false},
					printed{ip + ".target_akhir.dokumen", v.Dokumen, false})
			}
		}
	}
	for i, k := range doc.Capaian.Kategori {
		t = append(t, printed{fmt.Sprintf("capaian.kategori[%d].nama", i+1), k.Nama, false})
	}
	names := make([]string, 0, len(doc.Capaian.Skala))
	for name := range doc.Capaian.Skala {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for i, lv := range doc.Capaian.Skala[name].Tingkat {
			t = append(t, printed{fmt.Sprintf("capaian.skala.%s.tingkat[%d].label", name, i+1), lv.Label, false})
		}
	}
	return t
}

// checkCharacters checks texts of the file name whose bytes are raw (for
// lines; nil leaves problems unlocated).
func checkCharacters(name string, raw []byte, texts []printed, font string, covers func(rune) bool) Problems {
	var ascii [utf8.RuneSelf]bool // covered, for the common case
	for r := range ascii {
		ascii[r] = covers(rune(r))
	}
	var loc *locator
	var probs Problems
	for _, f := range texts {
		var control, missing rune = -1, -1
		otherControl, otherMissing := map[rune]bool{}, map[rune]bool{}
		for _, r := range f.text {
			// A line break is layout in every text (a plain cell breaks the
			// line there); a tab only in Markdown.
			if r == '\n' || r == '\r' || f.multiLine && r == '\t' {
				continue
			}
			switch {
			case r < utf8.RuneSelf && ascii[r] && !unicode.IsControl(r):
			case unicode.IsControl(r):
				if control < 0 {
					control = r
				} else if r != control {
					otherControl[r] = true
				}
			case r >= utf8.RuneSelf && covers(r):
			default:
				if missing < 0 {
					missing = r
				} else if r != missing {
					otherMissing[r] = true
				}
			}
		}
		if control < 0 && missing < 0 {
			continue
		}
		if loc == nil {
			loc = newLocator(string(raw))
		}
		line := loc.line(f.path)
		if control >= 0 {
			probs = append(probs, characterProblem(name, line, f.path, Galat, control, len(otherControl), font))
		}
		if missing >= 0 {
			probs = append(probs, characterProblem(name, line, f.path, Peringatan, missing, len(otherMissing), font))
		}
	}
	probs.sortByLine()
	return probs
}

func characterProblem(file string, line int, path string, sev Severity, r rune, others int, font string) Problem {
	s := string(r)
	switch {
	case sev == Galat && others > 0:
		return problemf(file, line, path, sev, "karakter kendali U+%04X %q (dan %d lainnya) tidak dapat dicetak, tidak ada di huruf %s; hapus karakter itu", r, s, others, font)
	case sev == Galat:
		return problemf(file, line, path, sev, "karakter kendali U+%04X %q tidak dapat dicetak, tidak ada di huruf %s; hapus karakter itu", r, s, font)
	case others > 0:
		return problemf(file, line, path, sev, "karakter U+%04X %q (dan %d lainnya) tidak ada di huruf %s; di PDF tercetak sebagai \"?\", ganti atau hapus karakter itu", r, s, others, font)
	}
	return problemf(file, line, path, sev, "karakter U+%04X %q tidak ada di huruf %s; di PDF tercetak sebagai \"?\", ganti atau hapus karakter itu", r, s, font)
}
