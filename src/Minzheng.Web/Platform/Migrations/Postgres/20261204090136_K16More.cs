using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_consent_recorded_by",
                table: "volunteer_profile",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_name",
                table: "volunteer_profile",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_relationship",
                table: "volunteer_profile",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "socialwork_training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    organiser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_training", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_training_participant",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    training_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
