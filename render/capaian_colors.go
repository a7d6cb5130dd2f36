package render

import (
	"math"

	"pkgen/model"
)

// Category colours, best to worst: green, light green, amber, orange, red.
var (
	colorGreen = RGB{R: 46, G: 139, B: 87}
	colorRed   = RGB{R: 204, G: 51, B: 51}
	palette    = [5]RGB{colorGreen, {R: 124, G: 179, B: 66}, {R: 240, G: 165, B: 0}, {R: 230, G: 110, B: 30}, colorRed}
	paletteFor = [][]int{1: {0}, 2: {0, 4}, 3: {0, 2, 4}, 4: {0, 1, 2, 4}, 5: {0, 1, 2, 3, 4}}
)

// lighten mixes a colour channel with 75% white.
func lighten(v uint8) uint8 { return uint8(255 - (255-int(v))/4) }

// Tint is the light shade of a category colour that fills behind text
// (the annex's category cell, the pohon kinerja's indicator rows).
func Tint(c RGB) RGB { return RGB{R: lighten(c.R), G: lighten(c.G), B: lighten(c.B)} }

// KategoriColors returns the colour of each band of a category table
// (highest min first): green for the best band and red for the lowest,
// amber in the middle of three, light green and orange added for four and
// five bands, and shades between them for more.
func KategoriColors(bands []model.PitaKategori) map[string]RGB {
	out := map[string]RGB{}
	n := len(bands)
	for i, b := range bands {
		if n < len(paletteFor) {
			out[b.Nama] = palette[paletteFor[n][i]]
			continue
		}
		pos := float64(i) / float64(n-1) * float64(len(palette)-1)
		k := min(int(pos), len(palette)-2)
		u := pos - float64(k)
		from, to := palette[k], palette[k+1]
		mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*u)) }
		out[b.Nama] = RGB{R: mix(from.R, to.R), G: mix(from.G, to.G), B: mix(from.B, to.B)}
	}
	return out
}
