// Command strategia checks and renders the documents of a Polish
// territorial-strategy process: the strategy and its project fiches.
// See the README and 'strategia help'.
package main

import (
	"os"

	"github.com/strategia-pl/strategia/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
