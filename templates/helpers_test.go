package templates

import "os"

// loadNamed is Load of variants and files named as on the command line.
func loadNamed(names ...string) (*Set, error) {
	var ov []Override
	for _, n := range names {
		if IsVariant(n) {
			ov = append(ov, Override{Name: n})
			continue
		}
		data, err := os.ReadFile(n)
		if err != nil {
			// An unknown variant: Load names the variants.
			ov = append(ov, Override{Name: n})
			continue
		}
		ov = append(ov, Override{Name: n, Data: data})
	}
	return Load(ov...)
}
