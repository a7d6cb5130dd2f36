// Package xlsx writes (and, in read*.go, reads) the small part of the
// Office Open XML spreadsheet format pkgen uses, with the standard library
// only, so that the command does not link a general spreadsheet library.
//
// The writer reproduces, byte for byte, the workbooks excelize
// (github.com/xuri/excelize/v2 v2.11.1) wrote for pkgen: the same parts,
// attributes in the same order, the same escaping, the same ZIP entries.
// Excel's acceptance of those workbooks is thereby inherited. The fixed
// parts (theme, document properties, the styles' skeleton) and the chart's
// markup are excelize's output, and some rules (how columns merge, how a
// date is stored, how a drawing is anchored) follow its source: see
// LICENSE.excelize (BSD-3-Clause) for its licence.
package xlsx
