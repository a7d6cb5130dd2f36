package web

import (
	"crypto/subtle"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strings"

	"pkgen/pesan"
)

// csrfHeader carries the CSRF token of a state-changing request. A
// header, not a form field: a cross-site form cannot set it, and fetch
// from another origin cannot either without the server's CORS consent,
// which it never gives.
const csrfHeader = "X-Pkgen-CSRF"

// cookieName is per port: two workbenches on one machine keep their own
// tokens (cookies do not tell ports apart).
func (s *Server) cookieName() string { return "pkgen-token-" + s.port }

// guard refuses, before any handler runs: a foreign Host (DNS
// rebinding), a request without the access token, and a state-changing
// request that is cross-origin or lacks the CSRF token. The first request
// may carry the token as ?token=…: it sets the cookie and redirects to
// the same address without it, so the token leaves the address bar.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Cache-Control", "no-store")
		if !s.hostAllowed(r.Host) {
			refuse(w, http.StatusMisdirectedRequest, pesan.Sprintf("host %q ditolak: buka meja kerja lewat alamat yang dicetak pkgen web", r.Host))
			return
		}
		if q := r.URL.Query(); q.Has("token") {
			if !same(q.Get("token"), s.token) {
				refuse(w, http.StatusUnauthorized, pesan.Sprintf("token akses salah: buka alamat lengkap yang dicetak pkgen web"))
				return
			}
			http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: s.token, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode})
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				q.Del("token")
				u := *r.URL
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
		} else if c, err := r.Cookie(s.cookieName()); err != nil || !same(c.Value, s.token) {
			refuse(w, http.StatusUnauthorized, pesan.Sprintf("token akses tidak ada: buka alamat lengkap yang dicetak pkgen web, dengan ?token=…"))
			return
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
		default:
			if !sameOrigin(r) {
				refuse(w, http.StatusForbidden, pesan.Sprintf("permintaan dari situs lain ditolak"))
				return
			}
			if !same(r.Header.Get(csrfHeader), s.csrf) {
				refuse(w, http.StatusForbidden, pesan.Sprintf("token CSRF tidak ada atau salah; muat ulang halaman"))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed: the Host header names the bound port, on localhost, on the
// configured host, or (bound to every interface) on any IP address. A DNS
// name other than these is a rebinding attempt: a page of another site
// whose name now points here.
func (s *Server) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != s.port {
		return false
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || host == strings.ToLower(s.host) {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	bound := net.ParseIP(s.host)
	return bound != nil && bound.IsUnspecified()
}

// sameOrigin: the browser says the request comes from this origin, by
// Origin or by Sec-Fetch-Site; a request saying neither is refused (every
// browser the workbench supports sends one of them).
func sameOrigin(r *http.Request) bool {
	site := r.Header.Get("Sec-Fetch-Site")
	if site != "" && site != "same-origin" {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		return o == "http://"+r.Host
	}
	return site == "same-origin"
}

func same(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// refuse answers with a message, as plain text.
func refuse(w http.ResponseWriter, status int, msg string) {
	http.Error(w, msg, status)
}

// Names of files a request may name: slash-separated, relative to the
// workspace, no "..", no hidden part (the .pkgen history is the
// workbench's own), and one of the extensions the workbench reads. The
// root (os.Root) refuses the rest: symbolic links that leave it.
const (
	extTOML = ".toml"
	extPDF  = ".pdf"
	extXLSX = ".xlsx"
)

// fileName is the file a request names in its "berkas" parameter, if it
// is a name the workbench accepts with one of exts.
func fileName(r *http.Request, exts ...string) (string, bool) {
	return fileParam(r, "berkas", exts...)
}

// fileParam is fileName for the query parameter param.
func fileParam(r *http.Request, param string, exts ...string) (string, bool) {
	name := r.URL.Query().Get(param)
	// A backslash or a colon is a Windows path (..\, C:) on some system.
	if name == "" || strings.ContainsAny(name, `\:`) || !fs.ValidPath(name) || name == "." {
		return "", false
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	ext := strings.ToLower(path.Ext(name))
	for _, e := range exts {
		if ext == e {
			return name, true
		}
	}
	return "", false
}
