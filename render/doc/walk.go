package doc

// WalkStatus tells Walk how to continue.
type WalkStatus int

// Walk statuses.
const (
	WalkContinue     WalkStatus = iota // visit children, then siblings
	WalkSkipChildren                   // do not visit this node's children
	WalkStop                           // stop the walk
)

// Walker is called for each node twice: entering and leaving (leaving is
// not called when the entering call returned WalkSkipChildren or WalkStop).
type Walker func(n Node, entering bool) (WalkStatus, error)

// Walk visits n and its descendants depth-first in document order. An
// error stops the walk and is returned. Footnote bodies of a Document are
// visited after its blocks.
func Walk(n Node, fn Walker) error {
	_, err := walk(n, fn)
	return err
}

func walk(n Node, fn Walker) (WalkStatus, error) {
	st, err := fn(n, true)
	if err != nil || st == WalkStop {
		return WalkStop, err
	}
	if st != WalkSkipChildren {
		if st, err := walkChildren(n, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
		if d, ok := n.(*Document); ok {
			for _, f := range d.Footnotes {
				for _, b := range f.Blocks {
					if st, err := walk(b, fn); err != nil || st == WalkStop {
						return WalkStop, err
					}
				}
			}
		}
		if st, err := fn(n, false); err != nil || st == WalkStop {
			return WalkStop, err
		}
	}
	return WalkContinue, nil
}

// walkChildren walks n's children in the order of n.Children(), without
// building that slice for the nodes a document is made of (Walk runs over
// a whole strategy several times per build).
func walkChildren(n Node, fn Walker) (WalkStatus, error) {
	switch n := n.(type) {
	case *Document:
		return walkBlocks(n.Blocks, fn)
	case *Section:
		if st, err := walkInlines(n.Title, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
		return walkBlocks(n.Blocks, fn)
	case *Heading:
		return walkInlines(n.Text, fn)
	case *Paragraph:
		return walkInlines(n.Inlines, fn)
	case *List:
		for _, it := range n.Items {
			if st, err := walk(it, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
		}
		return WalkContinue, nil
	case *ListItem:
		return walkBlocks(n.Blocks, fn)
	case *Table:
		if st, err := walkInlines(n.Caption, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
		for _, r := range n.Rows {
			if st, err := walk(r, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
		}
		return walkInlines(n.Note, fn)
	case *Row:
		for _, c := range n.Cells {
			if st, err := walk(c, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
		}
		return WalkContinue, nil
	case *Cell:
		return walkBlocks(n.Blocks, fn)
	case *Link:
		return walkInlines(n.Inlines, fn)
	case *Text, *FootnoteRef, *LineBreak, *TOC, *PageBreak:
		return WalkContinue, nil
	}
	for _, c := range n.Children() {
		if st, err := walk(c, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
	}
	return WalkContinue, nil
}

func walkBlocks(bs []Block, fn Walker) (WalkStatus, error) {
	for _, b := range bs {
		if st, err := walk(b, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
	}
	return WalkContinue, nil
}

func walkInlines(is []Inline, fn Walker) (WalkStatus, error) {
	for _, in := range is {
		if st, err := walk(in, fn); err != nil || st == WalkStop {
			return WalkStop, err
		}
	}
	return WalkContinue, nil
}
