using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K15Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "alert_raised_on",
                table: "rescue_stay",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "limit_passed_on",
                table: "rescue_stay",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "placed_on",
                table: "rescue_stay",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "placement",
                table: "rescue_stay",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "room",
                table: "rescue_stay",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "source_reference",
                table: "rescue_stay",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "funeral_eco_award",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    deceased_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    buried_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: true),
                    applied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_eco_award", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funeral_facility",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    public_welfare = table.Column<bool>(type: "boolean", nullable: false),
                    approval_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approval_document = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    land_area = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    eco_share = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_facility", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_facility_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_grave_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    area = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    measure = table.Column<int>(type: "integer", nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_grave_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marriage_appointment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    male_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    female_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: true),
                    booked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    booked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_appointment", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_appointment_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_counselling_contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    budget_fen = table.Column<long>(type: "bigint", nullable: false),
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_contract", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_counselling_contract_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_counselling_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: false),
                    session_count = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marriage_divorce_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    male_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    female_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    marriage_id = table.Column<Guid>(type: "uuid", nullable: true),
                    marriage_certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    married_on = table.Column<DateOnly>(type: "date", nullable: false),
                    children_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    property_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    debt_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    withdraw_until = table.Column<DateOnly>(type: "date", nullable: false),
                    appear_from = table.Column<DateOnly>(type: "date", nullable: false),
                    appear_until = table.Column<DateOnly>(type: "date", nullable: false),
                    cooling_off_days = table.Column<int>(type: "integer", nullable: false),
                    refusal_grounds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    withdrawn_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawal_statement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_divorce_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_marriage_registration_marriage",
                        column: x => x.marriage_id,
                        principalTable: "marriage_registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_persons_female_person_id",
                        column: x => x.female_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_persons_male_person_id",
                        column: x => x.male_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_historical_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    archive_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registry_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    party_a_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    party_a_sex = table.Column<int>(type: "integer", nullable: false),
                    party_a_id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_a_id_number_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_a_id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_a_id_number_length = table.Column<int>(type: "integer", nullable: true),
                    party_a_anomaly_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_a_birth_year = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_month = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_day = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_conflicts_number = table.Column<bool>(type: "boolean", nullable: false),
                    party_a_ethnicity = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    party_a_occupation = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_marital_before = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party_a_person_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    party_b_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    party_b_sex = table.Column<int>(type: "integer", nullable: false),
                    party_b_id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_b_id_number_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_b_id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_b_id_number_length = table.Column<int>(type: "integer", nullable: true),
                    party_b_anomaly_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_b_birth_year = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_month = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_day = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_conflicts_number = table.Column<bool>(type: "boolean", nullable: false),
                    party_b_ethnicity = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    party_b_occupation = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_marital_before = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party_b_person_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_historical_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_historical_record_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_refusal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    refused_on = table.Column<DateOnly>(type: "date", nullable: false),
                    male_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    female_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    grounds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    refused_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_refusal", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_persons_female_person_id",
                        column: x => x.female_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_persons_male_person_id",
                        column: x => x.male_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_campaign",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_campaign", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rescue_dna_request",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: true),
                    police_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sample_taken_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result = table.Column<int>(type: "integer", nullable: true),
                    result_on = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue_since = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_dna_request", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_dna_request_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_family_inquiry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: true),
                    age = table.Column<int>(type: "integer", nullable: true),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    features = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    missing_since = table.Column<DateOnly>(type: "date", nullable: true),
                    missing_place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    contact_phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    matched_stay_id = table.Column<Guid>(type: "uuid", nullable: true),
                    confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_family_inquiry", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_family_inquiry_rescue_stay_matched_stay_id",
                        column: x => x.matched_stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_patrol",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    patrol_on = table.Column<DateOnly>(type: "date", nullable: false),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    staff = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    found = table.Column<int>(type: "integer", nullable: false),
                    persuaded = table.Column<int>(type: "integer", nullable: false),
                    brought_in = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false),
                    water = table.Column<int>(type: "integer", nullable: false),
                    medicine = table.Column<int>(type: "integer", nullable: false),
                    clothing = table.Column<int>(type: "integer", nullable: false),
                    quilts = table.Column<int>(type: "integer", nullable: false),
                    extreme_weather = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_patrol", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rescue_return",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    ticket_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fare_fen = table.Column<long>(type: "bigint", nullable: true),
                    escorts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    collector_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    collector_relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    collector_id_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_return", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_return_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rescue_search_notice",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    photo_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: true),
                    age = table.Column<int>(type: "integer", nullable: true),
                    age_estimated = table.Column<bool>(type: "boolean", nullable: false),
                    height_cm = table.Column<int>(type: "integer", nullable: true),
                    health = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mental_state = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    features = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    clothing = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    found_place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    overdue_since = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_search_notice", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_search_notice_files_photo_file_id",
                        column: x => x.photo_file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rescue_search_notice_rescue_station_station_id",
                        column: x => x.station_id,
                        principalTable: "rescue_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rescue_search_notice_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    cash_fen = table.Column<long>(type: "bigint", nullable: true),
                    receipt_signed = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_service_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funeral_cremation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    death_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    cremated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_cremation", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_cremation_death_record_death_record_id",
                        column: x => x.death_record_id,
                        principalTable: "funeral_death_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_funeral_cremation_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_plot",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    section = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    row_no = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    area = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    term_years = table.Column<int>(type: "integer", nullable: false),
                    price_fen = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    holder_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deceased_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    certificate_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sold_on = table.Column<DateOnly>(type: "date", nullable: true),
                    sold_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_plot", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_plot_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_waiver_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    deceased_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    group_evidence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    item = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    charged_fen = table.Column<long>(type: "bigint", nullable: false),
                    free_fen = table.Column<long>(type: "bigint", nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: false),
                    basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    settlement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_waiver_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_waiver_service_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_waiver_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: false),
                    service_count = table.Column<int>(type: "integer", nullable: false),
                    person_count = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_waiver_settlement", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_waiver_settlement_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_grave_photo",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    after = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_grave_photo", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_grave_photo_files_file_id",
                        column: x => x.file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_funeral_grave_photo_funeral_grave_case_case_id",
                        column: x => x.case_id,
                        principalTable: "funeral_grave_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "marriage_counselling_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    counsellor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    topic = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    settlement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_session", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_counselling_session_marriage_counselling_contract_",
                        column: x => x.contract_id,
                        principalTable: "marriage_counselling_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_death_record_id",
                table: "funeral_cremation",
                column: "death_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_division_code_cremated_on",
                table: "funeral_cremation",
                columns: new[] { "division_code", "cremated_on" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_facility_id",
                table: "funeral_cremation",
                column: "facility_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_person_id",
                table: "funeral_cremation",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_eco_award_deceased_person_id",
                table: "funeral_eco_award",
                column: "deceased_person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_eco_award_number",
                table: "funeral_eco_award",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_facility_organization_id",
                table: "funeral_facility",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_case_number",
                table: "funeral_grave_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_case_status_deadline",
                table: "funeral_grave_case",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_photo_case_id",
                table: "funeral_grave_photo",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_photo_file_id",
                table: "funeral_grave_photo",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_plot_deceased_person_id",
                table: "funeral_plot",
                column: "deceased_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_plot_facility_id_section_row_no_number",
                table: "funeral_plot",
                columns: new[] { "facility_id", "section", "row_no", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_service_deceased_person_id_item",
                table: "funeral_waiver_service",
                columns: new[] { "deceased_person_id", "item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_service_facility_id_served_on",
                table: "funeral_waiver_service",
                columns: new[] { "facility_id", "served_on" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_settlement_facility_id_month",
                table: "funeral_waiver_settlement",
                columns: new[] { "facility_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_settlement_number",
                table: "funeral_waiver_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_appointment_office_id_day_slot",
                table: "marriage_appointment",
                columns: new[] { "office_id", "day", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_division_code",
                table: "marriage_counselling_contract",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_number",
                table: "marriage_counselling_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_organization_id",
                table: "marriage_counselling_contract",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_session_contract_id_held_on",
                table: "marriage_counselling_session",
                columns: new[] { "contract_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_session_settlement_id",
                table: "marriage_counselling_session",
                column: "settlement_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_settlement_contract_id_month",
                table: "marriage_counselling_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_settlement_number",
                table: "marriage_counselling_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_division_code_status",
                table: "marriage_divorce_application",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_female_person_id",
                table: "marriage_divorce_application",
                column: "female_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_male_person_id",
                table: "marriage_divorce_application",
                column: "male_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_marriage_id",
                table: "marriage_divorce_application",
                column: "marriage_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_number",
                table: "marriage_divorce_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_office_id",
                table: "marriage_divorce_application",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_status_appear_until",
                table: "marriage_divorce_application",
                columns: new[] { "status", "appear_until" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_division_code_archive_number",
                table: "marriage_historical_record",
                columns: new[] { "division_code", "archive_number" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_division_code_status",
                table: "marriage_historical_record",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_office_id",
                table: "marriage_historical_record",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_party_a_id_number_hash",
                table: "marriage_historical_record",
                column: "party_a_id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_party_b_id_number_hash",
                table: "marriage_historical_record",
                column: "party_b_id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_division_code_refused_on",
                table: "marriage_refusal",
                columns: new[] { "division_code", "refused_on" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_female_person_id",
                table: "marriage_refusal",
                column: "female_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_male_person_id",
                table: "marriage_refusal",
                column: "male_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_number",
                table: "marriage_refusal",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_office_id",
                table: "marriage_refusal",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_campaign_division_code_kind_from",
                table: "rescue_campaign",
                columns: new[] { "division_code", "kind", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_dna_request_division_code",
                table: "rescue_dna_request",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_dna_request_stay_id",
                table: "rescue_dna_request",
                column: "stay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_family_inquiry_division_code_status",
                table: "rescue_family_inquiry",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_family_inquiry_matched_stay_id",
                table: "rescue_family_inquiry",
                column: "matched_stay_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_patrol_division_code_patrol_on",
                table: "rescue_patrol",
                columns: new[] { "division_code", "patrol_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_return_stay_id",
                table: "rescue_return",
                column: "stay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_search_notice_division_code",
                table: "rescue_search_notice",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_search_notice_photo_file_id",
                table: "rescue_search_notice",
                column: "photo_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_search_notice_station_id",
                table: "rescue_search_notice",
                column: "station_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_search_notice_status_published_at",
                table: "rescue_search_notice",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_search_notice_stay_id",
                table: "rescue_search_notice",
                column: "stay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_service_stay_id",
                table: "rescue_service",
                column: "stay_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funeral_cremation");

            migrationBuilder.DropTable(
                name: "funeral_eco_award");

            migrationBuilder.DropTable(
                name: "funeral_grave_photo");

            migrationBuilder.DropTable(
                name: "funeral_plot");

            migrationBuilder.DropTable(
                name: "funeral_waiver_service");

            migrationBuilder.DropTable(
                name: "funeral_waiver_settlement");

            migrationBuilder.DropTable(
                name: "marriage_appointment");

            migrationBuilder.DropTable(
                name: "marriage_counselling_session");

            migrationBuilder.DropTable(
                name: "marriage_counselling_settlement");

            migrationBuilder.DropTable(
                name: "marriage_divorce_application");

            migrationBuilder.DropTable(
                name: "marriage_historical_record");

            migrationBuilder.DropTable(
                name: "marriage_refusal");

            migrationBuilder.DropTable(
                name: "rescue_campaign");

            migrationBuilder.DropTable(
                name: "rescue_dna_request");

            migrationBuilder.DropTable(
                name: "rescue_family_inquiry");

            migrationBuilder.DropTable(
                name: "rescue_patrol");

            migrationBuilder.DropTable(
                name: "rescue_return");

            migrationBuilder.DropTable(
                name: "rescue_search_notice");

            migrationBuilder.DropTable(
                name: "rescue_service");

            migrationBuilder.DropTable(
                name: "funeral_grave_case");

            migrationBuilder.DropTable(
                name: "funeral_facility");

            migrationBuilder.DropTable(
                name: "marriage_counselling_contract");

            migrationBuilder.DropColumn(
                name: "alert_raised_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "limit_passed_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "placed_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "placement",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "room",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "source_reference",
                table: "rescue_stay");
        }
    }
}
