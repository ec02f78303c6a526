package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// runBench measures motcua against a baseline taken on the same machine in the same run:
// `motcua bench intake|track|queue [flags]`.
func runBench(args []string, stdout io.Writer) error {
	tuneGC()
	usage := "cách dùng / usage: motcua bench intake|track|queue [flags] (motcua bench <name> -h)"
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	switch args[0] {
	case "intake":
		return benchIntake(args[1:], stdout)
	case "track":
		return benchTrack(args[1:], stdout)
	case "queue":
		return benchQueue(args[1:], stdout)
	}
	return fmt.Errorf("phép đo không có / unknown benchmark %q; %s", args[0], usage)
}

// benchReport is what one benchmark prints: the machine, what was counted, and each
// figure beside its baseline.
type benchReport struct {
	Benchmark string      `json:"benchmark"`
	Machine   benchHost   `json:"machine"`
	Engine    string      `json:"engine"`
	Counted   string      `json:"counted"`
	Rows      []benchRow  `json:"results"`
	Notes     []string    `json:"notes,omitempty"`
	Started   time.Time   `json:"started"`
	Extra     interface{} `json:"extra,omitempty"`
}

type benchHost struct {
	Cores     int    `json:"cores"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	CPU       string `json:"cpu,omitempty"`
}

// benchRow is one measured figure. Baseline and Ratio are empty when the figure stands
// alone (a latency against a fixed target, say).
type benchRow struct {
	Metric   string  `json:"metric"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Baseline string  `json:"baseline,omitempty"`
	BaseVal  float64 `json:"baseline_value,omitempty"`
	Ratio    float64 `json:"ratio,omitempty"` // value / baseline
	Target   string  `json:"target,omitempty"`
	Met      *bool   `json:"met,omitempty"`
}

func newReport(name, engine string) *benchReport {
	return &benchReport{Benchmark: name, Engine: engine, Started: time.Now(), Machine: benchHost{
		Cores: runtime.NumCPU(), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, CPU: cpuModel()}}
}

// cpuModel is the processor's name from /proc/cpuinfo, or "".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func (r *benchReport) add(row benchRow) { r.Rows = append(r.Rows, row) }

// compare adds a figure with its baseline and a target on the ratio.
func (r *benchReport) compare(metric string, value float64, unit, baseline string, base, minRatio float64) {
	row := benchRow{Metric: metric, Value: value, Unit: unit, Baseline: baseline, BaseVal: base}
	if base > 0 {
		row.Ratio = value / base
	}
	if minRatio > 0 {
		met := row.Ratio >= minRatio
		row.Target, row.Met = fmt.Sprintf("≥ %.0f %% of baseline", minRatio*100), &met
	}
	r.add(row)
}

// atLeast and below add a figure with an absolute target.
func (r *benchReport) atLeast(metric string, value float64, unit string, target float64) {
	met := value >= target
	r.add(benchRow{Metric: metric, Value: value, Unit: unit, Target: fmt.Sprintf("≥ %g %s", target, unit), Met: &met})
}

func (r *benchReport) below(metric string, value float64, unit string, target float64) {
	met := value < target
	r.add(benchRow{Metric: metric, Value: value, Unit: unit, Target: fmt.Sprintf("< %g %s", target, unit), Met: &met})
}

func (r *benchReport) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

func (r *benchReport) print(w io.Writer, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(w, "motcua bench %s — %s, %d cores, %s, %s\n", r.Benchmark, r.Machine.CPU, r.Machine.Cores,
		r.Machine.GoVersion, r.Machine.OS)
	fmt.Fprintf(w, "engine: %s\ncounted: %s\n\n", r.Engine, r.Counted)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tvalue\tbaseline (same run)\tratio\ttarget\tmet")
	for _, row := range r.Rows {
		base, ratio, met := "", "", ""
		if row.Baseline != "" {
			base = fmt.Sprintf("%s %s", fmtNum(row.BaseVal), row.Baseline)
		}
		if row.Ratio > 0 {
			ratio = fmt.Sprintf("%.0f %%", row.Ratio*100)
		}
		if row.Met != nil {
			met = map[bool]string{true: "yes", false: "NO"}[*row.Met]
		}
		fmt.Fprintf(tw, "%s\t%s %s\t%s\t%s\t%s\t%s\n", row.Metric, fmtNum(row.Value), row.Unit, base, ratio, row.Target, met)
	}
	tw.Flush()
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note:", n)
	}
	return nil
}

func fmtNum(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
