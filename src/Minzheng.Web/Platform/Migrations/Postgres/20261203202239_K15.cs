using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K15 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "marital_status",
                table: "registry_person",
                type: "integer",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.CreateTable(
                name: "marriage_office",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    number_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    daily_capacity = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_office", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_office_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registry_marital_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    previous_status = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_marital_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_marital_event_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_station",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    beds_male = table.Column<int>(type: "integer", nullable: false),
                    beds_female = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_station", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_station_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_registration",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    male_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    female_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    marriage_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    registered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_registration", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_registration_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_registration_persons_female_person_id",
                        column: x => x.female_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_registration_persons_male_person_id",
                        column: x => x.male_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rescue_stay",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    admitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    identity_known = table.Column<bool>(type: "boolean", nullable: false),
                    declared_origin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    situation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit = table.Column<int>(type: "integer", nullable: true),
                    exit_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    previous_stay_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_stay", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_stay_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rescue_stay_rescue_station_station_id",
                        column: x => x.station_id,
                        principalTable: "rescue_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    holder_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_certificate", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_certificate_marriage_registration_registration_id",
                        column: x => x.registration_id,
                        principalTable: "marriage_registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_certificate_persons_holder_person_id",
                        column: x => x.holder_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_certificate_holder_person_id",
                table: "marriage_certificate",
                column: "holder_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_certificate_number",
                table: "marriage_certificate",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_certificate_registration_id",
                table: "marriage_certificate",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_certificate_token",
                table: "marriage_certificate",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_office_number_code",
                table: "marriage_office",
                column: "number_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_office_organization_id",
                table: "marriage_office",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_registration_division_code_registered_on",
                table: "marriage_registration",
                columns: new[] { "division_code", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_registration_female_person_id",
                table: "marriage_registration",
                column: "female_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_registration_male_person_id",
                table: "marriage_registration",
                column: "male_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_registration_number",
                table: "marriage_registration",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_registration_office_id",
                table: "marriage_registration",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_marital_event_person_id_effective_on",
                table: "registry_marital_event",
                columns: new[] { "person_id", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_marital_event_source_id",
                table: "registry_marital_event",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_rescue_station_organization_id",
                table: "rescue_station",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_stay_division_code_status",
                table: "rescue_stay",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_stay_number",
                table: "rescue_stay",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_stay_person_id_admitted_on",
                table: "rescue_stay",
                columns: new[] { "person_id", "admitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_stay_station_id",
                table: "rescue_stay",
                column: "station_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marriage_certificate");

            migrationBuilder.DropTable(
                name: "registry_marital_event");

            migrationBuilder.DropTable(
                name: "rescue_stay");

            migrationBuilder.DropTable(
                name: "marriage_registration");

            migrationBuilder.DropTable(
                name: "rescue_station");

            migrationBuilder.DropTable(
                name: "marriage_office");

            migrationBuilder.DropColumn(
                name: "marital_status",
                table: "registry_person");
        }
    }
}
