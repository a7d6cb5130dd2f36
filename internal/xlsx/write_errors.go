package xlsx

import "fmt"

func errStyle(id int) error { return fmt.Errorf("xlsx: style %d does not exist", id) }

func errWidth(col int, w float64) error {
	return fmt.Errorf("xlsx: column %d width %g: a column is 0 to 255 characters wide", col, w)
}

func errHeight(row int, h float64) error {
	return fmt.Errorf("xlsx: row %d height %g: a row is 0 to 409 points high", row, h)
}

func errChart(sheet string) error { return fmt.Errorf("xlsx: sheet %q has a chart already", sheet) }
