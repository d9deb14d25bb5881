using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K12Household : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assistance_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: true),
                    member_count = table.Column<int>(type: "INTEGER", nullable: true),
                    removed_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    new_payee_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    new_payee_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_change", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_change_case_id_status",
                table: "assistance_change",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_change_division_code_status",
                table: "assistance_change",
                columns: new[] { "division_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistance_change");
        }
    }
}
