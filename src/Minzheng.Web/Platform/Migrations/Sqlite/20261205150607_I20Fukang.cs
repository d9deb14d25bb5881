using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I20Fukang : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disability_fukang_budget",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_budget", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_device",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    replacement_months = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_device", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_device_organizations_supplier_organization_id",
                        column: x => x.supplier_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    device_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    device_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    catalogue_year = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    replacement_months = table.Column<int>(type: "INTEGER", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    catalogue_document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    eligible_groups = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    assessment_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    fitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fitting_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    signed_by = table.Column<int>(type: "INTEGER", nullable: true),
                    signer_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    in_use = table.Column<bool>(type: "INTEGER", nullable: true),
                    follow_up_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    settled_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_application_disability_fukang_device_device_id",
                        column: x => x.device_id,
                        principalTable: "disability_fukang_device",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_county_code_catalogue_year_status",
                table: "disability_fukang_application",
                columns: new[] { "county_code", "catalogue_year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_device_id",
                table: "disability_fukang_application",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_number",
                table: "disability_fukang_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_person_id_device_code",
                table: "disability_fukang_application",
                columns: new[] { "person_id", "device_code" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_budget_division_code_year",
                table: "disability_fukang_budget",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_division_code_year_code",
                table: "disability_fukang_device",
                columns: new[] { "division_code", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_supplier_organization_id",
                table: "disability_fukang_device",
                column: "supplier_organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disability_fukang_application");

            migrationBuilder.DropTable(
                name: "disability_fukang_budget");

            migrationBuilder.DropTable(
                name: "disability_fukang_device");
        }
    }
}
