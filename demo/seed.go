// Package demo fills an empty database with a realistic department to try motcua on: the
// organisation, one account per role, and the catalog of 41 real procedures of provincial
// Departments of Industry and Trade (sct-procedures.csv, each row with its public source).
// What the demo adds beyond those records is marked as sample data.
package demo

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

//go:embed sct-procedures.csv
var proceduresCSV []byte

// Password is every demo account's password.
const Password = "demo"

// Units of the demo department. The identifiers have the official shape but are
// illustrative: a real deployment enters its own from Decision 20/2020/QĐ-TTg.
var Units = []org.Unit{
	{Code: "SCT", Identifier: "000.00.12.H26", Name: "Sở Công Thương", Kind: org.UnitDepartment},
	{Code: "MC", Identifier: "000.01.12.H26", Name: "Bộ phận Một cửa", Kind: org.UnitDesk, Parent: "SCT"},
	{Code: "QLTM", Identifier: "000.02.12.H26", Name: "Phòng Quản lý thương mại", Kind: org.UnitDivision, Parent: "SCT"},
	{Code: "QLCN", Identifier: "000.03.12.H26", Name: "Phòng Quản lý công nghiệp", Kind: org.UnitDivision, Parent: "SCT"},
	{Code: "QLNL", Identifier: "000.04.12.H26", Name: "Phòng Quản lý năng lượng", Kind: org.UnitDivision, Parent: "SCT"},
	{Code: "VP", Identifier: "000.05.12.H26", Name: "Văn phòng Sở", Kind: org.UnitDivision, Parent: "SCT"},
}

// Accounts are the demo logins, one per role.
var Accounts = []org.Account{
	{Username: "admin", DisplayName: "Quản trị hệ thống", Role: org.RoleAdmin, UnitCode: "VP"},
	{Username: "danhmuc", DisplayName: "Quản trị danh mục TTHC", Role: org.RoleCatalogAdmin, UnitCode: "VP"},
	{Username: "tiepnhan", DisplayName: "Nguyễn Thị Lan (Một cửa)", Role: org.RoleOfficer, UnitCode: "MC", Email: "tiepnhan@sct.example.vn"},
	{Username: "chuyenvien", DisplayName: "Trần Văn Minh (Chuyên viên)", Role: org.RoleSpecialist, UnitCode: "QLTM", Email: "chuyenvien@sct.example.vn"},
	{Username: "truongphong", DisplayName: "Lê Thị Hoa (Trưởng phòng)", Role: org.RoleHead, UnitCode: "QLTM", Email: "truongphong@sct.example.vn"},
	{Username: "lanhdao", DisplayName: "Phạm Quốc Hùng (Phó Giám đốc Sở)", Role: org.RoleLeader, UnitCode: "SCT", Email: "lanhdao@sct.example.vn"},
	{Username: "vanthu", DisplayName: "Đỗ Thị Mai (Văn thư)", Role: org.RoleClerk, UnitCode: "VP", Email: "vanthu@sct.example.vn"},
	{Username: "congdan", DisplayName: "Nguyễn Văn An", Role: org.RoleCitizen, Email: "congdan@example.vn",
		Phone: "0912345678", IDNumber: "001090012345"},
	{Username: "doanhnghiep", DisplayName: "Công ty TNHH Thương mại Hồng Hà", Role: org.RoleBusiness,
		Email: "doanhnghiep@example.vn", Phone: "0987654321", IDNumber: "0101234565"},
}

// Seed fills db unless it already holds accounts; it reports whether it seeded.
func Seed(ctx context.Context, db *sqlstore.DB) (bool, error) {
	existing, err := db.Accounts(ctx)
	if err != nil {
		return false, err
	}
	if len(existing) > 0 {
		return false, nil
	}
	for _, u := range Units {
		if err := db.PutUnit(ctx, u); err != nil {
			return false, fmt.Errorf("demo unit %s: %w", u.Code, err)
		}
	}
	var admin org.Account
	for _, a := range Accounts {
		hash, err := org.HashPassword(Password)
		if err != nil {
			return false, err
		}
		id, err := db.CreateAccount(ctx, a, hash)
		if err != nil {
			return false, fmt.Errorf("demo account %s: %w", a.Username, err)
		}
		if a.Role == org.RoleCatalogAdmin {
			admin = a
			admin.ID = id
		}
	}
	ps, err := catalog.ImportCSV(bytes.NewReader(proceduresCSV))
	if err != nil {
		return false, fmt.Errorf("demo catalog: %w", err)
	}
	for i := range ps {
		catalog.DemoEnrich(&ps[i])
	}
	if err := db.ImportProcedures(ctx, ps, admin, "demo: sct-procedures.csv"); err != nil {
		return false, err
	}
	return true, nil
}
