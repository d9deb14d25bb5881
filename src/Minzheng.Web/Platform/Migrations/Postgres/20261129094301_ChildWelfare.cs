using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChildWelfare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_allowance_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    child_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    father_situation = table.Column<int>(type: "integer", nullable: false),
                    father_since = table.Column<DateOnly>(type: "date", nullable: true),
                    father_term_months = table.Column<int>(type: "integer", nullable: true),
                    father_evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    mother_situation = table.Column<int>(type: "integer", nullable: false),
                    mother_since = table.Column<DateOnly>(type: "date", nullable: true),
                    mother_term_months = table.Column<int>(type: "integer", nullable: true),
                    mother_evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    placement = table.Column<int>(type: "integer", nullable: false),
                    institution_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    guardian_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    guardian_relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    guardian_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    in_full_time_education = table.Column<bool>(type: "boolean", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    applied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    review_opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "text", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: true),
                    from_month = table.Column<DateOnly>(type: "date", nullable: true),
                    last_month_by_age = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_month = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<int>(type: "integer", nullable: true),
                    end_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_allowance_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
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
                    table.PrimaryKey("pk_child_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    watched_child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visitor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    risk_item = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    follow_up = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    risk_after = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_visit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_watch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    left_behind = table.Column<bool>(type: "boolean", nullable: false),
                    father = table.Column<int>(type: "integer", nullable: false),
                    mother = table.Column<int>(type: "integer", nullable: false),
                    difficulties = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    guardian_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    guardian_relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    guardian_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    school = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    risk = table.Column<int>(type: "integer", nullable: false),
                    director = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    supervisor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_visit_on = table.Column<DateOnly>(type: "date", nullable: true),
                    next_visit_due = table.Column<DateOnly>(type: "date", nullable: false),
                    open_risk = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    closed_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_watch", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_case_child_person_id",
                table: "child_allowance_case",
                column: "child_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_case_child_person_id_kind",
                table: "child_allowance_case",
                columns: new[] { "child_person_id", "kind" },
                unique: true,
                filter: "status IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_case_division_code_status",
                table: "child_allowance_case",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_case_number",
                table: "child_allowance_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_child_standard_kind_division_code_valid_from",
                table: "child_standard",
                columns: new[] { "kind", "division_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_child_visit_watched_child_id_visited_on",
                table: "child_visit",
                columns: new[] { "watched_child_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_child_watch_division_code_next_visit_due",
                table: "child_watch",
                columns: new[] { "division_code", "next_visit_due" });

            migrationBuilder.CreateIndex(
                name: "ix_child_watch_person_id",
                table: "child_watch",
                column: "person_id",
                unique: true,
                filter: "NOT closed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_allowance_case");

            migrationBuilder.DropTable(
                name: "child_standard");

            migrationBuilder.DropTable(
                name: "child_visit");

            migrationBuilder.DropTable(
                name: "child_watch");
        }
    }
}
