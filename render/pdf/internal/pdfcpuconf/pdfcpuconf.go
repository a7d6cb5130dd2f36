// Package pdfcpuconf hands out pdfcpu configurations. pdfcpu reads a
// package variable (model.ConfigPath) to decide whether to create a
// configuration folder under $HOME; it is switched off here, once, before
// the first configuration is made, so concurrent callers (a server) never
// race on it.
package pdfcpuconf

import (
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var disable sync.Once

// New returns a fresh configuration in the given validation mode. Not
// api.DisableConfigDir: pkg/api's imports cost every pkgen start some 30 ms.
func New(mode int) *model.Configuration {
	disable.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	return conf
}
