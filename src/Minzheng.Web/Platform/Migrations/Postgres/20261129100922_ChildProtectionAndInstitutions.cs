using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChildProtectionAndInstitutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_institution",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    beds = table.Column<int>(type: "integer", nullable: false),
                    director = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_institution_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    finding = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    problem = table.Column<bool>(type: "boolean", nullable: false),
                    rectification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    rectified_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution_check", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_institution_child",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    rehabilitation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_institution_child", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_protection_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    child_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    harm = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    referred_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    shelter_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    shelter_from = table.Column<DateOnly>(type: "date", nullable: true),
                    shelter_to = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_protection_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_protection_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_institution");

            migrationBuilder.DropTable(
                name: "child_institution_check");

            migrationBuilder.DropTable(
                name: "child_institution_child");

            migrationBuilder.DropTable(
                name: "child_protection_service");

            migrationBuilder.DropTable(
                name: "child_protection_case");
        }
    }
}
