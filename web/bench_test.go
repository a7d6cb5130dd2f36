package web

import (
	"bytes"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"

	"pkgen/internal/testutil"
)

// BenchmarkDaftar200 lists a folder of 200 PKs (the seed, each with its
// own year and unit): cold, every one checked as pkgen check does, then
// the page; warm, the checks kept from the previous listing (nothing
// changed on disk).
func BenchmarkDaftar200(b *testing.B) {
	dir := b.TempDir()
	text := testutil.ReadFile(b, testutil.Example(b, seed))
	for i := range 200 {
		doc := bytes.Replace(text, []byte("tahun = 2023"), fmt.Appendf(nil, "tahun = %d", 2000+i%100), 1)
		doc = bytes.Replace(doc, []byte(`unit_kerja = "Kota Administrasi Jakarta Pusat"`), fmt.Appendf(nil, `unit_kerja = "Unit %d"`, i), 1)
		testutil.WriteFile(b, filepath.Join(dir, fmt.Sprintf("pk-%03d.toml", i)), doc)
	}
	list := func(h *harness) {
		if w := h.request("GET", "/", nil); w.Code != http.StatusOK || bytes.Count(w.Body.Bytes(), []byte("<tr data-cari")) != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			list(newHarness(b, dir))
		}
	})
	b.Run("warm", func(b *testing.B) {
		h := newHarness(b, dir)
		list(h)
		b.ReportAllocs()
		for b.Loop() {
			list(h)
		}
	})
}

// BenchmarkPeriksaSeed is the round trip of the editor's Periksa for the
// seed: the request, the check of the unsaved text, the JSON answer.
func BenchmarkPeriksaSeed(b *testing.B) {
	h := newHarness(b, workspace(b))
	text := testutil.ReadFile(b, filepath.Join(h.dir, seed))
	b.ReportAllocs()
	for b.Loop() {
		if w := h.request("POST", "/api/periksa?berkas="+seed, text); w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkPratinjauSeed is the preview's refresh for the seed: the PDF
// of the unsaved text, in memory.
func BenchmarkPratinjauSeed(b *testing.B) {
	h := newHarness(b, workspace(b))
	text := testutil.ReadFile(b, filepath.Join(h.dir, seed))
	b.ReportAllocs()
	for b.Loop() {
		if w := h.request("POST", "/api/pratinjau?berkas="+seed, text); w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
