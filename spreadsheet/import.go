package spreadsheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"pkgen/internal/xlsx"
	"pkgen/model"
)

// Imported is a workbook read back: a PK or a realisasi report, not yet
// validated (write it with TOML and check it with model.Parse or
// model.ParseRealisasi; Locate places their messages in the workbook).
type Imported struct {
	Document  *model.Document // set for a PK workbook
	Laporan   *model.Laporan  // set for a realisasi workbook
	locations map[string]Location
}

// TOML writes the result (model.EncodePK or model.EncodeRealisasi);
// header, when not empty, is written first as comment lines.
func (im *Imported) TOML(header string) []byte {
	if im.Laporan != nil {
		return model.EncodeRealisasi(im.Laporan, header)
	}
	return model.EncodePK(im.Document, header)
}

// Locate finds the cell of a key path of the written TOML
// ("sasaran[3].indikator[1].target.tw2"), or of the nearest enclosing
// path that has one.
func (im *Imported) Locate(path string) (Location, bool) {
	for p := path; p != ""; {
		if l, ok := im.locations[p]; ok {
			return l, true
		}
		i := max(strings.LastIndexByte(p, '.'), strings.LastIndexByte(p, '['))
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Location{}, false
}

func (im *Imported) record(path, sheet string, col, row int) {
	if _, ok := im.locations[path]; !ok {
		im.locations[path] = Location{Sheet: sheet, Cell: ref(col, row)}
	}
}

// Import reads a workbook written by ExportPK or ExportRealisasi (and then
// edited), within the limits (MaxRows, MaxUnzipped …). Every problem is
// reported with its sheet and cell, as Problems; the result is nil when
// there is any.
func Import(data []byte) (*Imported, error) {
	a, err := openArchive(data)
	if err != nil {
		p := &reader{}
		p.report("", err)
		return nil, p.problems()
	}
	p := &reader{archive: a, percent: map[int]bool{}}
	im := &Imported{locations: map[string]Location{}}
	var sheets []string
	for _, s := range a.book.Sheets() {
		sheets = append(sheets, s.Name)
	}
	switch {
	case slices.Contains(sheets, SheetRealisasi):
		im.Laporan = p.laporan(im)
	case slices.Contains(sheets, SheetLampiran):
		im.Document = p.document(im)
	default:
		p.errf("", "", "tidak ada lembar %s (PK) atau %s (realisasi); lembar yang ada: %s",
			SheetLampiran, SheetRealisasi, strings.Join(sheets, ", "))
	}
	if probs := p.problems(); len(probs) > 0 {
		return nil, probs
	}
	return im, nil
}

// table is a sheet with a header row of column names.
type table struct {
	p     *reader
	sheet string
	scan  *sheetScan
	col   map[string]int
	last  int // the last row with a value
}

// table reads a sheet; nil when it is absent (reported when required),
// over the limits, or its header is unusable.
func (p *reader) table(sheet string, cols []column, required bool) *table {
	if !slices.ContainsFunc(p.archive.book.Sheets(), func(s xlsx.SheetRef) bool { return strings.EqualFold(s.Name, sheet) }) {
		if required {
			p.errf(sheet, "", "lembar %s tidak ada", sheet)
		}
		return nil
	}
	scan, err := p.archive.scanSheet(sheet)
	if err != nil {
		p.report(sheet, err)
		return nil
	}
	for _, m := range scan.merged {
		p.errf(sheet, m, "sel gabungan (merge) tidak didukung; pisahkan sel (Unmerge Cells) dan isi setiap sel")
	}
	if len(scan.merged) > 0 {
		return nil
	}
	if scan.valueErr != nil {
		p.report(sheet, scan.valueErr)
		return nil
	}
	t := &table{p: p, sheet: sheet, scan: scan, col: map[string]int{}, last: scan.last}
	known := make([]string, len(cols))
	for i, k := range cols {
		known[i] = k.header
	}
	n := len(p.probs)
	if t.last > 0 {
		for i, c := range scan.cells[0] {
			h := c.v
			name := strings.ToLower(strings.TrimSpace(h))
			if name == "" {
				continue
			}
			at := ref(i+1, 1)
			switch first, dup := t.col[name]; {
			case !slices.Contains(known, name):
				if s := nearest(name, known); s != "" {
					p.errf(sheet, at, "kolom %q tidak dikenal; maksud Anda %q?", h, s)
				} else {
					p.errf(sheet, at, "kolom %q tidak dikenal; kolom yang boleh: %s", h, strings.Join(known, ", "))
				}
			case dup:
				p.errf(sheet, at, "kolom %q sudah ada di sel %s", name, ref(first, 1))
			default:
				t.col[name] = i + 1
			}
		}
	}
	for _, k := range cols {
		if _, ok := t.col[k.header]; !ok && k.required {
			p.errf(sheet, "", "kolom wajib %q tidak ada di baris judul (baris 1)", k.header)
		}
	}
	if len(p.probs) > n {
		return nil
	}
	return t
}

// cell returns the cell of a column in a row (1-based); empty when the
// column is absent.
func (t *table) cell(name string, row int) cell {
	col, ok := t.col[name]
	if !ok {
		return cell{sheet: t.sheet}
	}
	c := cell{sheet: t.sheet, ref: ref(col, row)}
	if sc := t.scan.at(col, row); sc.v != "" {
		c.v, c.t, c.style = sc.v, sc.t, t.scan.style(col, row)
	}
	return c
}

// empty reports a row without any value in a known column.
func (t *table) empty(row int) bool {
	for _, col := range t.col {
		if strings.TrimSpace(t.scan.at(col, row).v) != "" {
			return false
		}
	}
	return true
}

// keyValues reads a kunci/nilai sheet: each key's cells in order.
func (p *reader) keyValues(sheet string, keys []keyRow) map[string][]cell {
	t := p.table(sheet, []column{{header: "kunci", required: true}, {header: "nilai", required: true}, {header: "keterangan"}}, true)
	if t == nil {
		return nil
	}
	known := make([]string, len(keys))
	byName := map[string]keyRow{}
	for i, k := range keys {
		known[i] = k.key
		byName[k.key] = k
	}
	out := map[string][]cell{}
	firstRow := map[string]string{}
	for row := 2; row <= t.last; row++ {
		kc, vc := t.cell("kunci", row), t.cell("nilai", row)
		k := strings.ToLower(strings.TrimSpace(kc.v))
		if k == "" {
			if !vc.empty() {
				p.errf(sheet, vc.ref, "nilai tanpa kunci; isi kunci di sel %s", kc.ref)
			}
			continue
		}
		kd, ok := byName[k]
		if !ok {
			if s := nearest(k, known); s != "" {
				p.errf(sheet, kc.ref, "kunci %q tidak dikenal; maksud Anda %q?", kc.v, s)
			} else {
				p.errf(sheet, kc.ref, "kunci %q tidak dikenal", kc.v)
			}
			continue
		}
		if first, dup := firstRow[k]; dup && !kd.list {
			p.errf(sheet, kc.ref, "kunci %q sudah ada di sel %s", k, first)
			continue
		}
		firstRow[k] = kc.ref
		out[k] = append(out[k], vc)
	}
	return out
}

func (p *reader) document(im *Imported) *model.Document {
	doc := &model.Document{Tandatangan: model.Tandatangan{BarisTanggal: true}}
	vals := p.keyValues(SheetDokumen, dokumenKeys)
	var gaya []cell // instansi.kop_gaya, one per kop line
	for _, k := range dokumenKeys {
		n := 0
		for _, c := range vals[k.key] {
			path := k.key
			if k.list && !c.empty() {
				n++
				path = fmt.Sprintf("%s[%d]", k.key, n)
			}
			col, row, _ := xlsx.ParseRef(c.ref)
			im.record(path, SheetDokumen, col, row)
			im.record(k.key, SheetDokumen, col, row)
			// A table's own messages go to its first row.
			if j := strings.LastIndexByte(k.key, '.'); j >= 0 {
				im.record(k.key[:j], SheetDokumen, col, row)
			}
			if k.list && c.empty() {
				continue
			}
			if k.key == "instansi.kop_gaya" {
				gaya = append(gaya, c)
				continue
			}
			p.setDocument(doc, k, c)
		}
	}
	p.kopGaya(doc, gaya)

	if t := p.table(SheetParaf, parafColumns, false); t != nil {
		for row := 2; row <= t.last; row++ {
			if t.empty(row) {
				continue
			}
			doc.Paraf = append(doc.Paraf, model.Paraf{
				Jabatan: p.text(t.cell("jabatan", row), "jabatan"),
				Nama:    p.text(t.cell("nama", row), "nama"),
			})
			i := len(doc.Paraf)
			im.record(fmt.Sprintf("paraf[%d]", i), SheetParaf, 1, row)
			for _, k := range parafColumns {
				if col, ok := t.col[k.header]; ok {
					im.record(fmt.Sprintf("paraf[%d].%s", i, k.header), SheetParaf, col, row)
				}
			}
		}
	}

	if t := p.table(SheetBagian, bagianColumns, false); t != nil {
		for row := 2; row <= t.last; row++ {
			if t.empty(row) {
				continue
			}
			g := model.Bagian{
				Nama:     p.text(t.cell("nama", row), "nama"),
				Judul:    p.text(t.cell("judul", row), "judul"),
				Lampiran: p.text(t.cell("lampiran", row), "lampiran"),
			}
			if b, ok := p.boolean(t.cell("nomor_lanjut", row), "nomor_lanjut"); ok {
				g.NomorLanjut = b
			}
			doc.Bagian = append(doc.Bagian, g)
			i := len(doc.Bagian)
			im.record(fmt.Sprintf("bagian[%d]", i), SheetBagian, 1, row)
			for _, k := range bagianColumns {
				if col, ok := t.col[k.header]; ok {
					im.record(fmt.Sprintf("bagian[%d].%s", i, k.header), SheetBagian, col, row)
				}
			}
		}
	}
	if t := p.table(SheetLampiran, lampiranColumns, true); t != nil {
		doc.Sasaran = p.lampiran(t, im)
	}
	if t := p.table(SheetAnggaran, anggaranColumns, false); t != nil {
		for row := 2; row <= t.last; row++ {
			if t.empty(row) {
				continue
			}
			i := len(doc.Anggaran) + 1
			a := model.Anggaran{
				Uraian:     p.text(t.cell("uraian", row), "uraian"),
				Keterangan: p.text(t.cell("keterangan", row), "keterangan"),
			}
			jc := t.cell("jumlah", row)
			if jc.empty() {
				p.errf(SheetAnggaran, ref(t.col["jumlah"], row), "jumlah wajib diisi: anggaran dalam rupiah utuh")
			} else if n, ok := p.integer(jc, "jumlah"); ok {
				a.Jumlah = n
			}
			doc.Anggaran = append(doc.Anggaran, a)
			im.record(fmt.Sprintf("anggaran[%d]", i), SheetAnggaran, 1, row)
			for _, k := range anggaranColumns {
				if col, ok := t.col[k.header]; ok {
					im.record(fmt.Sprintf("anggaran[%d].%s", i, k.header), SheetAnggaran, col, row)
				}
			}
		}
	}
	if t := p.table(SheetKategori, kategoriColumns, false); t != nil {
		for row := 2; row <= t.last; row++ {
			if t.empty(row) {
				continue
			}
			k := model.PitaKategori{Nama: p.text(t.cell("nama", row), "nama")}
			if m, ok := p.decimal(t.cell("min", row), "min"); ok {
				k.Min = &m
			}
			doc.Capaian.Kategori = append(doc.Capaian.Kategori, k)
			i := len(doc.Capaian.Kategori)
			im.record(fmt.Sprintf("capaian.kategori[%d]", i), SheetKategori, 1, row)
			im.record(fmt.Sprintf("capaian.kategori[%d].min", i), SheetKategori, t.col["min"], row)
			im.record("capaian.kategori", SheetKategori, 1, row)
		}
	}
	if t := p.table(SheetSkala, skalaColumns, false); t != nil {
		p.skala(t, doc, im)
	}
	return doc
}

// kopGaya gives the kop lines their styles, one row per line in order.
func (p *reader) kopGaya(doc *model.Document, gaya []cell) {
	if len(gaya) == 0 {
		return
	}
	if len(gaya) != len(doc.Instansi.Kop) {
		p.errf(SheetDokumen, gaya[0].ref, "instansi.kop_gaya: %d baris untuk %d baris kop; tulis satu gaya per baris kop (nama, besar atau alamat)", len(gaya), len(doc.Instansi.Kop))
		return
	}
	for i, c := range gaya {
		doc.Instansi.Kop[i].Gaya = model.GayaKop(p.text(c, "instansi.kop_gaya"))
	}
}

func (p *reader) setDocument(doc *model.Document, k keyRow, c cell) {
	if c.empty() {
		return
	}
	what := k.key
	str := func() string {
		if k.kind == kindNIP {
			return p.nip(c, what)
		}
		return p.text(c, what)
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
		if n, ok := p.integer(c, what); ok {
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
		doc.Tanggal, doc.TanggalBulan = p.tanggal(c, what)
	case "hanya_lampiran":
		if b, ok := p.boolean(c, what); ok {
			doc.HanyaLampiran = b
		}
	case "identitas_lampiran":
		if v := str(); v == noLines {
			doc.IdentitasLampiran = []string{}
		} else {
			doc.IdentitasLampiran = append(doc.IdentitasLampiran, v)
		}
	case "lampiran":
		doc.Lampiran = str()
	case "templat":
		doc.Templat = append(doc.Templat, str())
	case "pk_induk":
		doc.PKInduk = str()
	case "instansi.kop":
		doc.Instansi.Kop = append(doc.Instansi.Kop, model.KopBaris{Teks: str(), Gaya: model.KopNama})
	case "instansi.tata_kop":
		doc.Instansi.TataKop = model.TataKop(str())
	case "nomor_halaman":
		doc.NomorHalaman = model.NomorHalaman(str())
	case "tanda_tangan.paraf_di":
		doc.Tandatangan.ParafDi = model.ParafDi(str())
	case "instansi.logo":
		doc.Instansi.Logo = str()
	case "instansi.unit_organisasi_eselon_i":
		doc.Instansi.UnitOrganisasiEselonI = str()
	case "instansi.unit_organisasi":
		doc.Instansi.UnitOrganisasi = str()
	case "instansi.satker":
		doc.Instansi.Satker = str()
	case "tanda_tangan.nip":
		doc.Tandatangan.NIP = model.FormatNIP(str())
	case "tanda_tangan.baris_tanggal":
		if b, ok := p.boolean(c, what); ok {
			doc.Tandatangan.BarisTanggal = b
		}
	case "tanda_tangan.peran_di_lampiran":
		if b, ok := p.boolean(c, what); ok {
			doc.Tandatangan.PeranDiLampiran = b
		}
	case "tanda_tangan.koma_jabatan":
		if b, ok := p.boolean(c, what); ok {
			doc.Tandatangan.JabatanAsWritten = !b
		}
	case "tanda_tangan.url_verifikasi":
		doc.Tandatangan.URLVerifikasi = str()
	case "perubahan.mengubah":
		perubahan().Mengubah = str()
	case "perubahan.ke":
		if n, ok := p.integer(c, what); ok {
			perubahan().Ke = int(n)
		}
	case "perubahan.alasan":
		perubahan().Alasan = model.Alasan(str())
	case "perubahan.keterangan":
		perubahan().Keterangan = str()
	case "perubahan.berlaku":
		if t := p.date(c, what); t != nil {
			perubahan().Berlaku = *t
		}
	case "perubahan.daftar_perubahan":
		if b, ok := p.boolean(c, what); ok {
			perubahan().DaftarPerubahan = b
		}
	case "capaian.rumus_turun":
		doc.Capaian.RumusTurun = model.RumusTurun(str())
	case "capaian.batas":
		if d, ok := p.decimal(c, what); ok {
			doc.Capaian.Batas = &d
		}
	case "capaian.kolom":
		doc.Capaian.Kolom = append(doc.Capaian.Kolom, str())
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
func (p *reader) lampiran(t *table, im *Imported) []model.Sasaran {
	const sh = SheetLampiran
	var out []model.Sasaran
	cur := -1          // index in out
	var curNomor int64 // sasaran.nomor of the current sasaran; 0 when not given
	curRow := 0
	type sectionNomor struct {
		bagian string
		nomor  int64
	}
	seen := map[sectionNomor]int{} // nomor in its section → row of its first line
	for row := 2; row <= t.last; row++ {
		if t.empty(row) {
			continue
		}
		nc := t.cell("sasaran.nomor", row)
		var nomor int64
		if !nc.empty() {
			n, ok := p.integer(nc, "sasaran.nomor")
			if !ok {
				continue
			}
			nomor = n
		}
		bag := p.text(t.cell("sasaran.bagian", row), "sasaran.bagian")
		kel := p.text(t.cell("kelompok", row), "kelompok")
		induk := p.text(t.cell("sasaran.induk", row), "sasaran.induk")
		mendukung := p.text(t.cell("sasaran.mendukung", row), "sasaran.mendukung")
		ur := p.text(t.cell("sasaran.uraian", row), "sasaran.uraian")
		// Numbers start again in each section: a new section is a new
		// sasaran, and a number is unique inside its section.
		fresh := cur < 0 ||
			(bag != "" && bag != out[cur].Bagian) ||
			(nomor != 0 && nomor != curNomor) ||
			(nomor == 0 && ur != "" && ur != out[cur].Uraian)
		if fresh {
			if bag == "" && cur >= 0 {
				bag = out[cur].Bagian // left empty after the first row of a section
			}
			if nomor != 0 {
				key := sectionNomor{bag, nomor}
				if first, again := seen[key]; again {
					p.errf(sh, nc.ref, "sasaran nomor %d sudah ada di baris %d; baris satu sasaran harus berurutan", nomor, first)
					continue
				}
				seen[key] = row
			}
			out = append(out, model.Sasaran{Bagian: bag, Kelompok: kel, Induk: induk, Uraian: ur, Mendukung: kodes(mendukung)})
			cur, curNomor, curRow = len(out)-1, nomor, row
			sp := fmt.Sprintf("sasaran[%d]", cur+1)
			im.record(sp, sh, colOr(t, "sasaran.uraian"), row)
			for _, k := range []string{"bagian", "kelompok", "induk", "uraian", "mendukung"} {
				col := "sasaran." + k
				if k == "kelompok" {
					col = k
				}
				if c, ok := t.col[col]; ok {
					im.record(sp+"."+k, sh, c, row)
				}
			}
		} else {
			s := &out[cur]
			for _, c := range []struct {
				name, got, want string
			}{{"sasaran.bagian", bag, s.Bagian}, {"kelompok", kel, s.Kelompok}, {"sasaran.induk", induk, s.Induk}, {"sasaran.uraian", ur, s.Uraian},
				{"sasaran.mendukung", strings.Join(kodes(mendukung), ", "), strings.Join(s.Mendukung, ", ")}} {
				if c.got != "" && c.got != c.want {
					p.errf(sh, ref(t.col[c.name], row), "%s berbeda dengan baris %d dari sasaran yang sama (%q); kosongkan sel ini, samakan isinya, atau beri sasaran.nomor baru", c.name, curRow, c.want)
				}
			}
		}
		if p.rowWithoutIndikator(t, row) {
			continue
		}
		s := &out[cur]
		ip := fmt.Sprintf("sasaran[%d].indikator[%d]", cur+1, len(s.Indikator)+1)
		ind := model.Indikator{
			Kode:       p.text(t.cell("indikator.kode", row), "indikator.kode"),
			Uraian:     p.text(t.cell("indikator.uraian", row), "indikator.uraian"),
			SumberData: p.text(t.cell("indikator.sumber_data", row), "indikator.sumber_data"),
			Satuan:     p.text(t.cell("indikator.satuan", row), "indikator.satuan"),
			Polaritas:  model.Polaritas(p.text(t.cell("indikator.polaritas", row), "indikator.polaritas")),
			Agregasi:   model.Agregasi(p.text(t.cell("indikator.agregasi", row), "indikator.agregasi")),
			Skala:      p.text(t.cell("indikator.skala", row), "indikator.skala"),
			Pengukuran: p.markdown(t.cell("indikator.pengukuran", row), "indikator.pengukuran"),
		}
		for q := range 4 {
			name := fmt.Sprintf("target.tw%d", q+1)
			ind.Target.TW[q], _ = p.value(t.cell(name, row), name)
		}
		ind.Target.Tahunan, _ = p.value(t.cell("target.tahunan", row), "target.tahunan")
		ind.RumusTurun = model.RumusTurun(p.text(t.cell("indikator.rumus_turun", row), "indikator.rumus_turun"))
		if d, ok := p.decimal(t.cell("indikator.batas", row), "indikator.batas"); ok {
			ind.Batas = &d
		}
		ind.Mendukung = kodes(p.text(t.cell("indikator.mendukung", row), "indikator.mendukung"))
		ind.AgregasiKaskade = model.Agregasi(p.text(t.cell("indikator.agregasi_kaskade", row), "indikator.agregasi_kaskade"))
		ind.KondisiAwal = p.nilaiTahun(t, row, "kondisi_awal")
		ind.TargetAkhir = p.nilaiTahun(t, row, "target_akhir")
		s.Indikator = append(s.Indikator, ind)
		im.record(ip, sh, colOr(t, "indikator.kode"), row)
		im.record(ip+".target", sh, colOr(t, "target.tahunan"), row)
		for _, k := range lampiranColumns {
			if c, ok := t.col[k.header]; ok && (strings.HasPrefix(k.header, "indikator.") || strings.HasPrefix(k.header, "target.")) {
				im.record(ip+"."+strings.TrimPrefix(k.header, "indikator."), sh, c, row)
			}
		}
	}
	return out
}

// kodes splits a cell of kode separated by commas (mendukung); nil for
// an empty cell.
func kodes(cell string) []string {
	var out []string
	for _, k := range strings.Split(cell, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// nilaiTahun reads indikator.KEY.nilai, .tahun and .dokumen; nil when all
// are empty.
func (p *reader) nilaiTahun(t *table, row int, key string) *model.NilaiTahun {
	pre := "indikator." + key + "."
	nc, yc, dc := t.cell(pre+"nilai", row), t.cell(pre+"tahun", row), t.cell(pre+"dokumen", row)
	if nc.empty() && yc.empty() && dc.empty() {
		return nil
	}
	v := &model.NilaiTahun{Dokumen: p.text(dc, pre+"dokumen")}
	v.Nilai, _ = p.value(nc, pre+"nilai")
	if n, ok := p.integer(yc, pre+"tahun"); ok {
		v.Tahun = int(n)
	}
	return v
}

func colOr(t *table, name string) int {
	if c, ok := t.col[name]; ok {
		return c
	}
	return 1
}

// rowWithoutIndikator reports a row that only names a sasaran.
func (p *reader) rowWithoutIndikator(t *table, row int) bool {
	for _, k := range lampiranColumns {
		if strings.HasPrefix(k.header, "indikator.") || strings.HasPrefix(k.header, "target.") {
			if !t.cell(k.header, row).empty() {
				return false
			}
		}
	}
	return true
}

// skala reads the Skala sheet: one row per level, the rows of one scale
// together, best level first.
func (p *reader) skala(t *table, doc *model.Document, im *Imported) {
	const sh = SheetSkala
	firstRow := map[string]int{}
	last := ""
	for row := 2; row <= t.last; row++ {
		if t.empty(row) {
			continue
		}
		name := p.text(t.cell("skala", row), "skala")
		if name == "" {
			p.errf(sh, ref(t.col["skala"], row), "nama skala wajib diisi")
			continue
		}
		angka := model.AngkaSkala(p.text(t.cell("angka", row), "angka"))
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
			im.record("capaian.skala."+name, sh, t.col["skala"], row)
			im.record("capaian.skala."+name+".angka", sh, t.col["angka"], row)
		case angka != "" && angka != sk.Angka:
			p.errf(sh, ref(t.col["angka"], row), "angka %q berbeda dengan baris %d dari skala yang sama (%q)", angka, firstRow[name], sk.Angka)
		}
		last = name
		lv := model.TingkatSkala{Label: p.text(t.cell("label", row), "label")}
		if d, ok := p.decimal(t.cell("skor", row), "skor"); ok {
			lv.Skor = &d
		}
		if d, ok := p.decimal(t.cell("persen", row), "persen"); ok {
			lv.Persen = d
		} else if t.cell("persen", row).empty() {
			p.errf(sh, ref(t.col["persen"], row), "persen wajib diisi: nilai tingkat ini terhadap tingkat terbaik, mis. 75")
		}
		sk.Tingkat = append(sk.Tingkat, lv)
		doc.Capaian.Skala[name] = sk
		lp := fmt.Sprintf("capaian.skala.%s.tingkat[%d]", name, len(sk.Tingkat))
		im.record(lp, sh, t.col["label"], row)
		for _, k := range []string{"label", "skor", "persen"} {
			if c, ok := t.col[k]; ok {
				im.record(lp+"."+k, sh, c, row)
			}
		}
	}
}

// laporan reads a realisasi workbook.
func (p *reader) laporan(im *Imported) *model.Laporan {
	lap := &model.Laporan{}
	vals := p.keyValues(SheetLaporan, laporanKeys)
	for _, k := range laporanKeys {
		for _, c := range vals[k.key] {
			col, row, _ := xlsx.ParseRef(c.ref)
			im.record(k.key, SheetLaporan, col, row)
			if c.empty() {
				continue
			}
			switch k.key {
			case "pk":
				lap.PK = p.text(c, k.key)
			case "tahun":
				if n, ok := p.integer(c, k.key); ok {
					lap.Tahun = int(n)
				}
			case "triwulan":
				if n, ok := p.integer(c, k.key); ok {
					lap.Triwulan = int(n)
				}
			}
		}
	}
	t := p.table(SheetRealisasi, realisasiColumns, true)
	if t == nil {
		return lap
	}
	const sh = SheetRealisasi
	for row := 2; row <= t.last; row++ {
		filled := false
		for _, k := range realisasiColumns {
			if strings.HasPrefix(k.header, "realisasi.") && !t.cell(k.header, row).empty() {
				filled = true
			}
		}
		if !filled {
			continue // an indicator without realisasi yet
		}
		kc := t.cell("indikator.kode", row)
		r := model.RealisasiIndikator{Kode: p.text(kc, "indikator.kode")}
		if r.Kode == "" {
			p.errf(sh, ref(t.col["indikator.kode"], row), "indikator.kode wajib diisi pada baris yang berisi realisasi")
		}
		for q := range 4 {
			name := "realisasi.tw" + strconv.Itoa(q+1)
			r.TW[q], _ = p.value(t.cell(name, row), name)
		}
		r.TahunLalu, _ = p.value(t.cell("realisasi.tahun_lalu", row), "realisasi.tahun_lalu")
		r.Kendala = p.markdown(t.cell("realisasi.kendala", row), "realisasi.kendala")
		r.Upaya = p.markdown(t.cell("realisasi.upaya", row), "realisasi.upaya")
		lap.Realisasi = append(lap.Realisasi, r)
		rp := fmt.Sprintf("realisasi[%d]", len(lap.Realisasi))
		im.record(rp, sh, t.col["indikator.kode"], row)
		im.record(rp+".kode", sh, t.col["indikator.kode"], row)
		im.record(rp+".tw", sh, t.col["realisasi.tw1"], row)
		for q := range 4 {
			im.record(fmt.Sprintf("%s.tw.tw%d", rp, q+1), sh, t.col["realisasi.tw"+strconv.Itoa(q+1)], row)
		}
		for _, k := range []string{"tahun_lalu", "kendala", "upaya"} {
			if c, ok := t.col["realisasi."+k]; ok {
				im.record(rp+"."+k, sh, c, row)
			}
		}
	}
	return lap
}
