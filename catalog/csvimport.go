package catalog

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/textfold"
)

// Choices made when a CSV row is silent. See ImportCSV.
const (
	// LocalCodePrefix starts the codes made up for rows without a national code.
	LocalCodePrefix = "SCT-"
	// PlaceholderDays is the statutory time given to rows without one: 15 working days
	// is the most common time of the department's licences in the source.
	PlaceholderDays = 15
	// CSVAgency is the implementing agency of every imported procedure.
	CSVAgency = "Sở Công Thương"
	// CSVFeeName names the one fee a row can carry; the sources do not split phí and lệ phí.
	CSVFeeName = "Phí, lệ phí"
)

// CSVFeeFrom is the day imported fees take effect. The rows do not say; 01/01/2017 is when
// the fee circulars the sources cite (e.g. 168/2016/TT-BTC) came into force, so the fee
// covers every dossier the system can hold.
var CSVFeeFrom = calendar.D(2017, 1, 1)

var csvColumns = []string{"code", "name", "field", "statutory_days", "fee_vnd", "online_level", "source"}

// CSVError is a problem with one cell (or one row, when Column is empty).
type CSVError struct {
	Line   int
	Column string
	Vi, En string
}

func (e CSVError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("dòng %d: %s / line %d: %s", e.Line, e.Vi, e.Line, e.En)
	}
	return fmt.Sprintf("dòng %d, cột %s: %s / line %d, column %s: %s", e.Line, e.Column, e.Vi, e.Line, e.Column, e.En)
}

// CSVErrors lists every problem of a file.
type CSVErrors []CSVError

func (es CSVErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// ImportCSV reads the department's procedure list (columns code, name, field,
// statutory_days, fee_vnd, online_level, source, in any order). It returns every
// procedure or, if any row is wrong, none and a CSVErrors naming each line and column.
//
// Each row becomes one published version 1 at province level, agency "Sở Công Thương",
// with the source kept verbatim and no publication time (the source does not say when).
// Gaps are filled as follows, and each filled part is listed in Version.Sample:
//   - no code: LocalCodePrefix and 8 hex digits of a hash of the folded name, stable
//     across imports, never shown as a national code (PartCode);
//   - no field: guessed from the name by InferField, else "Chưa phân loại" (PartField);
//   - no statutory_days: PlaceholderDays working days with a note on each channel
//     (PartTime); the days are working days, for every channel;
//   - no fee_vnd: no fee listed, marked unknown (PartFees); "0" means officially free;
//     a positive fee is one CSVFeeName fee from CSVFeeFrom, open-ended, on every channel;
//   - online_level "Toàn trình"/"Mức độ 4" is full, "Một phần"/"Mức độ 3" partial,
//     anything else none. Counter and postal channels are always offered; the online
//     channel only when the level is full or partial.
func ImportCSV(r io.Reader) ([]Procedure, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, CSVErrors{{Line: 1, Vi: "không đọc được dòng tiêu đề", En: "cannot read the header: " + err.Error()}}
	}
	col, es := csvHeader(header)
	if len(es) > 0 {
		return nil, es
	}
	var ps []Procedure
	codeLine := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			es = append(es, CSVError{Line: pe.StartLine, Vi: "dòng CSV sai cấu trúc", En: pe.Err.Error()})
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break // the reader cannot resynchronise after a quoting error
		} else if err != nil {
			return nil, err
		}
		cell := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
		p, rowErrs := csvRow(line, cell)
		es = append(es, rowErrs...)
		if prev, dup := codeLine[p.Code]; dup && len(rowErrs) == 0 {
			es = append(es, CSVError{line, "code", fmt.Sprintf("trùng mã %s với dòng %d", p.Code, prev),
				fmt.Sprintf("code %s repeats line %d", p.Code, prev)})
		}
		codeLine[p.Code] = line
		ps = append(ps, p)
	}
	if len(es) > 0 {
		return nil, es
	}
	return ps, nil
}

func csvHeader(header []string) (map[string]int, CSVErrors) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	var es CSVErrors
	for _, c := range csvColumns {
		if _, ok := col[c]; !ok {
			es = append(es, CSVError{1, c, "thiếu cột", "missing column"})
		}
	}
	return col, es
}

func csvRow(line int, cell func(string) string) (Procedure, CSVErrors) {
	var es CSVErrors
	v := Version{Number: 1, Status: Published, Name: cell("name"), Level: LevelProvince,
		Agency: CSVAgency, Source: cell("source")}
	if textfold.Fold(v.Name) == "" {
		es = append(es, CSVError{line, "name", "thiếu tên thủ tục", "name is required"})
	}
	code := cell("code")
	if code == "" {
		code = LocalCode(v.Name)
		v.markSample(PartCode)
	}
	if f := cell("field"); f != "" {
		v.Field = fieldNamed(f)
	} else {
		v.Field = InferField(v.Name)
		v.markSample(PartField)
	}
	v.OnlineLevel = parseOnlineLevel(cell("online_level"))

	span, note := calendar.Days(PlaceholderDays), ""
	if s := cell("statutory_days"); s == "" {
		note = fmt.Sprintf("Nguồn không ghi thời hạn; tạm lấy %d ngày làm việc (dữ liệu mẫu)", PlaceholderDays)
		v.markSample(PartTime)
	} else if d, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err != nil || d <= 0 || d > 365 {
		es = append(es, CSVError{line, "statutory_days", fmt.Sprintf("số ngày %q không hợp lệ (cần số dương)", s),
			fmt.Sprintf("invalid number of days %q (want a positive number)", s)})
	} else {
		span = calendar.Days(d)
	}

	var fees []Fee
	if s := cell("fee_vnd"); s == "" {
		v.markSample(PartFees)
	} else if n, err := strconv.ParseInt(s, 10, 64); err != nil || n < 0 {
		es = append(es, CSVError{line, "fee_vnd", fmt.Sprintf("mức phí %q không hợp lệ (cần số đồng, không âm)", s),
			fmt.Sprintf("invalid fee %q (want whole đồng, not negative)", s)})
	} else if n > 0 {
		fees = []Fee{{Name: CSVFeeName, Amount: n, EffectiveFrom: CSVFeeFrom}}
	}

	channels := []Channel{ChannelCounter, ChannelPostal}
	if v.OnlineLevel != OnlineNone {
		channels = []Channel{ChannelCounter, ChannelOnline, ChannelPostal}
	}
	for _, c := range channels {
		v.Channels = append(v.Channels, ChannelTerms{Channel: c, Time: span, Fees: slices.Clone(fees), Note: note})
	}
	return Procedure{Code: code, Versions: []Version{v}}, es
}

// LocalCode derives a stable code from a procedure name for sources that give none.
// Names are folded first, so spelling variants ("Hoá"/"Hóa") get the same code.
func LocalCode(name string) string {
	sum := sha256.Sum256([]byte(textfold.Fold(name)))
	return LocalCodePrefix + strings.ToUpper(hex.EncodeToString(sum[:4]))
}

// IsLocalCode reports whether a code was made up by LocalCode rather than published.
func IsLocalCode(code string) bool { return strings.HasPrefix(code, LocalCodePrefix) }

func parseOnlineLevel(s string) OnlineLevel {
	switch textfold.Fold(s) {
	case "toan trinh", "muc do 4":
		return OnlineFull
	case "mot phan", "muc do 3":
		return OnlinePartial
	}
	return OnlineNone
}
