using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K16Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "check_in_secret",
                table: "volunteer_activity",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "volunteer_correction",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    requested_minutes = table.Column<int>(type: "integer", nullable: false),
                    previous_minutes = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_correction", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_correction_service_record_record_id",
                        column: x => x.record_id,
                        principalTable: "volunteer_service_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_correction_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_project_volunteer_team_team_id",
                        column: x => x.team_id,
                        principalTable: "volunteer_team",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_signup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    risks_acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decision_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_signup", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_signup_volunteer_activity_activity_id",
                        column: x => x.activity_id,
                        principalTable: "volunteer_activity",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_signup_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_division_code",
                table: "volunteer_correction",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_organization_id_status",
                table: "volunteer_correction",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_record_id",
                table: "volunteer_correction",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_correction_volunteer_id",
                table: "volunteer_correction",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_division_code",
                table: "volunteer_project",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_organization_id",
                table: "volunteer_project",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_project_team_id",
                table: "volunteer_project",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_activity_id_volunteer_id",
                table: "volunteer_signup",
                columns: new[] { "activity_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_division_code",
                table: "volunteer_signup",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_signup_volunteer_id",
                table: "volunteer_signup",
                column: "volunteer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteer_correction");

            migrationBuilder.DropTable(
                name: "volunteer_project");

            migrationBuilder.DropTable(
                name: "volunteer_signup");

            migrationBuilder.DropColumn(
                name: "check_in_secret",
                table: "volunteer_activity");
        }
    }
}
