package baru

import (
	"strings"
	"testing"

	"pkgen/model"
)

// TestBerkasSah: every starting file is a valid PK without warnings as it
// is embedded (cmd/pkgen also lays each one out).
func TestBerkasSah(t *testing.T) {
	t.Parallel()
	if len(Bentuk()) != 9 {
		t.Fatalf("bentuk: %v", Bentuk())
	}
	for _, b := range Bentuk() {
		data, ok := Berkas(b)
		if !ok {
			t.Fatalf("%s tidak ada", b)
		}
		if doc, probs := model.Parse(b+".toml", data); doc == nil || len(probs) > 0 {
			t.Errorf("%s: %v", b, probs)
		}
	}
	for _, bad := range []string{"", "eselon5", "../baru", "dki.toml"} {
		if _, ok := Berkas(bad); ok {
			t.Errorf("Berkas(%q) diterima", bad)
		}
	}
}

// TestBerkasKunciBaru: the commented keys of targets beyond the quarter
// ([capaian] kolom, kondisi_awal, target_akhir, an indicator's own
// rumus_turun and batas) are valid once uncommented.
func TestBerkasKunciBaru(t *testing.T) {
	t.Parallel()
	keys := []string{"[capaian]", "rumus_turun", "batas", "kolom", "kondisi_awal", "target_akhir"}
	for _, b := range Bentuk() {
		data, _ := Berkas(b)
		var out []string
		found := map[string]bool{}
		for _, l := range strings.Split(string(data), "\n") {
			for _, k := range keys {
				if strings.HasPrefix(l, "# "+k) {
					l = strings.TrimPrefix(l, "# ")
					found[k] = true
				}
			}
			out = append(out, l)
		}
		if len(found) != len(keys) {
			t.Errorf("%s: only %v of %v commented", b, found, keys)
		}
		doc, probs := model.Parse(b+".toml", []byte(strings.Join(out, "\n")))
		if doc == nil || len(probs.Errors()) > 0 {
			t.Fatalf("%s: %v", b, probs)
		}
		ind := doc.Sasaran[0].Indikator[0]
		if ind.KondisiAwal == nil || ind.TargetAkhir == nil || ind.Batas == nil || ind.RumusTurun != model.RumusTBagiR || len(doc.Capaian.Kolom) != 3 {
			t.Errorf("%s: keys not read: %+v %+v", b, ind, doc.Capaian)
		}
	}
}

// The commented paraf boxes, page number, kop layout and styled kop lines
// of every starting file read as they say once uncommented.
func TestBerkasParafKop(t *testing.T) {
	t.Parallel()
	for _, b := range Bentuk() {
		data, _ := Berkas(b)
		var out []string
		inParaf, inKop := false, false
		for _, l := range strings.Split(string(data), "\n") {
			switch {
			case strings.HasPrefix(l, "kop = ["):
				continue // replaced by the styled lines below
			case strings.HasPrefix(l, "# [[paraf]]"):
				inParaf = true
			case strings.HasPrefix(l, "#   kop = ["):
				inKop = true
			case strings.HasPrefix(l, "# nomor_halaman"), strings.HasPrefix(l, "# tata_kop"), strings.HasPrefix(l, "# logo"):
				l = strings.TrimPrefix(l, "# ")
			}
			if inParaf || inKop {
				l = strings.TrimPrefix(strings.TrimPrefix(l, "#"), " ")
			}
			if inKop && strings.TrimSpace(l) == "]" {
				inKop = false
			}
			if inParaf && l == "" {
				inParaf = false
			}
			out = append(out, l)
		}
		doc, probs := model.Parse(b+".toml", []byte(strings.Join(out, "\n")))
		if doc == nil || len(probs.Errors()) > 0 {
			t.Fatalf("%s: %v\n%s", b, probs, strings.Join(out, "\n"))
		}
		k := doc.Instansi.Kop
		if len(doc.Paraf) != 2 || doc.Paraf[0].Nama == "" || doc.NomorHalaman != model.HalamanSemua ||
			doc.Instansi.TataKop != model.KopTengah || doc.Instansi.Logo == "" ||
			len(k) < 2 || k[len(k)-1].Gaya != model.KopAlamat || k[len(k)-2].Gaya != model.KopBesar {
			t.Errorf("%s: keys not read: paraf %+v, nomor_halaman %q, instansi %+v", b, doc.Paraf, doc.NomorHalaman, doc.Instansi)
		}
	}
}
