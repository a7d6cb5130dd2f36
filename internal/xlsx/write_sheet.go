package xlsx

import (
	"math"
	"sort"
	"strconv"
	"time"
)

// Sheet is one worksheet. Like excelize it keeps its rows and cells
// dense, up to the last one touched, and leaves out the empty ones when
// written.
type Sheet struct {
	file     *File
	name     string
	id, rID  int
	template bool // the workbook's first sheet, from excelize's template
	formatPr bool // has sheetFormatPr (the template's, or set by SetFitToPage)
	fitPage  bool
	rows     []row
	cols     []col // one per column, in the order set
	pane     *pane
	dvs      []DataValidation
	page     *PageSetup
	chart    *chart
}

type row struct {
	cells []cell
	ht    float64
	hasHt bool
}

type cellType uint8

const (
	typeNumber cellType = iota
	typeString          // shared string
	typeBool
)

type cell struct {
	style   int
	t       cellType
	v       string
	f       string
	hasV    bool
	formula bool
}

func (c *cell) hasValue() bool {
	return c.style != 0 || c.hasV || c.formula || c.t != typeNumber
}

type col struct {
	min, max    int
	width       float64
	customWidth bool
	style       int
}

type pane struct {
	xSplit, ySplit      int
	topLeft, activePane string
}

// Name is the sheet's name.
func (sh *Sheet) Name() string { return sh.name }

// at returns the cell at (col, row), filling the rows and cells before it
// as excelize does; nil for a reference outside the sheet.
func (sh *Sheet) at(col, row int) *cell {
	if err := checkCell(col, row); err != nil {
		sh.file.fail(err)
		return nil
	}
	sh.prepare(col, row)
	return &sh.rows[row-1].cells[col-1]
}

func (sh *Sheet) prepare(col, r int) {
	for len(sh.rows) < r {
		sh.rows = append(sh.rows, row{})
	}
	if cells := &sh.rows[r-1].cells; len(*cells) < col {
		*cells = append(*cells, make([]cell, col-len(*cells))...)
	}
}

// valueStyle is the style a cell gets with its value: its own, else its
// row's (never set here), else its column's.
func (sh *Sheet) valueStyle(c *cell, column int) {
	if c.style != 0 {
		return
	}
	for _, k := range sh.cols {
		if k.min <= column && column <= k.max && k.style != 0 {
			c.style = k.style
			return
		}
	}
}

// SetStr writes text: a shared string, cut to Excel's 32,767 characters.
func (sh *Sheet) SetStr(col, row int, s string) {
	c := sh.at(col, row)
	if c == nil {
		return
	}
	sh.valueStyle(c, col)
	c.t, c.v, c.hasV, c.formula = typeString, strconv.Itoa(sh.file.sharedString(s)), true, false
}

// SetInt writes an integer.
func (sh *Sheet) SetInt(col, row int, v int64) {
	sh.setNumber(col, row, strconv.FormatInt(v, 10))
}

// SetFloat writes a number, with at most 15 significant digits as Excel
// keeps; NaN and infinities are written as their text.
func (sh *Sheet) SetFloat(col, row int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		sh.SetStr(col, row, strconv.FormatFloat(v, 'g', -1, 64))
		return
	}
	sh.setNumber(col, row, formatFloat(v))
}

func (sh *Sheet) setNumber(col, row int, v string) {
	c := sh.at(col, row)
	if c == nil {
		return
	}
	sh.valueStyle(c, col)
	c.t, c.v, c.hasV, c.formula = typeNumber, v, v != "", false
}

// SetBool writes TRUE or FALSE.
func (sh *Sheet) SetBool(col, row int, v bool) {
	c := sh.at(col, row)
	if c == nil {
		return
	}
	sh.valueStyle(c, col)
	c.t, c.v, c.hasV, c.formula = typeBool, "0", true, false
	if v {
		c.v = "1"
	}
}

// SetTime writes a date as Excel's serial day number and gives the cell
// a date format (as excelize's SetCellValue does): m/d/yyyy, or mmm-yy for
// the first of a month, over the cell's own style. A date before 1900 is
// written as text.
func (sh *Sheet) SetTime(col, row int, t time.Time) {
	c := sh.at(col, row)
	if c == nil {
		return
	}
	sh.valueStyle(c, col)
	_, offset := t.In(t.Location()).Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	serial := excelTime(t)
	c.formula = false
	if serial <= 0 {
		sh.SetStr(col, row, t.Format(time.RFC3339Nano))
		return
	}
	c.t, c.v, c.hasV = typeNumber, strconv.FormatFloat(serial, 'f', -1, 64), true
	c.style = sh.file.styles.withNumFmt(c.style, timeNumFmt(t))
}

// timeNumFmt is the built-in date format excelize gives a date: mmm-yy for
// the first of a month, m/d/yyyy for a whole day, with the time otherwise.
func timeNumFmt(t time.Time) int {
	if t.Day() == 1 && t.AddDate(0, 1, 0).Day() == 1 {
		return 17
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return 14
	}
	return 22
}

var (
	excelEpoch      = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelBuggyStart = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// excelTime is t as Excel's serial day number (1900 system, with its
// phantom 29 February 1900); 0 before 1900.
func excelTime(t time.Time) float64 {
	const day = 24 * time.Hour
	const maxDuration = 290 * 364 * day
	if t.Before(excelEpoch) {
		return 0
	}
	tt, diff, result := t, t.Sub(excelEpoch), 0.0
	for diff >= maxDuration {
		result += float64(maxDuration / day)
		tt = tt.Add(-maxDuration)
		diff = tt.Sub(excelEpoch)
	}
	rem := diff % day
	result += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if t.After(excelBuggyStart) {
		result++
	}
	return result
}

// SetFormula gives a cell a formula; the value written before stays as
// its cached result (a number, for the formulas pkgen writes).
func (sh *Sheet) SetFormula(col, row int, formula string) {
	c := sh.at(col, row)
	if c == nil {
		return
	}
	c.f, c.formula = formula, formula != ""
}

// HasValue reports whether the cell at (col, row) holds a value.
func (sh *Sheet) HasValue(col, row int) bool {
	if row < 1 || row > len(sh.rows) || col < 1 || col > len(sh.rows[row-1].cells) {
		return false
	}
	return sh.rows[row-1].cells[col-1].hasV
}

// SetStyle gives every cell of the range (col1, row1)–(col2, row2) the
// style id.
func (sh *Sheet) SetStyle(col1, row1, col2, row2, style int) {
	if err := checkCell(col1, row1); err != nil {
		sh.file.fail(err)
		return
	}
	if err := checkCell(col2, row2); err != nil {
		sh.file.fail(err)
		return
	}
	col1, col2 = min(col1, col2), max(col1, col2)
	row1, row2 = min(row1, row2), max(row1, row2)
	if style < 0 || style > len(sh.file.styles.xfs) {
		sh.file.fail(errStyle(style))
		return
	}
	sh.prepare(col2, row2)
	for r := row1; r < row2; r++ {
		sh.prepare(col2, r)
	}
	for r := row1; r <= row2; r++ {
		for k := col1; k <= col2; k++ {
			sh.rows[r-1].cells[k-1].style = style
		}
	}
}

// SetColWidth sets a column's width, in characters.
func (sh *Sheet) SetColWidth(column int, width float64) {
	if err := checkCell(column, 1); err != nil || width > 255 {
		sh.file.fail(errWidth(column, width))
		return
	}
	sh.setCol(column, func(k *col) { k.width, k.customWidth = width, true })
}

// SetColStyle gives a column a style, for the cells written later and
// the cells of every row written so far.
func (sh *Sheet) SetColStyle(column, style int) {
	if err := checkCell(column, 1); err != nil {
		sh.file.fail(err)
		return
	}
	if style < 0 || style > len(sh.file.styles.xfs) {
		sh.file.fail(errStyle(style))
		return
	}
	sh.setCol(column, func(k *col) { k.style = style })
	if n := len(sh.rows); n > 0 {
		sh.SetStyle(column, 1, column, n, style)
	}
}

// defaultColWidth is a column's width when none is set.
const defaultColWidth = 9.140625

func (sh *Sheet) setCol(column int, set func(*col)) {
	for i := range sh.cols {
		if sh.cols[i].min == column {
			set(&sh.cols[i])
			return
		}
	}
	k := col{min: column, max: column, width: defaultColWidth}
	set(&k)
	sh.cols = append(sh.cols, k)
}

// SetRowHeight sets a row's height, in points.
func (sh *Sheet) SetRowHeight(r int, height float64) {
	if err := checkCell(1, r); err != nil || height < 0 || height > 409 {
		sh.file.fail(errHeight(r, height))
		return
	}
	sh.prepare(0, r)
	sh.rows[r-1].ht, sh.rows[r-1].hasHt = height, true
}

// FreezePanes freezes the first xSplit columns and ySplit rows; topLeft
// is the first cell of the scrolling pane, activePane its name
// ("bottomLeft", "bottomRight").
func (sh *Sheet) FreezePanes(xSplit, ySplit int, topLeft, activePane string) {
	sh.pane = &pane{xSplit: xSplit, ySplit: ySplit, topLeft: topLeft, activePane: activePane}
}

// PageSetup is how a sheet prints.
type PageSetup struct {
	PaperSize   int    // 9 is A4
	Orientation string // "portrait" or "landscape"
	FitToWidth  int    // pages across, with fit to page
	FitToHeight int    // pages down; 0 for as many as needed
}

// SetPageSetup sets how the sheet prints.
func (sh *Sheet) SetPageSetup(p PageSetup) {
	sh.page = &p
}

// SetFitToPage makes the sheet print scaled to its page setup's
// FitToWidth and FitToHeight.
func (sh *Sheet) SetFitToPage() {
	sh.fitPage, sh.formatPr = true, true
}

// DataValidation is a rule for what a range of cells accepts, with the
// messages shown.
type DataValidation struct {
	Sqref       string // the cells: "B2", "C2:C201"
	Type        string // "list", "custom"; "" for only an input message
	Formula1    string // the list ("\"a,b\"") or formula, as XML text
	ErrorTitle  string
	Error       string // shown, with ErrorTitle, on a value refused
	PromptTitle string
	Prompt      string // shown, with PromptTitle, on entering the cell
	showError   bool
	showPrompt  bool
}

// maxListChars is the longest list a drop-down may have (Excel's limit).
const maxListChars = 255

// SetDropList makes the rule a drop-down list of items; it reports false,
// changing nothing, when the list is longer than Excel allows.
func (dv *DataValidation) SetDropList(items []string) bool {
	list := ""
	for i, it := range items {
		if i > 0 {
			list += ","
		}
		list += it
	}
	if utf16Len(list) > maxListChars {
		return false
	}
	dv.Type = "list"
	list = escapeFormula(list)
	if len(list) > 0 && list[0] == '=' {
		dv.Formula1 = list
		return true
	}
	q := make([]byte, 0, len(list)+2)
	q = append(q, '"')
	for i := 0; i < len(list); i++ {
		if list[i] == '"' {
			q = append(q, '"')
		}
		q = append(q, list[i])
	}
	dv.Formula1 = string(append(q, '"'))
	return true
}

func escapeFormula(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}

// SetError shows title and msg, stopping the entry, on a value the rule
// refuses.
func (dv *DataValidation) SetError(title, msg string) {
	dv.ErrorTitle, dv.Error, dv.showError = title, msg, true
}

// SetInput shows title and msg on entering a cell of the rule.
func (dv *DataValidation) SetInput(title, msg string) {
	dv.PromptTitle, dv.Prompt, dv.showPrompt = title, msg, true
}

// AddDataValidation adds a rule; blank cells are always allowed.
func (sh *Sheet) AddDataValidation(dv DataValidation) {
	sh.dvs = append(sh.dvs, dv)
}

// xml is the worksheet part; selected marks the sheet shown on opening.
func (sh *Sheet) xml(selected bool) []byte {
	b := []byte(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`)
	// excelize's template sheet declares the relationships namespace; a
	// new sheet gains it, with the compatibility one, once it has
	// properties or a drawing.
	switch {
	case sh.template:
		b = append(b, ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`...)
	case sh.fitPage || sh.chart != nil:
		b = append(b, ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`...)
	}
	b = append(b, '>')
	if sh.fitPage {
		b = append(b, `<sheetPr><pageSetUpPr fitToPage="true"></pageSetUpPr></sheetPr>`...)
	}
	b = append(b, `<dimension ref="A1"></dimension><sheetViews><sheetView`...)
	if selected {
		b = append(b, ` tabSelected="true"`...)
	}
	b = append(b, ` workbookViewId="0">`...)
	if p := sh.pane; p != nil {
		b = append(b, `<pane`...)
		b = appendAttr(b, "activePane", p.activePane)
		b = append(b, ` state="frozen"`...)
		b = appendAttr(b, "topLeftCell", p.topLeft)
		if p.xSplit != 0 {
			b = append(b, ` xSplit="`...)
			b = strconv.AppendInt(b, int64(p.xSplit), 10)
			b = append(b, '"')
		}
		if p.ySplit != 0 {
			b = append(b, ` ySplit="`...)
			b = strconv.AppendInt(b, int64(p.ySplit), 10)
			b = append(b, '"')
		}
		b = append(b, `></pane>`...)
	}
	b = append(b, `</sheetView></sheetViews>`...)
	if sh.formatPr {
		b = append(b, `<sheetFormatPr defaultRowHeight="15"></sheetFormatPr>`...)
	}
	b = sh.appendCols(b)
	b = sh.appendRows(b)
	if len(sh.dvs) > 0 {
		b = append(b, `<dataValidations count="`...)
		b = strconv.AppendInt(b, int64(len(sh.dvs)), 10)
		b = append(b, `">`...)
		for _, dv := range sh.dvs {
			b = dv.appendXML(b)
		}
		b = append(b, `</dataValidations>`...)
	}
	if p := sh.page; p != nil {
		b = append(b, `<pageSetup fitToHeight="`...)
		b = strconv.AppendInt(b, int64(p.FitToHeight), 10)
		b = append(b, `" fitToWidth="`...)
		b = strconv.AppendInt(b, int64(p.FitToWidth), 10)
		b = append(b, '"')
		b = appendAttr(b, "orientation", p.Orientation)
		b = append(b, ` paperSize="`...)
		b = strconv.AppendInt(b, int64(p.PaperSize), 10)
		b = append(b, `"></pageSetup>`...)
	}
	if sh.chart != nil {
		b = append(b, `<drawing r:id="rId1"></drawing>`...)
	}
	return append(b, `</worksheet>`...)
}

// appendAttr appends name="value", unless value is empty.
func appendAttr(b []byte, name, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendEscaped(b, value)
	return append(b, '"')
}

// appendCols writes the columns in order, neighbours with the same
// width and style as one range.
func (sh *Sheet) appendCols(b []byte) []byte {
	if len(sh.cols) == 0 {
		return b
	}
	cols := append([]col(nil), sh.cols...)
	sort.Slice(cols, func(i, j int) bool { return cols[i].min < cols[j].min })
	var merged []col
	for _, k := range cols {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			if last.max+1 == k.min && last.width == k.width && last.customWidth == k.customWidth && last.style == k.style {
				last.max = k.max
				continue
			}
		}
		merged = append(merged, k)
	}
	b = append(b, `<cols>`...)
	for _, k := range merged {
		b = append(b, `<col`...)
		if k.customWidth {
			b = append(b, ` customWidth="true"`...)
		}
		b = append(b, ` max="`...)
		b = strconv.AppendInt(b, int64(k.max), 10)
		b = append(b, `" min="`...)
		b = strconv.AppendInt(b, int64(k.min), 10)
		b = append(b, '"')
		if k.style != 0 {
			b = append(b, ` style="`...)
			b = strconv.AppendInt(b, int64(k.style), 10)
			b = append(b, '"')
		}
		b = append(b, ` width="`...)
		b = strconv.AppendFloat(b, k.width, 'g', -1, 64)
		b = append(b, `"></col>`...)
	}
	return append(b, `</cols>`...)
}

func (sh *Sheet) appendRows(b []byte) []byte {
	b = append(b, `<sheetData>`...)
	for i := range sh.rows {
		r := &sh.rows[i]
		n := 0
		for k := range r.cells {
			if r.cells[k].hasValue() {
				n++
			}
		}
		if n == 0 && !r.hasHt {
			continue
		}
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '"')
		if r.hasHt {
			b = append(b, ` ht="`...)
			b = strconv.AppendFloat(b, r.ht, 'g', -1, 64)
			b = append(b, `" customHeight="true"`...)
		}
		b = append(b, '>')
		for k := range r.cells {
			c := &r.cells[k]
			if !c.hasValue() {
				continue
			}
			b = append(b, `<c r="`...)
			b = append(b, ColumnName(k+1)...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, '"')
			if c.style != 0 {
				b = append(b, ` s="`...)
				b = strconv.AppendInt(b, int64(c.style), 10)
				b = append(b, '"')
			}
			switch c.t {
			case typeString:
				b = append(b, ` t="s"`...)
			case typeBool:
				b = append(b, ` t="b"`...)
			}
			b = append(b, '>')
			if c.formula {
				b = append(b, `<f>`...)
				b = appendEscaped(b, c.f)
				b = append(b, `</f>`...)
			}
			if c.hasV {
				b = append(b, `<v>`...)
				b = appendEscaped(b, c.v)
				b = append(b, `</v>`...)
			}
			b = append(b, `</c>`...)
		}
		b = append(b, `</row>`...)
	}
	return append(b, `</sheetData>`...)
}

func (dv *DataValidation) appendXML(b []byte) []byte {
	b = append(b, `<dataValidation allowBlank="true"`...)
	if dv.showError {
		b = append(b, ` error="`...)
		b = appendEscaped(b, dv.Error)
		b = append(b, `" errorStyle="stop" errorTitle="`...)
		b = appendEscaped(b, dv.ErrorTitle)
		b = append(b, '"')
	}
	if dv.showPrompt {
		b = append(b, ` prompt="`...)
		b = appendEscaped(b, dv.Prompt)
		b = append(b, `" promptTitle="`...)
		b = appendEscaped(b, dv.PromptTitle)
		b = append(b, '"')
	}
	if dv.showError {
		b = append(b, ` showErrorMessage="true"`...)
	}
	if dv.showPrompt {
		b = append(b, ` showInputMessage="true"`...)
	}
	b = append(b, ` sqref="`...)
	b = appendEscaped(b, dv.Sqref)
	b = append(b, '"')
	b = appendAttr(b, "type", dv.Type)
	b = append(b, '>')
	if dv.Formula1 != "" {
		b = append(b, `<formula1>`...)
		b = append(b, dv.Formula1...) // XML text already, as excelize keeps it
		b = append(b, `</formula1>`...)
	}
	return append(b, `</dataValidation>`...)
}
