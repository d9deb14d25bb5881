using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K14Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "fine_fen",
                table: "socorg_credit_event",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "address_confirmed",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "concluded_by",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conclusion_reasons",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "council_meetings",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "events_held",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "expenditure_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "full_time_staff",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_donations_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_dues_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_government_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_other_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_services_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "main_activities",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "management_costs_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "members",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "net_assets_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "part_time_staff",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "party_organization",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "pre_review_opinion",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "pre_review_passed",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "public_welfare_spending_fen",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "returned_on",
                table: "socorg_annual_report",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sanction_document",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sanctions",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "services",
                table: "socorg_annual_report",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "social_workers",
                table: "socorg_annual_report",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "socorg_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    city_wide = table.Column<bool>(type: "INTEGER", nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    supervising_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    business_scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    registered_capital_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    is_trade_association = table.Column<bool>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    materials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    account_user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_application_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_cleanup_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_cleanup_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_cleanup_step_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_credit_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    correction_event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_credit_objection", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_credit_objection_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_socorg_credit_objection_socorg_credit_event_event_id",
                        column: x => x.event_id,
                        principalTable: "socorg_credit_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_credit_publication",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_credit_publication", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_credit_publication_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_decoupling",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    institution = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    functions = table.Column<int>(type: "INTEGER", nullable: false),
                    functions_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assets_finance = table.Column<int>(type: "INTEGER", nullable: false),
                    assets_finance_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    personnel = table.Column<int>(type: "INTEGER", nullable: false),
                    personnel_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    party_and_foreign_affairs = table.Column<int>(type: "INTEGER", nullable: false),
                    party_and_foreign_affairs_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_decoupling", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_decoupling_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organization_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    indicator_version = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    scored_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    publicity_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    graded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_evaluation", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_evaluation_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_evaluation_expert",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    conflicts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_evaluation_expert", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_evaluation_indicator",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    set_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    max_points = table.Column<int>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_evaluation_indicator", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_expert",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_expert", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_funding_programme",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    funder_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    min_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    max_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_funding_programme", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_funding_programme_organizations_funder_organization_id",
                        column: x => x.funder_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_party",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    party_members = table.Column<int>(type: "INTEGER", nullable: false),
                    instructor_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_party", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_party_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_qualification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    charitable_purpose = table.Column<bool>(type: "INTEGER", nullable: false),
                    non_profit_charter = table.Column<bool>(type: "INTEGER", nullable: false),
                    sound_finance = table.Column<bool>(type: "INTEGER", nullable: false),
                    no_barred_leader = table.Column<bool>(type: "INTEGER", nullable: false),
                    board_resolution = table.Column<bool>(type: "INTEGER", nullable: false),
                    audited_report = table.Column<bool>(type: "INTEGER", nullable: false),
                    tax_exemption = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_year_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_management_cost_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_total_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    year_before_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    year_before_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    three_years_before_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    net_assets_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    unmet = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_qualification", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_qualification_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_spot_check_draw",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    ratio_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    inspectors_per_organization = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    population = table.Column<int>(type: "INTEGER", nullable: false),
                    population_json = table.Column<string>(type: "TEXT", nullable: false),
                    picks_json = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_spot_check_draw", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_spot_check_inspector",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    conflicts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_spot_check_inspector", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_support_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    budget_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    beneficiaries = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_support_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_support_project_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_evaluation_score",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    scorer_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_evaluation_score", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_evaluation_score_socorg_evaluation_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "socorg_evaluation",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "socorg_spot_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    draw_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organization_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    inspector_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    inspector_names = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    rectify_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectification_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    credit_recorded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_spot_check", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_spot_check_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_socorg_spot_check_socorg_spot_check_draw_draw_id",
                        column: x => x.draw_id,
                        principalTable: "socorg_spot_check_draw",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_applicant_user_id",
                table: "socorg_application",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_division_code_status",
                table: "socorg_application",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_number",
                table: "socorg_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_organization_id_status",
                table: "socorg_application",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_cleanup_step_organization_id_on",
                table: "socorg_cleanup_step",
                columns: new[] { "organization_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_division_code_status",
                table: "socorg_credit_objection",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_event_id",
                table: "socorg_credit_objection",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_organization_id_event_id",
                table: "socorg_credit_objection",
                columns: new[] { "organization_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_publication_effective_on_action",
                table: "socorg_credit_publication",
                columns: new[] { "effective_on", "action" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_publication_organization_id_effective_on",
                table: "socorg_credit_publication",
                columns: new[] { "organization_id", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_decoupling_division_code",
                table: "socorg_decoupling",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_decoupling_organization_id",
                table: "socorg_decoupling",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_division_code_state",
                table: "socorg_evaluation",
                columns: new[] { "division_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_number",
                table: "socorg_evaluation",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_organization_id_applied_on",
                table: "socorg_evaluation",
                columns: new[] { "organization_id", "applied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_expert_division_code",
                table: "socorg_evaluation_expert",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_indicator_set_version_kind_code",
                table: "socorg_evaluation_indicator",
                columns: new[] { "set_version", "kind", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_evaluation_score_evaluation_id_expert_id_indicator_code",
                table: "socorg_evaluation_score",
                columns: new[] { "evaluation_id", "expert_id", "indicator_code" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_expert_field_division_code",
                table: "socorg_expert",
                columns: new[] { "field", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_division_code",
                table: "socorg_funding_programme",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_field_ends_on",
                table: "socorg_funding_programme",
                columns: new[] { "field", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_funder_organization_id",
                table: "socorg_funding_programme",
                column: "funder_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_party_organization_id",
                table: "socorg_party",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_division_code_status",
                table: "socorg_qualification",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_number",
                table: "socorg_qualification",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_organization_id_kind_status",
                table: "socorg_qualification",
                columns: new[] { "organization_id", "kind", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_draw_id_organization_id",
                table: "socorg_spot_check",
                columns: new[] { "draw_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_organization_id",
                table: "socorg_spot_check",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_state_rectify_due_on",
                table: "socorg_spot_check",
                columns: new[] { "state", "rectify_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_draw_division_code_year",
                table: "socorg_spot_check_draw",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_draw_number",
                table: "socorg_spot_check_draw",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_spot_check_inspector_certificate_number",
                table: "socorg_spot_check_inspector",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_support_project_field_division_code",
                table: "socorg_support_project",
                columns: new[] { "field", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_support_project_organization_id",
                table: "socorg_support_project",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_application");

            migrationBuilder.DropTable(
                name: "socorg_cleanup_step");

            migrationBuilder.DropTable(
                name: "socorg_credit_objection");

            migrationBuilder.DropTable(
                name: "socorg_credit_publication");

            migrationBuilder.DropTable(
                name: "socorg_decoupling");

            migrationBuilder.DropTable(
                name: "socorg_evaluation_expert");

            migrationBuilder.DropTable(
                name: "socorg_evaluation_indicator");

            migrationBuilder.DropTable(
                name: "socorg_evaluation_score");

            migrationBuilder.DropTable(
                name: "socorg_expert");

            migrationBuilder.DropTable(
                name: "socorg_funding_programme");

            migrationBuilder.DropTable(
                name: "socorg_party");

            migrationBuilder.DropTable(
                name: "socorg_qualification");

            migrationBuilder.DropTable(
                name: "socorg_spot_check");

            migrationBuilder.DropTable(
                name: "socorg_spot_check_inspector");

            migrationBuilder.DropTable(
                name: "socorg_support_project");

            migrationBuilder.DropTable(
                name: "socorg_evaluation");

            migrationBuilder.DropTable(
                name: "socorg_spot_check_draw");

            migrationBuilder.DropColumn(
                name: "fine_fen",
                table: "socorg_credit_event");

            migrationBuilder.DropColumn(
                name: "address_confirmed",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "concluded_by",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "conclusion_reasons",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "council_meetings",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "events_held",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "expenditure_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "full_time_staff",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_donations_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_dues_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_government_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_other_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_services_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "main_activities",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "management_costs_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "members",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "net_assets_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "part_time_staff",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "party_organization",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "pre_review_opinion",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "pre_review_passed",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "public_welfare_spending_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "returned_on",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "sanction_document",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "sanctions",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "services",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "social_workers",
                table: "socorg_annual_report");
        }
    }
}
