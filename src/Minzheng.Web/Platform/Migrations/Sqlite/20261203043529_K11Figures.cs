using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K11Figures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "area",
                table: "platform_figure",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "factor",
                table: "platform_figure",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "platform_figure",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "percent",
                table: "platform_figure",
                type: "TEXT",
                precision: 7,
                scale: 3,
                nullable: true);

            // data: every assistance and child-welfare standard moves into the figure book before its table goes (hand-written, see ADR 013)
            Minzheng.Web.Platform.Figures.FigureBookUpgrade.MoveStandards(migrationBuilder);

            migrationBuilder.DropTable(
                name: "assistance_standard");

            migrationBuilder.DropTable(
                name: "child_standard");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "area",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "factor",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "note",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "percent",
                table: "platform_figure");

            migrationBuilder.CreateTable(
                name: "assistance_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    factor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: true),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_standard", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_standard_program_kind_division_code_valid_from",
                table: "assistance_standard",
                columns: new[] { "program", "kind", "division_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_child_standard_kind_division_code_valid_from",
                table: "child_standard",
                columns: new[] { "kind", "division_code", "valid_from" });
        }
    }
}
