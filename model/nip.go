package model

import (
	"strconv"
	"strings"
	"time"

	"pkgen/pesan"
)

// parseNIP checks an 18-digit NIP: birth date (8), appointment year and
// month (6), sex (1), sequence (3). It may be written plain or grouped the
// printed way, "19740309 199311 1 001". It returns the digits only.
func parseNIP(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", pesan.Errorf("NIP kosong; hapus kunci nip untuk pejabat tanpa NIP")
	}
	digits := strings.ReplaceAll(t, " ", "")
	for _, r := range digits {
		if r < '0' || r > '9' {
			return "", pesan.Errorf("NIP %q hanya boleh berisi angka (dan spasi pengelompokan \"19740309 199311 1 001\")", t)
		}
	}
	if len(digits) != 18 {
		return "", pesan.Errorf("NIP %q harus 18 angka, bukan %d", t, len(digits))
	}
	if strings.Contains(t, " ") {
		groups := strings.Fields(t)
		if len(groups) != 4 || len(groups[0]) != 8 || len(groups[1]) != 6 || len(groups[2]) != 1 || len(groups[3]) != 3 {
			return "", pesan.Errorf("NIP %q dikelompokkan salah; tulis rapat (18 angka) atau seperti \"19740309 199311 1 001\"", t)
		}
	}
	birth, err := time.Parse("20060102", digits[:8])
	if err != nil || birth.Year() < 1940 {
		return "", pesan.Errorf("NIP %q: 8 angka pertama harus tanggal lahir yang mungkin (TTTTBBHH), bukan %s", t, digits[:8])
	}
	year, _ := strconv.Atoi(digits[8:12])
	month, _ := strconv.Atoi(digits[12:14])
	if month < 1 || month > 12 {
		return "", pesan.Errorf("NIP %q: angka 13–14 harus bulan pengangkatan 01–12, bukan %s", t, digits[12:14])
	}
	if year < birth.Year()+15 {
		return "", pesan.Errorf("NIP %q: tahun pengangkatan %d tidak mungkin untuk kelahiran %d; pengangkatan paling cepat pada usia 15 tahun (%d)", t, year, birth.Year(), birth.Year()+15)
	}
	if year > 2100 {
		return "", pesan.Errorf("NIP %q: angka 9–12 harus tahun pengangkatan, bukan %d", t, year)
	}
	if digits[14] != '1' && digits[14] != '2' {
		return "", pesan.Errorf("NIP %q: angka ke-15 (jenis kelamin) harus 1 atau 2, bukan %c", t, digits[14])
	}
	if digits[15:] == "000" {
		return "", pesan.Errorf("NIP %q: nomor urut (3 angka terakhir) tidak boleh 000", t)
	}
	return digits, nil
}

// GroupNIP prints a NIP the official way: "19740309 199311 1 001".
func GroupNIP(nip string) string {
	if len(nip) != 18 {
		return nip
	}
	return nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
}
