package render

// Questions about a cell's lines, answered from the prefix sums.

// height is the height of lines [from, to) of c.
func (g *tableGrid) height(c *tableCell, from, to int) float64 {
	return g.sum[c.off+to] - g.sum[c.off+from]
}

// texts counts the lines with text among [from, to) of c.
func (g *tableGrid) texts(c *tableCell, from, to int) int {
	return g.txt[c.off+to] - g.txt[c.off+from]
}

// fit is how many lines of c from line from fit in space.
func (g *tableGrid) fit(c *tableCell, from int, space float64) int {
	base := g.sum[c.off+from]
	lo, hi := 0, len(c.lines)-from
	for lo < hi {
		mid := int(uint(lo+hi+1) >> 1)
		if g.sum[c.off+from+mid]-base <= space+tableEps {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// fitEnd is how many of the last lines of c, down to line from, fit in
// space.
func (g *tableGrid) fitEnd(c *tableCell, from int, space float64) int {
	end := g.sum[c.off+len(c.lines)]
	lo, hi := 0, len(c.lines)-from
	for lo < hi {
		mid := int(uint(lo+hi+1) >> 1)
		if end-g.sum[c.off+len(c.lines)-mid] <= space+tableEps {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// keep trims a break after k lines of c (from line from) so that each side
// holds at least minLines lines of text. A cell too short to satisfy that on
// both sides goes whole to the next side: keep returns 0.
func (g *tableGrid) keep(c *tableCell, from, k int) int {
	n, m := len(c.lines), g.minLines
	after := g.texts(c, from+k, n)
	if after == 0 {
		return k // only spacing is left, and it is dropped at the break
	}
	total := g.texts(c, from, n)
	if total < 2*m {
		return 0
	}
	if after < m {
		// End the part right after its (total-m)th text line.
		want := g.txt[c.off+from] + total - m
		lo, hi := from, from+k
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if g.txt[c.off+mid] >= want {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		k = lo - from
	}
	if g.texts(c, from, from+k) < m {
		return 0
	}
	return k
}

// skipSpace returns the first line at or after i that carries text, so a
// continued part does not open with paragraph spacing.
func (g *tableGrid) skipSpace(c *tableCell, i int) int {
	for i < len(c.lines) && len(c.lines[i].Runs) == 0 {
		i++
	}
	return i
}
