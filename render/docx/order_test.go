package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	ref "github.com/strategia-pl/strategia/templates/docx"
)

// pPrOrder is the sequence of CT_PPrBase (ECMA-376 Part 1, §17.3.1.26)
// followed by pPr's own rPr, sectPr and pPrChange. Word reports a file
// whose pPr children are out of this order as corrupt.
var pPrOrder = []string{"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
	"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
	"topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
	"contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
	"textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"}

// checkPPrOrder reports pPr elements of an XML part whose children are
// out of the schema's order.
func checkPPrOrder(tb testing.TB, name string, data []byte) {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		pPr  bool
		last int
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 && stack[n-1].pPr {
				i := slices.Index(pPrOrder, t.Name.Local)
				if i < 0 {
					tb.Errorf("%s: unknown pPr child %s", name, t.Name.Local)
				} else if i < stack[n-1].last {
					tb.Errorf("%s: pPr child %s after %s", name, t.Name.Local, pPrOrder[stack[n-1].last])
				} else {
					stack[n-1].last = i
				}
			}
			stack = append(stack, frame{pPr: t.Name.Local == "pPr" && !strings.Contains(t.Name.Space, "drawingml")})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestPPrOrder checks the paragraph properties of the reference styles
// and of every part of a rendered document against the schema's order.
func TestPPrOrder(t *testing.T) {
	checkPPrOrder(t, "templates/docx/styles.xml", []byte(ref.Styles))
	_, parts := unzip(t, render(t, fixture(), Options{TOCPages: map[string]int{"r1": 2}}))
	for name, data := range parts {
		if strings.HasPrefix(name, "word/") && strings.HasSuffix(name, ".xml") {
			checkPPrOrder(t, name, data)
		}
	}
}
