using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K16Charity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "charity_fundraising_plan",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    target_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    raised_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    spent_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    last_disclosed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    final_disclosed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_fundraising_plan", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_fundraising_plan_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charity_trust",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    trustee_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    trustee_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    settlor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    property_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filing_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_trust", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charity_yearly_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    body = table.Column<int>(type: "INTEGER", nullable: false),
                    public_fundraising = table.Column<bool>(type: "INTEGER", nullable: false),
                    less_than_one_year = table.Column<bool>(type: "INTEGER", nullable: false),
                    use_three_year_average = table.Column<bool>(type: "INTEGER", nullable: false),
                    income_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    charitable_spending_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    management_cost_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    total_spending_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_year_end_net_assets_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_year_income_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    verdict = table.Column<int>(type: "INTEGER", nullable: true),
                    spending_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    management_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_yearly_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_yearly_report_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charity_donation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    donor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_donation", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_donation_fundraising_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "charity_fundraising_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charity_spending",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    spent_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_spending", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_spending_fundraising_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "charity_fundraising_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_charity_donation_division_code_received_on",
                table: "charity_donation",
                columns: new[] { "division_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_donation_plan_id_received_on",
                table: "charity_donation",
                columns: new[] { "plan_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_division_code_starts_on",
                table: "charity_fundraising_plan",
                columns: new[] { "division_code", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_number",
                table: "charity_fundraising_plan",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_organization_id_starts_on",
                table: "charity_fundraising_plan",
                columns: new[] { "organization_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_spending_division_code_spent_on",
                table: "charity_spending",
                columns: new[] { "division_code", "spent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_spending_plan_id_spent_on",
                table: "charity_spending",
                columns: new[] { "plan_id", "spent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_trust_division_code_filed_on",
                table: "charity_trust",
                columns: new[] { "division_code", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_trust_number",
                table: "charity_trust",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charity_yearly_report_division_code_year",
                table: "charity_yearly_report",
                columns: new[] { "division_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_yearly_report_organization_id_year",
                table: "charity_yearly_report",
                columns: new[] { "organization_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charity_donation");

            migrationBuilder.DropTable(
                name: "charity_spending");

            migrationBuilder.DropTable(
                name: "charity_trust");

            migrationBuilder.DropTable(
                name: "charity_yearly_report");

            migrationBuilder.DropTable(
                name: "charity_fundraising_plan");
        }
    }
}
