using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13Homes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elderly_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    scale_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    dementia_diagnosis = table.Column<bool>(type: "INTEGER", nullable: false),
                    risk_events30days = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    self_care = table.Column<int>(type: "INTEGER", nullable: false),
                    motor = table.Column<int>(type: "INTEGER", nullable: false),
                    mental = table.Column<int>(type: "INTEGER", nullable: false),
                    perception = table.Column<int>(type: "INTEGER", nullable: false),
                    base_level = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    assessor1 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    assessor2 = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    next_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_assessment", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_assessment_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_home",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    @private = table.Column<bool>(name: "private", type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    regime = table.Column<int>(type: "INTEGER", nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    beds = table.Column<int>(type: "INTEGER", nullable: false),
                    nursing_beds = table.Column<int>(type: "INTEGER", nullable: false),
                    floor_area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    premises_ownership = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    legal_person_registered = table.Column<bool>(type: "INTEGER", nullable: true),
                    first_resident_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filing_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    filing_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    check_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    check_findings = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_home", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_home_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_home_filing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    beds = table.Column<int>(type: "INTEGER", nullable: false),
                    nursing_beds = table.Column<int>(type: "INTEGER", nullable: false),
                    materials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    changes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_home_filing", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_home_filing_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elderly_resident",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    discharged_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    discharge_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fee_level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ability_level = table.Column<int>(type: "INTEGER", nullable: true),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    extreme_poverty_case = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_resident", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_resident_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_elderly_resident_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "elderly_staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    post = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    qualification = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    hired_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_staff_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elderly_subsidy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    home_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    new_beds = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paid_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clawback_amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    clawback_basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_subsidy", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_subsidy_elderly_home_home_id",
                        column: x => x.home_id,
                        principalTable: "elderly_home",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_division_code_next_due_on",
                table: "elderly_assessment",
                columns: new[] { "division_code", "next_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_number",
                table: "elderly_assessment",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_organization_id",
                table: "elderly_assessment",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_assessment_person_id_assessed_on",
                table: "elderly_assessment",
                columns: new[] { "person_id", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_division_code_kind",
                table: "elderly_home",
                columns: new[] { "division_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_number",
                table: "elderly_home",
                column: "filing_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_organization_id",
                table: "elderly_home",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_home_id_filed_on",
                table: "elderly_home_filing",
                columns: new[] { "home_id", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_home_filing_number1",
                table: "elderly_home_filing",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_resident_home_id_admitted_on",
                table: "elderly_resident",
                columns: new[] { "home_id", "admitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_resident_person_id",
                table: "elderly_resident",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_staff_home_id",
                table: "elderly_staff",
                column: "home_id");

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_division_code_status",
                table: "elderly_subsidy",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_home_id_kind_month",
                table: "elderly_subsidy",
                columns: new[] { "home_id", "kind", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_subsidy_number",
                table: "elderly_subsidy",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_assessment");

            migrationBuilder.DropTable(
                name: "elderly_home_filing");

            migrationBuilder.DropTable(
                name: "elderly_resident");

            migrationBuilder.DropTable(
                name: "elderly_staff");

            migrationBuilder.DropTable(
                name: "elderly_subsidy");

            migrationBuilder.DropTable(
                name: "elderly_home");
        }
    }
}
