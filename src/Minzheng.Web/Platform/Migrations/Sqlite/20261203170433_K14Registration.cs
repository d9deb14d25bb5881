using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    city_wide = table.Column<bool>(type: "INTEGER", nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    supervising_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    business_scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    registered_capital_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    is_trade_association = table.Column<bool>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    materials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    workflow_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    account_user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
