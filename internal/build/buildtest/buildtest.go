// Package buildtest prepares partnership folders for the benchmarks and
// tests of build, watch and serve: the example grown to the size of a
// long strategy, so that every speed figure (save to PDF, save to the
// browser's DOM) is measured on the same document. It imports only the
// standard library and touches only the folder it is given.
package buildtest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

var (
	footnoteRE = regexp.MustCompile(`\[\^[^\]]*\]`)
	macroRE    = regexp.MustCompile(`\{\{[^}]*\}\}`)
)

// GrowDiagnosis makes the strategy of the partnership in dir (a copy of
// the example) about 177 pages long: the first diagnosis chapter,
// diag/demografia.md, grows by the text of all chapters, twice, without
// footnotes and {{…}} references, so the diagnosis alone runs to about
// 120 pages.
func GrowDiagnosis(dir string) error {
	chapters, err := filepath.Glob(filepath.Join(dir, "diag", "*.md"))
	if err != nil {
		return err
	}
	slices.Sort(chapters)
	var extra strings.Builder
	for rep := range 2 {
		for _, c := range chapters {
			data, err := os.ReadFile(c)
			if err != nil {
				return err
			}
			for _, ln := range strings.Split(string(data), "\n") {
				if strings.HasPrefix(ln, "[^") {
					continue
				}
				ln = footnoteRE.ReplaceAllString(ln, "")
				ln = macroRE.ReplaceAllString(ln, "")
				if strings.HasPrefix(ln, "## ") {
					ln = fmt.Sprintf("## %s (%d)", strings.TrimPrefix(ln, "## "), rep+1)
				}
				extra.WriteString(ln + "\n")
			}
		}
	}
	first := filepath.Join(dir, "diag", "demografia.md")
	data, err := os.ReadFile(first)
	if err != nil {
		return err
	}
	return os.WriteFile(first, append(data, "\n"+extra.String()...), 0o644)
}
