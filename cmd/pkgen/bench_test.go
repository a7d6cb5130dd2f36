package main

import (
	"testing"

	"pkgen/model"
	"pkgen/render"
	"pkgen/render/pdf"
)

// BenchmarkRenderExample is the whole pipeline for the seed: load and
// validate the TOML, lay it out, write the PDF.
func BenchmarkRenderExample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		doc, _, err := model.Load(example)
		if err != nil || doc == nil {
			b.Fatal(err)
		}
		laid, err := render.Layout(doc, render.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pdf.Bytes(laid); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutExample is the layout stage alone.
func BenchmarkLayoutExample(b *testing.B) {
	doc, _, err := model.Load(example)
	if err != nil || doc == nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Layout(doc, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
