using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K14Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "socorg_cleanup_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_cleanup_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_cleanup_step_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_decoupling",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    institution = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    functions = table.Column<int>(type: "INTEGER", nullable: false),
                    functions_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assets_finance = table.Column<int>(type: "INTEGER", nullable: false),
                    assets_finance_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    personnel = table.Column<int>(type: "INTEGER", nullable: false),
                    personnel_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    party_and_foreign_affairs = table.Column<int>(type: "INTEGER", nullable: false),
                    party_and_foreign_affairs_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_decoupling", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_decoupling_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_expert",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_expert", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "socorg_funding_programme",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    funder_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    min_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    max_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_funding_programme", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_funding_programme_organizations_funder_organization_id",
                        column: x => x.funder_organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_party",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    party_members = table.Column<int>(type: "INTEGER", nullable: false),
                    instructor_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_party", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_party_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_qualification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    charitable_purpose = table.Column<bool>(type: "INTEGER", nullable: false),
                    non_profit_charter = table.Column<bool>(type: "INTEGER", nullable: false),
                    sound_finance = table.Column<bool>(type: "INTEGER", nullable: false),
                    no_barred_leader = table.Column<bool>(type: "INTEGER", nullable: false),
                    board_resolution = table.Column<bool>(type: "INTEGER", nullable: false),
                    audited_report = table.Column<bool>(type: "INTEGER", nullable: false),
                    tax_exemption = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_year_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_management_cost_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    last_year_total_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    year_before_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    year_before_spending_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    three_years_before_income_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    net_assets_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    unmet = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_qualification", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_qualification_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_support_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    budget_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    beneficiaries = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_support_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_support_project_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_cleanup_step_organization_id_on",
                table: "socorg_cleanup_step",
                columns: new[] { "organization_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_decoupling_division_code",
                table: "socorg_decoupling",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_decoupling_organization_id",
                table: "socorg_decoupling",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_expert_field_division_code",
                table: "socorg_expert",
                columns: new[] { "field", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_division_code",
                table: "socorg_funding_programme",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_field_ends_on",
                table: "socorg_funding_programme",
                columns: new[] { "field", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_funding_programme_funder_organization_id",
                table: "socorg_funding_programme",
                column: "funder_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_party_organization_id",
                table: "socorg_party",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_division_code_status",
                table: "socorg_qualification",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_number",
                table: "socorg_qualification",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_socorg_qualification_organization_id_kind_status",
                table: "socorg_qualification",
                columns: new[] { "organization_id", "kind", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_support_project_field_division_code",
                table: "socorg_support_project",
                columns: new[] { "field", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_support_project_organization_id",
                table: "socorg_support_project",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_cleanup_step");

            migrationBuilder.DropTable(
                name: "socorg_decoupling");

            migrationBuilder.DropTable(
                name: "socorg_expert");

            migrationBuilder.DropTable(
                name: "socorg_funding_programme");

            migrationBuilder.DropTable(
                name: "socorg_party");

            migrationBuilder.DropTable(
                name: "socorg_qualification");

            migrationBuilder.DropTable(
                name: "socorg_support_project");
        }
    }
}
