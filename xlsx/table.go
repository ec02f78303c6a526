package xlsx

import "io"

// Table writes a workbook of one sheet named sheet: a bold, frozen, filterable header row
// and the rows under it. Values may be strings, numbers, booleans or time.Time (written as
// Excel dates in Vietnam time; a zero time leaves the cell empty). Column widths follow
// the content. It is meant for report exports.
func Table(w io.Writer, sheet string, headers []string, rows [][]any) error {
	return write(w, layout{sheet: sheet, headers: headers, rows: rows})
}
