package dossier

import (
	"strings"
	"testing"
)

func TestRatingValidate(t *testing.T) {
	for _, c := range []struct {
		r     Rating
		field string
	}{
		{Rating{Score: 5}, ""},
		{Rating{Score: 1, Criteria: map[Criterion]int{CriterionGuidance: 1}}, ""},
		{Rating{Score: 0}, "rating.score"},
		{Rating{Score: 3, Criteria: map[Criterion]int{"price": 3}}, "rating.criteria"},
		{Rating{Score: 3, Criteria: map[Criterion]int{CriterionTime: 6}}, "rating.criteria.time"},
		{Rating{Score: 3, Comment: strings.Repeat("ạ", maxComment+1)}, "rating.comment"},
	} {
		err := c.r.Validate()
		if c.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", c.r, err)
			}
			continue
		}
		wantField(t, err, c.field)
	}
}
