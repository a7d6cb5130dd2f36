package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"pkgen/internal/testutil"
)

// roundTripFiles are every example and the schema's file with every key.
func roundTripFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(testutil.Example(t, "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return append(files, "../schema/testdata/lengkap.toml")
}

// notKept clears what EncodePK documents as not written.
func notKept(d *Document) {
	d.File, d.Raw = "", nil
	if d.Perubahan != nil {
		d.Perubahan.Asal = nil
	}
}

// TestEncodePKRoundTrip: every example PK, encoded and parsed again, is the
// same Document, and encoding it again gives the same bytes.
func TestEncodePKRoundTrip(t *testing.T) {
	t.Parallel()
	n := 0
	for _, f := range roundTripFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if IsRealisasi(data) {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, probs := Parse(f, data)
			if orig == nil {
				t.Fatalf("does not parse: %v", probs.Errors())
			}
			assertPKRoundTrip(t, orig, "Dibuat oleh pkgen impor.")
		})
	}
	if n < 5 {
		t.Errorf("only %d PK examples", n)
	}
}

func assertPKRoundTrip(t *testing.T, orig *Document, header string) {
	t.Helper()
	out := EncodePK(orig, header)
	back, probs := Parse("encoded.toml", out)
	if back == nil {
		t.Fatalf("encoded text does not parse: %v\n%s", probs.Errors(), out)
	}
	if again := EncodePK(back, header); !bytes.Equal(again, out) {
		t.Errorf("encoding is not stable:\n%s\n---\n%s", out, again)
	}
	notKept(orig)
	notKept(back)
	if !reflect.DeepEqual(orig, back) {
		t.Errorf("differs after encoding: %s\n%s", firstDiff("doc", reflect.ValueOf(orig), reflect.ValueOf(back)), out)
	}
}

// TestEncodePKText: text the TOML syntax gives a meaning to (quotes,
// backslashes, the closing quotes of multi-line text inside Markdown)
// comes back unchanged; control characters are TestTOMLQuote's.
func TestEncodePKText(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../schema/testdata/lengkap.toml")
	if err != nil {
		t.Fatal(err)
	}
	doc, probs := Parse("lengkap.toml", data)
	if doc == nil {
		t.Fatal(probs.Errors())
	}
	doc.Tempat = `Kota "Contoh" \ Barat`
	doc.Instansi.Kop = append(doc.Instansi.Kop, KopBaris{Teks: "ÉÈ – “kutip” ’ ½", Gaya: KopNama})
	ind := &doc.Sasaran[0].Indikator[0]
	ind.Pengukuran = "Rumus ''' di dalam teks\n\n- butir satu\n- butir dua"
	ind.Uraian = `Uraian dengan \n harfiah dan 'kutip'`
	doc.Sasaran[0].Uraian = "Sasaran\u00a0dengan spasi keras"
	if len(doc.Sasaran[0].Indikator) > 1 {
		doc.Sasaran[0].Indikator[1].Pengukuran = "Dua baris\ndengan \\ dan \"kutip\""
	}
	assertPKRoundTrip(t, doc, "#:schema ../schema/pk.schema.json\nDibuat oleh uji.")
	if out := EncodePK(doc, "#:schema x.json\nbaris kedua"); !strings.HasPrefix(string(out), "#:schema x.json\n# baris kedua\n\n") {
		t.Errorf("header: %q", out[:40])
	}
}

// TestEncodeRealisasiRoundTrip: every example realisasi report, encoded and
// parsed again against its PK, is the same report.
func TestEncodeRealisasiRoundTrip(t *testing.T) {
	t.Parallel()
	n := 0
	for _, f := range roundTripFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !IsRealisasi(data) {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, probs, err := loadRealisasiPath(f)
			if err != nil || orig == nil {
				t.Fatalf("does not load: %v %v", err, probs.Errors())
			}
			out := EncodeRealisasi(orig, "")
			back, probs := ParseRealisasi("encoded.toml", out, orig.Dokumen)
			if back == nil {
				t.Fatalf("encoded text does not parse: %v\n%s", probs.Errors(), out)
			}
			if again := EncodeRealisasi(back, ""); !bytes.Equal(again, out) {
				t.Errorf("encoding is not stable:\n%s\n---\n%s", out, again)
			}
			for _, l := range []*Laporan{orig, back} {
				l.File, l.Raw, l.Dokumen = "", nil, nil
			}
			if !reflect.DeepEqual(orig, back) {
				t.Errorf("differs after encoding: %s\n%s", firstDiff("laporan", reflect.ValueOf(orig), reflect.ValueOf(back)), out)
			}
		})
	}
	if n < 2 {
		t.Errorf("only %d realisasi examples", n)
	}
}

// firstDiff names the first difference between two values, for messages.
func firstDiff(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return path
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one is nil"
			}
			return ""
		}
		return firstDiff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if d := firstDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d ≠ %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := firstDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: %#v ≠ %#v", path, a.Interface(), b.Interface())
	}
	return ""
}

// TestTOMLQuote: every character, control characters included, reads back
// from a basic string as written, and from a multi-line one when it can
// hold it; a key that is not bare is quoted.
func TestTOMLQuote(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	for r := rune(0); r < 0x250; r++ {
		all.WriteRune(r)
	}
	for _, s := range []string{"", all.String(), `\u00e9 \\n ` + "''' \"\"\"", "🙂\u2028\ufeff", "satu\n\tdua"} {
		var v struct{ K string }
		if _, err := toml.Decode("k = "+tomlQuote(s), &v); err != nil || v.K != s {
			t.Errorf("%q: read back %q (%v)", s, v.K, err)
		}
		if m, ok := tomlMultiline(s); ok {
			v.K = ""
			if _, err := toml.Decode("k = "+m, &v); err != nil || v.K != s+"\n" {
				t.Errorf("%q as multi-line text: read back %q (%v)", s, v.K, err)
			}
		}
	}
	for _, k := range []string{"biasa", "dua kata", "titik.di.dalam", `ku"tip`, ""} {
		var v map[string]map[string]map[string]int
		if _, err := toml.Decode("[s."+tomlKey(k)+"]\nx = 1\n", &v); err != nil || v["s"][k]["x"] != 1 {
			t.Errorf("key %q: %v %v", k, v, err)
		}
	}
}
