// Package web is the workbench (meja kerja): a local web server over a
// folder of PK files, for planners who will not edit TOML on a command
// line. It reads and writes the folder only through the use cases of the
// module root (package pkgen) and package files, rooted in the folder
// with os.OpenRoot; it holds no rule of its own about documents.
//
// It is a server, so every request is guarded (guard.go): the Host must
// be the bound address or localhost (DNS rebinding), every request
// carries the access token (a cookie after the first ?token=…), and
// state-changing requests must be same-origin and carry the CSRF token.
// Every asset is embedded: the pages work offline.
package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"pkgen/pesan"
)

// Config is how a workbench is started.
type Config struct {
	Folder string // the workspace; every file served or written is inside it
	Addr   string // host:port to bind; "" is DefaultAddr
	Token  string // the access token; "" makes a random one
}

// DefaultAddr binds the loopback interface only.
const DefaultAddr = "127.0.0.1:8800"

// Server is one workbench over one folder.
type Server struct {
	root  *os.Root
	token string
	csrf  string // sent with every state-changing request; random per start
	host  string // the host of the bound address, as configured
	port  string // the bound port (the listener's, after Listen)

	saving sync.Mutex // one save at a time: the conflict check and the write are one step
	pages  *pages

	cacheMu sync.Mutex
	cache   map[string]checked // by file name: the Daftar's checks
	induk   indukCache         // the form's pk_induk choices (form_kaskade.go)
	now     func() time.Time   // for the history's timestamps; tests fix it
}

// New opens the workspace. The caller closes the server.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, pesan.Errorf("alamat %q tidak sah: tulis HOST:PORT, misalnya %s", cfg.Addr, DefaultAddr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return nil, pesan.Errorf("alamat %q tidak sah: tulis HOST:PORT, misalnya %s", cfg.Addr, DefaultAddr)
	}
	folder := cfg.Folder
	if folder == "" {
		folder = "."
	}
	st, err := os.Stat(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, pesan.Errorf("folder %s tidak ditemukan", folder)
	}
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, pesan.Errorf("%s bukan folder", folder)
	}
	root, err := os.OpenRoot(folder)
	if err != nil {
		return nil, err
	}
	pg, err := loadPages()
	if err != nil {
		root.Close()
		return nil, err
	}
	s := &Server{root: root, token: cfg.Token, csrf: randomToken(), host: host, port: port, pages: pg, now: time.Now, cache: map[string]checked{}}
	if s.token == "" {
		s.token = randomToken()
	}
	return s, nil
}

// Close closes the workspace.
func (s *Server) Close() error { return s.root.Close() }

// Token is the access token.
func (s *Server) Token() string { return s.token }

// Loopback tells whether the configured host is reachable from this
// machine only.
func (s *Server) Loopback() bool {
	if s.host == "localhost" {
		return true
	}
	ip := net.ParseIP(s.host)
	return ip != nil && ip.IsLoopback()
}

// Listen binds the configured address; with port 0 the system chooses
// one, which the Host check and URL then use.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(s.host, s.port))
	if err != nil {
		return nil, err
	}
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		s.port = strconv.Itoa(a.Port)
	}
	return ln, nil
}

// URL is the address to open, with the token.
func (s *Server) URL() string {
	host := s.host
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, s.port) + "/?token=" + url.QueryEscape(s.token)
}

// Serve serves ln until ctx is done, then shuts down, letting requests
// under way finish (for at most five seconds).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Handler is the workbench behind its guard.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.listPage)
	mux.HandleFunc("GET /dokumen", s.documentPage)
	mux.HandleFunc("GET /pratinjau", s.previewSaved)
	mux.HandleFunc("GET /unduh", s.download)
	mux.HandleFunc("POST /api/periksa", s.checkText)
	mux.HandleFunc("POST /api/pratinjau", s.previewText)
	mux.HandleFunc("POST /api/simpan", s.save)
	mux.HandleFunc("POST /api/simpan-pdf", s.savePDF)
	s.realisasiRoutes(mux)
	s.formRoutes(mux)
	s.sheetRoutes(mux)
	s.perubahanRoutes(mux)
	mux.Handle("GET /aset/", assetHandler())
	mux.HandleFunc("GET /panduan", s.guidePage)
	mux.Handle("GET /panduan/gambar/", guidePictures())
	return s.guard(mux)
}

// randomToken is 128 random bits, URL-safe.
func randomToken() string {
	var b [16]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}
