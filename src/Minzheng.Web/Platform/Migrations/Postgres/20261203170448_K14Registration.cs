using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K14Registration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "socorg_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    city_wide = table.Column<bool>(type: "boolean", nullable: false),
                    authority_division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_representative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    supervising_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    business_scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    registered_capital_fen = table.Column<long>(type: "bigint", nullable: false),
                    is_trade_association = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    materials = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    grounds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    account_user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_application_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_applicant_user_id",
                table: "socorg_application",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_division_code_status",
                table: "socorg_application",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_number",
                table: "socorg_application",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_application_organization_id_status",
                table: "socorg_application",
                columns: new[] { "organization_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_application");
        }
    }
}
