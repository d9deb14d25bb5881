using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "access_user",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assistance_amount_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_amount_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    program = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    area = table.Column<int>(type: "integer", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    consent_to_check = table.Column<bool>(type: "boolean", nullable: false),
                    single_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    single_person_ground = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    flagged_relative = table.Column<bool>(type: "boolean", nullable: false),
                    flagged_detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    deposits_fen = table.Column<long>(type: "bigint", nullable: false),
                    vehicles = table.Column<int>(type: "integer", nullable: false),
                    houses = table.Column<int>(type: "integer", nullable: false),
                    has_business = table.Column<bool>(type: "boolean", nullable: false),
                    investigated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    investigators = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    visit_record = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    neighbour_record = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    economic_check = table.Column<int>(type: "integer", nullable: false),
                    economic_check_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    income_irregular = table.Column<bool>(type: "boolean", nullable: false),
                    township_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    refusal_proposed = table.Column<bool>(type: "boolean", nullable: false),
                    marginal = table.Column<bool>(type: "boolean", nullable: false),
                    proposed_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    notice_from = table.Column<DateOnly>(type: "date", nullable: true),
                    notice_to = table.Column<DateOnly>(type: "date", nullable: true),
                    notice_round = table.Column<int>(type: "integer", nullable: false),
                    county_visit_on = table.Column<DateOnly>(type: "date", nullable: true),
                    county_visit_record = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_level = table.Column<int>(type: "integer", nullable: true),
                    refusal_reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    spot_checked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    spot_check_result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    payment_start_month = table.Column<DateOnly>(type: "date", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    amount_explanation = table.Column<string>(type: "text", nullable: true),
                    self_care_unable = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    self_care_level = table.Column<int>(type: "integer", nullable: true),
                    support_form = table.Column<int>(type: "integer", nullable: true),
                    institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    basic_living_fen = table.Column<long>(type: "bigint", nullable: false),
                    care_fen = table.Column<long>(type: "bigint", nullable: false),
                    has_able_supporter = table.Column<bool>(type: "boolean", nullable: false),
                    temporary_type = table.Column<int>(type: "integer", nullable: true),
                    assist_first = table.Column<bool>(type: "boolean", nullable: false),
                    paperwork_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paperwork_done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    requested_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    approved_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    required_level = table.Column<int>(type: "integer", nullable: true),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    grace_until = table.Column<DateOnly>(type: "date", nullable: true),
                    suspended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_document",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_document", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_objection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_review",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    new_monthly_amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_review", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    area = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    factor = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    percent = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    number = table.Column<int>(type: "integer", nullable: true),
                    choice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_watch_follow_up",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visitor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    risk = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_watch_follow_up", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_case_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    relation = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    disability_category = table.Column<int>(type: "integer", nullable: true),
                    disability_grade = table.Column<int>(type: "integer", nullable: true),
                    seriously_ill = table.Column<bool>(type: "boolean", nullable: false),
                    able_to_work = table.Column<bool>(type: "boolean", nullable: false),
                    included = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_case_member", x => x.id);
                    table.ForeignKey(
                        name: "fk_assistance_case_member_assistance_case_case_id",
                        column: x => x.case_id,
                        principalTable: "assistance_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assistance_income_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    excluded = table.Column<bool>(type: "boolean", nullable: false),
                    is_deduction = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_income_item", x => x.id);
                    table.ForeignKey(
                        name: "fk_assistance_income_item_assistance_case_case_id",
                        column: x => x.case_id,
                        principalTable: "assistance_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_amount_change_case_id_effective_from",
                table: "assistance_amount_change",
                columns: new[] { "case_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_applicant_person_id",
                table: "assistance_case",
                column: "applicant_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_division_code_program_state",
                table: "assistance_case",
                columns: new[] { "division_code", "program", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_household_id",
                table: "assistance_case",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_number",
                table: "assistance_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_workflow_case_id",
                table: "assistance_case",
                column: "workflow_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_member_case_id",
                table: "assistance_case_member",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_case_member_person_id",
                table: "assistance_case_member",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_document_case_id",
                table: "assistance_document",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_document_number",
                table: "assistance_document",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assistance_income_item_case_id",
                table: "assistance_income_item",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_objection_case_id",
                table: "assistance_objection",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_review_case_id",
                table: "assistance_review",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_review_division_code_completed_on_due_on",
                table: "assistance_review",
                columns: new[] { "division_code", "completed_on", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_standard_program_kind_division_code_valid_from",
                table: "assistance_standard",
                columns: new[] { "program", "kind", "division_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_watch_follow_up_household_id",
                table: "assistance_watch_follow_up",
                column: "household_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistance_amount_change");

            migrationBuilder.DropTable(
                name: "assistance_case_member");

            migrationBuilder.DropTable(
                name: "assistance_document");

            migrationBuilder.DropTable(
                name: "assistance_income_item");

            migrationBuilder.DropTable(
                name: "assistance_objection");

            migrationBuilder.DropTable(
                name: "assistance_review");

            migrationBuilder.DropTable(
                name: "assistance_standard");

            migrationBuilder.DropTable(
                name: "assistance_watch_follow_up");

            migrationBuilder.DropTable(
                name: "assistance_case");

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "access_user");
        }
    }
}
