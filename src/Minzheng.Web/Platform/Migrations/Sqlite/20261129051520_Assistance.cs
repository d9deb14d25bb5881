using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assistance_amount_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_amount_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    program = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    consent_to_check = table.Column<bool>(type: "INTEGER", nullable: false),
                    single_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    single_person_ground = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    flagged_relative = table.Column<bool>(type: "INTEGER", nullable: false),
                    flagged_detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    deposits_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    vehicles = table.Column<int>(type: "INTEGER", nullable: false),
                    houses = table.Column<int>(type: "INTEGER", nullable: false),
                    has_business = table.Column<bool>(type: "INTEGER", nullable: false),
                    investigated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    investigators = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    visit_record = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    neighbour_record = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    economic_check = table.Column<int>(type: "INTEGER", nullable: false),
                    economic_check_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    income_irregular = table.Column<bool>(type: "INTEGER", nullable: false),
                    township_opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    refusal_proposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    marginal = table.Column<bool>(type: "INTEGER", nullable: false),
                    proposed_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    notice_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notice_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notice_round = table.Column<int>(type: "INTEGER", nullable: false),
                    county_visit_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    county_visit_record = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_level = table.Column<int>(type: "INTEGER", nullable: true),
                    refusal_reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    spot_checked_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    spot_check_result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    payment_start_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_explanation = table.Column<string>(type: "TEXT", nullable: true),
                    self_care_unable = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    self_care_level = table.Column<int>(type: "INTEGER", nullable: true),
                    support_form = table.Column<int>(type: "INTEGER", nullable: true),
                    institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    basic_living_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    care_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    has_able_supporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    temporary_type = table.Column<int>(type: "INTEGER", nullable: true),
                    assist_first = table.Column<bool>(type: "INTEGER", nullable: false),
                    paperwork_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paperwork_done_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    requested_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    approved_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    required_level = table.Column<int>(type: "INTEGER", nullable: true),
                    next_review_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    grace_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    suspended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_document",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_document", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    handling = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_objection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_review",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reported_change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    new_monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_review", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    factor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_watch_follow_up",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visitor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    risk = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_watch_follow_up", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistance_case_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    relation = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    disability_category = table.Column<int>(type: "INTEGER", nullable: true),
                    disability_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    seriously_ill = table.Column<bool>(type: "INTEGER", nullable: false),
                    able_to_work = table.Column<bool>(type: "INTEGER", nullable: false),
                    included = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_deduction = table.Column<bool>(type: "INTEGER", nullable: false)
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
