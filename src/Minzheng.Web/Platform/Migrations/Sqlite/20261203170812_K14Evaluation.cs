using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K14Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_evaluation_expert");

            migrationBuilder.DropTable(
                name: "socorg_evaluation_indicator");

            migrationBuilder.DropTable(
                name: "socorg_evaluation_score");

            migrationBuilder.DropTable(
                name: "socorg_spot_check");

            migrationBuilder.DropTable(
                name: "socorg_spot_check_inspector");

            migrationBuilder.DropTable(
                name: "socorg_evaluation");

            migrationBuilder.DropTable(
                name: "socorg_spot_check_draw");
        }
    }
}
