using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "payments_price_index",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "payments_bank_template",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "assistance_income_item",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "elderly_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    scale_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    dementia_diagnosis = table.Column<bool>(type: "INTEGER", nullable: false),
                    risk_events30days = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    self_care = table.Column<int>(type: "INTEGER", nullable: false),
                    motor = table.Column<int>(type: "INTEGER", nullable: false),
                    mental = table.Column<int>(type: "INTEGER", nullable: false),
                    perception = table.Column<int>(type: "INTEGER", nullable: false),
                    base_level = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    assessor1 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    assessor2 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    next_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_assessment", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_assessment_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_home",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    @private = table.Column<bool>(name: "private", type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    regime = table.Column<int>(type: "INTEGER", nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    beds = table.Column<int>(type: "INTEGER", nullable: false),
                    nursing_beds = table.Column<int>(type: "INTEGER", nullable: false),
                    floor_area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    premises_ownership = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    legal_person_registered = table.Column<bool>(type: "INTEGER", nullable: true),
                    first_resident_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filing_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filing_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    check_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    check_findings = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_home", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_home_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    population_count = table.Column<int>(type: "INTEGER", nullable: false),
                    population = table.Column<string>(type: "TEXT", nullable: false),
                    sample = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    drawn_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    provider_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    budget_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visit_count = table.Column<int>(type: "INTEGER", nullable: false),
                    elder_count = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    excluded_count = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    draw_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    inspector_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    inspector_names = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    results = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    conclusion = table.Column<int>(type: "INTEGER", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    publish_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_draw",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ratio_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    inspectors_per_home = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    population = table.Column<string>(type: "TEXT", nullable: false),
                    picks = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_draw", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_matter",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_matter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_target",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_target", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspector",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    conflicts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspector", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_star_rating",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_level = table.Column<int>(type: "INTEGER", nullable: false),
                    self_environment = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    self_facilities = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    self_management = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    self_service = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    self_level = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    environment = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    facilities = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    management = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    service = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    total = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    experts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_star_rating", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "entitlement_benefit_proposal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    last_due_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    notice_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entitlement_benefit_proposal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_work_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    stamp = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    assignee_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assignee_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    assigned_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    assigned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    escalated_to_division = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    escalated_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    escalated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_work_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_work_item_ack",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stamp = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_work_item_ack", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_home_filing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    beds = table.Column<int>(type: "INTEGER", nullable: false),
                    nursing_beds = table.Column<int>(type: "INTEGER", nullable: false),
                    materials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    changes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_home_filing", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_home_filing_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elderly_resident",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    discharged_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    discharge_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fee_level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ability_level = table.Column<int>(type: "INTEGER", nullable: true),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    extreme_poverty_case = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_resident", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_resident_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_elderly_resident_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    post = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    qualification = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    hired_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_staff_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elderly_subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    new_beds = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paid_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clawback_amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    clawback_basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_subsidy", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_subsidy_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_order",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    elder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    services = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    monthly_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    eligibility = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmation_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_homecare_order_elderly_homecare_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "elderly_homecare_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_rectification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspection_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    completion_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_rectification", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_inspection_rectification_elderly_inspection_inspection_id",
                        column: x => x.inspection_id,
                        principalTable: "elderly_inspection",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    elder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    caregiver_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    caregiver_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    check_in_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    check_in_latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_in_longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_in_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    check_out_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_out_latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_out_longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_out_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    settlement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    audit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    audit_result = table.Column<int>(type: "INTEGER", nullable: true),
                    audit_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_visit", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_homecare_visit_elderly_homecare_order_order_id",
                        column: x => x.order_id,
                        principalTable: "elderly_homecare_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_division_code_next_due_on",
                table: "elderly_assessment",
                columns: new[] { "division_code", "next_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_number",
                table: "elderly_assessment",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_organization_id",
                table: "elderly_assessment",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_person_id_assessed_on",
                table: "elderly_assessment",
                columns: new[] { "person_id", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_division_code_kind",
                table: "elderly_home",
                columns: new[] { "division_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_number",
                table: "elderly_home",
                column: "filing_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_organization_id",
                table: "elderly_home",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_home_id_filed_on",
                table: "elderly_home_filing",
                columns: new[] { "home_id", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_number1",
                table: "elderly_home_filing",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_audit_contract_id_month",
                table: "elderly_homecare_audit",
                columns: new[] { "contract_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_contract_number",
                table: "elderly_homecare_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_contract_organization_id_year",
                table: "elderly_homecare_contract",
                columns: new[] { "organization_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_contract_id",
                table: "elderly_homecare_order",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_division_code",
                table: "elderly_homecare_order",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_number",
                table: "elderly_homecare_order",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_organization_id_status",
                table: "elderly_homecare_order",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_person_id_status",
                table: "elderly_homecare_order",
                columns: new[] { "person_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_settlement_contract_id_month",
                table: "elderly_homecare_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_settlement_number",
                table: "elderly_homecare_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_contract_id_service_date",
                table: "elderly_homecare_visit",
                columns: new[] { "contract_id", "service_date" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_order_id_check_out_at",
                table: "elderly_homecare_visit",
                columns: new[] { "order_id", "check_out_at" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_settlement_id",
                table: "elderly_homecare_visit",
                column: "settlement_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_division_code_state",
                table: "elderly_inspection",
                columns: new[] { "division_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_draw_id",
                table: "elderly_inspection",
                column: "draw_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_number",
                table: "elderly_inspection",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_draw_number",
                table: "elderly_inspection_draw",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_rectification_completed_on_due_on",
                table: "elderly_inspection_rectification",
                columns: new[] { "completed_on", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_rectification_inspection_id",
                table: "elderly_inspection_rectification",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspection_target_organization_id",
                table: "elderly_inspection_target",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_inspector_certificate_number",
                table: "elderly_inspector",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_resident_home_id_admitted_on",
                table: "elderly_resident",
                columns: new[] { "home_id", "admitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_resident_person_id",
                table: "elderly_resident",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_staff_home_id",
                table: "elderly_staff",
                column: "home_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_star_rating_number",
                table: "elderly_star_rating",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_star_rating_organization_id_state",
                table: "elderly_star_rating",
                columns: new[] { "organization_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_division_code_status",
                table: "elderly_subsidy",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_home_id_kind_month",
                table: "elderly_subsidy",
                columns: new[] { "home_id", "kind", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_number",
                table: "elderly_subsidy",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_benefit_proposal_division_code_status",
                table: "entitlement_benefit_proposal",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_benefit_proposal_source_id_status",
                table: "entitlement_benefit_proposal",
                columns: new[] { "source_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_assignee_id",
                table: "platform_work_item",
                column: "assignee_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_escalated_to_division",
                table: "platform_work_item",
                column: "escalated_to_division");

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_key",
                table: "platform_work_item",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_ack_user_id_key",
                table: "platform_work_item_ack",
                columns: new[] { "user_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_assessment");

            migrationBuilder.DropTable(
                name: "elderly_home_filing");

            migrationBuilder.DropTable(
                name: "elderly_homecare_audit");

            migrationBuilder.DropTable(
                name: "elderly_homecare_settlement");

            migrationBuilder.DropTable(
                name: "elderly_homecare_visit");

            migrationBuilder.DropTable(
                name: "elderly_inspection_draw");

            migrationBuilder.DropTable(
                name: "elderly_inspection_matter");

            migrationBuilder.DropTable(
                name: "elderly_inspection_rectification");

            migrationBuilder.DropTable(
                name: "elderly_inspection_target");

            migrationBuilder.DropTable(
                name: "elderly_inspector");

            migrationBuilder.DropTable(
                name: "elderly_resident");

            migrationBuilder.DropTable(
                name: "elderly_staff");

            migrationBuilder.DropTable(
                name: "elderly_star_rating");

            migrationBuilder.DropTable(
                name: "elderly_subsidy");

            migrationBuilder.DropTable(
                name: "entitlement_benefit_proposal");

            migrationBuilder.DropTable(
                name: "platform_work_item");

            migrationBuilder.DropTable(
                name: "platform_work_item_ack");

            migrationBuilder.DropTable(
                name: "elderly_homecare_order");

            migrationBuilder.DropTable(
                name: "elderly_inspection");

            migrationBuilder.DropTable(
                name: "elderly_home");

            migrationBuilder.DropTable(
                name: "elderly_homecare_contract");

            migrationBuilder.DropColumn(
                name: "version",
                table: "payments_price_index");

            migrationBuilder.DropColumn(
                name: "version",
                table: "payments_bank_template");

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "assistance_income_item");
        }
    }
}
