using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K15Registration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marriage_appointment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    slot = table.Column<int>(type: "INTEGER", nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    male_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    female_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    outcome_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    booked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    booked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_appointment", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_appointment_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_refusal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    refused_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    male_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    female_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    refused_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_refusal", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_persons_female_person_id",
                        column: x => x.female_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_refusal_persons_male_person_id",
                        column: x => x.male_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_appointment_office_id_day_slot",
                table: "marriage_appointment",
                columns: new[] { "office_id", "day", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_division_code_refused_on",
                table: "marriage_refusal",
                columns: new[] { "division_code", "refused_on" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_female_person_id",
                table: "marriage_refusal",
                column: "female_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_male_person_id",
                table: "marriage_refusal",
                column: "male_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_number",
                table: "marriage_refusal",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_refusal_office_id",
                table: "marriage_refusal",
                column: "office_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marriage_appointment");

            migrationBuilder.DropTable(
                name: "marriage_refusal");
        }
    }
}
