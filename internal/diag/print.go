package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// PrintOptions control Print.
type PrintOptions struct {
	// Cwd makes absolute paths relative to it; empty leaves paths as they are.
	Cwd string
	// Source, when set, prints the offending source line with a caret under
	// the column (for terminals). ReadFile reads sources; nil means os.ReadFile.
	Source   bool
	ReadFile func(string) ([]byte, error)
	// Color adds ANSI colours to the severity.
	Color bool
	// Summary prints a final "N errors, M warnings" line when the list is not empty.
	Summary bool
}

// RelPath returns path relative to cwd when both are absolute and the
// result is shorter to read; otherwise path unchanged. Slashes are used.
func RelPath(cwd, path string) string {
	if cwd != "" && filepath.IsAbs(path) {
		if r, err := filepath.Rel(cwd, path); err == nil {
			path = r
		}
	}
	return filepath.ToSlash(path)
}

func (o PrintOptions) rel(p Pos) Pos {
	if p.File != "" {
		p.File = RelPath(o.Cwd, p.File)
	}
	return p
}

// Print writes the list in the human form, one diagnostic per line with
// its related positions indented below.
func Print(w io.Writer, l *List, o PrintOptions) error {
	var b bytes.Buffer
	lines := map[string][]string{}
	for _, d := range l.items {
		sev := d.Severity.String()
		if o.Color {
			if d.Severity == Error {
				sev = "\x1b[1;31m" + sev + "\x1b[0m"
			} else {
				sev = "\x1b[1;33m" + sev + "\x1b[0m"
			}
		}
		fmt.Fprintf(&b, "%s: %s: %s: %s\n", o.rel(d.Pos), sev, d.Rule, d.Msg)
		if o.Source && d.Pos.Line > 0 {
			src, ok := lines[d.Pos.File]
			if !ok {
				read := o.ReadFile
				if read == nil {
					read = os.ReadFile
				}
				if data, err := read(d.Pos.File); err == nil && utf8.Valid(data) {
					src = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
				}
				lines[d.Pos.File] = src
			}
			if d.Pos.Line <= len(src) {
				writeCaret(&b, src[d.Pos.Line-1], d.Pos.Col)
			}
		}
		for _, r := range d.Related {
			msg := r.Msg
			if msg == "" {
				msg = "see"
			}
			fmt.Fprintf(&b, "    %s: %s\n", msg, o.rel(r.Pos))
		}
	}
	if o.Summary && len(l.items) > 0 {
		e, wn := l.Count()
		fmt.Fprintf(&b, "%s, %s\n", Plural(e, "error"), Plural(wn, "warning"))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeCaret(b *bytes.Buffer, line string, col int) {
	line = strings.TrimPrefix(line, "\ufeff")
	fmt.Fprintf(b, "    %s\n    ", strings.ReplaceAll(line, "\t", " "))
	n := 0
	for _, r := range line {
		if n >= col-1 {
			break
		}
		_ = r
		b.WriteByte(' ')
		n++
	}
	b.WriteString("^\n")
}

// Plural writes a count with an English noun: "1 error", "3 errors".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// PrintJSON writes the list as a JSON array (paths made relative as in Print).
func PrintJSON(w io.Writer, l *List, o PrintOptions) error {
	out := make([]Diagnostic, len(l.items))
	for i, d := range l.items {
		d.Pos = o.rel(d.Pos)
		rel := make([]Related, len(d.Related))
		for j, r := range d.Related {
			r.Pos = o.rel(r.Pos)
			rel[j] = r
		}
		if len(rel) == 0 {
			rel = nil
		}
		d.Related = rel
		out[i] = d
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
