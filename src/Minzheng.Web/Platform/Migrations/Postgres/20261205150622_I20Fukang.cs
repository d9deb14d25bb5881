using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I20Fukang : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disability_fukang_budget",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_budget", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_device",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    replacement_months = table.Column<int>(type: "integer", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_device", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_device_organizations_supplier_organizatio",
                        column: x => x.supplier_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_fukang_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    device_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    catalogue_year = table.Column<int>(type: "integer", nullable: false),
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    replacement_months = table.Column<int>(type: "integer", nullable: false),
                    supplier_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    catalogue_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    eligible_groups = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessment_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    fitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fitting_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    signed_by = table.Column<int>(type: "integer", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    in_use = table.Column<bool>(type: "boolean", nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    settled_month = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_fukang_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_fukang_application_disability_fukang_device_devi",
                        column: x => x.device_id,
                        principalTable: "disability_fukang_device",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_county_code_catalogue_year_st",
                table: "disability_fukang_application",
                columns: new[] { "county_code", "catalogue_year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_device_id",
                table: "disability_fukang_application",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_number",
                table: "disability_fukang_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_application_person_id_device_code",
                table: "disability_fukang_application",
                columns: new[] { "person_id", "device_code" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_budget_division_code_year",
                table: "disability_fukang_budget",
                columns: new[] { "division_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_division_code_year_code",
                table: "disability_fukang_device",
                columns: new[] { "division_code", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_fukang_device_supplier_organization_id",
                table: "disability_fukang_device",
                column: "supplier_organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disability_fukang_application");

            migrationBuilder.DropTable(
                name: "disability_fukang_budget");

            migrationBuilder.DropTable(
                name: "disability_fukang_device");
        }
    }
}
