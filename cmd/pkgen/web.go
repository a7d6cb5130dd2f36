package main

import (
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"pkgen/pesan"
	"pkgen/web"
)

// webCmd serves the workbench over a folder until Ctrl-C.
func webCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("web", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, "web") }
	addr := fs.String("alamat", web.DefaultAddr, "alamat HOST:PORT")
	open := fs.Bool("buka", false, "buka peramban")
	token := fs.String("token", os.Getenv("PKGEN_TOKEN"), "token akses tetap")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 1 {
		pesan.Fprintf(stderr, "pkgen web: sebutkan satu folder saja\n\n%s", helpText("web"))
		return exitUsage
	}
	folder := "."
	if len(pos) == 1 {
		folder = pos[0]
	}
	srv, err := web.New(web.Config{Folder: folder, Addr: *addr, Token: *token})
	if err != nil {
		pesan.Fprintf(stderr, "pkgen web: %v\n", err)
		return exitInvalid
	}
	defer srv.Close()
	if !srv.Loopback() {
		pesan.Fprintf(stderr, "pkgen web: peringatan: %s dapat dijangkau dari komputer lain di jaringan; siapa pun yang tahu tokennya dapat membaca dan mengubah berkas di %s\n", *addr, folder)
	}
	ln, err := srv.Listen()
	if err != nil {
		pesan.Fprintf(stderr, "pkgen web: %v\n", err)
		return exitInvalid
	}
	pesan.Fprintf(stdout, "Meja kerja pkgen untuk %s: buka\n  %s\nHentikan dengan Ctrl-C.\n", folder, srv.URL())
	if *open {
		if err := openBrowser(srv.URL()); err != nil {
			pesan.Fprintf(stderr, "pkgen web: peramban tidak dapat dibuka (%v); buka alamat di atas sendiri\n", err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		pesan.Fprintf(stderr, "pkgen web: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
