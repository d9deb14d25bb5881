using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K15Funeral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funeral_eco_award",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    deceased_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    buried_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    pay_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_eco_award", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funeral_facility",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    public_welfare = table.Column<bool>(type: "INTEGER", nullable: false),
                    approval_authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approval_document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    land_area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    eco_share = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_facility", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_facility_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_grave_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    area = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    found_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    measure = table.Column<int>(type: "INTEGER", nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_grave_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funeral_cremation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    death_record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cremated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_cremation", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_cremation_death_record_death_record_id",
                        column: x => x.death_record_id,
                        principalTable: "funeral_death_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_funeral_cremation_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_plot",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    row_no = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    area = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    term_years = table.Column<int>(type: "INTEGER", nullable: false),
                    price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    holder_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    deceased_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    certificate_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    sold_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sold_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_plot", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_plot_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_waiver_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    deceased_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    group_evidence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    units = table.Column<int>(type: "INTEGER", nullable: false),
                    charged_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    free_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    served_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    settlement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_waiver_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_waiver_service_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_waiver_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    service_count = table.Column<int>(type: "INTEGER", nullable: false),
                    person_count = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_waiver_settlement", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_waiver_settlement_funeral_facility_facility_id",
                        column: x => x.facility_id,
                        principalTable: "funeral_facility",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funeral_grave_photo",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    after = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funeral_grave_photo", x => x.id);
                    table.ForeignKey(
                        name: "fk_funeral_grave_photo_files_file_id",
                        column: x => x.file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_funeral_grave_photo_funeral_grave_case_case_id",
                        column: x => x.case_id,
                        principalTable: "funeral_grave_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_death_record_id",
                table: "funeral_cremation",
                column: "death_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_division_code_cremated_on",
                table: "funeral_cremation",
                columns: new[] { "division_code", "cremated_on" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_facility_id",
                table: "funeral_cremation",
                column: "facility_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_cremation_person_id",
                table: "funeral_cremation",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_eco_award_deceased_person_id",
                table: "funeral_eco_award",
                column: "deceased_person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_eco_award_number",
                table: "funeral_eco_award",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_facility_organization_id",
                table: "funeral_facility",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_case_number",
                table: "funeral_grave_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_case_status_deadline",
                table: "funeral_grave_case",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_photo_case_id",
                table: "funeral_grave_photo",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_grave_photo_file_id",
                table: "funeral_grave_photo",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_plot_deceased_person_id",
                table: "funeral_plot",
                column: "deceased_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_funeral_plot_facility_id_section_row_no_number",
                table: "funeral_plot",
                columns: new[] { "facility_id", "section", "row_no", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_service_deceased_person_id_item",
                table: "funeral_waiver_service",
                columns: new[] { "deceased_person_id", "item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_service_facility_id_served_on",
                table: "funeral_waiver_service",
                columns: new[] { "facility_id", "served_on" });

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_settlement_facility_id_month",
                table: "funeral_waiver_settlement",
                columns: new[] { "facility_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funeral_waiver_settlement_number",
                table: "funeral_waiver_settlement",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funeral_cremation");

            migrationBuilder.DropTable(
                name: "funeral_eco_award");

            migrationBuilder.DropTable(
                name: "funeral_grave_photo");

            migrationBuilder.DropTable(
                name: "funeral_plot");

            migrationBuilder.DropTable(
                name: "funeral_waiver_service");

            migrationBuilder.DropTable(
                name: "funeral_waiver_settlement");

            migrationBuilder.DropTable(
                name: "funeral_grave_case");

            migrationBuilder.DropTable(
                name: "funeral_facility");
        }
    }
}
