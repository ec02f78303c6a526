package catalog

// Valid reports whether s is a known status.
func (s VersionStatus) Valid() bool { return s == Draft || s == Published || s == Superseded }

// Valid reports whether l is a known level.
func (l Level) Valid() bool {
	return l == LevelProvince || l == LevelDistrict || l == LevelCommune || l == LevelCentral
}

// Valid reports whether o is a known online level.
func (o OnlineLevel) Valid() bool { return o == OnlineFull || o == OnlinePartial || o == OnlineNone }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c >= ChannelCounter && c <= ChannelPostal }

// Label is the Vietnamese name of the channel.
func (c Channel) Label() string {
	switch c {
	case ChannelCounter:
		return "trực tiếp"
	case ChannelOnline:
		return "trực tuyến"
	case ChannelPostal:
		return "bưu chính công ích"
	}
	return "không rõ"
}

// LabelEn is the English name of the channel.
func (c Channel) LabelEn() string {
	switch c {
	case ChannelCounter:
		return "at the desk"
	case ChannelOnline:
		return "online"
	case ChannelPostal:
		return "by post"
	}
	return "unknown"
}

// Valid reports whether t is a known applicant type; AnyApplicant is valid only in fees.
func (t ApplicantType) Valid() bool { return t >= AnyApplicant && t <= Organisation }
