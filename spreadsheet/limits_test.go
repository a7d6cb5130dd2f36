package spreadsheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime/metrics"
	"strings"
	"testing"

	"pkgen/internal/testutil"
	"pkgen/pesan"
)

// The tests of this file build hostile workbooks in memory, small as files
// and huge once unzipped or laid out, and check that Import refuses them
// with a message that names the limit, within a memory bound, without a
// temporary file. Each bound is far below what the same file cost before
// the limits (noted beside it); none of these tests may run in parallel
// with another, as they measure the process's allocations.

// allocated returns the bytes fn allocates on the heap, in total.
func allocated(fn func()) uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	before := s[0].Value.Uint64()
	fn()
	metrics.Read(s)
	return s[0].Value.Uint64() - before
}

// emptyTemp points the temporary folder at an empty one and returns a
// check that it is still empty.
func emptyTemp(t *testing.T) func() {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return func() {
		t.Helper()
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
}

// part is a ZIP entry's content: written through the ZIP's compressor, or
// given already compressed (raw) to declare a size no test writes out.
type part struct {
	data []byte
	raw  *zip.FileHeader
	body []byte // the compressed bytes of raw
}

// rezip copies a workbook, replacing or adding parts.
func rezip(t *testing.T, x []byte, parts map[string]part) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, p part) {
		if p.raw != nil {
			h := *p.raw
			h.Name = name
			w, err := zw.CreateRaw(&h)
			must(t, err)
			_, err = w.Write(p.body)
			must(t, err)
			return
		}
		w, err := zw.Create(name)
		must(t, err)
		_, err = w.Write(p.data)
		must(t, err)
	}
	done := map[string]bool{}
	for _, f := range zr.File {
		if p, ok := parts[f.Name]; ok {
			put(f.Name, p)
			done[f.Name] = true
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		must(t, err)
		rc, err := f.Open()
		must(t, err)
		_, err = io.Copy(w, rc)
		must(t, err)
		rc.Close()
	}
	for name, p := range parts {
		if !done[name] {
			put(name, p)
		}
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// bomb is a deflated part of n MiB of spaces that takes about n KB: one
// MiB compressed once and repeated (each copy ends on a byte boundary and
// refers only to itself), closed by an empty final block.
func bomb(t *testing.T, n int) part {
	t.Helper()
	mib := bytes.Repeat([]byte(" "), 1<<20)
	var chunk bytes.Buffer
	fw, err := flate.NewWriter(&chunk, flate.BestCompression)
	must(t, err)
	_, err = fw.Write(mib)
	must(t, err)
	must(t, fw.Flush())
	var end bytes.Buffer
	fw, _ = flate.NewWriter(&end, flate.BestCompression)
	must(t, fw.Close())
	body := append(bytes.Repeat(chunk.Bytes(), n), end.Bytes()...)
	crc := uint32(0)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, mib)
	}
	return part{raw: &zip.FileHeader{Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(n) << 20}, body: body}
}

// smallPK is a workbook of a small example, and the part of each sheet.
func smallPK(t *testing.T) ([]byte, map[string]string) {
	t.Helper()
	data, err := os.ReadFile(testutil.Example(t, "kabupaten-contoh-dinas-kesehatan-2024.toml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := ExportPK(parse(t, "x.toml", data))
	if err != nil {
		t.Fatal(err)
	}
	a, err := openArchive(x)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, s := range a.book.Sheets() {
		parts[s.Name] = s.Part
	}
	return x, parts
}

// importHostile imports x and checks the refusal: an error with every
// want, at most maxAlloc bytes allocated, no temporary file left.
func importHostile(t *testing.T, x []byte, maxAlloc uint64, want ...string) {
	t.Helper()
	check := emptyTemp(t)
	var err error
	n := allocated(func() { _, err = Import(x) })
	if err == nil {
		t.Fatal("accepted")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message without %q:\n%v", w, err)
		}
	}
	if n > maxAlloc {
		t.Errorf("allocated %d MB, more than %d MB", n>>20, maxAlloc>>20)
	}
	t.Logf("%d KB on disk, %d MB allocated: %v", len(x)>>10, n>>20, err)
	check()
}

// TestImportZipBomb: parts that unzip past MaxUnzipped are refused before
// any is unzipped. Before the limit, the first (1 MB on disk) was unzipped
// to a 1 GiB temporary file and then read into memory, which ran out under
// a 4 GB limit; the second would take 1 GiB of memory.
func TestImportZipBomb(t *testing.T) {
	x, parts := smallPK(t)
	t.Run("one sheet", func(t *testing.T) {
		importHostile(t, rezip(t, x, map[string]part{parts[SheetLampiran]: bomb(t, 1024)}), 8<<20,
			"isi berkas XLSX lebih dari 64 MB setelah dibuka")
	})
	t.Run("many parts", func(t *testing.T) {
		b := bomb(t, 8)
		many := map[string]part{}
		for i := range 128 {
			many[fmt.Sprintf("xl/media/bom%d.xml", i)] = b
		}
		importHostile(t, rezip(t, x, many), 8<<20, "isi berkas XLSX lebih dari 64 MB setelah dibuka")
	})
	t.Run("many small parts", func(t *testing.T) {
		many := map[string]part{}
		for i := range MaxParts {
			many[fmt.Sprintf("xl/media/p%d.xml", i)] = part{data: []byte("<a/>")}
		}
		importHostile(t, rezip(t, x, many), 8<<20, fmt.Sprintf("lebih dari batas %d", MaxParts))
	})
}

// sheetXML is a worksheet whose sheetData is rows.
func sheetXML(rows string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		rows + `</sheetData></worksheet>`)
}

// TestImportRowAndColumnLimits: a sheet reaching past MaxRows or
// MaxColumns, with values or with empty formatted rows and cells, is
// refused with the sheet's name and the limit. Before the limits, the
// sparse sheet alone (11 KB) made excelize lay out a million rows, 660 MB
// allocated, and a full 1,048,576-row sheet went past 12 GB.
func TestImportRowAndColumnLimits(t *testing.T) {
	x, parts := smallPK(t)
	var dense strings.Builder
	dense.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>kelompok</t></is></c></row>`)
	for r := 2; r <= 100_000; r++ {
		fmt.Fprintf(&dense, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	var wide strings.Builder
	for c := 1; c <= 60; c++ {
		fmt.Fprintf(&wide, `<c><v>%d</v></c>`, c)
	}
	rowMsg := fmt.Sprintf("lembar Lampiran: baris %d melewati batas %d baris per lembar", MaxRows+1, MaxRows)
	cases := []struct {
		name, rows string
		want       string
	}{
		{"one cell at the last row", `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, "lembar Lampiran: baris 1048576 melewati batas 12000 baris"},
		{"an empty formatted row", `<row r="1"><c r="A1" t="inlineStr"><is><t>kelompok</t></is></c></row><row r="20000" s="1" customFormat="1"/>`, "lembar Lampiran: baris 20000 melewati batas 12000 baris"},
		{"rows without numbers", strings.Repeat(`<row><c><v>1</v></c></row>`, MaxRows+5), rowMsg},
		{"100,000 rows", dense.String(), rowMsg},
		{"a cell at the last column", `<row r="1"><c r="XFD1" s="1"/></row>`, "lembar Lampiran: kolom XFD melewati batas 50 kolom per lembar (kolom terakhir yang boleh: AX)"},
		{"60 cells without references", `<row r="1">` + wide.String() + `</row>`, "lembar Lampiran: kolom AY melewati batas 50 kolom"},
		{"one cell written again and again", `<row r="1">` + strings.Repeat(`<c r="A1"><v>1</v></c>`, 100) + `</row>`, "lembar Lampiran: baris 1 berisi lebih dari 50 sel"},
		{"a negative row number", `<row r="-3"/>`, `lembar Lampiran: nomor baris "-3" tidak sah`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			importHostile(t, rezip(t, x, map[string]part{parts[SheetLampiran]: {data: sheetXML(c.rows)}}), 32<<20, c.want)
		})
	}
}

// TestRowsGuard: the sheet's one reading stops at the limits by itself,
// within a few megabytes, whatever it is asked for. (With excelize, a
// second reading of the sheet had its own guard: excelize's row iterator
// could read another part than the scan.)
func TestRowsGuard(t *testing.T) {
	x, parts := smallPK(t)
	for _, c := range []struct{ rows, want string }{
		{`<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, "baris 1048576 melewati batas"},
		{`<row r="1"><c r="XFD1"><v>1</v></c></row>`, "kolom XFD melewati batas"},
	} {
		y := rezip(t, x, map[string]part{parts[SheetLampiran]: {data: sheetXML(c.rows)}})
		a, err := openArchive(y)
		must(t, err)
		var scan *sheetScan
		n := allocated(func() { scan, err = a.scanSheet(SheetLampiran) })
		if err == nil || !strings.Contains(err.Error(), c.want) || scan != nil {
			t.Errorf("scan %v, error %v; want %q", scan, err, c.want)
		}
		if n > 8<<20 {
			t.Errorf("allocated %d MB", n>>20)
		}
	}
}

// TestImportElementLimit: a million tiny shared strings or styles, which
// excelize would decode into about 400 MB and 900 MB of structures, are
// refused.
func TestImportElementLimit(t *testing.T) {
	x, _ := smallPK(t)
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		strings.Repeat("<si><t>x</t></si>", MaxElements/2+1) + `</sst>`
	importHostile(t, rezip(t, x, map[string]part{"xl/sharedStrings.xml": {data: []byte(sst)}}), 256<<20,
		fmt.Sprintf("isi berkas XLSX lebih dari %d unsur XML", MaxElements))
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>` +
		strings.Repeat("<xf/>", MaxElements+1) + `</cellXfs></styleSheet>`
	importHostile(t, rezip(t, x, map[string]part{"xl/styles.xml": {data: []byte(styles)}}), 256<<20,
		fmt.Sprintf("isi berkas XLSX lebih dari %d unsur XML", MaxElements))
}

// TestImportNotUTF8: a part in another encoding, which the element count
// could not read, is refused.
func TestImportNotUTF8(t *testing.T) {
	x, _ := smallPK(t)
	styles := `<?xml version="1.0" encoding="UTF-16"?><styleSheet/>`
	importHostile(t, rezip(t, x, map[string]part{"xl/styles.xml": {data: []byte(styles)}}), 8<<20,
		`bagian xl/styles.xml memakai pengodean "UTF-16", bukan UTF-8`)
}

// TestImportLargeSheetInMemory: a sheet part over 16 MB, which excelize
// unzips to a temporary file by default, is read in memory and leaves no
// file behind.
func TestImportLargeSheetInMemory(t *testing.T) {
	x, parts := smallPK(t)
	zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
	must(t, err)
	var sheet []byte
	for _, f := range zr.File {
		if f.Name == parts[SheetLampiran] {
			rc, err := f.Open()
			must(t, err)
			sheet, err = io.ReadAll(rc)
			must(t, err)
			rc.Close()
		}
	}
	// Whitespace between the sheet's elements changes nothing of its content.
	padded := bytes.Replace(sheet, []byte("<sheetData>"), append([]byte("<sheetData>"), bytes.Repeat([]byte(" "), 20<<20)...), 1)
	check := emptyTemp(t)
	h, err := Import(rezip(t, x, map[string]part{parts[SheetLampiran]: {data: padded}}))
	if err != nil {
		t.Fatal(err)
	}
	check()
	want, err := Import(x)
	must(t, err)
	if !bytes.Equal(h.TOML(""), want.TOML("")) {
		t.Error("the padded sheet reads differently")
	}
}

// TestImportManyProblems: a sheet with a problem in every cell gives
// maxProblems of them and a last line saying there are more.
func TestImportManyProblems(t *testing.T) {
	f := exampleWorkbook(t)
	col := colOf(t, f, SheetLampiran, "target.tw1")
	for r := 2; r < maxProblems+50; r++ {
		must(t, f.SetCellStr(SheetLampiran, fmt.Sprintf("%s%d", col, r), "98,5"))
		must(t, f.SetCellStr(SheetLampiran, fmt.Sprintf("%s%d", colOf(t, f, SheetLampiran, "target.tw2"), r), "97,5"))
	}
	_, err := Import(save(t, f))
	ps, ok := err.(Problems)
	if !ok || len(ps) != maxProblems+1 || !strings.Contains(ps[maxProblems].String(), fmt.Sprintf("lebih dari %d masalah", maxProblems)) {
		t.Fatalf("%d problems: %v", len(ps), err)
	}
}

// TestProblemsInEnglish: a workbook's problems print in the printer's
// language, the place included.
func TestProblemsInEnglish(t *testing.T) {
	x, parts := smallPK(t)
	y := rezip(t, x, map[string]part{parts[SheetLampiran]: {data: sheetXML(`<row r="30000"/>`)}})
	_, err := Import(y)
	en := pesan.NewPrinter(pesan.Inggris)
	got := en.Error(err)
	if want := "sheet Lampiran: row 30000 is past the limit of 12000 rows per sheet"; !strings.Contains(got, want) {
		t.Errorf("English:\n%s\nwant %q", got, want)
	}
	f := exampleWorkbook(t)
	must(t, f.SetCellStr(SheetAnggaran, "B2", "1.250.000.000"))
	_, err = Import(save(t, f))
	if got, want := en.Error(err), `sheet Anggaran, cell B2: text "1.250.000.000" in a number cell (jumlah)`; !strings.Contains(got, want) {
		t.Errorf("English:\n%s\nwant %q", got, want)
	}
	if _, err := Import([]byte("bukan xlsx")); !strings.Contains(en.Error(err), "not a readable XLSX file") {
		t.Errorf("English: %s", en.Error(err))
	}
}
