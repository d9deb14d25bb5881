using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataComparison : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "committed_rows",
                table: "import_batch",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "parameters_json",
                table: "import_batch",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "comparison_dataset",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    import_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_dataset", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_finding",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    rule_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    dataset_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: true),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    effect = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_finding", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_record",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    grade = table.Column<int>(type: "INTEGER", nullable: true),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_rule_setting",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    rule_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    parameter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_rule_setting", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    new_findings = table.Column<int>(type: "INTEGER", nullable: false),
                    report_json = table.Column<string>(type: "TEXT", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_run", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_dataset_kind_division_code_version",
                table: "comparison_dataset",
                columns: new[] { "kind", "division_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_county_code_rule_code_status",
                table: "comparison_finding",
                columns: new[] { "county_code", "rule_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_division_code_status",
                table: "comparison_finding",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_person_id",
                table: "comparison_finding",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_comparison_finding_rule_code_person_id_source_id_dataset_id",
                table: "comparison_finding",
                columns: new[] { "rule_code", "person_id", "source_id", "dataset_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_record_dataset_id_id_number_hash",
                table: "comparison_record",
                columns: new[] { "dataset_id", "id_number_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_record_dataset_id_line",
                table: "comparison_record",
                columns: new[] { "dataset_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_rule_setting_county_code_rule_code",
                table: "comparison_rule_setting",
                columns: new[] { "county_code", "rule_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_run_division_code_started_at",
                table: "comparison_run",
                columns: new[] { "division_code", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comparison_dataset");

            migrationBuilder.DropTable(
                name: "comparison_finding");

            migrationBuilder.DropTable(
                name: "comparison_record");

            migrationBuilder.DropTable(
                name: "comparison_rule_setting");

            migrationBuilder.DropTable(
                name: "comparison_run");

            migrationBuilder.DropColumn(
                name: "committed_rows",
                table: "import_batch");

            migrationBuilder.DropColumn(
                name: "parameters_json",
                table: "import_batch");
        }
    }
}
