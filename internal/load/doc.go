// Package load reads one partnership folder into the model and reports
// every problem it meets as a positioned diagnostic.
//
// It owns the first two stages of DESIGN §3: decoding the YAML files into
// yaml.Node trees (positions kept; BOM and CRLF accepted; invalid UTF-8,
// characters outside the Basic Multilingual Plane, tab indentation,
// duplicate keys and aliases refused), the JSON Schema pass over those
// trees (schema/*.schema.json, compiled once per process), decoding into
// model types with every value's position recorded, and reading the
// Markdown that *_md fields name. All file access goes through an fs.FS:
// Load opens an os.Root on the partnership folder, so a path that escapes
// it — "..", an absolute path, a symlink pointing out — is refused and
// nothing outside the folder is ever read; LoadFS reads any other tree
// the same way, such as a git revision read into memory (internal/gitrev),
// so both versions that `strategia diff` compares go through one loader.
// Load also reads through sourcefs, so a named pipe, a device or a link
// to one is refused before it is opened. Numbers YAML reads but no
// document can hold (.inf, .nan, 1e400, beyond 10^15, 0x10 and other
// non-decimal notations) are NUM-01 errors at the value.
//
// A Cache (cache.go) lets a long-running process (watch, serve) skip
// parsing and validating the YAML files that did not change since its
// last load; what a load returns is the same with or without one.
//
// load imports diag, model and the embedded schema; it never imports
// rules, compose or a renderer.
package load
