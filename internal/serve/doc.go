// Package serve is `strategia serve`: a local web server for previewing a
// workspace while editing it. It builds every partnership (with
// internal/build, HTML first), rebuilds on every save (with
// internal/watch), and serves:
//
//   - at /, an index of the partnerships with their validation status
//     and links to every document in HTML, PDF and DOCX;
//   - under /<slug>/…, the files of the output folder and nothing else:
//     each HTML edition gets a small script (/_strategia/live.js) that
//     listens to server-sent events (/_strategia/events), shows
//     "budowanie…" while a rebuild runs, swaps in the new page after a
//     successful rebuild keeping the reader on the section they were
//     reading (when the change lies within one section, the event carries
//     that section alone and the page replaces just it, instead of
//     fetching and parsing the whole document), and, when the content is
//     broken, shows an overlay listing
//     every diagnostic as a link that opens the file at its line in the
//     editor (a URL template, vscode://file/{path}:{line}:{col} by
//     default) above the last good document.
//
// serve owns HTTP only: it neither validates, composes nor renders (build
// does), nor watches files itself (watch does), and it imports no
// renderer. It writes nothing but what build writes into the output
// folder, and reads files only through an os.Root of that folder, so no
// path (../, encoded traversal, absolute paths, symbolic links) reaches
// outside it; hidden files (the build manifest, temporaries) are not
// served and folders are not listed. It binds to the loopback address by
// default and answers only requests whose Host header names a loopback
// or IP-literal host (or the host it was told to bind), which defeats DNS
// rebinding. Cancelling Run's context (Ctrl-C) stops the watch, ends the
// event streams and shuts the server down.
package serve
