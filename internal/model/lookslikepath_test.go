package model

import "testing"

func TestLooksLikePath(t *testing.T) {
	for s, want := range map[string]bool{
		"diag/demografia": true, "model.txt": true, `diag\demografia`: true, "spatial/model.MD": false, // IsPath
		"Rolnictwo.": false, "Tak.": false, "Doliny rzeczne i drogi.": false, "https://example.org/a": false,
		"": false, "np.:": false, "v1.2": true,
	} {
		if got := LooksLikePath(s); got != want {
			t.Errorf("LooksLikePath(%q) = %v, want %v", s, got, want)
		}
	}
}
