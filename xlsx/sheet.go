package xlsx

import (
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// layout describes one sheet: an optional title row, a header row, then the rows.
type layout struct {
	sheet     string
	title     string    // merged across the columns above the header when not empty
	headers   []string  // header row, bold and frozen
	widths    []float64 // column widths in characters; estimated from the content when nil
	rows      [][]any
	landscape bool
}

// write builds the workbook of the sheets ls, in order, and writes it to w.
func write(w io.Writer, ls ...layout) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, l := range ls {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), l.sheet)
		} else {
			_, err = f.NewSheet(l.sheet)
		}
		if err != nil {
			return err
		}
		if err := fill(sheet{f: f, name: l.sheet, st: st}, l); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// fill writes l into its sheet s.
func fill(s sheet, l layout) error {
	st := s.st
	cols := len(l.headers)
	headerRow := 1
	if l.title != "" {
		headerRow = 2
		if err := s.title(l.title, cols); err != nil {
			return err
		}
	}
	if err := s.row(headerRow, toAny(l.headers), st.header); err != nil {
		return err
	}
	for i, r := range l.rows {
		if err := s.row(headerRow+1+i, r, st.text); err != nil {
			return err
		}
	}
	widths := l.widths
	if widths == nil {
		widths = estimateWidths(l.headers, l.rows)
	}
	if err := s.widths(widths); err != nil {
		return err
	}
	return s.finish(headerRow, cols, len(l.rows), l.landscape)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// estimateWidths sizes each column to its longest value, within readable bounds.
func estimateWidths(headers []string, rows [][]any) []float64 {
	widths := make([]float64, len(headers))
	for i, h := range headers {
		widths[i] = float64(utf8.RuneCountInString(h))
	}
	for _, r := range rows {
		for i, v := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], float64(displayLen(v)))
			}
		}
	}
	for i := range widths {
		widths[i] = min(max(widths[i]+2, 8), 60)
	}
	return widths
}
