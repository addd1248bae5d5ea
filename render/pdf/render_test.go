package pdf

import (
	"bytes"
	"os"
	"testing"

	"github.com/strategia-pl/strategia/render/doc/doctest"
)

func TestRenderSampleFile(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, doctest.Sample(120), Options{}); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("PDF_OUT"); out != "" {
		os.WriteFile(out, b.Bytes(), 0o644)
	}
	t.Logf("%d bytes", b.Len())
}
