using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K17Boundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_geo_marker_finding_marker_id",
                table: "geo_marker_finding",
                column: "marker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_boundary_dispute");

            migrationBuilder.DropTable(
                name: "geo_boundary_inspection");

            migrationBuilder.DropTable(
                name: "geo_boundary_side");

            migrationBuilder.DropTable(
                name: "geo_marker_finding");

            migrationBuilder.DropTable(
                name: "geo_boundary_marker");

            migrationBuilder.DropTable(
                name: "geo_boundary_line");
        }
    }
}
