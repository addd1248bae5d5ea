package docx

import (
	"encoding/xml"
	"strconv"
	"sync"

	ref "github.com/strategia-pl/strategia/templates/docx"
)

// Vertical spacing between paragraphs.
//
// Word adds the space after one paragraph to the space before the next;
// LibreOffice, opening a DOCX, keeps only the larger of the two. So that
// both lay out the same page as the PDF (whose boxes add both), no style
// of the reference has space after: the space the PDF puts below a
// heading, a lead paragraph, a quote, a figure or a table note is carried
// to the next paragraph and written as its space before (carryAfter). The
// only exception is the table caption, which a table follows, and the
// empty paragraph after a table, whose height is the gap.

// carryAfter is the space (twips) the PDF leaves below a paragraph of
// each style, added to the space before the paragraph that follows.
var carryAfter = map[string]int{
	"Heading1": 283, "Heading1Unlisted": 283, "TOCHeading": 283,
	"Heading2": 142, "Heading2Unlisted": 142,
	"Heading3": 85, "Heading3Unlisted": 85,
	"Heading4":     57,
	"Lead":         85,
	"Quote":        85,
	"Code":         57,
	"TableNote":    113,
	"FigureSource": 113,
	"Figure":       85,
}

// styleBefore returns the space before (twips) that the reference's
// paragraph style id defines, following basedOn.
func styleBefore(id string) int {
	st := refSpacing()
	for range 16 {
		s, ok := st[id]
		if !ok {
			return 0
		}
		if s.before >= 0 {
			return s.before
		}
		id = s.basedOn
	}
	return 0
}

type styleSpacing struct {
	basedOn string
	before  int // -1: inherited
}

// refSpacing reads the space before of every paragraph style of the
// reference styles.xml once; the result is never modified.
var refSpacing = sync.OnceValue(func() map[string]styleSpacing {
	var doc struct {
		Styles []struct {
			Type    string `xml:"type,attr"`
			ID      string `xml:"styleId,attr"`
			BasedOn struct {
				Val string `xml:"val,attr"`
			} `xml:"basedOn"`
			PPr struct {
				Spacing *struct {
					Before string `xml:"before,attr"`
				} `xml:"spacing"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	out := map[string]styleSpacing{}
	if err := xml.Unmarshal([]byte(ref.Styles), &doc); err != nil {
		return out
	}
	for _, s := range doc.Styles {
		if s.Type != "paragraph" {
			continue
		}
		sp := styleSpacing{basedOn: s.BasedOn.Val, before: -1}
		if s.PPr.Spacing != nil && s.PPr.Spacing.Before != "" {
			if v, err := strconv.Atoi(s.PPr.Spacing.Before); err == nil {
				sp.before = v
			}
		}
		out[s.ID] = sp
	}
	return out
})
