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

// rPrOrder is the sequence of CT_RPr's EG_RPrBase (§17.3.2.28), with the
// revision marks a paragraph mark's rPr (CT_ParaRPr) may hold around it.
var rPrOrder = []string{"ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
	"outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
	"w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
	"rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"}

// checkPPrOrder reports pPr and rPr elements of an XML part whose children are
// out of the schema's order.
func checkPPrOrder(tb testing.TB, name string, data []byte) {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		order []string // the children's order, nil for other elements
		last  int
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
			if n := len(stack); n > 0 && stack[n-1].order != nil {
				f := &stack[n-1]
				i := slices.Index(f.order, t.Name.Local)
				if i < 0 {
					tb.Errorf("%s: unknown child %s", name, t.Name.Local)
				} else if i < f.last {
					tb.Errorf("%s: child %s after %s", name, t.Name.Local, f.order[f.last])
				} else {
					f.last = i
				}
			}
			var order []string
			if t.Name.Space == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" {
				switch t.Name.Local {
				case "pPr":
					order = pPrOrder
				case "rPr":
					order = rPrOrder
				}
			}
			stack = append(stack, frame{order: order})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestPPrOrder checks the paragraph properties of the reference styles
// and of every part of a rendered document against the schema's order.
func TestPPrOrder(t *testing.T) {
	checkPPrOrder(t, "templates/docx/styles.xml", []byte(ref.Styles))
	checkPPrOrder(t, "templates/docx/numbering.xml", []byte(ref.Numbering))
	_, parts := unzip(t, render(t, fixture(), Options{TOCPages: map[string]int{"r1": 2}}))
	for name, data := range parts {
		if strings.HasPrefix(name, "word/") && strings.HasSuffix(name, ".xml") {
			checkPPrOrder(t, name, data)
		}
	}
}
