package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/sourcefs"
)

// resolveMarkdown reads the file behind every *_md value that names one,
// and checks the text of inline prose and files alike.
func (ld *loader) resolveMarkdown() {
	cache := map[string]*model.Markdown{}
	model.ForEachMarkdown(ld.s, func(m *model.Markdown) {
		if !model.IsPath(m.Raw) {
			if model.LooksLikePath(m.Raw) {
				ld.notAFile(m)
				return
			}
			m.Text = m.Raw
			return
		}
		rel := strings.ReplaceAll(strings.TrimSpace(m.Raw), `\`, "/")
		if done, ok := cache[rel]; ok {
			m.Text, m.File, m.Line = done.Text, done.File, done.Line
			return
		}
		m.Text = ""
		clean := path.Clean(rel)
		if path.IsAbs(rel) || len(rel) > 1 && rel[1] == ':' || clean == ".." || strings.HasPrefix(clean, "../") || !fs.ValidPath(clean) {
			ld.l.Errorf(m.Pos, RuleEscape, "%s lies outside the partnership folder: Markdown files must be inside it, named relative to it", rel)
			return
		}
		data, err := fs.ReadFile(ld.fsys, clean)
		if err != nil {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				ld.l.Errorf(m.Pos, RuleMarkdown, "Markdown file %s does not exist%s", clean, diag.DidYouMean(clean, ld.mdFiles()))
			case strings.Contains(err.Error(), "escapes"):
				ld.l.Errorf(m.Pos, RuleEscape, "%s leads outside the partnership folder (a symbolic link?): it is not read", clean)
			default:
				ld.l.Errorf(m.Pos, RuleMarkdown, "cannot read Markdown file %s: %v", clean, unwrapPathError(err))
			}
			return
		}
		file := ld.file(clean)
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !checkText(file, data, &ld.l) {
			return
		}
		m.Text = strings.ReplaceAll(string(data), "\r\n", "\n")
		m.File, m.Line = clean, 1
		for i, line := range strings.Split(m.Text, "\n") {
			if model.HasPlaceholder(line) {
				ld.s.Placeholders = append(ld.s.Placeholders, model.Placeholder{Pos: diag.Pos{File: file, Line: i + 1, Col: 1}, Text: strings.TrimSpace(line)})
			}
		}
		cache[rel] = m
		ld.s.Files = append(ld.s.Files, clean)
	})
}

// notAFile reports a *_md value that looks like a file name (one token
// with a "/" or an extension) but is not the name of a Markdown file: it
// would otherwise print as the whole text of its chapter.
func (ld *loader) notAFile(m *model.Markdown) {
	raw := strings.ReplaceAll(strings.TrimSpace(m.Raw), `\`, "/")
	m.Text = ""
	hint := diag.DidYouMean(raw, ld.mdFiles())
	for _, f := range ld.mdFiles() {
		if strings.TrimSuffix(f, ".md") == strings.TrimSuffix(raw, path.Ext(raw)) {
			hint = ` (did you mean "` + f + `"?)`
			break
		}
	}
	ld.l.Errorf(m.Pos, RuleMarkdown, "%q looks like a file name, but no Markdown file has that name%s: give the file's path with its .md extension, or write the prose as a sentence", raw, hint)
}

// mdFiles lists the partnership's Markdown files, for "did you mean".
func (ld *loader) mdFiles() []string {
	var out []string
	_ = fs.WalkDir(ld.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && p != "." && sourcefs.SkipFolder(d.Name()) {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && !sourcefs.Ignored(d.Name()) {
			out = append(out, p)
		}
		return nil
	})
	return out
}
