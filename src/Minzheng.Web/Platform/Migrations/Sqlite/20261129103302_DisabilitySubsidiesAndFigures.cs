using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisabilitySubsidiesAndFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "beneficiary_person_id",
                table: "entitlement_period",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disability_subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subsidy = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    low_income = table.Column<bool>(type: "INTEGER", nullable: false),
                    work_injury_care_allowance = table.Column<bool>(type: "INTEGER", nullable: false),
                    other_living_allowance = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    other_care_allowance = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    certificate_generation = table.Column<int>(type: "INTEGER", nullable: true),
                    certificate_valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    opinions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "TEXT", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: true),
                    from_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    end_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_subsidy", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_figure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_figure", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_beneficiary_person_id_program",
                table: "entitlement_period",
                columns: new[] { "beneficiary_person_id", "program" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_subsidy_division_code_status",
                table: "disability_subsidy",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_subsidy_number",
                table: "disability_subsidy",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_subsidy_person_id_subsidy",
                table: "disability_subsidy",
                columns: new[] { "person_id", "subsidy" },
                unique: true,
                filter: "status IN (1, 2, 3, 4, 5)");

            migrationBuilder.CreateIndex(
                name: "ix_platform_figure_module_kind_division_code_valid_from",
                table: "platform_figure",
                columns: new[] { "module", "kind", "division_code", "valid_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disability_subsidy");

            migrationBuilder.DropTable(
                name: "platform_figure");

            migrationBuilder.DropIndex(
                name: "ix_entitlement_period_beneficiary_person_id_program",
                table: "entitlement_period");

            migrationBuilder.DropColumn(
                name: "beneficiary_person_id",
                table: "entitlement_period");
        }
    }
}
