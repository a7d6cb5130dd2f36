package model

import (
	"fmt"
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	p := os.Getenv("PROBE")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	doc, ps := Parse(p, data)
	for _, x := range ps {
		fmt.Println(x)
	}
	fmt.Println("doc nil:", doc == nil)
}
