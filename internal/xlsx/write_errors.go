package xlsx

import "pkgen/pesan"

func errStyle(id int) error { return pesan.Errorf("xlsx: gaya sel %d tidak ada", id) }

func errWidth(col int, w float64) error {
	return pesan.Errorf("xlsx: lebar kolom %d (%g) harus 0 sampai 255 karakter", col, w)
}

func errHeight(row int, h float64) error {
	return pesan.Errorf("xlsx: tinggi baris %d (%g) harus 0 sampai 409 poin", row, h)
}

func errChart(sheet string) error {
	return pesan.Errorf("xlsx: lembar %q sudah mempunyai grafik", sheet)
}
