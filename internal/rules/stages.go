package rules

import "github.com/strategia-pl/strategia/internal/diag"

// The diagnostics other stages report (the loader, compose) are in the
// catalogue too, without a Check, so that `strategia validate -explain`
// describes every ID a user can see.
func init() {
	for _, r := range []*Rule{
		{ID: "FILE-01", Title: "every standard content file exists and can be read",
			Explain: "A partnership folder holds partnership.yaml, diagnosis.yaml, indicators.yaml, swot.yaml, goals.yaml, spatial.yaml, implementation.yaml and finance.yaml (and projects/*.yaml). strategia init creates them all. While a file is missing or cannot be parsed, the rules do not run: they would report everything defined in it as missing."},
		{ID: "FILE-02", Title: "a *_md path names an existing Markdown file",
			Explain: "A *_md field holds inline Markdown or the path of a .md file relative to the partnership folder (one line, no spaces, ending in .md). The path must exist; the message suggests the nearest existing file."},
		{ID: "FILE-03", Title: "Markdown paths stay inside the partnership folder",
			Explain: "Paths with .., absolute paths and symbolic links that lead outside the partnership folder are refused and never read: a content repository must not be able to pull other files into a published document."},
		{ID: "FILE-04", Title: "maps and images can be read and are PNG or JPEG",
			Explain: "A map of spatial.yaml or an image placed in Markdown is embedded in the PDF and the DOCX; it must exist inside the partnership folder and be a PNG or JPEG file."},
		{ID: "TXT-01", Title: "files are UTF-8",
			Explain: "Content files must be saved as UTF-8 (with or without a BOM; CRLF line endings are fine). A file saved in Windows-1250 or ISO-8859-2 shows its first invalid byte; re-save it as UTF-8 in the editor."},
		{ID: "TXT-02", Title: "no characters outside the Basic Multilingual Plane",
			Explain: "Emoji and other characters above U+FFFF cannot be drawn by the document fonts and would be lost in the PDF; every Polish letter, dash and quotation mark is inside the BMP."},
		{ID: "TXT-03", Title: "no control characters",
			Explain: "Control characters (other than tab and line breaks) are invisible in editors and break documents; they usually come from copying text out of PDF files."},
		{ID: "YAML-01", Title: "YAML syntax", Explain: "The file must be valid YAML. The position is the line where the parser gave up; the mistake is often just above it (an unclosed bracket or quote, a missing colon)."},
		{ID: "YAML-02", Title: "no tabs in indentation", Explain: "YAML indents with spaces only; a tab in the indentation is an error that editors hide. Configure the editor to insert spaces."},
		{ID: "YAML-03", Title: "no duplicate keys", Explain: "A key written twice in one mapping silently loses one of the values in most tools; strategia refuses it and shows both places."},
		{ID: "YAML-04", Title: "no anchors, aliases or merge keys", Explain: "Anchors (&a), aliases (*a) and merge keys (<<) make content hard to read and can expand exponentially (\"billion laughs\"); write values out where they are used."},
		{ID: "YAML-05", Title: "a content file holds a mapping", Explain: "Each content file is a mapping of the keys its schema describes; an empty file or a bare list or value is refused."},
		{ID: "SCH-01", Title: "no unknown keys", Explain: "Every object of the schema is closed: a key it does not describe is usually a typo, and the message suggests the nearest allowed key."},
		{ID: "SCH-02", Title: "values have the right type", Explain: "Numbers, strings, lists and mappings must be where the schema expects them. TERYT codes are strings: write \"2006011\" in quotes."},
		{ID: "SCH-03", Title: "required keys are present", Explain: "The schema requires IDs, names and the structural core of each file; the message names the missing key and where it belongs."},
		{ID: "SCH-04", Title: "values are allowed", Explain: "Enumerated values (document types, dimensions, statuses…), ID patterns (CS1, KD1.1.1, P01…), dates (YYYY-MM-DD) and ranges follow the schema; `strategia schema KIND` shows it."},
		{ID: "CSV-01", Title: "a comments CSV file is a well-formed table",
			Explain: "consultation/comments.csv (as exported from an online form or a spreadsheet) is UTF-8 (a BOM is fine), its columns separated by commas or by semicolons (the header row decides), with a header row naming the columns number, date, channel, party, author (optional), refers_to, comment, response and justification (or their Polish names: nr, data, kanał, kategoria, zgłaszający, dotyczy, uwaga, rozstrzygnięcie, uzasadnienie). A value holding the separator, a quote or a line break is put in double quotes, with quotes inside doubled. Dates are 2024-03-04 or 04.03.2024; responses may be written in Polish (uwzględniona, częściowo uwzględniona, nieuwzględniona, wyjaśnienie)."},
		{ID: "NUM-01", Title: "numbers are finite, decimal and at most 10^15",
			Explain: "YAML reads .inf and .nan as numbers, 0x10 as sixteen and 1e400 as something no document can print. A budget or an indicator is a finite decimal number: write 16, not 0x10, and keep amounts below 10^15 so that totals stay exact. While a number (or any value of the wrong type) cannot be read, the rules wait: they would compute with 0 and report the consequences of the typo."},
		{ID: "WS-01", Title: "each partnership of a workspace has its own id",
			Explain: "The id names the output folder (output/<id>/). Two partnership folders with one id — what copying a folder gives — would write their documents into one folder and mix them, so neither is built until one of them gets a new id in partnership.yaml."},
		{ID: "MD-01", Title: "Markdown uses only what the documents can show",
			Explain: "Raw HTML, images from the internet, images inside a sentence and links to local files cannot be rendered in both the PDF and the DOCX; they are reported instead of being dropped silently. Use a map ({{map:M1}}) or an image alone in its paragraph, and links to web addresses."},
		{ID: "MD-03", Title: "a phrase in another language names its language with a BCP 47 tag",
			Explain: "A phrase in another language is written as a bracketed span, [smart village]{lang=en}, so that the PDF, the DOCX and the HTML mark it as English (a screen reader then reads it in English, and it is not hyphenated by Polish rules; WCAG 2.1 success criterion 3.1.2, Language of Parts). The tag is a BCP 47 language tag: en, en-GB, de, fr, la, uk. A tag that is not a language would mark the phrase wrongly, so the document is not built until it is corrected."},
	} {
		r.Severity = diag.Error
		register(r)
	}
}

// Warnings of the Markdown conversion.
func init() {
	register(&Rule{ID: "MD-02", Severity: diag.Warning, Title: "lists are nested at most 9 levels deep",
		Explain: "Word numbers and indents lists only down to the 9th level, so in the DOCX a list nested deeper stands at the 9th level, beside its parent; the PDF keeps every level. Flatten the list, or make its deepest levels a paragraph or a table."})
}

// Warnings of the PDF layout, reported by `strategia build`.
func init() {
	register(&Rule{ID: "PDF-01", Severity: diag.Warning, Title: "text fits its line, cell or heading without being cut",
		Explain: "A word, a web address or a number too wide for its line, table cell, heading or table of contents entry (and without a place where it may break: a space, a hyphenation point, a / . - ? & in an address) is broken at the last character that fits, so that nothing is drawn outside the page or over a neighbouring cell. The warning names the output file, the page and the section; shorten the text, give the address a link text, or split a wide table."})
}
