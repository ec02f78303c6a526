// Package xlsx writes Excel workbooks: the tracking book of dossiers (sổ theo dõi hồ sơ)
// and plain tables for report exports. Each workbook has one sheet with a bold, frozen,
// filterable header row, set column widths, real Excel dates and an A4 print set-up.
// It wraps github.com/xuri/excelize.
package xlsx
