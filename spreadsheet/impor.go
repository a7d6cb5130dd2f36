package spreadsheet

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pkgen/model"
)

// Lokasi is where a value came from in the workbook.
type Lokasi struct {
	Lembar string
	Sel    string
}

// Hasil is a workbook read back: a PK or a realisasi report, not yet
// validated (write it with TOML and check it with model.Parse or
// model.ParseRealisasi; Lokasi places their messages in the workbook).
type Hasil struct {
	Dokumen *model.Document // set for a PK workbook
	Laporan *model.Laporan  // set for a realisasi workbook
	lokasi  map[string]Lokasi
}

// TOML writes the result; header, when not empty, is written first as
// comment lines.
func (h *Hasil) TOML(header string) []byte {
	if h.Laporan != nil {
		return TulisRealisasi(h.Laporan, header)
	}
	return TulisPK(h.Dokumen, header)
}

// Lokasi finds the cell of a key path of the written TOML
// ("sasaran[3].indikator[1].target.tw2"), or of the nearest enclosing
// path that has one.
func (h *Hasil) Lokasi(path string) (Lokasi, bool) {
	for p := path; p != ""; {
		if l, ok := h.lokasi[p]; ok {
			return l, true
		}
		i := max(strings.LastIndexByte(p, '.'), strings.LastIndexByte(p, '['))
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Lokasi{}, false
}

func (h *Hasil) catat(path, sheet string, col, row int) {
	if _, ok := h.lokasi[path]; !ok {
		h.lokasi[path] = Lokasi{Lembar: sheet, Sel: ref(col, row)}
	}
}

// Impor reads a workbook written by EksporPK or EksporRealisasi (and then
// edited). Every problem is reported with its sheet and cell; the result
// is nil when there is any.
func Impor(data []byte) (*Hasil, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, DaftarMasalah{{Pesan: fmt.Sprintf("bukan berkas XLSX yang dapat dibaca: %v", err)}}
	}
	defer f.Close()
	p := &pembaca{f: f, persen: map[int]bool{}}
	h := &Hasil{lokasi: map[string]Lokasi{}}
	sheets := f.GetSheetList()
	switch {
	case slices.Contains(sheets, LembarRealisasi):
		h.Laporan = p.laporan(h)
	case slices.Contains(sheets, LembarLampiran):
		h.Dokumen = p.dokumen(h)
	default:
		return nil, DaftarMasalah{{Pesan: fmt.Sprintf("tidak ada lembar %s (PK) atau %s (realisasi); lembar yang ada: %s",
			LembarLampiran, LembarRealisasi, strings.Join(sheets, ", "))}}
	}
	if len(p.probs) > 0 {
		return nil, p.probs
	}
	return h, nil
}

// tabel is a sheet with a header row of column names.
type tabel struct {
	p      *pembaca
	lembar string
	col    map[string]int
	rows   [][]string
}

// baca reads a sheet; nil when it is absent (reported when wajib) or its
// header is unusable.
func (p *pembaca) tabel(sheet string, cols []kolom, wajib bool) *tabel {
	idx, err := p.f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		if wajib {
			p.errf(sheet, "", "lembar %s tidak ada", sheet)
		}
		return nil
	}
	if !p.tanpaGabungan(sheet) {
		return nil
	}
	rows, err := p.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		p.errf(sheet, "", "tidak dapat dibaca: %v", err)
		return nil
	}
	t := &tabel{p: p, lembar: sheet, col: map[string]int{}, rows: rows}
	known := make([]string, len(cols))
	for i, k := range cols {
		known[i] = k.judul
	}
	n := len(p.probs)
	if len(rows) > 0 {
		for i, h := range rows[0] {
			name := strings.ToLower(strings.TrimSpace(h))
			if name == "" {
				continue
			}
			cell := ref(i+1, 1)
			switch first, dup := t.col[name]; {
			case !slices.Contains(known, name):
				msg := fmt.Sprintf("kolom %q tidak dikenal", h)
				if s := nearest(name, known); s != "" {
					msg += fmt.Sprintf("; maksud Anda %q?", s)
				} else {
					msg += "; kolom yang boleh: " + strings.Join(known, ", ")
				}
				p.errf(sheet, cell, "%s", msg)
			case dup:
				p.errf(sheet, cell, "kolom %q sudah ada di sel %s", name, ref(first, 1))
			default:
				t.col[name] = i + 1
			}
		}
	}
	for _, k := range cols {
		if _, ok := t.col[k.judul]; !ok && k.wajib {
			p.errf(sheet, "", "kolom wajib %q tidak ada di baris judul (baris 1)", k.judul)
		}
	}
	if len(p.probs) > n {
		return nil
	}
	return t
}

// tanpaGabungan reports merged cells, which hide every value but the first.
func (p *pembaca) tanpaGabungan(sheet string) bool {
	merged, err := p.f.GetMergeCells(sheet)
	if err != nil {
		p.errf(sheet, "", "tidak dapat dibaca: %v", err)
		return false
	}
	for _, m := range merged {
		p.errf(sheet, m.GetStartAxis()+":"+m.GetEndAxis(), "sel gabungan (merge) tidak didukung; pisahkan sel (Unmerge Cells) dan isi setiap sel")
	}
	return len(merged) == 0
}

// sel returns the cell of a column in a row (1-based); empty when the
// column is absent.
func (t *tabel) sel(name string, row int) sel {
	col, ok := t.col[name]
	if !ok {
		return sel{lembar: t.lembar}
	}
	raw := ""
	if r := t.rows[row-1]; col-1 < len(r) {
		raw = r[col-1]
	}
	return t.p.sel(t.lembar, col, row, raw)
}

// kosong reports a row without any value in a known column.
func (t *tabel) kosong(row int) bool {
	for _, col := range t.col {
		if r := t.rows[row-1]; col-1 < len(r) && strings.TrimSpace(r[col-1]) != "" {
			return false
		}
	}
	return true
}

// kunciNilai reads a kunci/nilai sheet: each key's cells in order.
func (p *pembaca) kunciNilai(sheet string, keys []kunciDok) map[string][]sel {
	t := p.tabel(sheet, []kolom{{judul: "kunci", wajib: true}, {judul: "nilai", wajib: true}, {judul: "keterangan"}}, true)
	if t == nil {
		return nil
	}
	known := make([]string, len(keys))
	byName := map[string]kunciDok{}
	for i, k := range keys {
		known[i] = k.kunci
		byName[k.kunci] = k
	}
	out := map[string][]sel{}
	firstRow := map[string]string{}
	for row := 2; row <= len(t.rows); row++ {
		kc, vc := t.sel("kunci", row), t.sel("nilai", row)
		k := strings.ToLower(strings.TrimSpace(kc.v))
		if k == "" {
			if !vc.kosong() {
				p.errf(sheet, vc.ref, "nilai tanpa kunci; isi kunci di sel %s", kc.ref)
			}
			continue
		}
		kd, ok := byName[k]
		if !ok {
			msg := fmt.Sprintf("kunci %q tidak dikenal", kc.v)
			if s := nearest(k, known); s != "" {
				msg += fmt.Sprintf("; maksud Anda %q?", s)
			}
			p.errf(sheet, kc.ref, "%s", msg)
			continue
		}
		if first, dup := firstRow[k]; dup && !kd.daftar {
			p.errf(sheet, kc.ref, "kunci %q sudah ada di sel %s", k, first)
			continue
		}
		firstRow[k] = kc.ref
		out[k] = append(out[k], vc)
	}
	return out
}

func (p *pembaca) dokumen(h *Hasil) *model.Document {
	doc := &model.Document{Tandatangan: model.Tandatangan{BarisTanggal: true}}
	vals := p.kunciNilai(LembarDokumen, kunciDokumen)
	for _, k := range kunciDokumen {
		n := 0
		for _, c := range vals[k.kunci] {
			path := k.kunci
			if k.daftar && !c.kosong() {
				n++
				path = fmt.Sprintf("%s[%d]", k.kunci, n)
			}
			col, row, _ := excelize.CellNameToCoordinates(c.ref)
			h.catat(path, LembarDokumen, col, row)
			h.catat(k.kunci, LembarDokumen, col, row)
			// A table's own messages go to its first row.
			if j := strings.LastIndexByte(k.kunci, '.'); j >= 0 {
				h.catat(k.kunci[:j], LembarDokumen, col, row)
			}
			if k.daftar && c.kosong() {
				continue
			}
			p.setDokumen(doc, k, c)
		}
	}

	if t := p.tabel(LembarLampiran, kolomLampiran, true); t != nil {
		doc.Sasaran = p.lampiran(t, h)
	}
	if t := p.tabel(LembarAnggaran, kolomAnggaran, false); t != nil {
		for row := 2; row <= len(t.rows); row++ {
			if t.kosong(row) {
				continue
			}
			i := len(doc.Anggaran) + 1
			a := model.Anggaran{
				Uraian:     p.teks(t.sel("uraian", row), "uraian"),
				Keterangan: p.teks(t.sel("keterangan", row), "keterangan"),
			}
			jc := t.sel("jumlah", row)
			if jc.kosong() {
				p.errf(LembarAnggaran, ref(t.col["jumlah"], row), "jumlah wajib diisi: anggaran dalam rupiah utuh")
			} else if n, ok := p.bulat(jc, "jumlah"); ok {
				a.Jumlah = n
			}
			doc.Anggaran = append(doc.Anggaran, a)
			h.catat(fmt.Sprintf("anggaran[%d]", i), LembarAnggaran, 1, row)
			for _, k := range kolomAnggaran {
				if col, ok := t.col[k.judul]; ok {
					h.catat(fmt.Sprintf("anggaran[%d].%s", i, k.judul), LembarAnggaran, col, row)
				}
			}
		}
	}
	if t := p.tabel(LembarKategori, kolomKategori, false); t != nil {
		for row := 2; row <= len(t.rows); row++ {
			if t.kosong(row) {
				continue
			}
			k := model.PitaKategori{Nama: p.teks(t.sel("nama", row), "nama")}
			if m, ok := p.desimal(t.sel("min", row), "min"); ok {
				k.Min = &m
			}
			doc.Capaian.Kategori = append(doc.Capaian.Kategori, k)
			i := len(doc.Capaian.Kategori)
			h.catat(fmt.Sprintf("capaian.kategori[%d]", i), LembarKategori, 1, row)
			h.catat(fmt.Sprintf("capaian.kategori[%d].min", i), LembarKategori, t.col["min"], row)
			h.catat("capaian.kategori", LembarKategori, 1, row)
		}
	}
	if t := p.tabel(LembarSkala, kolomSkala, false); t != nil {
		p.skala(t, doc, h)
	}
	return doc
}

func (p *pembaca) setDokumen(doc *model.Document, k kunciDok, c sel) {
	if c.kosong() {
		return
	}
	what := k.kunci
	str := func() string {
		if k.jenis == selNIP {
			return p.nip(c, what)
		}
		return p.teks(c, what)
	}
	pihakOf := func(pp **model.Pihak) *model.Pihak {
		if *pp == nil {
			*pp = &model.Pihak{}
		}
		return *pp
	}
	perubahan := func() *model.Perubahan {
		if doc.Perubahan == nil {
			doc.Perubahan = &model.Perubahan{}
		}
		return doc.Perubahan
	}
	switch {
	case strings.HasPrefix(what, "pihak_pertama."):
		setPihak(&doc.PihakPertama, strings.TrimPrefix(what, "pihak_pertama."), str())
		return
	case strings.HasPrefix(what, "pihak_kedua."):
		setPihak(pihakOf(&doc.PihakKedua), strings.TrimPrefix(what, "pihak_kedua."), str())
		return
	case what == "tanda_tangan.mengetahui.peran":
		pihakOf(&doc.Tandatangan.Mengetahui)
		doc.Tandatangan.PeranKetiga = str()
		return
	case strings.HasPrefix(what, "tanda_tangan.mengetahui."):
		setPihak(pihakOf(&doc.Tandatangan.Mengetahui), strings.TrimPrefix(what, "tanda_tangan.mengetahui."), str())
		return
	}
	switch what {
	case "tahun":
		if n, ok := p.bulat(c, what); ok {
			doc.Tahun = int(n)
		}
	case "jenis":
		doc.Jenis = model.Jenis(str())
	case "tingkat":
		doc.Tingkat = model.Tingkat(str())
	case "kertas":
		doc.Kertas = model.Kertas(str())
	case "format_angka":
		doc.FormatAngka = str()
	case "tempat":
		doc.Tempat = str()
	case "tanggal":
		doc.Tanggal = p.tanggal(c, what)
	case "lampiran":
		doc.Lampiran = str()
	case "templat":
		doc.Templat = append(doc.Templat, str())
	case "instansi.kop":
		doc.Instansi.Kop = append(doc.Instansi.Kop, str())
	case "instansi.logo":
		doc.Instansi.Logo = str()
	case "tanda_tangan.nip":
		doc.Tandatangan.NIP = model.FormatNIP(str())
	case "tanda_tangan.baris_tanggal":
		if b, ok := p.boolean(c, what); ok {
			doc.Tandatangan.BarisTanggal = b
		}
	case "tanda_tangan.url_verifikasi":
		doc.Tandatangan.URLVerifikasi = str()
	case "perubahan.mengubah":
		perubahan().Mengubah = str()
	case "perubahan.ke":
		if n, ok := p.bulat(c, what); ok {
			perubahan().Ke = int(n)
		}
	case "perubahan.alasan":
		perubahan().Alasan = model.Alasan(str())
	case "perubahan.keterangan":
		perubahan().Keterangan = str()
	case "perubahan.berlaku":
		if t := p.tanggal(c, what); t != nil {
			perubahan().Berlaku = *t
		}
	case "perubahan.daftar_perubahan":
		if b, ok := p.boolean(c, what); ok {
			perubahan().DaftarPerubahan = b
		}
	case "capaian.rumus_turun":
		doc.Capaian.RumusTurun = model.RumusTurun(str())
	case "capaian.batas":
		if d, ok := p.desimal(c, what); ok {
			doc.Capaian.Batas = &d
		}
	}
}

func setPihak(p *model.Pihak, field, v string) {
	switch field {
	case "nama":
		p.Nama = v
	case "gelar_depan":
		p.GelarDepan = v
	case "gelar_belakang":
		p.GelarBelakang = v
	case "nip":
		p.NIP = v
	case "jabatan":
		p.Jabatan = v
	case "unit_kerja":
		p.UnitKerja = v
	case "pangkat":
		p.Pangkat = v
	case "status":
		p.Status = v
	}
}

// lampiran reads one row per indicator. Consecutive rows with the same
// sasaran.nomor (or, without a nomor, the same sasaran.uraian or an empty
// one) make one sasaran; its cells may be left empty after its first row.
func (p *pembaca) lampiran(t *tabel, h *Hasil) []model.Sasaran {
	const sh = LembarLampiran
	var out []model.Sasaran
	cur := -1          // index in out
	var curNomor int64 // sasaran.nomor of the current sasaran; 0 when not given
	curRow := 0
	seen := map[int64]int{} // nomor → row of its first line
	for row := 2; row <= len(t.rows); row++ {
		if t.kosong(row) {
			continue
		}
		nc := t.sel("sasaran.nomor", row)
		var nomor int64
		if !nc.kosong() {
			n, ok := p.bulat(nc, "sasaran.nomor")
			if !ok {
				continue
			}
			nomor = n
		}
		kel := p.teks(t.sel("kelompok", row), "kelompok")
		induk := p.teks(t.sel("sasaran.induk", row), "sasaran.induk")
		ur := p.teks(t.sel("sasaran.uraian", row), "sasaran.uraian")
		fresh := cur < 0 ||
			(nomor != 0 && nomor != curNomor) ||
			(nomor == 0 && ur != "" && ur != out[cur].Uraian)
		if fresh {
			if nomor != 0 {
				if first, again := seen[nomor]; again {
					p.errf(sh, nc.ref, "sasaran nomor %d sudah ada di baris %d; baris satu sasaran harus berurutan", nomor, first)
					continue
				}
				seen[nomor] = row
			}
			out = append(out, model.Sasaran{Kelompok: kel, Induk: induk, Uraian: ur})
			cur, curNomor, curRow = len(out)-1, nomor, row
			sp := fmt.Sprintf("sasaran[%d]", cur+1)
			h.catat(sp, sh, colOr(t, "sasaran.uraian"), row)
			for _, k := range []string{"kelompok", "induk", "uraian"} {
				col := "sasaran." + k
				if k == "kelompok" {
					col = k
				}
				if c, ok := t.col[col]; ok {
					h.catat(sp+"."+k, sh, c, row)
				}
			}
		} else {
			s := &out[cur]
			for _, c := range []struct {
				name, got, want string
			}{{"kelompok", kel, s.Kelompok}, {"sasaran.induk", induk, s.Induk}, {"sasaran.uraian", ur, s.Uraian}} {
				if c.got != "" && c.got != c.want {
					p.errf(sh, ref(t.col[c.name], row), "%s berbeda dengan baris %d dari sasaran yang sama (%q); kosongkan sel ini, samakan isinya, atau beri sasaran.nomor baru", c.name, curRow, c.want)
				}
			}
		}
		if p.barisTanpaIndikator(t, row) {
			continue
		}
		s := &out[cur]
		ip := fmt.Sprintf("sasaran[%d].indikator[%d]", cur+1, len(s.Indikator)+1)
		ind := model.Indikator{
			Kode:       p.teks(t.sel("indikator.kode", row), "indikator.kode"),
			Uraian:     p.teks(t.sel("indikator.uraian", row), "indikator.uraian"),
			SumberData: p.teks(t.sel("indikator.sumber_data", row), "indikator.sumber_data"),
			Satuan:     p.teks(t.sel("indikator.satuan", row), "indikator.satuan"),
			Polaritas:  model.Polaritas(p.teks(t.sel("indikator.polaritas", row), "indikator.polaritas")),
			Agregasi:   model.Agregasi(p.teks(t.sel("indikator.agregasi", row), "indikator.agregasi")),
			Skala:      p.teks(t.sel("indikator.skala", row), "indikator.skala"),
			Pengukuran: p.markdown(t.sel("indikator.pengukuran", row), "indikator.pengukuran"),
		}
		for q := range 4 {
			name := fmt.Sprintf("target.tw%d", q+1)
			ind.Target.TW[q], _ = p.nilai(t.sel(name, row), name)
		}
		ind.Target.Tahunan, _ = p.nilai(t.sel("target.tahunan", row), "target.tahunan")
		s.Indikator = append(s.Indikator, ind)
		h.catat(ip, sh, colOr(t, "indikator.kode"), row)
		h.catat(ip+".target", sh, colOr(t, "target.tahunan"), row)
		for _, k := range kolomLampiran {
			if c, ok := t.col[k.judul]; ok && (strings.HasPrefix(k.judul, "indikator.") || strings.HasPrefix(k.judul, "target.")) {
				h.catat(ip+"."+strings.TrimPrefix(k.judul, "indikator."), sh, c, row)
			}
		}
	}
	return out
}

func colOr(t *tabel, name string) int {
	if c, ok := t.col[name]; ok {
		return c
	}
	return 1
}

// barisTanpaIndikator reports a row that only names a sasaran.
func (p *pembaca) barisTanpaIndikator(t *tabel, row int) bool {
	for _, k := range kolomLampiran {
		if strings.HasPrefix(k.judul, "indikator.") || strings.HasPrefix(k.judul, "target.") {
			if !t.sel(k.judul, row).kosong() {
				return false
			}
		}
	}
	return true
}

// skala reads the Skala sheet: one row per level, the rows of one scale
// together, best level first.
func (p *pembaca) skala(t *tabel, doc *model.Document, h *Hasil) {
	const sh = LembarSkala
	firstRow := map[string]int{}
	last := ""
	for row := 2; row <= len(t.rows); row++ {
		if t.kosong(row) {
			continue
		}
		name := p.teks(t.sel("skala", row), "skala")
		if name == "" {
			p.errf(sh, ref(t.col["skala"], row), "nama skala wajib diisi")
			continue
		}
		angka := model.AngkaSkala(p.teks(t.sel("angka", row), "angka"))
		if doc.Capaian.Skala == nil {
			doc.Capaian.Skala = map[string]model.Skala{}
		}
		sk, exists := doc.Capaian.Skala[name]
		switch {
		case exists && name != last:
			p.errf(sh, ref(t.col["skala"], row), "baris skala %q harus berurutan (baris pertamanya %d)", name, firstRow[name])
			continue
		case !exists:
			sk = model.Skala{Nama: name, Angka: angka}
			firstRow[name] = row
			h.catat("capaian.skala."+name, sh, t.col["skala"], row)
			h.catat("capaian.skala."+name+".angka", sh, t.col["angka"], row)
		case angka != "" && angka != sk.Angka:
			p.errf(sh, ref(t.col["angka"], row), "angka %q berbeda dengan baris %d dari skala yang sama (%q)", angka, firstRow[name], sk.Angka)
		}
		last = name
		lv := model.TingkatSkala{Label: p.teks(t.sel("label", row), "label")}
		if d, ok := p.desimal(t.sel("skor", row), "skor"); ok {
			lv.Skor = &d
		}
		if d, ok := p.desimal(t.sel("persen", row), "persen"); ok {
			lv.Persen = d
		} else if t.sel("persen", row).kosong() {
			p.errf(sh, ref(t.col["persen"], row), "persen wajib diisi: nilai tingkat ini terhadap tingkat terbaik, mis. 75")
		}
		sk.Tingkat = append(sk.Tingkat, lv)
		doc.Capaian.Skala[name] = sk
		lp := fmt.Sprintf("capaian.skala.%s.tingkat[%d]", name, len(sk.Tingkat))
		h.catat(lp, sh, t.col["label"], row)
		for _, k := range []string{"label", "skor", "persen"} {
			if c, ok := t.col[k]; ok {
				h.catat(lp+"."+k, sh, c, row)
			}
		}
	}
}

// laporan reads a realisasi workbook.
func (p *pembaca) laporan(h *Hasil) *model.Laporan {
	lap := &model.Laporan{}
	vals := p.kunciNilai(LembarLaporan, kunciLaporan)
	for _, k := range kunciLaporan {
		for _, c := range vals[k.kunci] {
			col, row, _ := excelize.CellNameToCoordinates(c.ref)
			h.catat(k.kunci, LembarLaporan, col, row)
			if c.kosong() {
				continue
			}
			switch k.kunci {
			case "pk":
				lap.PK = p.teks(c, k.kunci)
			case "tahun":
				if n, ok := p.bulat(c, k.kunci); ok {
					lap.Tahun = int(n)
				}
			case "triwulan":
				if n, ok := p.bulat(c, k.kunci); ok {
					lap.Triwulan = int(n)
				}
			}
		}
	}
	t := p.tabel(LembarRealisasi, kolomRealisasi, true)
	if t == nil {
		return lap
	}
	const sh = LembarRealisasi
	for row := 2; row <= len(t.rows); row++ {
		filled := false
		for _, k := range kolomRealisasi {
			if strings.HasPrefix(k.judul, "realisasi.") && !t.sel(k.judul, row).kosong() {
				filled = true
			}
		}
		if !filled {
			continue // an indicator without realisasi yet
		}
		kc := t.sel("indikator.kode", row)
		r := model.RealisasiIndikator{Kode: p.teks(kc, "indikator.kode")}
		if r.Kode == "" {
			p.errf(sh, ref(t.col["indikator.kode"], row), "indikator.kode wajib diisi pada baris yang berisi realisasi")
		}
		for q := range 4 {
			name := "realisasi.tw" + strconv.Itoa(q+1)
			r.TW[q], _ = p.nilai(t.sel(name, row), name)
		}
		r.TahunLalu, _ = p.nilai(t.sel("realisasi.tahun_lalu", row), "realisasi.tahun_lalu")
		r.Kendala = p.markdown(t.sel("realisasi.kendala", row), "realisasi.kendala")
		r.Upaya = p.markdown(t.sel("realisasi.upaya", row), "realisasi.upaya")
		lap.Realisasi = append(lap.Realisasi, r)
		rp := fmt.Sprintf("realisasi[%d]", len(lap.Realisasi))
		h.catat(rp, sh, t.col["indikator.kode"], row)
		h.catat(rp+".kode", sh, t.col["indikator.kode"], row)
		h.catat(rp+".tw", sh, t.col["realisasi.tw1"], row)
		for q := range 4 {
			h.catat(fmt.Sprintf("%s.tw.tw%d", rp, q+1), sh, t.col["realisasi.tw"+strconv.Itoa(q+1)], row)
		}
		for _, k := range []string{"tahun_lalu", "kendala", "upaya"} {
			if c, ok := t.col["realisasi."+k]; ok {
				h.catat(rp+"."+k, sh, c, row)
			}
		}
	}
	return lap
}
