using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K15Backfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marriage_counselling_contract",
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
                    unit_price_fen = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_contract", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_counselling_contract_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_counselling_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_month = table.Column<DateOnly>(type: "date", nullable: false),
                    session_count = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marriage_historical_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    archive_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registry_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    party_a_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    party_a_sex = table.Column<int>(type: "integer", nullable: false),
                    party_a_id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_a_id_number_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_a_id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_a_id_number_length = table.Column<int>(type: "integer", nullable: true),
                    party_a_anomaly_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_a_birth_year = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_month = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_day = table.Column<int>(type: "integer", nullable: true),
                    party_a_birth_conflicts_number = table.Column<bool>(type: "boolean", nullable: false),
                    party_a_ethnicity = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    party_a_occupation = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_marital_before = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_a_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party_a_person_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    party_b_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    party_b_sex = table.Column<int>(type: "integer", nullable: false),
                    party_b_id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_b_id_number_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    party_b_id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_b_id_number_length = table.Column<int>(type: "integer", nullable: true),
                    party_b_anomaly_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_b_birth_year = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_month = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_day = table.Column<int>(type: "integer", nullable: true),
                    party_b_birth_conflicts_number = table.Column<bool>(type: "boolean", nullable: false),
                    party_b_ethnicity = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    party_b_occupation = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_marital_before = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    party_b_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party_b_person_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_historical_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_historical_record_marriage_office_office_id",
                        column: x => x.office_id,
                        principalTable: "marriage_office",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marriage_counselling_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    counsellor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    topic = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    settlement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marriage_counselling_session", x => x.id);
                    table.ForeignKey(
                        name: "fk_marriage_counselling_session_marriage_counselling_contract_",
                        column: x => x.contract_id,
                        principalTable: "marriage_counselling_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_division_code",
                table: "marriage_counselling_contract",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_number",
                table: "marriage_counselling_contract",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_contract_organization_id",
                table: "marriage_counselling_contract",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_session_contract_id_held_on",
                table: "marriage_counselling_session",
                columns: new[] { "contract_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_session_settlement_id",
                table: "marriage_counselling_session",
                column: "settlement_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_settlement_contract_id_month",
                table: "marriage_counselling_settlement",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_counselling_settlement_number",
                table: "marriage_counselling_settlement",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_division_code_archive_number",
                table: "marriage_historical_record",
                columns: new[] { "division_code", "archive_number" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_division_code_status",
                table: "marriage_historical_record",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_office_id",
                table: "marriage_historical_record",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_party_a_id_number_hash",
                table: "marriage_historical_record",
                column: "party_a_id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_marriage_historical_record_party_b_id_number_hash",
                table: "marriage_historical_record",
                column: "party_b_id_number_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marriage_counselling_session");

            migrationBuilder.DropTable(
                name: "marriage_counselling_settlement");

            migrationBuilder.DropTable(
                name: "marriage_historical_record");

            migrationBuilder.DropTable(
                name: "marriage_counselling_contract");
        }
    }
}
