package report

// Sources says which data feeds beyond the dossiers and the catalog were running for the
// period.
type Sources struct {
	// NationalSync is set when every dossier of the period went through the national
	// portal sync, so that Counters.Synced is a measure and not a zero by absence.
	NationalSync bool `json:"national_sync"`
}

// InputsFrom measures every indicator the system's data supports: the period's summed
// counters, the catalog at the period's end, and the sources that ran. The others stay
// unavailable.
func InputsFrom(c Counters, cat CatalogStats, src Sources) Inputs766 {
	in := Inputs766{
		KeyFullContent:      {cat.FullContent, cat.Procedures, true},
		KeyResolvedOnTime:   {c.ResolvedEarly + c.ResolvedOnTime, c.Resolved(), true},
		KeyFiledOnline:      {c.FiledOnline, c.OfferedOnline, true},
		KeyDossiersPaid:     {c.PaidOnline, c.WithFee, true},
		KeyDossierSatisfied: {c.Satisfied, c.Rated, true},
		KeyElectronicResult: {c.ElectronicResult, c.Resolved(), true},
	}
	if src.NationalSync {
		in[KeySynced] = Measure{c.Synced, c.Received, true}
	}
	if cat.PayableKnown {
		in[KeyProceduresPayable] = Measure{cat.PayableOnline, cat.WithFees, true}
	}
	return in
}
