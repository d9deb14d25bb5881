using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "parameters_json",
                table: "import_batch",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "comparison_dataset",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    imported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_dataset", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_finding",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    program = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<long>(type: "bigint", nullable: true),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    found_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    effect = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_finding", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_record",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    grade = table.Column<int>(type: "integer", nullable: true),
                    amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_rule_setting",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    parameter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_rule_setting", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    new_findings = table.Column<int>(type: "integer", nullable: false),
                    report_json = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
