package calendar

import "math"

// The lunar calendar needs two astronomical quantities: the instants of new moon and the
// sun's apparent longitude. Both follow Jean Meeus, Astronomical Algorithms (2nd ed.):
// chapter 49 for the new moons (mean phase plus the periodic and planetary terms, about
// a few seconds of error) and chapter 25, low-accuracy method, for the sun (about 0.01°,
// a quarter of an hour around a solar term). Both work in Dynamical Time (JDE); deltaT
// converts to Universal Time.

const (
	rad           = math.Pi / 180
	j2000         = 2451545.0
	synodicMonth  = 29.530588861
	newMoonEpoch  = 2451550.09766 // JDE of new moon k = 0 (2000-01-06)
	vietnamOffset = 7.0 / 24      // UTC+7, the meridian of the Vietnamese calendar
)

func sinDeg(x float64) float64 { return math.Sin(x * rad) }

// newMoonJDE returns the instant of new moon number k (k = 0 is 2000-01-06), Meeus ch. 49.
func newMoonJDE(k float64) float64 {
	t := k / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := newMoonEpoch + synodicMonth*k + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4

	e := 1 - 0.002516*t - 0.0000074*t2
	m := 2.5534 + 29.10535670*k - 0.0000014*t2 - 0.00000011*t3       // sun's mean anomaly
	mp := 201.5643 + 385.81693528*k + 0.0107582*t2 + 0.00001238*t3 - // moon's mean anomaly
		0.000000058*t4
	f := 160.7108 + 390.67050284*k - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4 // argument of latitude
	om := 124.7746 - 1.56375588*k + 0.0020672*t2 + 0.00000215*t3                   // ascending node

	jde += -0.40720*sinDeg(mp) +
		0.17241*e*sinDeg(m) +
		0.01608*sinDeg(2*mp) +
		0.01039*sinDeg(2*f) +
		0.00739*e*sinDeg(mp-m) -
		0.00514*e*sinDeg(mp+m) +
		0.00208*e*e*sinDeg(2*m) -
		0.00111*sinDeg(mp-2*f) -
		0.00057*sinDeg(mp+2*f) +
		0.00056*e*sinDeg(2*mp+m) -
		0.00042*sinDeg(3*mp) +
		0.00042*e*sinDeg(m+2*f) +
		0.00038*e*sinDeg(m-2*f) -
		0.00024*e*sinDeg(2*mp-m) -
		0.00017*sinDeg(om) -
		0.00007*sinDeg(mp+2*m) +
		0.00004*sinDeg(2*mp-2*f) +
		0.00004*sinDeg(3*m) +
		0.00003*sinDeg(mp+m-2*f) +
		0.00003*sinDeg(2*mp+2*f) -
		0.00003*sinDeg(mp+m+2*f) +
		0.00003*sinDeg(mp-m+2*f) -
		0.00002*sinDeg(mp-m-2*f) -
		0.00002*sinDeg(3*mp+m) +
		0.00002*sinDeg(4*mp)

	// Planetary perturbations: fourteen arguments A1..A14 with their amplitudes (1e-6 day).
	for _, p := range planetaryTerms {
		a := p.a0 + p.a1*k
		if p.quad {
			a -= 0.009173 * t2
		}
		jde += p.amp * 1e-6 * sinDeg(a)
	}
	return jde
}

var planetaryTerms = [...]struct {
	a0, a1, amp float64
	quad        bool
}{
	{299.77, 0.107408, 325, true},
	{251.88, 0.016321, 165, false},
	{251.83, 26.651886, 164, false},
	{349.42, 36.412478, 126, false},
	{84.66, 18.206239, 110, false},
	{141.74, 53.303771, 62, false},
	{207.14, 2.453732, 60, false},
	{154.84, 7.306860, 56, false},
	{34.52, 27.261239, 47, false},
	{207.19, 0.121824, 42, false},
	{291.34, 1.844379, 40, false},
	{161.72, 24.198154, 37, false},
	{239.56, 25.513099, 35, false},
	{331.55, 3.592518, 23, false},
}

// sunLongitude returns the sun's apparent geocentric longitude in degrees [0, 360) at the
// instant jde, Meeus ch. 25 (true longitude corrected for nutation and aberration).
func sunLongitude(jde float64) float64 {
	t := (jde - j2000) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := 357.52911 + 35999.05029*t - 0.0001537*t*t
	c := (1.914602-0.004817*t-0.000014*t*t)*sinDeg(m) +
		(0.019993-0.000101*t)*sinDeg(2*m) +
		0.000289*sinDeg(3*m)
	om := 125.04 - 1934.136*t
	lambda := l0 + c - 0.00569 - 0.00478*sinDeg(om)
	lambda = math.Mod(lambda, 360)
	if lambda < 0 {
		lambda += 360
	}
	return lambda
}

// deltaT estimates TT − UT in seconds for a decimal year. Observed values (rounded, from
// the IERS series) are interpolated every five years from 1900 to 2025. Later years follow
// the Espenak–Meeus forecast (93 s in 2050, then the Morrison–Stephenson parabola reached
// in 2150), joined linearly to the last observation. The forecast may be off by a minute or
// two by 2200; that only matters when a new moon falls within that margin of midnight.
func deltaT(year float64) float64 {
	const first, step = 1900.0, 5.0
	last := first + step*float64(len(observedDeltaT)-1)
	u := (year - 1820) / 100
	parabola := -20 + 32*u*u
	switch {
	case year < first:
		return parabola
	case year < last:
		i := int((year - first) / step)
		f := (year - first - float64(i)*step) / step
		return observedDeltaT[i] + f*(observedDeltaT[i+1]-observedDeltaT[i])
	case year < 2050:
		lastObs := observedDeltaT[len(observedDeltaT)-1]
		return lastObs + (year-last)/(2050-last)*(93-lastObs)
	case year < 2150:
		return parabola - 0.5628*(2150-year)
	default:
		return parabola
	}
}

// observedDeltaT holds ΔT in seconds for 1900, 1905, …, 2025.
var observedDeltaT = [...]float64{
	-2.7, 3.9, 10.5, 17.2, 21.2, 23.6, 24.0, 23.9, 24.3, 26.8, 29.1, 31.1, 33.2,
	35.7, 40.2, 45.5, 50.5, 54.3, 56.9, 60.8, 63.8, 64.7, 66.1, 67.6, 69.4, 69.2,
}

// jdeToUT converts a Dynamical Time instant to Universal Time.
func jdeToUT(jde float64) float64 {
	return jde - deltaT(2000+(jde-j2000)/365.25)/86400
}

// utToJDE converts a Universal Time instant to Dynamical Time.
func utToJDE(jd float64) float64 {
	return jd + deltaT(2000+(jd-j2000)/365.25)/86400
}

// newMoonDay returns the Vietnamese civil day (day number) on which new moon k falls.
func newMoonDay(k int) int {
	jd := jdeToUT(newMoonJDE(float64(k))) + vietnamOffset
	return int(math.Floor(jd+0.5)) - unixEpochJDN
}

// solarSector returns which 30° sector of longitude the sun is in at 00:00 (UTC+7) of the
// given day. A month holds a major solar term exactly when the sector changes between the
// first day of the month and the first day of the next.
func solarSector(day int) int {
	jd := float64(day+unixEpochJDN) - 0.5 - vietnamOffset
	return int(sunLongitude(utToJDE(jd)) / 30)
}
