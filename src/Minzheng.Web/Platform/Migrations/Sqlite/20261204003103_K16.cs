using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K16 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteer_profile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_by_organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    consented_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    consent_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    publish_consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    skills = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    availability = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    verified_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    star_level = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_profile", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_profile_organizations_registered_by_organization_id",
                        column: x => x.registered_by_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_profile_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_team",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_team", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_team_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_activity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    risk_disclosure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    min_age = table.Column<int>(type: "INTEGER", nullable: true),
                    max_age = table.Column<int>(type: "INTEGER", nullable: true),
                    ability_requirements = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_activity", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_activity_volunteer_team_team_id",
                        column: x => x.team_id,
                        principalTable: "volunteer_team",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_membership",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_membership", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_membership_volunteer_team_team_id",
                        column: x => x.team_id,
                        principalTable: "volunteer_team",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_membership_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_service_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    check_in_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_in_source = table.Column<int>(type: "INTEGER", nullable: true),
                    check_out_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_out_source = table.Column<int>(type: "INTEGER", nullable: true),
                    travel_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    claimed_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    verified_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    verified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    verify_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_service_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_service_record_volunteer_activity_activity_id",
                        column: x => x.activity_id,
                        principalTable: "volunteer_activity",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_service_record_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer_profile",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_activity_division_code",
                table: "volunteer_activity",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_activity_number",
                table: "volunteer_activity",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_activity_organization_id_starts_at",
                table: "volunteer_activity",
                columns: new[] { "organization_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_activity_team_id",
                table: "volunteer_activity",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_membership_division_code",
                table: "volunteer_membership",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_membership_organization_id",
                table: "volunteer_membership",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_membership_team_id",
                table: "volunteer_membership",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_membership_volunteer_id_team_id",
                table: "volunteer_membership",
                columns: new[] { "volunteer_id", "team_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_profile_division_code",
                table: "volunteer_profile",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_profile_number",
                table: "volunteer_profile",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_profile_person_id",
                table: "volunteer_profile",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_profile_registered_by_organization_id",
                table: "volunteer_profile",
                column: "registered_by_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_service_record_activity_id_volunteer_id",
                table: "volunteer_service_record",
                columns: new[] { "activity_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_service_record_division_code",
                table: "volunteer_service_record",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_service_record_organization_id_status",
                table: "volunteer_service_record",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_service_record_volunteer_id_status",
                table: "volunteer_service_record",
                columns: new[] { "volunteer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_team_division_code",
                table: "volunteer_team",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_team_organization_id",
                table: "volunteer_team",
                column: "organization_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteer_membership");

            migrationBuilder.DropTable(
                name: "volunteer_service_record");

            migrationBuilder.DropTable(
                name: "volunteer_activity");

            migrationBuilder.DropTable(
                name: "volunteer_profile");

            migrationBuilder.DropTable(
                name: "volunteer_team");
        }
    }
}
