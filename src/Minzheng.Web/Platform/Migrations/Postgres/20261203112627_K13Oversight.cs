using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K13Oversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elderly_inspection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    home_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    inspector_ids = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    inspector_names = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    results = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    publish_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_draw",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ratio_percent = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    inspectors_per_home = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    population = table.Column<string>(type: "text", nullable: false),
                    picks = table.Column<string>(type: "text", nullable: false),
                    drawn_on = table.Column<DateOnly>(type: "date", nullable: false),
                    drawn_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_draw", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_matter",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_matter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_target",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_target", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspector",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    conflicts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspector", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_star_rating",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    home_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    applied_level = table.Column<int>(type: "integer", nullable: false),
                    self_environment = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    self_facilities = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    self_management = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    self_service = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    self_level = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    environment = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    facilities = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    management = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    service = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    total = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    experts = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    applied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_star_rating", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_inspection_rectification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requirement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completion_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_inspection_rectification", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_inspection_rectification_elderly_inspection_inspect",
                        column: x => x.inspection_id,
                        principalTable: "elderly_inspection",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_elderly_star_rating_number",
                table: "elderly_star_rating",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_star_rating_organization_id_state",
                table: "elderly_star_rating",
                columns: new[] { "organization_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "elderly_star_rating");

            migrationBuilder.DropTable(
                name: "elderly_inspection");
        }
    }
}
