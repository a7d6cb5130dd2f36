package pesan

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParse(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]string{
		"en": "en", "EN": "en", "en_US.UTF-8": "en", "en-GB": "en", "en_IE@euro": "en",
		"id": "id", "id_ID.UTF-8": "id", "in": "id",
		"fr_FR.UTF-8": "", "C": "", "POSIX": "", "C.UTF-8": "", "": "", "xx-!": "",
	} {
		tag, ok := Parse(s)
		if got := map[bool]string{true: tag.String(), false: ""}[ok]; got != want {
			t.Errorf("Parse(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  map[string]string
		want language.Tag
	}{
		{nil, Indonesia},
		{map[string]string{"LANG": "en_US.UTF-8"}, Inggris},
		{map[string]string{"LC_MESSAGES": "en_US", "LANG": "id_ID"}, Inggris},
		{map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, Indonesia},
		{map[string]string{"LC_ALL": "en", "LC_MESSAGES": "id", "LANG": "id"}, Inggris},
		{map[string]string{"LANG": "de_DE.UTF-8"}, Indonesia},
	} {
		if got := FromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
}

func TestPrinter(t *testing.T) {
	t.Parallel()
	en := NewPrinter(language.MustParse("en-AU"))
	if en.Lang() != Inggris || NewPrinter(language.French).Lang() != Indonesia || (*Printer)(nil).Lang() != Indonesia {
		t.Error("the printer's language")
	}
	// Numbers are fmt's in both languages: no "2.023" or "2,023".
	if got := ID.Sprintf("tahun %d di luar rentang 2000–2100", 2023); got != "tahun 2023 di luar rentang 2000–2100" {
		t.Errorf("Indonesian %q", got)
	}
	if got := en.Sprintf("tahun %d di luar rentang 2000–2100", 2023); got != "year 2023 outside the range 2000–2100" {
		t.Errorf("English %q", got)
	}
	// A key missing from the catalogue is its own format and text.
	if got := en.Sprintf("belum ada %d", 1); got != "belum ada 1" {
		t.Errorf("missing key %q", got)
	}
	if got := en.Text("tidak ada"); got != "tidak ada" {
		t.Errorf("missing text %q", got)
	}
	// Arguments that are messages follow the printer's language.
	m := M("harus teks dalam tanda kutip, bukan %s", M("bilangan bulat"))
	if m.String() != "harus teks dalam tanda kutip, bukan bilangan bulat" || m.In(en) != "must be text in quotes, not integer" {
		t.Errorf("nested message: %q, %q", m.String(), m.In(en))
	}
	if (Pesan{}).In(en) != "" || (Pesan{}).Error() != "" {
		t.Error("the zero message is not empty")
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	en := NewPrinter(Inggris)
	err := Errorf("NIP %q harus 18 angka, bukan %d", "123", 3)
	if err.Error() != `NIP "123" harus 18 angka, bukan 3` {
		t.Errorf("Indonesian %q", err)
	}
	if got := en.Error(err); got != `NIP "123" must have 18 digits, not 3` {
		t.Errorf("English %q", got)
	}
	// Wrapped with a prefix (a file name), the message part is translated.
	wrapped := fmt.Errorf("pk.toml: %w", err)
	if got := en.Error(wrapped); got != `pk.toml: NIP "123" must have 18 digits, not 3` {
		t.Errorf("wrapped %q", got)
	}
	if _, ok := Of(wrapped); ok {
		t.Error("Of took a message with a prefix for the message")
	}
	if m, ok := Of(fmt.Errorf("%w", err)); !ok || m.Key != "NIP %q harus 18 angka, bukan %d" {
		t.Errorf("Of: %v %v", m, ok)
	}
	// As an argument of a message, an error is translated too.
	if got := en.Sprintf("berkas PK %q tidak dapat dibaca: %v", "a.toml", wrapped); !strings.HasSuffix(got, "cannot be read: pk.toml: NIP \"123\" must have 18 digits, not 3") {
		t.Errorf("error argument %q", got)
	}
	// A sentinel made by Errorf is found by errors.Is.
	sentinel := Errorf("sudah ada")
	if !errors.Is(fmt.Errorf("x.toml %w", sentinel), sentinel) || errors.Is(Errorf("sudah ada"), sentinel) {
		t.Error("errors.Is on an Errorf sentinel")
	}
	if got := en.Error(errors.New("open x: no such file")); got != "open x: no such file" {
		t.Errorf("a foreign error %q", got)
	}
}

func TestProcessPrinter(t *testing.T) {
	defer Use(Indonesia)
	var b strings.Builder
	Use(Inggris)
	Fprintf(&b, "%d perubahan\n", 3)
	Fprint(&b, "bantuan")
	if b.String() != "3 change(s)\nhelp" {
		t.Errorf("English process printer: %q", b.String()[:60])
	}
	Use(language.MustParse("id-ID"))
	if Current() != ID || Sprintf("%d perubahan\n", 3) != "3 perubahan\n" || Text("bantuan") != "bantuan" {
		t.Error("Indonesian process printer")
	}
}
