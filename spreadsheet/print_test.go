package spreadsheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The capaian workbook prints: a row as tall as its longest wrapped text
// (LibreOffice Calc does not grow rows a file leaves unset, and wrapped
// text ran over the rows below), landscape A4 as wide as a page, the
// header row repeated on every page.
func TestCapaianPrintLayout(t *testing.T) {
	lap := loadReport(t, "jakarta-pusat-2023-tw3.toml")
	data, err := ExportCapaian(lap)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	tall := 0
	for row := 2; row <= 10; row++ {
		h, err := f.GetRowHeight(SheetCapaian, row)
		must(t, err)
		ind, err := f.GetCellValue(SheetCapaian, ref(5, row))
		must(t, err)
		sas, err := f.GetCellValue(SheetCapaian, ref(3, row))
		must(t, err)
		lines := max(wrappedLines(ind, capaianHeaders[4].width, false), wrappedLines(sas, capaianHeaders[2].width, false))
		if lines > 1 {
			tall++
		}
		if want := float64(max(lines, 1)) * linePt; lines > 1 && h != want {
			t.Errorf("row %d: height %.1f pt, want %.1f for %d lines", row, h, want, lines)
		}
	}
	if tall == 0 {
		t.Error("no row of the seed wraps: the test checks nothing")
	}
	for _, sheet := range []string{SheetCapaian, SheetRingkasan, SheetGrafik} {
		pl, err := f.GetPageLayout(sheet)
		must(t, err)
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want landscape A4 one page wide", sheet, pl)
		}
		props, err := f.GetSheetProps(sheet)
		must(t, err)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fit to page", sheet)
		}
	}
	names := f.GetDefinedName()
	for _, sheet := range []string{SheetCapaian, SheetRingkasan} {
		found := false
		for _, n := range names {
			found = found || n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && n.RefersTo == "'"+sheet+"'!$1:$1"
		}
		if !found {
			t.Errorf("%s: no print titles (header row repeated): %+v", sheet, names)
		}
	}
}

// wrappedLines counts words onto lines, and breaks a word wider than the
// column.
func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width float64
		want  int
	}{
		{"", 10, 1}, {"Nilai", 10, 1}, {"satu\ndua", 40, 2},
		{"Persentase penyelesaian rencana aksi KSD Peningkatan Tata Kelola Pemerintahan", 40, 2},
		{"Persentase penyelesaian rencana aksi KSD Peningkatan Tata Kelola Pemerintahan", 10, 9},
		{"WWWWWWWWWWWWWWWWWWWW", 5, 8}, // 20 × 12.7 px in 34 px
	} {
		if got := wrappedLines(tc.s, tc.width, false); got != tc.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tc.s, tc.width, got, tc.want)
		}
	}
}
