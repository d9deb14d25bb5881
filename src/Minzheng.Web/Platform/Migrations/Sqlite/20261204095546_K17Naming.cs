using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K17Naming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geo_naming_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    place_name_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    former_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    proposed_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    nature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    plan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    applicant = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    check_conflicts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    check_warnings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    checked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    expert_opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    consultation_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    consultation_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    consultation_summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    approving_authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approval_document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filing_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filed_with = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    announcement_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    announced_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    return_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_naming_application", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_division_code_state",
                table: "geo_naming_application",
                columns: new[] { "division_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_number",
                table: "geo_naming_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_state_announcement_due",
                table: "geo_naming_application",
                columns: new[] { "state", "announcement_due" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_state_filing_due",
                table: "geo_naming_application",
                columns: new[] { "state", "filing_due" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_naming_application");
        }
    }
}
