package sqlstore

import (
	"context"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/report"
)

// CatalogStats counts the catalog's procedures in force at at (report.CatalogStatsOf):
// the catalog side of the figures and of the Decision 766 index.
func (db *DB) CatalogStats(ctx context.Context, at time.Time) (report.CatalogStats, error) {
	ps, err := db.Procedures(ctx)
	if err != nil {
		return report.CatalogStats{}, err
	}
	ptrs := make([]*catalog.Procedure, len(ps))
	for i := range ps {
		ptrs[i] = &ps[i]
	}
	return report.CatalogStatsOf(ptrs, at), nil
}
