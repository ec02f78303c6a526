package catalog

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// The exchange document's name and version; a reader refuses any other.
const (
	ExportFormat  = "motcua-catalog"
	ExportVersion = 1
)

// Export writes procedures as the canonical exchange document: fixed key order, two-space
// indent, instants in UTC, empty parts left out, procedures in the order given. Exporting
// what Import returned gives the same bytes again.
func Export(w io.Writer, ps []Procedure) error {
	doc := catalogDoc{Format: ExportFormat, Version: ExportVersion, Procedures: make([]procedureWire, len(ps))}
	for i, p := range ps {
		doc.Procedures[i] = toWire(p)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// Import reads an exchange document. It checks everything and returns either all the
// procedures or none, with every problem located, e.g.
// "procedures[3].versions[0].channels[0].time". Unknown keys are refused so that nothing
// is dropped silently.
func Import(r io.Reader) ([]Procedure, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var doc catalogDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, ValidationErrors{{Path: "", Vi: "tệp JSON không đọc được: " + err.Error(), En: "unreadable JSON: " + err.Error()}}
	}
	var es ValidationErrors
	if doc.Format != ExportFormat {
		es.add("format", fmt.Sprintf("cần %q", ExportFormat), fmt.Sprintf("want %q", ExportFormat))
	}
	if doc.Version != ExportVersion {
		es.add("version", fmt.Sprintf("phiên bản định dạng %d không được hỗ trợ", doc.Version),
			fmt.Sprintf("format version %d is not supported", doc.Version))
	}
	ps := make([]Procedure, len(doc.Procedures))
	seen := map[string]int{}
	for i, w := range doc.Procedures {
		path := "procedures[" + itoa(i) + "]"
		var pe ValidationErrors
		ps[i] = fromWire(w, &pe)
		pe = append(pe, ps[i].validate()...)
		es.nest(path, pe.err())
		if j, dup := seen[w.Code]; dup && w.Code != "" {
			es.add(path+".code", fmt.Sprintf("trùng mã với thủ tục thứ %d", j+1), fmt.Sprintf("same code as procedure %d", j+1))
		}
		seen[w.Code] = i
	}
	if err := es.err(); err != nil {
		return nil, err
	}
	return ps, nil
}

// validate checks a whole procedure as stored: its code, its versions and how their
// statuses fit together.
func (p Procedure) validate() ValidationErrors {
	var es ValidationErrors
	if p.Code == "" {
		es.add("code", "cần mã thủ tục", "code is required")
	}
	if p.AbolishedFrom != nil && p.AbolishedBy == "" {
		es.add("abolished_by", "cần số quyết định bãi bỏ", "abolishing decision is required")
	}
	if len(p.Versions) == 0 {
		es.add("versions", "cần ít nhất một phiên bản", "at least one version is required")
	}
	numbers := map[int]bool{}
	count := map[VersionStatus]int{}
	for i, v := range p.Versions {
		path := "versions[" + itoa(i) + "]"
		if v.Number <= 0 || numbers[v.Number] {
			es.add(path+".number", "số phiên bản phải dương và không trùng", "version number must be positive and unique")
		}
		numbers[v.Number] = true
		if v.Status == "" {
			es.add(path+".status", "cần trạng thái", "status is required")
		}
		count[v.Status]++
		if v.Status == Draft && count[Draft] > 1 {
			es.add(path+".status", "chỉ được một bản nháp", "only one draft is allowed")
		}
		if v.Status == Published && count[Published] > 1 {
			es.add(path+".status", "chỉ được một phiên bản đang công bố", "only one published version is allowed")
		}
		es.nest(path, v.Validate())
	}
	return es
}

func itoa(i int) string { return strconv.Itoa(i) }
