using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K17Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "retired_on",
                table: "division",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "succeeded_by",
                table: "division",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "division",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "division_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    moved_summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_change_mapping",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    keeps_identity = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change_mapping", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_move",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    table_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    entity_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_move", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_version",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    change_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_version", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "geo_boundary_line",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    side_a_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    side_a_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    side_b_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    side_b_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    agreement_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    length_km = table.Column<decimal>(type: "numeric(10,3)", precision: 10, scale: 3, nullable: true),
                    geo_json = table.Column<string>(type: "character varying(500000)", maxLength: 500000, nullable: false),
                    detail_map_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_line", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "geo_cleanup_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    found_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    use = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    standard_name_id = table.Column<Guid>(type: "uuid", nullable: true),
                    standard_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_cleanup_case", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_cleanup_case_geo_place_name_standard_name_id",
                        column: x => x.standard_name_id,
                        principalTable: "geo_place_name",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    place_name_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    material = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    installed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    condition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_inspected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_geo_place_name_place_name_id",
                        column: x => x.place_name_id,
                        principalTable: "geo_place_name",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "geo_naming_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    place_name_id = table.Column<Guid>(type: "uuid", nullable: true),
                    former_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    proposed_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    size = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    applicant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    pinyin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    check_conflicts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    check_warnings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    expert_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    consultation_from = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_until = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    approving_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approval_document = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    filing_due = table.Column<DateOnly>(type: "date", nullable: true),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    filed_with = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    announcement_due = table.Column<DateOnly>(type: "date", nullable: true),
                    announced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_naming_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_change_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    change_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    to_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change_item", x => x.id);
                    table.ForeignKey(
                        name: "fk_division_change_item_division_change_change_id",
                        column: x => x.change_id,
                        principalTable: "division_change",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_boundary_dispute",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    settled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_dispute", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_boundary_dispute_geo_boundary_line_line_id",
                        column: x => x.line_id,
                        principalTable: "geo_boundary_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_boundary_inspection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    round = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sections = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    participants = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_inspection", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_boundary_inspection_geo_boundary_line_line_id",
                        column: x => x.line_id,
                        principalTable: "geo_boundary_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_boundary_marker",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    responsible_side_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    condition = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_marker", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_boundary_marker_geo_boundary_line_line_id",
                        column: x => x.line_id,
                        principalTable: "geo_boundary_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_boundary_side",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_side", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_boundary_side_geo_boundary_line_line_id",
                        column: x => x.line_id,
                        principalTable: "geo_boundary_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    condition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    repaired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    repair_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    checked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign_check", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_check_geo_name_sign_sign_id",
                        column: x => x.sign_id,
                        principalTable: "geo_name_sign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign_photo",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign_photo", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_photo_files_file_id",
                        column: x => x.file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_photo_geo_name_sign_sign_id",
                        column: x => x.sign_id,
                        principalTable: "geo_name_sign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_marker_finding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    marker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    condition = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    task = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_marker_finding", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_marker_finding_geo_boundary_marker_marker_id",
                        column: x => x.marker_id,
                        principalTable: "geo_boundary_marker",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_division_change_status_effective_on",
                table: "division_change",
                columns: new[] { "status", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_division_change_item_change_id",
                table: "division_change_item",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_division_change_mapping_change_id_from_code",
                table: "division_change_mapping",
                columns: new[] { "change_id", "from_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_division_move_table_name_entity_key_effective_on",
                table: "division_move",
                columns: new[] { "table_name", "entity_key", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_division_version_code",
                table: "division_version",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_dispute_line_id",
                table: "geo_boundary_dispute",
                column: "line_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_inspection_line_id",
                table: "geo_boundary_inspection",
                column: "line_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_line_division_code",
                table: "geo_boundary_line",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_marker_line_id_number",
                table: "geo_boundary_marker",
                columns: new[] { "line_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_side_division_code",
                table: "geo_boundary_side",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_side_line_id",
                table: "geo_boundary_side",
                column: "line_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_done_on_deadline",
                table: "geo_cleanup_case",
                columns: new[] { "done_on", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_number",
                table: "geo_cleanup_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_standard_name_id",
                table: "geo_cleanup_case",
                column: "standard_name_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_marker_finding_marker_id",
                table: "geo_marker_finding",
                column: "marker_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_division_code_condition",
                table: "geo_name_sign",
                columns: new[] { "division_code", "condition" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_number",
                table: "geo_name_sign",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_place_name_id",
                table: "geo_name_sign",
                column: "place_name_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_check_sign_id",
                table: "geo_name_sign_check",
                column: "sign_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_photo_file_id",
                table: "geo_name_sign_photo",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_photo_sign_id",
                table: "geo_name_sign_photo",
                column: "sign_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_division_code_state",
                table: "geo_naming_application",
                columns: new[] { "division_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_number",
                table: "geo_naming_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_state_announcement_due",
                table: "geo_naming_application",
                columns: new[] { "state", "announcement_due" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_naming_application_state_filing_due",
                table: "geo_naming_application",
                columns: new[] { "state", "filing_due" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "division_change_item");

            migrationBuilder.DropTable(
                name: "division_change_mapping");

            migrationBuilder.DropTable(
                name: "division_move");

            migrationBuilder.DropTable(
                name: "division_version");

            migrationBuilder.DropTable(
                name: "geo_boundary_dispute");

            migrationBuilder.DropTable(
                name: "geo_boundary_inspection");

            migrationBuilder.DropTable(
                name: "geo_boundary_side");

            migrationBuilder.DropTable(
                name: "geo_cleanup_case");

            migrationBuilder.DropTable(
                name: "geo_marker_finding");

            migrationBuilder.DropTable(
                name: "geo_name_sign_check");

            migrationBuilder.DropTable(
                name: "geo_name_sign_photo");

            migrationBuilder.DropTable(
                name: "geo_naming_application");

            migrationBuilder.DropTable(
                name: "division_change");

            migrationBuilder.DropTable(
                name: "geo_boundary_marker");

            migrationBuilder.DropTable(
                name: "geo_name_sign");

            migrationBuilder.DropTable(
                name: "geo_boundary_line");

            migrationBuilder.DropColumn(
                name: "retired_on",
                table: "division");

            migrationBuilder.DropColumn(
                name: "succeeded_by",
                table: "division");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "division");
        }
    }
}
