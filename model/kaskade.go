package model

import "fmt"

// This file reads the cascade's keys: pk_induk (the PK of the level
// above), mendukung (the induk's indicators a sasaran or an indicator
// supports) and agregasi_kaskade. What they point to is checked by package
// kaskade, which sees the other files; here only their shape.

// pkInduk reads pk_induk: a path relative to this file. Where it leads
// (inside the root folder, as perubahan.mengubah) is checked by package
// kaskade, which knows the file's place in the folder.
func (d *decoder) pkInduk(t *tbl) string {
	ref := t.str("pk_induk", false)
	if _, given := t.m["pk_induk"]; given && ref == "" && !d.hasFailed("pk_induk") {
		d.errf("pk_induk", "tidak boleh kosong: tulis berkas PK atasan, mis. \"dinas-kesehatan-2024.toml\", atau hapus kunci ini")
	}
	return ref
}

// mendukung reads a list of the induk's indicator kode.
func (d *decoder) mendukung(t *tbl) []string {
	if _, given := t.m["mendukung"]; !given {
		return nil
	}
	path := t.keyPath("mendukung")
	kodes := t.strs("mendukung", false)
	if len(kodes) == 0 {
		kodes = nil
	}
	if d.hasFailed(path) {
		return kodes
	}
	seen := map[string]bool{}
	for i, k := range kodes {
		ep := fmt.Sprintf("%s[%d]", path, i+1)
		switch {
		case k == "":
			d.errf(ep, "kode kosong: tulis kode indikator PK induk, mis. \"IK-01\"")
		case seen[k]:
			d.warnf(ep, "kode %q disebut dua kali", k)
		}
		seen[k] = true
	}
	return kodes
}

// checkKaskade warns about cascade keys that have no effect.
func (d *decoder) checkKaskade(doc *Document) {
	if doc.PKInduk != "" || d.hasFailed("pk_induk") {
		return
	}
	for i, s := range doc.Sasaran {
		sp := fmt.Sprintf("sasaran[%d]", i+1)
		if len(s.Mendukung) > 0 {
			d.warnf(sp+".mendukung", "tidak berpengaruh tanpa pk_induk: tulis pk_induk (berkas PK atasan) di awal berkas")
		}
		for j, ind := range s.Indikator {
			if len(ind.Mendukung) > 0 {
				d.warnf(fmt.Sprintf("%s.indikator[%d].mendukung", sp, j+1), "tidak berpengaruh tanpa pk_induk: tulis pk_induk (berkas PK atasan) di awal berkas")
			}
		}
	}
}
