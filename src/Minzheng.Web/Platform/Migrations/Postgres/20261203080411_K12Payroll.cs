using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K12Payroll : Migration
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
                name: "ix_payments_review_decision_payroll_id_line_id_kind",
                table: "payments_review_decision",
                columns: new[] { "payroll_id", "line_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
