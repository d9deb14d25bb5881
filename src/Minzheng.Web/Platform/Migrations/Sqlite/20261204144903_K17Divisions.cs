using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K17Divisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "retired_on",
                table: "division",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "succeeded_by",
                table: "division",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "division",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "division_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    moved_summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_change_mapping",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    keeps_identity = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change_mapping", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_move",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    from_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_move", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_version",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    change_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_version", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "division_change_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    change_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    to_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    to_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_change_item", x => x.id);
                    table.ForeignKey(
                        name: "fk_division_change_item_division_change_change_id",
                        column: x => x.change_id,
                        principalTable: "division_change",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_division_change_status_effective_on",
                table: "division_change",
                columns: new[] { "status", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_division_change_item_change_id",
                table: "division_change_item",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_division_change_mapping_change_id_from_code",
                table: "division_change_mapping",
                columns: new[] { "change_id", "from_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_division_move_table_name_entity_key_effective_on",
                table: "division_move",
                columns: new[] { "table_name", "entity_key", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_division_version_code",
                table: "division_version",
                column: "code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "division_change_item");

            migrationBuilder.DropTable(
                name: "division_change_mapping");

            migrationBuilder.DropTable(
                name: "division_move");

            migrationBuilder.DropTable(
                name: "division_version");

            migrationBuilder.DropTable(
                name: "division_change");

            migrationBuilder.DropColumn(
                name: "retired_on",
                table: "division");

            migrationBuilder.DropColumn(
                name: "succeeded_by",
                table: "division");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "division");
        }
    }
}
