package service

import (
	"context"

	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// Reports answers the leaders' figures from the store's aggregates. The trend, the
// breakdowns, the bottlenecks and the drill-down lists are single store calls
// (sqlstore.DB.ReportMonths, ReportBreakdown, ReportBottlenecks, ReportDossiers); the
// summary and the index combine several.
type Reports struct {
	DB *sqlstore.DB
}

// Summary is the period's figures for the filter's scope, with the catalog as it stood
// at the period's end.
func (r Reports) Summary(ctx context.Context, p report.Period, f sqlstore.ReportFilter) (report.Summary, error) {
	c, b, cat, err := r.inputs(ctx, p, f)
	if err != nil {
		return report.Summary{}, err
	}
	return report.Summarize(c, b, cat), nil
}

// Index766 scores the Decision 766 index for the period. The synced share is measured
// once the national portal sync has accepted a dossier; before that the indicator is
// shown unavailable rather than 0.
func (r Reports) Index766(ctx context.Context, p report.Period, f sqlstore.ReportFilter) (report.Index766, error) {
	c, err := r.DB.ReportCounters(ctx, p, f)
	if err != nil {
		return report.Index766{}, err
	}
	cat, err := r.DB.CatalogStats(ctx, p.End())
	if err != nil {
		return report.Index766{}, err
	}
	src, err := r.Sources(ctx, p)
	if err != nil {
		return report.Index766{}, err
	}
	return report.Compute766(report.InputsFrom(c, cat, src)), nil
}

// Sources says which feeds ran for the period. Every move since the figures exist queues
// its portal messages durably, so once the sync has accepted one dossier it delivers the
// backlog of every period too: the synced share then measures any period.
func (r Reports) Sources(ctx context.Context, _ report.Period) (report.Sources, error) {
	since, err := r.DB.PortalSyncSince(ctx)
	if err != nil {
		return report.Sources{}, err
	}
	return report.Sources{NationalSync: !since.IsZero()}, nil
}

func (r Reports) inputs(ctx context.Context, p report.Period, f sqlstore.ReportFilter) (report.Counters,
	report.Backlog, report.CatalogStats, error) {
	c, err := r.DB.ReportCounters(ctx, p, f)
	if err != nil {
		return c, report.Backlog{}, report.CatalogStats{}, err
	}
	b, err := r.DB.ReportBacklog(ctx, p, f)
	if err != nil {
		return c, b, report.CatalogStats{}, err
	}
	cat, err := r.DB.CatalogStats(ctx, p.End())
	return c, b, cat, err
}
