package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of JPEG figures without a pixel size
	_ "image/png"  // DecodeConfig of PNG figures without a pixel size
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/render/doc"
)

// imageFormat returns the part extension of a figure: "png" or "jpeg".
func imageFormat(f *doc.Figure) (string, error) {
	switch strings.ToLower(f.Format) {
	case "png":
		return "png", nil
	case "jpeg", "jpg":
		return "jpeg", nil
	}
	switch {
	case bytes.HasPrefix(f.Data, []byte("\x89PNG\r\n\x1a\n")):
		return "png", nil
	case bytes.HasPrefix(f.Data, []byte("\xff\xd8\xff")):
		return "jpeg", nil
	}
	return "", fmt.Errorf("docx: figure %q: unsupported image format %q", f.Name, f.Format)
}

// figureGap is the space (twips) the PDF leaves below a figure's last
// paragraph, 2 mm.
const figureGap = 113

// figure writes the picture as an inline drawing in a centred paragraph,
// then the caption and the source below it.
func (r *renderer) figure(c ctx, f *doc.Figure) error {
	if len(f.Data) == 0 {
		return fmt.Errorf("docx: figure %q: no image data", f.Name)
	}
	ext, err := imageFormat(f)
	if err != nil {
		return err
	}
	wpx, hpx := f.WidthPx, f.HeightPx
	if wpx <= 0 || hpx <= 0 {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(f.Data))
		if err != nil {
			return fmt.Errorf("docx: figure %q: %w", f.Name, err)
		}
		wpx, hpx = cfg.Width, cfg.Height
	}
	if wpx <= 0 || hpx <= 0 {
		return fmt.Errorf("docx: figure %q: empty image", f.Name)
	}
	frac := f.WidthFrac
	if !(frac > 0 && frac <= 1) {
		frac = 1
	}
	cx := int64(float64(c.width)*frac) * emuPerTwip
	cy := cx * int64(hpx) / int64(wpx)
	if maxH := int64(textHeight) * 7 / 10 * emuPerTwip; cy > maxH {
		cx, cy = cx*maxH/cy, maxH
	}

	name := "image" + strconv.Itoa(len(r.media)+1) + "." + ext
	r.media = append(r.media, media{name: name, ext: ext, data: f.Data})
	rid := r.part.rel("image", "media/"+name, false)
	r.drawingID++
	alt := f.Alt
	if alt == "" {
		alt = plainText(f.Caption)
	}

	pp := props("Figure")
	pp.keepNext = len(f.Caption) > 0 || len(f.Source) > 0
	if !pp.keepNext {
		pp.after = carryAfter["Figure"] + figureGap
	}
	r.openPara(c, pp)
	id := r.markStart(r.anchor(f.Anchor))
	b := r.b
	size := `cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"`
	did := strconv.Itoa(r.drawingID)
	b.WriteString(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent ` + size + `/><wp:effectExtent l="0" t="0" r="0" b="0"/>`)
	b.WriteString(`<wp:docPr id="` + did + `" name="Picture ` + did + `" descr="`)
	escAttr(b, alt)
	b.WriteString(`"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="`)
	b.WriteString(name)
	b.WriteString(`" descr="`)
	escAttr(b, alt)
	b.WriteString(`"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + size + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
	r.markEnd(id)
	closePara(r)

	if len(f.Caption) > 0 {
		pp := props("FigureCaption")
		pp.keepNext = len(f.Source) > 0
		if !pp.keepNext {
			pp.after = figureGap
		}
		r.openPara(c, pp)
		if err := r.caption(c, f.Anchor, f.Caption); err != nil {
			return err
		}
		closePara(r)
	}
	if len(f.Source) > 0 {
		r.openPara(c, props("FigureSource"))
		if err := r.inlines(c, f.Source, 0); err != nil {
			return err
		}
		closePara(r)
	}
	return nil
}
