using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K19PayrollLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payments_line_program_source_id_service_month",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_program_source_id_service_month_payroll_id",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_program_source_id_service_month1",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_program_source_id_service_month2",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_recovery_id_payroll_id",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_retry_of_line_id",
                table: "payments_line");

            migrationBuilder.AlterColumn<string>(
                name: "explanation",
                table: "payments_line",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "entitlement_period_id",
                table: "payments_line",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "occurrence",
                table: "payments_line",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // ADR 076: what makes each existing line unique for its source and month (before the one unique index is built)
            migrationBuilder.Sql(K19PayrollLinesSql.Occurrence);

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_program_division_code",
                table: "payments_line",
                columns: new[] { "program", "division_code" },
                filter: "status IN (4, 6, 8)");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_recovery_id_payroll_id_service_month",
                table: "payments_line",
                columns: new[] { "recovery_id", "payroll_id", "service_month" },
                unique: true,
                filter: "purpose = 4");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_retry_of_line_id_service_month",
                table: "payments_line",
                columns: new[] { "retry_of_line_id", "service_month" },
                unique: true,
                filter: "retry_of_line_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_source_id_service_month_program_purpose_occurrence",
                table: "payments_line",
                columns: new[] { "source_id", "service_month", "program", "purpose", "occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // the explanation back onto the lines that referenced their entitlement period
            migrationBuilder.Sql(K19PayrollLinesSql.ExplanationBack);

            migrationBuilder.DropIndex(
                name: "ix_payments_line_program_division_code",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_recovery_id_payroll_id_service_month",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_retry_of_line_id_service_month",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_source_id_service_month_program_purpose_occurrence",
                table: "payments_line");

            migrationBuilder.DropColumn(
                name: "entitlement_period_id",
                table: "payments_line");

            migrationBuilder.DropColumn(
                name: "occurrence",
                table: "payments_line");

            migrationBuilder.AlterColumn<string>(
                name: "explanation",
                table: "payments_line",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

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
        }
    }
}
