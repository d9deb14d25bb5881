using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K12 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hold_reason",
                table: "payments_line",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "header_row",
                table: "payments_bank_template",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trailer_row",
                table: "payments_bank_template",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error_overflow_json",
                table: "import_batch",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "assistance_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    authority = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: true),
                    member_count = table.Column<int>(type: "integer", nullable: true),
                    removed_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    new_payee_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    new_payee_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    proposed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_failure_reason",
                columns: table => new
                {
                    keyword = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    permanent = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_failure_reason", x => x.keyword);
                });

            migrationBuilder.CreateTable(
                name: "payments_review_decision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    payroll_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_review_decision", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_change_case_id_status",
                table: "assistance_change",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_change_division_code_status",
                table: "assistance_change",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_review_decision_payroll_id_line_id_kind",
                table: "payments_review_decision",
                columns: new[] { "payroll_id", "line_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistance_change");

            migrationBuilder.DropTable(
                name: "payments_failure_reason");

            migrationBuilder.DropTable(
                name: "payments_review_decision");

            migrationBuilder.DropColumn(
                name: "hold_reason",
                table: "payments_line");

            migrationBuilder.DropColumn(
                name: "header_row",
                table: "payments_bank_template");

            migrationBuilder.DropColumn(
                name: "trailer_row",
                table: "payments_bank_template");

            migrationBuilder.DropColumn(
                name: "error_overflow_json",
                table: "import_batch");
        }
    }
}
