using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K16Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "check_in_secret",
                table: "volunteer_activity",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "charity_fundraising_plan",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    platform = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    target_fen = table.Column<long>(type: "bigint", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    raised_fen = table.Column<long>(type: "bigint", nullable: false),
                    spent_fen = table.Column<long>(type: "bigint", nullable: false),
                    last_disclosed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    final_disclosed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_fundraising_plan", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_fundraising_plan_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charity_trust",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    trustee_kind = table.Column<int>(type: "integer", nullable: false),
                    trustee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    settlor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    property_fen = table.Column<long>(type: "bigint", nullable: false),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filing_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_trust", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charity_yearly_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<int>(type: "integer", nullable: false),
                    public_fundraising = table.Column<bool>(type: "boolean", nullable: false),
                    less_than_one_year = table.Column<bool>(type: "boolean", nullable: false),
                    use_three_year_average = table.Column<bool>(type: "boolean", nullable: false),
                    income_fen = table.Column<long>(type: "bigint", nullable: false),
                    charitable_spending_fen = table.Column<long>(type: "bigint", nullable: false),
                    management_cost_fen = table.Column<long>(type: "bigint", nullable: false),
                    total_spending_fen = table.Column<long>(type: "bigint", nullable: false),
                    previous_year_end_net_assets_fen = table.Column<long>(type: "bigint", nullable: false),
                    previous_year_income_fen = table.Column<long>(type: "bigint", nullable: false),
                    tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    verdict = table.Column<int>(type: "integer", nullable: true),
                    spending_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    management_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_yearly_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_yearly_report_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_exam_attempt",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_exam_attempt", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_referral",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    received_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    handled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    handled_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    handling_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_referral", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    beneficiary_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    needs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    plan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closing_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_service", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_station",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    station_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    operator_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_from = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_to = table.Column<DateOnly>(type: "date", nullable: true),
                    funding_fen = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_station", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_worker",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    post = table.Column<int>(type: "integer", nullable: false),
                    certificate_level = table.Column<int>(type: "integer", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    qualification = table.Column<int>(type: "integer", nullable: false),
                    senior_pass_year = table.Column<int>(type: "integer", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_worker", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: true),
                    period_to = table.Column<DateOnly>(type: "date", nullable: true),
                    purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    issued_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    issuer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    head = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    handler = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    total_minutes = table.Column<int>(type: "integer", nullable: false),
                    lines_json = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    closed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_certificate", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_certificate_volunteer_team_team_id",
                        column: x => x.team_id,
                        principalTable: "volunteer_team",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_certificate_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_correction",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    requested_minutes = table.Column<int>(type: "integer", nullable: false),
                    previous_minutes = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_correction", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_correction_service_record_record_id",
                        column: x => x.record_id,
                        principalTable: "volunteer_service_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_correction_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_project_volunteer_team_team_id",
                        column: x => x.team_id,
                        principalTable: "volunteer_team",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_signup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    risks_acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decision_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_signup", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_signup_volunteer_activity_activity_id",
                        column: x => x.activity_id,
                        principalTable: "volunteer_activity",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_signup_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_account",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    system_role = table.Column<int>(type: "integer", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    balance = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_account", x => x.id);
                    table.CheckConstraint("ck_volunteer_timebank_account_balance", "balance >= 0 OR system_role = 1");
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_txn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    service_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reverses_txn_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: true),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    booked_at_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_txn", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charity_donation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    donor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_donation", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_donation_fundraising_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "charity_fundraising_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charity_spending",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    spent_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charity_spending", x => x.id);
                    table.ForeignKey(
                        name: "fk_charity_spending_fundraising_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "charity_fundraising_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_relative",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relative_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relation = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_checked = table.Column<bool>(type: "boolean", nullable: false),
                    proof = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_relative", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_relative_volunteer_timebank_account_acco",
                        column: x => x.account_id,
                        principalTable: "volunteer_timebank_account",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    txn_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    balance_after = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_entry", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_entry_volunteer_timebank_account_account",
                        column: x => x.account_id,
                        principalTable: "volunteer_timebank_account",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_entry_volunteer_timebank_txn_txn_id",
                        column: x => x.txn_id,
                        principalTable: "volunteer_timebank_txn",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_charity_donation_division_code_received_on",
                table: "charity_donation",
                columns: new[] { "division_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_donation_plan_id_received_on",
                table: "charity_donation",
                columns: new[] { "plan_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_division_code_starts_on",
                table: "charity_fundraising_plan",
                columns: new[] { "division_code", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_number",
                table: "charity_fundraising_plan",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charity_fundraising_plan_organization_id_starts_on",
                table: "charity_fundraising_plan",
                columns: new[] { "organization_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_spending_division_code_spent_on",
                table: "charity_spending",
                columns: new[] { "division_code", "spent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_spending_plan_id_spent_on",
                table: "charity_spending",
                columns: new[] { "plan_id", "spent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_trust_division_code_filed_on",
                table: "charity_trust",
                columns: new[] { "division_code", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_trust_number",
                table: "charity_trust",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charity_yearly_report_division_code_year",
                table: "charity_yearly_report",
                columns: new[] { "division_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_charity_yearly_report_organization_id_year",
                table: "charity_yearly_report",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_exam_attempt_worker_id_year_subject",
                table: "socialwork_exam_attempt",
                columns: new[] { "worker_id", "year", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_referral_division_code_status",
                table: "socialwork_referral",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_referral_person_id",
                table: "socialwork_referral",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_service_division_code_started_on",
                table: "socialwork_service",
                columns: new[] { "division_code", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_service_station_id_started_on",
                table: "socialwork_service",
                columns: new[] { "station_id", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_station_division_code",
                table: "socialwork_station",
                column: "division_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_station_organization_id",
                table: "socialwork_station",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_worker_division_code",
                table: "socialwork_worker",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_worker_station_id_person_id",
                table: "socialwork_worker",
                columns: new[] { "station_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_division_code",
                table: "volunteer_certificate",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_number",
                table: "volunteer_certificate",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_organization_id_status",
                table: "volunteer_certificate",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_team_id",
                table: "volunteer_certificate",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_token",
                table: "volunteer_certificate",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_certificate_volunteer_id",
                table: "volunteer_certificate",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_division_code",
                table: "volunteer_correction",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_organization_id_status",
                table: "volunteer_correction",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_record_id",
                table: "volunteer_correction",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_volunteer_id",
                table: "volunteer_correction",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_division_code",
                table: "volunteer_project",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_organization_id",
                table: "volunteer_project",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_team_id",
                table: "volunteer_project",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_activity_id_volunteer_id",
                table: "volunteer_signup",
                columns: new[] { "activity_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_division_code",
                table: "volunteer_signup",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_volunteer_id",
                table: "volunteer_signup",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_division_code",
                table: "volunteer_timebank_account",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_person_id",
                table: "volunteer_timebank_account",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_system_role",
                table: "volunteer_timebank_account",
                column: "system_role",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_team_id",
                table: "volunteer_timebank_account",
                column: "team_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_entry_account_id_txn_id",
                table: "volunteer_timebank_entry",
                columns: new[] { "account_id", "txn_id" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_entry_txn_id",
                table: "volunteer_timebank_entry",
                column: "txn_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_relative_account_id_relative_person_id",
                table: "volunteer_timebank_relative",
                columns: new[] { "account_id", "relative_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_relative_division_code",
                table: "volunteer_timebank_relative",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_at",
                table: "volunteer_timebank_txn",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_reverses_txn_id",
                table: "volunteer_timebank_txn",
                column: "reverses_txn_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_service_record_id",
                table: "volunteer_timebank_txn",
                column: "service_record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charity_donation");

            migrationBuilder.DropTable(
                name: "charity_spending");

            migrationBuilder.DropTable(
                name: "charity_trust");

            migrationBuilder.DropTable(
                name: "charity_yearly_report");

            migrationBuilder.DropTable(
                name: "socialwork_exam_attempt");

            migrationBuilder.DropTable(
                name: "socialwork_referral");

            migrationBuilder.DropTable(
                name: "socialwork_service");

            migrationBuilder.DropTable(
                name: "socialwork_station");

            migrationBuilder.DropTable(
                name: "socialwork_worker");

            migrationBuilder.DropTable(
                name: "volunteer_certificate");

            migrationBuilder.DropTable(
                name: "volunteer_correction");

            migrationBuilder.DropTable(
                name: "volunteer_project");

            migrationBuilder.DropTable(
                name: "volunteer_signup");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_entry");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_relative");

            migrationBuilder.DropTable(
                name: "charity_fundraising_plan");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_txn");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_account");

            migrationBuilder.DropColumn(
                name: "check_in_secret",
                table: "volunteer_activity");
        }
    }
}
