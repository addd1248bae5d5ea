module github.com/strategia-pl/strategia

go 1.26

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	github.com/fsnotify/fsnotify v1.10.1 // indirect
	github.com/gomutex/godocx v0.1.6-0.20250811222946-aefd2d814cd1 // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/sys v0.26.0 // indirect
	golang.org/x/text v0.14.0 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
