package pgbouncer

import (
	"fmt"
	"os/exec"
)

// KeepsPrepared reports whether the PgBouncer bin can keep statements prepared by name in
// transaction mode: the setting max_prepared_statements came with 1.21 (off by default
// there, on from 1.22). An older one does not know the setting.
func KeepsPrepared(bin string) (bool, error) {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return false, fmt.Errorf("pgbouncer --version: %w", err)
	}
	var major, minor int
	if _, err := fmt.Sscanf(string(out), "PgBouncer %d.%d", &major, &minor); err != nil {
		return false, fmt.Errorf("pgbouncer --version said %q: %w", out, err)
	}
	return major > 1 || major == 1 && minor >= 21, nil
}
