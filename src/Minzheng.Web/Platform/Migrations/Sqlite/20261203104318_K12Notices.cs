using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K12Notices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "payments_price_index",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "payments_bank_template",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "entitlement_benefit_proposal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    last_due_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    notice_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entitlement_benefit_proposal", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_benefit_proposal_division_code_status",
                table: "entitlement_benefit_proposal",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_benefit_proposal_source_id_status",
                table: "entitlement_benefit_proposal",
                columns: new[] { "source_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entitlement_benefit_proposal");

            migrationBuilder.DropColumn(
                name: "version",
                table: "payments_price_index");

            migrationBuilder.DropColumn(
                name: "version",
                table: "payments_bank_template");
        }
    }
}
