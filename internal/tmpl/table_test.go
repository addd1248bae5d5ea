package tmpl

import (
	"testing"
)

func TestParseColumns(t *testing.T) {
	for _, tc := range []struct {
		spec string
		want []Column
		err  bool
	}{
		{"2.2h 5", []Column{{Width: 2.2, Label: true}, {Width: 5}}, false},
		{"1c 2r", []Column{{Width: 1, Align: 'c'}, {Width: 2, Align: 'r'}}, false},
		{"", nil, true},
		{"2 x", nil, true},
		{"0 1", nil, true},
		{"-1", nil, true},
	} {
		got, err := ParseColumns(tc.spec)
		if (err != nil) != tc.err {
			t.Errorf("%q: error %v, want error %v", tc.spec, err, tc.err)
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: %v, want %v", tc.spec, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: column %d is %v, want %v", tc.spec, i, got[i], tc.want[i])
			}
		}
	}
}

func TestTableLines(t *testing.T) {
	for _, tc := range []struct {
		args []any
		want string
	}{
		{[]any{"a", 2, []string{"b", "c"}}, Mark + "Ra" + CellSep + "2" + CellSep + "b" + CellSep + "c"},
		{[]any{"x\ny", nil}, Mark + "Rx y" + CellSep},
	} {
		got, err := cells(OpRow, tc.args)
		if err != nil || got != tc.want {
			t.Errorf("cells(%q) = %q, %v; want %q", tc.args, got, err, tc.want)
		}
	}
	if _, err := cells(OpRow, []any{1.5}); err == nil {
		t.Error("a float cell gave no error")
	}
	if _, err := tableFunc("caption", "2 zz"); err == nil {
		t.Error("a bad column spec gave no error")
	}
}

func TestJoinBy(t *testing.T) {
	if got := JoinBy("; ", "a", "", false, nil, "b"); got != "a; b" {
		t.Errorf("JoinBy = %q", got)
	}
}
