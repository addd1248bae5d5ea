package compose

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// words splits text into words of letters (hyphenated words into their
// parts); words with a digit are left out.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
}

// contentWords are the words of a partnership's sources (YAML and
// Markdown): text the advisor wrote, not the templates.
func contentWords(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".csv")) {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, w := range words(string(b)) {
			out[w] = true
		}
		return nil
	})
	return out
}

// TestGeneratedSpelling checks the words the templates and compose
// generate in the strategy, the package and the procedure documents — every word not in the
// partnership's own sources — with Hunspell's Polish dictionary; a word
// it does not know must be on testdata/spelling-allow.txt (acronyms,
// register names), a short list reviewed by hand.
func TestGeneratedSpelling(t *testing.T) {
	hun, err := exec.LookPath("hunspell")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("hunspell is not installed (.ci/run installs hunspell and hunspell-pl)")
		}
		t.Skip("hunspell not installed")
	}
	if _, err := os.Stat("/usr/share/hunspell/pl_PL.dic"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the Polish dictionary is not installed (hunspell-pl)")
		}
		t.Skip("hunspell-pl not installed")
	}
	allow := map[string]bool{}
	f, err := os.Open("testdata/spelling-allow.txt")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			allow[w] = true
		}
	}
	f.Close()
	generated := map[string]bool{}
	for _, dir := range []string{exampleDir, minimalDir, scaffoldDir(t)} {
		s, x, fc, opt := loadDir(t, dir)
		s.Partnership.DocumentOptions.ExecutiveSummary = true // its words too
		own := contentWords(t, dir)
		d, _ := Strategy(s, x, fc, opt)
		p, _ := Package(s, x, fc, opt)
		text := docText(d) + "\n" + docText(p)
		docs, _ := Procedure(s, x, fc, "zk", opt)
		for _, pd := range docs {
			text += "\n" + docText(pd.Doc)
		}
		for _, w := range words(text) {
			if !own[w] {
				generated[w] = true
			}
		}
	}
	var list []string
	for w := range generated {
		list = append(list, w)
	}
	slices.Sort(list)
	if len(list) < 200 {
		t.Fatalf("only %d generated words: the test looks at the wrong text", len(list))
	}
	cmd := exec.Command(hun, "-d", "pl_PL", "-l", "-i", "utf-8")
	cmd.Stdin = strings.NewReader(strings.Join(list, "\n"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var unknown []string
	for _, w := range strings.Fields(string(out)) {
		if !allow[w] {
			unknown = append(unknown, w)
		}
	}
	if len(unknown) > 0 {
		t.Errorf("%d generated words Hunspell (pl_PL) does not know; fix the wording or, for an acronym or a name, add it to testdata/spelling-allow.txt:\n%s",
			len(unknown), strings.Join(slices.Compact(unknown), "\n"))
	}
	t.Logf("%d generated words checked", len(list))
}
