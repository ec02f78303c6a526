package dossier

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Criterion is one aspect the applicant rates.
type Criterion string

const (
	CriterionAttitude Criterion = "attitude" // thái độ phục vụ
	CriterionTime     Criterion = "time"     // thời gian giải quyết
	CriterionGuidance Criterion = "guidance" // hướng dẫn, giải thích
)

// Criteria lists the rated aspects in display order.
var Criteria = []Criterion{CriterionAttitude, CriterionTime, CriterionGuidance}

// Label is the Vietnamese name of the criterion.
func (c Criterion) Label() string {
	switch c {
	case CriterionAttitude:
		return "Thái độ phục vụ"
	case CriterionTime:
		return "Thời gian giải quyết"
	case CriterionGuidance:
		return "Hướng dẫn, giải thích"
	}
	return string(c)
}

// Rating is the applicant's one satisfaction rating of a returned dossier.
type Rating struct {
	Score    int               `json:"score"` // overall, 1–5
	Criteria map[Criterion]int `json:"criteria,omitempty"`
	Comment  string            `json:"comment,omitempty"`
	At       time.Time         `json:"at,omitzero"`
}

const maxComment = 2000

// Validate checks the scores (1–5), the criteria names and the comment length.
func (r Rating) Validate() error {
	if r.Score < 1 || r.Score > 5 {
		return invalid("rating.score", "điểm đánh giá phải từ 1 đến 5", "the score must be 1 to 5")
	}
	for _, c := range slices.Sorted(maps.Keys(r.Criteria)) {
		if !slices.Contains(Criteria, c) {
			return invalid("rating.criteria", fmt.Sprintf("tiêu chí %q không tồn tại", c),
				fmt.Sprintf("unknown criterion %q", c))
		}
		if v := r.Criteria[c]; v < 1 || v > 5 {
			return invalid("rating.criteria."+string(c), fmt.Sprintf("điểm tiêu chí %q phải từ 1 đến 5", c.Label()),
				fmt.Sprintf("criterion %q must be 1 to 5", c))
		}
	}
	if utf8.RuneCountInString(r.Comment) > maxComment {
		return invalid("rating.comment", fmt.Sprintf("nhận xét tối đa %d ký tự", maxComment),
			fmt.Sprintf("the comment is limited to %d characters", maxComment))
	}
	return nil
}

func (r *Rating) clone() *Rating {
	if r == nil {
		return nil
	}
	n := *r
	n.Criteria = maps.Clone(r.Criteria)
	return &n
}

func doRate(d *Dossier, m *move) error {
	if m.cmd.Rating == nil {
		return invalid("rating", "cần điểm đánh giá", "a rating is required")
	}
	r := *m.cmd.Rating.clone()
	r.Comment = strings.TrimSpace(r.Comment)
	if err := r.Validate(); err != nil {
		return err
	}
	r.At = m.now
	d.Rating = &r
	m.data["score"] = fmt.Sprint(r.Score)
	for c, v := range r.Criteria {
		m.data["criteria."+string(c)] = fmt.Sprint(v)
	}
	if r.Comment != "" {
		m.data["comment"] = r.Comment
	}
	return nil
}
