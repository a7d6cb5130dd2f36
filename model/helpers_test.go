package model

import "pkgen/internal/testutil"

func loadPath(path string) (*Document, Problems, error) {
	return Load(testutil.Rooted(path))
}

func loadRealisasiPath(path string) (*Laporan, Problems, error) {
	return LoadRealisasi(testutil.Rooted(path))
}
