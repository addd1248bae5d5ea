// Package build turns partnership folders into documents: it runs check
// (load, schema, rules), derives the model's facts, composes the strategy,
// each project fiche and the project package into the document IR, renders
// them with render/pdf and render/docx, and writes them atomically under
// the output folder. A partnership whose content has errors keeps its
// previous documents; one whose inputs have not changed since its last
// build (a small manifest records their digest) is not rewritten.
//
// build is the only stage besides load that touches the filesystem: it
// reads images for compose through an os.Root confined to the partnership
// folder and writes outputs. It imports check, model, compose, the
// renderers and diag; the CLI and watch mode call it, nothing below it
// imports it.
package build
