package xlsx

import "github.com/xuri/excelize/v2"

// styles are the cell style ids shared by every sheet of a workbook.
type styles struct {
	title, header, text, date, dateTime int
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	body := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt, dateTimeFmt := "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
	specs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Size: 14},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}},
		{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Border: border, Alignment: body},
		{Border: border, Alignment: body, CustomNumFmt: &dateFmt},
		{Border: border, Alignment: body, CustomNumFmt: &dateTimeFmt},
	}
	ids := make([]int, len(specs))
	for i, spec := range specs {
		id, err := f.NewStyle(spec)
		if err != nil {
			return styles{}, err
		}
		ids[i] = id
	}
	return styles{title: ids[0], header: ids[1], text: ids[2], date: ids[3], dateTime: ids[4]}, nil
}
