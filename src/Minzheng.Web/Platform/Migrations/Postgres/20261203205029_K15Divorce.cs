using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K15Divorce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marriage_divorce_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    male_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    female_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    marriage_id = table.Column<Guid>(type: "uuid", nullable: true),
                    marriage_certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    married_on = table.Column<DateOnly>(type: "date", nullable: false),
                    children_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    property_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    debt_arrangement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    withdraw_until = table.Column<DateOnly>(type: "date", nullable: false),
                    appear_from = table.Column<DateOnly>(type: "date", nullable: false),
                    appear_until = table.Column<DateOnly>(type: "date", nullable: false),
                    cooling_off_days = table.Column<int>(type: "integer", nullable: false),
                    refusal_grounds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    withdrawn_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawal_statement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_divorce_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_marriage_registration_marriage",
                        column: x => x.marriage_id,
                        principalTable: "marriage_registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_persons_female_person_id",
                        column: x => x.female_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marriage_divorce_application_persons_male_person_id",
                        column: x => x.male_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_division_code_status",
                table: "marriage_divorce_application",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_female_person_id",
                table: "marriage_divorce_application",
                column: "female_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_male_person_id",
                table: "marriage_divorce_application",
                column: "male_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_marriage_id",
                table: "marriage_divorce_application",
                column: "marriage_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_number",
                table: "marriage_divorce_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_office_id",
                table: "marriage_divorce_application",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_divorce_application_status_appear_until",
                table: "marriage_divorce_application",
                columns: new[] { "status", "appear_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marriage_divorce_application");
        }
    }
}
