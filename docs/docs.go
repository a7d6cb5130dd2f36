// Package docs holds the user guide (panduan.md, Indonesian), embedded so
// the workbench serves the same text the repository shows.
package docs

import "embed"

// Panduan is the user guide for planners, in Markdown.
//
//go:embed panduan.md
var Panduan []byte

// Gambar holds the guide's pictures, gambar/NAME.png.
//
//go:embed gambar/*.png
var Gambar embed.FS
