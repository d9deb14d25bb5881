using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K15Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rescue_campaign");

            migrationBuilder.DropTable(
                name: "rescue_dna_request");

            migrationBuilder.DropTable(
                name: "rescue_family_inquiry");

            migrationBuilder.DropTable(
                name: "rescue_patrol");

            migrationBuilder.DropTable(
                name: "rescue_search_notice");
        }
    }
}
