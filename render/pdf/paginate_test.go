package pdf

import "testing"

// TestNearEmptyPageAvoided: when a page break would leave only the last
// two entries of a list before a forced page break, the page before ends
// a few lines early so that the next holds at least tailLines lines; a
// page break before four longer paragraphs is left alone.
func TestNearEmptyPageAvoided(t *testing.T) {
	lines := func(n int, h, before float64) []*vbox {
		var bs []*vbox
		for range n {
			bs = append(bs, &vbox{h: h, before: before, items: []item{{kind: itText, s: "x"}}})
		}
		return bs
	}
	entry, gap := 5.0, 1.6
	avail := textBottom - textTop + gap
	perPage := int(avail / (entry + gap))
	for _, tc := range []struct {
		name      string
		tail      []*vbox
		wantLines int
	}{
		{"two entries", lines(2, entry, gap), tailLines},
		{"four paragraphs", lines(4, 4*entry, 2.2), 4},
	} {
		boxes := append(lines(perPage, entry, gap), tc.tail...)
		boxes = append(boxes, &vbox{brk: true, h: entry, items: []item{{kind: itText, s: "next chapter"}}})
		pages := paginate(boxes)
		if len(pages) != 3 {
			t.Fatalf("%s: %d pages, want 3", tc.name, len(pages))
		}
		if got := len(pages[1].boxes); got != tc.wantLines {
			t.Errorf("%s: %d lines on the page before the break, want %d", tc.name, got, tc.wantLines)
		}
		for i, pg := range pages {
			for _, pl := range pg.boxes {
				if pl.y+pl.b.h > textBottom+0.01 || pl.y < textTop-0.01 {
					t.Errorf("%s: page %d: a box at %.1f–%.1f mm, outside the text area", tc.name, i+1, pl.y, pl.y+pl.b.h)
				}
			}
		}
	}
}

// TestSpaceBelowAtPageFoot: a box whose space below (vbox.after, e.g. the
// 2 mm under a figure's source) does not fit at the foot of a page stays
// on the page if its content fits, as TeX drops glue at a page break and
// LibreOffice drops the DOCX's space before the next paragraph there; a
// box whose content does not fit moves on.
func TestSpaceBelowAtPageFoot(t *testing.T) {
	for _, tc := range []struct {
		name      string
		h, after  float64
		wantPages int
	}{
		{"content fits, its space below does not", 8, 2, 1},
		{"content does not fit", 10, 2, 2},
	} {
		fill := &vbox{h: textBottom - textTop - 7, items: []item{{kind: itText, s: "x"}}}
		b := &vbox{h: tc.h, after: tc.after, items: []item{{kind: itText, s: "y"}}}
		pages := paginate([]*vbox{fill, b})
		if len(pages) != tc.wantPages {
			t.Errorf("%s: %d pages, want %d", tc.name, len(pages), tc.wantPages)
		}
		for i, pg := range pages {
			for _, pl := range pg.boxes {
				if pl.y+pl.b.h-pl.b.after > textBottom+0.01 {
					t.Errorf("%s: page %d: content down to %.1f mm, below the text area", tc.name, i+1, pl.y+pl.b.h-pl.b.after)
				}
			}
		}
	}
}
