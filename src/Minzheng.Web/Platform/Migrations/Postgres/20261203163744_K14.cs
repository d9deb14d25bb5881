using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K14 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "socorg_annual_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    pre_reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_annual_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_annual_report_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_credit_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ground = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    fulfils_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_credit_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_credit_event_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_profile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    authority_division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    supervising_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    business_scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    registered_capital_fen = table.Column<long>(type: "bigint", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    certificate_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_trade_association = table.Column<bool>(type: "boolean", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: true),
                    grade_valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    party_organization = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_profile", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_profile_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_annual_report_division_code_year_status",
                table: "socorg_annual_report",
                columns: new[] { "division_code", "year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_annual_report_organization_id_year",
                table: "socorg_annual_report",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_event_division_code_kind",
                table: "socorg_credit_event",
                columns: new[] { "division_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_event_organization_id_occurred_on",
                table: "socorg_credit_event",
                columns: new[] { "organization_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_event_organization_id_source_key",
                table: "socorg_credit_event",
                columns: new[] { "organization_id", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_profile_authority_division_code_kind",
                table: "socorg_profile",
                columns: new[] { "authority_division_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_profile_certificate_number",
                table: "socorg_profile",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_profile_division_code_kind",
                table: "socorg_profile",
                columns: new[] { "division_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_profile_organization_id",
                table: "socorg_profile",
                column: "organization_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_annual_report");

            migrationBuilder.DropTable(
                name: "socorg_credit_event");

            migrationBuilder.DropTable(
                name: "socorg_profile");
        }
    }
}
