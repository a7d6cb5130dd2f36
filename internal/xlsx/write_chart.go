package xlsx

import (
	"math"
	"strconv"
)

// Chart is a clustered column chart of one series, anchored at A1.
type Chart struct {
	Title       string
	SeriesName  string // a reference: 'Sheet'!$L$1
	Categories  string // a reference to the category labels
	Values      string // a reference to the values
	ValueFormat string // the value axis's number format: "0%"
	Width       int    // in pixels
	Height      int
}

type chart struct {
	Chart
	n     int    // the workbook's chart (and drawing) number
	to    [2]int // the end cell: column and row, from 0
	toOff [2]int // the offsets in the end cell, in pixels
}

// emu is English Metric Units per pixel.
const emu = 9525

// AddChart puts c on the sheet from its cell A1; a sheet has one chart.
func (sh *Sheet) AddChart(c Chart) {
	if sh.chart != nil {
		sh.file.fail(errChart(sh.name))
		return
	}
	f := sh.file
	f.charts++
	ch := &chart{Chart: c, n: f.charts}
	// The end cell and its offsets: walk the columns and rows the chart
	// covers (excelize's positionObjectPixels).
	x2, y2 := c.Width, c.Height
	for x2 >= sh.colPixels(ch.to[0]+1) {
		ch.to[0]++
		x2 -= sh.colPixels(ch.to[0])
	}
	for y2 >= sh.rowPixels(ch.to[1]+1) {
		ch.to[1]++
		y2 -= sh.rowPixels(ch.to[1])
	}
	ch.toOff = [2]int{x2, y2}
	sh.chart = ch
	n := strconv.Itoa(ch.n)
	f.overrides = append(f.overrides,
		override{"/xl/charts/chart" + n + ".xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"},
		override{"/xl/drawings/drawing" + n + ".xml", "application/vnd.openxmlformats-officedocument.drawing+xml"})
}

// colPixels is a column's width in pixels (8 per character).
func (sh *Sheet) colPixels(column int) int {
	for _, k := range sh.cols {
		if k.min <= column && column <= k.max {
			return int(k.width*8 + 0.5)
		}
	}
	return 64
}

// rowPixels is a row's height in pixels, as excelize reckons it.
func (sh *Sheet) rowPixels(r int) int {
	if r >= 1 && r <= len(sh.rows) && sh.rows[r-1].hasHt {
		return pointsToPixels(sh.rows[r-1].ht)
	}
	if sh.formatPr {
		return pointsToPixels(15)
	}
	return 20
}

func pointsToPixels(pt float64) int {
	if pt == 0 {
		return 0
	}
	return int(math.Ceil(4.0 / 3.4 * pt))
}

func (sh *Sheet) drawingXML() []byte {
	ch := sh.chart
	b := []byte(xmlHeader + `<xdr:wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>`)
	b = strconv.AppendInt(b, int64(ch.to[0]), 10)
	b = append(b, `</xdr:col><xdr:colOff>`...)
	b = strconv.AppendInt(b, int64(ch.toOff[0]*emu), 10)
	b = append(b, `</xdr:colOff><xdr:row>`...)
	b = strconv.AppendInt(b, int64(ch.to[1]), 10)
	b = append(b, `</xdr:row><xdr:rowOff>`...)
	b = strconv.AppendInt(b, int64(ch.toOff[1]*emu), 10)
	return append(b, `</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 2" descr=""></xdr:cNvPr><xdr:cNvGraphicFramePr></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"></a:off><a:ext cx="0" cy="0"></a:ext></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"></c:chart></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData fLocksWithSheet="true" fPrintsWithSheet="true"></xdr:clientData></xdr:twoCellAnchor></xdr:wsDr>`...)
}

// xml is the chart part: excelize's markup of a column chart with its
// defaults (a 14 pt grey title, varied colours, light axes, no legend).
func (ch *chart) xml() []byte {
	b := []byte(xmlHeader + chartHead)
	b = appendEscaped(b, ch.Title)
	b = append(b, chartBeforeName...)
	b = appendEscaped(b, ch.SeriesName)
	b = append(b, chartBeforeCategories...)
	b = appendEscaped(b, ch.Categories)
	b = append(b, chartBeforeValues...)
	b = appendEscaped(b, ch.Values)
	b = append(b, chartBeforeFormat...)
	b = appendEscaped(b, ch.ValueFormat)
	return append(b, chartTail...)
}

// The chart's fixed markup, between the parts built from the chart.
const (
	chartHead             = `<chartSpace xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><date1904 val="0"></date1904><lang val="en-US"></lang><roundedCorners val="0"></roundedCorners><chart><title><tx><rich><a:bodyPr anchorCtr="false" rot="0" spcFirstLastPara="false"></a:bodyPr><a:p><a:pPr><a:defRPr b="false" baseline="0" i="false" kern="0" spc="0"><a:latin typeface="+mn-lt"></a:latin><a:ea typeface="+mn-ea"></a:ea><a:cs typeface="+mn-cs"></a:cs></a:defRPr></a:pPr><a:r><a:rPr b="false" baseline="0" i="false" kern="0" spc="0" sz="1400"><a:solidFill><a:srgbClr val="595959"></a:srgbClr></a:solidFill></a:rPr><a:t>`
	chartBeforeName       = `</a:t></a:r><a:endParaRPr lang="en-US" altLang="en-US"></a:endParaRPr></a:p></rich></tx><overlay val="0"></overlay><spPr></spPr><txPr><a:bodyPr anchorCtr="false" rot="0" spcFirstLastPara="false"></a:bodyPr><a:p></a:p></txPr></title><view3D><rotX val="0"></rotX><rotY val="0"></rotY><rAngAx val="0"></rAngAx><perspective val="0"></perspective></view3D><floor><thickness val="0"></thickness></floor><sideWall><thickness val="0"></thickness></sideWall><backWall><thickness val="0"></thickness></backWall><plotArea><barChart><barDir val="col"></barDir><grouping val="clustered"></grouping><varyColors val="1"></varyColors><ser><idx val="0"></idx><order val="0"></order><tx><strRef><f>`
	chartBeforeCategories = `</f></strRef></tx><invertIfNegative val="0"></invertIfNegative><dLbls><spPr></spPr><txPr><a:bodyPr anchorCtr="false" rot="0" spcFirstLastPara="false"></a:bodyPr><a:p><a:pPr><a:defRPr b="false" baseline="0" i="false" kern="0" spc="0"></a:defRPr></a:pPr></a:p></txPr><showLegendKey val="0"></showLegendKey><showVal val="0"></showVal><showCatName val="0"></showCatName><showSerName val="0"></showSerName><showPercent val="0"></showPercent><showBubbleSize val="0"></showBubbleSize><showLeaderLines val="0"></showLeaderLines></dLbls><cat><strRef><f>`
	chartBeforeValues     = `</f></strRef></cat><val><numRef><f>`
	chartBeforeFormat     = `</f><numCache><formatCode></formatCode></numCache></numRef></val></ser><dLbls><showLegendKey val="0"></showLegendKey><showVal val="0"></showVal><showCatName val="0"></showCatName><showSerName val="0"></showSerName><showPercent val="0"></showPercent><showBubbleSize val="0"></showBubbleSize><showLeaderLines val="0"></showLeaderLines></dLbls><axId val="100000000"></axId><axId val="100000001"></axId></barChart><catAx><axId val="100000000"></axId><scaling><orientation val="minMax"></orientation></scaling><delete val="0"></delete><axPos val="b"></axPos><numFmt formatCode="General" sourceLinked="false"></numFmt><majorTickMark val="none"></majorTickMark><minorTickMark val="none"></minorTickMark><tickLblPos val="nextTo"></tickLblPos><spPr><a:ln algn="ctr" cap="flat" cmpd="sng" w="9525"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"></a:lumMod><a:lumOff val="85000"></a:lumOff></a:schemeClr></a:solidFill></a:ln></spPr><txPr><a:bodyPr anchor="ctr" anchorCtr="true" rot="0" spcFirstLastPara="true" vert="horz" vertOverflow="ellipsis" wrap="square"></a:bodyPr><a:p><a:pPr><a:defRPr b="false" baseline="0" i="false" kern="1200" spc="0" strike="noStrike" sz="900" u="none"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"></a:lumMod><a:lumOff val="85000"></a:lumOff></a:schemeClr></a:solidFill><a:latin typeface="+mn-lt"></a:latin><a:ea typeface="+mn-ea"></a:ea><a:cs typeface="+mn-cs"></a:cs></a:defRPr></a:pPr><a:endParaRPr lang="en-US"></a:endParaRPr></a:p></txPr><crossAx val="100000001"></crossAx><crosses val="autoZero"></crosses><auto val="1"></auto><lblAlgn val="ctr"></lblAlgn><lblOffset val="100"></lblOffset><noMultiLvlLbl val="0"></noMultiLvlLbl></catAx><valAx><axId val="100000001"></axId><scaling><orientation val="minMax"></orientation></scaling><delete val="0"></delete><axPos val="l"></axPos><numFmt formatCode="`
	chartTail             = `" sourceLinked="false"></numFmt><majorTickMark val="none"></majorTickMark><minorTickMark val="none"></minorTickMark><tickLblPos val="nextTo"></tickLblPos><spPr><a:ln algn="ctr" cap="flat" cmpd="sng" w="9525"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"></a:lumMod><a:lumOff val="85000"></a:lumOff></a:schemeClr></a:solidFill></a:ln></spPr><txPr><a:bodyPr anchor="ctr" anchorCtr="true" rot="0" spcFirstLastPara="true" vert="horz" vertOverflow="ellipsis" wrap="square"></a:bodyPr><a:p><a:pPr><a:defRPr b="false" baseline="0" i="false" kern="1200" spc="0" strike="noStrike" sz="900" u="none"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"></a:lumMod><a:lumOff val="85000"></a:lumOff></a:schemeClr></a:solidFill><a:latin typeface="+mn-lt"></a:latin><a:ea typeface="+mn-ea"></a:ea><a:cs typeface="+mn-cs"></a:cs></a:defRPr></a:pPr><a:endParaRPr lang="en-US"></a:endParaRPr></a:p></txPr><crossAx val="100000000"></crossAx><crosses val="autoZero"></crosses><crossBetween val="between"></crossBetween></valAx><spPr></spPr></plotArea><plotVisOnly val="0"></plotVisOnly><dispBlanksAs val="gap"></dispBlanksAs><showDLblsOverMax val="0"></showDLblsOverMax></chart><spPr></spPr><printSettings><pageMargins b="0.75" footer="0.3" header="0.3" l="0.7" r="0.7" t="0.7"></pageMargins></printSettings></chartSpace>`
)
