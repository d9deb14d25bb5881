using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I20Rehab : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disability_rehab_contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    budget_fen = table.Column<long>(type: "bigint", nullable: false),
                    monthly_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_contract", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_contract_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_enrolment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    diagnosis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goals = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sessions_per_month = table.Column<int>(type: "integer", nullable: false),
                    exited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    exit_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_enrolment", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_enrolment_disability_rehab_contract_contra",
                        column: x => x.contract_id,
                        principalTable: "disability_rehab_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disability_rehab_enrolment_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: false),
                    person_months = table.Column<int>(type: "integer", nullable: false),
                    session_count = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_settlement", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_settlement_disability_rehab_contract_contr",
                        column: x => x.contract_id,
                        principalTable: "disability_rehab_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_score",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    scored_on = table.Column<DateOnly>(type: "date", nullable: false),
                    is_entry = table.Column<bool>(type: "boolean", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    scale = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scale_min = table.Column<int>(type: "integer", nullable: false),
                    scale_max = table.Column<int>(type: "integer", nullable: false),
                    assessor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_score", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_score_disability_rehab_enrolment_enrolment",
                        column: x => x.enrolment_id,
                        principalTable: "disability_rehab_enrolment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disability_rehab_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    staff = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    settlement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disability_rehab_session", x => x.id);
                    table.ForeignKey(
                        name: "fk_disability_rehab_session_disability_rehab_enrolment_enrolme",
                        column: x => x.enrolment_id,
                        principalTable: "disability_rehab_enrolment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_division_code",
                table: "disability_rehab_contract",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_number",
                table: "disability_rehab_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_contract_organization_id",
                table: "disability_rehab_contract",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_contract_id_enrolled_on",
                table: "disability_rehab_enrolment",
                columns: new[] { "contract_id", "enrolled_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_division_code",
                table: "disability_rehab_enrolment",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_number",
                table: "disability_rehab_enrolment",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_enrolment_person_id",
                table: "disability_rehab_enrolment",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_score_enrolment_id_scored_on",
                table: "disability_rehab_score",
                columns: new[] { "enrolment_id", "scored_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_contract_id_held_on",
                table: "disability_rehab_session",
                columns: new[] { "contract_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_enrolment_id_held_on",
                table: "disability_rehab_session",
                columns: new[] { "enrolment_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_session_settlement_id",
                table: "disability_rehab_session",
                column: "settlement_id");

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_settlement_contract_id_month",
                table: "disability_rehab_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disability_rehab_settlement_number",
                table: "disability_rehab_settlement",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disability_rehab_score");

            migrationBuilder.DropTable(
                name: "disability_rehab_session");

            migrationBuilder.DropTable(
                name: "disability_rehab_settlement");

            migrationBuilder.DropTable(
                name: "disability_rehab_enrolment");

            migrationBuilder.DropTable(
                name: "disability_rehab_contract");
        }
    }
}
