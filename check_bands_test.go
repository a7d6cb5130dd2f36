package pkgen

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"pkgen/render"
)

// bandsFS holds a PK with bands category bands and groups groups of one
// indicator, and its realisasi for TW I ("pk-tw1.toml").
func bandsFS(bands, groups int) fstest.MapFS {
	var pk, real strings.Builder
	pk.WriteString("tahun = 2024\ntempat = \"Jakarta\"\n[instansi]\nkop = [\"PEMERINTAH\"]\n")
	pk.WriteString("[pihak_pertama]\nnama = \"Budi Santoso\"\nnip = \"19740309 199311 1 001\"\njabatan = \"Kepala Dinas\"\nunit_kerja = \"Dinas Uji\"\n")
	pk.WriteString("[pihak_kedua]\nnama = \"Siti Aminah\"\njabatan = \"Gubernur\"\n[capaian]\n")
	for i := range bands {
		pk.WriteString("[[capaian.kategori]]\n")
		if i < bands-1 {
			fmt.Fprintf(&pk, "min = %d\n", 100-5*i)
		}
		fmt.Fprintf(&pk, "nama = \"Kategori Nomor %d\"\n", i+1)
	}
	real.WriteString("pk = \"pk.toml\"\ntriwulan = 1\n")
	for g := range groups {
		fmt.Fprintf(&pk, "[[sasaran]]\nkelompok = \"Kelompok %d\"\nuraian = \"Sasaran %d\"\n", g+1, g+1)
		fmt.Fprintf(&pk, "[[sasaran.indikator]]\nkode = \"IK-%d\"\nuraian = \"Indikator\"\ntarget = { tw1 = 10, tw2 = 10, tw3 = 10, tw4 = 10, tahunan = 10 }\n", g+1)
		fmt.Fprintf(&real, "[[realisasi]]\nkode = \"IK-%d\"\ntw = { tw1 = %d }\n", g+1, g%12)
	}
	return fstest.MapFS{"pk.toml": {Data: []byte(pk.String())}, "pk-tw1.toml": {Data: []byte(real.String())}}
}

// check of a realisasi report lays its annex out: five bands (which once
// crashed pkgen capaian after passing check) pass, and a summary that
// cannot be laid out fails check as it fails capaian.
func TestCheckLaysOutTheAnnexSummary(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		bands, groups int
		ok            bool
	}{{5, 3, true}, {8, 3, true}, {12, 3, true}, {12, 40, false}} {
		fsys := bandsFS(c.bands, c.groups)
		if _, err := Check(Input{FS: fsys, Name: "pk.toml"}, Options{}); err != nil {
			t.Fatalf("%d bands: the PK fails check: %v", c.bands, err)
		}
		_, err := Check(Input{FS: fsys, Name: "pk-tw1.toml"}, Options{})
		_, capErr := RenderCapaian(Input{FS: fsys, Name: "pk-tw1.toml"}, CapaianOptions{})
		if c.ok {
			if err != nil || capErr != nil {
				t.Errorf("%d bands, %d groups: check %v, capaian %v; want both to pass", c.bands, c.groups, err, capErr)
			}
			continue
		}
		var le *render.LayoutError
		if !errors.As(err, &le) || capErr == nil {
			t.Errorf("%d bands, %d groups: check %v, capaian %v; want both to fail with the summary's LayoutError", c.bands, c.groups, err, capErr)
		}
	}
}
