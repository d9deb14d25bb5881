using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I20Shelter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "rescue_shelter_child");

            migrationBuilder.DropTable(
                name: "rescue_shelter_extension");

            migrationBuilder.DropTable(
                name: "rescue_shelter_service");

            migrationBuilder.DropTable(
                name: "rescue_shelter_stay");

            migrationBuilder.DropColumn(
                name: "shelter_stay_id",
                table: "child_protection_case");

            migrationBuilder.DropColumn(
                name: "shelter_stay_number",
                table: "child_protection_case");
        }
    }
}
