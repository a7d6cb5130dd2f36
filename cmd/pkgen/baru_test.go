package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pkgen"
	"pkgen/internal/testutil"
	"pkgen/model"
	"pkgen/templates/baru"
)

// TestBaruSetiapBentuk writes every shape's starting file, which must load
// without errors or warnings and lay out with its lampiran; a second write
// to the same name is refused and changes nothing.
func TestBaruSetiapBentuk(t *testing.T) {
	dir := t.TempDir()
	shapes := baru.Bentuk()
	if want := []string{"beberapa-tabel", "dki", "eselon2", "eselon3", "eselon4", "kementerian-eselon1", "kementerian-eselon2", "kepala-daerah", "unit-vertikal"}; strings.Join(shapes, ",") != strings.Join(want, ",") {
		t.Fatalf("bentuk %v, seharusnya %v", shapes, want)
	}
	for _, b := range shapes {
		t.Run(b, func(t *testing.T) {
			out := filepath.Join(dir, b+".toml")
			if code, _, errOut := runCLI("baru", "--bentuk", b, "-o", out, "--tahun", "2026"); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			doc, probs, err := model.Load(testutil.Rooted(out))
			if err != nil || doc == nil || len(probs) > 0 {
				t.Fatalf("tidak bersih: %v %v", err, probs)
			}
			if doc.Tahun != 2026 {
				t.Errorf("tahun %d", doc.Tahun)
			}
			fsys, name := testutil.Rooted(out)
			pk, err := pkgen.RenderPK(pkgen.Input{FS: fsys, Name: name}, pkgen.Options{})
			if err != nil || len(pk.Layout.Pages) < 2 {
				t.Fatalf("layout: %v", err)
			}
			before, _ := os.ReadFile(out)
			code, _, errOut := runCLI("baru", "--bentuk", b, "-o", out)
			if code != exitInvalid || !strings.Contains(errOut, "sudah ada") {
				t.Errorf("menimpa: exit %d: %s", code, errOut)
			}
			if after, _ := os.ReadFile(out); string(after) != string(before) {
				t.Error("berkas yang ada berubah")
			}
		})
	}
}

func TestBaruPemakaian(t *testing.T) {
	old := now
	now = func() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }
	defer func() { now = old }()
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"baru"}, exitUsage, "sebutkan --bentuk"},
		{[]string{"baru", "--bentuk", "eselon5"}, exitUsage, `bentuk "eselon5" tidak dikenal`},
		{[]string{"baru", "--bentuk", "../dki"}, exitUsage, "tidak dikenal"},
		{[]string{"baru", "--bentuk", "dki", "pk.toml"}, exitUsage, "ditulis dengan -o"},
		{[]string{"baru", "--bentuk", "dki", "--tahun", "1999"}, exitUsage, "di luar rentang"},
		{[]string{"baru", "--bentuk", "kepala-daerah", "-o", "-"}, exitOK, "tahun = 2027"},
		{[]string{"help", "baru"}, exitOK, "--bentuk BENTUK"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.out) {
			t.Errorf("pkgen %v: exit %d (seharusnya %d), keluaran tanpa %q:\n%s%s", c.args, code, c.code, c.out, out, errOut)
		}
	}
}

// TestBaruDirektifSkema: the #:schema line points at pkgen's schema/ when
// it is found above the new file, and is left out otherwise.
func TestBaruDirektifSkema(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "schema", "pk.schema.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "pk", "2026")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(sub, "pk.toml")
	if code, _, errOut := runCLI("baru", "--bentuk", "eselon2", "-o", out); code != exitOK {
		t.Fatal(errOut)
	}
	data, _ := os.ReadFile(out)
	if first, _, _ := strings.Cut(string(data), "\n"); first != "#:schema ../../schema/pk.schema.json" {
		t.Errorf("baris pertama %q", first)
	}
	if got := replaceSchemaDirective("#:schema x\ntahun = 1\n", t.TempDir(), "tidak-ada.schema.json"); got != "tahun = 1\n" {
		t.Errorf("tanpa skema: %q", got)
	}
}
