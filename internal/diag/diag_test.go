package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestPrintSortsDedupsAndRelativises(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "/w/p/goals.yaml", Line: 9, Col: 3}, "REF-08", "goal %s has no project", "CS2")
	l.Errorf(Pos{File: "/w/p/goals.yaml", Line: 2, Col: 5}, "SCH-01", `unknown key "titel"`).
		With(Pos{File: "/w/p/goals.yaml", Line: 1, Col: 1}, "see")
	l.Errorf(Pos{File: "/w/p/goals.yaml", Line: 2, Col: 5}, "SCH-01", `unknown key "titel"`).
		With(Pos{File: "/w/p/goals.yaml", Line: 1, Col: 1}, "see")
	l.Errorf(Pos{File: "/w/p/a.yaml"}, "FILE-01", "missing file a.yaml")
	l.Sort()
	var b bytes.Buffer
	if err := Print(&b, &l, PrintOptions{Cwd: "/w", Summary: true}); err != nil {
		t.Fatal(err)
	}
	want := `p/a.yaml: error: FILE-01: missing file a.yaml
p/goals.yaml:2:5: error: SCH-01: unknown key "titel"
    see: p/goals.yaml:1:1
p/goals.yaml:9:3: warning: REF-08: goal CS2 has no project
2 errors, 1 warning
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !l.HasErrors() {
		t.Error("HasErrors")
	}
	l.Strict()
	if e, w := l.Count(); e != 3 || w != 0 {
		t.Errorf("after Strict: %d errors, %d warnings", e, w)
	}
}

func TestPrintSourceCaretCountsCharacters(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "f.yaml", Line: 2, Col: 9}, "X-01", "here")
	var b bytes.Buffer
	_ = Print(&b, &l, PrintOptions{Source: true, ReadFile: func(string) ([]byte, error) {
		return []byte("a: 1\r\nżółć: ąę\r\n"), nil
	}})
	lines := strings.Split(b.String(), "\n")
	if len(lines) < 3 || lines[1] != "    żółć: ąę" || lines[2] != "            ^" {
		t.Errorf("caret output:\n%s", b.String())
	}
}

func TestPrintJSON(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "/w/p/x.yaml", Line: 3, Col: 7}, "REF-01", "dangling").With(Pos{File: "/w/p/y.yaml", Line: 1, Col: 1}, "defined here")
	var b bytes.Buffer
	if err := PrintJSON(&b, &l, PrintOptions{Cwd: "/w"}); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0]["severity"] != "error" || out[0]["rule"] != "REF-01" ||
		out[0]["pos"].(map[string]any)["file"] != "p/x.yaml" {
		t.Errorf("JSON: %s", b.String())
	}
}

func TestNearest(t *testing.T) {
	for _, tc := range []struct {
		word  string
		cands []string
		want  string
	}{
		{"titel", []string{"title", "id", "dimensions"}, "title"},
		{"KD1.2", []string{"KD1.1", "KD2.1", "CS1"}, "KD1.1"},
		{"demografja.md", []string{"diag/demografia.md"}, ""},
		{"diag/demografja.md", []string{"diag/demografia.md", "diag/finanse.md"}, "diag/demografia.md"},
		{"xyz", []string{"title"}, ""},
	} {
		got := Nearest(tc.word, tc.cands, 1)
		if (tc.want == "") != (len(got) == 0) || len(got) > 0 && got[0] != tc.want {
			t.Errorf("Nearest(%q) = %v, want %q", tc.word, got, tc.want)
		}
	}
	if h := DidYouMean("srpp", []string{"srp", "srg"}); h != ` (did you mean "srp" or "srg"?)` && h != ` (did you mean "srp"?)` {
		t.Errorf("DidYouMean: %q", h)
	}
}
