using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K16SocialWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "socialwork_exam_attempt",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_exam_attempt", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_referral",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    handled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    handled_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    handling_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_referral", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    beneficiary_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    needs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    plan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    participants = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closing_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_service", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_station",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    station_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    operator_organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contract_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contract_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    funding_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_station", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socialwork_worker",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    post = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_level = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    qualification = table.Column<int>(type: "INTEGER", nullable: false),
                    senior_pass_year = table.Column<int>(type: "INTEGER", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socialwork_worker", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_exam_attempt_worker_id_year_subject",
                table: "socialwork_exam_attempt",
                columns: new[] { "worker_id", "year", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_referral_division_code_status",
                table: "socialwork_referral",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_referral_person_id",
                table: "socialwork_referral",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_service_division_code_started_on",
                table: "socialwork_service",
                columns: new[] { "division_code", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_service_station_id_started_on",
                table: "socialwork_service",
                columns: new[] { "station_id", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_station_division_code",
                table: "socialwork_station",
                column: "division_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_station_organization_id",
                table: "socialwork_station",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_worker_division_code",
                table: "socialwork_worker",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socialwork_worker_station_id_person_id",
                table: "socialwork_worker",
                columns: new[] { "station_id", "person_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socialwork_exam_attempt");

            migrationBuilder.DropTable(
                name: "socialwork_referral");

            migrationBuilder.DropTable(
                name: "socialwork_service");

            migrationBuilder.DropTable(
                name: "socialwork_station");

            migrationBuilder.DropTable(
                name: "socialwork_worker");
        }
    }
}
