using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entitlement_period",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_count = table.Column<int>(type: "integer", nullable: false),
                    from_month = table.Column<DateOnly>(type: "date", nullable: false),
                    to_month = table.Column<DateOnly>(type: "date", nullable: true),
                    one_off = table.Column<bool>(type: "boolean", nullable: false),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entitlement_period", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_template",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    columns = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    return_reference_header = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    return_result_header = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    return_success_values = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    return_reason_header = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_template", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_line",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    payroll_id = table.Column<Guid>(type: "uuid", nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    service_month = table.Column<DateOnly>(type: "date", nullable: false),
                    purpose = table.Column<int>(type: "integer", nullable: false),
                    is_arrears = table.Column<bool>(type: "boolean", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    person_count = table.Column<int>(type: "integer", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    bank_account_masked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bank_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    retry_of_line_id = table.Column<long>(type: "bigint", nullable: true),
                    recovery_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_line", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    generated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    generated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    exported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    export_template_id = table.Column<Guid>(type: "uuid", nullable: true),
                    export_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    exported_lines = table.Column<int>(type: "integer", nullable: false),
                    reconciled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    total_fen = table.Column<long>(type: "bigint", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payroll", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_price_index",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    cpi_yo_y = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    food_yo_y = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_price_index", x => x.month);
                });

            migrationBuilder.CreateTable(
                name: "payments_price_subsidy_rule",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    cpi_threshold = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    food_threshold = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    programs = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    formula = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    rounding = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_price_subsidy_rule", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_recovery",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payee_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    service_month = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    recovered_fen = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    settled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_recovery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_recovery_settlement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recovery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_recovery_settlement", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_program_division_code_from_month",
                table: "entitlement_period",
                columns: new[] { "program", "division_code", "from_month" });

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_source_id_from_month",
                table: "entitlement_period",
                columns: new[] { "source_id", "from_month" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_template_name",
                table: "payments_bank_template",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_household_id",
                table: "payments_line",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_payroll_id_status",
                table: "payments_line",
                columns: new[] { "payroll_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month_payroll_id",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month", "payroll_id" },
                unique: true,
                filter: "purpose = 3");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month1",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true,
                filter: "purpose = 1");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_source_id_service_month2",
                table: "payments_line",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true,
                filter: "purpose = 2");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_recovery_id_payroll_id",
                table: "payments_line",
                columns: new[] { "recovery_id", "payroll_id" },
                unique: true,
                filter: "purpose = 4");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_retry_of_line_id",
                table: "payments_line",
                column: "retry_of_line_id",
                unique: true,
                filter: "retry_of_line_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_payroll_regular",
                table: "payments_payroll",
                columns: new[] { "division_code", "program", "month" },
                unique: true,
                filter: "kind = 1");

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_household_id_status",
                table: "payments_recovery",
                columns: new[] { "household_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_program_source_id_service_month",
                table: "payments_recovery",
                columns: new[] { "program", "source_id", "service_month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_recovery_settlement_recovery_id",
                table: "payments_recovery_settlement",
                column: "recovery_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entitlement_period");

            migrationBuilder.DropTable(
                name: "payments_bank_template");

            migrationBuilder.DropTable(
                name: "payments_line");

            migrationBuilder.DropTable(
                name: "payments_payroll");

            migrationBuilder.DropTable(
                name: "payments_price_index");

            migrationBuilder.DropTable(
                name: "payments_price_subsidy_rule");

            migrationBuilder.DropTable(
                name: "payments_recovery");

            migrationBuilder.DropTable(
                name: "payments_recovery_settlement");
        }
    }
}
