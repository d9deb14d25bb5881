using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disability_subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subsidy = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    low_income = table.Column<bool>(type: "boolean", nullable: false),
                    work_injury_care_allowance = table.Column<bool>(type: "boolean", nullable: false),
                    other_living_allowance = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    other_care_allowance = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    certificate_generation = table.Column<int>(type: "integer", nullable: true),
                    certificate_valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    applied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opinions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "text", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: true),
                    from_month = table.Column<DateOnly>(type: "date", nullable: true),
                    last_month = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<int>(type: "integer", nullable: true),
                    end_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_subsidy", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_figure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    module = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    number = table.Column<int>(type: "integer", nullable: true),
                    choice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
