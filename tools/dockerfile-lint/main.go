// dockerfile-lint parses a Dockerfile with BuildKit's own frontend and runs its build checks, the
// ones `docker build --check` runs (https://docs.docker.com/reference/build-checks/), without a
// Docker engine or a registry: base images are not pulled; each is given an empty linux/amd64 config.
//
//	dockerfile-lint Dockerfile
//
// Prints {"warnings":[{"rule","detail","line"}],"error":"…"} as JSON on stdout; exit code 1 when
// the Dockerfile does not parse or any check warns, 0 when it is clean.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	digest "github.com/opencontainers/go-digest"
)

// offlineResolver stands in for the registry: every base image resolves, unchanged, to a minimal config.
type offlineResolver struct{}

func (offlineResolver) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	config := []byte(`{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:0000000000000000000000000000000000000000000000000000000000000000"]}}`)
	return ref, "", config, nil
}

type warning struct {
	Rule   string `json:"rule"`
	Detail string `json:"detail"`
	Line   int32  `json:"line,omitempty"`
}

type report struct {
	Warnings []warning `json:"warnings"`
	Error    string    `json:"error,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: dockerfile-lint <Dockerfile>")
		os.Exit(2)
	}
	file := os.Args[1]
	dt, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(os.Stderr, "dockerfile-lint: %v\n", err)
		os.Exit(2)
	}
	sourceMap := llb.NewSourceMap(nil, file, "Dockerfile", dt)
	sourceMap.Definition = &llb.Definition{} // the lint report copies it; there is no build graph here
	opt := dockerfile2llb.ConvertOpt{
		SourceMap:    sourceMap,
		MetaResolver: offlineResolver{},
	}
	results, err := dockerfile2llb.DockerfileLint(context.Background(), dt, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "dockerfile-lint: %v\n", err)
		os.Exit(2)
	}
	out := report{Warnings: []warning{}}
	for _, w := range results.Warnings {
		entry := warning{Rule: w.RuleName, Detail: w.Detail}
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			entry.Line = w.Location.Ranges[0].Start.Line
		}
		out.Warnings = append(out.Warnings, entry)
	}
	if results.Error != nil {
		out.Error = results.Error.Message
	}
	encoded, _ := json.Marshal(out)
	fmt.Println(string(encoded))
	if out.Error != "" || len(out.Warnings) > 0 {
		os.Exit(1)
	}
}
