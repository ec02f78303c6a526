package report

// The Decision 766/QĐ-TTg table as SPEC §5 gives it: six groups, 100 points. Each
// indicator says what it measures and, where the system holds no data for it yet, which
// data would feed it.

// Indicator keys.
const (
	KeyAnnouncedOnTime   = "publicity.announced_on_time"
	KeyUpdatedOnTime     = "publicity.updated_on_time"
	KeyFullContent       = "publicity.full_content"
	KeySynced            = "publicity.synced"
	KeyResolvedOnTime    = "progress.resolved_on_time"
	KeyFiledOnline       = "online.filed_online"
	KeyDossiersPaid      = "payment.dossiers_paid_online"
	KeyProceduresPayable = "payment.procedures_payable_online"
	KeyDossierSatisfied  = "satisfaction.dossier_handling"
	KeyFeedbackOnTime    = "satisfaction.feedback_on_time"
	KeyFeedbackSatisfied = "satisfaction.feedback_handling"
	KeyElectronicResult  = "digitisation.electronic_result"
	KeyDigitised         = "digitisation.dossiers_digitised"
	KeyDataReused        = "digitisation.data_reused"
	KeySharedForReuse    = "digitisation.shared_for_reuse"
	KeyPopulationDossier = "digitisation.population_data_dossiers"
	KeyPopulationProc    = "digitisation.population_data_procedures"
	KeyCertifiedCopies   = "digitisation.certified_copies"
)

type groupDef struct {
	key, name, nameEN string
	indicators        []indicatorDef
}

type indicatorDef struct {
	key, name, nameEN  string
	max                int64
	measure, measureEN string // numerator / denominator, in words
	// missing, missingEN: the data that would feed the indicator, for those the system
	// cannot measure yet; they are shown when the input is unavailable.
	missing, missingEN string
}

var table766 = []groupDef{
	{"publicity", "Công khai, minh bạch", "Publicity and transparency", []indicatorDef{
		{KeyAnnouncedOnTime, "TTHC được công bố đúng hạn", "Procedures announced on time", 6,
			"TTHC công bố đúng hạn / TTHC phải công bố", "procedures announced on time / procedures to announce",
			"Ngày văn bản quy phạm có hiệu lực và ngày ký quyết định công bố của từng TTHC (danh mục mới lưu số quyết định).",
			"For each procedure, the date its legal text takes effect and the date the announcement decision was signed (the catalog keeps only the decision number)."},
		{KeyUpdatedOnTime, "TTHC được cập nhật, công khai đúng hạn", "Procedures updated and published on time", 4,
			"TTHC cập nhật đúng hạn / TTHC phải cập nhật", "procedures updated on time / procedures to update",
			"Ngày ký quyết định công bố và ngày TTHC được đăng trên Cơ sở dữ liệu quốc gia về TTHC (danh mục chỉ lưu thời điểm công bố nội bộ).",
			"The date each announcement decision was signed and the date the procedure appeared in the National Database of procedures (the catalog keeps only its own publication time)."},
		{KeyFullContent, "TTHC công khai đầy đủ nội dung", "Procedures published with full content", 2,
			"TTHC công khai đầy đủ / TTHC đang có hiệu lực", "procedures with full content / procedures in force", "", ""},
		{KeySynced, "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", "Dossiers synced to the national portal", 6,
			"hồ sơ đã đồng bộ / hồ sơ tiếp nhận", "dossiers synced / dossiers received",
			"Kết quả đồng bộ từng hồ sơ lên Cổng Dịch vụ công quốc gia (dịch vụ DongBoHoSoMC, SPEC §6), chưa được ghi nhận cho kỳ này.",
			"Each dossier's sync result from the national portal (DongBoHoSoMC, SPEC §6), not recorded for this period."},
	}},
	{"progress", "Tiến độ giải quyết", "Processing progress", []indicatorDef{
		{KeyResolvedOnTime, "Hồ sơ giải quyết đúng hạn", "Dossiers resolved on time", 20,
			"hồ sơ giải quyết trước hạn và đúng hạn / hồ sơ đã giải quyết", "dossiers resolved early or on time / dossiers resolved", "", ""},
	}},
	{"online", "Cung cấp dịch vụ trực tuyến", "Online services", []indicatorDef{
		{KeyFiledOnline, "Hồ sơ nộp trực tuyến của TTHC có cung cấp dịch vụ trực tuyến", "Dossiers filed online for procedures offered online", 12,
			"hồ sơ nộp trực tuyến / hồ sơ tiếp nhận của TTHC có dịch vụ trực tuyến", "dossiers filed online / dossiers received for procedures offered online", "", ""},
	}},
	// The split of the 10 points into 5 + 5 is this system's reading, not checked
	// against the Decision's text.
	{"payment", "Thanh toán trực tuyến", "Online payment", []indicatorDef{
		{KeyDossiersPaid, "Hồ sơ thanh toán trực tuyến (chia điểm 5 + 5 chưa kiểm chứng)", "Dossiers paid online (5 + 5 split unverified)", 5,
			"hồ sơ thanh toán trực tuyến / hồ sơ phải nộp phí, lệ phí", "dossiers paid online / dossiers with fees", "", ""},
		{KeyProceduresPayable, "TTHC cho phép thanh toán trực tuyến (chia điểm 5 + 5 chưa kiểm chứng)", "Procedures payable online (5 + 5 split unverified)", 5,
			"TTHC thanh toán trực tuyến được / TTHC có phí, lệ phí", "procedures payable online / procedures with fees",
			"Danh mục chưa có thuộc tính \"cho phép thanh toán trực tuyến\" của từng TTHC (hoặc danh sách TTHC trên nền tảng thanh toán).",
			"The catalog has no per-procedure \"accepts online payment\" flag (or the payment platform's list of procedures)."},
	}},
	{"satisfaction", "Mức độ hài lòng", "Satisfaction", []indicatorDef{
		{KeyDossierSatisfied, "Hài lòng về giải quyết hồ sơ", "Satisfied with dossier handling", 6,
			"đánh giá hài lòng (4–5 điểm) / lượt đánh giá", "ratings of 4–5 / ratings", "", ""},
		{KeyFeedbackOnTime, "Phản ánh, kiến nghị được trả lời đúng hạn", "Feedback answered on time", 6,
			"PAKN trả lời đúng hạn / PAKN phải trả lời", "feedback answered on time / feedback due",
			"Phân hệ phản ánh, kiến nghị (SPEC §2.6) chưa có: hạn trả lời và thời điểm trả lời từng phản ánh.",
			"The feedback module (SPEC §2.6) does not exist yet: each ticket's answer deadline and answer time."},
		{KeyFeedbackSatisfied, "Hài lòng về xử lý phản ánh, kiến nghị", "Satisfied with feedback handling", 6,
			"PAKN được đánh giá hài lòng / PAKN được đánh giá", "feedback rated satisfied / feedback rated",
			"Phân hệ phản ánh, kiến nghị chưa có: đánh giá của người gửi về câu trả lời.",
			"The feedback module does not exist yet: the sender's rating of each answer."},
	}},
	{"digitisation", "Số hoá hồ sơ, kết quả", "Digitisation", []indicatorDef{
		{KeyElectronicResult, "Hồ sơ có kết quả điện tử", "Dossiers with electronic result", 6,
			"hồ sơ trả kết quả qua kênh trực tuyến / hồ sơ đã giải quyết", "dossiers whose result was handed back online / dossiers resolved", "", ""},
		{KeyDigitised, "Hồ sơ được số hoá", "Dossiers digitised", 4,
			"hồ sơ số hoá đầy đủ thành phần / hồ sơ tiếp nhận", "dossiers with every paper digitised / dossiers received",
			"Liên kết từng tệp đính kèm với thành phần hồ sơ bắt buộc và dấu \"số hoá tại Bộ phận Một cửa\".",
			"A link from each stored file to the required paper it stands for, and a \"digitised at the desk\" mark."},
		{KeyDataReused, "Tái sử dụng dữ liệu đã số hoá", "Digitised data reused", 2,
			"hồ sơ dùng lại giấy tờ đã số hoá / hồ sơ tiếp nhận", "dossiers reusing digitised papers / dossiers received",
			"Ghi nhận giấy tờ được lấy lại từ kết quả số hoá của hồ sơ trước thay vì yêu cầu nộp lại.",
			"A record of papers taken from earlier digitised results instead of being asked for again."},
		{KeySharedForReuse, "Hồ sơ số hoá được chia sẻ để tái sử dụng", "Digitised dossiers shared for reuse", 4,
			"hồ sơ số hoá đã chia sẻ / hồ sơ số hoá", "digitised dossiers shared / digitised dossiers",
			"Kết quả đẩy giấy tờ, kết quả số hoá lên kho dữ liệu dùng chung của Cổng Dịch vụ công quốc gia.",
			"Whether each dossier's digitised papers and result were pushed to the national portal's shared data store."},
		{KeyPopulationDossier, "Hồ sơ sử dụng dữ liệu dân cư", "Dossiers using population data", 2,
			"hồ sơ khai thác CSDL quốc gia về dân cư / hồ sơ của công dân", "dossiers drawing on the population database / citizens' dossiers",
			"Xác thực VNeID của tài khoản nộp hồ sơ và tra cứu CSDL quốc gia về dân cư cho từng hồ sơ (TaiKhoanDuocXacThucVoiVNeID).",
			"VNeID authentication of the filing account and population-database lookups per dossier (TaiKhoanDuocXacThucVoiVNeID)."},
		{KeyPopulationProc, "TTHC kết nối dữ liệu dân cư", "Procedures linked to population data", 2,
			"TTHC đã kết nối CSDL dân cư / TTHC có đối tượng là công dân", "procedures linked to the population database / procedures for citizens",
			"Thuộc tính \"đã kết nối CSDL quốc gia về dân cư\" trong danh mục TTHC.",
			"A catalog flag \"linked to the national population database\" per procedure."},
		{KeyCertifiedCopies, "Chứng thực bản sao điện tử", "Electronic certified copies", 2,
			"bản sao điện tử được chứng thực, sử dụng / bản sao phải chứng thực", "electronic certified copies used / copies to certify",
			"Ghi nhận bản sao điện tử có chứng thực được cấp hoặc tiếp nhận trong hồ sơ.",
			"A record of electronic certified copies issued or accepted in dossiers."},
	}},
}
