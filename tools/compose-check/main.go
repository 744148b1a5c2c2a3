// compose-check loads a Compose file with compose-go, the loader of Docker Compose v2 (schema
// validation, interpolation, normalization), and prints the resolved project as JSON on stdout,
// so tests can assert on the model Compose itself would run rather than on raw YAML.
//
//	compose-check [-env NAME=VALUE]... [-profile NAME]... docker-compose.yml
//
// Services of a profile are loaded only when it is named with -profile, as with `docker compose
// --profile`. Only the variables given with -env are visible to interpolation (not the caller's environment),
// so a result does not depend on the shell that ran it. Exit code 1 and the loader's message on
// stderr when the file is invalid.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var env, profiles listFlag
	flag.Var(&env, "env", "NAME=VALUE visible to interpolation (repeatable)")
	flag.Var(&profiles, "profile", "a profile whose services are loaded too (repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: compose-check [-env NAME=VALUE]... [-profile NAME]... <compose file>")
		os.Exit(2)
	}
	file, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	options, err := cli.NewProjectOptions(
		[]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithEnv(env),
		cli.WithProfiles(profiles),
		cli.WithResolvedPaths(false),
	)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	out, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(append(out, '\n'))
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compose-check: %v\n", err)
	os.Exit(1)
}
