// Package build turns partnership folders into documents: it runs check
// (load, schema, rules), derives the model's facts, composes the strategy,
// each project fiche and the project package into the document IR, renders
// them with render/pdf and render/docx, and writes them atomically under
// the output folder. A partnership whose content has errors keeps its
// previous documents; one whose inputs have not changed since its last
// build (a small manifest records their digest) is not rewritten, and
// within one process (watch, serve) a document whose composed IR is the
// one the Builder last wrote it from is neither rendered nor written
// again (memo.go): a chapter edit renders the strategy and the diagnosis
// report, not the fiches, the resolutions or the letters.
//
// It also owns what keeps builds from hurting each other:
//   - Check, everything a build checks without rendering (what validate
//     runs), so that validate and build cannot disagree;
//   - DuplicateIDs (WS-01): partnerships that would share an output folder
//     are not built;
//   - render slots shared by every partnership, taken and given back in one
//     place (slots.do), so no cancelled or failed path can keep one;
//   - a lock on each output folder while it is written, and temporary
//     names that carry the writer's process id, so concurrent builds
//     neither interleave nor delete each other's files;
//   - the manifest digest, over sourcefs's source files only: the output
//     folder, wherever it lies, and strategia's own files are not inputs.
//
// build is the only stage besides load that touches the filesystem: it
// reads images for compose through sourcefs (an os.Root confined to the
// partnership folder that never opens anything but regular files) and
// writes outputs. It imports check, load (for load.Cache, the parsed
// YAML a watching Builder keeps across rebuilds), model, compose, the
// renderers, diag and sourcefs; the CLI and watch mode call it, nothing
// below it imports it.
package build
