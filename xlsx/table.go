package xlsx

import "io"

// Table writes a workbook of one sheet named sheet: a bold, frozen, filterable header row
// and the rows under it. Values may be strings, numbers, booleans or time.Time (written as
// Excel dates in Vietnam time; a zero time leaves the cell empty). Column widths follow
// the content. It is meant for report exports.
func Table(w io.Writer, sheet string, headers []string, rows [][]any) error {
	return write(w, layout{sheet: sheet, headers: headers, rows: rows})
}

// Sheet is one table of a workbook: its sheet name (at most 31 characters, unique in the
// workbook), header row and rows, as Table takes them.
type Sheet struct {
	Name    string
	Headers []string
	Rows    [][]any
}

// Tables writes a workbook with a sheet per table, in order, each laid out as Table does.
func Tables(w io.Writer, sheets []Sheet) error {
	ls := make([]layout, len(sheets))
	for i, s := range sheets {
		ls[i] = layout{sheet: s.Name, headers: s.Headers, rows: s.Rows}
	}
	return write(w, ls...)
}
