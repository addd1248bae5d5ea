package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/schema"
)

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "[-o DIR] [KIND]",
		"Print the JSON Schema of a content file kind; with no KIND, list the kinds.\nEditors use these files for completion and hover help")
	out := fs.String("o", "", "write every schema file into `DIR` instead")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	kinds := schema.Kinds()
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "strategia: %v\n", err)
			return ExitUsage
		}
		ents, _ := schema.FS.ReadDir(".")
		for _, ent := range ents {
			if !strings.HasSuffix(ent.Name(), ".json") {
				continue
			}
			data, _ := schema.FS.ReadFile(ent.Name())
			if err := os.WriteFile(filepath.Join(*out, ent.Name()), data, 0o644); err != nil {
				fmt.Fprintf(e.stderr, "strategia: %v\n", err)
				return ExitContent
			}
		}
		return ExitOK
	}
	switch fs.NArg() {
	case 0:
		for _, k := range kinds {
			fmt.Fprintf(e.stdout, "%-15s schema/%s.schema.json\n", k, k)
		}
		return ExitOK
	case 1:
	default:
		fs.Usage()
		return ExitUsage
	}
	k := strings.TrimSuffix(fs.Arg(0), ".schema.json")
	data, err := schema.FS.ReadFile(k + ".schema.json")
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: no schema %q%s; kinds: %s\n", k, diag.DidYouMean(k, kinds), strings.Join(kinds, ", "))
		return ExitUsage
	}
	_, _ = e.stdout.Write(data)
	return ExitOK
}
