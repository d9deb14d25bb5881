using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "origin",
                table: "payments_recovery",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "elderly_left_behind",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    living = table.Column<int>(type: "INTEGER", nullable: false),
                    children_away = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    risk = table.Column<int>(type: "INTEGER", nullable: false),
                    risk_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    worker_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    contact_phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    contact_phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_visit_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    next_visit_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    exited_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    exit_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_left_behind", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_left_behind_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    elder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    mode = table.Column<int>(type: "INTEGER", nullable: false),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visitor_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    visitor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    health = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    safety = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    living_condition = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    mental = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    needs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    referrals = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    on_time = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_left_behind_visit", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_left_behind_visit_elderly_left_behind_elder_id",
                        column: x => x.elder_id,
                        principalTable: "elderly_left_behind",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_left_behind_division_code_status_next_visit_due",
                table: "elderly_left_behind",
                columns: new[] { "division_code", "status", "next_visit_due" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_left_behind_person_id",
                table: "elderly_left_behind",
                column: "person_id",
                unique: true,
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_left_behind_status_next_visit_due",
                table: "elderly_left_behind",
                columns: new[] { "status", "next_visit_due" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_left_behind_visit_division_code_visited_on",
                table: "elderly_left_behind_visit",
                columns: new[] { "division_code", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_left_behind_visit_elder_id_visited_on",
                table: "elderly_left_behind_visit",
                columns: new[] { "elder_id", "visited_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_left_behind_visit");

            migrationBuilder.DropTable(
                name: "elderly_left_behind");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "payments_recovery");
        }
    }
}
