using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13HomeCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elderly_homecare_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    population_count = table.Column<int>(type: "INTEGER", nullable: false),
                    population = table.Column<string>(type: "TEXT", nullable: false),
                    sample = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    drawn_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    provider_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    budget_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visit_count = table.Column<int>(type: "INTEGER", nullable: false),
                    elder_count = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    excluded_count = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_order",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    elder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    services = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    monthly_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    eligibility = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmation_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_homecare_order_elderly_homecare_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "elderly_homecare_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_homecare_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    elder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    caregiver_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    caregiver_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    check_in_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    check_in_latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_in_longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_in_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    check_out_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_out_latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_out_longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    check_out_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    settlement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    audit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    audit_result = table.Column<int>(type: "INTEGER", nullable: true),
                    audit_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_homecare_visit", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_homecare_visit_elderly_homecare_order_order_id",
                        column: x => x.order_id,
                        principalTable: "elderly_homecare_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_audit_contract_id_month",
                table: "elderly_homecare_audit",
                columns: new[] { "contract_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_contract_number",
                table: "elderly_homecare_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_contract_organization_id_year",
                table: "elderly_homecare_contract",
                columns: new[] { "organization_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_contract_id",
                table: "elderly_homecare_order",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_division_code",
                table: "elderly_homecare_order",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_number",
                table: "elderly_homecare_order",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_organization_id_status",
                table: "elderly_homecare_order",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_order_person_id_status",
                table: "elderly_homecare_order",
                columns: new[] { "person_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_settlement_contract_id_month",
                table: "elderly_homecare_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_settlement_number",
                table: "elderly_homecare_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_contract_id_service_date",
                table: "elderly_homecare_visit",
                columns: new[] { "contract_id", "service_date" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_order_id_check_out_at",
                table: "elderly_homecare_visit",
                columns: new[] { "order_id", "check_out_at" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_homecare_visit_settlement_id",
                table: "elderly_homecare_visit",
                column: "settlement_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_homecare_audit");

            migrationBuilder.DropTable(
                name: "elderly_homecare_settlement");

            migrationBuilder.DropTable(
                name: "elderly_homecare_visit");

            migrationBuilder.DropTable(
                name: "elderly_homecare_order");

            migrationBuilder.DropTable(
                name: "elderly_homecare_contract");
        }
    }
}
