package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// memUse is the process's memory as the Go runtime and the kernel see it, in MiB.
type memUse struct {
	HeapInUse float64 `json:"heap_in_use_mib"`
	RSS       float64 `json:"rss_mib"`      // VmRSS
	PeakRSS   float64 `json:"peak_rss_mib"` // VmHWM
}

func readMem() memUse {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := memUse{HeapInUse: float64(ms.HeapInuse) / (1 << 20)}
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[0], 64)
		switch k {
		case "VmRSS":
			m.RSS = kb / 1024
		case "VmHWM":
			m.PeakRSS = kb / 1024
		}
	}
	return m
}

// releaseMemory hands freed memory back to the system before a measurement, so what the
// seeding used is not counted against the server.
func releaseMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// startCPUProfile writes a CPU profile to path until stop is called; "" profiles nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// processCPU is the CPU time this process has used so far, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// machineCPU is how long the machine's cores have been busy since boot, every process
// counted (the database server's too): Linux's /proc/stat, less idle and I/O wait. It
// is zero where that cannot be read.
func machineCPU() time.Duration {
	raw, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	fields := strings.Fields(line)
	if len(fields) < 6 || fields[0] != "cpu" {
		return 0
	}
	var busy int64
	for i, f := range fields[1:] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0
		}
		// user nice system idle iowait irq softirq steal guest guest_nice; guest time is
		// already in user time, and steal is time the cores ran something else.
		if i != 3 && i != 4 && i < 7 {
			busy += n
		}
	}
	return time.Duration(busy) * time.Second / clockTicks
}

// clockTicks is the unit of /proc/stat (USER_HZ), 100 on every Linux of this kind.
const clockTicks = 100
