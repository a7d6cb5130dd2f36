package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The reader replaced excelize's: these tests compare the two where
// excelize's behaviour was the reference (a test-only import, never
// linked into pkgen).

// TestParseRefAsExcelize: every reference reads as excelize's
// CellNameToCoordinates reads it, or is refused as it refuses it.
func TestParseRefAsExcelize(t *testing.T) {
	refs := []string{"", "A", "1", "A0", "A1", "a1", "$A$1", "A$1", "$A1", "A+5", "A-5", "A 1", " A1", "A1 ", "A1B2",
		"XFD1048576", "XFE1", "A1048577", "ZZZ1", "$1", "$$1", "É1", "A1.0", "A01", "AB12", "ab12", "A١"}
	for c := 1; c <= 800; c += 37 {
		name, _ := excelize.ColumnNumberToName(c)
		refs = append(refs, fmt.Sprintf("%s%d", name, c*13))
	}
	for _, ref := range refs {
		col, row, err := ParseRef(ref)
		wcol, wrow, werr := excelize.CellNameToCoordinates(ref)
		if (err == nil) != (werr == nil) || err == nil && (col != wcol || row != wrow) {
			t.Errorf("%q: %d %d %v; excelize %d %d %v", ref, col, row, err, wcol, wrow, werr)
		}
	}
}

// TestSerialTimeAsExcelize: every date serial gives excelize's time.
func TestSerialTimeAsExcelize(t *testing.T) {
	serials := []float64{0, 0.5, 1, 1.25, 59, 59.999, 60, 60.5, 61, 61.1, 62, 366, 36526.75, 45337, 45337.999999, 45337.4999999, 2958465.99999, 1e7}
	for s := 0.0; s < 50000; s += 997.123 {
		serials = append(serials, s)
	}
	for _, s := range serials {
		got, err := SerialTime(s, false)
		want, werr := excelize.ExcelDateToTime(s, false)
		if err != nil || werr != nil || !got.Equal(want) {
			t.Errorf("%v: %v %v; excelize %v %v", s, got, err, want, werr)
		}
		got, _ = SerialTime(s, true)
		if want, _ = excelize.ExcelDateToTime(s, true); !got.Equal(want) {
			t.Errorf("%v (1904): %v; excelize %v", s, got, want)
		}
	}
	if _, err := SerialTime(math.NaN(), false); err == nil {
		t.Error("NaN is a date")
	}
}

// TestValuesAsExcelize: a sheet of every kind of cell reads as excelize's
// row iterator read it (RawCellValue), each value at its place.
func TestValuesAsExcelize(t *testing.T) {
	strs := sst(`<t>nol</t>`, `<r><t>sa</t></r><r><t>tu</t></r>`, `<t>_x005F_x0041_ _x0041_ _xD800_ x</t><rPh><t>p</t></rPh>`,
		`<t xml:space="preserve"> dua 
 baris </t>`)
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
		`<row r="2"><c r="A2"><v>1.50</v></c><c r="B2" t="n"><v>2E3</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c>` +
		`<c r="E2" t="d"><v>2024-02-15T00:00:00</v></c><c r="F2" t="str"><f>"a"</f><v>a_x0041_</v></c><c r="G2"><f>1</f></c></row>` +
		`<row><c t="inlineStr"><is><t>i_x0042_</t></is></c><c><v>7</v></c><c r="E3" t="inlineStr"><v>v</v></c></row>` +
		`<row r="5"><c r="B5" t="inlineStr"><is><r><t>x</t></r><r><t xml:space="preserve"> y</t></r></is></c></row>`
	parts := workbook(rows, map[string]string{"xl/sharedStrings.xml": strs})
	r, err := NewReader(zipOf(t, parts), ReadLimits{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]int]string{}
	row, col := 0, 0
	for _, it := range items(t, r, "xl/worksheets/sheet1.xml") {
		switch it.What {
		case ItemRow:
			if n, err := fmt.Sscan(it.Ref, &row); n == 0 || err != nil {
				row++
			}
			col = 0
		case ItemCell:
			col++
			if it.Ref != "" {
				col, _, _ = ParseRef(it.Ref)
			}
			if it.Value != "" || it.Formula {
				got[[2]int{row, col}] = it.Value
			}
		}
	}
	ef, err := excelize.OpenReader(bytes.NewReader(zipBytes(t, parts)))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	erows, err := ef.GetRows("Satu", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]int]string{}
	for i, r := range erows {
		for j, v := range r {
			if v != "" {
				want[[2]int{i + 1, j + 1}] = v
			}
		}
	}
	for k, v := range got {
		if v == "" {
			delete(got, k)
		}
	}
	if len(want) < 14 {
		t.Errorf("excelize read only %d values: %v", len(want), want)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
