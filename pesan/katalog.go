package pesan

import (
	"fmt"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// entri is one message: its key, which is its Indonesian format string as
// the code uses it, and its English.
type entri struct {
	id, en string
}

// entries are the message lists, one per package with user-facing text
// (pesan/katalog_<package>.go); a package joins by adding its list here
// (see TestNoUncataloguedMessages).
var entries = [][]entri{
	pesanModel,
	pesanCLI,
	pesanFiles,
	pesanSpreadsheet,
	pesanTemplates,
	pesanRender,
	pesanPkgen,
	pesanWeb,
	pesanWebRealisasi,
	pesanWebSheet,
	pesanWebPerubahan,
	pesanPohon,
	pesanKaskade,
	pesanDOCX,
	pesanWarna,
	pesanFormKaskade,
	pesanXLSXWrite,
}

// katalog is the catalogue: every entri of entries, in both languages.
// (The command's help texts are its own, embedded in cmd/pkgen.) It is
// built on first use, not at start-up: building it takes about 2 ms, and
// many runs (pkgen version, a render that prints nothing) never look a
// message up.
var katalog = sync.OnceValue(build)

func build() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(Indonesia))
	set := func(tag language.Tag, key, s string) {
		if err := b.SetString(tag, key, s); err != nil {
			// A text the catalogue would interpret (a "${…}"); the
			// catalogue test names it.
			panic(fmt.Sprintf("pesan: %q: %v", key, err))
		}
	}
	for _, list := range entries {
		for _, e := range list {
			set(Indonesia, e.id, e.id)
			set(Inggris, e.id, e.en)
		}
	}
	return b
}

// lookup finds key's text in one language of the catalogue. (Printer.Text
// needs it only for English: every key is its own Indonesian text.)
func lookup(tag language.Tag, key string) (string, bool) {
	var r mentah
	if err := katalog().Context(tag, &r).Execute(key); err != nil {
		return "", false
	}
	return r.s, true
}

// mentah receives a catalogue message as its raw text (the catalogue's
// renderer interface): pkgen formats with fmt, see the package comment.
type mentah struct{ s string }

func (r *mentah) Render(s string) { r.s += s }
func (r *mentah) Arg(int) any     { return nil }
