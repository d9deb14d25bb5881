using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K16More : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "guardian_consent_on",
                table: "volunteer_profile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_consent_recorded_by",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_name",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_relationship",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "socialwork_training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    organiser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_training", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_training_participant",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    training_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_training_participant", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_training_division_code_starts_on",
                table: "socialwork_training",
                columns: new[] { "division_code", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_training_participant_training_id_worker_id",
                table: "socialwork_training_participant",
                columns: new[] { "training_id", "worker_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_training_participant_worker_id",
                table: "socialwork_training_participant",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socialwork_training");

            migrationBuilder.DropTable(
                name: "socialwork_training_participant");

            migrationBuilder.DropColumn(
                name: "guardian_consent_on",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_consent_recorded_by",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_name",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_relationship",
                table: "volunteer_profile");
        }
    }
}
