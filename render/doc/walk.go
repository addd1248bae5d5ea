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
		for _, c := range n.Children() {
			if st, err := walk(c, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
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
