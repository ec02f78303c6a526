package service

import (
	"context"
	"sync"
	"time"

	"github.com/motcua/motcua/org"
)

// unitsTTL is how long the list of units is kept between reads. Units are renamed or
// re-identified rarely, by an administrator; every move needs them.
const unitsTTL = 10 * time.Second

// unitCache keeps the organisation's units for the moves.
type unitCache struct {
	mu    sync.Mutex
	at    time.Time
	units []org.Unit
}

// units returns every unit, read again when the copy is older than unitsTTL or when
// want names a unit the copy does not have (one added since).
func (s *Dossiers) units(ctx context.Context, want string) ([]org.Unit, error) {
	c := &s.unitCache
	c.mu.Lock()
	units, fresh := c.units, time.Since(c.at) < unitsTTL
	c.mu.Unlock()
	if fresh && (want == "" || hasUnit(units, want)) {
		return units, nil
	}
	units, err := s.DB.Units(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.units, c.at = units, time.Now()
	c.mu.Unlock()
	return units, nil
}

func hasUnit(units []org.Unit, code string) bool {
	for _, u := range units {
		if u.Code == code {
			return true
		}
	}
	return false
}
