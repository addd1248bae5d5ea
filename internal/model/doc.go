// Package model is the typed form of one partnership's content: the
// territorial strategy (partnership and members, diagnosis, indicators,
// SWOT, vision and goals, OSI and the spatial model, implementation and
// participation, the financial framework) and its project fiches, as set
// out in research/domain.md §5.
//
// Field names follow the YAML keys (English); the JSON Schema files under
// schema/ give each field its Polish meaning and legal basis. Every entity
// embeds Meta, so it knows where it was defined and where each of its keys'
// values stand; references to other entities are Refs, which carry their
// own positions. Prose is Markdown: a *_md field holds inline text or a
// path relative to the partnership folder, resolved by the loader.
//
// model holds data and the small lookups every later stage needs (indexes
// by ID). It imports only diag and yaml (for the Ref and Markdown
// decoders); it never reads files and never imports load, rules, compose
// or a renderer.
package model
