package dossier

// Clone returns a copy of d that shares nothing a move or a caller may change: keepers of
// dossiers (a cache) hand out clones so that no holder sees another's changes.
func (d *Dossier) Clone() *Dossier { return d.clone() }
