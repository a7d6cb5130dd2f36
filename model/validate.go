package model

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"pkgen/pesan"
)

// validate checks what the decoder cannot: relations between values.
func (d *decoder) validate(doc *Document) {
	d.checkSigningDate(doc)
	tahun := doc.Tahun
	if d.hasFailed("tahun") {
		tahun = 0 // unknown: nothing is checked against it
	}
	if doc.HasParties() {
		d.checkPihak("pihak_pertama", doc.PihakPertama, tahun)
	} else if doc.PihakKedua != nil || doc.Tandatangan.Mengetahui != nil {
		d.errf("pihak_pertama", "wajib ada bila [pihak_kedua] atau [tanda_tangan.mengetahui] diisi: tabel [pihak_pertama]")
	}
	if doc.PihakKedua != nil {
		d.checkPihak("pihak_kedua", *doc.PihakKedua, tahun)
	} else if doc.HasParties() && !doc.HanyaLampiran && doc.Tingkat != KepalaDaerah && !d.hasFailed("pihak_kedua") && !d.hasFailed("tingkat") && !d.hasFailed("pihak_pertama") {
		d.warnf("pihak_kedua", "tidak ada [pihak_kedua]: PK ditandatangani satu pihak, biasanya hanya untuk tingkat \"kepala-daerah\"")
	}
	d.checkBagian(doc)
	d.checkKelompok(doc)
	d.checkIdentitas(doc)
	d.checkAnggaran(doc.Anggaran)
	d.checkKaskade(doc)
	if m := doc.Tandatangan.Mengetahui; m != nil {
		d.checkPihak("tanda_tangan.mengetahui", *m, tahun)
	}
	seen := map[string]string{}
	for i, s := range doc.Sasaran {
		sp := fmt.Sprintf("sasaran[%d]", i+1)
		uraian := map[string]int{}
		for j, ind := range s.Indikator {
			ip := fmt.Sprintf("%s.indikator[%d]", sp, j+1)
			if ind.Kode != "" {
				if first, dup := seen[ind.Kode]; dup {
					d.errf(ip+".kode", "kode %q sudah dipakai di %s; setiap indikator perlu kode yang unik", ind.Kode, first)
				} else {
					seen[ind.Kode] = ip
				}
			}
			if k, dup := uraian[ind.Uraian]; dup && ind.Uraian != "" {
				d.warnf(ip+".uraian", "uraian sama dengan indikator[%d] pada sasaran yang sama", k)
			} else {
				uraian[ind.Uraian] = j + 1
			}
			if !d.hasFailed(ip+".target") && !d.hasFailed(ip+".agregasi") && !d.hasFailed(ip+".polaritas") {
				d.checkTarget(ip, ind)
				d.checkNilaiTahun(ip, ind, tahun)
			}
			if ind.RumusTurun != "" && ind.Polaritas != Turun && indikatorKind(&ind).Jenis != Rentang {
				d.warnf(ip+".rumus_turun", "rumus_turun hanya dipakai untuk polaritas \"turun\" dan target rentang; indikator ini naik")
			}
			d.checkWords(ip, ind)
		}
	}
}

func (d *decoder) checkPihak(path string, p Pihak, tahun int) {
	if p.NIP != "" {
		if y := p.NIP[8:12]; tahun > 0 && y > fmt.Sprint(tahun) {
			d.errf(path+".nip", "tahun pengangkatan %s dalam NIP sesudah tahun dokumen %d", y, tahun)
		}
	}
	if strings.ToUpper(p.Nama) == p.Nama && strings.ToLower(p.Nama) != p.Nama {
		d.warnf(path+".nama", "nama ditulis dengan huruf kapital semua; tulis seperti biasa (\"Dhany Sukma\"), halaman pernyataan mencetaknya kapital sendiri")
	}
}

// checkKelompok requires each group to be one consecutive run: the lampiran
// prints a group row where the group changes.
func (d *decoder) checkKelompok(doc *Document) {
	for i := range doc.Sasaran {
		if d.hasFailed(fmt.Sprintf("sasaran[%d].kelompok", i+1)) {
			return // a group that could not be read would seem to end
		}
	}
	// A group runs inside its section: the same name in the next section
	// is a new group.
	ended := map[string]int{}
	for i, s := range doc.Sasaran {
		if i > 0 && sectionKey(s) != sectionKey(doc.Sasaran[i-1]) {
			ended[sectionKey(doc.Sasaran[i-1])] = i
			first, again := ended[sectionKey(s)]
			again = again && s.Bagian == doc.Sasaran[i-1].Bagian // else checkBagian reports it
			if again && s.Kelompok == "" {
				d.errf(fmt.Sprintf("sasaran[%d].kelompok", i+1), "sasaran tanpa kelompok sudah berakhir di sasaran[%d]; sasaran tanpa kelompok harus berurutan, isi kelompok sasaran ini atau pindahkan", first)
			} else if again {
				d.errf(fmt.Sprintf("sasaran[%d].kelompok", i+1), "kelompok %q sudah berakhir di sasaran[%d]; sasaran satu kelompok harus berurutan", s.Kelompok, first)
			}
		}
	}
	// Each table of a sectioned lampiran has its own groups.
	for i := 0; i < len(doc.Sasaran); {
		j := i
		for j < len(doc.Sasaran) && doc.Sasaran[j].Bagian == doc.Sasaran[i].Bagian {
			j++
		}
		if doc.Sasaran[i].Kelompok == "" {
			for k := i; k < j; k++ {
				if s := doc.Sasaran[k]; s.Kelompok != "" {
					d.warnf(fmt.Sprintf("sasaran[%d].kelompok", k+1), "sasaran sebelumnya tidak berkelompok, yang ini berkelompok %q", s.Kelompok)
					break
				}
			}
		}
		i = j
	}
}

var tw = [4]string{"tw1", "tw2", "tw3", "tw4"}

func (d *decoder) checkTarget(ip string, ind Indikator) {
	t := ind.Target
	tp := ip + ".target"
	// One kind per indicator: the kind most of its measured values have,
	// the annual target's on a tie. Each value of another kind is reported
	// where it is written: a mistyped tw1 among numbers is tw1's error.
	keys := [5]string{tw[0], tw[1], tw[2], tw[3], "tahunan"}
	all := append(t.TW[:], t.Tahunan)
	kind := majorityKind(all)
	kindAt := ""
	for q, n := range all {
		if n.Jenis == kind && kindAt == "" {
			kindAt = keys[q]
		}
	}
	mixed := false
	for q, n := range all {
		if n.Jenis != Kosong && n.Jenis != NA && n.Jenis != kind {
			d.errf(tp+"."+keys[q], "target %s berbeda jenis dengan %s (%s); semua target satu indikator harus sejenis", n.Jenis, kindAt, kind)
			mixed = true
		}
	}
	if mixed {
		return
	}
	if t.Tahunan.Jenis == NA && kind != Kosong {
		// The year's data arrive after the year: allowed, but quarters
		// with targets then have no year to add up to.
		d.warnf(tp+".tahunan", "target tahunan N/A sedangkan ada target triwulan; capaian terhadap target tahunan tidak dihitung")
	}
	if kind == Kosong || t.Tahunan.Jenis != kind {
		return
	}
	for _, n := range t.TW {
		if n.Jenis == Kosong {
			return // a quarter's target is still to come: nothing to add up yet
		}
	}
	var quarters []Nilai
	for _, n := range t.TW {
		if n.Jenis == kind {
			quarters = append(quarters, n)
		}
	}
	if len(quarters) == 0 {
		d.warnf(tp, "semua target triwulan N/A; capaian triwulan tidak dapat dihitung")
		return
	}
	if kind == Kategori {
		if ind.Agregasi != Akhir {
			d.errf(ip+".agregasi", "target kategori hanya dapat beragregasi \"akhir\", bukan %q", ind.Agregasi)
		} else if last := quarters[len(quarters)-1]; !last.Sama(t.Tahunan) {
			d.errf(tp+".tahunan", "target tahunan %q tidak sama dengan target triwulan terakhir %q (agregasi \"akhir\")", t.Tahunan.Teks, last.Teks)
		}
		return
	}
	if kind == Rentang {
		d.checkTargetRentang(ip, ind, quarters)
		return
	}
	want := new(big.Rat)
	var rule pesan.Pesan
	switch ind.Agregasi {
	case Akhir:
		want = quarters[len(quarters)-1].Angka.Rat()
		rule = pesan.M("sama dengan target triwulan terakhir yang diukur")
	case Jumlah:
		for _, n := range quarters {
			want.Add(want, n.Angka.Rat())
		}
		rule = pesan.M("jumlah target triwulan")
	case RataRata:
		for _, n := range quarters {
			want.Add(want, n.Angka.Rat())
		}
		want.Quo(want, new(big.Rat).SetInt64(int64(len(quarters))))
		rule = pesan.M("rata-rata target triwulan")
	}
	if t.Tahunan.Angka.Rat().Cmp(want) != 0 {
		d.errf(tp+".tahunan", "target tahunan %s tidak konsisten dengan agregasi %q: seharusnya %s = %s; perbaiki target atau pilih agregasi lain",
			ratText(t.Tahunan.Angka.Rat(), kind), ind.Agregasi, rule, ratText(want, kind))
	}
	if ind.Agregasi == Akhir && ind.Polaritas == Naik {
		for i := 1; i < len(quarters); i++ {
			if quarters[i].Angka.Cmp(quarters[i-1].Angka) < 0 {
				d.warnf(tp, "target kumulatif (agregasi \"akhir\") menurun dari satu triwulan ke berikutnya")
				break
			}
		}
	}
	if kind == Persen {
		for _, n := range all {
			if n.Jenis == Persen && n.Angka.Rat().Cmp(big.NewRat(100, 1)) > 0 && ind.Agregasi != Jumlah {
				d.warnf(tp, "target persen lebih dari 100%%")
				break
			}
		}
	}
}

// checkNilaiTahun checks kondisi_awal and target_akhir: of the targets'
// kind (a number or a range against a range target), the baseline not after
// the PK's year, the end-of-period target not before it.
func (d *decoder) checkNilaiTahun(ip string, ind Indikator, tahun int) {
	ex := indikatorKind(&ind)
	for _, c := range []struct {
		key   string
		v     *NilaiTahun
		after bool
	}{{"kondisi_awal", ind.KondisiAwal, false}, {"target_akhir", ind.TargetAkhir, true}} {
		if c.v == nil || d.hasFailed(ip+"."+c.key+".nilai") {
			continue
		}
		n := c.v.Nilai
		ok := n.Jenis == ex.Jenis || ex.Jenis == Kosong || n.Jenis == NA || n.Jenis == Kosong
		if ex.Jenis == Rentang {
			one := Angka
			if ex.RentangPersen {
				one = Persen
			}
			ok = n.Jenis == one || n.Jenis == Rentang && n.RentangPersen == ex.RentangPersen
		}
		if !ok {
			d.errf(ip+"."+c.key+".nilai", "%s %s berjenis %s, target indikator berjenis %s (%s); tulis nilai sejenis target", c.key, valueText(n), n.Jenis, ex.Jenis, valueText(ex))
		}
		switch {
		case tahun == 0 || c.v.Tahun == 0:
		case c.after && c.v.Tahun < tahun:
			d.errf(ip+"."+c.key+".tahun", "tahun target akhir %d sebelum tahun PK %d; target akhir periode RPJMD/Renstra jatuh pada tahun PK atau sesudahnya", c.v.Tahun, tahun)
		case !c.after && c.v.Tahun > tahun:
			d.errf(ip+"."+c.key+".tahun", "tahun kondisi awal %d sesudah tahun PK %d; kondisi awal adalah capaian tahun PK atau sebelumnya", c.v.Tahun, tahun)
		}
	}
}

// majorityKind is the kind most measured values (not N/A, not empty) have;
// on a tie the annual target's (the last value) if it is among the most,
// else the first written.
func majorityKind(vals []Nilai) JenisNilai {
	count := map[JenisNilai]int{}
	best := 0
	for _, n := range vals {
		if n.Jenis != Kosong && n.Jenis != NA {
			count[n.Jenis]++
			best = max(best, count[n.Jenis])
		}
	}
	if best == 0 {
		return Kosong
	}
	if last := vals[len(vals)-1].Jenis; count[last] == best {
		return last
	}
	for _, n := range vals {
		if count[n.Jenis] == best && n.Jenis != Kosong && n.Jenis != NA {
			return n.Jenis
		}
	}
	return Kosong
}

// checkSigningDate keeps the signing date in the PK's year. A PK signed early
// in the next year is legitimate (up to 31 March: a warning to look
// again); any other year is a slip, such as 0001-01-01.
func (d *decoder) checkSigningDate(doc *Document) {
	t := doc.Tanggal
	if t == nil || doc.Tahun == 0 || d.hasFailed("tahun") {
		return
	}
	written := t.Format("2006-01-02")
	if doc.TanggalBulan {
		written = t.Format("2006-01")
	}
	switch y := t.Year(); {
	case y == doc.Tahun:
	case y == doc.Tahun+1 && t.Month() <= time.March:
		d.warnf("tanggal", "tanggal %s sesudah tahun PK %d; PK yang ditandatangani awal tahun berikutnya (sampai 31 Maret) sah, pastikan tanggal ini benar", written, doc.Tahun)
	default:
		d.errf("tanggal", "tanggal %s di luar tahun PK %d; tulis tanggal penandatanganan di tahun %d (paling lambat 31 Maret %d)", written, doc.Tahun, doc.Tahun, doc.Tahun+1)
	}
}

// checkIdentitas: a line named in identitas_lampiran needs its value.
func (d *decoder) checkIdentitas(doc *Document) {
	values := map[string]struct{ key, value string }{
		IdentitasNIP:                   {"pihak_pertama.nip", doc.PihakPertama.NIP},
		IdentitasUnitKerja:             {"pihak_pertama.unit_kerja", doc.PihakPertama.UnitKerja},
		IdentitasUnitOrganisasiEselonI: {"instansi.unit_organisasi_eselon_i", doc.Instansi.UnitOrganisasiEselonI},
		IdentitasUnitOrganisasi:        {"instansi.unit_organisasi", doc.Instansi.UnitOrganisasi},
		IdentitasSatker:                {"instansi.satker", doc.Instansi.Satker},
	}
	for i, n := range doc.IdentitasLampiran {
		if !doc.HasParties() && (n == IdentitasNama || n == IdentitasNIP || n == IdentitasJabatan || n == IdentitasUnitKerja) {
			d.errf(fmt.Sprintf("identitas_lampiran[%d]", i+1), "baris %q memerlukan [pihak_pertama], yang tidak diisi", n)
			continue
		}
		if v, ok := values[n]; ok && v.value == "" && !d.hasFailed(v.key) {
			d.errf(fmt.Sprintf("identitas_lampiran[%d]", i+1), "baris %q tidak punya isi: isi %s atau hapus baris ini dari daftar", n, v.key)
		}
	}
}

// checkCentral warns when a ministry's PK leaves tingkat out: the default
// level's title names a Perangkat Daerah.
func (d *decoder) checkCentral(doc *Document) {
	central := doc.Instansi.UnitOrganisasi != "" || doc.Instansi.UnitOrganisasiEselonI != "" || doc.Instansi.Satker != ""
	for _, k := range doc.Instansi.Kop {
		central = central || strings.HasPrefix(strings.ToUpper(k.Teks), "KEMENTERIAN")
	}
	if central {
		d.warnf("tingkat", "tingkat tidak diisi: judul lampiran menyebut KEPALA PERANGKAT DAERAH; untuk kementerian atau lembaga tulis tingkat = \"eselon-i\", \"eselon-ii\" atau \"unit-vertikal\"")
	}
}

var reHTML = lazyRE(`</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>`)

// mayHaveTag is false when s has no "<x" or "</x" before a '>', which
// reHTML needs, so most texts ("dalam <6 jam") neither compile nor run it.
func mayHaveTag(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		if s[j] == '/' {
			j++
		}
		if j < len(s) && ('A' <= s[j] && s[j] <= 'Z' || 'a' <= s[j] && s[j] <= 'z') {
			return strings.IndexByte(s[j:], '>') >= 0
		}
	}
	return false
}

// checkWords warns about things a careful reader would flag but that are
// the user's words to keep.
func (d *decoder) checkWords(ip string, ind Indikator) {
	for _, f := range []struct{ key, val string }{{"uraian", ind.Uraian}, {"satuan", ind.Satuan}} {
		if strings.Contains(strings.ToLower(f.val), "presentase") {
			d.warnf(ip+"."+f.key, "%q: mungkin maksudnya \"Persentase\"", f.val)
		}
	}
	if mayHaveTag(ind.Pengukuran) {
		if m := reHTML.FindString(ind.Pengukuran); m != "" {
			d.warnf(ip+".pengukuran", "berisi tag HTML %s; HTML tidak ditafsirkan dan dicetak apa adanya, gunakan Markdown (**tebal**, daftar 1. 2.)", m)
		}
	}
}

// ratText prints an exact value as its shortest decimal ("86.75", "95%"),
// or rounded to four places after "≈" when it has no short decimal form
// (the average of three quarters).
func ratText(r *big.Rat, kind JenisNilai) string {
	suffix := ""
	if kind == Persen {
		suffix = "%"
	}
	ten := big.NewRat(10, 1)
	m := new(big.Rat).Set(r)
	for scale := 0; scale <= 6; scale++ {
		if m.IsInt() {
			return r.FloatString(scale) + suffix
		}
		m.Mul(m, ten)
	}
	return "≈" + r.FloatString(4) + suffix
}
