package pdf

import (
	"bytes"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestTOCEntriesWrapLikeWord checks that a TOC entry wraps as Word and
// LibreOffice wrap the DOCX's TOC paragraphs (a right tab with a leader
// at the margin): every line but the last runs to the right margin
// (first-fit), and the page number ends the last line, or a line of its
// own when it does not fit beside the text. Titles of 1 to 4 lines with
// a last word of 1 to 15 letters are tried, so some end close enough to
// the margin to push the number down.
func TestTOCEntriesWrapLikeWord(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	const right = (marginL + textW) / ptMM // the right margin (pt)
	reWord := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>`)
	ownLine := 0
	for n := range 180 {
		// 1 to 12 words before a last word of 1 to 15 letters
		title := strings.Repeat("przedsiębiorczość ", 1+n/15) + "abcdefghijklmno"[:1+n%15]
		d := &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 1},
			&doc.Section{Level: 1, Unnumbered: true, PageBreakBefore: true, Anchor: "a", Title: []doc.Inline{tx(title)}},
		}}
		var b bytes.Buffer
		if err := Render(&b, d, Options{NoTitlePage: true}); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(pdftotext, "-bbox", "-f", "1", "-l", "1", "-", "-")
		cmd.Stdin = &b
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		type line struct {
			y, xMax float64 // top, the right end of the title's words
			words   []string
			wordW   float64
		}
		// The entry's lines: its words (page content between the
		// running header and the footer) grouped by their top.
		type word struct {
			x0, y, x1 float64
			s         string
		}
		var words []word
		for _, m := range reWord.FindAllStringSubmatch(string(out), -1) {
			var w word
			w.x0, _ = strconv.ParseFloat(m[1], 64)
			w.y, _ = strconv.ParseFloat(m[2], 64)
			w.x1, _ = strconv.ParseFloat(m[3], 64)
			w.s = m[4]
			if w.s != "Spis" && w.s != "treści" && w.y > 60 && w.y < 780 {
				words = append(words, w)
			}
		}
		sort.Slice(words, func(i, j int) bool {
			if words[i].y != words[j].y {
				return words[i].y < words[j].y
			}
			return words[i].x0 < words[j].x0
		})
		var entry []line
		for _, w := range words {
			if len(entry) == 0 || w.y-entry[len(entry)-1].y > 2 {
				entry = append(entry, line{y: w.y})
			}
			l := &entry[len(entry)-1]
			if w.s != "2" && !strings.HasPrefix(w.s, ".") {
				l.xMax, l.wordW = w.x1, w.x1-w.x0
				w.s = "t" // a word of the title
			}
			l.words = append(l.words, w.s)
		}
		if len(entry) == 0 {
			t.Fatalf("%q: no TOC entry found", title)
		}
		for i, l := range entry[:len(entry)-1] {
			if l.xMax > 0 && entry[i+1].words[0] == "t" && l.xMax < right-l.wordW-4 {
				t.Errorf("%q: line %d ends %.1f pt short of the margin: the next word would fit", title, i+1, right-l.xMax)
			}
		}
		last := entry[len(entry)-1]
		if got := last.words[len(last.words)-1]; got != "2" {
			t.Fatalf("%q: the entry's last line ends in %q, not the page number", title, got)
		}
		if last.words[0] != "t" {
			ownLine++
			if prev := entry[len(entry)-2]; prev.xMax < right-12 {
				t.Errorf("%q: the page number stands on a line of its own though its text ends %.1f pt before the margin", title, right-prev.xMax)
			}
		}
	}
	if ownLine == 0 {
		t.Error("no title pushed its page number to a line of its own")
	}
}
