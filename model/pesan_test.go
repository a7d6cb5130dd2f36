package model

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pkgen/pesan"
)

// sameProblems compares problem lists: Problem holds its message's
// arguments (Args []any), so it is not comparable with ==.
func sameProblems(a, b Problems) bool {
	return slices.EqualFunc(a, b, func(x, y Problem) bool { return reflect.DeepEqual(x, y) })
}

// corpusProblems is every problem of the invalid corpus and the realisasi
// corpus.
func corpusProblems(t *testing.T) Problems {
	t.Helper()
	var all Problems
	files, _ := filepath.Glob("testdata/invalid/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, probs := Parse(f, data)
		all = append(all, probs...)
	}
	files, _ = filepath.Glob("testdata/realisasi/*.toml")
	for _, f := range files {
		_, probs, err := loadRealisasiPath(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, probs...)
	}
	if len(all) < 100 {
		t.Fatalf("only %d problems in the corpora", len(all))
	}
	return all
}

// Every problem carries its catalogue message, which renders in Indonesian
// exactly as Msg (so String, the goldens' text, is unchanged) and in
// English without a formatting slip or an untranslated key.
func TestProblemsTranslate(t *testing.T) {
	t.Parallel()
	en := pesan.NewPrinter(pesan.Inggris)
	for _, p := range corpusProblems(t) {
		if p.Key == "" {
			t.Errorf("%s: no catalogue key", p)
			continue
		}
		if got := p.In(pesan.ID); got != p.String() {
			t.Errorf("Indonesian rendering differs from String:\n got %s\nwant %s", got, p)
		}
		if got := pesan.ID.Sprintf(p.Key, p.Args...); got != p.Msg {
			t.Errorf("key and args do not give Msg:\n got %s\nwant %s", got, p.Msg)
		}
		e := p.In(en)
		if strings.Contains(e, "%!") {
			t.Errorf("English formatting slip: %s", e)
		}
		if p.Text(en) == p.Msg && en.Text(p.Key) == p.Key {
			t.Errorf("no English for %q", p.Key)
		}
		if p.Severity == Peringatan && !strings.Contains(e, ": warning: ") {
			t.Errorf("English warning not marked: %s", e)
		}
	}
}

// Errors of the value parsers are catalogue messages too, in English with
// their arguments.
func TestErrorsTranslate(t *testing.T) {
	t.Parallel()
	en := pesan.NewPrinter(pesan.Inggris)
	_, err := ParseNilai("86,75")
	if err == nil {
		t.Fatal("no error")
	}
	if got, want := err.Error(), `angka "86,75" ditulis sebagai teks; tulis tanpa tanda kutip (mis. 86.75)`; got != want {
		t.Errorf("Indonesian %q, want %q", got, want)
	}
	if got := en.Error(err); !strings.Contains(got, `"86,75"`) || strings.Contains(got, "ditulis") {
		t.Errorf("English %q", got)
	}
	_, err = parseNIP("19740309199311100")
	if got := en.Error(err); !strings.Contains(got, "18 digits") {
		t.Errorf("NIP error in English: %q", got)
	}
	// A type name inside a message is a catalogue word as well.
	_, probs := Parse("a.toml", []byte("tahun = \"2023\"\n"))
	if got := probs[0].In(en); got != "a.toml:1: tahun: must be an integer without quotes, not text" {
		t.Errorf("English problem %q", got)
	}
}

func TestBedaTranslates(t *testing.T) {
	t.Parallel()
	en := pesan.NewPrinter(pesan.Inggris)
	for _, c := range []struct {
		b      Beda
		id, en string
	}{
		{Beda{Jenis: Ditambah, Kode: "IK-09", Nama: "Indeks"}, "+ IK-09 ditambah: Indeks", "+ IK-09 added: Indeks"},
		{Beda{Jenis: Dihapus, Kode: "IK-03", Nama: "Indeks"}, "- IK-03 dihapus: Indeks", "- IK-03 removed: Indeks"},
		{Beda{Jenis: Diubah, Kode: "IK-01", Bidang: "target.tw4", Lama: "86.75", Baru: "87.5"}, "~ IK-01 target.tw4: 86.75 → 87.5", "~ IK-01 target.tw4: 86.75 → 87.5"},
		{Beda{Jenis: Diubah, Bidang: "pihak_kedua.nip", Baru: "1"}, "~ pihak_kedua.nip: (kosong) → 1", "~ pihak_kedua.nip: (empty) → 1"},
	} {
		if got := c.b.String(); got != c.id {
			t.Errorf("String %q, want %q", got, c.id)
		}
		if got := c.b.In(en); got != c.en {
			t.Errorf("In(en) %q, want %q", got, c.en)
		}
	}
}
