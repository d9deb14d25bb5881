using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K18Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "com_admission_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scope_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    funding_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_admission_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_admission_request",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    task = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    funding_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_admission_request", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_until = table.Column<DateOnly>(type: "date", nullable: false),
                    audited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    auditor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_ballot_box",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ballots_issued = table.Column<int>(type: "integer", nullable: false),
                    ballots_cast = table.Column<int>(type: "integer", nullable: false),
                    invalid_ballots = table.Column<int>(type: "integer", nullable: false),
                    entered_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_ballot_box", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_candidate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    post = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nominated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    nominators = table.Column<int>(type: "integer", nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    verdict_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    official = table.Column<bool>(type: "boolean", nullable: false),
                    elected = table.Column<bool>(type: "boolean", nullable: false),
                    elected_round = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_candidate", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_capacity_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessors = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    max_total = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    score100 = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    grade = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_capacity_assessment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_capacity_indicator",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    max_score = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_capacity_indicator", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_certificate_type",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    allowed = table.Column<bool>(type: "boolean", nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    instead = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_certificate_type", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_committee",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    minority_groups = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    term_from = table.Column<DateOnly>(type: "date", nullable: true),
                    term_until = table.Column<DateOnly>(type: "date", nullable: true),
                    monthly_finance = table.Column<bool>(type: "boolean", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_committee", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_election",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    seats_director = table.Column<int>(type: "integer", nullable: false),
                    seats_deputy = table.Column<int>(type: "integer", nullable: false),
                    seats_member = table.Column<int>(type: "integer", nullable: false),
                    vote_date = table.Column<DateOnly>(type: "date", nullable: true),
                    roll_published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    candidates_published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    additional_vote_date = table.Column<DateOnly>(type: "date", nullable: true),
                    elected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    handover_due = table.Column<DateOnly>(type: "date", nullable: true),
                    handed_over_on = table.Column<DateOnly>(type: "date", nullable: true),
                    handover_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    archived_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_election", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_election_committee",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    chosen_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    chosen_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_election_committee", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    post = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    term_from = table.Column<DateOnly>(type: "date", nullable: false),
                    term_until = table.Column<DateOnly>(type: "date", nullable: true),
                    election_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_member", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_member_review",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_member_review", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_pilot",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acceptance_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_pilot", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_roll_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decision_due = table.Column<DateOnly>(type: "date", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    upheld = table.Column<bool>(type: "boolean", nullable: true),
                    decision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_roll_objection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_vetting_catalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    document = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_vetting_catalog", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_vetting_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    category_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_vetting_check", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_voter",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    basis = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    added_on = table.Column<DateOnly>(type: "date", nullable: false),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    removed_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    objection_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_voter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "com_ballot_vote",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ballot_box_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    votes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_ballot_vote", x => x.id);
                    table.ForeignKey(
                        name: "fk_com_ballot_vote_com_ballot_box_ballot_box_id",
                        column: x => x.ballot_box_id,
                        principalTable: "com_ballot_box",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "com_capacity_follow_up",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    action = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    responsible = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    done_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_capacity_follow_up", x => x.id);
                    table.ForeignKey(
                        name: "fk_com_capacity_follow_up_com_capacity_assessment_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "com_capacity_assessment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "com_capacity_score",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    group = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    max_score = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_capacity_score", x => x.id);
                    table.ForeignKey(
                        name: "fk_com_capacity_score_com_capacity_assessment_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "com_capacity_assessment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "com_certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_certificate", x => x.id);
                    table.ForeignKey(
                        name: "fk_com_certificate_com_certificate_type_type_id",
                        column: x => x.type_id,
                        principalTable: "com_certificate_type",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_com_certificate_committee_committee_id",
                        column: x => x.committee_id,
                        principalTable: "com_committee",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "com_publicity_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    posted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    photo_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    photo_file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_publicity_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_com_publicity_record_com_committee_committee_id",
                        column: x => x.committee_id,
                        principalTable: "com_committee",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_com_publicity_record_files_photo_file_id",
                        column: x => x.photo_file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_com_admission_item_list_scope_code",
                table: "com_admission_item",
                columns: new[] { "list", "scope_code" });

            migrationBuilder.CreateIndex(
                name: "ix_com_admission_item_request_id",
                table: "com_admission_item",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_admission_request_division_code_status",
                table: "com_admission_request",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_com_admission_request_number",
                table: "com_admission_request",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_audit_committee_id",
                table: "com_audit",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_ballot_box_election_id_round_name",
                table: "com_ballot_box",
                columns: new[] { "election_id", "round", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_ballot_vote_ballot_box_id_candidate_id",
                table: "com_ballot_vote",
                columns: new[] { "ballot_box_id", "candidate_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_candidate_election_id",
                table: "com_candidate",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_assessment_division_code_year",
                table: "com_capacity_assessment",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_assessment_year",
                table: "com_capacity_assessment",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_follow_up_assessment_id",
                table: "com_capacity_follow_up",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_follow_up_done_on_due_on",
                table: "com_capacity_follow_up",
                columns: new[] { "done_on", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_indicator_code_valid_from",
                table: "com_capacity_indicator",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_capacity_score_assessment_id_code",
                table: "com_capacity_score",
                columns: new[] { "assessment_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_certificate_committee_id_type_code",
                table: "com_certificate",
                columns: new[] { "committee_id", "type_code" });

            migrationBuilder.CreateIndex(
                name: "ix_com_certificate_division_code_issued_on",
                table: "com_certificate",
                columns: new[] { "division_code", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_com_certificate_number",
                table: "com_certificate",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_certificate_type_id",
                table: "com_certificate",
                column: "type_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_certificate_type_code",
                table: "com_certificate_type",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_committee_division_code",
                table: "com_committee",
                column: "division_code",
                unique: true,
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_com_committee_organization_id",
                table: "com_committee",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_election_committee_id_year",
                table: "com_election",
                columns: new[] { "committee_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_election_division_code_state",
                table: "com_election",
                columns: new[] { "division_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_com_election_number",
                table: "com_election",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_election_state_handover_due",
                table: "com_election",
                columns: new[] { "state", "handover_due" });

            migrationBuilder.CreateIndex(
                name: "ix_com_election_committee_election_id",
                table: "com_election_committee",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_member_committee_id_ended_on",
                table: "com_member",
                columns: new[] { "committee_id", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_com_member_division_code",
                table: "com_member",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_com_member_person_id",
                table: "com_member",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_member_review_committee_id",
                table: "com_member_review",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_member_review_member_id_year",
                table: "com_member_review",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_pilot_committee_id",
                table: "com_pilot",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_pilot_division_code_year",
                table: "com_pilot",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_publicity_record_committee_id_kind_period_start",
                table: "com_publicity_record",
                columns: new[] { "committee_id", "kind", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_com_publicity_record_division_code_posted_on",
                table: "com_publicity_record",
                columns: new[] { "division_code", "posted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_com_publicity_record_photo_file_id",
                table: "com_publicity_record",
                column: "photo_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_roll_objection_decided_on_decision_due",
                table: "com_roll_objection",
                columns: new[] { "decided_on", "decision_due" });

            migrationBuilder.CreateIndex(
                name: "ix_com_roll_objection_election_id",
                table: "com_roll_objection",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_vetting_catalog_kind_code_valid_from",
                table: "com_vetting_catalog",
                columns: new[] { "kind", "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_vetting_check_candidate_id_department",
                table: "com_vetting_check",
                columns: new[] { "candidate_id", "department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_vetting_check_election_id",
                table: "com_vetting_check",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_com_voter_election_id_person_id",
                table: "com_voter",
                columns: new[] { "election_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_com_voter_person_id_year",
                table: "com_voter",
                columns: new[] { "person_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "com_admission_item");

            migrationBuilder.DropTable(
                name: "com_admission_request");

            migrationBuilder.DropTable(
                name: "com_audit");

            migrationBuilder.DropTable(
                name: "com_ballot_vote");

            migrationBuilder.DropTable(
                name: "com_candidate");

            migrationBuilder.DropTable(
                name: "com_capacity_follow_up");

            migrationBuilder.DropTable(
                name: "com_capacity_indicator");

            migrationBuilder.DropTable(
                name: "com_capacity_score");

            migrationBuilder.DropTable(
                name: "com_certificate");

            migrationBuilder.DropTable(
                name: "com_election");

            migrationBuilder.DropTable(
                name: "com_election_committee");

            migrationBuilder.DropTable(
                name: "com_member");

            migrationBuilder.DropTable(
                name: "com_member_review");

            migrationBuilder.DropTable(
                name: "com_pilot");

            migrationBuilder.DropTable(
                name: "com_publicity_record");

            migrationBuilder.DropTable(
                name: "com_roll_objection");

            migrationBuilder.DropTable(
                name: "com_vetting_catalog");

            migrationBuilder.DropTable(
                name: "com_vetting_check");

            migrationBuilder.DropTable(
                name: "com_voter");

            migrationBuilder.DropTable(
                name: "com_ballot_box");

            migrationBuilder.DropTable(
                name: "com_capacity_assessment");

            migrationBuilder.DropTable(
                name: "com_certificate_type");

            migrationBuilder.DropTable(
                name: "com_committee");
        }
    }
}
