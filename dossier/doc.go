// Package dossier is the life of a dossier (hồ sơ) from draft to returned result: the
// national portal's statuses, the rules of who may move a dossier where, the appointment
// and its clock stops, the tamper-evident history, and the per-dossier evaluation of
// Circular 01/2018. It imports no database, no HTTP and no templates.
//
// Glossary: dossier = hồ sơ, receipt = tiếp nhận, appointment = ngày hẹn trả kết quả,
// guide = hướng dẫn hoàn thiện, refuse = từ chối tiếp nhận, forward = chuyển xử lý,
// supplement = bổ sung, payment = nghĩa vụ tài chính, approve = phê duyệt,
// issue = ban hành kết quả, return = trả kết quả, withdraw = rút hồ sơ, stop = dừng xử lý,
// apology = thư xin lỗi và hẹn lại, rating = đánh giá mức độ hài lòng.
package dossier
