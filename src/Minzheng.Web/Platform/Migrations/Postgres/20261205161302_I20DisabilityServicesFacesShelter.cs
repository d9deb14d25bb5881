using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I20DisabilityServicesFacesShelter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sealed_as",
                table: "file_stored",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "shelter_stay_id",
                table: "child_protection_case",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shelter_stay_number",
                table: "child_protection_case",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disability_fukang_budget",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_budget", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_device",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    replacement_months = table.Column<int>(type: "integer", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_device", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_device_organizations_supplier_organizatio",
                        column: x => x.supplier_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_contract",
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
                    monthly_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_contract", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_contract_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "face_sample",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    photo_file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    descriptor = table.Column<byte[]>(type: "bytea", maxLength: 512, nullable: false),
                    model_version = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    detection_score = table.Column<double>(type: "double precision", nullable: false),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    taken_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_sample", x => x.id);
                    table.ForeignKey(
                        name: "fk_face_sample_files_photo_file_id",
                        column: x => x.photo_file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_shelter_stay",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shelter_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    referral_source = table.Column<int>(type: "integer", nullable: false),
                    referral_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    risk = table.Column<int>(type: "integer", nullable: false),
                    situation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    abuser_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    abuser_relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    abuser_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    contacts_withheld = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    escort = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    protection_order_applied = table.Column<bool>(type: "boolean", nullable: false),
                    protection_order_court = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    limit_days = table.Column<int>(type: "integer", nullable: true),
                    extended_days = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_shelter_stay", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_stay_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_stay_rescue_station_station_id",
                        column: x => x.station_id,
                        principalTable: "rescue_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    device_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    catalogue_year = table.Column<int>(type: "integer", nullable: false),
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    replacement_months = table.Column<int>(type: "integer", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    catalogue_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    eligible_groups = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessment_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    fitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fitting_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    signed_by = table.Column<int>(type: "integer", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    in_use = table.Column<bool>(type: "boolean", nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    settled_month = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_application_disability_fukang_device_devi",
                        column: x => x.device_id,
                        principalTable: "disability_fukang_device",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_enrolment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    diagnosis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goals = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sessions_per_month = table.Column<int>(type: "integer", nullable: false),
                    exited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    exit_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_enrolment", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_enrolment_disability_rehab_contract_contra",
                        column: x => x.contract_id,
                        principalTable: "disability_rehab_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disability_rehab_enrolment_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: false),
                    person_months = table.Column<int>(type: "integer", nullable: false),
                    session_count = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_settlement", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_settlement_disability_rehab_contract_contr",
                        column: x => x.contract_id,
                        principalTable: "disability_rehab_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "face_match_review",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    probe_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    distance = table.Column<double>(type: "double precision", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_match_review", x => x.id);
                    table.ForeignKey(
                        name: "fk_face_match_review_face_sample_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "face_sample",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_face_match_review_face_sample_probe_id",
                        column: x => x.probe_id,
                        principalTable: "face_sample",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rescue_shelter_child",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    protection_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    protection_case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_shelter_child", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_child_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_child_shelter_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_shelter_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rescue_shelter_extension",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_shelter_extension", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_extension_shelter_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_shelter_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rescue_shelter_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_shelter_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_shelter_service_shelter_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_shelter_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_score",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    scored_on = table.Column<DateOnly>(type: "date", nullable: false),
                    is_entry = table.Column<bool>(type: "boolean", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    scale = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scale_min = table.Column<int>(type: "integer", nullable: false),
                    scale_max = table.Column<int>(type: "integer", nullable: false),
                    assessor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_score", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_score_disability_rehab_enrolment_enrolment",
                        column: x => x.enrolment_id,
                        principalTable: "disability_rehab_enrolment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    staff = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    settlement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_session", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_session_disability_rehab_enrolment_enrolme",
                        column: x => x.enrolment_id,
                        principalTable: "disability_rehab_enrolment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_county_code_catalogue_year_st",
                table: "disability_fukang_application",
                columns: new[] { "county_code", "catalogue_year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_device_id",
                table: "disability_fukang_application",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_number",
                table: "disability_fukang_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_person_id_device_code",
                table: "disability_fukang_application",
                columns: new[] { "person_id", "device_code" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_budget_division_code_year",
                table: "disability_fukang_budget",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_division_code_year_code",
                table: "disability_fukang_device",
                columns: new[] { "division_code", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_supplier_organization_id",
                table: "disability_fukang_device",
                column: "supplier_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_division_code",
                table: "disability_rehab_contract",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_number",
                table: "disability_rehab_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_organization_id",
                table: "disability_rehab_contract",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_contract_id_enrolled_on",
                table: "disability_rehab_enrolment",
                columns: new[] { "contract_id", "enrolled_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_division_code",
                table: "disability_rehab_enrolment",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_number",
                table: "disability_rehab_enrolment",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_person_id",
                table: "disability_rehab_enrolment",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_score_enrolment_id_scored_on",
                table: "disability_rehab_score",
                columns: new[] { "enrolment_id", "scored_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_contract_id_held_on",
                table: "disability_rehab_session",
                columns: new[] { "contract_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_enrolment_id_held_on",
                table: "disability_rehab_session",
                columns: new[] { "enrolment_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_settlement_id",
                table: "disability_rehab_session",
                column: "settlement_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_settlement_contract_id_month",
                table: "disability_rehab_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_settlement_number",
                table: "disability_rehab_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_face_match_review_candidate_id",
                table: "face_match_review",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_face_match_review_probe_id_candidate_id",
                table: "face_match_review",
                columns: new[] { "probe_id", "candidate_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_model_version_division_code",
                table: "face_sample",
                columns: new[] { "model_version", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_photo_file_id",
                table: "face_sample",
                column: "photo_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_source_subject_id",
                table: "face_sample",
                columns: new[] { "source", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_child_person_id",
                table: "rescue_shelter_child",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_child_stay_id_person_id",
                table: "rescue_shelter_child",
                columns: new[] { "stay_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_extension_stay_id",
                table: "rescue_shelter_extension",
                column: "stay_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_service_stay_id",
                table: "rescue_shelter_service",
                column: "stay_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_stay_division_code_status_due_on",
                table: "rescue_shelter_stay",
                columns: new[] { "division_code", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_stay_number",
                table: "rescue_shelter_stay",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_stay_person_id",
                table: "rescue_shelter_stay",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_shelter_stay_station_id",
                table: "rescue_shelter_stay",
                column: "station_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disability_fukang_application");

            migrationBuilder.DropTable(
                name: "disability_fukang_budget");

            migrationBuilder.DropTable(
                name: "disability_rehab_score");

            migrationBuilder.DropTable(
                name: "disability_rehab_session");

            migrationBuilder.DropTable(
                name: "disability_rehab_settlement");

            migrationBuilder.DropTable(
                name: "face_match_review");

            migrationBuilder.DropTable(
                name: "rescue_shelter_child");

            migrationBuilder.DropTable(
                name: "rescue_shelter_extension");

            migrationBuilder.DropTable(
                name: "rescue_shelter_service");

            migrationBuilder.DropTable(
                name: "disability_fukang_device");

            migrationBuilder.DropTable(
                name: "disability_rehab_enrolment");

            migrationBuilder.DropTable(
                name: "face_sample");

            migrationBuilder.DropTable(
                name: "rescue_shelter_stay");

            migrationBuilder.DropTable(
                name: "disability_rehab_contract");

            migrationBuilder.DropColumn(
                name: "sealed_as",
                table: "file_stored");

            migrationBuilder.DropColumn(
                name: "shelter_stay_id",
                table: "child_protection_case");

            migrationBuilder.DropColumn(
                name: "shelter_stay_number",
                table: "child_protection_case");
        }
    }
}
