package pkgen

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/render/pdf"
	"pkgen/spreadsheet"
)

func example(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// printed reports whether the layout prints s.
func printed(pk *PK, s string) bool {
	for _, p := range pk.Layout.Pages {
		for _, tx := range p.Texts {
			if strings.Contains(tx.S, s) {
				return true
			}
		}
	}
	return false
}

// With the file swapped between two versions while rendering, every PDF
// embeds the very bytes it prints: the input is read once.
func TestReadOnceUnderSwap(t *testing.T) {
	t.Parallel()
	base := example(t, "kabupaten-contoh-bidang-2024.toml")
	const nameA, nameB = "Kotaalfa", "Kotabeta"
	const line = `tempat = "Sukamulya"`
	if !bytes.Contains(base, []byte(line)) {
		t.Fatal("example lacks " + line)
	}
	versions := [][]byte{
		bytes.Replace(base, []byte(line), []byte(`tempat = "`+nameA+`"`), 1),
		bytes.Replace(base, []byte(line), []byte(`tempat = "`+nameB+`"`), 1),
	}
	dir := t.TempDir()
	for i, v := range versions {
		if err := os.WriteFile(filepath.Join(dir, "v"+string(rune('0'+i))), v, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "pk.toml")
	if err := os.WriteFile(in, versions[0], 0o644); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; !stop.Load(); i++ {
			// Copy a version in under another name, then rename it over
			// the input, as editors save.
			tmp := filepath.Join(dir, "tmp")
			if err := os.WriteFile(tmp, versions[i%2], 0o644); err == nil {
				os.Rename(tmp, in)
			}
		}
	})
	defer func() { stop.Store(true); wg.Wait() }()
	seen := map[string]int{}
	for range 24 {
		pk, err := RenderPK(Input{FS: os.DirFS(dir), Name: "pk.toml"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		srcs, _, err := pdf.ReadSources(pk.PDF)
		if err != nil || len(srcs) != 1 {
			t.Fatalf("sources %v: %v", srcs, err)
		}
		want, other := nameA, nameB
		if bytes.Contains(srcs[0].Data, []byte(nameB)) {
			want, other = nameB, nameA
		}
		seen[want]++
		if !printed(pk, want) || printed(pk, other) {
			t.Errorf("the PDF embeds the version with %q but prints otherwise", want)
		}
		if !bytes.Equal(srcs[0].Data, pk.Doc.Raw) {
			t.Error("embedded bytes differ from the bytes parsed")
		}
	}
	t.Logf("versions rendered: %v", seen)
}

// WriteSources writes all or nothing, never through a symbolic link, and
// refuses names that are not plain relative paths.
func TestWriteSources(t *testing.T) {
	t.Parallel()
	good := pdf.Source{Name: "a.toml", Data: []byte("a")}
	cases := []struct {
		name  string
		srcs  []pdf.Source
		setup func(t *testing.T, dir, outside string)
		want  string
	}{
		{"control character", []pdf.Source{good, {Name: "b\x1b[2J.toml"}}, nil, "karakter kendali"},
		{"absolute", []pdf.Source{good, {Name: "/etc/x.toml"}}, nil, "bukan jalur relatif"},
		{"parent", []pdf.Source{good, {Name: "../x.toml"}}, nil, "bukan jalur relatif"},
		{"too deep", []pdf.Source{good, {Name: strings.Repeat("d/", 2100) + "x.toml"}}, nil, "bersarang"},
		{"existing", []pdf.Source{good, {Name: "b.toml"}}, func(t *testing.T, dir, _ string) {
			testutil.WriteFile(t, filepath.Join(dir, "b.toml"), []byte("kept"))
		}, "sudah ada"},
		{"symlink folder", []pdf.Source{good, {Name: "sub/x.toml"}}, func(t *testing.T, dir, outside string) {
			if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, "tautan simbolik"},
		{"duplicate", []pdf.Source{good, {Name: "a.toml", Data: []byte("other")}}, nil, "sudah ada"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, outside := t.TempDir(), t.TempDir()
			if c.setup != nil {
				c.setup(t, dir, outside)
			}
			before := listing(t, dir)
			_, err := WriteSources(dir, c.srcs)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want %q", err, c.want)
			}
			if after := listing(t, dir); after != before {
				t.Errorf("folder changed:\n%s\nto\n%s", before, after)
			}
			if l := listing(t, outside); l != "" {
				t.Errorf("written outside: %s", l)
			}
		})
	}
	dir := t.TempDir()
	written, err := WriteSources(dir, []pdf.Source{good, {Name: "2023/pk.toml", Data: []byte("pk")}})
	if err != nil || len(written) != 2 {
		t.Fatal(written, err)
	}
	if l := listing(t, dir); l != "2023/\n2023/pk.toml 2\na.toml 1\n" {
		t.Errorf("listing:\n%s", l)
	}
	var exist *ExistsError
	if _, err := WriteSources(dir, []pdf.Source{good}); !errors.As(err, &exist) {
		t.Errorf("second write: %v", err)
	}
}

// listing lists a folder's files and sizes, hidden ones included.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			b.WriteString(filepath.ToSlash(rel) + "/\n")
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b.WriteString(filepath.ToSlash(rel) + " " + strconv.FormatInt(info.Size(), 10) + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A realisasi workbook names its PK; importing it may not read a file
// outside the folder the TOML goes to.
func TestImportPKInsideFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testutil.WriteFile(t, filepath.Join(dir, "pk.toml"), example(t, "jakarta-pusat-2023.toml"))
	pk, _, err := LoadPK(Input{FS: os.DirFS(dir), Name: "pk.toml"})
	if err != nil || pk == nil {
		t.Fatal(err)
	}
	header := func(bool) string { return "test" }
	for ref, want := range map[string]string{
		"pk.toml":        "",
		"../pk.toml":     "keluar dari folder akar",
		"/etc/passwd":    "jalur mutlak",
		"tidak-ada.toml": "tidak ditemukan",
	} {
		xlsx, err := spreadsheet.ExportRealisasi(pk, nil, ref)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ImportXLSX(xlsx, os.DirFS(dir), "tw.toml", header)
		switch {
		case want == "" && (err != nil || res.Laporan == nil && len(res.Problems.Errors()) == 0):
			t.Errorf("%s: %v", ref, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: err %v, want %q", ref, err, want)
		}
	}
}
