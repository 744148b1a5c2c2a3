// caddy-adapt adapts a Caddyfile to Caddy's JSON configuration with Caddy's own Caddyfile adapter
// (the version the compose file's proxy image runs, with the HTTP modules the Caddyfile uses), so a
// directive Caddy does not know, or one written wrongly, fails here rather than at `docker compose up`.
//
//	caddy-adapt [-env NAME=VALUE]... Caddyfile
//
// Prints the JSON configuration on stdout; warnings and errors on stderr; exit code 1 on an error or
// any warning. Environment placeholders ({$NAME}) see only the -env variables.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/caddyserver/caddy/v2/caddyconfig"
	_ "github.com/caddyserver/caddy/v2/caddyconfig/httpcaddyfile"
	_ "github.com/caddyserver/caddy/v2/modules/caddyhttp/headers"
	_ "github.com/caddyserver/caddy/v2/modules/caddyhttp/reverseproxy"
	_ "github.com/caddyserver/caddy/v2/modules/caddytls"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var env listFlag
	flag.Var(&env, "env", "NAME=VALUE for {$NAME} placeholders (repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: caddy-adapt [-env NAME=VALUE]... <Caddyfile>")
		os.Exit(2)
	}
	os.Clearenv()
	for _, pair := range env {
		name, value, _ := strings.Cut(pair, "=")
		os.Setenv(name, value)
	}
	body, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "caddy-adapt: %v\n", err)
		os.Exit(2)
	}
	adapter := caddyconfig.GetAdapter("caddyfile")
	config, warnings, err := adapter.Adapt(body, map[string]any{"filename": flag.Arg(0)})
	for _, w := range warnings {
		fmt.Fprintf(os.Stderr, "caddy-adapt: warning: %s\n", w.String())
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "caddy-adapt: %v\n", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(config, '\n'))
	if len(warnings) > 0 {
		os.Exit(1)
	}
}
