using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_user",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    must_change_password = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user", x => x.id);
                });

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
                name: "audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    changes = table.Column<string>(type: "TEXT", nullable: true),
                    chain_index = table.Column<long>(type: "INTEGER", nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_day",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_off_day = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_day", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "child_allowance_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    child_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    father_situation = table.Column<int>(type: "INTEGER", nullable: false),
                    father_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    father_term_months = table.Column<int>(type: "INTEGER", nullable: true),
                    father_evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    mother_situation = table.Column<int>(type: "INTEGER", nullable: false),
                    mother_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    mother_term_months = table.Column<int>(type: "INTEGER", nullable: true),
                    mother_evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    placement = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    guardian_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    guardian_relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    guardian_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    in_full_time_education = table.Column<bool>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    review_opinion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "TEXT", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: true),
                    from_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_month_by_age = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    end_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_allowance_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_institution",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    beds = table.Column<int>(type: "INTEGER", nullable: false),
                    director = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_institution_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    problem = table.Column<bool>(type: "INTEGER", nullable: false),
                    rectification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution_check", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_institution_child",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    left_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    rehabilitation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution_child", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_protection_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    child_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    harm = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    referred_to = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    shelter_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    shelter_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    shelter_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_protection_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    watched_child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visitor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    risk_item = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    follow_up = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    risk_after = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_visit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_watch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    left_behind = table.Column<bool>(type: "INTEGER", nullable: false),
                    father = table.Column<int>(type: "INTEGER", nullable: false),
                    mother = table.Column<int>(type: "INTEGER", nullable: false),
                    difficulties = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    guardian_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    guardian_relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    guardian_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    school = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    risk = table.Column<int>(type: "INTEGER", nullable: false),
                    director = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    supervisor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_visit_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    next_visit_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    open_risk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    closed_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_watch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_dataset",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    import_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_dataset", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_finding",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    rule_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    dataset_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: true),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    effect = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_finding", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_record",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_rule_setting",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    rule_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    parameter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_rule_setting", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    new_findings = table.Column<int>(type: "INTEGER", nullable: false),
                    report_json = table.Column<string>(type: "TEXT", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disability_subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subsidy = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    low_income = table.Column<bool>(type: "INTEGER", nullable: false),
                    work_injury_care_allowance = table.Column<bool>(type: "INTEGER", nullable: false),
                    other_living_allowance = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    other_care_allowance = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    certificate_generation = table.Column<int>(type: "INTEGER", nullable: true),
                    certificate_valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    opinions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "TEXT", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: true),
                    from_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    end_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_subsidy", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    is_urban = table.Column<bool>(type: "INTEGER", nullable: true),
                    pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    alternative_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "entitlement_period",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    beneficiary_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_count = table.Column<int>(type: "INTEGER", nullable: false),
                    from_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    one_off = table.Column<bool>(type: "INTEGER", nullable: false),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entitlement_period", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "file_stored",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    relative_path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_stored", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funeral_death_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    death_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reporter = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cremation_certificate = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    cremated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    effects = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_death_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_batch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    headers_json = table.Column<string>(type: "TEXT", nullable: false),
                    mapping_json = table.Column<string>(type: "TEXT", nullable: false),
                    total_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    processed_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    error_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    committed_people = table.Column<int>(type: "INTEGER", nullable: false),
                    committed_households = table.Column<int>(type: "INTEGER", nullable: false),
                    committed_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    parameters_json = table.Column<string>(type: "TEXT", nullable: false),
                    only_valid_rows = table.Column<bool>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_batch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_row_error",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_row_error", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_template",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    columns = table.Column<string>(type: "TEXT", nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    encoding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    return_reference_header = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    return_result_header = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    return_success_values = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    return_reason_header = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_template", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_line",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    payroll_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    service_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    is_arrears = table.Column<bool>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    person_count = table.Column<int>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    bank_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    bank_account_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    bank_reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    retry_of_line_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recovery_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_line", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    generated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    generated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    approved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    exported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    export_template_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    export_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    exported_lines = table.Column<int>(type: "INTEGER", nullable: false),
                    reconciled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payroll", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_price_index",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cpi_yo_y = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    food_yo_y = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_price_index", x => x.month);
                });

            migrationBuilder.CreateTable(
                name: "payments_price_subsidy_rule",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    cpi_threshold = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    food_threshold = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    programs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    formula = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    rounding = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_price_subsidy_rule", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_recovery",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    service_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    recovered_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    settled_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_recovery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_recovery_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recovery_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_recovery_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_figure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_figure", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_setting",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_setting", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "registry_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    platform_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name_pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_initials = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sex = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    hukou_type = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    bank_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    bank_account_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    bank_account_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    disability_certificate_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    disability_certificate_masked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    disability_category = table.Column<int>(type: "INTEGER", nullable: true),
                    disability_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    life_status = table.Column<int>(type: "INTEGER", nullable: false),
                    death_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    missing_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_person", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    process_version = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state_entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    step_due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clock_started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_process",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_process", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_role_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_role_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_role_claim_access_role_role_id",
                        column: x => x.role_id,
                        principalTable: "access_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_user_claim_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_login",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_login", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_access_user_login_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_role",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_access_user_role_access_role_role_id",
                        column: x => x.role_id,
                        principalTable: "access_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_access_user_role_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_token",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_token", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_access_user_token_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "child_protection_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_protection_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_protection_service_child_protection_case_case_id",
                        column: x => x.case_id,
                        principalTable: "child_protection_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_household",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    head_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_household", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_household_persons_head_person_id",
                        column: x => x.head_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "workflow_case_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    from_state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    to_state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_case_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_case_event_workflow_case_case_id",
                        column: x => x.case_id,
                        principalTable: "workflow_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_household_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relation = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    left_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_household_member", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_household_member_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_registry_household_member_registry_household_household_id",
                        column: x => x.household_id,
                        principalTable: "registry_household",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_attachment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_attachment", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_attachment_workflow_case_event_event_id",
                        column: x => x.event_id,
                        principalTable: "workflow_case_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "access_role",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_role_claim_role_id",
                table: "access_role_claim",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "access_user",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "access_user",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_user_claim_user_id",
                table: "access_user_claim",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_user_login_user_id",
                table: "access_user_login",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_user_role_role_id",
                table: "access_user_role",
                column: "role_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_at",
                table: "audit_entry",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_chain_index",
                table: "audit_entry",
                column: "chain_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_entity_type_entity_id",
                table: "audit_entry",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_user_name",
                table: "audit_entry",
                column: "user_name");

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
                name: "ix_child_institution_name",
                table: "child_institution",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_child_institution_check_institution_id_kind_year",
                table: "child_institution_check",
                columns: new[] { "institution_id", "kind", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_child_institution_child_institution_id_left_on",
                table: "child_institution_child",
                columns: new[] { "institution_id", "left_on" });

            migrationBuilder.CreateIndex(
                name: "ix_child_institution_child_person_id",
                table: "child_institution_child",
                column: "person_id",
                unique: true,
                filter: "left_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_case_division_code_status",
                table: "child_protection_case",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_case_number",
                table: "child_protection_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_service_case_id",
                table: "child_protection_service",
                column: "case_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_comparison_dataset_kind_division_code_version",
                table: "comparison_dataset",
                columns: new[] { "kind", "division_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_county_code_rule_code_status",
                table: "comparison_finding",
                columns: new[] { "county_code", "rule_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_division_code_status",
                table: "comparison_finding",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_person_id",
                table: "comparison_finding",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_rule_code_person_id_source_id_dataset_id",
                table: "comparison_finding",
                columns: new[] { "rule_code", "person_id", "source_id", "dataset_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_record_dataset_id_id_number_hash",
                table: "comparison_record",
                columns: new[] { "dataset_id", "id_number_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_record_dataset_id_line",
                table: "comparison_record",
                columns: new[] { "dataset_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_rule_setting_county_code_rule_code",
                table: "comparison_rule_setting",
                columns: new[] { "county_code", "rule_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_run_division_code_started_at",
                table: "comparison_run",
                columns: new[] { "division_code", "started_at" });

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
                filter: "status IN (1, 2, 3, 4, 5, 8)");

            migrationBuilder.CreateIndex(
                name: "ix_division_name",
                table: "division",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_division_parent_code",
                table: "division",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_beneficiary_person_id_program",
                table: "entitlement_period",
                columns: new[] { "beneficiary_person_id", "program" });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_program_division_code_from_month",
                table: "entitlement_period",
                columns: new[] { "program", "division_code", "from_month" });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_source_id_from_month",
                table: "entitlement_period",
                columns: new[] { "source_id", "from_month" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_death_record_person_id",
                table: "funeral_death_record",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_batch_division_code_created_at",
                table: "import_batch",
                columns: new[] { "division_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_row_error_batch_id_line",
                table: "import_row_error",
                columns: new[] { "batch_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_template_name",
                table: "payments_bank_template",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_household_id",
                table: "payments_line",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_payroll_id_status",
                table: "payments_line",
                columns: new[] { "payroll_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month_payroll_id",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month", "payroll_id" },
                unique: true,
                filter: "purpose = 3");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month1",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true,
                filter: "purpose = 1");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month2",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true,
                filter: "purpose = 2");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_recovery_id_payroll_id",
                table: "payments_line",
                columns: new[] { "recovery_id", "payroll_id" },
                unique: true,
                filter: "purpose = 4");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_retry_of_line_id",
                table: "payments_line",
                column: "retry_of_line_id",
                unique: true,
                filter: "retry_of_line_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_payroll_regular",
                table: "payments_payroll",
                columns: new[] { "division_code", "program", "month" },
                unique: true,
                filter: "kind = 1");

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_household_id_status",
                table: "payments_recovery",
                columns: new[] { "household_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_program_source_id_service_month",
                table: "payments_recovery",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_settlement_recovery_id",
                table: "payments_recovery_settlement",
                column: "recovery_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_figure_module_kind_division_code_valid_from",
                table: "platform_figure",
                columns: new[] { "module", "kind", "division_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_division_code",
                table: "registry_household",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_head_person_id",
                table: "registry_household",
                column: "head_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_number",
                table: "registry_household",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_member_household_id_left_on",
                table: "registry_household_member",
                columns: new[] { "household_id", "left_on" });

            migrationBuilder.CreateIndex(
                name: "ux_registry_household_member_current",
                table: "registry_household_member",
                column: "person_id",
                unique: true,
                filter: "left_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_bank_account_hash",
                table: "registry_person",
                column: "bank_account_hash");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_division_code_name",
                table: "registry_person",
                columns: new[] { "division_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_id_number_hash",
                table: "registry_person",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name",
                table: "registry_person",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name_initials",
                table: "registry_person",
                column: "name_initials");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name_pinyin",
                table: "registry_person",
                column: "name_pinyin");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_phone_hash",
                table: "registry_person",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_platform_number",
                table: "registry_person",
                column: "platform_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_attachment_event_id",
                table: "workflow_attachment",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_attachment_file_id",
                table: "workflow_attachment",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_closed_at_case_due_date",
                table: "workflow_case",
                columns: new[] { "closed_at", "case_due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_closed_at_step_due_date",
                table: "workflow_case",
                columns: new[] { "closed_at", "step_due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_division_code_closed_at",
                table: "workflow_case",
                columns: new[] { "division_code", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_subject_type_subject_id",
                table: "workflow_case",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_event_case_id_at",
                table: "workflow_case_event",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_process_code_version",
                table: "workflow_process",
                columns: new[] { "code", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_role_claim");

            migrationBuilder.DropTable(
                name: "access_user_claim");

            migrationBuilder.DropTable(
                name: "access_user_login");

            migrationBuilder.DropTable(
                name: "access_user_role");

            migrationBuilder.DropTable(
                name: "access_user_token");

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
                name: "audit_entry");

            migrationBuilder.DropTable(
                name: "calendar_day");

            migrationBuilder.DropTable(
                name: "child_allowance_case");

            migrationBuilder.DropTable(
                name: "child_institution");

            migrationBuilder.DropTable(
                name: "child_institution_check");

            migrationBuilder.DropTable(
                name: "child_institution_child");

            migrationBuilder.DropTable(
                name: "child_protection_service");

            migrationBuilder.DropTable(
                name: "child_standard");

            migrationBuilder.DropTable(
                name: "child_visit");

            migrationBuilder.DropTable(
                name: "child_watch");

            migrationBuilder.DropTable(
                name: "comparison_dataset");

            migrationBuilder.DropTable(
                name: "comparison_finding");

            migrationBuilder.DropTable(
                name: "comparison_record");

            migrationBuilder.DropTable(
                name: "comparison_rule_setting");

            migrationBuilder.DropTable(
                name: "comparison_run");

            migrationBuilder.DropTable(
                name: "disability_subsidy");

            migrationBuilder.DropTable(
                name: "division");

            migrationBuilder.DropTable(
                name: "entitlement_period");

            migrationBuilder.DropTable(
                name: "file_stored");

            migrationBuilder.DropTable(
                name: "funeral_death_record");

            migrationBuilder.DropTable(
                name: "import_batch");

            migrationBuilder.DropTable(
                name: "import_row_error");

            migrationBuilder.DropTable(
                name: "payments_bank_template");

            migrationBuilder.DropTable(
                name: "payments_line");

            migrationBuilder.DropTable(
                name: "payments_payroll");

            migrationBuilder.DropTable(
                name: "payments_price_index");

            migrationBuilder.DropTable(
                name: "payments_price_subsidy_rule");

            migrationBuilder.DropTable(
                name: "payments_recovery");

            migrationBuilder.DropTable(
                name: "payments_recovery_settlement");

            migrationBuilder.DropTable(
                name: "platform_figure");

            migrationBuilder.DropTable(
                name: "platform_setting");

            migrationBuilder.DropTable(
                name: "registry_household_member");

            migrationBuilder.DropTable(
                name: "workflow_attachment");

            migrationBuilder.DropTable(
                name: "workflow_process");

            migrationBuilder.DropTable(
                name: "access_role");

            migrationBuilder.DropTable(
                name: "access_user");

            migrationBuilder.DropTable(
                name: "assistance_case");

            migrationBuilder.DropTable(
                name: "child_protection_case");

            migrationBuilder.DropTable(
                name: "registry_household");

            migrationBuilder.DropTable(
                name: "workflow_case_event");

            migrationBuilder.DropTable(
                name: "registry_person");

            migrationBuilder.DropTable(
                name: "workflow_case");
        }
    }
}
