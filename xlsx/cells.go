package xlsx

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// vietnam is UTC+7; Excel dates carry no zone, so instants are written as Vietnam wall time.
var vietnam = time.FixedZone("ICT", 7*3600)

// sheet writes rows into one worksheet with the shared styles.
type sheet struct {
	f    *excelize.File
	name string
	st   styles
}

func (s sheet) title(text string, cols int) error {
	last, err := excelize.CoordinatesToCellName(max(cols, 1), 1)
	if err != nil {
		return err
	}
	if err := s.f.SetCellValue(s.name, "A1", text); err != nil {
		return err
	}
	if err := s.f.MergeCell(s.name, "A1", last); err != nil {
		return err
	}
	if err := s.f.SetRowHeight(s.name, 1, 24); err != nil {
		return err
	}
	return s.f.SetCellStyle(s.name, "A1", last, s.st.title)
}

// row writes values from column A of row n; times become Excel dates in their own style.
func (s sheet) row(n int, values []any, style int) error {
	for i, v := range values {
		cell, err := excelize.CoordinatesToCellName(i+1, n)
		if err != nil {
			return err
		}
		cellStyle := style
		if t, ok := v.(time.Time); ok {
			if t.IsZero() {
				v = nil
			} else {
				v, cellStyle = excelTime(t), s.st.dateTime
				if isMidnight(t) {
					cellStyle = s.st.date
				}
			}
		}
		if err := s.f.SetCellValue(s.name, cell, v); err != nil {
			return err
		}
		if err := s.f.SetCellStyle(s.name, cell, cell, cellStyle); err != nil {
			return err
		}
	}
	return nil
}

// excelTime moves the Vietnam wall time of t to UTC, which excelize writes as is.
func excelTime(t time.Time) time.Time {
	v := t.In(vietnam)
	return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC)
}

func isMidnight(t time.Time) bool {
	v := t.In(vietnam)
	return v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0
}

func (s sheet) widths(ws []float64) error {
	for i, w := range ws {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := s.f.SetColWidth(s.name, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// finish freezes the rows down to the header, puts the auto-filter on it, and sets up
// printing: A4, fitted to the page width, header row repeated on every printed page.
func (s sheet) finish(headerRow, cols, rows int, landscape bool) error {
	top, err := excelize.CoordinatesToCellName(1, headerRow+1)
	if err != nil {
		return err
	}
	if err := s.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: top, ActivePane: "bottomLeft",
	}); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(max(cols, 1), headerRow+max(rows, 1))
	if err != nil {
		return err
	}
	if err := s.f.AutoFilter(s.name, fmt.Sprintf("A%d:%s", headerRow, last), nil); err != nil {
		return err
	}
	orientation, a4, fitWidth, fitHeight := "portrait", 9, 1, 0
	if landscape {
		orientation = "landscape"
	}
	if err := s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Orientation: &orientation, Size: &a4, FitToWidth: &fitWidth, FitToHeight: &fitHeight,
	}); err != nil {
		return err
	}
	return s.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(s.name, "'", "''"), headerRow, headerRow),
		Scope:    s.name,
	})
}

// displayLen guesses how many characters a value shows in its cell.
func displayLen(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case time.Time:
		return len("02/01/2006 15:04")
	case string:
		return utf8.RuneCountInString(v)
	default:
		return utf8.RuneCountInString(fmt.Sprint(v))
	}
}
