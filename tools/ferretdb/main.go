// Command ferretdb runs FerretDB v1.24.2 (SQLite backend) for the read-store tests and CI.
//
// It embeds FerretDB through its public `ferretdb` package instead of building upstream's
// cmd/ferretdb: since Go 1.24, `go build` of a dependency's main package records that
// dependency as the main module, and FerretDB's build/version package then panics because
// the generated version.txt is absent from the published module (it cannot be supplied
// through -overlay either, which refuses files under GOMODCACHE). The embedded package
// needs no version file and keeps telemetry disabled.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27018", "TCP address to listen on; port 0 picks a free port")
	fallback := flag.Bool("fallback-to-free-port", false, "listen on a free port when listen-addr is taken")
	sqliteURL := flag.String("sqlite-url", "", "SQLite URI of an existing directory, e.g. file:/tmp/ferretdb/")
	uriFile := flag.String("uri-file", "", "write the MongoDB URI here once listening")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if err := run(*listenAddr, *fallback, *sqliteURL, *uriFile, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listenAddr string, fallback bool, sqliteURL, uriFile, logLevel string) error {
	if sqliteURL == "" {
		return errors.New("-sqlite-url is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("-log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	addr, err := chooseAddr(listenAddr, fallback)
	if err != nil {
		return err
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	uri := f.MongoDBURI()
	if uriFile != "" {
		// Written only after the listener is bound, so a reader of the file can connect at once.
		tmp := uriFile + ".tmp"
		if err := os.WriteFile(tmp, []byte(uri+"\n"), 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, uriFile); err != nil {
			return err
		}
	}
	logger.Info("listening", "uri", uri)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	return f.Run(ctx)
}

// chooseAddr keeps the preferred address when it is free, so a developer's own MongoDB on the
// same machine is never disturbed, and otherwise asks the OS for a free port.
func chooseAddr(preferred string, fallback bool) (string, error) {
	ln, err := net.Listen("tcp", preferred)
	if err == nil {
		return preferred, ln.Close()
	}
	if !fallback {
		return "", err
	}
	host, _, splitErr := net.SplitHostPort(preferred)
	if splitErr != nil {
		return "", splitErr
	}
	return net.JoinHostPort(host, "0"), nil
}
