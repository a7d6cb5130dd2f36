package spreadsheet

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"pkgen/internal/xlsx"
	"pkgen/model"
	"pkgen/pesan"
)

// maxCellChars is the most characters a cell holds (Excel's limit).
const maxCellChars = 32767

// spareRows is how many empty rows under the data still get the column's
// drop-down lists, for rows the user adds.
const spareRows = 200

// percent marks a percentage written as a number with a percent format.
type percent model.Desimal

// workbook writes one workbook, remembering the first error so that the
// writing code reads as a list of cells.
type workbook struct {
	f      *xlsx.File
	styles map[string]int
	err    error
}

func newWorkbook() *workbook {
	return &workbook{f: xlsx.New(), styles: map[string]int{}}
}

func (b *workbook) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// sheet adds a sheet; the first one renames the default "Sheet1".
func (b *workbook) sheet(name string) {
	b.f.AddSheet(name)
}

// sh is the sheet named name.
func (b *workbook) sh(name string) *xlsx.Sheet {
	if s := b.f.Sheet(name); s != nil {
		return s
	}
	return b.f.AddSheet(name) // not reached: every sheet is added first
}

// style returns the id of a named style, creating it on first use.
func (b *workbook) style(name string) int {
	if id, ok := b.styles[name]; ok {
		return id
	}
	st := xlsx.Style{Alignment: &xlsx.Alignment{Vertical: "top", WrapText: true}}
	parts := strings.Split(name, "+")
	for _, p := range parts {
		switch {
		case p == "header":
			// The font named, not only bold: a font without a name prints in
			// LibreOffice's default serif face.
			st.Font = &xlsx.Font{Bold: true, Family: "Calibri", Size: 11}
			st.Fill = "D9E1F2"
			st.Alignment.Vertical = "center"
		case p == "grey":
			st.Fill = "EDEDED"
		case p == "text":
			st.NumFmt = 49 // "@": what is typed stays text
		case p == "date":
			st.CustomNumFmt = "yyyy-mm-dd"
		case p == "rupiah":
			st.NumFmt = 3 // #,##0
		case strings.HasPrefix(p, "decimal"):
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "decimal"))
			st.CustomNumFmt = "0." + strings.Repeat("0", n)
		case strings.HasPrefix(p, "percent"):
			f := "0%"
			if n := len(p) - len("percent"); n > 0 {
				f = "0." + strings.Repeat("0", n) + "%"
			}
			st.CustomNumFmt = f
		}
	}
	id := b.f.NewStyle(st)
	b.styles[name] = id
	return id
}

func (b *workbook) setStyle(sheet string, col, row int, name string) {
	b.sh(sheet).SetStyle(col, row, col, row, b.style(name))
}

func ref(col, row int) string { return xlsx.CellName(col, row) }

func colName(col int) string { return xlsx.ColumnName(col) }

// put writes one value; extra names a style added to the value's own.
func (b *workbook) put(sheet string, col, row int, v any, extra string) {
	cell := ref(col, row)
	withExtra := func(s string) string {
		if extra == "" {
			return s
		}
		if s == "" {
			return extra
		}
		return s + "+" + extra
	}
	if extra != "" {
		b.setStyle(sheet, col, row, extra)
	}
	sh := b.sh(sheet)
	switch x := v.(type) {
	case nil:
	case string:
		if x == "" {
			return
		}
		if utf8.RuneCountInString(x) > maxCellChars {
			b.fail(pesan.Errorf("lembar %s, sel %s: teks %d karakter melebihi batas satu sel Excel (%d)", sheet, cell, utf8.RuneCountInString(x), maxCellChars))
			return
		}
		sh.SetStr(col, row, x)
	case int:
		sh.SetInt(col, row, int64(x))
	case int64:
		sh.SetInt(col, row, x)
	case bool:
		sh.SetBool(col, row, x)
	case model.Desimal:
		sh.SetFloat(col, row, x.Float())
	case *model.Desimal:
		if x != nil {
			b.put(sheet, col, row, *x, extra)
		}
	case percent:
		// 14.5% is the number 0.145 shown with one decimal.
		frac := model.Desimal{Unscaled: x.Unscaled, Scale: x.Scale + 2}
		sh.SetFloat(col, row, frac.Float())
		scale := max(int(x.Scale), 0)
		b.setStyle(sheet, col, row, withExtra("percent"+strings.Repeat("0", scale)))
	case time.Time:
		if x.IsZero() {
			return
		}
		sh.SetTime(col, row, x)
		b.setStyle(sheet, col, row, withExtra("date"))
	case *time.Time:
		if x != nil {
			b.put(sheet, col, row, *x, extra)
		}
	case model.Nilai:
		switch x.Jenis {
		case model.Kosong:
			b.put(sheet, col, row, x.Teks, extra) // "–": not yet given
		case model.Angka:
			b.put(sheet, col, row, x.Angka, extra)
		case model.Persen:
			b.put(sheet, col, row, percent(x.Angka), extra)
		default:
			b.put(sheet, col, row, x.String(), extra)
		}
	default:
		b.fail(pesan.Errorf("lembar %s, sel %s: jenis nilai %T tidak dikenal", sheet, cell, v))
	}
}

// header writes a table sheet's header row, widths and drop-downs.
func (b *workbook) header(sheet string, cols []column, rows int) {
	for i, k := range cols {
		b.put(sheet, i+1, 1, k.header, "header")
		c := colName(i + 1)
		b.sh(sheet).SetColWidth(i+1, k.width)
		base := ""
		switch {
		case k.readOnly:
			base = "grey"
		case k.kind == kindNIP:
			base = "text"
		case k.kind == kindInteger && sheet == SheetAnggaran:
			base = "rupiah"
		}
		if base != "" || k.kind == kindText || k.kind == kindMarkdown {
			// Wrapped, top-aligned text for the whole column.
			name := base
			if name == "" {
				name = "body"
			}
			b.sh(sheet).SetColStyle(i+1, b.style(name))
			b.setStyle(sheet, i+1, 1, "header")
		}
		if len(k.choices) > 0 {
			b.dropdown(sheet, fmt.Sprintf("%s2:%s%d", c, c, rows+1+spareRows), k.choices)
		}
	}
	b.sh(sheet).FreezePanes(0, 1, "A2", "bottomLeft")
}

func (b *workbook) dropdown(sheet, sqref string, items []string) {
	dv := xlsx.DataValidation{Sqref: sqref}
	if !dv.SetDropList(items) {
		return // a list too long for Excel is simply not offered
	}
	dv.SetError("Nilai tidak dikenal", "Pilih salah satu: "+strings.Join(items, ", "))
	b.sh(sheet).AddDataValidation(dv)
}

// keyRows writes a kunci/nilai/keterangan sheet.
func (b *workbook) keyRows(sheet string, keys []keyRow, value func(k string) []any) {
	b.sheet(sheet)
	for i, h := range []string{"kunci", "nilai", "keterangan"} {
		b.put(sheet, i+1, 1, h, "header")
	}
	sh := b.sh(sheet)
	sh.SetColWidth(1, 32)
	sh.SetColWidth(2, 60)
	sh.SetColWidth(3, 70)
	row := 2
	for _, k := range keys {
		vals := value(k.key)
		if len(vals) == 0 {
			if k.optional {
				continue
			}
			vals = []any{nil}
		}
		for _, v := range vals {
			b.put(sheet, 1, row, k.key, "body")
			extra := "body"
			if k.kind == kindNIP {
				extra = "text"
			}
			b.put(sheet, 2, row, v, extra)
			b.put(sheet, 3, row, k.note, "grey")
			if len(k.choices) > 0 {
				b.dropdown(sheet, ref(2, row), k.choices)
			}
			row++
		}
	}
	b.sh(sheet).FreezePanes(0, 1, "A2", "bottomLeft")
}

func (b *workbook) bytes(active string) ([]byte, error) {
	if sh := b.f.Sheet(active); sh != nil {
		b.f.SetActiveSheet(sh)
	}
	if b.err != nil {
		return nil, b.err
	}
	return b.f.Bytes()
}

func pihakValue(p *model.Pihak, field string) any {
	if p == nil {
		return nil
	}
	switch field {
	case "nama":
		return p.Nama
	case "gelar_depan":
		return p.GelarDepan
	case "gelar_belakang":
		return p.GelarBelakang
	case "nip":
		return p.NIP
	case "jabatan":
		return p.Jabatan
	case "unit_kerja":
		return p.UnitKerja
	case "pangkat":
		return p.Pangkat
	case "status":
		return p.Status
	}
	return nil
}

// documentValue returns the values of a Dokumen key.
func documentValue(doc *model.Document, k string) []any {
	one := func(v any) []any { return []any{v} }
	many := func(ss []string) []any {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return out
	}
	switch {
	case strings.HasPrefix(k, "pihak_pertama."):
		return one(pihakValue(&doc.PihakPertama, strings.TrimPrefix(k, "pihak_pertama.")))
	case strings.HasPrefix(k, "pihak_kedua."):
		return one(pihakValue(doc.PihakKedua, strings.TrimPrefix(k, "pihak_kedua.")))
	case k == "tanda_tangan.mengetahui.peran":
		return one(doc.Tandatangan.PeranKetiga)
	case strings.HasPrefix(k, "tanda_tangan.mengetahui."):
		return one(pihakValue(doc.Tandatangan.Mengetahui, strings.TrimPrefix(k, "tanda_tangan.mengetahui.")))
	case strings.HasPrefix(k, "perubahan."):
		p := doc.Perubahan
		if p == nil {
			return nil
		}
		switch k {
		case "perubahan.mengubah":
			return one(p.Mengubah)
		case "perubahan.ke":
			return one(p.Ke)
		case "perubahan.alasan":
			return one(string(p.Alasan))
		case "perubahan.keterangan":
			return one(p.Keterangan)
		case "perubahan.berlaku":
			return one(p.Berlaku)
		case "perubahan.daftar_perubahan":
			return one(p.DaftarPerubahan)
		}
	}
	switch k {
	case "tahun":
		return one(doc.Tahun)
	case "jenis":
		return one(string(doc.Jenis))
	case "tingkat":
		return one(string(doc.Tingkat))
	case "kertas":
		return one(string(doc.Kertas))
	case "format_angka":
		return one(doc.FormatAngka)
	case "tempat":
		return one(doc.Tempat)
	case "tanggal":
		if doc.Tanggal != nil && doc.TanggalBulan {
			return one(doc.Tanggal.Format("2006-01")) // text: a date cell would gain a day
		}
		return one(doc.Tanggal)
	case "hanya_lampiran":
		return one(doc.HanyaLampiran)
	case "identitas_lampiran":
		if doc.IdentitasLampiran != nil && len(doc.IdentitasLampiran) == 0 {
			return one(noLines)
		}
		return many(doc.IdentitasLampiran)
	case "lampiran":
		return one(doc.Lampiran)
	case "templat":
		return many(doc.Templat)
	case "pk_induk":
		if doc.PKInduk == "" {
			return nil // an optional row
		}
		return one(doc.PKInduk)
	case "instansi.kop":
		return many(doc.Instansi.KopTeks())
	case "instansi.kop_gaya":
		// Written only when some line is not a name line; then one row
		// per line, as empty rows are skipped when read.
		var gaya []string
		styled := false
		for _, k := range doc.Instansi.Kop {
			g := cmp.Or(k.Gaya, model.KopNama)
			gaya = append(gaya, string(g))
			styled = styled || g != model.KopNama
		}
		if !styled {
			return nil
		}
		return many(gaya)
	case "instansi.tata_kop":
		if doc.Instansi.TataKop != model.KopTengah {
			return nil
		}
		return one(string(doc.Instansi.TataKop))
	case "nomor_halaman":
		if doc.NomorHalaman != model.HalamanSemua {
			return nil
		}
		return one(string(doc.NomorHalaman))
	case "tanda_tangan.paraf_di":
		if doc.Tandatangan.ParafDi != model.ParafSemua {
			return nil
		}
		return one(string(doc.Tandatangan.ParafDi))
	case "instansi.logo":
		return one(doc.Instansi.Logo)
	case "instansi.unit_organisasi_eselon_i":
		return one(doc.Instansi.UnitOrganisasiEselonI)
	case "instansi.unit_organisasi":
		return one(doc.Instansi.UnitOrganisasi)
	case "instansi.satker":
		return one(doc.Instansi.Satker)
	case "tanda_tangan.nip":
		return one(string(doc.Tandatangan.NIP))
	case "tanda_tangan.baris_tanggal":
		return one(doc.Tandatangan.BarisTanggal)
	case "tanda_tangan.peran_di_lampiran":
		return one(doc.Tandatangan.PeranDiLampiran)
	case "tanda_tangan.koma_jabatan":
		return one(!doc.Tandatangan.JabatanAsWritten)
	case "tanda_tangan.url_verifikasi":
		return one(doc.Tandatangan.URLVerifikasi)
	case "capaian.rumus_turun":
		return one(string(doc.Capaian.RumusTurun))
	case "capaian.batas":
		return one(doc.Capaian.Batas)
	case "capaian.kolom":
		return many(doc.Capaian.Kolom)
	}
	return nil
}

const instructionsPK = `Lembar kerja Perjanjian Kinerja dari pkgen.

Dokumen: satu baris per kunci (kunci, nilai). Baris kop dan templat boleh lebih dari satu.
Lampiran: satu baris per indikator. Indikator satu sasaran berurutan dengan sasaran.nomor yang sama; sel sasaran pada baris berikutnya boleh dikosongkan.
Target: angka diketik sebagai angka (86,75), persen sebagai persen (95%), kategori dan N/A sebagai teks ("(3) WTP", "N/A").
Anggaran: satu baris per program, kegiatan atau sub kegiatan; jumlah dalam rupiah utuh. Jumlah total dihitung pkgen.
Jangan menggabungkan sel (merge) dan jangan mengubah judul kolom.

Kembali ke TOML: pkgen impor BERKAS.xlsx -o BERKAS.toml`

const instructionsParaf = `Paraf: satu baris per kotak paraf koordinasi (jabatan, nama boleh kosong), urut dari kiri.`

const instructionsBagian = `Bagian: satu baris per tabel lampiran (nama, judul, lampiran = kumpulan kolom, nomor_lanjut). Kolom sasaran.bagian di lembar Lampiran menyebut nama bagian setiap sasaran; nomor sasaran mulai dari 1 di setiap bagian.`

const instructionsRealisasi = `Lembar kerja realisasi Perjanjian Kinerja dari pkgen.

Laporan: pk (berkas PK), tahun, triwulan (triwulan terakhir yang dilaporkan).
Realisasi: satu baris per indikator PK. Kolom abu-abu (target) hanya untuk dibaca; isi kolom realisasi.tw1 s.d. realisasi.tw4, realisasi.tahun_lalu, kendala dan upaya.
Nilai ditulis seperti target: angka (88,2), persen (95%), kategori ("(3) WTP") atau N/A. Kosongkan triwulan yang belum dilaporkan.

Kembali ke TOML: pkgen impor BERKAS.xlsx -o BERKAS-REALISASI.toml`

func (b *workbook) instructions(text string) {
	b.sheet(SheetPetunjuk)
	b.sh(SheetPetunjuk).SetColWidth(1, 120)
	for i, l := range strings.Split(text, "\n") {
		b.put(SheetPetunjuk, 1, i+1, l, "body")
	}
}

// ExportPK writes a document as an XLSX workbook.
func ExportPK(doc *model.Document) ([]byte, error) {
	b := newWorkbook()
	b.keyRows(SheetDokumen, dokumenKeys, func(k string) []any { return documentValue(doc, k) })

	cols := slices.Clone(lampiranColumns) // trimmed below: never the shared list
	if len(doc.Bagian) == 0 {
		cols = slices.DeleteFunc(cols, func(c column) bool { return c.header == "sasaran.bagian" })
	}
	b.sheet(SheetLampiran)
	values := func(s model.Sasaran, ind model.Indikator) map[string]any {
		vals := map[string]any{
			"sasaran.bagian":        s.Bagian,
			"kelompok":              s.Kelompok,
			"sasaran.nomor":         s.Nomor,
			"sasaran.uraian":        s.Uraian,
			"sasaran.induk":         s.Induk,
			"indikator.kode":        ind.Kode,
			"indikator.uraian":      ind.Uraian,
			"indikator.sumber_data": ind.SumberData,
			"indikator.satuan":      ind.Satuan,
			"indikator.polaritas":   string(ind.Polaritas),
			"indikator.agregasi":    string(ind.Agregasi),
			"indikator.skala":       ind.Skala,
			"indikator.pengukuran":  ind.Pengukuran,
			"target.tw1":            ind.Target.TW[0],
			"target.tw2":            ind.Target.TW[1],
			"target.tw3":            ind.Target.TW[2],
			"target.tw4":            ind.Target.TW[3],
			"target.tahunan":        ind.Target.Tahunan,
		}
		if ind.RumusTurun != "" {
			vals["indikator.rumus_turun"] = string(ind.RumusTurun)
		}
		// The cascade's keys, kode separated by commas in one cell.
		if len(s.Mendukung) > 0 {
			vals["sasaran.mendukung"] = strings.Join(s.Mendukung, ", ")
		}
		if len(ind.Mendukung) > 0 {
			vals["indikator.mendukung"] = strings.Join(ind.Mendukung, ", ")
		}
		if ind.AgregasiKaskade != "" {
			vals["indikator.agregasi_kaskade"] = string(ind.AgregasiKaskade)
		}
		if ind.Batas != nil {
			vals["indikator.batas"] = *ind.Batas
		}
		for key, v := range map[string]*model.NilaiTahun{"kondisi_awal": ind.KondisiAwal, "target_akhir": ind.TargetAkhir} {
			if v != nil {
				vals["indikator."+key+".nilai"] = v.Nilai
				if v.Tahun != 0 {
					vals["indikator."+key+".tahun"] = v.Tahun
				}
				if v.Dokumen != "" {
					vals["indikator."+key+".dokumen"] = v.Dokumen
				}
			}
		}
		return vals
	}
	// Optional columns only when some indicator fills them.
	used := map[string]bool{}
	for _, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			for k := range values(s, ind) {
				used[k] = true
			}
		}
	}
	cols = slices.DeleteFunc(cols, func(k column) bool { return k.optional && !used[k.header] })
	b.header(SheetLampiran, cols, doc.JumlahIndikator())
	row := 2
	for _, s := range doc.Sasaran {
		for _, ind := range s.Indikator {
			vals := values(s, ind)
			for i, k := range cols {
				b.put(SheetLampiran, i+1, row, vals[k.header], "")
			}
			row++
		}
		if len(s.Indikator) == 0 { // not valid, but keep the sasaran
			for i, k := range cols {
				switch k.header {
				case "sasaran.bagian":
					b.put(SheetLampiran, i+1, row, s.Bagian, "")
				case "kelompok":
					b.put(SheetLampiran, i+1, row, s.Kelompok, "")
				case "sasaran.nomor":
					b.put(SheetLampiran, i+1, row, s.Nomor, "")
				case "sasaran.uraian":
					b.put(SheetLampiran, i+1, row, s.Uraian, "")
				case "sasaran.induk":
					b.put(SheetLampiran, i+1, row, s.Induk, "")
				case "sasaran.mendukung":
					b.put(SheetLampiran, i+1, row, strings.Join(s.Mendukung, ", "), "")
				}
			}
			row++
		}
	}

	b.sheet(SheetAnggaran)
	b.header(SheetAnggaran, anggaranColumns, len(doc.Anggaran))
	for i, a := range doc.Anggaran {
		b.put(SheetAnggaran, 1, i+2, a.Uraian, "")
		b.put(SheetAnggaran, 2, i+2, a.Jumlah, "")
		b.put(SheetAnggaran, 3, i+2, a.Keterangan, "")
	}

	if len(doc.Bagian) > 0 {
		b.sheet(SheetBagian)
		b.header(SheetBagian, bagianColumns, len(doc.Bagian))
		for i, g := range doc.Bagian {
			b.put(SheetBagian, 1, i+2, g.Nama, "")
			b.put(SheetBagian, 2, i+2, g.Judul, "")
			b.put(SheetBagian, 3, i+2, g.Lampiran, "")
			if g.NomorLanjut {
				b.put(SheetBagian, 4, i+2, true, "")
			}
		}
	}

	if len(doc.Paraf) > 0 {
		b.sheet(SheetParaf)
		b.header(SheetParaf, parafColumns, len(doc.Paraf))
		for i, pf := range doc.Paraf {
			b.put(SheetParaf, 1, i+2, pf.Jabatan, "")
			b.put(SheetParaf, 2, i+2, pf.Nama, "")
		}
	}

	if len(doc.Capaian.Kategori) > 0 {
		b.sheet(SheetKategori)
		b.header(SheetKategori, kategoriColumns, len(doc.Capaian.Kategori))
		for i, k := range doc.Capaian.Kategori {
			b.put(SheetKategori, 1, i+2, k.Nama, "")
			b.put(SheetKategori, 2, i+2, k.Min, "")
		}
	}
	if len(doc.Capaian.Skala) > 0 {
		names := make([]string, 0, len(doc.Capaian.Skala))
		for n := range doc.Capaian.Skala {
			names = append(names, n)
		}
		sort.Strings(names)
		n := 0
		for _, name := range names {
			n += len(doc.Capaian.Skala[name].Tingkat)
		}
		b.sheet(SheetSkala)
		b.header(SheetSkala, skalaColumns, n)
		row := 2
		for _, name := range names {
			sk := doc.Capaian.Skala[name]
			for _, t := range sk.Tingkat {
				b.put(SheetSkala, 1, row, name, "")
				b.put(SheetSkala, 2, row, string(sk.Angka), "")
				b.put(SheetSkala, 3, row, t.Label, "")
				b.put(SheetSkala, 4, row, t.Skor, "")
				b.put(SheetSkala, 5, row, t.Persen, "")
				row++
			}
		}
	}
	text := instructionsPK
	if len(doc.Bagian) > 0 {
		text += "\n\n" + instructionsBagian
	}
	if len(doc.Paraf) > 0 {
		text += "\n\n" + instructionsParaf
	}
	b.instructions(text)
	return b.bytes(SheetLampiran)
}

// ExportRealisasi writes the realisasi entry workbook of a PK: every
// indicator of doc with its targets beside the realisasi cells, filled
// from lap when it is not nil. pk is the PK's path as the realisasi file
// names it.
func ExportRealisasi(doc *model.Document, lap *model.Laporan, pk string) ([]byte, error) {
	if lap == nil { // a new report: the PK's year, the quarter left to fill
		lap = &model.Laporan{PK: pk, Tahun: doc.Tahun}
	}
	b := newWorkbook()
	b.keyRows(SheetLaporan, laporanKeys, func(k string) []any {
		switch k {
		case "pk":
			return []any{pk}
		case "tahun":
			if lap.Tahun != 0 {
				return []any{lap.Tahun}
			}
		case "triwulan":
			if lap.Triwulan != 0 {
				return []any{lap.Triwulan}
			}
		}
		return nil
	})

	// The capaian columns only for a report with its quarter: a new form
	// has nothing to compute.
	cols := realisasiColumns
	capaian := map[string]model.Capaian{}
	if lap.Triwulan >= 1 && lap.Triwulan <= 4 {
		rows, err := model.ComputeCapaian(doc, lap)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			capaian[r.Indikator.Kode] = r.CapaianSD
		}
	} else {
		cols = slices.DeleteFunc(slices.Clone(cols), func(c column) bool { return strings.HasPrefix(c.header, "capaian.") })
	}
	const sh = SheetRealisasi
	b.sheet(sh)
	b.header(sh, cols, doc.JumlahIndikator())
	col := map[string]int{}
	for i, k := range cols {
		col[k.header] = i + 1
	}
	row := 2
	for _, s := range doc.Sasaran {
		for i := range s.Indikator {
			ind := &s.Indikator[i]
			var r model.RealisasiIndikator
			if got := lap.Find(ind.Kode); got != nil {
				r = *got
			}
			b.put(sh, col["sasaran.nomor"], row, s.Nomor, "grey")
			b.put(sh, col["indikator.kode"], row, ind.Kode, "")
			b.put(sh, col["indikator.uraian"], row, ind.Uraian, "grey")
			b.put(sh, col["indikator.satuan"], row, ind.Satuan, "grey")
			sk := skalaOf(doc, ind)
			for q := range 4 {
				b.put(sh, col[fmt.Sprintf("target.tw%d", q+1)], row, ind.Target.TW[q], "grey")
				c := col[fmt.Sprintf("realisasi.tw%d", q+1)]
				b.put(sh, c, row, r.TW[q], "")
				b.validation(sh, c, row, ind.Target.TW[q], ind, sk, fmt.Sprintf("Realisasi TW %s", roman[q]))
			}
			b.put(sh, col["target.tahunan"], row, ind.Target.Tahunan, "grey")
			c := col["realisasi.tahun_lalu"]
			b.put(sh, c, row, r.TahunLalu, "")
			b.validation(sh, c, row, ind.Target.Tahunan, ind, sk, "Realisasi tahun lalu")
			b.put(sh, col["realisasi.kendala"], row, r.Kendala, "")
			b.put(sh, col["realisasi.upaya"], row, r.Upaya, "")
			if c, ok := col["capaian.sd"]; ok {
				if cp := capaian[ind.Kode]; cp.Ada() {
					b.sh(sh).SetFloat(c, row, percentOf(cp.Nilai))
					b.setStyle(sh, c, row, "grey+percent00")
				}
				b.put(sh, col["capaian.kategori"], row, capaian[ind.Kode].Kategori, "grey")
			}
			row++
		}
	}
	b.sh(sh).FreezePanes(3, 1, "D2", "bottomRight")
	b.instructions(instructionsRealisasi)
	return b.bytes(sh)
}

var roman = [4]string{"I", "II", "III", "IV"}

func skalaOf(doc *model.Document, ind *model.Indikator) *model.Skala {
	sk, err := doc.Capaian.SkalaIndikator(ind)
	if err != nil || len(sk.Tingkat) == 0 {
		return nil
	}
	return &sk
}

// indikatorKind is the kind of an indicator's measured targets.
func indikatorKind(ind *model.Indikator) model.Nilai {
	for _, n := range append(ind.Target.TW[:], ind.Target.Tahunan) {
		if n.Jenis != model.NA && n.Jenis != model.Kosong {
			return n
		}
	}
	return model.Nilai{}
}

// validation adds the data validation of one realisasi cell from the target
// it is measured against: "N/A" only under an N/A target, a number (or
// N/A) for a number or range, a percent for a percent, one of the scale's
// levels for a category.
func (b *workbook) validation(sheet string, col, row int, target model.Nilai, ind *model.Indikator, sk *model.Skala, title string) {
	cell := ref(col, row)
	sh := b.sh(sheet)
	dv := xlsx.DataValidation{Sqref: cell}
	if target.Jenis == model.NA {
		if dv.SetDropList([]string{"N/A"}) {
			dv.SetError("Target N/A", "Target triwulan ini N/A: tidak ada yang diukur. Kosongkan sel atau tulis N/A.")
			dv.SetInput(title, "Target N/A: kosongkan atau tulis N/A.")
			sh.AddDataValidation(dv)
		}
		b.setStyle(sheet, col, row, "grey")
		return
	}
	ex := indikatorKind(ind)
	isPercent := ex.Jenis == model.Persen || (ex.Jenis == model.Rentang && ex.RentangPersen)
	switch {
	case ex.Jenis == model.Angka || ex.Jenis == model.Rentang || ex.Jenis == model.Persen:
		f := fmt.Sprintf(`OR(ISNUMBER(%[1]s),%[1]s="N/A")`, cell)
		msg := "Isi angka, mis. 86,75, atau N/A."
		if isPercent {
			f = fmt.Sprintf(`OR(ISNUMBER(%[1]s),%[1]s="N/A",RIGHT(%[1]s,1)="%%")`, cell)
			msg = "Isi persen, mis. 95%, atau N/A."
			if !sh.HasValue(col, row) {
				b.setStyle(sheet, col, row, "percent00")
			}
		}
		dv.Type = "custom"
		dv.Formula1 = f
		dv.SetError("Nilai tidak sah", msg)
		dv.SetInput(title, msg)
		sh.AddDataValidation(dv)
	case ex.Jenis == model.Kategori:
		var items []string
		if sk != nil && (sk.Angka == model.AngkaSkor || !ex.AdaSkor) {
			for _, t := range sk.Tingkat {
				switch {
				case ex.AdaSkor && t.Skor != nil:
					items = append(items, fmt.Sprintf("(%s) %s", t.Skor, t.Label))
				case !ex.AdaSkor:
					items = append(items, t.Label)
				}
			}
			items = append(items, "N/A")
		}
		msg := fmt.Sprintf("Isi kategori seperti target, mis. %s, atau N/A.", ex.Teks)
		if len(items) > 1 && dv.SetDropList(items) {
			dv.SetError("Kategori tidak dikenal", "Pilih salah satu: "+strings.Join(items, ", "))
			dv.SetInput(title, msg)
			sh.AddDataValidation(dv)
			return
		}
		dv.SetInput(title, msg)
		sh.AddDataValidation(dv)
	}
}
