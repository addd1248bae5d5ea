package compose

// Phrases in another language: Pandoc's bracketed span with a lang
// attribute, [smart village]{lang=en}, which Quarto users know too. The
// documents mark such a run as being in that language (PDF Span /Lang,
// DOCX w:lang, HTML lang), so that a screen reader pronounces it in that
// language and the PDF does not hyphenate it with Polish patterns.
//
// goldmark has no bracketed spans. Rather than a second inline parser
// that would have to repeat CommonMark's rules for brackets, escapes,
// code spans and emphasis inside the span, the source is rewritten
// before parsing: "]{lang=en}" becomes "](lang=en)", the same number of
// bytes (so every position in diagnostics stays right), which goldmark
// parses as a link whose children are the span's inlines. Code (spans
// and blocks) is left alone, and inl turns such a link into runs with
// Lang set.

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"
)

// RuleLang: a language span whose tag is not a language.
const RuleLang = "MD-03"

// langDest is the link destination a rewritten span gets.
const langDest = "lang="

var (
	// spanAttrRE matches a bracketed span's attribute block right after
	// its closing bracket; group 1 is its body.
	spanAttrRE = regexp.MustCompile(`\]\{([^{}\n]*)\}`)
	// langAttrRE is the one attribute block supported: lang=TAG or
	// lang="TAG".
	langAttrRE = regexp.MustCompile(`^\s*lang=("?)([A-Za-z0-9-]+)("?)\s*$`)
)

// rewriteSpans returns src with the attribute blocks of language spans
// outside code rewritten as link destinations. Attribute blocks of
// other kinds ({.smallcaps}, {#id}) are reported, and kept as text.
func (m *mdConv) rewriteSpans(src []byte) []byte {
	if !bytes.Contains(src, []byte("]{")) {
		return src
	}
	code := codeRanges(m.c.parse(src))
	inCode := func(off int) bool {
		for _, r := range code {
			if off >= r[0] && off < r[1] {
				return true
			}
		}
		return false
	}
	var out []byte
	for _, loc := range spanAttrRE.FindAllSubmatchIndex(src, -1) {
		if inCode(loc[0]) {
			continue
		}
		body := string(src[loc[2]:loc[3]])
		sm := langAttrRE.FindStringSubmatch(body)
		if sm == nil || sm[1] != sm[3] {
			m.c.l.Errorf(m.posAt(loc[0]+1), RuleMarkdown,
				"a span with the attributes {%s} cannot be rendered in the PDF and DOCX documents: the only attribute a [bracketed span] may have is a language, e.g. [smart village]{lang=en}", body)
			continue
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		out[loc[0]+1] = '('
		out[loc[1]-1] = ')'
	}
	if out == nil {
		return src
	}
	return out
}

// codeRanges returns the byte ranges of src that are code: code spans,
// fenced and indented code blocks, raw HTML.
func codeRanges(root ast.Node) [][2]int {
	var rs [][2]int
	add := func(segs *text.Segments) {
		for i := range segs.Len() {
			s := segs.At(i)
			rs = append(rs, [2]int{s.Start, s.Stop})
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			add(n.Lines())
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					rs = append(rs, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			add(n.Segments)
		}
		return ast.WalkContinue, nil
	})
	return rs
}

// spanLang returns the language of a rewritten span's link destination
// ("" for the document's own language, Polish) and whether dest is one.
// A tag that is not a language is reported at n.
func (m *mdConv) spanLang(n *ast.Link, dest string) (string, bool) {
	if !strings.HasPrefix(dest, langDest) {
		return "", false
	}
	raw := strings.Trim(dest[len(langDest):], `"`)
	tag, err := language.Parse(raw)
	if err != nil {
		m.c.l.Errorf(m.pos(n), RuleLang, "%q is not a language tag (BCP 47): write e.g. lang=en for English, lang=de for German, lang=la for Latin", raw)
		return "", true
	}
	if base, _ := tag.Base(); base.String() == "pl" {
		return "", true
	}
	return tag.String(), true
}
