package xlsx

import (
	"strconv"

	"pkgen/pesan"
)

// Style is a cell format: the subset of excelize's Style pkgen uses.
type Style struct {
	Font         *Font
	Fill         string // a solid fill's colour, RRGGBB; "" for none
	NumFmt       int    // a built-in number format (49 is "@", 3 is "#,##0")
	CustomNumFmt string // a number format code, instead of NumFmt
	Alignment    *Alignment
}

// Font is a cell's font.
type Font struct {
	Bold   bool
	Family string
	Size   float64
}

// Alignment is a cell's alignment.
type Alignment struct {
	Vertical string // "top", "center", "bottom"
	WrapText bool
}

// xf is one entry of cellXfs. Like excelize, every format added has an
// alignment element, applied or not.
type xf struct {
	numFmt, font, fill int
	align              Alignment
	applyAlign         bool
}

// matches reports whether x serves for the format q, by excelize's rule:
// a format without alignment takes any whose alignment is not applied.
func (x xf) matches(q xf) bool {
	if x.numFmt != q.numFmt || x.font != q.font || x.fill != q.fill {
		return false
	}
	if !q.applyAlign {
		return !x.applyAlign
	}
	return x.align == q.align
}

type numFmt struct {
	id   int
	code string
}

// styleSheet is xl/styles.xml: excelize's default style sheet and the
// formats added to it, each kept once.
type styleSheet struct {
	numFmts []numFmt
	fonts   []Font // after the default font, id 0
	fills   []string
	xfs     []xf // after the default format, id 0
}

func newStyleSheet() styleSheet { return styleSheet{} }

// NewStyle returns the id of a cell format, adding it unless the same
// format exists.
func (f *File) NewStyle(st Style) int {
	s := &f.styles
	x := xf{numFmt: st.NumFmt}
	if st.Alignment != nil {
		x.align, x.applyAlign = *st.Alignment, true
	}
	if st.CustomNumFmt != "" {
		x.numFmt = s.customNumFmt(st.CustomNumFmt)
	} else if st.NumFmt < 0 || st.NumFmt > 163 {
		f.fail(pesan.Errorf("xlsx: format angka bawaan %d tidak ada", st.NumFmt))
		x.numFmt = 0
	}
	if st.Font != nil {
		x.font = s.font(*st.Font)
	}
	if st.Fill != "" {
		x.fill = s.fill(st.Fill)
	}
	return s.xf(x)
}

// withNumFmt returns the id of style id with the built-in number format
// id instead of its own.
func (s *styleSheet) withNumFmt(id, format int) int {
	x := xf{numFmt: format}
	if id > 0 && id <= len(s.xfs) {
		x = s.xfs[id-1]
		x.numFmt = format
	}
	return s.xf(x)
}

func (s *styleSheet) xf(x xf) int {
	if x.numFmt == 0 && x.font == 0 && x.fill == 0 && !x.applyAlign {
		return 0
	}
	for i, y := range s.xfs {
		if y.matches(x) {
			return i + 1
		}
	}
	s.xfs = append(s.xfs, x)
	return len(s.xfs)
}

func (s *styleSheet) customNumFmt(code string) int {
	id := 163
	for _, n := range s.numFmts {
		if n.code == code {
			return n.id
		}
		id = max(id, n.id)
	}
	s.numFmts = append(s.numFmts, numFmt{id + 1, code})
	return id + 1
}

func (s *styleSheet) font(fn Font) int {
	for i, g := range s.fonts {
		if g == fn {
			return i + 1
		}
	}
	s.fonts = append(s.fonts, fn)
	return len(s.fonts)
}

func (s *styleSheet) fill(rgb string) int {
	for i, g := range s.fills {
		if g == rgb {
			return i + 2
		}
	}
	s.fills = append(s.fills, rgb)
	return len(s.fills) + 1
}

// styleSheetHead is excelize's opening tag of the style sheet, with every
// namespace it knows.
const styleSheetHead = xmlHeader + `<styleSheet  xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ap="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:comp="http://schemas.openxmlformats.org/drawingml/2006/compatibility" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:lc="http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xne="http://schemas.microsoft.com/office/excel/2006/main" xmlns:mso="http://schemas.microsoft.com/office/2006/01/customui" xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:cppr="http://schemas.microsoft.com/office/2006/coverPageProps" xmlns:cdip="http://schemas.microsoft.com/office/2006/customDocumentInformationPanel" xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType" xmlns:ntns="http://schemas.microsoft.com/office/2006/metadata/customXsn" xmlns:lp="http://schemas.microsoft.com/office/2006/metadata/longProperties" xmlns:ma="http://schemas.microsoft.com/office/2006/metadata/properties/metaAttributes" xmlns:msink="http://schemas.microsoft.com/ink/2010/main" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart" xmlns:cdr14="http://schemas.microsoft.com/office/drawing/2010/chartDrawing" xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" xmlns:pic14="http://schemas.microsoft.com/office/drawing/2010/picture" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xdr14="http://schemas.microsoft.com/office/excel/2010/spreadsheetDrawing" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:mso14="http://schemas.microsoft.com/office/2009/07/customui" xmlns:dgm14="http://schemas.microsoft.com/office/drawing/2010/diagram" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x12ac="http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xmlns:xr4="http://schemas.microsoft.com/office/spreadsheetml/2016/revision4" xmlns:xr5="http://schemas.microsoft.com/office/spreadsheetml/2016/revision5" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr7="http://schemas.microsoft.com/office/spreadsheetml/2016/revision7" xmlns:xr8="http://schemas.microsoft.com/office/spreadsheetml/2016/revision8" xmlns:xr9="http://schemas.microsoft.com/office/spreadsheetml/2016/revision9" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr11="http://schemas.microsoft.com/office/spreadsheetml/2016/revision11" xmlns:xr12="http://schemas.microsoft.com/office/spreadsheetml/2016/revision12" xmlns:xr13="http://schemas.microsoft.com/office/spreadsheetml/2016/revision13" xmlns:xr14="http://schemas.microsoft.com/office/spreadsheetml/2016/revision14" xmlns:xr15="http://schemas.microsoft.com/office/spreadsheetml/2016/revision15" xmlns:x16="http://schemas.microsoft.com/office/spreadsheetml/2014/11/main" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" mc:Ignorable="c14 cdr14 a14 pic14 x14 xdr14 x14ac dsp mso14 dgm14 x15 x12ac x15ac xr xr2 xr3 xr4 xr5 xr6 xr7 xr8 xr9 xr10 xr11 xr12 xr13 xr14 xr15 x15 x16 x16r2 mo mx mv o v" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xr:uid="{00000000-0001-0000-0000-000000000000}">`

func (s *styleSheet) xml() []byte {
	b := []byte(styleSheetHead)
	if len(s.numFmts) > 0 {
		b = append(b, `<numFmts count="`...)
		b = strconv.AppendInt(b, int64(len(s.numFmts)), 10)
		b = append(b, `">`...)
		for _, n := range s.numFmts {
			b = append(b, `<numFmt numFmtId="`...)
			b = strconv.AppendInt(b, int64(n.id), 10)
			b = append(b, `" formatCode="`...)
			b = appendEscaped(b, n.code)
			b = append(b, `"></numFmt>`...)
		}
		b = append(b, `</numFmts>`...)
	}
	b = append(b, `<fonts count="`...)
	b = strconv.AppendInt(b, int64(len(s.fonts)+1), 10)
	b = append(b, `"><font><sz val="11"></sz><color theme="1"></color><name val="Calibri"></name><family val="2"></family></font>`...)
	for _, fn := range s.fonts {
		b = append(b, `<font>`...)
		if fn.Bold {
			b = append(b, `<b val="1"></b>`...)
		}
		if fn.Size >= 1 {
			b = append(b, `<sz val="`...)
			b = strconv.AppendFloat(b, fn.Size, 'g', -1, 64)
			b = append(b, `"></sz>`...)
		}
		b = append(b, `<color></color>`...)
		if fn.Family != "" {
			b = append(b, `<name val="`...)
			b = appendEscaped(b, fn.Family)
			b = append(b, `"></name>`...)
		}
		b = append(b, `<family val="2"></family></font>`...)
	}
	b = append(b, `</fonts><fills count="`...)
	b = strconv.AppendInt(b, int64(len(s.fills)+2), 10)
	b = append(b, `"><fill><patternFill patternType="none"></patternFill></fill><fill><patternFill patternType="gray125"></patternFill></fill>`...)
	for _, rgb := range s.fills {
		b = append(b, `<fill><patternFill patternType="solid"><fgColor rgb="FF`...)
		b = appendEscaped(b, rgb)
		b = append(b, `"></fgColor></patternFill></fill>`...)
	}
	b = append(b, `</fills><borders count="1"><border><left></left><right></right><top></top><bottom></bottom><diagonal></diagonal></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"></xf></cellStyleXfs><cellXfs count="`...)
	b = strconv.AppendInt(b, int64(len(s.xfs)+1), 10)
	b = append(b, `"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"></xf>`...)
	for _, x := range s.xfs {
		b = append(b, `<xf numFmtId="`...)
		b = strconv.AppendInt(b, int64(x.numFmt), 10)
		b = append(b, `" fontId="`...)
		b = strconv.AppendInt(b, int64(x.font), 10)
		b = append(b, `" fillId="`...)
		b = strconv.AppendInt(b, int64(x.fill), 10)
		b = append(b, `" borderId="0" xfId="0"`...)
		if x.numFmt != 0 {
			b = append(b, ` applyNumberFormat="true"`...)
		}
		if x.font != 0 {
			b = append(b, ` applyFont="true"`...)
		}
		if x.fill != 0 {
			b = append(b, ` applyFill="true"`...)
		}
		if x.applyAlign {
			b = append(b, ` applyAlignment="true"><alignment`...)
		} else {
			b = append(b, ` applyAlignment="false"><alignment`...)
		}
		if x.align.Vertical != "" {
			b = append(b, ` vertical="`...)
			b = appendEscaped(b, x.align.Vertical)
			b = append(b, '"')
		}
		if x.align.WrapText {
			b = append(b, ` wrapText="true"`...)
		}
		b = append(b, `></alignment></xf>`...)
	}
	return append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"></cellStyle></cellStyles><dxfs count="0"></dxfs><tableStyles count="0" defaultPivotStyle="PivotStyleLight16" defaultTableStyle="TableStyleMedium2"></tableStyles></styleSheet>`...)
}
