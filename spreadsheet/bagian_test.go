package spreadsheet

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pkgen/internal/testutil"
)

// A lampiran of sections gets the Bagian sheet and a sasaran.bagian
// column; its numbers, which start again in each section, still tell the
// sasaran apart, also with the bagian cells left empty after a section's
// first row. A lampiran of one table gets neither (its workbook is as
// before).
func TestBagianWorkbook(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(testutil.Example(t, "kabupaten-contoh-dinas-pertanian-2024.toml"))
	if err != nil {
		t.Fatal(err)
	}
	orig := parse(t, "pk.toml", data)
	x, err := ExportPK(orig)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(x)))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.GetSheetList(), SheetBagian) {
		t.Fatalf("sheets %v lack %s", f.GetSheetList(), SheetBagian)
	}
	rows, err := f.GetRows(SheetLampiran)
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "sasaran.bagian")
	no := slices.Index(rows[0], "sasaran.nomor")
	if col < 0 || no < 0 {
		t.Fatalf("Lampiran header %v", rows[0])
	}
	// Empty every bagian cell but the first of each section.
	prev := ""
	for r := 1; r < len(rows); r++ {
		if v := rows[r][col]; v == prev {
			must(t, f.SetCellValue(SheetLampiran, ref(col+1, r+1), nil))
		} else {
			prev = v
		}
	}
	var buf strings.Builder
	must(t, f.Write(&buf))
	h, err := Import([]byte(buf.String()))
	if err != nil {
		t.Fatalf("impor:\n%v", err)
	}
	back := parse(t, "impor.toml", h.TOML(""))
	normal(orig)
	normal(back)
	if !reflect.DeepEqual(orig, back) {
		t.Fatalf("berbeda setelah XLSX: %s", diff("doc", reflect.ValueOf(orig), reflect.ValueOf(back)))
	}
	if l, ok := h.Locate("bagian[2].lampiran"); !ok || l.Sheet != SheetBagian || l.Cell != "C3" {
		t.Errorf("bagian[2].lampiran at %v", l)
	}

	plain, err := os.ReadFile(testutil.Example(t, "kabupaten-contoh-dinas-kesehatan-2024.toml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err = ExportPK(parse(t, "pk.toml", plain))
	if err != nil {
		t.Fatal(err)
	}
	f, err = excelize.OpenReader(strings.NewReader(string(x)))
	if err != nil {
		t.Fatal(err)
	}
	head, _ := f.GetRows(SheetLampiran)
	if slices.Contains(f.GetSheetList(), SheetBagian) || slices.Contains(head[0], "sasaran.bagian") {
		t.Errorf("a lampiran of one table: sheets %v, Lampiran header %v", f.GetSheetList(), head[0])
	}
}

// Two sasaran of one section with the same number are refused at the
// number's cell; the same number in another section is the next sasaran.
func TestBagianWorkbookNumbers(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(testutil.Example(t, "kabupaten-contoh-dinas-pertanian-2024.toml"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, "pk.toml", data)
	x, err := ExportPK(doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(x)))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetLampiran)
	no := slices.Index(rows[0], "sasaran.nomor")
	// Row 5 (DP-P04) is sasaran 2 of the programme table: make it 1 again
	// after sasaran 1's three rows end.
	if rows[4][no] != "2" {
		t.Fatalf("row 5 nomor %q", rows[4][no])
	}
	for r := 5; r <= 6; r++ {
		must(t, f.SetCellInt(SheetLampiran, ref(no+1, r), 1))
	}
	must(t, f.SetCellInt(SheetLampiran, ref(no+1, 4), 3)) // 1,1,3,1,1: the second 1 returns
	var buf strings.Builder
	must(t, f.Write(&buf))
	_, err = Import([]byte(buf.String()))
	if err == nil || !strings.Contains(err.Error(), "sel "+ref(no+1, 5)) || !strings.Contains(err.Error(), "sasaran nomor 1 sudah ada di baris 2") {
		t.Errorf("err = %v", err)
	}
}
